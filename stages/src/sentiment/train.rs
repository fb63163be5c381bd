//! Training the targeted-sentiment model: multinomial logistic regression fitted with
//! AdaGrad over the features of [`features`](super::features), deterministic (fixed order,
//! fixed-seed shuffles, sorted output).
//!
//! The committed weights (`stages/src/sentiment/data/model.tsv`, and `model.bin`, their
//! binary form that the stage embeds) are written by
//!
//! ```text
//! GOLD_CLASS_WEIGHTS=1 cargo run -p stages --features train --example train_sentiment \
//!     --release -- ../shared/eval/data/newsmtsc_train.jsonl \
//!     stages/src/sentiment/data/model.tsv --teacher /tmp/teacher.jsonl
//! ```
//!
//! from the NewsMTSC training split's gold targets (MIT licence) and the soft labels the
//! transformer model gives to the actor mentions of unlabeled news sentences (the
//! training split's other mentions, the PolNeAR train articles, the example articles:
//! `tools/sentiment_teacher.py`; see `data/README.md`).
//!
//! ```
//! use stages::sentiment::train::{evaluate, train, Example, TrainOptions};
//! let ex = |t: &str, w: &str, p| {
//!     let start = t.find(w).unwrap();
//!     Example { text: t.to_owned(), start, end: start + w.len(), polarity: p, soft: None, weight: None }
//! };
//! let data = vec![
//!     ex("Critics slammed Smith for the failure.", "Smith", -1),
//!     ex("Fans praised Jones for the great win.", "Jones", 1),
//!     ex("Brown spoke on Tuesday in Ohio.", "Brown", 0),
//! ];
//! let opts = TrainOptions { min_count: 1, ..TrainOptions::default() };
//! let model = train(&data, &opts);
//! assert!(evaluate(&model, &data).accuracy > 0.6);
//! ```

// Index loops over parallel arrays (tokens, analysis, weights) read better here.
#![allow(clippy::needless_range_loop)]

use std::collections::HashMap;

use pipeline_core::{Document, SyncStage};

use pipeline_core::{Token, TokenKind};

use super::analysis::{Analysis, H_NUM};
use super::features::{FeatureName, Sink, DENSE, H_TARGET};
use super::hashing::{neg_hash, norm_word, word_hash};
use super::lexicon::Lexicon;
use super::model::Model;
use crate::tokens::TokenStage;

/// One training or evaluation example.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The text (usually one sentence).
    pub text: String,
    /// Byte offset of the target's start.
    pub start: usize,
    /// Byte offset of the target's end.
    pub end: usize,
    /// Gold polarity: -1, 0 or 1 (with `soft`, the teacher's most probable class).
    pub polarity: i8,
    /// A teacher's class probabilities (negative, neutral, positive): when set, the
    /// example is learned toward them (weighted by [`TrainOptions::soft_weight`])
    /// instead of toward `polarity` alone.
    pub soft: Option<[f32; 3]>,
    /// The example's weight relative to a gold one, when not the default (1 for a gold
    /// example, [`TrainOptions::soft_weight`] for a teacher's): e.g. a teacher's labels
    /// from one source trusted less than another's (see [`SourceWeights`]).
    pub weight: Option<f32>,
}

/// Weights of teacher examples by source, written `prefix:weight,prefix:weight` (e.g.
/// `pn:0.25,mt:0.5`): an example whose record id starts with `prefix:` gets that weight
/// (see [`Example::weight`]); the first matching prefix wins.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceWeights(Vec<(String, f32)>);

impl std::str::FromStr for SourceWeights {
    type Err = String;

    fn from_str(spec: &str) -> Result<Self, String> {
        spec.split(',')
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                let (src, w) = p
                    .rsplit_once(':')
                    .ok_or_else(|| format!("{p:?}: expected source:weight"))?;
                let w: f32 = w.trim().parse().map_err(|_| format!("{p:?}: bad weight"))?;
                if !(w >= 0.0 && w.is_finite()) {
                    return Err(format!("{p:?}: weight must be finite and >= 0"));
                }
                Ok((src.trim().to_owned(), w))
            })
            .collect::<Result<_, _>>()
            .map(SourceWeights)
    }
}

impl SourceWeights {
    /// The weight of the record with id `id` (`source:…`), `None` when no prefix matches.
    pub fn of(&self, id: &str) -> Option<f32> {
        let src = id.split_once(':')?.0;
        self.0.iter().find(|(s, _)| s == src).map(|(_, w)| *w)
    }
}

