//! Aggregation: everything the report shows, gathered one document at a time in bounded
//! memory. Counts cover every document; the quote table, the documents shown in full and
//! the problems listed keep only the first ones in input order (by sequence number, so
//! the result does not depend on which records the chain finished first).

use std::collections::{BTreeMap, HashMap, HashSet};

use pipeline_core::Failure;

use super::model::{clean_score, DocView};

/// How much of the input the report shows in detail.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Documents shown in full.
    pub docs: usize,
    /// Rows of the quote table.
    pub quotes: usize,
    /// Actors in the bar chart, and rows and columns of the matrix.
    pub actors: usize,
    /// Problems listed one by one.
    pub problems: usize,
}

/// One row of the "who said what" table.
#[derive(Debug, Clone)]
pub struct QuoteRow {
    /// The speaker entity, when known.
    pub speaker: Option<String>,
    /// The mention that attributes the quote, when it differs from the entity.
    pub mention: Option<String>,
    /// The quoted content.
    pub text: String,
    /// `direct`, `partial`, `indirect` (or whatever the record says).
    pub kind: String,
    /// The document id.
    pub doc: String,
    /// The document's sequence number (to link to it when it is shown).
    pub seq: u64,
}

/// What is known of a speaker over the whole input.
#[derive(Debug, Clone, Default)]
pub struct SpeakerStat {
    /// Quotes attributed to it.
    pub quotes: u64,
    /// Documents quoting it.
    pub docs: u64,
}

/// What is known of an actor over the whole input.
#[derive(Debug, Clone, Default)]
pub struct ActorStat {
    /// Country, person… (the first type seen).
    pub kind: String,
    /// Mentions over every document.
    pub mentions: u64,
    /// Documents mentioning it.
    pub docs: u64,
    /// Mentions scored positive, negative, neutral.
    pub positive: u64,
    /// See `positive`.
    pub negative: u64,
    /// See `positive`.
    pub neutral: u64,
    score_sum: f64,
    weight: f64,
}

impl ActorStat {
    /// The mean score over its documents, weighted by mentions; `None` without scores.
    pub fn score(&self) -> Option<f64> {
        (self.weight > 0.0).then(|| (self.score_sum / self.weight).clamp(-1.0, 1.0))
    }
}

/// Sentiment of one speaker toward one actor.
#[derive(Debug, Clone, Default)]
pub struct PairStat {
    score_sum: f64,
    /// Mentions of the actor inside the speaker's quotes.
    pub weight: f64,
    /// Documents where the pair occurs.
    pub docs: u64,
}

impl PairStat {
    /// The weighted mean score.
    pub fn score(&self) -> f64 {
        if self.weight > 0.0 {
            (self.score_sum / self.weight).clamp(-1.0, 1.0)
        } else {
            0.0
        }
    }
}

/// Everything the report shows.
#[derive(Debug)]
pub struct Aggregate {
    /// The limits it was built with.
    pub limits: Limits,
    /// Records read, including failures.
    pub records: u64,
    /// Documents (records that are not failures).
    pub documents: u64,
    /// Documents that carried their text.
    pub with_text: u64,
    /// Documents with at least one quote.
    pub with_quotes: u64,
    /// Quotes over every document.
    pub quotes: u64,
    /// Quotes without a speaker.
    pub unattributed: u64,
    /// Quotes by kind.
    pub kinds: BTreeMap<String, u64>,
    /// Speakers by entity.
    pub speakers: HashMap<String, SpeakerStat>,
    /// Actors by entity.
    pub actors: HashMap<String, ActorStat>,
    /// Speaker → actor sentiment.
    pub pairs: HashMap<(String, String), PairStat>,
    /// The first quotes, by (document sequence, index in the document).
    pub quote_rows: BTreeMap<(u64, usize), QuoteRow>,
    /// The first documents, by sequence.
    pub docs: BTreeMap<u64, DocView>,
    /// Failures by kind.
    pub problem_kinds: BTreeMap<String, u64>,
    /// The first failures, by sequence.
    pub problems: BTreeMap<u64, Failure>,
    /// Failures over the whole input.
    pub problem_count: u64,
}

