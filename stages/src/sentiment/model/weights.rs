//! The sparse weight table of the model: 8-byte slots, a 28-bit fingerprint of the key
//! and the three class weights as 12-bit integers (in units of the model's `scale`).

use crate::huge::Table;

/// Bits of a slot's fingerprint; the weights take the 36 bits below it.
const FP_BITS: u32 = 28;
/// Bits of each of the three weights.
const W_BITS: u32 = 12;
#[cfg(any(test, feature = "train"))]
/// The largest magnitude a weight can have, in units of the scale.
pub(crate) const W_MAX: i32 = (1 << (W_BITS - 1)) - 1;

/// Slots per line of [`Weights`] (one 64-byte cache line).
const LINE: usize = 8;

/// One cache line of slots, 64-byte aligned so that a slot never straddles two lines.
#[derive(Debug, Clone, Copy, Default, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C, align(64))]
struct Line([u64; LINE]);

/// The fingerprint a slot keeps of `key`: its low 28 bits (the home slot is read from
/// its top bits, so the two are independent), never 0 (0 marks an empty slot).
#[inline]
fn fingerprint(key: u64) -> u64 {
    (key & ((1 << FP_BITS) - 1)).max(1)
}

#[cfg(any(test, feature = "train"))]
/// The slot of fingerprint `fp` and weights `w` (each within `±W_MAX`).
fn pack(fp: u64, w: [i32; 3]) -> u64 {
    let m = (1u64 << W_BITS) - 1;
    fp << (3 * W_BITS)
        | (w[0] as u64 & m) << (2 * W_BITS)
        | (w[1] as u64 & m) << W_BITS
        | (w[2] as u64 & m)
}

/// The three weights of a slot.
#[inline]
fn unpack(slot: u64) -> [i32; 3] {
    // shift each field to the top, then arithmetic shifts bring back its sign
    let field = |above: u32| ((slot << above) as i64 >> (64 - W_BITS)) as i32;
    [
        field(FP_BITS),
        field(FP_BITS + W_BITS),
        field(FP_BITS + 2 * W_BITS),
    ]
}

/// Sparse weights by feature key: open addressing with linear probing over a table at
/// most half full; keys are already well mixed, so their high bits are the home slot.
///
/// A slot is one `u64`: a 28-bit fingerprint of its key (the key's low bits) and the
/// three weights as 12-bit integers. Eight slots fill a cache line, so the whole table
/// is 8 bytes a slot (8 MiB for the shipped model, against 32 MiB with a `u64` key and
/// three `f32` weights in a 32-byte slot): a lookup touches one line, and four times as
/// many of the features a corpus asks for fit in each level of cache. A key the model
/// does not have reads the weights of another key only when a slot of its probe run has
/// the same 28-bit fingerprint: about one lookup of an absent key in 2^28 per slot
/// compared (see docs/performance.md, section sq8, for the count on real news); the keys
/// of the model itself never collide (a unit test reads every one back).
///
/// There is no filter in front of the table: about five in six lookups are of features
/// the model has (measured on the PolNeAR dev texts, see docs/performance.md), so a
/// filter of absent keys cost most lookups one more cache miss to spare the few others
/// theirs.
///
/// The home slot is the key's top bits, so slots ascend with keys: a probe never wraps
/// (the slots past the last home slot are an overflow tail), and the keys of the binary
/// model, stored sorted, fill the table in one pass from front to back
/// ([`Weights::from_sorted`]) instead of half a million random writes.
#[derive(Debug)]
pub(crate) struct Weights {
    /// The slots, a line at a time: `1 << (64 - shift)` home slots, then the overflow
    /// tail (whole lines); a slot of 0 is empty.
    /// The lines: a vector, or, for the built-in model, a copy on huge pages
    /// ([`Weights::pinned`]).
    lines: Lines,
    /// The home slot of `key` is `key >> shift`.
    shift: u32,
    /// The number of keys in the table (read by the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) len: usize,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            lines: Lines::Owned(Vec::new()),
            // no home slots: `key >> 63` is 0 or 1, past the end of no slots
            shift: 63,
            len: 0,
        }
    }
}

/// Where the lines of a [`Weights`] live.
#[derive(Debug)]
enum Lines {
    /// A vector (while built, and for the models of the tests and the trainer).
    Owned(Vec<Line>),
    /// A copy on huge pages that lives as long as the process ([`Weights::pinned`]).
    Pinned(&'static [Line]),
}

impl Weights {
    /// The table's lines.
    #[inline]
    fn lines(&self) -> &[Line] {
        match &self.lines {
            Lines::Owned(v) => v,
            Lines::Pinned(s) => s,
        }
    }

