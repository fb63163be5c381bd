//! The tagger's weights and its greedy left-to-right decoder: one table of `2^bits`
//! rows of seven 16-bit weights, indexed by the top bits of each feature hash.
//!
//! The file format (`data/model.bin`, written by [`Weights::to_bytes`]): the magic
//! `NLPNER1\0`, `bits` (u32), the scale (f32: weight = stored / scale), the number of
//! non-zero rows (u32), then each row as its index (u32) and seven i16, little-endian.

use super::features::{
    self, is_candidate, is_headline, static_features, tag_features, FeatureSink, TokenView,
    LINE_START,
};
use super::labels::{allowed, N_TAGS, O};
use crate::huge::Table;

/// The file's first eight bytes.
const MAGIC: &[u8; 8] = b"NLPNER1\0";

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// The file does not start with the model magic.
    #[error("not an entity model (bad magic)")]
    Magic,
    /// The file ends early or has a bad row.
    #[error("entity model truncated or corrupt at byte {0}")]
    Corrupt(usize),
}

/// A table of tag weights indexed by feature hash.
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    bits: u32,
    scale: f32,
    /// On huge pages where the system offers them ([`Table`]): megabytes read at random.
    rows: Table<[i16; 8]>,
}

/// Scores of the seven tags.
pub(crate) type Scores = [i32; N_TAGS];

impl Weights {
    /// The row index of a feature hash.
    #[cfg(any(test, feature = "train"))]
    #[inline]
    pub(crate) fn row(bits: u32, h: u64) -> usize {
        (h >> (64 - bits)) as usize
    }

    /// Weights from averaged floating-point rows, quantised to 16 bits.
    pub(crate) fn quantise(bits: u32, rows: &[[f32; 8]]) -> Weights {
        let max = rows
            .iter()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { 32_000.0 / max } else { 1.0 };
        let rows: Vec<[i16; 8]> = rows
            .iter()
            .map(|r| r.map(|w| (w * scale).round() as i16))
            .collect();
        Weights {
            bits,
            scale,
            rows: Table::from_slice(&rows),
        }
    }

    /// The model file's bytes.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        let nonzero: Vec<(usize, &[i16; 8])> = self
            .rows
            .as_slice()
            .iter()
            .enumerate()
            .filter(|(_, r)| r.iter().any(|&w| w != 0))
            .collect();
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        for (i, r) in nonzero {
            out.extend_from_slice(&(i as u32).to_le_bytes());
            for w in &r[..N_TAGS] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model file.
    pub(crate) fn from_bytes(b: &[u8]) -> Result<Weights, ModelError> {
        if b.get(..8) != Some(&MAGIC[..]) {
            return Err(ModelError::Magic);
        }
        let u32_at = |at: usize| -> Result<u32, ModelError> {
            b.get(at..at + 4)
                .and_then(|s| s.try_into().ok())
                .map(u32::from_le_bytes)
                .ok_or(ModelError::Corrupt(at))
        };
        let bits = u32_at(8)?;
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Corrupt(8));
        }
        let scale = f32::from_bits(u32_at(12)?);
        let n = u32_at(16)? as usize;
        let mut table: Table<[i16; 8]> = Table::zeroed(1 << bits);
        let rows = table.as_mut_slice();
        let row_len = 4 + 2 * N_TAGS;
        for k in 0..n {
            let at = 20 + k * row_len;
            let i = u32_at(at)? as usize;
            let row = rows.get_mut(i).ok_or(ModelError::Corrupt(at))?;
            let ws = b.get(at + 4..at + row_len).ok_or(ModelError::Corrupt(at))?;
            for (t, w) in ws.chunks_exact(2).enumerate() {
                row[t] = i16::from_le_bytes([w[0], w[1]]);
            }
        }
        Ok(Weights {
            bits,
            scale,
            rows: table,
        })
    }

    /// A running sum of rows in the feature space `space` (see [`in_space`]), for the
    /// features of one token as [`static_features`] and [`tag_features`] make them.
    #[inline]
    pub(crate) fn sum(&self, space: u64) -> RowSum<'_> {
        // `in_space` as one mask for both spaces: `((h ^ xor) & and) | or`
        let (xor, and, or) = if space != 0 {
            (space, u64::MAX, HALF)
        } else {
            (0, !HALF, 0)
        };
        RowSum {
            rows: self.rows.as_slice(),
            shift: 64 - self.bits,
            xor,
            and,
            or,
            sum: [0; 8],
        }
    }

    /// The table's size in bits.
    pub(crate) fn bits(&self) -> u32 {
        self.bits
    }

    /// The scale of the stored weights.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }
}