impl Aggregate {
    /// An empty aggregate.
    pub fn new(limits: Limits) -> Aggregate {
        Aggregate {
            limits,
            records: 0,
            documents: 0,
            with_text: 0,
            with_quotes: 0,
            quotes: 0,
            unattributed: 0,
            kinds: BTreeMap::new(),
            speakers: HashMap::new(),
            actors: HashMap::new(),
            pairs: HashMap::new(),
            quote_rows: BTreeMap::new(),
            docs: BTreeMap::new(),
            problem_kinds: BTreeMap::new(),
            problems: BTreeMap::new(),
            problem_count: 0,
        }
    }

    /// Adds a record that could not be read or processed.
    pub fn add_failure(&mut self, seq: u64, failure: Failure) {
        self.records += 1;
        self.problem_count += 1;
        *self
            .problem_kinds
            .entry(format!("{}: {}", failure.stage, failure.kind))
            .or_default() += 1;
        self.problems.insert(seq, failure);
        while self.problems.len() > self.limits.problems {
            self.problems.pop_last();
        }
    }

    /// Adds one analysed document.
    pub fn add_doc(&mut self, seq: u64, doc: DocView) {
        self.records += 1;
        self.documents += 1;
        if doc.text.is_some() {
            self.with_text += 1;
        }
        if !doc.quotes.is_empty() {
            self.with_quotes += 1;
        }
        let mut seen = HashSet::new();
        for (i, q) in doc.quotes.iter().enumerate() {
            self.quotes += 1;
            let kind = q.kind.clone().unwrap_or_else(|| "unknown".to_owned());
            *self.kinds.entry(kind.clone()).or_default() += 1;
            let speaker = q
                .speaker
                .as_ref()
                .and_then(|s| s.entity.as_deref().or(s.text.as_deref()))
                .map(str::trim)
                .filter(|s| !s.is_empty());
            match speaker {
                Some(name) => {
                    let stat = self.speakers.entry(name.to_owned()).or_default();
                    stat.quotes += 1;
                    if seen.insert(name) {
                        stat.docs += 1;
                    }
                }
                None => self.unattributed += 1,
            }
            let full = self.quote_rows.len() >= self.limits.quotes;
            if full
                && self
                    .quote_rows
                    .last_key_value()
                    .is_some_and(|(k, _)| *k < (seq, i))
            {
                continue;
            }
            let text = q
                .text
                .clone()
                .or_else(|| {
                    let t = doc.text.as_deref()?;
                    let (s, e) = q.span().range(t)?;
                    Some(t[s..e].to_owned())
                })
                .unwrap_or_default();
            let mention = q
                .speaker
                .as_ref()
                .and_then(|s| s.text.clone())
                .filter(|m| Some(m.as_str()) != speaker);
            self.quote_rows.insert(
                (seq, i),
                QuoteRow {
                    speaker: speaker.map(str::to_owned),
                    mention,
                    text,
                    kind,
                    doc: doc.id.clone(),
                    seq,
                },
            );
            while self.quote_rows.len() > self.limits.quotes {
                self.quote_rows.pop_last();
            }
        }
        for a in &doc.actors {
            let name = a.entity.trim();
            if name.is_empty() {
                continue;
            }
            let stat = self.actors.entry(name.to_owned()).or_default();
            if stat.kind.is_empty() {
                stat.kind = a.kind.clone().unwrap_or_default();
            }
            stat.docs += 1;
            stat.mentions += a.mentions.len() as u64;
            if let Some(s) = &a.sentiment {
                stat.positive += s.positive;
                stat.negative += s.negative;
                stat.neutral += s.neutral;
                if let Some(score) = clean_score(s.score) {
                    let counted = s
                        .positive
                        .saturating_add(s.negative)
                        .saturating_add(s.neutral);
                    let w = if counted > 0 {
                        counted
                    } else {
                        a.mentions.len().max(1) as u64
                    } as f64;
                    stat.score_sum += score * w;
                    stat.weight += w;
                }
            }
            for b in &a.by_source {
                let source = b.source.trim();
                let Some(score) = clean_score(b.score) else {
                    continue;
                };
                if source.is_empty() {
                    continue;
                }
                let w = b.mentions.unwrap_or(1).max(1) as f64;
                let pair = self
                    .pairs
                    .entry((source.to_owned(), name.to_owned()))
                    .or_default();
                pair.score_sum += score * w;
                pair.weight += w;
                pair.docs += 1;
            }
        }
        if self.docs.len() < self.limits.docs
            || self.docs.last_key_value().is_some_and(|(k, _)| *k > seq)
        {
            self.docs.insert(seq, doc);
            while self.docs.len() > self.limits.docs {
                self.docs.pop_last();
            }
        }
    }

