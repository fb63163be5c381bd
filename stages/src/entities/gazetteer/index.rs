//! The word index: word keys → word ids in one open-addressing table over one string of
//! keys. It is built once from the tables (or read from the pre-built binary, where it is
//! stored as it lies in memory) and never allocates per key.

use std::borrow::Cow;

/// Marks an empty slot.
const EMPTY: u32 = u32::MAX;

/// Eight bytes as a little-endian number.
#[inline]
fn le64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

/// Four bytes as a little-endian number.
#[inline]
fn le32(b: &[u8]) -> u64 {
    u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The hash of a key: eight bytes at a time (the last eight read again when the length
/// is no multiple of eight; short keys read as two overlapping halves or three bytes),
/// then a final mix so that the low bits (the slot) and the high bits (the fingerprint)
/// both depend on every byte. Defined here, not taken from a crate, because the
/// pre-built binary stores slots computed with it.
#[inline]
pub(super) fn hash(key: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, w: u64| (h.rotate_left(23) ^ w).wrapping_mul(K);
    let n = key.len();
    let mut h = (n as u64).wrapping_mul(K);
    if n >= 8 {
        let mut at = 0;
        while at + 8 <= n {
            h = mix(h, le64(&key[at..]));
            at += 8;
        }
        if at < n {
            h = mix(h, le64(&key[n - 8..]));
        }
    } else if n >= 4 {
        h = mix(h, le32(key) << 32 | le32(&key[n - 4..]));
    } else if n > 0 {
        h = mix(
            h,
            u64::from(key[0]) << 16 | u64::from(key[n / 2]) << 8 | u64::from(key[n - 1]),
        );
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^ (h >> 33)
}

/// A map from word keys to word ids.
///
/// Key `i` is `keys[ends[i - 1]..ends[i]]` (from 0 for the first) and maps to `ids[i]`; a
/// slot is `(fingerprint, i)`, the fingerprint the hash's high half, compared before the
/// key's bytes. At most half the slots are used, so a miss stops after a probe or two.
///
/// Look-ups go through `probe`, derived from the slots once the index is complete
/// ([`WordIndex::with_probe`]): each probe slot holds the fingerprint, the key's byte
/// range and its id, so a hit reads two cache lines (the slot and the key's bytes)
/// instead of four (the slot, `ends`, the key's bytes and `ids`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct WordIndex {
    pub(super) keys: Cow<'static, str>,
    pub(super) ends: Vec<u32>,
    pub(super) ids: Vec<u32>,
    /// `2 × slot count` words: fingerprint, key index (`EMPTY` when free).
    pub(super) slots: Vec<u32>,
    /// One [`Probe`] a slot, made from the other fields by [`WordIndex::with_probe`].
    probe: Vec<Probe>,
}

/// A slot of the look-up table: what a hit needs, in sixteen bytes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Probe {
    /// The hash's high half.
    fp: u32,
    /// The key's id; `EMPTY` when the slot is free.
    id: u32,
    /// The key's byte range in `keys`.
    start: u32,
    end: u32,
}

impl WordIndex {
    /// The index of `entries` (distinct keys with their ids), in that order.
    pub(super) fn build<'a>(entries: impl ExactSizeIterator<Item = (&'a str, u32)>) -> WordIndex {
        let n = entries.len();
        let size = (2 * n).next_power_of_two().max(2);
        let mut index = WordIndex {
            keys: Cow::Owned(String::new()),
            ends: Vec::with_capacity(n),
            ids: Vec::with_capacity(n),
            slots: vec![EMPTY; 2 * size],
            probe: Vec::new(),
        };
        let mut keys = String::new();
        for (k, id) in entries {
            let i = index.ids.len() as u32;
            keys.push_str(k);
            index.ends.push(keys.len() as u32);
            index.ids.push(id);
            let h = hash(k.as_bytes());
            let mut at = (h as usize) & (size - 1);
            while index.slots[2 * at + 1] != EMPTY {
                at = (at + 1) & (size - 1);
            }
            index.slots[2 * at] = (h >> 32) as u32;
            index.slots[2 * at + 1] = i;
        }
        index.keys = Cow::Owned(keys);
        index.with_probe()
    }

    /// The index with its look-up table made from its slots (call it once the other
    /// fields are complete and consistent: a slot whose key index is out of range stays
    /// free).
    pub(super) fn with_probe(mut self) -> WordIndex {
        self.probe = self
            .slots
            .chunks_exact(2)
            .map(|s| {
                let i = s[1] as usize;
                match (self.ids.get(i), self.ends.get(i)) {
                    (Some(&id), Some(&end)) if s[1] != EMPTY => Probe {
                        fp: s[0],
                        id,
                        start: if i == 0 { 0 } else { self.ends[i - 1] },
                        end,
                    },
                    _ => Probe {
                        id: EMPTY,
                        ..Probe::default()
                    },
                }
            })
            .collect();
        self
    }

    /// The key at position `i`.
    fn key(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.keys.get(start..self.ends[i] as usize).unwrap_or("")
    }

    /// The id of `key`, if the index holds it.
    #[inline]
    pub(super) fn get(&self, key: &str) -> Option<u32> {
        self.get_bytes(key.as_bytes())
    }

    /// The id of the key whose UTF-8 bytes are `key`, if the index holds it.
    #[inline]
    pub(super) fn get_bytes(&self, key: &[u8]) -> Option<u32> {
        let size = self.probe.len();
        if size == 0 {
            return None;
        }
        let h = hash(key);
        let fp = (h >> 32) as u32;
        let mut at = (h as usize) & (size - 1);
        loop {
            let p = self.probe[at];
            if p.id == EMPTY {
                return None;
            }
            if p.fp == fp && self.keys.as_bytes().get(p.start as usize..p.end as usize) == Some(key)
            {
                return Some(p.id);
            }
            at = (at + 1) & (size - 1);
        }
    }

    /// The keys and their ids, in the order they were built.
    #[cfg(test)]
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        (0..self.ids.len()).map(|i| (self.key(i), self.ids[i]))
    }

    /// True when the table is well formed: ends ascending within the keys and on char
    /// boundaries, a power-of-two slot count, every slot pointing at a key (what the
    /// binary reader checks before trusting a table).
    pub(super) fn is_consistent(&self) -> bool {
        let size = self.slots.len() / 2;
        let mut last = 0;
        let ends_ok = self.ends.len() == self.ids.len()
            && self.ends.iter().all(|&e| {
                let ok = e >= last && self.keys.is_char_boundary(e as usize);
                last = e;
                ok
            })
            && last as usize == self.keys.len();
        let slots_ok = (size == 0 && self.ids.is_empty() || size.is_power_of_two())
            && self.slots.len() % 2 == 0
            && 2 * self.ids.len() <= size.max(1)
            && self
                .slots
                .chunks_exact(2)
                .all(|s| s[1] == EMPTY || (s[1] as usize) < self.ids.len())
            // a free slot ends every probe
            && (size == 0 || self.slots.chunks_exact(2).any(|s| s[1] == EMPTY));
        ends_ok && slots_ok
    }
}

