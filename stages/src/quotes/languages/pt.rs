//! Portuguese: “ ” and « » quotes, dialogue dashes, subjects often left out (`"…",
//! afirmou.`).

use super::QuoteLanguage;

/// Portuguese: dialogue dashes open a quote; `que` opens a reported clause.
pub(super) const PORTUGUESE: QuoteLanguage = QuoteLanguage {
    code: "pt",
    data: include_str!("../data/pt.txt"),
    dialogue_dash: true,
    that_words: &["que"],
    pro_drop: true,
    capitalised_nouns: false,
    reported: true,
};
