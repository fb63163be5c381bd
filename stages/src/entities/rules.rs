//! Rules after the tagger, per language, for what it cannot learn from English and
//! Portuguese alone: articles and elided articles left out of a name (`la Russie`,
//! `l'Élysée`), a gazetteer place split off the front of a longer name (`России Владимир
//! Путин` → `России` + `Владимир Путин`), Slavic full names found by their surname
//! endings (`Сергей Лавров`), and, in languages that capitalise every noun (German),
//! single capitalised words kept only with a gazetteer class behind them; in languages
//! without training data, gazetteer places the tagger left out.

use std::sync::OnceLock;

use pipeline_core::{Span, Token};
use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{TokenView, ALLCAPS, CAP, WORD};
use super::gazetteer::feature;
use super::{Entity, EntityType};
use crate::text::class_lines;

/// The word lists (`data/rules.txt`).
const RULES: &str = include_str!("data/rules.txt");

/// The word lists of the rules (`data/rules.txt`), lowercased, by class and language: the
/// line `article_fr: …` is the list `("article", "fr")`.
fn lists() -> &'static FxHashMap<(&'static str, &'static str), FxHashSet<String>> {
    static LISTS: OnceLock<FxHashMap<(&'static str, &'static str), FxHashSet<String>>> =
        OnceLock::new();
    LISTS.get_or_init(|| {
        let mut m: FxHashMap<(&'static str, &'static str), FxHashSet<String>> =
            FxHashMap::default();
        for (name, words) in class_lines(RULES) {
            let key = name.rsplit_once('_').unwrap_or((name, ""));
            m.entry(key)
                .or_default()
                .extend(words.map(str::to_lowercase));
        }
        m
    })
}

/// The list `class` of language `lang` (looked up without building a key: the rules ask
/// for lists once per entity).
pub(super) fn list<'a>(class: &'a str, lang: &'a str) -> Option<&'a FxHashSet<String>> {
    let lists: &'a FxHashMap<(&'a str, &'a str), FxHashSet<String>> = lists();
    lists.get(&(class, lang))
}

/// Languages that capitalise every noun.
fn capitalises_nouns(lang: &str) -> bool {
    matches!(lang, "de" | "lb")
}

/// Gazetteer bits that make a single capitalised word a name.
const PLACE_BITS: u32 = (feature::COUNTRY
    | feature::CITY
    | feature::REGION
    | feature::INTERNATIONAL
    | feature::SEAT
    | feature::GIVEN_NAME) as u32;

/// Applies the rules of `lang` to the tagger's entities.
pub(super) fn refine(
    text: &str,
    tokens: &[Token],
    v: &[TokenView],
    lang: Option<&str>,
    entities: Vec<Entity>,
) -> Vec<Entity> {
    let Some(lang) = lang else {
        return entities;
    };
    let slavic = list("surname_suffix", lang);
    let mut out = Vec::with_capacity(entities.len());
    for e in entities {
        let Some(e) = strip_articles(text, tokens, lang, e) else {
            continue;
        };
        // Slavic word order puts the country before the name: "Президент России
        // Владимир Путин"; elsewhere the split cost F1 on Portuguese dev
        let parts = if slavic.is_some() {
            split_place_in_front(tokens, v, e)
        } else {
            vec![e]
        };
        for mut e in parts {
            if capitalises_nouns(lang) {
                e = shrink_to_place(tokens, v, e);
                if !backed(v, &e) {
                    continue;
                }
            }
            out.push(e);
        }
    }
    if !TRAINED.contains(&lang) {
        gazetteer_places(tokens, v, &mut out);
    }
    if let Some(suffixes) = slavic {
        slavic_names(text, tokens, v, suffixes, &mut out);
    }
    out
}

/// The languages the tagger has annotated training data in: it learned there when a
/// gazetteer place is one.
const TRAINED: [&str; 2] = ["en", "pt"];