/// Training hyper-parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad learning rate.
    pub learning_rate: f32,
    /// L2 penalty, applied to the weights an example touches.
    pub l2: f32,
    /// Sparse features seen in fewer examples are dropped.
    pub min_count: u32,
    /// Seed of the shuffles.
    pub seed: u64,
    /// Write the mean of the weights after each epoch of the second half of training
    /// (less variance than the last weights).
    pub average: bool,
    /// Weight of an example with soft labels (a teacher's) relative to a gold one.
    pub soft_weight: f32,
    /// Class weights (for macro F1) from the gold examples alone; else from all,
    /// teachers' included (by their most probable class and weight).
    pub gold_class_weights: bool,
    /// Dense features (names of [`DENSE`]) left out, set to 0 in every example: for
    /// ablations.
    pub drop_dense: Vec<String>,
    /// Templates of sparse features (`S`, `CA`, `R1`, …) left out of every example: for
    /// ablations.
    pub drop_sparse: Vec<String>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 20,
            learning_rate: 0.03,
            l2: 1e-3,
            min_count: 2,
            seed: 20_211_123,
            average: true,
            soft_weight: 0.5,
            gold_class_weights: false,
            drop_dense: Vec::new(),
            drop_sparse: Vec::new(),
        }
    }
}

/// Figures of a model on labelled examples.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    /// Macro F1 over the three classes.
    pub macro_f1: f64,
    /// Accuracy.
    pub accuracy: f64,
    /// Confusion counts `[gold][predicted]`, classes in the order -1, 0, 1.
    pub confusion: [[u32; 3]; 3],
}

/// The features of one target, as the trainer keeps them.
struct Collect {
    sparse: Vec<u64>,
    names: Vec<(u64, FeatureName)>,
    dense: [f32; DENSE.len()],
}

impl Default for Collect {
    fn default() -> Self {
        Collect {
            sparse: Vec::new(),
            names: Vec::new(),
            dense: [0.0; DENSE.len()],
        }
    }
}

impl Sink for Collect {
    fn sparse(&mut self, key: u64, name: FeatureName) {
        self.sparse.push(key);
        self.names.push((key, name));
    }
    fn dense(&mut self, values: &[f32; DENSE.len()]) {
        self.dense = *values;
    }
}

/// The words behind the hashes of the training texts, so feature names can be written.
#[derive(Default)]
struct Words(HashMap<u64, String>);

impl Words {
    /// Registers the normal form of every token of a text (and its negation-marked form).
    fn register(&mut self, text: &str, tokens: &[Token]) {
        let m = &mut self.0;
        m.entry(H_TARGET).or_insert_with(|| "<t>".to_owned());
        m.entry(H_NUM).or_insert_with(|| "<num>".to_owned());
        for t in tokens {
            if t.kind == TokenKind::Number {
                continue;
            }
            let w = t.span.slice(text);
            let h = word_hash(w);
            if !m.contains_key(&h) {
                let norm = norm_word(w);
                m.insert(neg_hash(h), format!("¬{norm}"));
                m.insert(h, norm);
            }
        }
    }

    /// A word's readable name; `#hash` when unknown.
    fn name(&self, h: u64) -> String {
        self.0.get(&h).cloned().unwrap_or_else(|| format!("#{h:x}"))
    }

    /// A feature's name as the model file writes it: `TPL|w` or `TPL|w1 w2`.
    fn feature_name(&self, name: FeatureName) -> String {
        match name {
            FeatureName::Word(tpl, h) => format!("{tpl}|{}", self.name(h)),
            FeatureName::Bigram(tpl, p, h) => format!("{tpl}|{} {}", self.name(p), self.name(h)),
        }
    }
}

/// Tokenises an example and finds its target tokens.
fn analyse(ex: &Example) -> Option<(Analysis, usize, usize, Document)> {
    let mut doc = Document::new("train", ex.text.as_str());
    TokenStage::default().apply(&mut doc).ok()?;
    let tokens = doc.tokens()?;
    let span = pipeline_core::Span::new(doc.text(), ex.start, ex.end).ok()?;
    let (a, b) = Analysis::token_range(tokens, span)?;
    let an = Analysis::new(
        doc.text(),
        tokens,
        doc.sentences().unwrap_or(&[]),
        Lexicon::builtin(),
    );
    Some((an, a, b, doc))
}

/// One example as the trainer learns it: its sparse feature keys (or indices), dense
/// values, class (for the class weights), target distribution and weight.
struct Row<K> {
    sparse: Vec<K>,
    dense: [f32; DENSE.len()],
    class: usize,
    target: [f32; 3],
    weight: f32,
    /// A teacher's example.
    soft: bool,
}

