//! The linear model: multinomial logistic regression over hashed sparse features (see
//! [`features`](super::features)) and a few dense lexicon features. Its weights are
//! `data/model.tsv`, written by the trainer (`cargo run -p stages --features train
//! --example train_sentiment --release`); with an empty model file the rule score alone
//! is used.
//!
//! The binary embeds `data/model.bin`, the same weights pre-parsed and folded (written by
//! `to_bytes` beside the `.tsv`; a test checks that the two agree), little-endian: the
//! magic `NLPSM2\0\0`; the number of dense features (u32) and their weights (3 f32
//! each); the unit of the sparse weights (f32: 0.001 when the model file writes them
//! with three decimals, as the trainer does, so the weights are exact); the number `n` of
//! sparse entries (u32), then each as its home slot in a table for `n` keys (u32) and the
//! slot itself (u64: a fingerprint of the key and the 3 weights in units, see
//! [`weights`]), sorted by key. Reading it fills the weight table front to back in one
//! pass (the table homes a key by its top bits, so sorted keys are in slot order): no
//! text parsing, no hashing and no random writes.
//!
//! Scoring sums the sparse weights as integers (exact, in any order) and scales the sum
//! once; the dense features stay `f32`.

// Index loops over parallel arrays (tokens, analysis, weights) read better here.
#![allow(clippy::needless_range_loop)]

use std::sync::OnceLock;

mod weights;

use super::analysis::Analysis;
use super::features::{key1, key2, FeatureName, Sink, DENSE, H_TARGET, TPL_B};
use super::hashing::fnv;
use weights::Weights;
#[cfg(any(test, feature = "train"))]
use weights::W_MAX;
// the text form is parsed only by the trainer and the tests (the stage reads `model.bin`)
#[cfg(any(test, feature = "train"))]
use super::{
    features::POSITIONS,
    hashing::{neg_hash, IdMap},
};
#[cfg(any(test, feature = "train"))]
use crate::text::data_lines;

/// Templates of the folded features `POS|w` + `S|w` (see [`Model::parse`]); no model
/// file names them.
const TPL_POS_S: [u64; 8] = [
    fnv("L1+S"),
    fnv("L2+S"),
    fnv("L3+S"),
    fnv("L4+S"),
    fnv("R1+S"),
    fnv("R2+S"),
    fnv("R3+S"),
    fnv("R4+S"),
];

#[cfg(any(test, feature = "train"))]
/// The key of a feature name as written in the model file (`TPL|w` or `TPL|w1 w2`).
fn key_of_name(name: &str) -> Option<u64> {
    // byte scans: `|` and ` ` are ASCII, so every cut is a char boundary
    let bar = name.bytes().position(|b| b == b'|')?;
    let tpl = fnv(name.get(..bar)?);
    let rest = name.get(bar + 1..)?;
    match rest.bytes().position(|b| b == b' ') {
        None => Some(key1(tpl, part_hash(rest))),
        Some(sp) => {
            let a = part_hash(rest.get(..sp)?);
            let second = rest.get(sp + 1..)?;
            let end = second
                .bytes()
                .position(|b| b == b' ')
                .unwrap_or(second.len());
            Some(key2(tpl, a, part_hash(second.get(..end)?)))
        }
    }
}

#[cfg(any(test, feature = "train"))]
/// `TPL|w` with a single word `w` (no space): `(TPL, w)`.
fn single_word(name: &str) -> Option<(&str, &str)> {
    let bar = name.bytes().position(|b| b == b'|')?;
    let (tpl, rest) = (name.get(..bar)?, name.get(bar + 1..)?);
    (!rest.bytes().any(|b| b == b' ')).then_some((tpl, rest))
}

#[cfg(any(test, feature = "train"))]
/// The hash of one word of a feature name: `¬word` is negation-marked.
fn part_hash(p: &str) -> u64 {
    match p.strip_prefix('¬') {
        Some(rest) if !rest.is_empty() => neg_hash(fnv(rest)),
        _ => fnv(p),
    }
}

