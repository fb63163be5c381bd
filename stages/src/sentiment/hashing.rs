//! Word hashes: FNV-1a over a word's normal form (lowercased, curly apostrophes made
//! straight), computed without allocating; a mixer for feature keys; and the hash map
//! keyed by such hashes. The bottom layer of the sentiment modules: it imports none of
//! them.

use std::collections::HashMap;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes, continuing from `h`.
pub(crate) const fn fnv_continue(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// FNV-1a of a string.
pub(crate) const fn fnv(s: &str) -> u64 {
    fnv_continue(FNV_OFFSET, s.as_bytes())
}

/// The hash of a word's normal form ([`norm_word`]) without allocating.
#[inline]
pub(crate) fn word_hash(word: &str) -> u64 {
    word_hash_from(FNV_OFFSET, word)
}

/// Each ASCII byte lowercased; 0 for the bytes of other characters (and for NUL), whose
/// words take the Unicode path (where NUL hashes the same).
const ASCII_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 1;
    while b < 128 {
        t[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    t
};

/// Like [`word_hash`], continuing a hash (used for prefixed forms).
#[inline]
pub(crate) fn word_hash_from(h: u64, word: &str) -> u64 {
    let mut a = h;
    for &b in word.as_bytes() {
        let l = ASCII_LOWER[usize::from(b)];
        if l == 0 {
            return word_hash_unicode(h, word);
        }
        a ^= u64::from(l);
        a = a.wrapping_mul(FNV_PRIME);
    }
    a
}

/// [`word_hash`] and whether the word holds a hyphen `-`, in one pass over its bytes.
#[inline]
pub(crate) fn word_hash_hyphen(word: &str) -> (u64, bool) {
    // branch-free over the bytes; the OR of all bytes tells whether one is not ASCII
    // (a NUL byte hashes the same either way)
    let mut a = FNV_OFFSET;
    let mut all = 0u8;
    let mut hyphen = false;
    for &b in word.as_bytes() {
        all |= b;
        hyphen |= b == b'-';
        a = (a ^ u64::from(ASCII_LOWER[usize::from(b)])).wrapping_mul(FNV_PRIME);
    }
    if all >= 0x80 {
        return (word_hash_unicode(FNV_OFFSET, word), hyphen);
    }
    (a, hyphen)
}

/// [`word_hash_from`] of a word that is not ASCII.
fn word_hash_unicode(mut h: u64, word: &str) -> u64 {
    let mut buf = [0u8; 4];
    for c in word.chars() {
        let c = if c == '’' || c == '‘' { '\'' } else { c };
        for l in c.to_lowercase() {
            h = fnv_continue(h, l.encode_utf8(&mut buf).as_bytes());
        }
    }
    h
}

/// The normal form of a word: lowercased, curly apostrophes made straight.
#[cfg(any(test, feature = "train"))]
pub(crate) fn norm_word(word: &str) -> String {
    word.chars()
        .map(|c| if c == '’' || c == '‘' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A 64-bit mixer (splitmix64's finaliser): spreads every input bit over the output.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const H_NEG_PREFIX: u64 = fnv("¬");

/// The hash of a negation-marked word (`¬word` in the model file).
pub(crate) fn neg_hash(h: u64) -> u64 {
    mix(h ^ H_NEG_PREFIX)
}

/// A hasher for keys that are already well mixed.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by mixed hashes.
pub(crate) type IdMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn hash_matches_normal_form() {
        for w in [
            "Praised",
            "n’t",
            "Zürich",
            "ÉTAT",
            "a\0B",
            "Russia-Pakistan",
            "-",
        ] {
            assert_eq!(word_hash(w), fnv(&norm_word(w)), "{w}");
            assert_eq!(word_hash_hyphen(w), (word_hash(w), w.contains('-')), "{w}");
        }
    }
}
