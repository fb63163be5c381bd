//! `stems`: Snowball stems for every token, by the document's language.
//!
//! Requires [`LayerName::TOKENS`]; provides [`LayerName::STEMS`] (the `stem` field of
//! each token); uses [`LayerName::LANG`] when present (a `lang` stage after `stems` is
//! refused). The language is the `lang` layer's, else the input's `lang` field. Tokens
//! are lowercased before stemming. Languages without a Snowball stemmer in
//! `rust-stemmers` (and documents of unknown language) pass through untouched.
//!
//! Languages: Arabic, Danish, Dutch, English, Finnish, French, German, Greek, Hungarian,
//! Italian, Norwegian (`no`, `nb`, `nn`), Portuguese, Romanian, Russian, Spanish, Swedish,
//! Tamil, Turkish.
//!
//! ```toml
//! [[stage]]
//! type = "stems"
//! ```
//!
//! ```
//! use pipeline_core::{Document, SyncStage};
//! use stages::{stems::StemStage, tokens::TokenStage};
//! let mut doc = Document::new("a", "Talks continued");
//! doc.set_lang_hint("en");
//! TokenStage::default().apply(&mut doc).unwrap();
//! StemStage::default().apply(&mut doc).unwrap();
//! let stems: Vec<_> = doc.tokens().unwrap().iter().map(|t| t.stem.as_deref().unwrap()).collect();
//! assert_eq!(stems, ["talk", "continu"]);
//! ```

mod english;

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use pipeline_core::{Document, LayerName, StageError, SyncStage};
use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;

/// Options of the `stems` stage (none yet).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StemConfig {}

/// The `stems` stage.
#[derive(Clone)]
pub struct StemStage {
    stemmers: Arc<HashMap<&'static str, (usize, Snowball)>>,
}

/// One language's stemmer: `rust-stemmers`', and for English our own in front of it
/// ([`english`]: the same stems, a tenth of the instructions).
struct Snowball {
    stemmer: Stemmer,
    english: bool,
}

impl Snowball {
    fn new(algorithm: Algorithm) -> Snowball {
        Snowball {
            stemmer: Stemmer::create(algorithm),
            english: algorithm == Algorithm::English,
        }
    }

    /// The stem of a lowercased word.
    fn stem(&self, lower: &str) -> Arc<str> {
        match self.english.then(|| english::stem(lower)).flatten() {
            Some(stem) => stem.as_str().into(),
            None => self.stemmer.stem(lower).into(),
        }
    }
}

/// Most frequent words per thread and language: the lowercased word → its stem. News
/// text repeats a small vocabulary, so most tokens skip the Snowball run.
const CACHE_WORDS: usize = 32 * 1024;

// words of up to PACKED bytes are keyed by one integer (text::pack_word)
use crate::text::{pack_word as pack, PACKED_WORD_BYTES as PACKED};

/// The stems of one language's words, by lowercased word. Words of up to [`PACKED`]
/// bytes (nearly all) are keyed by one `u128` holding their bytes and length: looking one
/// up hashes two integers and compares one, where a string key is hashed byte by byte,
/// read through its pointer (a cache miss: the keys lie all over the heap) and compared
/// with `memcmp`. Longer words keep a string key.
#[derive(Default)]
struct Cache {
    short: FxHashMap<u128, Arc<str>>,
    long: FxHashMap<Box<str>, Arc<str>>,
}

impl Cache {
    /// Makes room for one more word: at [`CACHE_WORDS`], everything is dropped.
    fn make_room(&mut self) {
        if self.short.len() + self.long.len() >= CACHE_WORDS {
            self.short.clear();
            self.long.clear();
        }
    }
}

/// The packed key of an ASCII word of at most [`PACKED`] bytes, lowercased on the way
/// (the key [`pack`] gives its lowercase form); `None` for other words.
#[inline]
fn pack_ascii_lowercase(word: &[u8]) -> Option<u128> {
    if word.len() > PACKED || !word.is_ascii() {
        return None;
    }
    let mut key = [0u8; 16];
    for (k, b) in key.iter_mut().zip(word) {
        *k = b.to_ascii_lowercase();
    }
    key[15] = word.len() as u8;
    Some(u128::from_le_bytes(key))
}

