//! A small open-addressing hash table keyed by `u64` word hashes: one multiply picks the
//! slot and lookups probe a flat key array, far fewer instructions per lookup than a
//! general `HashMap` (the per-token lexicon probe).

/// Multiplier of Fibonacci hashing: the slot is the top bits of `key * GOLDEN`.
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// A map from `u64` keys to `Copy` values; open addressing with linear probing over a
/// table at most half full. Key 0 marks an empty slot, so its value is kept apart. A slot
/// holds its key and its value side by side: a hit reads one cache line, not one in a key
/// array and one in a value array (the lexicon is probed once per token).
#[derive(Debug, Clone)]
pub(crate) struct FlatMap<V> {
    /// Key and value per slot; key 0 when the slot is empty.
    slots: Vec<(u64, V)>,
    /// The value of key 0.
    zero: Option<V>,
    /// Keys in the table (without key 0).
    len: usize,
    /// `64 - log2(slots.len())`: the shift that turns `key * GOLDEN` into a slot.
    shift: u32,
}

impl<V: Copy + Default> Default for FlatMap<V> {
    fn default() -> Self {
        FlatMap::with_capacity(0)
    }
}

impl<V: Copy + Default> FlatMap<V> {
    /// An empty map that holds `n` keys without growing.
    pub(crate) fn with_capacity(n: usize) -> FlatMap<V> {
        let slots = n.saturating_mul(2).next_power_of_two().max(16);
        FlatMap {
            slots: vec![(0, V::default()); slots],
            zero: None,
            len: 0,
            shift: 64 - slots.trailing_zeros(),
        }
    }

    /// The slot where the probe for `key` starts.
    #[inline]
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(GOLDEN) >> self.shift) as usize
    }

    /// The value of `key`, if present.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<V> {
        if key == 0 {
            return self.zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let &(k, v) = self.slots.get(i)?;
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Sets the value of `key`, replacing an earlier one.
    pub(crate) fn insert(&mut self, key: u64, v: V) {
        if key == 0 {
            self.zero = Some(v);
            return;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.0 == key {
                slot.1 = v;
                return;
            }
            if slot.0 == 0 {
                *slot = (key, v);
                self.len += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Doubles the table.
    fn grow(&mut self) {
        let mut bigger = FlatMap::with_capacity(self.slots.len());
        bigger.zero = self.zero;
        for &(k, v) in &self.slots {
            if k != 0 {
                bigger.insert(k, v);
            }
        }
        *self = bigger;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_hash_map() {
        let mut flat: FlatMap<u32> = FlatMap::with_capacity(2);
        let mut std = std::collections::HashMap::new();
        let mut x: u64 = 1;
        for i in 0..5000u32 {
            // a few repeated keys, key 0 included
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let key = if i % 7 == 0 {
                u64::from(i % 50)
            } else {
                x >> (i % 40)
            };
            flat.insert(key, i);
            std.insert(key, i);
        }
        for (&k, &v) in &std {
            assert_eq!(flat.get(k), Some(v));
        }
        for k in [3u64 << 60, 12345, u64::MAX] {
            assert_eq!(flat.get(k), std.get(&k).copied());
        }
        assert_eq!(flat.get(0), std.get(&0).copied());
    }
}