/// The weights of the linear model, one per class (negative, neutral, positive).
#[derive(Debug)]
pub(crate) struct Model {
    /// The sparse weights, as integers in units of `scale`.
    sparse: Weights,
    /// The value of one unit of a sparse weight.
    scale: f32,
    dense: [[f32; 3]; DENSE.len()],
    trained: bool,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            sparse: Weights::default(),
            scale: SCALE_EXACT,
            dense: [[0.0; 3]; DENSE.len()],
            trained: false,
        }
    }
}

/// The committed model, pre-parsed (see the module docs).
const MODEL_BIN: &[u8] = include_bytes!("data/model.bin");

/// The first eight bytes of a binary model.
const MAGIC: &[u8; 8] = b"NLPSM2\0\0";

/// The unit of the sparse weights when the model file writes them with three decimals
/// (as the trainer does) and none exceeds `W_MAX / 1000`: the integers are then exact.
const SCALE_EXACT: f32 = 0.001;

#[cfg(any(test, feature = "train"))]
/// The unit of sparse weights `w`: [`SCALE_EXACT`] when every weight is a whole number of
/// thousandths within `±W_MAX` of them; otherwise the largest magnitude over `W_MAX` (the
/// weights rounded to the nearest unit).
fn scale_for<'a>(w: impl Iterator<Item = &'a [f32; 3]> + Clone) -> f32 {
    let exact = w.clone().flatten().all(|&x| {
        let q = f64::from(x) / f64::from(SCALE_EXACT);
        (q - q.round()).abs() < 1e-3 && q.round().abs() <= f64::from(W_MAX)
    });
    let max = w.flatten().fold(0.0f32, |m, x| m.max(x.abs()));
    if exact || max == 0.0 {
        SCALE_EXACT
    } else {
        max / W_MAX as f32
    }
}

#[cfg(any(test, feature = "train"))]
/// Weights `w` in units of `scale`, rounded.
fn quantize(w: &[f32; 3], scale: f32) -> [i32; 3] {
    w.map(|x| (f64::from(x) / f64::from(scale)).round() as i32)
}

