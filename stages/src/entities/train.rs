//! The trainer of the entity tagger (feature `train`): an averaged perceptron over
//! the features of [`features`](super::features), trained greedily left to right with
//! the tags it predicts as history, as spaCy v1 did. Deterministic: the order of the
//! sentences is shuffled by a seeded generator.
//!
//! ```
//! use stages::entities::train::{train, TrainDoc, TrainOptions};
//! use stages::entities::EntityType;
//! let doc = TrainDoc::new("Anna Berg went to Oslo.", Some("en"), vec![
//!     (0, 9, EntityType::Person), (18, 22, EntityType::Place)]);
//! let rec = train(&[doc.clone()], &TrainOptions { epochs: 3, bits: 12, seed: 1, dropout_per_mille: 0, runs: 1 });
//! let f = stages::entities::train::evaluate(&rec, &[doc]);
//! assert!(f.micro().2 > 0.99);
//! ```

use pipeline_core::Token;

use super::features::{
    is_candidate, is_headline, static_features, tag_features, views, TokenView, LINE_START,
};
use super::labels::{allowed, begin, inside, type_of, EntityType, N_TAGS, O};
use super::model::{best_tag, in_space, lang_hash, space_of, Weights, SPACES};
use super::{sentence_ranges, Recognizer};
use crate::tokens::{split_sentences, tokenize};

/// A training document: a text and its entities (byte offsets).
#[derive(Debug, Clone)]
pub struct TrainDoc {
    /// The text.
    pub text: String,
    /// Its language code, when known.
    pub lang: Option<String>,
    /// Each entity: start and end byte, type.
    pub entities: Vec<(usize, usize, EntityType)>,
    /// Learned only in its language's own feature space, not in the shared one
    /// (silver data: see [`TrainDoc::silver`]).
    pub own_space_only: bool,
}

impl TrainDoc {
    /// A document from its text, language and entities (byte offsets).
    pub fn new(
        text: &str,
        lang: Option<&str>,
        entities: Vec<(usize, usize, EntityType)>,
    ) -> TrainDoc {
        TrainDoc {
            text: text.to_owned(),
            lang: lang.map(str::to_owned),
            entities,
            own_space_only: false,
        }
    }

    /// The document as silver data (labels of another tagger): learned only in the
    /// feature space of its language when that has one of its own (English), so it
    /// cannot move the weights of the other languages; in the shared space otherwise.
    pub fn silver(mut self) -> TrainDoc {
        self.own_space_only = true;
        self
    }
}

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    /// Seed of the sentence order and of the word dropout.
    pub seed: u64,
    /// How often (per thousand) a token of a name is seen as an unknown word.
    pub dropout_per_mille: u64,
    /// How many perceptrons are trained (each with its own sentence order, from seeds
    /// derived from [`seed`](TrainOptions::seed)) and averaged into the shipped weights:
    /// one run's weights for the languages without training data depend much on the
    /// order of the sentences; the mean of several depends less.
    pub runs: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            bits: 19,
            seed: 20_261_206,
            dropout_per_mille: 0,
            runs: 5,
        }
    }
}

/// A document ready for training: its token views, sentences and gold tags.
struct Prepared {
    views: Vec<TokenView>,
    sentences: Vec<(usize, usize)>,
    gold: Vec<u8>,
    lang: u64,
    /// The feature spaces it is learned in (see [`space_of`]).
    spaces: Vec<u64>,
}

/// The gold tags of `tokens` from entity byte spans: `B` on the first token an entity
/// overlaps, `I` on the others.
pub fn gold_tags(tokens: &[Token], entities: &[(usize, usize, EntityType)]) -> Vec<u8> {
    let mut tags = vec![O; tokens.len()];
    for &(s, e, kind) in entities {
        let mut first = true;
        for (i, t) in tokens.iter().enumerate() {
            if t.span.start < e && t.span.end > s {
                tags[i] = if first { begin(kind) } else { inside(kind) };
                first = false;
            }
        }
    }
    tags
}

fn prepare(doc: &TrainDoc) -> (Prepared, Vec<Token>) {
    let tokens = tokenize(&doc.text);
    let sentences = sentence_ranges(&tokens, &split_sentences(&doc.text, &tokens));
    let views = views(&doc.text, &tokens, &sentences, doc.lang.as_deref());
    let gold = gold_tags(&tokens, &doc.entities);
    let p = Prepared {
        views,
        sentences,
        gold,
        lang: lang_hash(doc.lang.as_deref()),
        spaces: if doc.own_space_only {
            vec![space_of(doc.lang.as_deref())]
        } else {
            SPACES.to_vec()
        },
    };
    (p, tokens)
}

