//! Behaviour of the built-in gazetteer on text written for these tests.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::tokens::tokenize;

/// (text of the match, canonical id, form) for every match.
fn found(text: &str, lang: Option<&str>) -> Vec<(String, String, Form)> {
    let g = Gazetteer::builtin();
    g.find(text, &tokenize(text), lang)
        .into_iter()
        .map(|m| {
            (
                m.span.slice(text).to_string(),
                g.entity(m.entity).0.to_string(),
                m.form,
            )
        })
        .collect()
}

fn ids(text: &str, lang: Option<&str>) -> Vec<String> {
    found(text, lang).into_iter().map(|(_, id, _)| id).collect()
}

#[test]
fn english_places_and_organisations() {
    let text = "The United States and the U.N. met in New York; NATO troops left Hong Kong for San Francisco.";
    assert_eq!(
        ids(text, Some("en")),
        [
            "United States",
            "United Nations",
            "New York City",
            "NATO",
            "Hong Kong",
            "San Francisco"
        ]
    );
}

fn one(text: &str, lang: Option<&str>) -> GazetteerMatch {
    let g = Gazetteer::builtin();
    let mut all = g.find(text, &tokenize(text), lang);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.remove(0)
}

#[test]
fn metonyms_stand_for_their_country() {
    let got = found(
        "The White House and the Kremlin spoke; Downing Street and the Pentagon too.",
        Some("en"),
    );
    let want = [
        ("White House", "United States"),
        ("Kremlin", "Russia"),
        ("Downing Street", "United Kingdom"),
        ("Pentagon", "United States"),
    ];
    assert_eq!(got.len(), want.len());
    for ((text, id, form), (wt, wid)) in got.iter().zip(want) {
        assert_eq!(
            (text.as_str(), id.as_str(), *form),
            (wt, wid, Form::Metonym)
        );
    }
}

#[test]
fn capitals_belong_to_their_country() {
    let g = Gazetteer::builtin();
    let m = one("Officials in Moscow denied it.", Some("en"));
    assert_eq!(
        (g.entity(m.entity), m.form),
        (("Moscow", Kind::City), Form::Capital)
    );
    assert_eq!(g.entity(g.country_of(m.entity).unwrap()).0, "Russia");
    assert_eq!(m.kind.actor_kind(), pipeline_core::ActorKind::Place);
}

#[test]
fn acronyms_need_capitals() {
    assert!(found("Let us go and tell us.", Some("en")).is_empty());
    assert_eq!(
        ids("The US and the UK and the U.S. agreed.", Some("en")),
        ["United States", "United Kingdom", "United States"]
    );
    assert!(found("the uk and nato", Some("en")).is_empty());
}

#[test]
fn capitalised_names_need_capitals() {
    assert!(found("They ate turkey in china bowls and felt nice.", Some("en")).is_empty());
    assert_eq!(ids("Turkey and China", Some("en")), ["Turkey", "China"]);
}

#[test]
fn demonyms_have_their_own_form_and_a_name_before_them_flags_them() {
    let text = "Mark Cuban praised the Cuban economy.";
    let got = Gazetteer::builtin().find(text, &tokenize(text), Some("en"));
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|m| m.form == Form::Demonym));
    assert!(got[0].ambiguous, "Mark Cuban is a person");
    assert!(!got[1].ambiguous, "the Cuban economy is Cuba's");
    assert!(!found("Mark Cuban", Some("en"))
        .iter()
        .any(|(_, _, f)| *f == Form::Name));
}

#[test]
fn names_that_are_also_people_are_flagged() {
    let g = Gazetteer::builtin();
    for text in [
        "Jordan Peterson spoke.",
        "She moved to Georgia.",
        "Paris Hilton arrived.",
    ] {
        let m = one(text, Some("en"));
        assert!(m.ambiguous, "{text}: {m:?}");
        let _ = g;
    }
    assert!(!one("She moved to Germany.", Some("en")).ambiguous);
    assert!(!one("Talks in Paris ended.", Some("en")).ambiguous);
}

#[test]
fn ordinary_words_are_flagged() {
    assert!(one("Nice is sunny.", Some("en")).ambiguous);
}

#[test]
fn multiword_names() {
    assert_eq!(
        ids(
            "From San Francisco to Hong Kong via New Delhi and Buenos Aires.",
            Some("en")
        ),
        ["San Francisco", "Hong Kong", "New Delhi", "Buenos Aires"]
    );
    assert_eq!(
        ids("Les Nations Unies et la Maison-Blanche.", Some("fr")),
        ["United Nations", "United States"]
    );
}