/// A 4096-bit sketch of the keys of a word index that begin with a lower-case letter
/// (length, first, second and last byte, mixed by a multiplication): a key beginning with
/// a lower-case letter that the sketch lacks is surely not in the index, so most words
/// skip the hash and the probe. Kept for the index of lower-case first words, which nearly
/// every lower-case word of a text is looked up in: of its thousands of keys (most in
/// scripts without case) a few dozen begin with a lower-case letter. Half a kilobyte, so
/// it stays in the first-level cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Sketch([u64; 64]);

impl Default for Sketch {
    fn default() -> Sketch {
        Sketch([0; 64])
    }
}

impl Sketch {
    /// The bit of a key.
    #[inline]
    fn bit(key: &[u8]) -> usize {
        let (first, second, last) = match key {
            [] => (0, 0, 0),
            [f] => (u32::from(*f), 0, u32::from(*f)),
            [f, s, ..] => (u32::from(*f), u32::from(*s), u32::from(key[key.len() - 1])),
        };
        let x = ((key.len() as u32) << 16 | first << 8 | last) ^ second << 20;
        (x.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    /// The sketch of the keys of `index` that begin with a lower-case letter.
    pub(super) fn of_lower(index: &WordIndex) -> Sketch {
        let mut bits = [0u64; 64];
        for i in 0..index.ids.len() {
            let key = index.key(i);
            if !key.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            let b = Sketch::bit(key.as_bytes());
            bits[b / 64] |= 1 << (b % 64);
        }
        Sketch(bits)
    }

    /// False when `key`, which begins with a lower-case letter, is surely not a key of
    /// the index sketched.
    #[inline]
    pub(super) fn may_hold(&self, key: &[u8]) -> bool {
        let b = Sketch::bit(key);
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let words = [
            "россия",
            "moscow",
            "",
            "new york",
            "a",
            "quai d'orsay",
            "日本",
        ];
        let index = WordIndex::build(words.iter().enumerate().map(|(i, w)| (*w, 10 * i as u32)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(index.get(w), Some(10 * i as u32), "{w}");
        }
        for w in ["росси", "Moscow", "new", "b", "日"] {
            assert_eq!(index.get(w), None, "{w}");
        }
        assert!(index.is_consistent());
        assert_eq!(index.iter().nth(3), Some(("new york", 30)));
        let sketch = Sketch::of_lower(&index);
        let lower = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase));
        assert!(lower.clone().all(|w| sketch.may_hold(w.as_bytes())));
        assert_eq!(lower.count(), 5);
        let others = ["paris", "the", "of", "and", "x", "государство"];
        let held = others.iter().filter(|w| sketch.may_hold(w.as_bytes()));
        assert!(held.count() < others.len());
        assert_eq!(WordIndex::default().get("a"), None);
        assert!(WordIndex::default().is_consistent());
    }

    #[test]
    fn hash_is_fixed() {
        // the pre-built binary stores slots computed with this function
        assert_eq!(hash(b""), 0);
        let words: [&[u8]; 9] = [
            b"a",
            b"ab",
            b"abc",
            b"abcd",
            b"abcde",
            b"moscow",
            b"moscou",
            b"abcdefgh",
            b"abcdefgh\0",
        ];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert_ne!(hash(a), hash(b));
            }
        }
    }
}
