//! The transformer sentiment model (`model = "transformer"`, cargo feature `transformer`):
//! all-MiniLM-L6-v2 fine-tuned on NewsMTSC train for target-dependent sentiment, run on
//! the CPU by candle (the encoder in `encoder.rs`). See `MODEL.md` beside this file for
//! the weights' source, licence and checksum, and `train.py` for how they are made.
//!
//! Each target is read in its sentence with marker tokens around it
//! ([`wordpiece::mark`]); the sentence is tokenised once for all its targets, and the
//! targets of all sentences of a document go through the encoder together, unpadded
//! (`encoder.rs`). The head: the `[CLS]` vector and the mean of the vectors from the
//! opening to the closing marker, concatenated, then one linear layer to (negative,
//! neutral, positive). Weights are stored in f16 inside the binary and computed in f32.

mod encoder;
mod kernels;
mod wordpiece;

use std::sync::OnceLock;

use candle_core::{DType, Device};
use candle_nn::VarBuilder;
use pipeline_core::{Sentence, Span, StageError};

use encoder::{Encoder, HIDDEN};
use wordpiece::{mark, Marked, Wordpieces};

/// The base model's tokenizer (`tokenizer.json` of all-MiniLM-L6-v2).
pub(crate) const TOKENIZER_JSON: &[u8] = include_bytes!("tokenizer.json");
/// The fine-tuned weights, f16 safetensors.
const WEIGHTS: &[u8] = include_bytes!("model.safetensors");
/// At most this many wordpieces (all targets' inputs together) go through the encoder
/// at once: large enough for large matrix products, small enough to bound memory.
const BATCH_TOKENS: usize = 2048;

/// The encoder, its tokenizer and the classification head.
pub(crate) struct Transformer {
    pieces: Wordpieces,
    bert: Encoder,
    /// `3 × 2·HIDDEN`, row-major: negative, neutral, positive.
    head: Vec<f32>,
    bias: [f32; 3],
}

/// The built-in model, loaded once per process on first use.
pub(crate) fn builtin() -> Result<&'static Transformer, String> {
    static MODEL: OnceLock<Result<Transformer, String>> = OnceLock::new();
    MODEL
        .get_or_init(Transformer::load)
        .as_ref()
        .map_err(Clone::clone)
}

impl Transformer {
    fn load() -> Result<Transformer, String> {
        let err = |e: candle_core::Error| format!("sentiment transformer: {e}");
        let vb =
            VarBuilder::from_slice_safetensors(WEIGHTS, DType::F32, &Device::Cpu).map_err(err)?;
        let bert = Encoder::load(vb.clone()).map_err(err)?;
        let head = vb
            .get((3, 2 * HIDDEN), "classifier.weight")
            .and_then(|t| t.flatten_all())
            .and_then(|t| t.to_vec1::<f32>())
            .map_err(err)?;
        let b = vb
            .get(3, "classifier.bias")
            .and_then(|t| t.to_vec1::<f32>())
            .map_err(err)?;
        let pieces = Wordpieces::from_json(TOKENIZER_JSON)
            .map_err(|e| format!("sentiment transformer tokenizer: {e}"))?;
        Ok(Transformer {
            pieces,
            bert,
            head,
            bias: [b[0], b[1], b[2]],
        })
    }

