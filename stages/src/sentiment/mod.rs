//! `sentiment`: who the text talks about, and how it speaks of them.
//!
//! Requires [`LayerName::TOKENS`] and [`LayerName::SENTENCES`]; reads
//! [`LayerName::QUOTES`] when an earlier stage provided it (it works without it);
//! provides [`LayerName::ACTORS`] and [`LayerName::TARGETS`].
//!
//! **Actors.** Countries are found with a gazetteer of every UN member state (and a few
//! non-members) listing each one's names, demonyms, capital and metonyms: `Russia`,
//! `Russian`, `Russians`, `Moscow` and `the Kremlin` are all mentions of `Russia`;
//! `U.S.`, `Washington` and `the White House` of `United States`. International
//! organisations, armed groups and well-known institutions come from a second gazetteer
//! (`United Nations`/`UN`, `NATO`, `SCO`, `ISIS`/`Islamic State`, `Taliban`…). Hyphenated
//! compounds count for each part (`Russia-Pakistan`, `ISIS-affiliated`). People are
//! capitalised name sequences with titles stripped (`Pakistani Defense Secretary Mian
//! Hilal Hussain` → `Mian Hilal Hussain`); a surname alone (`Hussain`) and a pronoun
//! (`he`, `his`, `her`…, within two sentences) are linked to the person's fullest name;
//! the canonical name agrees with the `quotes` stage's speaker entities, whose speaker
//! mentions are added to that person. Other capitalised sequences holding an
//! organisation word (`Ministry`, `Council`, `Party`…) are organisations.
//!
//! *Nationality is not a mention of the country*: a demonym followed by a title or role
//! and a name (`Pakistani Defense Secretary Mian Hilal Hussain`, `Russian President
//! Vladimir Putin`), or by a person noun (`his Russian counterpart`, `a Pakistani
//! journalist`), describes that person and is not counted for the country; the words
//! around it count toward the person. A demonym before an institution (`the Russian
//! Army`, `Russian defense hardware`, `the Pakistani military`) is a mention of the
//! country. A country's own name is always a mention (`Pakistan's ambassador`).
//!
//! **Scoring.** Each mention (and each input target) is scored from its sentence by a
//! linear model (see `features.rs` and `model.rs`): words by their position relative to the target,
//! bigrams, negation scope (`not`, `never`, `no longer`, `n't`: three words), and dense
//! lexicon features: sentiment words with intensifiers (`very`, `deeply`) and damping
//! (`slightly`), contrast (`but`, `however`: the clause after weighs more; `although`,
//! `despite`: their clause weighs less), distance to the mention, and whether each
//! sentiment word is nearer to this target or to another candidate entity in the
//! sentence. The score is P(positive) − P(negative), in `[-1, 1]`; the label is the most
//! probable class. An actor's score is the mean over its mentions, with counts of
//! positive, negative and neutral mentions; `by_source` groups the mentions inside
//! quotes by the quote's speaker entity.
//!
//! **Targets.** When the input has `targets`, those exact spans are scored and returned
//! in `targets`, in order.
//!
//! **The transformer model** (`model = "transformer"`, cargo feature `transformer`):
//! all-MiniLM-L6-v2 fine-tuned on NewsMTSC train, run on the CPU by candle
//! (`transformer/`, its `MODEL.md` and `train.py`). Each mention and target is read in
//! its sentence with marker tokens around it; same score and label scale, same
//! aggregation per actor and per speaker (`by_source`). More accurate, far slower.
//!
//! **Data.** Lexicon, modifiers, gazetteers and model weights are files under
//! `data/` (see its README), parsed once per process. The model is trained by
//! `cargo run -p stages --features train --example train_sentiment --release` (the
//! trainer, `train`, is compiled only with the cargo feature `train`).
//!
//! **Layout.** One concern a module, each importing only the ones before it:
//! `hashing` (word hashes, `IdMap`) and `flat` (the per-token probe table) ←
//! `gazetteer` (countries, organisations, titles, the word classes of `data/words.txt`)
//! ← `lexicon` (scores, modifiers, pronoun and speech-verb flags) ← `analysis` (the
//! per-document token analysis) ← `features` (a target's features, the `Sink` they go
//! to) ← `model` (the weights and the logits). `actors/` (one pass a file: `phrases`,
//! `people`, `pronouns`) reads the gazetteer and the analysis; this file runs them and
//! builds the layers. Where do I put… a word list: a file under `data/`; a new feature:
//! `features.rs` (and retrain); a new kind of actor: a pass under `actors/`.
//!
//! Languages: English. Documents in other languages get actors from the gazetteers only
//! where names coincide, and mostly neutral scores.
//!
//! ```toml
//! [[stage]]
//! type = "sentiment"
//! neutral_band = 0.05   # |actor score| at or below this is labelled neutral
//! actors = true         # find actors (false: only score input targets)
//! model = "fast"        # or "transformer" (cargo feature `transformer`)
//! ```
//!
//! Failure: a document without tokens or sentences fails with
//! [`StageError::MissingLayer`]; nothing else fails (`model = "transformer"` in a build
//! without the feature is a config error: [`SentimentStage::build`]). Any text (empty, huge, any script)
//! is processed in time linear in its tokens; a target that covers no token is scored
//! from the nearest token.
//!
//! ```
//! use pipeline_core::{Polarity, SyncStage};
//! use stages::{sentiment::SentimentStage, tokens::TokenStage};
//!
//! let doc = stages::annotate(
//!     "Moscow praised the talks. The Kremlin called the deal a great success.",
//!     &[&TokenStage::default(), &SentimentStage::default()],
//! ).unwrap();
//! let russia = doc.actors().unwrap().iter().find(|a| a.entity == "Russia").unwrap();
//! assert_eq!(russia.mentions.len(), 2);
//! assert_eq!(russia.sentiment.label, Polarity::Positive);
//! ```

