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

    /// The entry of a word of at most [`PACKED`] bytes given as its packed key
    /// ([`crate::text::pack_word`]), if it has one.
    #[inline]
    pub fn get_packed(&self, key: u128) -> Option<&Entry> {
        self.short.get(&key)
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

/// An ASCII word of at most [`PACKED`] bytes, packed as written and ASCII-lowercased (each
/// as [`crate::text::pack_word`] packs it) with a few word-wide operations instead of a
/// loop over its bytes; `None` for a longer word or one with a non-ASCII byte.
#[inline]
pub(crate) fn pack_ascii_lower(word: &[u8]) -> Option<(u128, u128)> {
    const HIGH: u128 = u128::from_le_bytes([0x80; 16]);
    let n = word.len();
    // (two overlapping loads cover any length: the bytes they share are the same)
    let key = match n {
        0 => 0,
        1..=3 => {
            let byte = |k: usize| u128::from(word[k]) << (8 * k);
            byte(0) | byte(n / 2) | byte(n - 1)
        }
        4..=7 => load::<4>(word, 0) | load::<4>(word, n - 4) << (8 * (n - 4)),
        8..=PACKED => load::<8>(word, 0) | load::<8>(word, n - 8) << (8 * (n - 8)),
        _ => return None,
    };
    if key & HIGH != 0 {
        return None;
    }
    let written = key | (n as u128) << 120;
    // (every byte is below 0x80, so no sum carries into the next byte: a byte's top bit
    // says `>= b'A'`, then `> b'Z'`, and an uppercase letter gains 0x20)
    let at_least_a = written.wrapping_add(u128::from_le_bytes([0x80 - b'A'; 16])) & HIGH;
    let past_z = written.wrapping_add(u128::from_le_bytes([0x80 - b'Z' - 1; 16])) & HIGH;
    let upper = at_least_a & !past_z;
    Some((written, written | upper >> 2))
}

/// Whether `word` lowercased (character by character, as [`char::to_lowercase`] does)
/// equals `lower`, without building the lowercased string.
pub(crate) fn lower_eq(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.len() == lower.len()
            && word
                .bytes()
                .zip(lower.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        word.chars().flat_map(char::to_lowercase).eq(lower.chars())
    }
}

/// The `N` bytes of `word` from `at` as a little-endian integer (0 past its end).
#[inline]
fn load<const N: usize>(word: &[u8], at: usize) -> u128 {
    let mut bytes = [0u8; 16];
    if let Some(src) = word.get(at..at + N) {
        bytes[..N].copy_from_slice(src);
    }
    u128::from_le_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_pack_as_written_and_lowercased_in_one_pass() {
        let words = [
            "said",
            "Says",
            "NATO",
            "a",
            "A",
            "Ab",
            "aBc",
            "",
            "fifteen-Letters",
            "x1-Y2",
            "@[`{Zz",
            "ABCDEFGH",
            "ABCDEFGHI",
            "Seven.7",
        ];
        for w in words {
            let lower = w.to_ascii_lowercase();
            assert_eq!(
                pack_ascii_lower(w.as_bytes()),
                pack(w.as_bytes()).zip(pack(lower.as_bytes())),
                "{w}"
            );
        }
        assert_eq!(pack_ascii_lower(b"sixteen-letters!"), None);
        assert_eq!(pack_ascii_lower("Élu".as_bytes()), None);
        assert_eq!(pack_ascii_lower("сказал".as_bytes()), None);
    }

    proptest::proptest! {
        #[test]
        fn any_short_ascii_word_packs_as_pack_word_does(w in "[ -~]{0,15}") {
            let lower = w.to_ascii_lowercase();
            let want = pack(w.as_bytes()).zip(pack(lower.as_bytes()));
            proptest::prop_assert_eq!(pack_ascii_lower(w.as_bytes()), want);
        }

        #[test]
        fn a_word_with_a_non_ascii_byte_is_not_packed(a in "[ -~]{0,6}", b in "[ -~]{0,6}") {
            let w = format!("{a}é{b}");
            proptest::prop_assert_eq!(pack_ascii_lower(w.as_bytes()), None);
        }
    }

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