/// In a language without training data, a capitalised place of the gazetteer (not
/// flagged ambiguous) that the tagger left out is a place (`Warschau`, `Пекине`).
fn gazetteer_places(tokens: &[Token], v: &[TokenView], out: &mut Vec<Entity>) {
    let place = (feature::COUNTRY | feature::CITY | feature::REGION) as u32;
    let mut covered = vec![false; tokens.len()];
    for e in out.iter() {
        covered[e.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let mut added = false;
    let mut i = 0;
    while i < tokens.len() {
        let g = v[i].gazetteer;
        let starts = g & feature::BEGIN as u32 != 0
            && g & place != 0
            && g & feature::AMBIGUOUS as u32 == 0
            && v[i].flags & (CAP | WORD) == CAP | WORD;
        if !starts {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        while k < tokens.len() && v[k].gazetteer & feature::INSIDE as u32 != 0 {
            k += 1;
        }
        if !covered[i..k].iter().any(|&c| c) {
            out.push(Entity {
                span: Span::unchecked(tokens[i].span.start, tokens[k - 1].span.end),
                kind: EntityType::Place,
                tokens: i..k,
            });
            added = true;
        }
        i = k;
    }
    if added {
        out.sort_by_key(|e| e.tokens.start);
    }
}

/// The entity without articles in front, in its tokens or glued by an apostrophe;
/// `None` when nothing is left.
fn strip_articles(text: &str, tokens: &[Token], lang: &str, mut e: Entity) -> Option<Entity> {
    if let Some(articles) = list("article", lang) {
        let is_article = |i: usize| articles.contains(&tokens[i].span.slice(text).to_lowercase());
        while e.tokens.len() > 1 && is_article(e.tokens.start) {
            e.tokens.start += 1;
            e.span = Span::unchecked(tokens[e.tokens.start].span.start, e.span.end);
        }
        if is_article(e.tokens.start) {
            return None;
        }
    }
    if let Some(roles) = list("role_suffix", lang) {
        let is_role = |i: usize| {
            let w = tokens[i].span.slice(text).to_lowercase();
            roles.iter().any(|r| w.ends_with(r.as_str()))
        };
        if e.tokens.len() > 2 && is_role(e.tokens.start) {
            e.tokens.start += 1;
            e.span = Span::unchecked(tokens[e.tokens.start].span.start, e.span.end);
        }
    }
    if let Some(elided) = list("elided", lang) {
        let first = tokens[e.tokens.start].span.slice(text);
        if let Some(p) = elided
            .iter()
            .filter(|p| first.len() > p.len() && first.to_lowercase().starts_with(p.as_str()))
            .map(String::len)
            .max()
        {
            // the lowercased prefix has the byte length of the written one (ASCII and `’`)
            if first.is_char_boundary(p) {
                e.span = Span::unchecked(e.span.start + p, e.span.end);
            }
        }
    }
    (e.span.end > e.span.start).then_some(e)
}

/// Splits a gazetteer place that ends before the entity does off its front: the place,
/// when two or three capitalised words remain: then they are a person's name.
fn split_place_in_front(tokens: &[Token], v: &[TokenView], e: Entity) -> Vec<Entity> {
    let (s, end) = (e.tokens.start, e.tokens.end);
    let g = |i: usize| v[i].gazetteer;
    let place = (feature::COUNTRY | feature::CITY | feature::REGION) as u32;
    if end - s < 2 || g(s) & feature::BEGIN as u32 == 0 || g(s) & place == 0 {
        return vec![e];
    }
    let mut k = s + 1;
    while k < end && g(k) & feature::INSIDE as u32 != 0 {
        k += 1;
    }
    if k >= end {
        return vec![e];
    }
    let part = |a: usize, b: usize, kind| Entity {
        span: Span::unchecked(tokens[a].span.start, tokens[b - 1].span.end),
        kind,
        tokens: a..b,
    };
    let rest_is_name =
        (2..=3).contains(&(end - k)) && (k..end).all(|i| v[i].flags & (CAP | WORD) == CAP | WORD);
    let rest_kind = if rest_is_name {
        EntityType::Person
    } else {
        e.kind
    };
    vec![part(s, k, EntityType::Place), part(k, end, rest_kind)]
}

/// In a language that capitalises its nouns, a name holding a gazetteer place among
/// words with no class of their own is that place (`Vertreter Deutschlands` →
/// `Deutschlands`).
fn shrink_to_place(tokens: &[Token], v: &[TokenView], e: Entity) -> Entity {
    let place = (feature::COUNTRY | feature::CITY | feature::REGION) as u32;
    let (s, end) = (e.tokens.start, e.tokens.end);
    if e.kind == EntityType::Organisation {
        // organisations are named after places: `FC Bayern München`
        return e;
    }
    let Some(a) = (s..end).find(|&i| v[i].gazetteer & place != 0) else {
        return e;
    };
    let mut b = a + 1;
    while b < end && v[b].gazetteer & feature::INSIDE as u32 != 0 {
        b += 1;
    }
    let others_plain = (s..a)
        .chain(b..end)
        .all(|i| v[i].gazetteer & PLACE_BITS == 0);
    if !others_plain || (a, b) == (s, end) {
        return e;
    }
    Entity {
        span: Span::unchecked(tokens[a].span.start, tokens[b - 1].span.end),
        kind: EntityType::Place,
        tokens: a..b,
    }
}

/// Whether a single capitalised word has something besides its capital behind it: a
/// gazetteer class or all capitals (`BMW`). Names of two words or more always do.
fn backed(v: &[TokenView], e: &Entity) -> bool {
    e.tokens.len() > 1 || {
        let t = &v[e.tokens.start];
        t.gazetteer & PLACE_BITS != 0 || t.flags & ALLCAPS != 0
    }
}

/// Whether token `i` is a city of the gazetteer and no country or region.
fn city_name(v: &[TokenView], i: usize) -> bool {
    let g = v[i].gazetteer;
    g & feature::CITY as u32 != 0 && g & (feature::COUNTRY | feature::REGION) as u32 == 0
}

/// Whether token `i` lies in one of the entities `es`.
fn covered(es: &[Entity], i: usize) -> bool {
    es.iter().any(|e| e.tokens.contains(&i))
}

/// Two capitalised words whose last ends like a surname (`Сергей Лавров`, `Анна
/// Петрова`), or three whose last two do (`Михаил Сергеевич Горбачёв`): a person, retyped or added where the tagger saw no name.
fn slavic_names(
    text: &str,
    tokens: &[Token],
    v: &[TokenView],
    suffixes: &FxHashSet<String>,
    out: &mut Vec<Entity>,
) {
    let cap = |i: usize| v[i].flags & (CAP | WORD) == CAP | WORD && v[i].flags & ALLCAPS == 0;
    let surname = |i: usize| {
        let w = tokens[i].span.slice(text).to_lowercase();
        w.chars().count() > 3 && suffixes.iter().any(|s| w.ends_with(s.as_str()))
    };
    let mut i = 0;
    while i + 1 < tokens.len() {
        let no_place = |j: usize| v[j].gazetteer & PLACE_BITS & !(feature::GIVEN_NAME as u32) == 0;
        let len = if i + 2 < tokens.len()
            && cap(i)
            && no_place(i)
            && cap(i + 1)
            && surname(i + 1)
            && cap(i + 2)
            && surname(i + 2)
        {
            // a first name, a patronymic and a surname (`Михаил Сергеевич Горбачёв`);
            // without the patronymic the first word is a word in front of a name
            // (`Губернатор Владимир Сидоров`, a capital at the start of a sentence)
            3
        } else if cap(i)
            && (no_place(i) || city_name(v, i) && !covered(out, i + 1))
            && cap(i + 1)
            && surname(i + 1)
        {
            // a city that is also a first name (`Владимир`, `София`) before a surname
            // the tagger left out is that first name
            2
        } else {
            i += 1;
            continue;
        };
        let (a, b) = (i, i + len);
        let span = Span::unchecked(tokens[a].span.start, tokens[b - 1].span.end);
        out.retain(|e| e.tokens.end <= a || e.tokens.start >= b);
        out.push(Entity {
            span,
            kind: EntityType::Person,
            tokens: a..b,
        });
        i = b;
    }
    out.sort_by_key(|e| e.tokens.start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn place(tokens: &[Token], i: usize) -> Entity {
        Entity {
            span: tokens[i].span,
            kind: EntityType::Place,
            tokens: i..i + 1,
        }
    }

    #[test]
    fn a_city_that_is_a_first_name_before_an_untagged_surname_is_a_person() {
        let text = "Губернатор Владимир Сидоров приехал в Самару.";
        let tokens = tokenize(text);
        let v = super::super::features::views(text, &tokens, &[(0, tokens.len())], Some("ru"));
        assert!(city_name(&v, 1), "Владимир is a city of the gazetteer");
        let suffixes = list("surname_suffix", "ru").unwrap();
        let mut out = vec![place(&tokens, 1)];
        slavic_names(text, &tokens, &v, suffixes, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span.slice(text), "Владимир Сидоров");
        assert_eq!(out[0].kind, EntityType::Person);
    }

    #[test]
    fn untagged_gazetteer_places_are_places_where_the_tagger_has_no_training_data() {
        let text = "Die Delegation aus Warschau traf Vertreter aus Polen.";
        let tokens = tokenize(text);
        let v = super::super::features::views(text, &tokens, &[(0, tokens.len())], Some("de"));
        let mut out = vec![place(&tokens, 7)];
        gazetteer_places(&tokens, &v, &mut out);
        let got: Vec<_> = out.iter().map(|e| e.span.slice(text)).collect();
        assert_eq!(got, ["Warschau", "Polen"]);
        let w = refine(text, &tokens, &v, Some("en"), vec![place(&tokens, 7)]);
        assert_eq!(w.len(), 1, "English: the tagger decides");
    }

    #[test]
    fn a_city_before_a_tagged_surname_stays_a_city() {
        let text = "В Москве Иванов выступил с докладом.";
        let tokens = tokenize(text);
        let v = super::super::features::views(text, &tokens, &[(0, tokens.len())], Some("ru"));
        let suffixes = list("surname_suffix", "ru").unwrap();
        let mut person = place(&tokens, 2);
        person.kind = EntityType::Person;
        let mut out = vec![place(&tokens, 1), person];
        slavic_names(text, &tokens, &v, suffixes, &mut out);
        let got: Vec<_> = out.iter().map(|e| (e.span.slice(text), e.kind)).collect();
        assert_eq!(
            got,
            [
                ("Москве", EntityType::Place),
                ("Иванов", EntityType::Person)
            ]
        );
    }
}