/// The features of every example; the name of every key; and in how many examples each
/// key occurs.
struct Features {
    data: Vec<Row<u64>>,
    names: HashMap<u64, String>,
    counts: HashMap<u64, u32>,
}

/// Analyses every example and collects the features of its target.
fn collect_features(examples: &[Example], opts: &TrainOptions) -> Features {
    let drop = dropped(&opts.drop_dense);
    let kept = |n: &FeatureName| {
        let tpl = match n {
            FeatureName::Word(t, _) | FeatureName::Bigram(t, _, _) => t,
        };
        !opts.drop_sparse.iter().any(|d| d == tpl)
    };
    let mut data: Vec<Row<u64>> = Vec::new();
    let mut names: HashMap<u64, String> = HashMap::new();
    let mut words = Words::default();
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for ex in examples {
        let Some((an, a, b, doc)) = analyse(ex) else {
            continue;
        };
        words.register(doc.text(), doc.tokens().unwrap_or(&[]));
        let mut sink = Collect::default();
        an.features(a, b, &mut sink);
        if !opts.drop_sparse.is_empty() {
            let (sparse, names) = sink
                .sparse
                .iter()
                .zip(&sink.names)
                .filter(|(_, (_, n))| kept(n))
                .map(|(k, n)| (*k, *n))
                .unzip();
            (sink.sparse, sink.names) = (sparse, names);
        }
        for &j in &drop {
            sink.dense[j] = 0.0;
        }
        let mut seen = sink.sparse.clone();
        seen.sort_unstable();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
        for (k, n) in sink.names {
            names.entry(k).or_insert_with(|| words.feature_name(n));
        }
        let class = (ex.polarity.clamp(-1, 1) + 1) as usize;
        let (target, weight) = match ex.soft {
            Some(q) => {
                let z: f32 = q.iter().map(|x| x.max(0.0)).sum();
                if z > 0.0 {
                    (
                        q.map(|x| x.max(0.0) / z),
                        ex.weight.unwrap_or(opts.soft_weight),
                    )
                } else {
                    continue;
                }
            }
            None => (
                std::array::from_fn(|c| f32::from(c == class)),
                ex.weight.unwrap_or(1.0),
            ),
        };
        if weight <= 0.0 {
            continue;
        }
        data.push(Row {
            sparse: sink.sparse,
            dense: sink.dense,
            class,
            target,
            weight,
            soft: ex.soft.is_some(),
        });
    }
    Features {
        data,
        names,
        counts,
    }
}

/// The indices in [`DENSE`] of the named features (unknown names are ignored).
fn dropped(names: &[String]) -> Vec<usize> {
    names
        .iter()
        .filter_map(|n| DENSE.iter().position(|d| d == n))
        .collect()
}

