//! Short words as one integer key, for the word tables on hot paths (the stem cache, the
//! quotes lexicon): hashing a `u128` is one multiply, no byte-by-byte hash or `memcmp`.

/// The longest word, in bytes, that [`pack_word`] packs.
pub const PACKED_WORD_BYTES: usize = 15;

/// `word` (at most [`PACKED_WORD_BYTES`] bytes) as one integer: its bytes, then its length
/// in the top byte, so no two words share a key whatever bytes they hold; `None` for a
/// longer word.
///
/// ```
/// use stages::text::pack_word;
/// assert_ne!(pack_word(b"said"), pack_word(b"said\0"));
/// assert_eq!(pack_word(b"said").map(|k| k.to_le_bytes()[15]), Some(4));
/// assert_eq!(pack_word(b"a-sixteen-bytes!"), None);
/// ```
#[inline]
pub fn pack_word(word: &[u8]) -> Option<u128> {
    let mut key = [0u8; 16];
    key.get_mut(..word.len())
        .filter(|_| word.len() <= PACKED_WORD_BYTES)?
        .copy_from_slice(word);
    key[15] = word.len() as u8;
    Some(u128::from_le_bytes(key))
}
