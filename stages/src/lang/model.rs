//! The embedded character n-gram model (`model.bin`), read in place: nothing is parsed or
//! allocated beyond a 64-byte header when it is first used.
//!
//! Format (little endian), written by `stages/examples/build_lang_model.rs`:
//!
//! | bytes | content |
//! | --- | --- |
//! | 4 | magic `NLPL` |
//! | 4 × 9 | format version (3), language count `L`, slot count `S`, entry count `E`, dense row count `D`, scale `K`, floor cost, backoff cost per order, highest order `N` |
//! | 4 × L | language codes, ASCII, zero padded |
//! | 8 × S | open-addressing slots: `u32` fingerprint (0 = empty), `u32` `start << 8 \| len` |
//! | 2 × E | sparse entries: (`u8` language index, `u8` `round(-ln p × K)`) |
//! | L × D | dense rows: one `u8` cost per language |
//!
//! A slot holds one n-gram (1 to `N` lowercase letters). A sparse one (`len < 255`) points at its
//! entries, one per language whose model has it; `p` is the probability of the n-gram's last
//! letter given the letters before it (for one letter, its frequency). An n-gram known to at
//! least half the languages (`len == 255`) points at a dense row instead, which holds the
//! cost of its last letter in every language with the backoff already applied, exactly as
//! [`crate::lang`] would compute it from the sparse entries.

use std::sync::OnceLock;

use crate::huge::Table;

static MODEL_BYTES: &[u8] = include_bytes!("model.bin");

/// Upper bound on the n-gram order the reader supports.
pub(crate) const MAX_ORDER: usize = 5;

/// Upper bound on the languages of the model (indices are `u8`).
pub(crate) const MAX_LANGS: usize = 80;

/// The parsed header of the embedded model.
#[derive(Debug)]
pub(crate) struct Model {
    codes: Vec<String>,
    slots: &'static [u8],
    entries: &'static [u8],
    dense: &'static [u8],
    size: usize,
    /// Cost of a letter a language's model does not know.
    pub(crate) floor: u8,
    /// Extra cost of each order dropped when backing off.
    pub(crate) backoff: u8,
    /// Longest n-gram in the model (at most [`MAX_ORDER`]).
    pub(crate) max_order: usize,
}

/// What the model holds for an n-gram.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Hit {
    /// No language has it.
    Absent,
    /// (language index, `-ln p` × scale) pairs, flattened.
    Sparse(&'static [u8]),
    /// The cost of the position in every language, backoff included.
    Dense(&'static [u8]),
}

const DENSE: usize = 255;

/// Entries hold `-ln p` in units of `1 / SCALE` nat (the only scale this reader accepts).
pub(crate) const SCALE: u32 = 8;

/// The embedded model, or `None` if it is malformed (a build error, caught by the tests).
pub(crate) fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            // a copy on huge pages: the slots and rows are read at random, a few per
            // letter, and on 4 KiB pages nearly every read missed the TLB (detect was 4 %
            // of the wall samples for 0.4 % of the instructions); the copy lives as long
            // as the process, like the model
            let bytes: &'static Table<u8> = Box::leak(Box::new(Table::from_slice(MODEL_BYTES)));
            Model::parse(bytes.as_slice())
        })
        .as_ref()
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 4)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

impl Model {
    fn parse(b: &'static [u8]) -> Option<Model> {
        if b.get(..4)? != b"NLPL" || u32_at(b, 4)? != 3 {
            return None;
        }
        let n = u32_at(b, 8)? as usize;
        let size = u32_at(b, 12)? as usize;
        let n_entries = u32_at(b, 16)? as usize;
        let n_dense = u32_at(b, 20)? as usize;
        let scale = u32_at(b, 24)?;
        let floor = u8::try_from(u32_at(b, 28)?).ok()?;
        let backoff = u8::try_from(u32_at(b, 32)?).ok()?;
        let max_order = u32_at(b, 36)? as usize;
        if n == 0 || n > MAX_LANGS || size == 0 || scale != SCALE || max_order > MAX_ORDER {
            return None;
        }
        let mut at = 40;
        let mut codes = Vec::with_capacity(n);
        for _ in 0..n {
            let raw = b.get(at..at + 4)?;
            let len = raw.iter().position(|&c| c == 0).unwrap_or(4);
            codes.push(std::str::from_utf8(&raw[..len]).ok()?.to_owned());
            at += 4;
        }
        let slots = b.get(at..at + 8 * size)?;
        at += 8 * size;
        let entries = b.get(at..at + 2 * n_entries)?;
        at += 2 * n_entries;
        let dense = b.get(at..at + n * n_dense)?;
        if at + n * n_dense != b.len() {
            return None;
        }
        Some(Model {
            codes,
            slots,
            entries,
            dense,
            size,
            floor,
            backoff,
            max_order,
        })
    }

    /// The language codes, by index.
    pub(crate) fn codes(&self) -> &[String] {
        &self.codes
    }

    /// What the model holds for an n-gram.
    #[inline]
    pub(crate) fn lookup(&self, chars: &[char]) -> Hit {
        let h = ngram_hash(chars);
        let fp = (h as u32) | 1;
        let mut i = ((u128::from(h) * self.size as u128) >> 64) as usize;
        for _ in 0..self.size {
            let at = i * 8;
            let Some(slot) = self.slots.get(at..at + 8) else {
                return Hit::Absent;
            };
            let f = u32::from_le_bytes([slot[0], slot[1], slot[2], slot[3]]);
            if f == 0 {
                return Hit::Absent;
            }
            if f == fp {
                let se = u32::from_le_bytes([slot[4], slot[5], slot[6], slot[7]]) as usize;
                let (start, len) = (se >> 8, se & 0xff);
                let n = self.codes.len();
                let hit = if len == DENSE {
                    self.dense.get(n * start..n * (start + 1)).map(Hit::Dense)
                } else {
                    self.entries
                        .get(2 * start..2 * (start + len))
                        .map(Hit::Sparse)
                };
                return hit.unwrap_or(Hit::Absent);
            }
            i = if i + 1 == self.size { 0 } else { i + 1 };
        }
        Hit::Absent
    }
}

/// Hash of an n-gram; identical to `ngram_hash` in the model builder.
#[inline]
pub(crate) fn ngram_hash(chars: &[char]) -> u64 {
    let mut h: u64 = 0x243f_6a88_85a3_08d3;
    for &c in chars {
        h = (h ^ u64::from(c as u32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
    }
    h ^ (h >> 32)
}
