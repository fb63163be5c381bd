//! Unit tests and property tests of the tokenizer and the sentence splitter.

use super::*;

fn toks(t: &str) -> Vec<&str> {
    tokenize(t).iter().map(|x| x.span.slice(t)).collect()
}

fn sents(t: &str) -> Vec<&str> {
    let tokens = tokenize(t);
    split_sentences(t, &tokens)
        .iter()
        .map(|s| s.span.slice(t))
        .collect()
}

#[test]
fn splits_punctuation_and_keeps_numbers() {
    assert_eq!(
        toks("In 2018, 1,100 troops."),
        ["In", "2018", ",", "1,100", "troops", "."]
    );
}

#[test]
fn quote_ends_sentence_inside_marks() {
    assert_eq!(
        sents("“It is fine.” He left. Mr. Khan stayed."),
        ["“It is fine.”", "He left.", "Mr. Khan stayed."]
    );
}

#[test]
fn newline_ends_a_headline() {
    assert_eq!(
        sents("Talks Resume\nThe minister spoke."),
        ["Talks Resume", "The minister spoke."]
    );
}
