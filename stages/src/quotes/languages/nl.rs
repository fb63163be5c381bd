//! Dutch: „ ” / “ ” and ‘ ’ quotes, the verb often inverted after the quote (`‘…’, zei
//! De Vries`, `„…”, aldus De Vries`).

use super::QuoteLanguage;

/// Dutch: no dialogue dashes; `dat` opens a reported clause.
pub(super) const DUTCH: QuoteLanguage = QuoteLanguage {
    code: "nl",
    data: include_str!("../data/nl.txt"),
    dialogue_dash: false,
    that_words: &["dat"],
    pro_drop: false,
    capitalised_nouns: false,
    split_turns: false,
    reported: true,
    uncued_quotations: false,
};