/// The rows of a token's features summed as they are made ([`Weights::sum`]): no list
/// of hashes is written, each hash is moved into its space and its row added at once.
pub(crate) struct RowSum<'a> {
    rows: &'a [[i16; 8]],
    shift: u32,
    xor: u64,
    and: u64,
    or: u64,
    /// All eight lanes of the rows (the eighth is padding): eight lanes add as two
    /// vectors where seven add one by one.
    sum: [i32; 8],
}

impl RowSum<'_> {
    /// The scores of the seven tags.
    #[inline]
    pub(crate) fn scores(&self) -> Scores {
        // all eight lanes kept alive, so that the compiler adds them as two vectors
        // (with the eighth dead it adds four as a vector and three one by one)
        let sum = std::hint::black_box(self.sum);
        let mut out = [0; N_TAGS];
        out.copy_from_slice(&sum[..N_TAGS]);
        out
    }
}

impl FeatureSink for RowSum<'_> {
    #[inline]
    fn push(&mut self, h: u64) {
        let h = ((h ^ self.xor) & self.and) | self.or;
        let r = &self.rows[(h >> self.shift) as usize];
        for (s, &w) in self.sum.iter_mut().zip(r) {
            *s += i32::from(w);
        }
    }
}

/// The best allowed tag after `prev`.
#[inline]
pub(crate) fn best_tag(scores: &[i32; N_TAGS], prev: u8) -> u8 {
    let mut best = O;
    for t in 1..N_TAGS as u8 {
        if allowed(prev, t) && scores[t as usize] > scores[best as usize] {
            best = t;
        }
    }
    best
}

/// Tags the sentences of a document, greedily from left to right, into `tags`
/// (one per token; tokens outside every sentence stay `O`).
pub(crate) fn tag_document(
    w: &Weights,
    v: &[TokenView],
    sentences: &[(usize, usize)],
    (lang, space): (u64, u64),
    tags: &mut Vec<u8>,
) {
    tags.clear();
    tags.resize(v.len(), O);
    for &(s, e) in sentences {
        let e = e.min(v.len());
        if s >= e {
            continue;
        }
        let headline = is_headline(v, (s, e));
        let (mut prev, mut prev2) = (O, O);
        for i in s..e {
            if v[i].flags & LINE_START != 0 {
                // no name runs over a line break (lists of names, signatures)
                prev = O;
            }
            let tag = if is_candidate(&v[i], prev) {
                let mut sum = w.sum(space);
                static_features(v, i, (s, e), lang, headline, &mut sum);
                for h in tag_features(v, i, s, prev, prev2) {
                    sum.push(h);
                }
                best_tag(&sum.scores(), prev)
            } else {
                O
            };
            tags[i] = tag;
            prev2 = prev;
            prev = tag;
        }
    }
}

/// The feature space of English documents: see [`space_of`].
const SPACE_EN: u64 = 0xE17A_5D3C_9B01_4F27;

/// The hash bit that picks the half of the weight table a feature lives in: set in the
/// English space, clear in the shared one (see [`in_space`]).
const HALF: u64 = 1 << 63;

/// Every feature space: gold training data is learned in each (all languages help
/// tag English), silver data only in its language's own.
#[cfg(feature = "train")]
pub(crate) const SPACES: [u64; 2] = [0, SPACE_EN];

