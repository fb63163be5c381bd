//! Czech: „ “ quotes (inner ‚ ‘) and straight ones, subjects often left out (`"…,"
//! dodal.`), `že` opens a reported clause.

use super::QuoteLanguage;

/// Czech: no dialogue dashes; `že` opens a reported clause.
pub(super) const CZECH: QuoteLanguage = QuoteLanguage {
    code: "cs",
    data: include_str!("../data/cs.txt"),
    dialogue_dash: false,
    that_words: &["že"],
    pro_drop: true,
    capitalised_nouns: false,
    split_turns: false,
    reported: true,
    uncued_quotations: false,
};