    /// The same table, its lines copied once onto huge pages ([`Table`]) where the system
    /// offers them, for as long as the process lives: for the built-in model only, which
    /// is made once and read at random (8 MiB) for every document. A slice kept from the
    /// copy costs a lookup nothing more than a vector's.
    pub(crate) fn pinned(self) -> Weights {
        let Lines::Owned(v) = &self.lines else {
            return self;
        };
        let table: &'static Table<Line> = Box::leak(Box::new(Table::from_slice(v)));
        Weights {
            lines: Lines::Pinned(table.as_slice()),
            ..self
        }
    }

    /// The slot at index `i`, if the table has one (for the tests).
    #[cfg(test)]
    fn slot(&self, i: usize) -> Option<u64> {
        self.lines().get(i / LINE).map(|l| l.0[i % LINE])
    }

    /// The weights of `key`, if the model has it (or, rarely, a key with the same home
    /// run and fingerprint: see the type's docs).
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<[i32; 3]> {
        let fp = fingerprint(key);
        let lines = self.lines();
        let mut i = (key >> self.shift) as usize;
        loop {
            let slot = lines.get(i / LINE).map(|l| l.0[i % LINE])?;
            if slot >> (3 * W_BITS) == fp {
                return Some(unpack(slot));
            }
            if slot == 0 {
                return None;
            }
            i += 1;
        }
    }

    /// The home slot count (a power of two, at least 64) for `n` keys at most half full,
    /// and its shift.
    fn size_for(n: usize) -> (usize, u32) {
        let homes = n.saturating_mul(2).next_power_of_two().max(64);
        (homes, 64 - homes.trailing_zeros())
    }

    /// The number of home slots (for the tests).
    #[cfg(test)]
    pub(crate) fn homes(&self) -> usize {
        if self.lines().is_empty() {
            0
        } else {
            1 << (64 - self.shift)
        }
    }

    /// The number of slots, the overflow tail included (for the tests).
    #[cfg(test)]
    pub(crate) fn slots(&self) -> usize {
        self.lines().len() * LINE
    }

    #[cfg(any(test, feature = "train"))]
    /// The shift of the table for `n` keys: the home slot of a key is `key >> shift`.
    pub(crate) fn shift_for(n: usize) -> u32 {
        Self::size_for(n).1
    }

    #[cfg(any(test, feature = "train"))]
    /// The home slot of `key` in a table of `shift` and the slot that holds it with
    /// weights `w`; `None` when a weight is beyond `±W_MAX` (or the table would have
    /// more than 2^32 home slots).
    pub(crate) fn encode(key: u64, w: [i32; 3], shift: u32) -> Option<(u32, u64)> {
        if w.iter().any(|x| x.abs() > W_MAX) {
            return None;
        }
        let home = u32::try_from(key >> shift).ok()?;
        Some((home, pack(fingerprint(key), w)))
    }

    /// The table of `n` keys given as their home slots and slots ([`Weights::encode`]
    /// with [`Weights::shift_for`]`(n)`), in ascending home order; `None` when an entry
    /// is `None` or empty, a home is smaller than the one before it or beyond the home
    /// slots, or there are not `n` entries. Each slot goes to its home or, when that is
    /// taken, right after the last slot placed: the table that inserting the keys one by
    /// one with linear probing would give, written front to back.
    pub(crate) fn from_homes(
        n: usize,
        entries: impl Iterator<Item = Option<(u32, u64)>>,
    ) -> Option<Weights> {
        let (homes, shift) = Self::size_for(n);
        let mut lines = vec![Line::default(); homes / LINE];
        let (mut len, mut prev) = (0, 0usize);
        // the slot after the last one placed
        let mut next: usize = 0;
        for entry in entries {
            let (home, slot) = entry?;
            let home = home as usize;
            if home < prev || home >= homes || slot == 0 {
                return None;
            }
            prev = home;
            let at = home.max(next);
            if at / LINE == lines.len() {
                lines.push(Line::default());
            }
            lines.get_mut(at / LINE)?.0[at % LINE] = slot;
            next = at + 1;
            len += 1;
        }
        (len == n).then_some(Weights {
            lines: Lines::Owned(lines),
            shift,
            len,
        })
    }

