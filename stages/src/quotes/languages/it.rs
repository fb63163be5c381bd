//! Italian: « » and “ ” quotes, dialogue dashes, subjects often left out (`"…", ha
//! aggiunto.`).

use super::QuoteLanguage;

/// Italian: dialogue dashes open a quote; `che` opens a reported clause.
pub(super) const ITALIAN: QuoteLanguage = QuoteLanguage {
    code: "it",
    data: include_str!("../data/it.txt"),
    dialogue_dash: true,
    that_words: &["che"],
    pro_drop: true,
    capitalised_nouns: false,
    split_turns: false,
    reported: true,
    uncued_quotations: false,
};
