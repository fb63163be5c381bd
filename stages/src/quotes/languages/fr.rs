//! French: « » quotes (with or without non-breaking spaces), dialogue dashes, the speech
//! verb often after the quote with subject inversion (`dit-il`).

use super::QuoteLanguage;

/// French: dialogue dashes open a quote; `que` / `qu'` open a reported clause.
pub(super) const FRENCH: QuoteLanguage = QuoteLanguage {
    code: "fr",
    data: include_str!("../data/fr.txt"),
    dialogue_dash: true,
    that_words: &["que", "qu'", "qu’"],
    pro_drop: false,
    capitalised_nouns: false,
    reported: true,
};
