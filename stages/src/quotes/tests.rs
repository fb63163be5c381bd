//! Unit tests of the quotes stage that are no sentence-in, quotes-out case: errors,
//! confidence values, spans that must never come out reversed, and inputs that once
//! panicked or could run in quadratic time. What the stage finds in a sentence (kind,
//! content, speaker, entity, cue) is tested as a table in `stages/tests/quotes/cases.txt`,
//! run by `stages/tests/quote_cases.rs`.

use super::*;
use crate::tokens::TokenStage;

/// The quotes of `text` with the language hint `lang`, default config.
fn run_lang(text: &str, lang: &str) -> Vec<Quote> {
    let mut doc = Document::new("t", text);
    doc.set_lang_hint(lang);
    TokenStage::default().apply(&mut doc).unwrap();
    QuoteStage::default().apply(&mut doc).unwrap();
    doc.quotes().unwrap().to_vec()
}

/// The quotes of `text` in English.
fn run(text: &str) -> Vec<Quote> {
    run_lang(text, "en")
}

#[test]
fn missing_layers_are_an_error() {
    let mut doc = Document::new("t", "text");
    assert!(matches!(
        QuoteStage::default().apply(&mut doc),
        Err(StageError::MissingLayer(_))
    ));
}

#[test]
fn confidence_is_in_range() {
    let t = "“Prices will fall,” Okafor said. He said the port was ready. According to him, it is.";
    let qs = run(t);
    assert!(!qs.is_empty());
    for q in qs {
        assert!((0.0..=1.0).contains(&q.confidence));
    }
}

#[test]
fn many_unbalanced_marks_are_linear_and_harmless() {
    let t = "“ ‘ \" « „ ".repeat(20_000);
    let _ = run(&t);
    // spaced: the tokenizer is slow on long runs of punctuation without spaces
    let t = "“ ".repeat(100_000);
    assert!(run(&t).is_empty());
}

#[test]
fn commas_before_a_verb_at_the_start_do_not_panic() {
    // found by the conformance property test
    for t in [
        ", ,  said ",
        ", , said",
        ") , said that",
        ", who said",
        ":\"¹\"",
        ", „“",
    ] {
        let _ = run(t);
    }
    // an empty quote after the writer's words: no span may come out reversed
    let t = "», «Hussain said Gen. Gen. ““ told Reuters";
    for q in run(t) {
        assert!(q.span.start <= q.span.end);
    }
}

#[test]
fn a_quote_opening_right_after_a_leading_comma_does_not_panic() {
    for t in [", »«", ",“x”", ": “Yes,” he said."] {
        let _ = run(t);
        let _ = run_lang(t, "fr");
    }
}

#[test]
fn a_lang_stage_after_quotes_is_refused_naming_both() {
    let registry = crate::registry();
    let options = pipeline_core::RunnerOptions::default();
    let err = registry
        .chain_from_names(&["tokens", "quotes", "lang"], options)
        .expect_err("lang after quotes");
    assert_eq!(
        err.to_string(),
        "stage `quotes` reads the `lang` layer, which stage `lang` provides later in the \
         chain: put `lang` before `quotes`"
    );
    for names in [&["lang", "tokens", "quotes"][..], &["tokens", "quotes"]] {
        assert!(
            registry.chain_from_names(names, options).is_ok(),
            "{names:?}"
        );
    }
}