mod actors;
mod analysis;
mod features;
mod flat;
mod gazetteer;
mod hashing;
mod lexicon;
mod model;
#[cfg(feature = "train")]
pub mod train;
#[cfg(feature = "transformer")]
mod transformer;

use pipeline_core::{
    Actor, Document, LayerName, Mention, Polarity, Quote, Sentiment, SourceSentiment, Span,
    StageError, SyncStage, TargetSentiment,
};
use serde::Deserialize;

use analysis::Analysis;
use gazetteer::Gazetteer;
use lexicon::Lexicon;
use model::Model;

/// Options of the `sentiment` stage.
///
/// ```
/// use stages::sentiment::SentimentConfig;
/// let c = SentimentConfig::default();
/// assert!(c.actors);
/// assert_eq!(c.neutral_band, 0.05);
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SentimentConfig {
    /// An actor whose mean score lies within `±neutral_band` is labelled neutral.
    pub neutral_band: f32,
    /// Find actors; `false` only scores the input's targets.
    pub actors: bool,
    /// Which model scores each mention and target.
    pub model: SentimentModel,
}

impl Default for SentimentConfig {
    fn default() -> Self {
        SentimentConfig {
            neutral_band: 0.05,
            actors: true,
            model: SentimentModel::Fast,
        }
    }
}

/// The model that scores mentions and targets (`model = "fast" | "transformer"`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SentimentModel {
    /// The linear model over words and lexicon features: fast, the default.
    #[default]
    Fast,
    /// A fine-tuned MiniLM encoder run by candle: more accurate, much slower; needs the
    /// cargo feature `transformer`.
    Transformer,
}

/// The `sentiment` stage: actors with their sentiment, and sentiment of input targets.
///
/// ```
/// use pipeline_core::{Document, Polarity, Span, SyncStage, Target};
/// use stages::{sentiment::SentimentStage, tokens::TokenStage};
///
/// let text = "Critics slammed Smith for the disastrous failure, but fans praised Jones for a brilliant win.";
/// let mut doc = Document::new("d", text);
/// let span = |w: &str| { let s = text.find(w).unwrap(); Span::new(text, s, s + w.len()).unwrap() };
/// doc.set_targets(vec![
///     Target { span: span("Smith"), sentiment: None },
///     Target { span: span("Jones"), sentiment: None },
/// ]).unwrap();
/// TokenStage::default().apply(&mut doc).unwrap();
/// SentimentStage::default().apply(&mut doc).unwrap();
/// let labels: Vec<Polarity> = doc.targets().unwrap().iter()
///     .map(|t| t.sentiment.as_ref().unwrap().label).collect();
/// assert_eq!(labels, [Polarity::Negative, Polarity::Positive]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct SentimentStage {
    config: SentimentConfig,
}

