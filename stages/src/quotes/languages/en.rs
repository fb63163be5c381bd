//! English: the language the rules were written for; every word list is defined here.

use super::QuoteLanguage;

/// English: curly and straight quotation marks, no dialogue dashes.
pub(super) const ENGLISH: QuoteLanguage = QuoteLanguage {
    code: "en",
    data: include_str!("../data/en.txt"),
    dialogue_dash: false,
    that_words: &["that"],
    pro_drop: false,
    capitalised_nouns: false,
    split_turns: false,
    reported: false,
    uncued_quotations: false,
};