/// [`pack_ascii_lowercase`] of the `len` bytes of `text` from `start`, read in place: the
/// 16 bytes from `start` as two words, cut to `len`, tested for ASCII and lowercased eight
/// bytes at a time (no byte loop, no copy). `None` where [`pack_ascii_lowercase`] gives
/// `None`, and also where fewer than 16 bytes of `text` lie from `start` (the caller then
/// asks [`pack_ascii_lowercase`]).
#[inline]
fn pack_ascii_lowercase_at(text: &[u8], start: usize, len: usize) -> Option<u128> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    if len > PACKED {
        return None;
    }
    let window: [u8; 16] = text.get(start..start.checked_add(16)?)?.try_into().ok()?;
    let [a, b, c, d, e, f, g, h, rest @ ..] = window;
    let (keep_lo, keep_hi) = KEEP[len];
    let lo = u64::from_le_bytes([a, b, c, d, e, f, g, h]) & keep_lo;
    let hi = u64::from_le_bytes(rest) & keep_hi;
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    // bytes below 0x80: the high bit of `b + 0x80 - x` says `b >= x`, with no carry out
    let lower = |x: u64| {
        let upper = x.wrapping_add(ONES * u64::from(0x80 - b'A'))
            & !x.wrapping_add(ONES * u64::from(0x80 - b'Z' - 1))
            & HIGH;
        x | (upper >> 2)
    };
    Some(u128::from(lower(lo)) | (u128::from(lower(hi)) << 64) | ((len as u128) << 120))
}

/// For `len` up to [`PACKED`]: the masks of the first `len` bytes of a 16-byte window, as
/// its low and high words (a table: a `u128` shift by a variable count is a dozen
/// instructions).
static KEEP: [(u64, u64); PACKED + 1] = {
    let mut masks = [(0, 0); PACKED + 1];
    let mut len = 1;
    while len <= PACKED {
        masks[len] = if len <= 8 {
            (u64::MAX >> (64 - 8 * len), 0)
        } else {
            (u64::MAX, u64::MAX >> (64 - 8 * (len - 8)))
        };
        len += 1;
    }
    masks
};

thread_local! {
    static CACHE: RefCell<Vec<Cache>> =
        RefCell::new((0..ALGORITHMS.len()).map(|_| Cache::default()).collect());
}

impl std::fmt::Debug for StemStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StemStage").finish_non_exhaustive()
    }
}

/// ISO 639-1 (and 639-3) codes of the languages with a stemmer.
const ALGORITHMS: &[(&str, Algorithm)] = &[
    ("ar", Algorithm::Arabic),
    ("da", Algorithm::Danish),
    ("nl", Algorithm::Dutch),
    ("en", Algorithm::English),
    ("fi", Algorithm::Finnish),
    ("fr", Algorithm::French),
    ("de", Algorithm::German),
    ("el", Algorithm::Greek),
    ("hu", Algorithm::Hungarian),
    ("it", Algorithm::Italian),
    ("no", Algorithm::Norwegian),
    ("nb", Algorithm::Norwegian),
    ("nn", Algorithm::Norwegian),
    ("pt", Algorithm::Portuguese),
    ("ro", Algorithm::Romanian),
    ("ru", Algorithm::Russian),
    ("es", Algorithm::Spanish),
    ("sv", Algorithm::Swedish),
    ("ta", Algorithm::Tamil),
    ("tr", Algorithm::Turkish),
];

impl Default for StemStage {
    fn default() -> Self {
        StemStage::new(StemConfig::default())
    }
}

impl StemStage {
    /// Builds the stage with a stemmer for every supported language.
    pub fn new(_config: StemConfig) -> StemStage {
        let stemmers = ALGORITHMS
            .iter()
            .enumerate()
            .map(|(i, &(code, alg))| (code, (i, Snowball::new(alg))))
            .collect();
        StemStage {
            stemmers: Arc::new(stemmers),
        }
    }