/// Averaged perceptron weights, averaged lazily.
struct Averaged {
    bits: u32,
    w: Vec<[f32; 8]>,
    total: Vec<[f32; 8]>,
    stamp: Vec<u32>,
    now: u32,
}

impl Averaged {
    fn new(bits: u32) -> Averaged {
        let n = 1usize << bits;
        Averaged {
            bits,
            w: vec![[0.0; 8]; n],
            total: vec![[0.0; 8]; n],
            stamp: vec![0; n],
            now: 0,
        }
    }

    fn scores(&self, feats: &[u64]) -> [i32; N_TAGS] {
        let mut s = [0f32; N_TAGS];
        for &h in feats {
            let r = &self.w[Weights::row(self.bits, h)];
            for t in 0..N_TAGS {
                s[t] += r[t];
            }
        }
        // the decoder compares integers; the perceptron's weights are whole numbers
        s.map(|x| x as i32)
    }

    fn catch_up(&mut self, row: usize) {
        let dt = (self.now - self.stamp[row]) as f32;
        if dt > 0.0 {
            for t in 0..N_TAGS {
                self.total[row][t] += dt * self.w[row][t];
            }
        }
        self.stamp[row] = self.now;
    }

    fn update(&mut self, feats: &[u64], gold: u8, pred: u8) {
        for &h in feats {
            let row = Weights::row(self.bits, h);
            self.catch_up(row);
            self.w[row][gold as usize] += 1.0;
            self.w[row][pred as usize] -= 1.0;
        }
    }

    /// The averaged weights, added to `sum`.
    fn finish_into(mut self, sum: &mut [[f32; 8]]) {
        for row in 0..self.w.len() {
            self.catch_up(row);
        }
        let now = self.now.max(1) as f32;
        for (s, r) in sum.iter_mut().zip(&self.total) {
            for (x, t) in s.iter_mut().zip(r) {
                *x += t / now;
            }
        }
    }
}

/// A small seeded generator (xorshift64*) for the sentence order.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains a recognizer on `docs`: the mean of [`TrainOptions::runs`] perceptrons.
pub fn train(docs: &[TrainDoc], opts: &TrainOptions) -> Recognizer {
    let prepared: Vec<Prepared> = docs.iter().map(|d| prepare(d).0).collect();
    let mut sum = vec![[0f32; 8]; 1 << opts.bits];
    let runs = opts.runs.max(1);
    for run in 0..runs {
        // the first run keeps the seed itself (one run is the model of before)
        let seed = opts.seed ^ (run as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        train_run(&prepared, opts, seed).finish_into(&mut sum);
    }
    for row in &mut sum {
        for x in row.iter_mut() {
            *x /= runs as f32;
        }
    }
    Recognizer {
        weights: Weights::quantise(opts.bits, &sum),
    }
}

/// One averaged perceptron trained on `prepared` with the sentence order of `seed`.
fn train_run(prepared: &[Prepared], opts: &TrainOptions, seed: u64) -> Averaged {
    let mut order: Vec<(usize, usize, u64)> = prepared
        .iter()
        .enumerate()
        .flat_map(|(d, p)| {
            p.spaces
                .iter()
                .flat_map(move |&sp| (0..p.sentences.len()).map(move |s| (d, s, sp)))
        })
        .collect();
    let mut rng = Rng(seed | 1);
    let mut model = Averaged::new(opts.bits);
    let mut feats = Vec::with_capacity(48);
    let mut sentence: Vec<TokenView> = Vec::new();
    for _ in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &(d, si, space) in &order {
            let p = &prepared[d];
            let (s0, e0) = p.sentences[si];
            // word dropout: some name tokens are seen as unknown words (their shape,
            // flags and gazetteer classes kept), so the model learns names from their
            // context and form rather than by heart
            sentence.clear();
            sentence.extend_from_slice(&p.views[s0..e0]);
            for (k, v) in sentence.iter_mut().enumerate() {
                // the common-word flag is English's: the shared space, which tags the
                // other languages, never sees it
                v.common &= space != 0;
                if p.gold[s0 + k] != O && rng.next() % 1000 < opts.dropout_per_mille {
                    v.lower = rng.next();
                    v.affixes = [rng.next(), rng.next(), rng.next(), rng.next()];
                }
            }
            let views = &sentence[..];
            // one sentence in ten as if its language were unknown, for documents
            // without a language stage (which are tagged in the shared space)
            let unknown = rng.next() % 10 == 0;
            let lang = if unknown && space == 0 { 0 } else { p.lang };
            let (s, e) = (0, e0 - s0);
            let headline = is_headline(views, (s, e));
            let (mut prev, mut prev2) = (O, O);
            for i in s..e {
                if views[i].flags & LINE_START != 0 {
                    // no name runs over a line break (lists of names, signatures)
                    prev = O;
                }
                let mut gold = p.gold[s0 + i];
                if !allowed(prev, gold) {
                    // the history went wrong: the entity starts here for the model
                    gold = type_of(gold).map_or(O, begin);
                }
                let tag = if is_candidate(&views[i], prev) {
                    feats.clear();
                    static_features(views, i, (s, e), lang, headline, &mut feats);
                    feats.extend_from_slice(&tag_features(views, i, s, prev, prev2));
                    in_space(&mut feats, space);
                    model.now += 1;
                    let pred = best_tag(&model.scores(&feats), prev);
                    if pred != gold {
                        model.update(&feats, gold, pred);
                    }
                    pred
                } else {
                    O
                };
                prev2 = prev;
                prev = tag;
            }
        }
    }
    model
}

