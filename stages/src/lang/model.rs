//! The embedded character n-gram model (`model.bin`), read in place: nothing is parsed or
//! allocated beyond a 64-byte header when it is first used.
//!
//! Format (little endian), written by `stages/examples/build_lang_model.rs`:
//!
//! | bytes | content |
//! | --- | --- |
//! | 4 | magic `NLPL` |
//! | 4 × 5 | format version (1), language count `L`, slot count `S`, entry count `E`, scale `K` |
//! | 4 × L | language codes, ASCII, zero padded |
//! | 8 × S | open-addressing slots: `u32` fingerprint (0 = empty), `u32` `start << 8 \| len` |
//! | 2 × E | entries: (`u8` language index, `u8` `round(-ln p × K)`) |
//!
//! A slot holds one n-gram (1–3 lowercase letters) and points at its entries, one per
//! language whose model has it; `p` is the probability of the n-gram's last letter given the
//! letters before it (for one letter, its frequency).

use std::sync::OnceLock;

static MODEL_BYTES: &[u8] = include_bytes!("model.bin");

/// Upper bound on the languages of the model (indices are `u8`).
pub(crate) const MAX_LANGS: usize = 80;

/// The parsed header of the embedded model.
#[derive(Debug)]
pub(crate) struct Model {
    codes: Vec<String>,
    slots: &'static [u8],
    entries: &'static [u8],
    size: usize,
}

/// Entries hold `-ln p` in units of `1 / SCALE` nat (the only scale this reader accepts).
pub(crate) const SCALE: u32 = 8;

/// The embedded model, or `None` if it is malformed (a build error, caught by the tests).
pub(crate) fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(MODEL_BYTES)).as_ref()
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 4)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

impl Model {
    fn parse(b: &'static [u8]) -> Option<Model> {
        if b.get(..4)? != b"NLPL" || u32_at(b, 4)? != 1 {
            return None;
        }
        let n = u32_at(b, 8)? as usize;
        let size = u32_at(b, 12)? as usize;
        let n_entries = u32_at(b, 16)? as usize;
        let scale = u32_at(b, 20)?;
        if n > MAX_LANGS || size == 0 || scale != SCALE {
            return None;
        }
        let mut at = 24;
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
        if at + 2 * n_entries != b.len() {
            return None;
        }
        Some(Model {
            codes,
            slots,
            entries,
            size,
        })
    }

    /// The language codes, by index.
    pub(crate) fn codes(&self) -> &[String] {
        &self.codes
    }

    /// The entries of an n-gram: pairs of (language index, quantised `-ln p`), or an empty slice.
    #[inline]
    pub(crate) fn lookup(&self, chars: &[char]) -> &'static [u8] {
        let h = ngram_hash(chars);
        let fp = (h as u32) | 1;
        let mut i = ((u128::from(h) * self.size as u128) >> 64) as usize;
        for _ in 0..self.size {
            let at = i * 8;
            let Some(slot) = self.slots.get(at..at + 8) else {
                return &[];
            };
            let f = u32::from_le_bytes([slot[0], slot[1], slot[2], slot[3]]);
            if f == 0 {
                return &[];
            }
            if f == fp {
                let se = u32::from_le_bytes([slot[4], slot[5], slot[6], slot[7]]) as usize;
                let (start, len) = (se >> 8, se & 0xff);
                return self
                    .entries
                    .get(2 * start..2 * (start + len))
                    .unwrap_or(&[]);
            }
            i = if i + 1 == self.size { 0 } else { i + 1 };
        }
        &[]
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