    /// The stemmer for a language code (ISO 639-1, or 639-3 for those listed), if any.
    fn stemmer(&self, code: &str) -> Option<&(usize, Snowball)> {
        // the ISO 639-3 codes accepted (through the one code table, `lang::iso639_1`)
        let code = match code {
            "eng" | "fra" | "deu" | "spa" | "rus" => crate::lang::iso639_1(code).unwrap_or(code),
            other => other,
        };
        self.stemmers.get(code)
    }

    /// Stems one word in `lang`: lowercased, then Snowball. `None` when the language has
    /// no stemmer.
    ///
    /// ```
    /// use stages::stems::StemStage;
    /// let stems = StemStage::default();
    /// assert_eq!(stems.stem("fr", "Négociations").as_deref(), Some("négoci"));
    /// assert_eq!(stems.stem("zh", "新闻"), None);
    /// ```
    pub fn stem(&self, lang: &str, word: &str) -> Option<String> {
        let (_, stemmer) = self.stemmer(lang)?;
        let lower = word.to_lowercase();
        Some(stemmer.stem(&lower).to_string())
    }

    /// Languages with a stemmer (ISO 639-1).
    pub fn languages() -> impl Iterator<Item = &'static str> {
        ALGORITHMS.iter().map(|a| a.0)
    }
}

impl SyncStage for StemStage {
    fn name(&self) -> &str {
        "stems"
    }

    fn requires(&self) -> Vec<LayerName> {
        vec![LayerName::TOKENS]
    }

    fn provides(&self) -> Vec<LayerName> {
        vec![LayerName::STEMS]
    }

    /// The language is the `lang` layer's when present (else the input's `lang` field), so a
    /// `lang` stage must come before, not after.
    fn uses(&self) -> Vec<LayerName> {
        vec![LayerName::LANG]
    }

    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        let Some(code) = doc.lang_code() else {
            return Ok(());
        };
        let Some(&(index, ref stemmer)) = self.stemmer(code) else {
            return Ok(());
        };
        let text = doc.text_arc();
        let Some(tokens) = doc.tokens_mut() else {
            return Err(StageError::MissingLayer(LayerName::TOKENS));
        };
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let cache = &mut cache[index];
            let mut lower = String::new();
            for token in tokens.iter_mut() {
                // most words are short ASCII: packed lowercased in place, without a copy
                let len = token.span.end.wrapping_sub(token.span.start);
                let in_place = pack_ascii_lowercase_at(text.as_bytes(), token.span.start, len);
                // the common case: such a word, stemmed before
                if let Some(stem) = in_place.and_then(|key| cache.short.get(&key)) {
                    token.stem = Some(Arc::clone(stem));
                    continue;
                }
                let word = token.span.slice(&text);
                let packed = in_place.or_else(|| pack_ascii_lowercase(word.as_bytes()));
                let key = match packed {
                    Some(key) => Some(key),
                    None => {
                        crate::text::lowercase_into(&mut lower, word);
                        pack(lower.as_bytes())
                    }
                };
                let stem = match key {
                    Some(key) => match cache.short.get(&key) {
                        Some(stem) => Arc::clone(stem),
                        None => {
                            if packed.is_some() {
                                crate::text::lowercase_into(&mut lower, word);
                            }
                            let stem = stemmer.stem(&lower);
                            cache.make_room();
                            cache.short.insert(key, Arc::clone(&stem));
                            stem
                        }
                    },
                    None => match cache.long.get(lower.as_str()) {
                        Some(stem) => Arc::clone(stem),
                        None => {
                            let stem = stemmer.stem(&lower);
                            cache.make_room();
                            cache.long.insert(lower.as_str().into(), Arc::clone(&stem));
                            stem
                        }
                    },
                };
                token.stem = Some(stem);
            }
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::TokenStage;

