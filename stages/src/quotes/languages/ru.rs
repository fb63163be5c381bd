//! Russian: « » quotes (inner „ “), dialogue dashes (`— …, — сказал он.`), subjects
//! often left out, `что` / `будто` open a reported clause.

use super::QuoteLanguage;

/// Russian: dialogue dashes open a quote; `что` and `будто` open a reported clause.
pub(super) const RUSSIAN: QuoteLanguage = QuoteLanguage {
    code: "ru",
    data: include_str!("../data/ru.txt"),
    dialogue_dash: true,
    that_words: &["что", "будто"],
    pro_drop: true,
    capitalised_nouns: false,
    split_turns: false,
    reported: true,
    uncued_quotations: false,
};
