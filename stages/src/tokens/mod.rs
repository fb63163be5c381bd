//! `tokens`: tokenizer and sentence splitter for news text.
//!
//! Requires nothing; provides [`LayerName::TOKENS`] and [`LayerName::SENTENCES`]. Every
//! token's span is a UTF-8 byte range of the untouched text and its `text` is exactly that
//! slice; tokens are sorted, never overlap, and only whitespace lies between them.
//! Works on any language; the rules below are tuned for English news (UD English-EWT /
//! Penn Treebank conventions, the gold the stage is measured against).
//!
//! ```toml
//! [[stage]]
//! type = "tokens"
//! ```
//!
//! ```
//! use pipeline_core::{Document, SyncStage};
//! use stages::tokens::TokenStage;
//! let mut doc = Document::new("a", "ISLAMABAD: Gen. Sharif didn't come. “We’ll see,” he said.");
//! TokenStage::default().apply(&mut doc).unwrap();
//! let words: Vec<&str> = doc.tokens().unwrap().iter().map(|t| t.span.slice(doc.text())).collect();
//! assert_eq!(words, ["ISLAMABAD", ":", "Gen.", "Sharif", "didn't", "come", ".",
//!     "“", "We’ll", "see", ",", "”", "he", "said", "."]);
//! assert_eq!(doc.sentences().unwrap().len(), 2);
//! ```
//!
//! # Tokens
//! - Words keep inner apostrophes, as UD English-EWT's surface tokens do: `didn't`,
//!   `Arafat's`, `Iran’s`, `O'Neill` are one token each. A plural possessive keeps its
//!   apostrophe (`Nations’`) unless a single quotation is open, where the mark closes it.
//! - Hyphenated compounds are split (`15`, `-`, `year`; `al`, `-`, `Qaida`) except after
//!   the prefixes of `hyphen_prefixes.txt` (`e-mail`, `non-human`) and in phone numbers
//!   (`853-3242`).
//! - Numbers keep their separators: `1,100`, `2.5`, `08/16/2000`, `12:05`; currency signs
//!   and `%` are tokens of their own (`$`, `1.9`; `16`, `%`).
//! - Abbreviations keep their period (`Gen.`, `Mr.`, `U.S.`, `Sept.`, `ret.`, initials
//!   `J.`; the list is `abbreviations.txt`), except where the abbreviation ends the
//!   sentence: there the period is a token of its own (`U.S`, `.`), as in UD.
//! - Runs of `.`, `!`, `?` (`...`, `?!`) and of `-`/`=`, `*`, `_`, … are one token.
//! - Every quote mark (`" ' “ ” ‘ ’ « » „ ‚ ‹ › 「 」 『 』`) is a token of its own when it is
//!   used as a quote mark; `’` inside a word is an apostrophe.
//! - URLs, e-mail addresses, @handles, #hashtags, emoticons (`:-)`) and emoji (with skin
//!   tones, ZWJ sequences, flags, keycaps) are single tokens.
//! - Han and Hiragana get one token per character; Katakana, Thai, Lao, Khmer and Myanmar
//!   one per run of the script. Right-to-left text is tokenized in logical (stored) order,
//!   like any other; combining marks stay with their letter.
//!
//! # `tokens[].kind`
//! | kind | what |
//! | --- | --- |
//! | `word` | letters, possibly with digits, inner apostrophes, hyphens after a prefix, dots (`U.S.`, `alt.animals.cat`); elisions (`'em`); CJK characters and Thai runs |
//! | `number` | starts with a digit and has no letter: `1,100`, `2.5`, `08/16/2000`, `853-3242` |
//! | `punct` | punctuation, quote marks, brackets, dashes, ellipses |
//! | `symbol` | currency, maths and other symbols: `$`, `%`, `+`, `=`, `€`, `©` |
//! | `url` | `https://…`, `www.…`, and dotted names ending in a common domain (`paulhastings.com`) |
//! | `email` | `name@example.org` (also `user@HOST` as in mail headers) |
//! | `emoji` | an emoji with its modifiers and ZWJ parts, a flag, a keycap, an emoticon |
//! | `handle` | `@nlpipe` |
//! | `hashtag` | `#news` |
//! | `other` | anything else that is not whitespace (e.g. invisible format characters) |
//!
//! # Sentences
//! See [`split_sentences`]. Paragraph breaks (a blank line) always end a sentence;
//! headlines without a final period end at their line break.
//!
//! # Failure
//! None: the stage accepts any text, never panics, and runs in time linear in its length.

mod chars;
mod lexicon;
mod sentences;
mod tokenizer;

#[cfg(test)]
mod tests;

pub use sentences::split_sentences;
pub use tokenizer::tokenize;

use pipeline_core::{Document, LayerName, StageError, SyncStage};
use serde::Deserialize;

/// Options of the `tokens` stage (none yet: the `[[stage]]` table takes only its `type`).
///
/// ```
/// let config = stages::tokens::TokenConfig::default();
/// let stage = stages::tokens::TokenStage::new(config);
/// # let _ = stage;
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TokenConfig {}

/// The `tokens` stage.
///
/// ```
/// use stages::tokens::{TokenConfig, TokenStage};
/// let doc = stages::annotate("Mr. Khan left. He said so.", &[&TokenStage::new(TokenConfig::default())]).unwrap();
/// assert_eq!(doc.sentences().unwrap().len(), 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct TokenStage {
    _config: TokenConfig,
}

impl TokenStage {
    /// Builds the stage.
    pub fn new(config: TokenConfig) -> TokenStage {
        TokenStage { _config: config }
    }
}

impl SyncStage for TokenStage {
    fn name(&self) -> &str {
        "tokens"
    }

    fn provides(&self) -> Vec<LayerName> {
        vec![LayerName::TOKENS, LayerName::SENTENCES]
    }

    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        let tokens = tokenize(doc.text());
        let sentences = split_sentences(doc.text(), &tokens);
        doc.set_tokens(tokens)?;
        doc.set_sentences(sentences)?;
        Ok(())
    }
}
