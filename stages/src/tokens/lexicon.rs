//! The word lists the tokenizer and the sentence splitter consult, loaded once from the
//! data files next to this module.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::text::entries;

/// FNV-1a: the keys are a few ASCII bytes, where SipHash's setup dominates.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;
type FastSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// How an abbreviation's period behaves (see `abbreviations.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Precedes a name; the period never ends a sentence.
    Title,
    /// Precedes a number; the period is the abbreviation's only before a digit.
    Number,
    /// A month; may end a sentence.
    Month,
    /// Rarely followed by a name (`a.m.`, `etc.`): a capitalised word after it starts a
    /// new sentence.
    Final,
    /// Anything else; may end a sentence.
    Other,
}

/// The loaded word lists.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Case-sensitive entries (and their all-capitals forms).
    exact: FastMap<AbbrevClass>,
    /// Entries written in lowercase, matched case-insensitively.
    folded: FastMap<AbbrevClass>,
    /// Length of the longest abbreviation: longer words are not looked up.
    longest: usize,
    starters: FastSet,
    prefixes: FastSet,
}

const ABBREVIATIONS: &str = include_str!("abbreviations.txt");
const STARTERS: &str = include_str!("sentence_starters.txt");
const PREFIXES: &str = include_str!("hyphen_prefixes.txt");

/// Longest entry we ever look up; longer words are never abbreviations.
const MAX_LEN: usize = 16;

impl Lexicon {
    fn load() -> Lexicon {
        let mut exact = FastMap::default();
        let mut folded = FastMap::default();
        let mut class = AbbrevClass::Other;
        for entry in entries(ABBREVIATIONS) {
            match entry {
                "[title]" => class = AbbrevClass::Title,
                "[number]" => class = AbbrevClass::Number,
                "[month]" => class = AbbrevClass::Month,
                "[final]" => class = AbbrevClass::Final,
                "[other]" => class = AbbrevClass::Other,
                e if e.chars().any(char::is_uppercase) => {
                    exact.entry(e.to_owned()).or_insert(class);
                    exact.entry(e.to_uppercase()).or_insert(class);
                }
                e => {
                    folded.entry(e.to_owned()).or_insert(class);
                }
            }
        }
        let longest = exact
            .keys()
            .chain(folded.keys())
            .map(String::len)
            .max()
            .unwrap_or(0);
        let mut starters = FastSet::default();
        for e in entries(STARTERS) {
            starters.insert(e.to_owned());
            starters.insert(e.to_uppercase());
        }
        let prefixes = entries(PREFIXES).map(str::to_lowercase).collect();
        Lexicon {
            exact,
            folded,
            longest,
            starters,
            prefixes,
        }
    }

    /// The lexicon, loaded on first use.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// The class of `word` (without its period) when it is a known abbreviation.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        if word.len() > self.longest.min(MAX_LEN) || !word.is_ascii() {
            return None;
        }
        if let Some(c) = self.exact.get(word) {
            return Some(*c);
        }
        let mut buf = [0u8; MAX_LEN];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).ok()?;
        self.folded.get(lower).copied()
    }

    /// True when `word` usually opens a sentence.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        word.len() <= MAX_LEN && self.starters.contains(word)
    }

    /// True when `segment-` keeps the word after the hyphen attached (`e-mail`).
    pub(crate) fn is_hyphen_prefix(&self, segment: &str) -> bool {
        if segment.len() > MAX_LEN || !segment.is_ascii() {
            return false;
        }
        let mut buf = [0u8; MAX_LEN];
        let lower = &mut buf[..segment.len()];
        lower.copy_from_slice(segment.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|l| self.prefixes.contains(l))
    }
}