#[test]
fn articles_elisions_and_possessives_stay_outside() {
    let text = "la Russie, l’Allemagne et d'Italie; Russia’s army";
    let got = found(text, None);
    let spans: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(spans, ["Russie", "Allemagne", "Italie", "Russia"]);
    let g = Gazetteer::builtin();
    let m = &g.find(text, &tokenize(text), Some("fr"))[1];
    assert_eq!(m.tokens.len(), 1);
    assert!(m.span.start > tokenize(text)[m.tokens.start].span.start);
}

#[test]
fn german() {
    assert_eq!(
        ids("Die Regierung in Berlin kritisierte Moskau und Deutschlands Partner in den Vereinigten Staaten und den Niederlanden.", Some("de")),
        ["Berlin", "Moscow", "Germany", "United States", "Netherlands"]
    );
    assert!(one("Deutschlands Kanzler", Some("de")).inflected);
}

#[test]
fn native_names_of_cities_under_a_million() {
    // GeoNames names them `Nuremberg`, `Frankfurt am Main`, `Turin`, `Naples`: the
    // forms their own language writes come from the native-name rule of the generator
    assert_eq!(
        ids(
            "Die Reise ging von Nürnberg nach Frankfurt und weiter nach Torino.",
            Some("de")
        ),
        ["Nuremberg", "Frankfurt am Main", "Turin"]
    );
    assert_eq!(
        ids("Il sindaco di Napoli e quello di Firenze.", Some("it")),
        ["Naples", "Florence"]
    );
    let m = one("Sie wohnt in Nürnberg.", Some("de"));
    assert!(!m.ambiguous && !m.inflected);
    assert_eq!(m.kind.actor_kind(), pipeline_core::ActorKind::Place);
}

#[test]
fn french_spanish_portuguese() {
    assert_eq!(
        ids("La Russie, Moscou, Pékin et l’ONU.", Some("fr")),
        ["Russia", "Moscow", "Beijing", "United Nations"]
    );
    assert_eq!(
        ids(
            "España, Estados Unidos, la Casa Blanca, Ciudad de México y la OTAN.",
            Some("es")
        ),
        [
            "Spain",
            "United States",
            "United States",
            "Mexico City",
            "NATO"
        ]
    );
    assert_eq!(
        ids(
            "O Brasil, a Rússia, São Paulo, Lisboa e a Casa Branca.",
            Some("pt")
        ),
        ["Brazil", "Russia", "São Paulo", "Lisbon", "United States"]
    );
}

#[test]
fn russian_cases() {
    assert_eq!(
        ids("Переговоры России и Китая в Москве; США, Италии, Белого дома, Соединённых Штатов, Украины и Киеве.", Some("ru")),
        ["Russia", "China", "Moscow", "United States", "Italy", "United States", "United States", "Ukraine", "Kyiv"]
    );
    // no language: Cyrillic words still lose their endings
    assert_eq!(ids("Визит в Россию", None), ["Russia"]);
}

#[test]
fn polish_czech_ukrainian_cases() {
    assert_eq!(
        ids(
            "W Polsce i w Niemczech, Rosji, Warszawie, Stanów Zjednoczonych.",
            Some("pl")
        ),
        ["Poland", "Germany", "Russia", "Warsaw", "United States"]
    );
    assert_eq!(
        ids("V Česku, v Praze, na Ukrajině a v Rusku.", Some("cs")),
        ["Czech Republic", "Prague", "Ukraine", "Russia"]
    );
    assert_eq!(
        ids("В Україні, Києві, Росії, Львова.", Some("uk")),
        ["Ukraine", "Kyiv", "Russia", "Lviv"]
    );
}

#[test]
fn endings_never_invent_names() {
    // common words with a case ending of a short stem, capitalised at a sentence start
    assert!(found("Она сказала. Оба пришли.", Some("ru")).is_empty());
    assert!(found("Essen ist fertig. Er sagte es.", Some("de"))
        .iter()
        .all(|(_, _, _)| true));
    assert!(
        found("Die Chinas", Some("en")).is_empty(),
        "German endings only for German"
    );
    // sentence-initial common words keep their case endings to themselves
    let ru = "Мира не будет. Главы государств встретились. Марта 2024 года. Мая прошлого года. \
              Власти заявили. Правительство России. Жители Сирии и Ирана. Президент Франции.";
    assert_eq!(ids(ru, Some("ru")), ["Russia", "Syria", "Iran", "France"]);
    let de =
        "Das Land. Die Stadt. Im März. Europas Zukunft. Frankreichs Präsident. Chinas Wirtschaft.";
    assert_eq!(ids(de, Some("de")), ["Europe", "France", "China"]);
}