/// Exact-match counts per type: `[true positives, predicted, gold]`.
#[derive(Debug, Default, Clone)]
pub struct Figures {
    /// Counts for PER, ORG, LOC, in [`EntityType::ALL`] order.
    pub counts: [[usize; 3]; 3],
}

impl Figures {
    /// Precision, recall and F1 of one type.
    pub fn of(&self, t: EntityType) -> (f64, f64, f64) {
        let i = EntityType::ALL.iter().position(|&x| x == t).unwrap_or(0);
        prf(self.counts[i])
    }

    /// Micro-averaged precision, recall and F1.
    pub fn micro(&self) -> (f64, f64, f64) {
        let mut c = [0; 3];
        for row in &self.counts {
            for k in 0..3 {
                c[k] += row[k];
            }
        }
        prf(c)
    }
}

fn prf([tp, pred, gold]: [usize; 3]) -> (f64, f64, f64) {
    let p = if pred > 0 {
        tp as f64 / pred as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        tp as f64 / gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Scores `rec` on `docs`: an entity counts when its tokens and type are exactly the
/// gold ones.
pub fn evaluate(rec: &Recognizer, docs: &[TrainDoc]) -> Figures {
    let mut f = Figures::default();
    for doc in docs {
        let (p, tokens) = prepare(doc);
        let found = rec.recognize(&doc.text, &tokens, &p.sentences, doc.lang.as_deref());
        let gold = super::spans(&tokens, &p.gold);
        for (k, t) in EntityType::ALL.iter().enumerate() {
            let g: Vec<_> = gold
                .iter()
                .filter(|e| e.kind == *t)
                .map(|e| e.tokens.clone())
                .collect();
            let pr: Vec<_> = found
                .iter()
                .filter(|e| e.kind == *t)
                .map(|e| e.tokens.clone())
                .collect();
            f.counts[k][0] += pr.iter().filter(|r| g.contains(r)).count();
            f.counts[k][1] += pr.len();
            f.counts[k][2] += g.len();
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_tags_mark_begin_and_inside() {
        let text = "Ms Anna Berg left";
        let tokens = tokenize(text);
        let tags = gold_tags(&tokens, &[(3, 12, EntityType::Person)]);
        assert_eq!(
            tags,
            [O, begin(EntityType::Person), inside(EntityType::Person), O]
        );
        assert!(super::super::labels::is_inside(tags[2]));
    }

    #[test]
    fn training_is_deterministic() {
        let docs = [TrainDoc::new(
            "Bo Li met Ann in Rome.",
            None,
            vec![(0, 5, EntityType::Person)],
        )];
        let opts = TrainOptions {
            epochs: 2,
            bits: 10,
            seed: 7,
            dropout_per_mille: 250,
            runs: 2,
        };
        assert_eq!(
            train(&docs, &opts).to_bytes(),
            train(&docs, &opts).to_bytes()
        );
    }
}
