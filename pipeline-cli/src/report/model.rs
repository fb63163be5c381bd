//! The report's view of one document: its id, its text (when the record has one), its
//! quotes and its actors. Read leniently from nlpipe's JSON output (every field optional,
//! unknown fields such as `tokens` skipped without being built), or taken from a
//! [`Document`] the chain has just analysed.

use pipeline_core::{Document, Failure, OffsetMap, OffsetUnit, Polarity, QuoteKind, Span};
use serde::Deserialize;
use serde_json::Value;

/// One analysed document.
#[derive(Debug, Clone, Default)]
pub struct DocView {
    /// The document id.
    pub id: String,
    /// The text, when the record carries it.
    pub text: Option<String>,
    /// Quotes, in text order.
    pub quotes: Vec<QuoteIn>,
    /// Actors.
    pub actors: Vec<ActorIn>,
}

/// A `{start, end}` pair as found in the input: offsets into `text`.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(default)]
pub struct Offsets {
    /// Start offset.
    pub start: Option<usize>,
    /// End offset (exclusive).
    pub end: Option<usize>,
}

impl Offsets {
    /// The byte range, when it is valid for `text`: in bounds, ordered, on char
    /// boundaries.
    pub fn range(&self, text: &str) -> Option<(usize, usize)> {
        let (s, e) = (self.start?, self.end?);
        (s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
            .then_some((s, e))
    }

    fn to_bytes(self, map: &OffsetMap) -> Offsets {
        Offsets {
            start: self.start.and_then(|c| map.to_byte(c)),
            end: self.end.and_then(|c| map.to_byte(c)),
        }
    }
}

impl From<Span> for Offsets {
    fn from(span: Span) -> Offsets {
        Offsets {
            start: Some(span.start),
            end: Some(span.end),
        }
    }
}

/// A quote. (Offsets are plain fields, not a flattened [`Offsets`]: serde's flatten
/// cannot read numbers under serde_json's `arbitrary_precision`.)
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct QuoteIn {
    /// Start of the quoted content.
    pub start: Option<usize>,
    /// End of the quoted content.
    pub end: Option<usize>,
    /// The quoted content.
    pub text: Option<String>,
    /// `direct`, `partial` or `indirect`.
    pub kind: Option<String>,
    /// Who said it.
    pub speaker: Option<SpeakerIn>,
}

impl QuoteIn {
    /// Where the quoted content lies.
    pub fn span(&self) -> Offsets {
        Offsets {
            start: self.start,
            end: self.end,
        }
    }

    fn set_span(&mut self, o: Offsets) {
        (self.start, self.end) = (o.start, o.end);
    }
}

impl SpeakerIn {
    /// Where the attributing mention lies.
    pub fn span(&self) -> Offsets {
        Offsets {
            start: self.start,
            end: self.end,
        }
    }

    fn set_span(&mut self, o: Offsets) {
        (self.start, self.end) = (o.start, o.end);
    }
}

/// The speaker of a quote.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SpeakerIn {
    /// Start of the attributing mention.
    pub start: Option<usize>,
    /// End of the attributing mention.
    pub end: Option<usize>,
    /// The mention as written.
    pub text: Option<String>,
    /// The canonical name.
    pub entity: Option<String>,
}

/// An actor of one document.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ActorIn {
    /// Canonical name.
    pub entity: String,
    /// Country, person, organisation…
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Its mentions.
    pub mentions: Vec<Offsets>,
    /// Sentiment over its mentions.
    pub sentiment: Option<SentimentIn>,
    /// Sentiment inside quotes, by speaker entity.
    pub by_source: Vec<SourceIn>,
}

/// Sentiment toward an actor in one document.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SentimentIn {
    /// Score in `[-1, 1]`.
    pub score: Option<f64>,
    /// Mentions scored positive.
    pub positive: u64,
    /// Mentions scored negative.
    pub negative: u64,
    /// Mentions scored neutral.
    pub neutral: u64,
}

/// Sentiment toward an actor inside one speaker's quotes.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SourceIn {
    /// The speaker entity.
    pub source: String,
    /// Score in `[-1, 1]`.
    pub score: Option<f64>,
    /// Mentions inside this speaker's quotes (1 when absent).
    pub mentions: Option<u64>,
}

/// The `error` object of an error record.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct ErrorIn {
    stage: String,
    kind: String,
    message: String,
}

/// The fields of an input record the report reads; the others are skipped unbuilt.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawRecord {
    id: Option<Value>,
    text: Option<String>,
    quotes: Option<Vec<QuoteIn>>,
    actors: Option<Vec<ActorIn>>,
    error: Option<ErrorIn>,
}

/// What one JSON line is, for the report.
#[derive(Debug)]
pub enum LineKind {
    /// It already holds quotes or actors: nlpipe's output.
    Analysed(DocView),
    /// An error record of nlpipe's output.
    Failed(Failure),
    /// Neither: a document to analyse (or a line that is not a record at all).
    Other,
    /// It holds `quotes` or `actors` that cannot be read.
    Broken(String),
}