impl SentimentStage {
    /// Builds the stage; lexicons, gazetteers and the model are parsed once per process,
    /// on first use. A transformer model that cannot load makes every document fail:
    /// [`SentimentStage::build`] reports it at once instead.
    pub fn new(config: SentimentConfig) -> SentimentStage {
        SentimentStage { config }
    }

    /// Builds the stage and loads its model now: fails when `model = "transformer"` and
    /// this build lacks the cargo feature `transformer`, or the model does not load.
    ///
    /// ```
    /// use stages::sentiment::{SentimentConfig, SentimentModel, SentimentStage};
    /// let config = SentimentConfig { model: SentimentModel::Transformer, ..Default::default() };
    /// let built = SentimentStage::build(config);
    /// assert_eq!(built.is_ok(), cfg!(feature = "transformer"));
    /// ```
    ///
    /// The built-in entity tagger and its gazetteer (most of a process's start-up) begin
    /// to load at once on a thread of their own, while the caller goes on building the
    /// chain and reading its input; the first document waits only for what is not ready.
    pub fn build(config: SentimentConfig) -> Result<SentimentStage, String> {
        if config.model == SentimentModel::Transformer {
            load_transformer()?;
        }
        warm_up();
        Ok(SentimentStage { config })
    }
}

/// Loads the built-in entity tagger and gazetteer on a background thread, once per
/// process. Loading is idempotent ([`std::sync::OnceLock`]): a document that needs them
/// first simply waits; if no thread can be spawned, the first document loads them.
fn warm_up() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        // without a thread (resource limits), the first document loads them: no error
        std::thread::Builder::new()
            .name("nlpipe-warm-up".to_owned())
            .spawn(|| {
                crate::entities::gazetteer::Gazetteer::builtin();
                crate::entities::Recognizer::builtin();
            })
            .ok();
    });
}

#[cfg(feature = "transformer")]
fn load_transformer() -> Result<(), String> {
    transformer::builtin().map(|_| ())
}

#[cfg(not(feature = "transformer"))]
fn load_transformer() -> Result<(), String> {
    Err("sentiment: model = \"transformer\" needs nlpipe built with the cargo feature `transformer`".to_owned())
}

/// Each scored span with its score and class, sorted by span.
type ScoreTable = Vec<(Span, (f32, i8))>;

/// Scores of `spans` by the transformer, sorted by span for [`lookup`].
#[cfg(feature = "transformer")]
fn transformer_table(
    text: &str,
    sentences: &[pipeline_core::Sentence],
    mut spans: Vec<Span>,
) -> Result<ScoreTable, StageError> {
    spans.sort_unstable();
    spans.dedup();
    let scores = transformer::score_spans(text, sentences, &spans)?;
    Ok(spans.into_iter().zip(scores).collect())
}

#[cfg(not(feature = "transformer"))]
fn transformer_table(
    _: &str,
    _: &[pipeline_core::Sentence],
    _: Vec<Span>,
) -> Result<ScoreTable, StageError> {
    Err(StageError::Other {
        kind: "model",
        message: load_transformer().err().unwrap_or_default(),
    })
}

/// The score of `span` in a table from [`transformer_table`]; neutral when absent.
fn lookup(table: &[(Span, (f32, i8))], span: Span) -> (f32, i8) {
    table
        .binary_search_by(|x| x.0.cmp(&span))
        .map_or((0.0, 0), |i| table[i].1)
}

fn label(score: f32, band: f32) -> Polarity {
    if score > band {
        Polarity::Positive
    } else if score < -band {
        Polarity::Negative
    } else {
        Polarity::Neutral
    }
}

fn class_label(class: i8) -> Polarity {
    match class {
        1 => Polarity::Positive,
        -1 => Polarity::Negative,
        _ => Polarity::Neutral,
    }
}

impl SyncStage for SentimentStage {
    fn name(&self) -> &str {
        "sentiment"
    }