    /// Scores each `(context, target)`: the target read inside the context (both byte
    /// spans of `text`, the target inside the context). Returns P(positive) −
    /// P(negative) and the most probable class (−1, 0, 1) for each, in order. Each
    /// context is tokenised once; the targets of all contexts go through the encoder
    /// together, up to [`BATCH_TOKENS`] wordpieces at a time.
    pub(crate) fn score(
        &self,
        text: &str,
        items: &[(Span, Span)],
    ) -> Result<Vec<(f32, i8)>, String> {
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| items[i].0);
        let mut marked: Vec<(usize, Marked)> = Vec::with_capacity(items.len());
        for group in order.chunk_by(|&a, &b| items[a].0 == items[b].0) {
            let ctx = items[group[0]].0;
            let pieces = self.pieces.encode(ctx.slice(text))?;
            marked.extend(group.iter().map(|&i| {
                let t = items[i].1;
                let start = t.start.clamp(ctx.start, ctx.end) - ctx.start;
                let end = t.end.clamp(ctx.start, ctx.end) - ctx.start;
                (i, mark(&pieces, start, end.max(start)))
            }));
        }
        let mut out = vec![(0.0, 0); items.len()];
        let mut rest = &marked[..];
        while !rest.is_empty() {
            let mut tokens = 0;
            let take = rest
                .iter()
                .take_while(|(_, m)| {
                    tokens += m.ids.len();
                    tokens <= BATCH_TOKENS
                })
                .count()
                .max(1);
            let (batch, tail) = rest.split_at(take);
            let scores = self
                .run(batch.iter().map(|(_, m)| m))
                .map_err(|e| format!("sentiment transformer: {e}"))?;
            for ((i, _), s) in batch.iter().zip(scores) {
                out[*i] = s;
            }
            rest = tail;
        }
        Ok(out)
    }

    /// One batch through the encoder and the head.
    fn run<'a>(
        &self,
        batch: impl Iterator<Item = &'a Marked> + Clone,
    ) -> candle_core::Result<Vec<(f32, i8)>> {
        let seqs: Vec<&[u32]> = batch.clone().map(|m| &m.ids[..]).collect();
        let keep: Vec<Vec<u32>> = batch
            .map(|m| {
                let span = (m.open as u32..=m.close as u32).filter(|&r| r > 0);
                std::iter::once(0).chain(span).collect()
            })
            .collect();
        let rows = self.bert.forward(&seqs, &keep)?;
        let mut rest = &rows[..];
        let mut out = Vec::with_capacity(keep.len());
        for k in &keep {
            let (mine, tail) = rest.split_at((k.len() * HIDDEN).min(rest.len()));
            out.push(self.classify(mine));
            rest = tail;
        }
        Ok(out)
    }

    /// The head on one target's kept rows (`HIDDEN` values each): the `[CLS]` vector,
    /// then those from the opening to the closing marker.
    fn classify(&self, rows: &[f32]) -> (f32, i8) {
        let mut feat = vec![0.0f32; 2 * HIDDEN];
        let mut rows = rows.chunks_exact(HIDDEN);
        if let Some(cls) = rows.next() {
            feat[..HIDDEN].copy_from_slice(cls);
        }
        let n = rows.len().max(1) as f32;
        for r in rows {
            for (f, x) in feat[HIDDEN..].iter_mut().zip(r) {
                *f += x / n;
            }
        }
        let mut logits = self.bias;
        for (k, l) in logits.iter_mut().enumerate() {
            *l += self.head[k * 2 * HIDDEN..(k + 1) * 2 * HIDDEN]
                .iter()
                .zip(&feat)
                .map(|(w, x)| w * x)
                .sum::<f32>();
        }
        let top = logits.iter().copied().fold(f32::MIN, f32::max);
        let e = logits.map(|l| (l - top).exp());
        let z: f32 = e.iter().sum();
        let class = (0..3).fold(0, |b, k| if logits[k] > logits[b] { k } else { b });
        (((e[2] - e[0]) / z).clamp(-1.0, 1.0), class as i8 - 1)
    }
}

/// The sentence(s) of `sentences` (sorted, non-overlapping) that hold `span`; the whole
/// text when no sentence does.
pub(crate) fn context(text: &str, sentences: &[Sentence], span: Span) -> Span {
    let first = sentences.partition_point(|s| s.span.end <= span.start);
    let last = sentences.partition_point(|s| s.span.start < span.end.max(span.start + 1));
    match (
        sentences.get(first),
        last.checked_sub(1).and_then(|l| sentences.get(l)),
    ) {
        (Some(a), Some(b)) if a.span.start <= span.start && b.span.end >= span.end => Span {
            start: a.span.start,
            end: b.span.end,
        },
        _ => Span {
            start: 0,
            end: text.len(),
        },
    }
}

