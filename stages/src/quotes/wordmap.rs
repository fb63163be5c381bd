//! The lexicon's word tables: a word (as bytes) → its classes and lists.
//!
//! Looked up once per token, so it is the quotes stage's hottest map. Words of up to
//! [`PACKED`] bytes (nearly all) are packed with their length into one `u128` key: hashing
//! it is two multiplications and comparing it one integer comparison, where a byte-slice
//! key hashes byte by byte and compares with `memcmp`. Longer words keep a byte key.

use rustc_hash::FxHashMap;

/// What the table holds for a word: its classes and the lists it is in.
pub(crate) type Entry = (u32, u128);

// words of up to PACKED bytes are keyed by one integer (text::pack_word)
use crate::text::{pack_word as pack, PACKED_WORD_BYTES as PACKED};

/// Word → [`Entry`], for words packed into `u128` keys and longer ones apart.
#[derive(Debug, Default)]
pub(crate) struct WordMap {
    /// Words of at most [`PACKED`] bytes, by their packed key.
    short: FxHashMap<u128, Entry>,
    /// Longer words.
    long: FxHashMap<Vec<u8>, Entry>,
}

/// The word a packed key stands for.
fn unpack(key: u128) -> Vec<u8> {
    let bytes = key.to_le_bytes();
    let len = usize::from(bytes[15]).min(PACKED);
    bytes[..len].to_vec()
}

impl WordMap {
    /// The entry of `word`, if it has one.
    #[inline]
    pub fn get(&self, word: &[u8]) -> Option<&Entry> {
        match pack(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    /// The entry of `word`, made empty first if it has none.
    pub fn entry(&mut self, word: &[u8]) -> &mut Entry {
        match pack(word) {
            Some(key) => self.short.entry(key).or_default(),
            None => self.long.entry(word.to_vec()).or_default(),
        }
    }

    /// Every word with its entry, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (Vec<u8>, &Entry)> {
        let short = self.short.iter().map(|(&k, e)| (unpack(k), e));
        short.chain(self.long.iter().map(|(w, e)| (w.clone(), e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words_round_trip() {
        let mut map = WordMap::default();
        let words: [&[u8]; 6] = [
            b"",
            b"a",
            b"said",
            b"a\0",
            b"fifteen-letters",
            b"sixteen-letters!",
        ];
        for (i, w) in words.iter().enumerate() {
            map.entry(w).0 = i as u32 + 1;
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w).map(|e| e.0), Some(i as u32 + 1), "{w:?}");
        }
        // (a trailing NUL byte makes another word, not the same key)
        assert_ne!(map.get(b"a"), map.get(b"a\0"));
        assert_eq!(map.get(b"says"), None);
        assert_eq!(map.get("сказал".as_bytes()), None);
        let mut all: Vec<Vec<u8>> = map.iter().map(|(w, _)| w).collect();
        all.sort();
        let mut want: Vec<Vec<u8>> = words.iter().map(|w| w.to_vec()).collect();
        want.sort();
        assert_eq!(all, want);
    }
}