    fn requires(&self) -> Vec<LayerName> {
        vec![LayerName::TOKENS, LayerName::SENTENCES]
    }

    fn provides(&self) -> Vec<LayerName> {
        vec![LayerName::ACTORS, LayerName::TARGETS]
    }

    /// `by_source` groups mentions inside quotes by speaker: read when present.
    fn uses(&self) -> Vec<LayerName> {
        vec![LayerName::QUOTES]
    }

    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        let text = doc.text();
        let tokens = doc
            .tokens()
            .ok_or(StageError::MissingLayer(LayerName::TOKENS))?;
        let sentences = doc
            .sentences()
            .ok_or(StageError::MissingLayer(LayerName::SENTENCES))?;
        let model = Model::builtin();
        let an = Analysis::new(text, tokens, sentences, Lexicon::builtin());
        let found = self.config.actors.then(|| {
            actors::find(
                text,
                tokens,
                &an.toks,
                &an.sents,
                doc.quotes(),
                Gazetteer::builtin(),
                doc.lang_code(),
            )
        });
        let table = match self.config.model {
            SentimentModel::Fast => Vec::new(),
            SentimentModel::Transformer => {
                let mut spans: Vec<Span> = doc
                    .targets()
                    .map(|ts| ts.iter().map(|t| t.span).collect())
                    .unwrap_or_default();
                if let Some(f) = &found {
                    spans.extend(f.mentions.iter().map(|m| m.span));
                }
                transformer_table(text, sentences, spans)?
            }
        };
        let score = |span: Span| match self.config.model {
            SentimentModel::Transformer => lookup(&table, span),
            SentimentModel::Fast => match an.token_range_in(tokens, span) {
                Some((a, b)) => model.score(&an, a, b),
                None => (0.0, 0),
            },
        };
        let targets: Option<Vec<TargetSentiment>> = doc.targets().map(|ts| {
            ts.iter()
                .map(|t| {
                    let (s, c) = score(t.span);
                    TargetSentiment {
                        score: s,
                        label: class_label(c),
                    }
                })
                .collect()
        });
        let actors =
            found.map(|found| build_actors(found, doc.quotes(), &score, self.config.neutral_band));
        if let Some(actors) = actors {
            doc.set_actors(actors)?;
        }
        if let (Some(results), Some(ts)) = (targets, doc.targets_mut()) {
            for (t, r) in ts.iter_mut().zip(results) {
                t.sentiment = Some(r);
            }
        }
        Ok(())
    }
}