/// Scores `spans` with the built-in transformer, each in its sentence.
pub(crate) fn score_spans(
    text: &str,
    sentences: &[Sentence],
    spans: &[Span],
) -> Result<Vec<(f32, i8)>, StageError> {
    let model = builtin().map_err(|message| StageError::Other {
        kind: "model",
        message,
    })?;
    let items: Vec<(Span, Span)> = spans
        .iter()
        .map(|&s| (context(text, sentences, s), s))
        .collect();
    model
        .score(text, &items)
        .map_err(|message| StageError::Other {
            kind: "model",
            message,
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::sentiment::{SentimentConfig, SentimentModel, SentimentStage};
    use crate::tokens::TokenStage;
    use pipeline_core::{
        Document, Polarity, Quote, QuoteKind, Speaker, SyncStage, Target, TargetSentiment,
    };

    fn span_of(text: &str, w: &str) -> Span {
        let s = text.find(w).unwrap();
        Span::new(text, s, s + w.len()).unwrap()
    }

    fn stage() -> SentimentStage {
        SentimentStage::build(SentimentConfig {
            model: SentimentModel::Transformer,
            ..SentimentConfig::default()
        })
        .unwrap()
    }

    fn targets(text: &str, words: &[&str]) -> Vec<TargetSentiment> {
        let mut doc = Document::new("t", text);
        let ts = words
            .iter()
            .map(|w| Target {
                span: span_of(text, w),
                sentiment: None,
            })
            .collect();
        doc.set_targets(ts).unwrap();
        TokenStage::default().apply(&mut doc).unwrap();
        stage().apply(&mut doc).unwrap();
        let ts = doc.targets().unwrap().iter();
        ts.map(|t| t.sentiment.clone().unwrap()).collect()
    }

    #[test]
    fn context_is_the_sentence_holding_the_span() {
        let text = "Okafor won. Critics slammed Haldane. Fans cheered.";
        let mut doc = Document::new("t", text);
        TokenStage::default().apply(&mut doc).unwrap();
        let sents = doc.sentences().unwrap();
        let ctx = context(text, sents, span_of(text, "Haldane"));
        assert_eq!(ctx.slice(text), "Critics slammed Haldane.");
        let across = Span::new(text, 0, text.find("Critics").unwrap() + 3).unwrap();
        assert_eq!(
            context(text, sents, across).slice(text),
            "Okafor won. Critics slammed Haldane."
        );
        assert_eq!(context(text, &[], across).slice(text), text);
    }

    #[test]
    fn two_targets_of_opposite_polarity_in_one_sentence() {
        let r = targets(
            "Critics slammed Haldane for the disastrous failure, but fans praised Moreau for a brilliant win.",
            &["Haldane", "Moreau"],
        );
        assert_eq!(r[0].label, Polarity::Negative, "{r:?}");
        assert_eq!(r[1].label, Polarity::Positive, "{r:?}");
    }

    #[test]
    fn a_target_scores_the_same_alone_and_batched_with_others() {
        let text =
            "Lindqvist thanked Okafor, while Moreau attacked the plan and Reyes stayed silent.";
        let all = targets(text, &["Lindqvist", "Okafor", "Moreau", "plan", "Reyes"]);
        for (i, w) in ["Lindqvist", "Okafor", "Moreau", "plan", "Reyes"]
            .iter()
            .enumerate()
        {
            let one = targets(text, &[w]).remove(0);
            assert!(
                (one.score - all[i].score).abs() < 1e-4,
                "{w}: {one:?} vs {:?}",
                all[i]
            );
            assert_eq!(one.label, all[i].label);
        }
    }

    #[test]
    fn a_speakers_praise_of_a_person_is_positive() {
        // issue 19: Pence's praise of Trump was labelled negative by the fast model
        let r = targets(
            "\u{201c}Okafor is a leader who truly embodies the spirit of this nation,\u{201d} Lindqvist said.",
            &["Okafor"],
        );
        assert_eq!(r[0].label, Polarity::Positive, "{r:?}");
    }

    #[test]
    fn by_source_groups_quoted_mentions_by_speaker() {
        let text = "Officials met in Geneva. \u{201c}We deeply admire Japan and its wonderful, \
                    generous people,\u{201d} Tanaka said. Japan was also sharply criticised by Reyes.";
        let mut doc = Document::new("t", text);
        doc.set_quotes(vec![Quote {
            span: span_of(
                text,
                "We deeply admire Japan and its wonderful, generous people,",
            ),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: span_of(text, "Tanaka"),
                entity: "Hiro Tanaka".to_owned(),
            }),
            cue: Some(span_of(text, "said")),
            confidence: 0.9,
        }])
        .unwrap();
        TokenStage::default().apply(&mut doc).unwrap();
        stage().apply(&mut doc).unwrap();
        let a = doc.actors().unwrap();
        let japan = a.iter().find(|x| x.entity == "Japan").unwrap();
        assert_eq!(japan.mentions.len(), 2);
        assert_eq!(japan.by_source.len(), 1, "{japan:?}");
        let src = &japan.by_source[0];
        assert_eq!((src.source.as_str(), src.mentions), ("Hiro Tanaka", 1));
        assert_eq!(src.label, Polarity::Positive, "{src:?}");
        let second = japan.mentions[1].score.unwrap();
        assert!(
            second < src.score,
            "the unquoted criticism scores lower: {japan:?}"
        );
    }
}