#[cfg(any(test, feature = "train"))]
/// The binary form of a model file (see the module docs).
pub(crate) fn to_bytes(src: &str) -> Vec<u8> {
    let (m, mut entries) = Model::parse_entries(src);
    let mut out = MAGIC.to_vec();
    let n_dense = if m.trained { DENSE.len() } else { 0 };
    out.extend_from_slice(&(n_dense as u32).to_le_bytes());
    for w in &m.dense[..n_dense] {
        for x in w {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    let scale = scale_for(entries.iter().map(|e| &e.1));
    out.extend_from_slice(&scale.to_le_bytes());
    entries.sort_unstable_by_key(|e| e.0);
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    let shift = Weights::shift_for(entries.len());
    for (k, w) in &entries {
        // `scale_for` keeps every weight within the range of a slot
        let (home, slot) =
            Weights::encode(*k, quantize(w, scale), shift).expect("weights scaled to fit a slot");
        out.extend_from_slice(&home.to_le_bytes());
        out.extend_from_slice(&slot.to_le_bytes());
    }
    out
}

/// Reads a binary model (`to_bytes`); `None` when it is malformed or was written for
/// another set of dense features.
fn from_bytes(bytes: &[u8]) -> Option<Model> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let mut at = 0;
    let mut take = |n: usize| -> Option<&[u8]> {
        let s = rest.get(at..at + n)?;
        at += n;
        Some(s)
    };
    let u32_of = |b: &[u8]| b.try_into().ok().map(u32::from_le_bytes);
    let f32_of = |b: &[u8]| b.try_into().ok().map(f32::from_le_bytes);
    let mut model = Model::default();
    let n_dense = u32_of(take(4)?)? as usize;
    if n_dense != 0 && n_dense != DENSE.len() {
        return None;
    }
    for w in &mut model.dense[..n_dense] {
        let b = take(12)?;
        *w = [f32_of(&b[..4])?, f32_of(&b[4..8])?, f32_of(&b[8..])?];
    }
    model.scale = f32_of(take(4)?)?;
    let n = u32_of(take(4)?)? as usize;
    model.trained = n_dense > 0 || n > 0;
    // `to_bytes` writes the keys sorted, so their homes ascend
    let entries = take(n.checked_mul(12)?)?.chunks_exact(12).map(|e| {
        let e: &[u8; 12] = e.try_into().ok()?;
        let home = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
        let slot = u64::from_le_bytes([e[4], e[5], e[6], e[7], e[8], e[9], e[10], e[11]]);
        Some((home, slot))
    });
    model.sparse = Weights::from_homes(n, entries)?;
    (at == rest.len() && model.scale.is_finite()).then_some(model)
}

impl Model {
    /// The committed model, read on first use.
    pub(crate) fn builtin() -> &'static Model {
        static MODEL_CELL: OnceLock<Model> = OnceLock::new();
        MODEL_CELL.get_or_init(|| {
            let mut model = from_bytes(MODEL_BIN).unwrap_or_default();
            model.sparse = std::mem::take(&mut model.sparse).pinned();
            model
        })
    }

    #[cfg(any(test, feature = "train"))]
    /// Parses a model file: `name<TAB>w_neg<TAB>w_neu<TAB>w_pos` per line; dense features
    /// are named `D|name`. Malformed lines are skipped. The sparse weights are stored in
    /// units of [`scale_for`] them.
    ///
    /// Every context token of a target fires both its bag feature `S|w` and one position
    /// feature `POS|w`, so the two are folded into one weight per `(POS, w)`: one lookup
    /// per context token instead of two.
    pub(crate) fn parse(src: &str) -> Model {
        let (mut model, mut entries) = Model::parse_entries(src);
        model.scale = scale_for(entries.iter().map(|e| &e.1));
        entries.sort_unstable_by_key(|e| e.0);
        let quantized: Vec<_> = entries
            .iter()
            .map(|(k, w)| (*k, quantize(w, model.scale)))
            .collect();
        // distinct keys, sorted, weights scaled to fit
        model.sparse = Weights::from_sorted(&quantized).unwrap_or_default();
        model
    }

    #[cfg(any(test, feature = "train"))]
    /// The dense weights of a model file and its sparse entries, folded (see
    /// [`Model::parse`]), one per key, in no particular order.
    fn parse_entries(src: &str) -> (Model, Vec<(u64, [f32; 3])>) {
        let mut model = Model::default();
        // later lines replace earlier ones
        let mut sparse: IdMap<[f32; 3]> = IdMap::default();
        // `S|w` by word hash, `POS|w` by (bucket, word hash); folded after the loop
        let mut bag: IdMap<[f32; 3]> = IdMap::default();
        let mut pos: Vec<(usize, u64, [f32; 3])> = Vec::new();
        for line in data_lines(src) {
            let mut cols = Columns { line, at: 0 };
            let Some(name) = cols.next() else { continue };
            let mut w = [0.0f32; 3];
            let mut ok = true;
            for x in &mut w {
                match cols.next().map(parse_f32) {
                    Some(Ok(v)) if v.is_finite() => *x = v,
                    _ => ok = false,
                }
            }
            if !ok {
                continue;
            }
            if let Some(d) = name.strip_prefix("D|") {
                if let Some(i) = DENSE.iter().position(|n| *n == d) {
                    model.dense[i] = w;
                    model.trained = true;
                }
            } else if let Some((tpl, word)) = single_word(name) {
                if tpl == "S" {
                    bag.insert(part_hash(word), w);
                } else if let Some(b) = POSITIONS.iter().position(|p| *p == tpl) {
                    pos.push((b, part_hash(word), w));
                } else if let Some(k) = key_of_name(name) {
                    sparse.insert(k, w);
                }
                model.trained = true;
            } else if let Some(k) = key_of_name(name) {
                sparse.insert(k, w);
                model.trained = true;
            }
        }
        let mut folded: IdMap<[f32; 3]> = IdMap::default();
        for (&h, w) in &bag {
            for tpl in TPL_POS_S {
                folded.insert(key1(tpl, h), *w);
            }
        }
        let mut seen: IdMap<[f32; 3]> = IdMap::default();
        for (b, h, w) in pos {
            seen.insert(key1(TPL_POS_S[b], h), w);
        }
        for (k, w) in seen {
            let f = folded.entry(k).or_insert([0.0; 3]);
            for c in 0..3 {
                f[c] += w[c];
            }
        }
        // the folded keys replace a plain key equal to one (as later lines would)
        sparse.extend(folded);
        (model, sparse.into_iter().collect())
    }

    /// Scores target tokens `[a, b)`: a score in `[-1, 1]` (P(positive) − P(negative))
    /// and the class (-1, 0, 1). Without weights, the rule score and a threshold.
    pub(crate) fn score(&self, an: &Analysis, a: usize, b: usize) -> (f32, i8) {
        let mut sink = Logits {
            model: self,
            q: [0; 3],
            z: [0.0; 3],
        };
        let rule = an.features(a, b, &mut sink);
        if !self.trained {
            let label = if rule > 0.15 {
                1
            } else if rule < -0.15 {
                -1
            } else {
                0
            };
            return (rule.clamp(-1.0, 1.0), label);
        }
        let p = softmax(sink.logits());
        let label = if p[2] > p[1] && p[2] > p[0] {
            1
        } else if p[0] > p[1] && p[0] >= p[2] {
            -1
        } else {
            0
        };
        ((p[2] - p[0]).clamp(-1.0, 1.0), label)
    }
}