    #[cfg(any(test, feature = "train"))]
    /// The table of distinct keys and their weights given in ascending key order; `None`
    /// when a key is not larger than the one before it or a weight is beyond `±W_MAX`.
    pub(crate) fn from_sorted(entries: &[(u64, [i32; 3])]) -> Option<Weights> {
        let shift = Self::shift_for(entries.len());
        let ascending = entries.windows(2).all(|p| p[0].0 < p[1].0);
        let slots = entries.iter().map(|&(k, w)| Self::encode(k, w, shift));
        Self::from_homes(entries.len(), slots).filter(|_| ascending)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::sentiment::hashing::mix;

    #[test]
    fn slots_keep_their_weights_and_fingerprints() {
        for w in [
            [0, 0, 0],
            [W_MAX, -W_MAX, 1],
            [-1, 0, -2048 + 1],
            [5, -7, 2047],
        ] {
            for key in [1u64, 1 << 28, u64::MAX, 0x1234_5678_9abc_def0] {
                let s = pack(fingerprint(key), w);
                assert_eq!(unpack(s), w);
                assert_eq!(s >> (3 * W_BITS), fingerprint(key));
                assert_ne!(s, 0);
            }
        }
    }

    #[test]
    fn a_table_from_sorted_keys_is_the_table_of_inserts() {
        // keys crowding the last home slots (the overflow tail), key 0
        let mut keys: Vec<u64> = (0..40u64).map(|i| u64::MAX - i).collect();
        let mut x: u64 = 3;
        for _ in 0..300 {
            x = mix(x.wrapping_add(1));
            keys.push(x);
        }
        keys.extend([0, 17]);
        keys.sort_unstable();
        let w = |i: usize| [i as i32, -(i as i32), 5];
        let entries: Vec<_> = keys.iter().enumerate().map(|(i, &k)| (k, w(i))).collect();
        let sorted = Weights::from_sorted(&entries).unwrap();
        // the same keys inserted one at a time into a plain linear-probing table
        let (homes, shift) = Weights::size_for(keys.len());
        let mut plain: Vec<Option<(u64, [i32; 3])>> = vec![None; homes];
        for (i, &k) in keys.iter().enumerate() {
            let mut at = (k >> shift) as usize;
            loop {
                if at == plain.len() {
                    plain.push(None);
                }
                if plain[at].is_none() {
                    break;
                }
                at += 1;
            }
            plain[at] = Some((k, w(i)));
        }
        // the tail is whole lines: the plain table's slots, then empty ones
        assert_eq!(sorted.slots(), plain.len().div_ceil(LINE) * LINE);
        assert!(sorted.slots() > sorted.homes(), "no overflow tail tested");
        for i in 0..sorted.slots() {
            let want = plain.get(i).copied().flatten();
            let want = want.map_or(0, |(k, w)| pack(fingerprint(k), w));
            assert_eq!(sorted.slot(i), Some(want), "slot {i}");
        }
        assert_eq!(sorted.slot(sorted.slots()), None);
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(sorted.get(k), Some(w(i)), "{k}");
        }
        assert_eq!(sorted.len, keys.len());
        assert!(sorted.get(18).is_none() && sorted.get(u64::MAX - 40).is_none());
        // malformed input
        let one = |k: u64, w: [i32; 3]| (k, w);
        assert!(Weights::from_sorted(&[one(5, w(0)), one(4, w(1))]).is_none());
        assert!(Weights::from_sorted(&[one(5, w(0)), one(5, w(1))]).is_none());
        assert!(Weights::from_sorted(&[one(5, [W_MAX + 1, 0, 0])]).is_none());
        let shift = Weights::shift_for(2);
        let (h, s) = Weights::encode(u64::MAX, w(1), shift).unwrap();
        assert!(
            Weights::from_homes(2, [Some((h, s))].into_iter()).is_none(),
            "count"
        );
        let two = [Some((h, s)), Some((h - 1, s))];
        assert!(Weights::from_homes(2, two.into_iter()).is_none(), "order");
        let two = [Some((h, s)), Some((h + 1, s))];
        assert!(
            Weights::from_homes(2, two.into_iter()).is_none(),
            "beyond the homes"
        );
        let two = [Some((0, s)), Some((h, 0))];
        assert!(
            Weights::from_homes(2, two.into_iter()).is_none(),
            "empty slot"
        );
    }

    #[test]
    fn an_absent_key_with_a_present_fingerprint_elsewhere_is_absent() {
        // same fingerprint (low bits), different home (top bits)
        let a = 0x8000_0000_0000_0005u64;
        let b = 0x4000_0000_0000_0005u64;
        let t = Weights::from_sorted(&[(a, [1, 2, 3])]).unwrap();
        assert_eq!(t.get(a), Some([1, 2, 3]));
        assert_eq!(t.get(b), None);
    }
}
