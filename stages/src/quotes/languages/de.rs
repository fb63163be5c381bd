//! German: „ “ and » « quotes, no dialogue dashes.

use super::QuoteLanguage;

/// German: `dass` (`daß`) opens a reported clause.
pub(super) const GERMAN: QuoteLanguage = QuoteLanguage {
    code: "de",
    data: include_str!("../data/de.txt"),
    dialogue_dash: false,
    that_words: &["dass", "daß"],
    pro_drop: false,
    capitalised_nouns: true,
    reported: true,
};