#[cfg(any(test, feature = "train"))]
/// The tab-separated columns of a line, like `line.split('\t')`.
struct Columns<'a> {
    line: &'a str,
    /// Start of the next column; past the end when done.
    at: usize,
}

#[cfg(any(test, feature = "train"))]
impl<'a> Iterator for Columns<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.at > self.line.len() {
            return None;
        }
        let rest = self.line.get(self.at..)?;
        let end = rest.bytes().position(|b| b == b'\t').unwrap_or(rest.len());
        self.at += end + 1;
        rest.get(..end)
    }
}

#[cfg(any(test, feature = "train"))]
/// Exact powers of ten in `f32`.
const POW10: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

#[cfg(any(test, feature = "train"))]
/// `s.parse::<f32>()`, with a fast path for plain decimals (`-0.1234`): a mantissa below
/// 2^24 and at most ten decimals are exact in `f32`, so one division rounds correctly
/// and gives the same value as the standard parser.
fn parse_f32(s: &str) -> Result<f32, std::num::ParseFloatError> {
    let b = s.as_bytes();
    let (neg, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    let mut m: u32 = 0;
    let mut n = 0;
    let mut frac: Option<usize> = None;
    for &c in digits {
        match c {
            b'0'..=b'9' if m < 1 << 24 => {
                m = m * 10 + u32::from(c - b'0');
                n += 1;
                if let Some(f) = &mut frac {
                    *f += 1;
                }
            }
            b'.' if frac.is_none() => frac = Some(0),
            _ => return s.parse(),
        }
    }
    let k = frac.unwrap_or(0);
    if n == 0 || m >= 1 << 24 || k >= POW10.len() {
        return s.parse();
    }
    let v = m as f32 / POW10[k];
    Ok(if neg { -v } else { v })
}

/// The class probabilities of logits `z`.
fn softmax(z: [f32; 3]) -> [f32; 3] {
    let m = z[0].max(z[1]).max(z[2]);
    let e = z.map(|v| (v - m).exp());
    let s = e[0] + e[1] + e[2];
    e.map(|v| v / s)
}

/// The logits of one target: a [`Sink`] that adds up the model's weights.
struct Logits<'m> {
    model: &'m Model,
    /// The sum of the sparse weights, in units of the model's scale (exact).
    q: [i32; 3],
    /// The sum of the dense features times their weights.
    z: [f32; 3],
}

impl Logits<'_> {
    #[inline]
    fn add(&mut self, key: u64, sign: i32) {
        if let Some(w) = self.model.sparse.get(key) {
            for c in 0..3 {
                self.q[c] += sign * w[c];
            }
        }
    }

    /// The logits: the sparse sum scaled, plus the dense part.
    fn logits(&self) -> [f32; 3] {
        let s = self.model.scale;
        [0, 1, 2].map(|c| self.q[c] as f32 * s + self.z[c])
    }
}