    fn stems(lang: Option<&str>, text: &str) -> Vec<Option<String>> {
        let mut doc = Document::new("t", text);
        if let Some(l) = lang {
            doc.set_lang_hint(l);
        }
        TokenStage::default().apply(&mut doc).unwrap();
        StemStage::default().apply(&mut doc).unwrap();
        doc.tokens()
            .unwrap()
            .iter()
            .map(|t| t.stem.as_deref().map(str::to_owned))
            .collect()
    }

    #[test]
    fn packed_keys_are_the_lowercase_words() {
        assert_eq!(pack_ascii_lowercase(b"Said"), pack(b"said"));
        assert_eq!(pack_ascii_lowercase(b"NATO"), pack(b"nato"));
        assert_ne!(pack(b"a"), pack(b"a\0"), "the length is part of the key");
        assert_eq!(
            pack_ascii_lowercase(b"fifteen-letters"),
            pack(b"fifteen-letters")
        );
        assert_eq!(pack_ascii_lowercase(b"sixteen-letters!"), None);
        assert_eq!(pack_ascii_lowercase("zürich".as_bytes()), None);
        assert!(pack("zürich".as_bytes()).is_some());
    }

    proptest::proptest! {
        /// Read in place or from the word, the key is the same (any bytes, any span).
        #[test]
        fn keys_read_in_place_are_the_words_keys(
            text in "[ -~]{0,40}|\\PC{0,24}|[a-zA-Z@\\[`{]{0,20}",
            start in 0usize..40,
            len in 0usize..20,
        ) {
            let word = text.get(start..start + len).unwrap_or("");
            if let Some(key) = pack_ascii_lowercase_at(text.as_bytes(), start, len) {
                proptest::prop_assert_eq!(Some(key), pack_ascii_lowercase(word.as_bytes()));
                proptest::prop_assert_eq!(word.len(), len);
            } else if start + 16 <= text.len() {
                proptest::prop_assert_eq!(pack_ascii_lowercase(word.as_bytes()).filter(|_| word.len() == len), None);
            }
        }
    }

    /// The same word, cased differently, short or long, ASCII or not, gets the same stem
    /// whether it is stemmed or found in the cache.
    #[test]
    fn cached_stems_equal_fresh_ones() {
        let text = "Running running RUNNING internationalisations Internationalisations \
                    Négociations négociations running";
        let first = stems(Some("en"), text);
        assert_eq!(first, stems(Some("en"), text), "from the cache");
        assert_eq!(first[0], first[1]);
        assert_eq!(first[1], first[2]);
        assert_eq!(first[3], first[4]);
        assert_eq!(first[5], first[6]);
        assert_eq!(first[0].as_deref(), Some("run"));
        assert_eq!(first[3].as_deref(), Some("internationalis"));
    }

    #[test]
    fn lowercases_before_stemming() {
        assert_eq!(stems(Some("en"), "Running"), [Some("run".to_owned())]);
    }

    #[test]
    fn picks_the_stemmer_by_language() {
        assert_eq!(
            stems(Some("de"), "Verhandlungen"),
            [Some("verhandl".to_owned())]
        );
        assert_eq!(
            stems(Some("ru"), "переговоры"),
            [Some("переговор".to_owned())]
        );
    }

    #[test]
    fn a_lang_stage_after_stems_is_refused_naming_both() {
        let registry = crate::registry();
        let options = pipeline_core::RunnerOptions::default();
        let err = registry
            .chain_from_names(&["tokens", "stems", "lang"], options)
            .expect_err("lang after stems");
        assert_eq!(
            err.to_string(),
            "stage `stems` reads the `lang` layer, which stage `lang` provides later in the \
             chain: put `lang` before `stems`"
        );
        // before it, or not at all (the input's `lang` field), is fine
        for names in [&["lang", "tokens", "stems"][..], &["tokens", "stems"]] {
            assert!(
                registry.chain_from_names(names, options).is_ok(),
                "{names:?}"
            );
        }
    }

    #[test]
    fn languages_without_stemmer_pass_through() {
        assert_eq!(
            stems(Some("zh"), "新闻"),
            vec![None; stems(Some("zh"), "新闻").len()]
        );
        assert!(stems(None, "talks").iter().all(Option::is_none));
    }
}