    /// The most mentioned actors (ties by name), at most `limits.actors`.
    pub fn top_actors(&self) -> Vec<(&str, &ActorStat)> {
        let mut v: Vec<_> = self.actors.iter().map(|(k, s)| (k.as_str(), s)).collect();
        v.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(b.0)));
        v.truncate(self.limits.actors);
        v
    }

    /// The most quoted speakers (ties by name), at most `n`.
    pub fn top_speakers(&self, n: usize) -> Vec<(&str, &SpeakerStat)> {
        let mut v: Vec<_> = self.speakers.iter().map(|(k, s)| (k.as_str(), s)).collect();
        v.sort_by(|a, b| b.1.quotes.cmp(&a.1.quotes).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }

    /// The rows (sources) and columns (actors) of the matrix: those with the most
    /// mentions inside quotes, at most `limits.actors` each.
    pub fn matrix_axes(&self) -> (Vec<&str>, Vec<&str>) {
        let mut sources: HashMap<&str, f64> = HashMap::new();
        let mut targets: HashMap<&str, f64> = HashMap::new();
        for ((s, a), p) in &self.pairs {
            *sources.entry(s).or_default() += p.weight;
            *targets.entry(a).or_default() += p.weight;
        }
        let limit = self.limits.actors;
        (top(sources, limit), top(targets, limit))
    }
}

/// The `limit` keys with the largest weights, ties by name.
fn top(weights: HashMap<&str, f64>, limit: usize) -> Vec<&str> {
    let mut v: Vec<_> = weights.into_iter().collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    v.truncate(limit);
    v.into_iter().map(|(k, _)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::{ActorIn, QuoteIn, SentimentIn, SourceIn, SpeakerIn};

    fn limits(n: usize) -> Limits {
        Limits {
            docs: n,
            quotes: n,
            actors: n,
            problems: n,
        }
    }

    fn doc(id: &str, speaker: &str, actor: &str, score: f64) -> DocView {
        DocView {
            id: id.into(),
            text: Some("text".into()),
            quotes: vec![QuoteIn {
                text: Some(format!("quote of {id}")),
                kind: Some("direct".into()),
                speaker: Some(SpeakerIn {
                    entity: Some(speaker.into()),
                    ..SpeakerIn::default()
                }),
                ..QuoteIn::default()
            }],
            actors: vec![ActorIn {
                entity: actor.into(),
                sentiment: Some(SentimentIn {
                    score: Some(score),
                    positive: 1,
                    ..SentimentIn::default()
                }),
                by_source: vec![SourceIn {
                    source: speaker.into(),
                    score: Some(score),
                    mentions: None,
                }],
                ..ActorIn::default()
            }],
        }
    }

    #[test]
    fn keeps_the_first_documents_whatever_the_arrival_order() {
        let mut agg = Aggregate::new(limits(2));
        for seq in [5, 1, 4, 2, 3] {
            agg.add_doc(seq, doc(&format!("d{seq}"), "Ann", "Oslo", 0.5));
        }
        assert_eq!(agg.docs.keys().copied().collect::<Vec<_>>(), [1, 2]);
        assert_eq!(agg.quote_rows.len(), 2);
        assert_eq!(agg.quotes, 5);
        assert_eq!(agg.speakers["Ann"].docs, 5);
    }

    #[test]
    fn scores_are_weighted_means_and_bad_scores_ignored() {
        let mut agg = Aggregate::new(limits(10));
        agg.add_doc(1, doc("a", "Ann", "Oslo", 1.0));
        agg.add_doc(2, doc("b", "Ann", "Oslo", -0.5));
        agg.add_doc(3, doc("c", "Ann", "Oslo", f64::NAN));
        let s = agg.actors["Oslo"].score().unwrap();
        assert!((s - 0.25).abs() < 1e-9, "{s}");
        let p = &agg.pairs[&("Ann".to_owned(), "Oslo".to_owned())];
        assert!((p.score() - 0.25).abs() < 1e-9);
        assert_eq!(agg.matrix_axes(), (vec!["Ann"], vec!["Oslo"]));
    }
}
