//! Spanish: « » and “ ” quotes, dialogue dashes (`—Ya está —dijo el ministro.`).

use super::QuoteLanguage;

/// Spanish: dialogue dashes open a quote; `que` opens a reported clause.
pub(super) const SPANISH: QuoteLanguage = QuoteLanguage {
    code: "es",
    data: include_str!("../data/es.txt"),
    dialogue_dash: true,
    that_words: &["que"],
    pro_drop: true,
    capitalised_nouns: false,
    reported: true,
};