/// Trains a model and returns it as a model file.
pub fn train(examples: &[Example], opts: &TrainOptions) -> String {
    // features
    let Features {
        data,
        names,
        counts,
    } = collect_features(examples, opts);
    // index kept features
    let mut keys: Vec<u64> = counts
        .iter()
        .filter(|(_, c)| **c >= opts.min_count)
        .map(|(k, _)| *k)
        .collect();
    keys.sort_unstable_by(|x, y| names.get(x).cmp(&names.get(y)).then(x.cmp(y)));
    let index: HashMap<u64, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let rows: Vec<Row<usize>> = data
        .into_iter()
        .map(|r| Row {
            sparse: r
                .sparse
                .iter()
                .filter_map(|k| index.get(k).copied())
                .collect(),
            dense: r.dense,
            class: r.class,
            target: r.target,
            weight: r.weight,
            soft: r.soft,
        })
        .collect();
    // class weights for macro F1
    let mut per_class = [0f32; 3];
    for r in rows.iter().filter(|r| !(opts.gold_class_weights && r.soft)) {
        per_class[r.class] += r.weight;
    }
    let total: f32 = per_class.iter().sum();
    let cw = per_class.map(|c| if c > 0.0 { total / (3.0 * c) } else { 1.0 });
    // AdaGrad
    let mut w = vec![[0f32; 3]; keys.len()];
    let mut g2 = vec![[1e-6f32; 3]; keys.len()];
    let mut wd = [[0f32; 3]; DENSE.len()];
    let mut gd = [[1e-6f32; 3]; DENSE.len()];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut rng = opts.seed | 1;
    let mut w_sum = vec![[0f32; 3]; keys.len()];
    let mut wd_sum = [[0f32; 3]; DENSE.len()];
    let mut n_sum = 0f32;
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &r in &order {
            let Row {
                sparse: feats,
                dense,
                class,
                target,
                weight,
                ..
            } = &rows[r];
            let mut z = [0f32; 3];
            for &f in feats {
                for c in 0..3 {
                    z[c] += w[f][c];
                }
            }
            for (v, wv) in dense.iter().zip(&wd) {
                for c in 0..3 {
                    z[c] += v * wv[c];
                }
            }
            let m = z[0].max(z[1]).max(z[2]);
            let e = z.map(|v| (v - m).exp());
            let s = e[0] + e[1] + e[2];
            let g: [f32; 3] = std::array::from_fn(|c| (e[c] / s - target[c]) * cw[*class] * weight);
            for &f in feats {
                for c in 0..3 {
                    let grad = g[c] + opts.l2 * w[f][c];
                    g2[f][c] += grad * grad;
                    w[f][c] -= opts.learning_rate * grad / g2[f][c].sqrt();
                }
            }
            for (j, v) in dense.iter().enumerate() {
                if *v == 0.0 {
                    continue;
                }
                for c in 0..3 {
                    let reg = if j == 0 { 0.0 } else { opts.l2 * wd[j][c] };
                    let grad = g[c] * v + reg;
                    gd[j][c] += grad * grad;
                    wd[j][c] -= opts.learning_rate * grad / gd[j][c].sqrt();
                }
            }
        }
        if opts.average && epoch * 2 >= opts.epochs {
            for (acc, v) in w_sum.iter_mut().zip(&w) {
                for c in 0..3 {
                    acc[c] += v[c];
                }
            }
            for (acc, v) in wd_sum.iter_mut().zip(&wd) {
                for c in 0..3 {
                    acc[c] += v[c];
                }
            }
            n_sum += 1.0;
        }
    }
    if n_sum > 0.0 {
        w = w_sum.into_iter().map(|v| v.map(|x| x / n_sum)).collect();
        wd = wd_sum.map(|v| v.map(|x| x / n_sum));
    }
    // write
    let mut out = String::new();
    out.push_str("# nlpipe targeted-sentiment model: multinomial logistic regression\n");
    out.push_str("# feature<TAB>w_negative<TAB>w_neutral<TAB>w_positive\n");
    out.push_str(&format!(
        "# trained on {} examples, {} sparse features; options {:?}\n",
        rows.len(),
        keys.len(),
        opts
    ));
    for (j, name) in DENSE.iter().enumerate() {
        let v = wd[j];
        out.push_str(&format!(
            "D|{name}\t{:.4}\t{:.4}\t{:.4}\n",
            v[0], v[1], v[2]
        ));
    }
    for (k, v) in keys.iter().zip(&w) {
        if v.iter().all(|x| x.abs() < 0.002) {
            continue;
        }
        let Some(name) = names.get(k) else { continue };
        out.push_str(&format!("{name}\t{:.3}\t{:.3}\t{:.3}\n", v[0], v[1], v[2]));
    }
    out
}

/// The binary form of a model file, as the stage embeds it (`data/model.bin` beside
/// `data/model.tsv`).
pub fn to_binary(model: &str) -> Vec<u8> {
    super::model::to_bytes(model)
}