/// The feature space of a language: English documents, which have far more training
/// data (gold and silver) than the rest, have weights of their own, so that English
/// data cannot move the weights that German, French, Russian… are tagged with. The
/// space is a constant XORed into every feature hash (0: the shared space), so a
/// space costs nothing at tagging time.
pub(crate) fn space_of(lang: Option<&str>) -> u64 {
    match lang {
        Some("en") => SPACE_EN,
        _ => 0,
    }
}

/// Moves the feature hashes `feats` into the feature space `space`: English features
/// into the upper half of the weight table ([`HALF`] set), the shared ones into the
/// lower half. Each space has rows of its own, so no English feature shares a row with
/// a feature the other languages are tagged with: a change to English features or data
/// cannot move those languages' weights through hash collisions (before the halves, a
/// retraining that changed English features alone moved the own German set from 0.90
/// to 0.79).
#[cfg(any(test, feature = "train"))]
#[inline]
pub(crate) fn in_space(feats: &mut [u64], space: u64) {
    if space != 0 {
        for f in feats {
            *f = (*f ^ space) | HALF;
        }
    } else {
        for f in feats {
            *f &= !HALF;
        }
    }
}

/// The hash of a language code as the features use it (0 when unknown).
pub(crate) fn lang_hash(lang: Option<&str>) -> u64 {
    lang.map_or(0, features::hash_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_and_bad_files_are_errors() {
        let mut rows = vec![[0f32; 8]; 1 << 8];
        rows[3][1] = 2.0;
        rows[200][6] = -1.0;
        let w = Weights::quantise(8, &rows);
        let b = w.to_bytes();
        let back = Weights::from_bytes(&b).expect("reads back");
        assert_eq!(back.rows, w.rows);
        assert_eq!(back.bits(), 8);
        assert!((back.scale() - w.scale()).abs() < 1e-6);
        assert!(matches!(
            Weights::from_bytes(b"nope"),
            Err(ModelError::Magic)
        ));
        assert!(matches!(
            Weights::from_bytes(&b[..b.len() - 3]),
            Err(ModelError::Corrupt(_))
        ));
    }

    #[test]
    fn the_spaces_never_share_a_row() {
        for bits in [8, 18, 24] {
            for h in [
                0u64,
                1,
                u64::MAX,
                0x8000_0000_0000_0000,
                0x1234_5678_9ABC_DEF0,
            ] {
                let (mut en, mut shared) = ([h], [h]);
                in_space(&mut en, space_of(Some("en")));
                in_space(&mut shared, space_of(Some("de")));
                let half = 1usize << (bits - 1);
                assert!(Weights::row(bits, en[0]) >= half, "English: upper half");
                assert!(Weights::row(bits, shared[0]) < half, "shared: lower half");
            }
        }
    }

    #[test]
    fn row_sums_equal_the_rows_of_the_moved_hashes() {
        let mut rows = vec![[0f32; 8]; 1 << 10];
        for (i, r) in rows.iter_mut().enumerate() {
            for (t, x) in r.iter_mut().enumerate().take(N_TAGS) {
                *x = ((i * 7 + t * 13) % 23) as f32 - 11.0;
            }
        }
        let w = Weights::quantise(10, &rows);
        let feats: Vec<u64> = (1..40u64)
            .map(|k| features::mix(k, k * 0x1234_5678))
            .collect();
        for lang in [Some("en"), Some("de"), None] {
            let space = space_of(lang);
            let mut moved = feats.clone();
            in_space(&mut moved, space);
            let mut want = [0i32; N_TAGS];
            for &h in &moved {
                for (s, &x) in want.iter_mut().zip(&w.rows.as_slice()[Weights::row(10, h)]) {
                    *s += i32::from(x);
                }
            }
            let mut sum = w.sum(space);
            for &h in &feats {
                sum.push(h);
            }
            assert_eq!(sum.scores(), want, "{lang:?}");
        }
    }

    #[test]
    fn best_tag_respects_the_transitions() {
        let scores = [0, 1, 5, 0, 0, 0, 0];
        assert_eq!(best_tag(&scores, O), 1, "I-PER cannot start an entity");
        assert_eq!(best_tag(&scores, 1), 2);
    }
}