/// Scores every mention and aggregates per actor and per quote speaker.
fn build_actors(
    found: actors::FoundActors,
    quotes: Option<&[Quote]>,
    score: &dyn Fn(Span) -> (f32, i8),
    band: f32,
) -> Vec<Actor> {
    let mut per: Vec<Vec<Span>> = vec![Vec::new(); found.actors.len()];
    for m in &found.mentions {
        if let Some(v) = per.get_mut(m.actor) {
            v.push(m.span);
        }
    }
    // quotes by start, for by_source
    let mut qs: Vec<&Quote> = quotes
        .unwrap_or(&[])
        .iter()
        .filter(|q| q.speaker.is_some())
        .collect();
    qs.sort_by_key(|q| (q.span.start, q.span.end));
    let quote_of = |span: Span| -> Option<&Quote> {
        let i = qs.partition_point(|q| q.span.start <= span.start);
        qs[..i]
            .iter()
            .rev()
            .take(4)
            .find(|q| q.span.contains(&span))
            .copied()
    };
    let mut out: Vec<Actor> = Vec::new();
    for ((entity, kind), mut spans) in found.actors.into_iter().zip(per) {
        if spans.is_empty() {
            continue;
        }
        spans.sort_unstable();
        spans.dedup_by(|b, a| a.overlaps(b));
        let mut mentions = Vec::with_capacity(spans.len());
        let (mut pos, mut neg, mut neu) = (0u32, 0u32, 0u32);
        let mut total = 0.0f32;
        let mut sources: Vec<(String, f32, u32)> = Vec::new();
        for span in spans {
            let (s, c) = score(span);
            match c {
                1 => pos += 1,
                -1 => neg += 1,
                _ => neu += 1,
            }
            total += s;
            if let Some(sp) = quote_of(span).and_then(|q| q.speaker.as_ref()) {
                match sources.iter_mut().find(|x| x.0 == sp.entity) {
                    Some(x) => {
                        x.1 += s;
                        x.2 += 1;
                    }
                    None => sources.push((sp.entity.clone(), s, 1)),
                }
            }
            mentions.push(Mention {
                span,
                score: Some(s),
            });
        }
        let n = mentions.len() as f32;
        let mean = (total / n).clamp(-1.0, 1.0);
        out.push(Actor {
            entity,
            kind,
            mentions,
            sentiment: Sentiment {
                score: mean,
                label: label(mean, band),
                positive: pos,
                negative: neg,
                neutral: neu,
            },
            by_source: sources
                .into_iter()
                .map(|(source, s, k)| {
                    let m = (s / k as f32).clamp(-1.0, 1.0);
                    SourceSentiment {
                        source,
                        score: m,
                        label: label(m, band),
                        mentions: k,
                    }
                })
                .collect(),
        });
    }
    out.sort_by_key(|a| a.mentions.first().map(|m| m.span.start));
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::tokens::TokenStage;
    use pipeline_core::{QuoteKind, Speaker, Target};
    use proptest::prelude::*;

    fn span_of(text: &str, w: &str) -> Span {
        let s = text.find(w).unwrap();
        Span::new(text, s, s + w.len()).unwrap()
    }

    /// Scores the given words of `text` as targets.
    fn targets(text: &str, words: &[&str]) -> Vec<TargetSentiment> {
        let mut doc = Document::new("t", text);
        doc.set_targets(
            words
                .iter()
                .map(|w| Target {
                    span: span_of(text, w),
                    sentiment: None,
                })
                .collect(),
        )
        .unwrap();
        TokenStage::default().apply(&mut doc).unwrap();
        SentimentStage::default().apply(&mut doc).unwrap();
        doc.targets()
            .unwrap()
            .iter()
            .map(|t| t.sentiment.clone().unwrap())
            .collect()
    }

    fn one(text: &str, w: &str) -> TargetSentiment {
        targets(text, &[w]).remove(0)
    }

    fn actors(doc: &mut Document) -> Vec<Actor> {
        // English, as the language stage of a chain would say
        if doc.lang_code().is_none() {
            doc.set_lang_hint("en");
        }
        TokenStage::default().apply(doc).unwrap();
        SentimentStage::default().apply(doc).unwrap();
        doc.actors().unwrap().to_vec()
    }

    fn actors_of(text: &str) -> Vec<Actor> {
        actors(&mut Document::new("t", text))
    }

    #[test]
    fn negation_flips_the_sentiment_word() {
        let plain = one("Officials said Okafor was honest and reliable.", "Okafor");
        let negated = one(
            "Officials said Okafor was not honest and not reliable.",
            "Okafor",
        );
        assert_eq!(plain.label, Polarity::Positive, "{plain:?}");
        assert!(negated.score < plain.score, "{negated:?} vs {plain:?}");
        assert_ne!(negated.label, Polarity::Positive, "{negated:?}");
        let never = one("Voters never trusted Okafor.", "Okafor");
        let always = one("Voters always trusted Okafor.", "Okafor");
        assert!(never.score < always.score, "{never:?} vs {always:?}");
    }

    #[test]
    fn contrast_weighs_the_clause_after_but() {
        let good_last = one(
            "Lindqvist made a few mistakes, but she proved an excellent and admired leader.",
            "Lindqvist",
        );
        let bad_last = one(
            "Lindqvist proved an excellent and admired leader, but she made terrible mistakes.",
            "Lindqvist",
        );
        assert!(
            good_last.score > bad_last.score,
            "{good_last:?} vs {bad_last:?}"
        );
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
    fn metonyms_and_demonyms_resolve_to_their_country() {
        let text = "Moscow signed the accord. The Kremlin said Russian troops would leave. \
                    Washington and the U.S. Senate welcomed it; American officials agreed. \
                    The Russian Army stayed.";
        let a = actors_of(text);
        let russia = a.iter().find(|x| x.entity == "Russia").unwrap();
        let texts: Vec<&str> = russia.mentions.iter().map(|m| m.span.slice(text)).collect();
        // a demonym is a nationality (no name of the country) except before an institution
        assert_eq!(texts, ["Moscow", "Kremlin", "Russian"]);
        assert_eq!(
            russia.mentions[2].span.start,
            text.rfind("Russian").unwrap()
        );
        assert_eq!(russia.kind, pipeline_core::ActorKind::Country);
        let us = a.iter().find(|x| x.entity == "United States").unwrap();
        let texts: Vec<&str> = us.mentions.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(texts, ["Washington"]);
        // "U.S. Senate" is the Senate, an organisation of its own (named in full when the
        // tagger reads the whole name)
        assert!(
            a.iter()
                .any(|x| matches!(x.entity.as_str(), "Senate" | "U.S. Senate")
                    && x.kind == pipeline_core::ActorKind::Organisation),
            "{a:?}"
        );
    }

    #[test]
    fn datelines_are_no_actors_and_places_take_the_gazetteer_names() {
        let text = "KARACHI — Officials in Karachi met a delegation from Warsaw on Monday.";
        let a = actors_of(text);
        let karachi: Vec<&str> = a
            .iter()
            .filter(|x| x.entity == "Karachi")
            .flat_map(|x| x.mentions.iter().map(|m| m.span.slice(text)))
            .collect();
        assert_eq!(karachi, ["Karachi"], "the dateline is no mention: {a:?}");
        // a capital's dateline is no mention of its country either
        let text = "ISLAMABAD — Officials met on Monday.\nPARIS, Dec. 5 - Talks went on.";
        let a = actors_of(text);
        assert!(a.is_empty(), "datelines name no actor: {a:?}");
        // a colon after the dateline, and a transcript's speaker labels
        let text = "Harbour talks\nLAHORE: Officials met in Lahore on Monday.\n\
                    Chris Wallace questioned Senator Lindsey Graham.\n\
                    WALLACE: Will you vote for it?\nGRAHAM: I will.";
        let a = actors_of(text);
        let labels: Vec<&str> = a
            .iter()
            .flat_map(|x| x.mentions.iter().map(|m| m.span.slice(text)))
            .filter(|m| ["LAHORE", "WALLACE", "GRAHAM"].contains(m))
            .collect();
        assert!(labels.is_empty(), "labels are no mentions: {a:?}");
        assert!(a.iter().any(|x| x.entity == "Lindsey Graham"), "{a:?}");
        let mut doc = Document::new(
            "de",
            "Die Delegation aus Warschau traf Vertreter Deutschlands.",
        );
        doc.set_lang_hint("de");
        let a = actors(&mut doc);
        assert!(a.iter().any(|x| x.entity == "Warsaw"), "{a:?}");
        assert!(
            a.iter()
                .any(|x| x.entity == "Germany" && x.kind == pipeline_core::ActorKind::Country),
            "{a:?}"
        );
    }

    #[test]
    fn nationality_of_a_person_is_not_a_country_mention() {
        let text = "Pakistani Defense Secretary Amir Latif Qadri visited the fair. \
                    Qadri said the Pakistani Army is strong. He left on Monday.";
        let a = actors_of(text);
        let person = a.iter().find(|x| x.entity == "Amir Latif Qadri").unwrap();
        let texts: Vec<&str> = person.mentions.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(texts, ["Amir Latif Qadri", "Qadri", "He"]);
        let pakistan = a.iter().find(|x| x.entity == "Pakistan").unwrap();
        assert_eq!(pakistan.mentions.len(), 1, "only the Pakistani Army");
        assert_eq!(pakistan.mentions[0].span.slice(text), "Pakistani");
    }

    #[test]
    fn title_inside_a_capitalised_run_starts_the_name() {
        let text = "Chief of Navy Staff Adm. Tomas Herrera met reporters. \
                    Later, Herrera said the fleet was ready.";
        let a = actors_of(text);
        let p = a.iter().find(|x| x.entity == "Tomas Herrera").unwrap();
        assert_eq!(p.kind, pipeline_core::ActorKind::Person);
        assert_eq!(p.mentions.len(), 2);
        assert!(!a.iter().any(|x| x.entity.contains("Staff")), "{a:?}");
    }

    #[test]
    fn international_organisations_and_hyphenated_compounds() {
        let text = "NATO and the United Nations condemned ISIS-affiliated groups. \
                    Russia-Pakistan ties grew.";
        let a = actors_of(text);
        for e in ["NATO", "United Nations", "ISIS", "Russia", "Pakistan"] {
            assert!(a.iter().any(|x| x.entity == e), "{e} missing: {a:?}");
        }
        let isis = a.iter().find(|x| x.entity == "ISIS").unwrap();
        assert_eq!(isis.mentions[0].span.slice(text), "ISIS");
        assert_eq!(isis.kind, pipeline_core::ActorKind::Organisation);
    }

    #[test]
    fn by_source_groups_quoted_mentions_by_speaker() {
        let text = "Officials met in Geneva. \u{201c}We deeply admire Japan and its wonderful, \
                    generous people,\u{201d} Tanaka said. Japan was also criticised by Reyes.";
        let mut doc = Document::new("t", text);
        let q = span_of(
            text,
            "We deeply admire Japan and its wonderful, generous people,",
        );
        doc.set_quotes(vec![Quote {
            span: q,
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: span_of(text, "Tanaka"),
                entity: "Hiro Tanaka".to_owned(),
            }),
            cue: Some(span_of(text, "said")),
            confidence: 0.9,
        }])
        .unwrap();
        let a = actors(&mut doc);
        let japan = a.iter().find(|x| x.entity == "Japan").unwrap();
        assert_eq!(japan.mentions.len(), 2);
        assert_eq!(japan.by_source.len(), 1, "{japan:?}");
        let src = &japan.by_source[0];
        assert_eq!(src.source, "Hiro Tanaka");
        assert_eq!(src.mentions, 1);
        assert_eq!(src.label, Polarity::Positive, "{src:?}");
        // the speaker's canonical name is the quotes stage's entity
        let tanaka = a.iter().find(|x| x.entity == "Hiro Tanaka").unwrap();
        assert_eq!(tanaka.mentions[0].span.slice(text), "Tanaka");
    }

    #[test]
    fn whole_contractions_and_possessives_are_understood() {
        // a tokenizer that keeps "didn’t" and "Pakistan’s" whole
        let text = "Voters didn’t trust Pakistan’s envoy Omar Farid’s plan.";
        let mut doc = Document::new("t", text);
        let mut tokens = Vec::new();
        let mut at = 0;
        for w in text[..text.len() - 1].split(' ') {
            let s = text[at..].find(w).unwrap() + at;
            tokens.push(pipeline_core::Token::new(
                Span::new(text, s, s + w.len()).unwrap(),
                pipeline_core::TokenKind::Word,
            ));
            at = s + w.len();
        }
        tokens.push(pipeline_core::Token::new(
            Span::new(text, text.len() - 1, text.len()).unwrap(),
            pipeline_core::TokenKind::Punct,
        ));
        doc.set_tokens(tokens).unwrap();
        doc.set_sentences(vec![pipeline_core::Sentence {
            span: Span::new(text, 0, text.len()).unwrap(),
        }])
        .unwrap();
        SentimentStage::default().apply(&mut doc).unwrap();
        let a = doc.actors().unwrap();
        let pk = a.iter().find(|x| x.entity == "Pakistan").unwrap();
        assert_eq!(pk.mentions[0].span.slice(text), "Pakistan");
        let farid = a.iter().find(|x| x.entity == "Omar Farid").unwrap();
        assert_eq!(farid.mentions[0].span.slice(text), "Omar Farid");
        let an = Analysis::new(
            text,
            doc.tokens().unwrap(),
            doc.sentences().unwrap(),
            Lexicon::builtin(),
        );
        assert!(an.toks[1].negator, "didn’t negates");
        assert!(an.toks[2].negated, "trust is negated");
    }

    /// Issue 19: `he`/`she` linked to the person mentioned last, whatever their gender,
    /// turned the sentence's sentiment onto someone else.
    #[test]
    fn a_pronoun_of_the_other_gender_does_not_turn_sentiment_onto_the_last_person() {
        let text = "Mary Jones met Tom Brown in Geneva on Monday. She was accused of \
                    corruption, fraud and shameful lies by the court.";
        let a = actors_of(text);
        let find = |name: &str| a.iter().find(|x| x.entity == name).unwrap();
        let (mary, tom) = (find("Mary Jones"), find("Tom Brown"));
        let words =
            |x: &Actor| -> Vec<&str> { x.mentions.iter().map(|m| m.span.slice(text)).collect() };
        assert_eq!(words(mary), ["Mary Jones", "She"], "{a:?}");
        assert_eq!(words(tom), ["Tom Brown"], "{a:?}");
        assert!(mary.sentiment.score < tom.sentiment.score, "{a:?}");
        // the same with the genders swapped: `he` still finds the man
        let text = "Tom Brown met Mary Jones in Geneva on Monday. He was accused of \
                    corruption, fraud and shameful lies by the court.";
        let a = actors_of(text);
        let find = |name: &str| a.iter().find(|x| x.entity == name).unwrap();
        let words =
            |x: &Actor| -> Vec<&str> { x.mentions.iter().map(|m| m.span.slice(text)).collect() };
        assert_eq!(words(find("Tom Brown")), ["Tom Brown", "He"], "{a:?}");
        assert!(find("Tom Brown").sentiment.score < find("Mary Jones").sentiment.score);
    }

    /// No one of the pronoun's gender: it stays with the person mentioned last.
    #[test]
    fn a_pronoun_no_one_agrees_with_stays_with_the_last_person() {
        let text = "Tom Brown met Kim Lee in Geneva. She praised the talks.";
        let a = actors_of(text);
        let lee = a.iter().find(|x| x.entity == "Kim Lee").unwrap();
        assert!(
            lee.mentions.iter().any(|m| m.span.slice(text) == "She"),
            "{a:?}"
        );
        let text = "Tom Brown met Paul Smith in Geneva. She praised the talks.";
        let a = actors_of(text);
        let smith = a.iter().find(|x| x.entity == "Paul Smith").unwrap();
        assert!(
            smith.mentions.iter().any(|m| m.span.slice(text) == "She"),
            "{a:?}"
        );
    }

    #[test]
    fn no_tokens_is_a_missing_layer_error() {
        let mut doc = Document::new("t", "Russia");
        let err = SentimentStage::default().apply(&mut doc).unwrap_err();
        assert_eq!(err.kind(), "missing_layer");
    }

    #[test]
    fn mixed_scripts_and_odd_targets_do_not_panic() {
        let text = "«Москва» 東京 — \u{5d0}\u{5d1} “Zoë praised Paris” ’ \u{201c}";
        let mut doc = Document::new("t", text);
        doc.set_targets(vec![
            Target {
                span: Span::new(text, 0, 0).unwrap(),
                sentiment: None,
            },
            Target {
                span: Span::new(text, text.len(), text.len()).unwrap(),
                sentiment: None,
            },
        ])
        .unwrap();
        let a = actors(&mut doc);
        assert!(a.iter().any(|x| x.entity == "France"));
        assert!(doc.targets().unwrap().iter().all(|t| t.sentiment.is_some()));
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_fit(s in "\\PC{0,80}", t in 0usize..100, u in 0usize..100) {
            let mut doc = Document::new("p", s.as_str());
            let (a, b) = (t.min(u).min(s.len()), t.max(u).min(s.len()));
            if s.is_char_boundary(a) && s.is_char_boundary(b) {
                doc.set_targets(vec![Target { span: Span::new(&s, a, b).unwrap(), sentiment: None }]).unwrap();
            }
            TokenStage::default().apply(&mut doc).unwrap();
            SentimentStage::default().apply(&mut doc).unwrap();
            for actor in doc.actors().unwrap() {
                prop_assert!((-1.0..=1.0).contains(&actor.sentiment.score));
                for m in &actor.mentions {
                    prop_assert!(m.span.check(&s).is_ok());
                }
            }
            let again = {
                let mut d = Document::new("p", s.as_str());
                TokenStage::default().apply(&mut d).unwrap();
                SentimentStage::default().apply(&mut d).unwrap();
                d.actors().unwrap().to_vec()
            };
            prop_assert_eq!(doc.actors().unwrap(), &again[..]);
        }
    }
}