/// Scores examples with a model file and compares with their gold polarity.
pub fn evaluate(model: &str, examples: &[Example]) -> Evaluation {
    let model = Model::parse(model);
    let mut confusion = [[0u32; 3]; 3];
    for ex in examples {
        let pred = match analyse(ex) {
            Some((an, a, b, _)) => model.score(&an, a, b).1,
            None => 0,
        };
        let g = (ex.polarity.clamp(-1, 1) + 1) as usize;
        confusion[g][(pred + 1) as usize] += 1;
    }
    let mut f1s = 0.0;
    for c in 0..3 {
        let tp = f64::from(confusion[c][c]);
        let fp: f64 = (0..3)
            .filter(|&g| g != c)
            .map(|g| f64::from(confusion[g][c]))
            .sum();
        let fneg: f64 = (0..3)
            .filter(|&p| p != c)
            .map(|p| f64::from(confusion[c][p]))
            .sum();
        let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let r = if tp + fneg > 0.0 {
            tp / (tp + fneg)
        } else {
            0.0
        };
        f1s += if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
    }
    let n: u32 = confusion.iter().flatten().sum();
    let ok: u32 = (0..3).map(|c| confusion[c][c]).sum();
    Evaluation {
        macro_f1: f1s / 3.0,
        accuracy: if n > 0 {
            f64::from(ok) / f64::from(n)
        } else {
            0.0
        },
        confusion,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ex(text: &str, word: &str, polarity: i8, soft: Option<[f32; 3]>) -> Example {
        let start = text.find(word).unwrap();
        Example {
            text: text.to_owned(),
            start,
            end: start + word.len(),
            polarity,
            soft,
            weight: None,
        }
    }

    #[test]
    fn dropped_sparse_templates_are_not_learned() {
        let data = vec![
            ex("Critics slammed Smith for the failure.", "Smith", -1, None),
            ex("Fans praised Jones for the great win.", "Jones", 1, None),
            ex("Brown spoke on Tuesday in Ohio.", "Brown", 0, None),
        ];
        let opts = TrainOptions {
            min_count: 1,
            ..TrainOptions::default()
        };
        let has = |m: &str, tpl: &str| m.lines().any(|l| l.starts_with(tpl));
        let all = train(&data, &opts);
        assert!(has(&all, "S|") && has(&all, "B|"), "{all}");
        let opts = TrainOptions {
            drop_sparse: vec!["S".to_owned(), "B".to_owned()],
            ..opts
        };
        let some = train(&data, &opts);
        assert!(!has(&some, "S|") && !has(&some, "B|"), "{some}");
        assert!(has(&some, "R1|") && has(&some, "T|"), "{some}");
    }

    #[test]
    fn soft_labels_pull_toward_the_teacher() {
        let gold = vec![
            ex("Critics slammed Smith for the failure.", "Smith", -1, None),
            ex("Fans praised Jones for the great win.", "Jones", 1, None),
            ex("Brown spoke on Tuesday in Ohio.", "Brown", 0, None),
        ];
        // an unseen word (`zorbled`) that the teacher reads as praise
        let taught = |q: [f32; 3], p: i8| {
            (0..4)
                .map(|i| {
                    ex(
                        &format!("Voters zorbled Reyes {i} times."),
                        "Reyes",
                        p,
                        Some(q),
                    )
                })
                .collect::<Vec<_>>()
        };
        let probe = vec![ex("Voters zorbled Reyes again.", "Reyes", 1, None)];
        let opts = TrainOptions {
            min_count: 1,
            ..TrainOptions::default()
        };
        let mut pos = gold.clone();
        pos.extend(taught([0.05, 0.05, 0.9], 1));
        let mut neg = gold.clone();
        neg.extend(taught([0.9, 0.05, 0.05], -1));
        let with_pos = evaluate(&train(&pos, &opts), &probe);
        let with_neg = evaluate(&train(&neg, &opts), &probe);
        assert_eq!(with_pos.accuracy, 1.0, "{with_pos:?}");
        assert_eq!(with_neg.confusion[2][0], 1, "{with_neg:?}");
        // the binary form reads back as the same model
        let model = train(&pos, &opts);
        assert!(to_binary(&model).starts_with(b"NLPSM2"));
    }

    #[test]
    fn source_weights_scale_a_teachers_pull() {
        let w: SourceWeights = "pn:0.1, mt:0.5".parse().unwrap();
        assert_eq!(w.of("pn:breitbart#3"), Some(0.1));
        assert_eq!(w.of("mt:12#0"), Some(0.5));
        assert_eq!(w.of("ex:a#1"), None);
        assert_eq!(w.of("pnx"), None);
        assert!("pn".parse::<SourceWeights>().is_err());
        assert!("pn:-1".parse::<SourceWeights>().is_err());
        assert_eq!(
            "".parse::<SourceWeights>().unwrap(),
            SourceWeights::default()
        );
        // the same teacher labels pull less when weighted less, not at all at weight 0
        let gold = vec![
            ex("Critics slammed Smith for the failure.", "Smith", -1, None),
            ex("Fans praised Jones for the great win.", "Jones", 1, None),
            ex("Brown spoke on Tuesday in Ohio.", "Brown", 0, None),
        ];
        let probe = ex("Voters zorbled Reyes again.", "Reyes", 1, None);
        // class weights from the gold examples, so that they do not move with the weight
        let opts = TrainOptions {
            min_count: 1,
            gold_class_weights: true,
            ..TrainOptions::default()
        };
        let score = |weight: Option<f32>| {
            let mut data = gold.clone();
            for i in 0..4 {
                let text = format!("Voters zorbled Reyes {i} times.");
                let mut t = ex(&text, "Reyes", 1, Some([0.05, 0.05, 0.9]));
                t.weight = weight;
                data.push(t);
            }
            let model = Model::parse(&train(&data, &opts));
            let (an, a, b, _) = analyse(&probe).unwrap();
            model.score(&an, a, b).0
        };
        let (full, default, little, none) = (
            score(Some(1.0)),
            score(None),
            score(Some(0.1)),
            score(Some(0.0)),
        );
        assert!(
            full > default && default > little,
            "{full} {default} {little}"
        );
        assert!(little > none, "{little} {none}");
    }
}
