//! The entity tagger on news sentences written for this test in German, French and
//! Russian (no training data in those languages: the gazetteer classes and the shapes
//! learned on English and Portuguese carry it). Each sentence lists its names with their
//! types; the test prints precision, recall and F1 per language and holds a floor so a
//! model or feature change that loses these languages fails.
#![allow(clippy::unwrap_used)]

use stages::entities::{EntityType, Recognizer};
use stages::tokens::tokenize;

/// `(sentence, [(name, type)])`: every name, in order.
type Case = (&'static str, &'static [(&'static str, &'static str)]);

const DE: &[Case] = &[
    (
        "Bundeskanzler Olaf Scholz reiste am Montag nach Paris.",
        &[("Olaf Scholz", "PER"), ("Paris", "LOC")],
    ),
    (
        "Die Regierung in Berlin will die Kosten der Gratiszeitung senken.",
        &[("Berlin", "LOC")],
    ),
    (
        "Nach Angaben der Vereinten Nationen flohen Millionen Menschen aus der Ukraine.",
        &[("Vereinten Nationen", "ORG"), ("Ukraine", "LOC")],
    ),
    (
        "In München sprach Anna Berger mit Vertretern von Siemens.",
        &[
            ("München", "LOC"),
            ("Anna Berger", "PER"),
            ("Siemens", "ORG"),
        ],
    ),
    (
        "Der Minister kündigte Millionen Euro für die Schulen in Sachsen an.",
        &[("Sachsen", "LOC")],
    ),
    (
        "Frankreich und Deutschland einigten sich in Brüssel auf einen Kompromiss.",
        &[
            ("Frankreich", "LOC"),
            ("Deutschland", "LOC"),
            ("Brüssel", "LOC"),
        ],
    ),
    (
        "Thomas Müller wechselt zum FC Bayern München.",
        &[("Thomas Müller", "PER"), ("FC Bayern München", "ORG")],
    ),
    (
        "Die Polizei in Hamburg nahm am Abend zwei Männer fest.",
        &[("Hamburg", "LOC")],
    ),
];

const FR: &[Case] = &[
    (
        "Le président Emmanuel Macron a reçu Olaf Scholz à l'Élysée.",
        &[
            ("Emmanuel Macron", "PER"),
            ("Olaf Scholz", "PER"),
            ("Élysée", "LOC"),
        ],
    ),
    (
        "La Russie a rejeté la proposition de l'Union européenne.",
        &[("Russie", "LOC"), ("Union européenne", "ORG")],
    ),
    (
        "À Moscou, les négociations ont repris mardi.",
        &[("Moscou", "LOC")],
    ),
    (
        "Marie Dupont travaille pour Renault à Lyon depuis dix ans.",
        &[("Marie Dupont", "PER"), ("Renault", "ORG"), ("Lyon", "LOC")],
    ),
    (
        "La Maison Blanche a démenti les informations du Monde.",
        &[("Maison Blanche", "LOC"), ("Monde", "ORG")],
    ),
    (
        "Le Premier ministre a visité Marseille et Toulouse.",
        &[("Marseille", "LOC"), ("Toulouse", "LOC")],
    ),
];

const RU: &[Case] = &[
    (
        "Президент России Владимир Путин прибыл в Пекин.",
        &[
            ("России", "LOC"),
            ("Владимир Путин", "PER"),
            ("Пекин", "LOC"),
        ],
    ),
    (
        "Власти США и Китая провели переговоры в Женеве.",
        &[("США", "LOC"), ("Китая", "LOC"), ("Женеве", "LOC")],
    ),
    (
        "Министр иностранных дел Сергей Лавров встретился с коллегой из Италии.",
        &[("Сергей Лавров", "PER"), ("Италии", "LOC")],
    ),
    (
        "Компания Газпром сообщила о росте прибыли.",
        &[("Газпром", "ORG")],
    ),
    (
        "В Москве прошла встреча представителей ООН.",
        &[("Москве", "LOC"), ("ООН", "ORG")],
    ),
    (
        "Анна Петрова родилась в Санкт-Петербурге.",
        &[("Анна Петрова", "PER"), ("Санкт-Петербурге", "LOC")],
    ),
];

/// Precision, recall and F1 of the tagger on `cases` (exact span and type).
fn score(cases: &[Case], lang: &str) -> (f64, f64, f64) {
    let (mut tp, mut pred, mut gold) = (0, 0, 0);
    for (text, names) in cases {
        let tokens = tokenize(text);
        let found: Vec<(String, EntityType)> = Recognizer::builtin()
            .recognize_text(text, &tokens, Some(lang))
            .iter()
            .map(|e| (e.span.slice(text).to_owned(), e.kind))
            .collect();
        let want: Vec<(String, EntityType)> = names
            .iter()
            .map(|(n, t)| ((*n).to_owned(), EntityType::parse(t).unwrap()))
            .collect();
        tp += found.iter().filter(|f| want.contains(f)).count();
        pred += found.len();
        gold += want.len();
        println!("{lang}: {text}\n    found {found:?}");
    }
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!("{lang}: P {p:.2} R {r:.2} F1 {f:.2}");
    (p, r, f)
}

#[test]
fn german_french_and_russian_names_are_found() {
    let de = score(DE, "de");
    let fr = score(FR, "fr");
    let ru = score(RU, "ru");
    // floors a little under the figures measured when the model shipped
    // (docs/stages.md): a change that loses a language fails here
    for (lang, (_, _, f), floor) in [("de", de, 0.75), ("fr", fr, 0.55), ("ru", ru, 0.75)] {
        assert!(f >= floor, "{lang}: F1 {f:.2} < {floor}");
    }
}
