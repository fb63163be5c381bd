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