/// Classifies one JSON line. Offsets in `unit` are converted to bytes.
pub fn classify(position_id: &str, line: &str, unit: OffsetUnit) -> LineKind {
    let raw: RawRecord = match serde_json::from_str(line) {
        Ok(raw) => raw,
        Err(e) => {
            // a line that names the layers but cannot be read as them is broken; anything
            // else is left to the document reader, which names the problem
            let names_layers = line.contains("\"quotes\"") || line.contains("\"actors\"");
            return if names_layers && serde_json::from_str::<Value>(line).is_ok() {
                LineKind::Broken(e.to_string())
            } else {
                LineKind::Other
            };
        }
    };
    let id = match &raw.id {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => position_id.to_owned(),
    };
    if let Some(err) = raw.error {
        return LineKind::Failed(Failure::new(id, err.stage, err.kind, err.message));
    }
    if raw.quotes.is_none() && raw.actors.is_none() {
        return LineKind::Other;
    }
    let mut view = DocView {
        id,
        text: raw.text,
        quotes: raw.quotes.unwrap_or_default(),
        actors: raw.actors.unwrap_or_default(),
    };
    if unit == OffsetUnit::Chars {
        if let Some(text) = &view.text {
            let map = OffsetMap::new(text);
            for q in &mut view.quotes {
                q.set_span(q.span().to_bytes(&map));
                if let Some(sp) = &mut q.speaker {
                    sp.set_span(sp.span().to_bytes(&map));
                }
            }
            for a in &mut view.actors {
                for m in &mut a.mentions {
                    *m = m.to_bytes(&map);
                }
            }
        }
    }
    LineKind::Analysed(view)
}

fn quote_kind(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

/// The lowercase name of a serialisable enum value (`"country"`, `"positive"`).
fn enum_name<T: serde::Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => Some(s),
        _ => None,
    }
}

impl DocView {
    /// The report's view of a document the chain analysed.
    pub fn from_document(doc: &Document) -> DocView {
        let text = doc.text();
        let quotes = doc
            .quotes()
            .unwrap_or_default()
            .iter()
            .map(|q| QuoteIn {
                start: Some(q.span.start),
                end: Some(q.span.end),
                text: Some(q.span.slice(text).to_owned()),
                kind: Some(quote_kind(q.kind).to_owned()),
                speaker: q.speaker.as_ref().map(|sp| SpeakerIn {
                    start: Some(sp.span.start),
                    end: Some(sp.span.end),
                    text: Some(sp.span.slice(text).to_owned()),
                    entity: Some(sp.entity.clone()),
                }),
            })
            .collect();
        let actors = doc
            .actors()
            .unwrap_or_default()
            .iter()
            .map(|a| ActorIn {
                entity: a.entity.clone(),
                kind: enum_name(&a.kind),
                mentions: a.mentions.iter().map(|m| m.span.into()).collect(),
                sentiment: Some(SentimentIn {
                    score: Some(f64::from(a.sentiment.score)),
                    positive: u64::from(a.sentiment.positive),
                    negative: u64::from(a.sentiment.negative),
                    neutral: u64::from(a.sentiment.neutral),
                }),
                by_source: a
                    .by_source
                    .iter()
                    .map(|s| SourceIn {
                        source: s.source.clone(),
                        score: Some(f64::from(s.score)),
                        mentions: Some(u64::from(s.mentions)),
                    })
                    .collect(),
            })
            .collect();
        DocView {
            id: doc.id().to_owned(),
            text: Some(text.to_owned()),
            quotes,
            actors,
        }
    }
}

/// A score as a finite number in `[-1, 1]`, if it is one.
pub fn clean_score(score: Option<f64>) -> Option<f64> {
    score.filter(|s| s.is_finite()).map(|s| s.clamp(-1.0, 1.0))
}

/// The polarity name of a score, with a small dead zone around zero.
pub fn polarity(score: f64) -> &'static str {
    let p = if score > 0.05 {
        Polarity::Positive
    } else if score < -0.05 {
        Polarity::Negative
    } else {
        Polarity::Neutral
    };
    match p {
        Polarity::Positive => "positive",
        Polarity::Negative => "negative",
        Polarity::Neutral => "neutral",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysed_line_without_text_is_read() {
        let line = r#"{"id":"a","quotes":[{"start":0,"end":3,"text":"Hi!","kind":"direct","speaker":{"start":5,"end":8,"text":"Ann","entity":"Ann Lee"}}],"tokens":[{"start":0,"end":2}]}"#;
        let LineKind::Analysed(v) = classify("f:1", line, OffsetUnit::Bytes) else {
            panic!("not analysed");
        };
        assert_eq!(v.id, "a");
        assert!(v.text.is_none());
        assert_eq!(
            v.quotes[0].speaker.as_ref().unwrap().entity.as_deref(),
            Some("Ann Lee")
        );
    }

    #[test]
    fn documents_errors_and_broken_layers_are_told_apart() {
        assert!(matches!(
            classify("f:1", r#"{"text":"plain"}"#, OffsetUnit::Bytes),
            LineKind::Other
        ));
        assert!(matches!(
            classify("f:1", "{oops", OffsetUnit::Bytes),
            LineKind::Other
        ));
        assert!(matches!(
            classify("f:1", r#"{"id":"x","error":{"stage":"input","kind":"k","message":"m"}}"#, OffsetUnit::Bytes),
            LineKind::Failed(f) if &*f.id == "x"
        ));
        assert!(matches!(
            classify("f:1", r#"{"text":"t","quotes":5}"#, OffsetUnit::Bytes),
            LineKind::Broken(_)
        ));
    }

    #[test]
    fn char_offsets_become_bytes() {
        let line = r#"{"text":"Zoë dit «oui»","quotes":[{"start":9,"end":12}]}"#;
        let LineKind::Analysed(v) = classify("f:1", line, OffsetUnit::Chars) else {
            panic!("not analysed");
        };
        let text = v.text.as_deref().unwrap();
        let (s, e) = v.quotes[0].span().range(text).unwrap();
        assert_eq!(&text[s..e], "oui");
    }

    #[test]
    fn bad_offsets_have_no_range() {
        let text = "héllo";
        let off = |s, e| Offsets {
            start: Some(s),
            end: Some(e),
        };
        assert!(off(0, 2).range(text).is_none());
        assert!(off(3, 1).range(text).is_none());
        assert!(off(0, 99).range(text).is_none());
        assert_eq!(off(0, 3).range(text), Some((0, 3)));
    }
}