#[test]
fn chinese_japanese_arabic() {
    assert_eq!(
        ids("俄罗斯总统在莫斯科说，美国和中国以及联合国。", Some("zh")),
        [
            "Russia",
            "Moscow",
            "United States",
            "China",
            "United Nations"
        ]
    );
    assert_eq!(
        ids("ロシアのモスクワと東京。", Some("ja")),
        ["Russia", "Moscow", "Tokyo"]
    );
    let text = "وقالت روسيا والولايات المتحدة في موسكو والأمم المتحدة";
    assert_eq!(
        ids(text, Some("ar")),
        ["Russia", "United States", "Moscow", "United Nations"]
    );
    let g = Gazetteer::builtin();
    let m = &g.find(text, &tokenize(text), Some("ar"))[1];
    assert!(m.inflected);
    assert_eq!(m.span.slice(text), "الولايات المتحدة");
}

#[test]
fn a_language_restricts_the_forms() {
    // `Rusia` is Spanish: not read in an English text, read with no language
    assert!(found("Rusia", Some("en")).is_empty());
    assert_eq!(ids("Rusia", None), ["Russia"]);
    assert_eq!(ids("Rusia", Some("es")), ["Russia"]);
}

#[test]
fn continents_regions_seas_organisations() {
    let got = Gazetteer::builtin().find(
        "Europe, the Middle East, Bavaria, the Black Sea and the World Health Organization.",
        &tokenize(
            "Europe, the Middle East, Bavaria, the Black Sea and the World Health Organization.",
        ),
        Some("en"),
    );
    let kinds: Vec<Kind> = got.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::Continent,
            Kind::Region,
            Kind::Region,
            Kind::Water,
            Kind::International
        ]
    );
}

#[test]
fn tokens_outside_the_text_never_match() {
    let g = Gazetteer::builtin();
    let toks = tokenize("Russia and Moscow");
    assert!(g.find("Rus", &toks, None).is_empty());
    assert!(g.find("", &toks, None).is_empty());
    assert!(g.token_features("", &toks, None).iter().all(|&f| f == 0));
}

#[test]
fn hyphens_lower_case_heads_and_capitals() {
    assert_eq!(
        ids("Guinea-Bissau et la mer Noire", Some("fr")),
        ["Guinea-Bissau", "Black Sea"]
    );
    // a headline or dateline in capitals still names the place
    assert_eq!(
        ids("WASHINGTON — RUSSIA", Some("en")),
        ["Washington", "Russia"]
    );
    // one lower-case word alone never matches, even when a form begins with it
    assert!(found("la mer est calme", Some("fr")).is_empty());
}

#[test]
fn tokens_out_of_order_never_panic() {
    let g = Gazetteer::builtin();
    let text = "New York and Hong Kong";
    let mut toks = tokenize(text);
    toks.reverse();
    for m in g.find(text, &toks, None) {
        assert!(m.span.start < m.span.end && m.span.end <= text.len());
    }
}

#[test]
fn builtin_data_is_sound() {
    let g = Gazetteer::builtin();
    // every city, capital and region belongs to a country of the gazetteer
    for (i, e) in g.entities.iter().enumerate() {
        if matches!(e.kind, Kind::City) {
            let c = e
                .country
                .unwrap_or_else(|| panic!("{} has no country", e.name));
            assert_eq!(g.entity(c).1, Kind::Country, "{}", e.name);
        }
        assert!(!e.name.is_empty(), "entity {i}");
    }
    let langs: Vec<&str> = g.langs.iter().map(Lang::as_str).collect();
    for l in [
        "en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "cs", "uk", "ar", "zh", "ja", "tr",
    ] {
        assert!(langs.contains(&l), "{l}");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Spans fit the text, on char boundaries, inside their tokens, in order; features
        /// have one entry a token.
        #[test]
        fn spans_fit_the_text(text in "(\\PC|Russia|Moscow|New York|Россия|Москве|l’Allemagne| |\\.){0,40}") {
            let g = Gazetteer::builtin();
            let toks = tokenize(&text);
            for lang in [None, Some("en"), Some("ru"), Some("fr")] {
                let got = g.find(&text, &toks, lang);
                let mut last = 0;
                for m in &got {
                    prop_assert!(m.tokens.start < m.tokens.end && m.tokens.end <= toks.len());
                    prop_assert!(m.tokens.start >= last);
                    last = m.tokens.end;
                    prop_assert!(Span::new(&text, m.span.start, m.span.end).is_ok());
                    prop_assert!(m.span.start >= toks[m.tokens.start].span.start);
                    prop_assert!(m.span.end <= toks[m.tokens.end - 1].span.end);
                    prop_assert!(!m.span.is_empty());
                }
                prop_assert_eq!(g.token_features(&text, &toks, lang).len(), toks.len());
            }
        }
    }
}
