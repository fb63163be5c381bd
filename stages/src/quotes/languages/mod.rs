//! The languages of the `quotes` stage: what differs from one language to the next,
//! one small module a language, and the registry [`LANGUAGES`].
//!
//! A [`QuoteLanguage`] names its ISO 639-1 code, its data file (`data/<code>.txt`: word
//! classes and `list NAME:` word lists, see `data/README.md`), whether a paragraph
//! opening with a dash is a dialogue line, and the words that open a reported clause
//! (`that`). Everything else — the patterns of the passes, the quotation marks
//! (`data/marks.txt`) and the multi-word source phrases (`data/phrases.txt`) — is shared
//! by every language. A list a language's file does not define is taken from English,
//! for which the rules were written.
//!
//! A document's language is its `lang` layer (or input field): an ISO 639-1 code, or an
//! ISO 639-3 code mapped through [`crate::lang::iso639_1`]. A language not in
//! [`LANGUAGES`] uses English (the first entry).
//!
//! # Template: to add a language
//!
//! 1. copy `fr.rs` (or `es.rs` for a language that drops its subjects) to `<code>.rs`
//!    and fill in its constant (code, data file, dialogue dashes, `that` words, pro-drop,
//!    the reported-speech rules);
//! 2. write `data/<code>.txt` with its word classes (`speech:`, `pron:`, `title:` …) and
//!    the `list NAME:` lines it needs in its own words (`person_pronoun`,
//!    `plural_pronoun`, …); the lists it leaves out stay English;
//! 3. add `mod <code>;` below and the constant to [`LANGUAGES`];
//! 4. add its quotation marks to `data/marks.txt` and its source phrases (`selon`) to
//!    `data/phrases.txt` if they are new, and a few cases to `stages/tests/quotes/cases.txt`.
//!
//! A language whose word order differs from English's needs its rules in the pass that
//! finds them (see the module docs of `stages::quotes`).

mod cs;
mod de;
mod en;
mod es;
mod fr;
mod it;
mod nl;
mod pt;
mod ru;

/// What the `quotes` stage knows of one language.
#[derive(Debug)]
pub(crate) struct QuoteLanguage {
    /// The ISO 639-1 code (`fr`), as the `lang` layer gives it.
    pub code: &'static str,
    /// The language's data file, `data/<code>.txt`: word classes and word lists.
    pub data: &'static str,
    /// Whether a paragraph opening with a dash (`—`, `–`) is a dialogue line, quoted
    /// to the next dash or to `, <speech verb>`.
    pub dialogue_dash: bool,
    /// The words that open a reported clause (`that`, `que`). Every language's lexicon
    /// knows the words of all of them (a French `que` in an English document counts).
    pub that_words: &'static [&'static str],
    /// Whether a cue may leave its subject out (`"…", sostuvo.`, `Uvedl, že …`): the
    /// quote then takes the current speaker (Spanish, Portuguese, Czech, Russian).
    pub pro_drop: bool,
    /// Whether the reported-speech rules of `reported.rs` run (every language but
    /// English, whose rules are the passes of `clauses/`): cue before or after an
    /// unmarked clause, inverted subjects, postposed sources, subjunctive continuations.
    pub reported: bool,
    /// Whether every noun is capitalised (German): lowercase words before a cue are no
    /// speaker description then.
    pub capitalised_nouns: bool,
}

/// Every language with a data file; the first, English, is the fallback.
pub(crate) static LANGUAGES: &[QuoteLanguage] = &[
    en::ENGLISH,
    fr::FRENCH,
    de::GERMAN,
    es::SPANISH,
    pt::PORTUGUESE,
    ru::RUSSIAN,
    cs::CZECH,
    it::ITALIAN,
    nl::DUTCH,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_two_letter_codes_with_english_first() {
        assert_eq!(LANGUAGES.first().map(|l| l.code), Some("en"));
        for (i, l) in LANGUAGES.iter().enumerate() {
            assert_eq!(l.code.len(), 2, "{}", l.code);
            assert!(crate::lang::language_name(l.code).is_some(), "{}", l.code);
            assert!(
                LANGUAGES[..i].iter().all(|o| o.code != l.code),
                "{}",
                l.code
            );
            assert!(!l.data.is_empty() && !l.that_words.is_empty(), "{}", l.code);
        }
    }
}
