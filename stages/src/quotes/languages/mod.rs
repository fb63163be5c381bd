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
//!    the reported-speech rules, capitalised nouns, whether a quote after its
//!    attribution's sentence is a turn of its own: `split_turns`), and replace its unit
//!    tests with sentences of your own in that language, one test per construction
//!    (they call `testing::check`: kind, content, end of the speaker's entity);
//! 2. write `data/<code>.txt` with its word classes (`speech:`, `pron:`, `title:` …) and
//!    the `list NAME:` lines it needs in its own words (`person_pronoun`,
//!    `plural_pronoun`, …); the lists it leaves out stay English;
//! 3. add `mod <code>;` below and the constant to [`LANGUAGES`];
//! 4. add its quotation marks to `data/marks.txt` and its source phrases (`selon`) to
//!    `data/phrases.txt` if they are new, and a few cases to `stages/tests/quotes/cases.txt`;
//! 5. write a dozen news-style documents of your own with their gold quotes in a set like
//!    `stages/tests/quotes/news_fr_es_pt.txt` (direct, partial, reported, cue before,
//!    after and inside, inverted, the source phrase, a turn per speaker, a text without
//!    quotes) and give the language its floors in `stages/tests/quote_news_languages.rs`,
//!    which prints its quote F1 and speaker accuracy.
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
    /// Whether a quote that follows its attribution's sentence (`“A,” she said. “B.”`)
    /// is a turn of its own, same speaker, rather than more of the same quote (French
    /// news: `« A », a-t-elle dit. « B. »`). A quote interrupted inside one sentence
    /// (`« A », dit-elle, « B »`) is one quote in every language.
    pub split_turns: bool,
    /// Whether a long quotation in double marks that no cue attributes is still a direct
    /// quote, without a speaker unless a speaker label (`Karl. „…“`) names one (German:
    /// the press of the time quoted whole letters, speeches and articles that way; see
    /// `uncued.rs`).
    pub uncued_quotations: bool,
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

/// Shared by the tests of the language modules: the quotes of a text in a language.
#[cfg(test)]
pub(super) mod testing {
    use pipeline_core::{Document, QuoteKind, SyncStage};

    /// One quote as `(kind, content, speaker entity)`.
    pub(crate) type Found = (QuoteKind, String, Option<String>);

    /// The quotes of `text` with the language hint `lang` and the default config.
    pub(crate) fn quotes(text: &str, lang: &str) -> Vec<Found> {
        let mut doc = Document::new("t", text);
        doc.set_lang_hint(lang);
        crate::tokens::TokenStage::default()
            .apply(&mut doc)
            .expect("tokens");
        crate::quotes::QuoteStage::default()
            .apply(&mut doc)
            .expect("quotes");
        doc.quotes()
            .expect("quotes layer")
            .iter()
            .map(|q| {
                let entity = q.speaker.as_ref().map(|s| s.entity.clone());
                (q.kind, q.span.slice(text).to_owned(), entity)
            })
            .collect()
    }

    /// Asserts that `text` gives exactly the quotes `want`, in order: kind, content
    /// (without its outer marks and closing punctuation) and the end of the speaker's
    /// entity (`None`: no speaker).
    pub(crate) fn check(text: &str, lang: &str, want: &[(QuoteKind, &str, Option<&str>)]) {
        let got = quotes(text, lang);
        let trim = |s: &str| {
            s.trim_matches(|c: char| c.is_whitespace() || ",.;:!?«»“”„\"".contains(c))
                .to_owned()
        };
        let ok = got.len() == want.len()
            && got.iter().zip(want).all(|((k, c, e), (wk, wc, we))| {
                k == wk
                    && trim(c) == trim(wc)
                    && match (e, we) {
                        (None, None) => true,
                        (Some(e), Some(we)) => e.ends_with(we),
                        _ => false,
                    }
            });
        assert!(ok, "{text}\n got: {got:?}\nwant: {want:?}");
    }
}

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