impl Sink for Logits<'_> {
    fn sparse(&mut self, key: u64, _name: FeatureName) {
        self.add(key, 1);
    }

    /// The folded weight of `POS|w` and the token's bag feature `S|w` (which
    /// [`Logits::bag`] therefore leaves out).
    #[inline]
    fn position(&mut self, bucket: usize, feat: u64) {
        self.add(key1(TPL_POS_S[bucket], feat), 1);
    }

    /// The bigrams of the bag (its words `S|w` come with their position features, see
    /// [`Model::parse`]). The bigrams of the whole sentence are summed once and cached;
    /// each target then takes out the bigrams touching its words and adds the `<t>`
    /// bigrams. Equal to the bigrams of [`Analysis::emit_bag`] up to float rounding.
    fn bag(&mut self, an: &Analysis, s: usize, e: usize, a: usize, b: usize) {
        let sent = an.toks[a].sent;
        let cached = an.sents.get(sent as usize) == Some(&(s, e)) && b <= e;
        if !cached {
            an.walk_bag(s, e, a, b, |_, prev, h| {
                if let Some(p) = prev {
                    self.add(key2(TPL_B, p, h), 1);
                }
            });
            return;
        }
        let total = {
            let mut cache = an.bag_cache.borrow_mut();
            if cache.len() != an.sents.len() {
                *cache = vec![None; an.sents.len()];
            }
            match cache[sent as usize] {
                Some(t) => t,
                None => {
                    let mut z = Logits {
                        model: self.model,
                        q: [0; 3],
                        z: [0.0; 3],
                    };
                    for pair in an.toks[s..e].windows(2) {
                        z.add(key2(TPL_B, pair[0].feat, pair[1].feat), 1);
                    }
                    cache[sent as usize] = Some(z.q);
                    z.q
                }
            }
        };
        for c in 0..3 {
            self.q[c] += total[c];
        }
        for i in a.saturating_sub(1).max(s)..b.min(e - 1) {
            self.add(key2(TPL_B, an.toks[i].feat, an.toks[i + 1].feat), -1);
        }
        if a > s {
            self.add(key2(TPL_B, an.toks[a - 1].feat, H_TARGET), 1);
        }
        if b < e {
            self.add(key2(TPL_B, H_TARGET, an.toks[b].feat), 1);
        }
    }
    fn dense(&mut self, values: &[f32; DENSE.len()]) {
        for (v, w) in values.iter().zip(&self.model.dense) {
            // most dense features are 0, and adding `0 * w` (w is finite) leaves every
            // logit unchanged: logits start at +0 and a sum never turns into -0
            if *v == 0.0 {
                continue;
            }
            for c in 0..3 {
                self.z[c] += v * w[c];
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::sentiment::features::{TPL_POS, TPL_S, TPL_T};
    use crate::sentiment::hashing::mix;
    use crate::sentiment::lexicon::Lexicon;

    const MODEL: &str = include_str!("data/model.tsv");

    #[test]
    fn the_binary_model_is_the_text_model() {
        assert!(
            to_bytes(MODEL) == MODEL_BIN,
            "data/model.bin is stale: rewrite it from data/model.tsv (train_sentiment writes both)"
        );
        let (a, b) = (Model::parse(MODEL), Model::builtin());
        assert!(b.trained);
        assert_eq!(a.dense, b.dense);
        assert_eq!(a.sparse.len, b.sparse.len);
        // the trainer writes three decimals: every weight is a whole number of units
        assert_eq!(b.scale, SCALE_EXACT);
        // every key reads its own weights back: no two keys of the model share a
        // fingerprint in a probe run
        let (_, entries) = Model::parse_entries(MODEL);
        assert_eq!(entries.len(), b.sparse.len);
        for (k, w) in &entries {
            let q = b.sparse.get(*k).unwrap();
            assert_eq!(q, quantize(w, b.scale), "{k}");
            for c in 0..3 {
                assert!((q[c] as f32 * b.scale - w[c]).abs() < 1e-6, "{k}");
            }
        }
        assert!(from_bytes(&MODEL_BIN[..MODEL_BIN.len() - 1]).is_none());
        assert!(from_bytes(b"NLPSM2").is_none());
        let empty = from_bytes(&to_bytes("")).unwrap();
        assert!(!empty.trained);
    }

    #[test]
    fn weights_beyond_the_exact_range_are_scaled_to_fit() {
        let exact = Model::parse("S|a\t1.250\t0\t-2.047\nT|b\t0.001\t0\t0\n");
        assert_eq!(exact.scale, SCALE_EXACT);
        assert_eq!(
            exact.sparse.get(key_of_name("T|b").unwrap()),
            Some([1, 0, 0])
        );
        // too large for thousandths: the largest magnitude becomes the largest unit
        let src = "T|a\t3.5\t0\t-1\nT|b\t0.0004\t0\t0\n";
        let wide = Model::parse(src);
        assert_eq!(wide.scale, 3.5 / W_MAX as f32);
        let ka = key_of_name("T|a").unwrap();
        assert_eq!(wide.sparse.get(ka), Some([W_MAX, 0, -585]));
        assert_eq!(
            from_bytes(&to_bytes(src)).unwrap().sparse.get(ka),
            Some([W_MAX, 0, -585])
        );
        // more than three decimals: not exact either
        assert_ne!(Model::parse("T|a\t0.0004\t0\t0\n").scale, SCALE_EXACT);
    }

    #[test]
    fn fast_float_parse_equals_the_standard_one() {
        let mut cases: Vec<String> = [
            "0",
            "-0",
            "-0.000",
            "0.0001",
            "1.",
            ".5",
            "-.5",
            ".",
            "-",
            "",
            "+1",
            "1e3",
            "1.5E-2",
            "inf",
            "-inf",
            "NaN",
            "0.1.2",
            "--1",
            "16777215",
            "16777216",
            "16777217",
            "123456789",
            "0.00000000001",
            "9.999999",
            "-3.4028235e38",
            " 1",
            "1 ",
            "0x10",
            "١",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // every weight as the trainer writes them, and a spread of other decimals
        let mut x: u64 = 7;
        for _ in 0..20_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let v = ((x >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 20.0;
            let p = (x >> 3) as usize % 9;
            cases.push(format!("{v:.p$}"));
        }
        for s in &cases {
            let (a, b) = (parse_f32(s), s.parse::<f32>());
            match (a, b) {
                (Ok(a), Ok(b)) => assert_eq!(a.to_bits(), b.to_bits(), "{s}"),
                (Err(_), Err(_)) => {}
                (a, b) => panic!("{s}: {a:?} vs {b:?}"),
            }
        }
    }

    #[test]
    fn columns_equal_the_plain_split() {
        let src = "# c\r\n\r\nS|a\t1\t2\t3\r\r\n \nB|a b\t\t-1\n\tx\ny\t\nlast\t1";
        for line in data_lines(src) {
            let cols: Vec<&str> = Columns { line, at: 0 }.collect();
            assert_eq!(cols, line.split('\t').collect::<Vec<_>>(), "{line:?}");
        }
    }

    /// The key of a feature name as the plain string functions compute it.
    fn plain_key_of_name(name: &str) -> Option<u64> {
        let (tpl, rest) = name.split_once('|')?;
        let tpl = fnv(tpl);
        let mut parts = rest.split(' ');
        let a = part_hash(parts.next()?);
        match parts.next() {
            None => Some(key1(tpl, a)),
            Some(b) => Some(key2(tpl, a, part_hash(b))),
        }
    }

    #[test]
    fn key_of_name_equals_the_plain_split() {
        for name in [
            "",
            "|",
            "S|",
            "S|a",
            "B|a b",
            "B|a b c",
            "B| b",
            "B|a ",
            "B|¬a <t>",
            "L1|¬",
            "x",
            "a|b|c",
            "T|Zürich",
            "B|a  b",
        ] {
            assert_eq!(key_of_name(name), plain_key_of_name(name), "{name:?}");
        }
        for line in data_lines(MODEL) {
            let name = line.split('\t').next().unwrap();
            assert_eq!(key_of_name(name), plain_key_of_name(name), "{name:?}");
        }
    }

    #[test]
    fn builtin_model_parses_like_the_plain_parser() {
        let model = Model::builtin();
        let (mut bag, mut pos) = (HashMap::new(), HashMap::new());
        let mut n = 0;
        for line in data_lines(MODEL) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap();
            let w: Vec<f32> = cols.map(|c| c.parse().unwrap()).collect();
            let w = [w[0], w[1], w[2]];
            let (tpl, word) = name.split_once('|').unwrap();
            if tpl == "D" {
                continue;
            }
            if !word.contains(' ') && tpl == "S" {
                bag.insert(part_hash(word), w);
            } else if let (false, Some(b)) =
                (word.contains(' '), POSITIONS.iter().position(|p| *p == tpl))
            {
                pos.insert((b, part_hash(word)), w);
            } else {
                let k = key_of_name(name).unwrap();
                let q = quantize(&w, model.scale);
                assert_eq!(model.sparse.get(k).unwrap(), q, "{name}");
                n += 1;
            }
        }
        // folded: POS|w + S|w for every word with either
        let mut folded = HashMap::new();
        for (&h, w) in &bag {
            for b in 0..8 {
                folded.insert((b, h), *w);
            }
        }
        for (&(b, h), w) in &pos {
            let f = folded.entry((b, h)).or_insert([0.0; 3]);
            for c in 0..3 {
                f[c] += w[c];
            }
        }
        for (&(b, h), w) in &folded {
            let q = quantize(w, model.scale);
            assert_eq!(model.sparse.get(key1(TPL_POS_S[b], h)).unwrap(), q);
            assert!(model.sparse.get(key1(TPL_POS[b], h)).is_none());
            assert!(model.sparse.get(key1(TPL_S, h)).is_none());
        }
        assert_eq!(n + folded.len(), model.sparse.len);
        // absent keys stay absent
        for h in 0..1000u64 {
            assert!(model.sparse.get(key1(TPL_T, mix(h))).is_none());
        }
    }

    /// The logits with folded features equal those of the plain features
    /// ([`Analysis::emit_bag`] and `POS|w` looked up one by one).
    #[test]
    fn folded_scores_equal_the_plain_features() {
        struct Plain<'m> {
            sparse: HashMap<u64, [f32; 3]>,
            dense: &'m [[f32; 3]; DENSE.len()],
            z: [f32; 3],
        }
        impl Sink for Plain<'_> {
            fn sparse(&mut self, key: u64, _name: FeatureName) {
                if let Some(w) = self.sparse.get(&key) {
                    for c in 0..3 {
                        self.z[c] += w[c];
                    }
                }
            }
            fn dense(&mut self, values: &[f32; DENSE.len()]) {
                for (v, w) in values.iter().zip(self.dense) {
                    for c in 0..3 {
                        self.z[c] += v * w[c];
                    }
                }
            }
        }
        let model = Model::builtin();
        let mut sparse = HashMap::new();
        for line in data_lines(MODEL) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap();
            let w: Vec<f32> = cols.map(|c| c.parse().unwrap()).collect();
            if let Some(k) = key_of_name(name).filter(|_| !name.starts_with("D|")) {
                sparse.insert(k, [w[0], w[1], w[2]]);
            }
        }
        let text = "Critics in Moscow slammed Smith for the disastrous failure, but fans \
                    praised Jones for a brilliant win. He did not deny it. The deal was \
                    never good for Pakistan, although India welcomed it warmly.";
        let mut doc = pipeline_core::Document::new("t", text);
        pipeline_core::SyncStage::apply(&crate::tokens::TokenStage::default(), &mut doc).unwrap();
        let tokens = doc.tokens().unwrap();
        let an = Analysis::new(text, tokens, doc.sentences().unwrap(), Lexicon::builtin());
        let mut scored = 0;
        for a in 0..tokens.len() {
            for b in a + 1..(a + 3).min(tokens.len()) {
                let mut plain = Plain {
                    sparse: sparse.clone(),
                    dense: &model.dense,
                    z: [0.0; 3],
                };
                an.features(a, b, &mut plain);
                let mut fast = Logits {
                    model,
                    q: [0; 3],
                    z: [0.0; 3],
                };
                an.features(a, b, &mut fast);
                let fast = fast.logits();
                for c in 0..3 {
                    assert!(
                        (plain.z[c] - fast[c]).abs() < 1e-3,
                        "{a}..{b}: {plain:?} {fast:?}",
                        plain = plain.z,
                    );
                }
                scored += 1;
            }
        }
        assert!(scored > 50);
    }
}
