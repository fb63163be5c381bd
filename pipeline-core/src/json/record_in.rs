//! The records as read back: [`RecordIn`] and the layer types it holds (`*In`), lenient
//! (every field optional). [`RecordIn::read`] (in `read.rs`) fills them from one JSON line.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{Actor, OffsetMap, OffsetUnit, Quote, Span};

/// A `{start, end}` pair as read: offsets into the record's `text`.
///
/// ```
/// use pipeline_core::json::SpanIn;
/// let span = SpanIn { start: Some(0), end: Some(3) };
/// assert_eq!(span.range("héllo"), Some((0, 3)));
/// assert_eq!(span.range("hi"), None); // past the text
/// assert_eq!(span.range("abé"), None); // inside a character
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct SpanIn {
    /// Start offset.
    pub start: Option<usize>,
    /// End offset (exclusive).
    pub end: Option<usize>,
}

impl SpanIn {
    /// The byte range, when it is valid for `text`: in bounds, ordered, on char
    /// boundaries.
    pub fn range(&self, text: &str) -> Option<(usize, usize)> {
        let (s, e) = (self.start?, self.end?);
        (s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
            .then_some((s, e))
    }

    /// The same span with char offsets turned into byte offsets (`None` past the text).
    ///
    /// ```
    /// use pipeline_core::json::SpanIn;
    /// use pipeline_core::OffsetMap;
    /// let map = OffsetMap::new("héllo");
    /// let span = SpanIn { start: Some(2), end: Some(9) }.to_bytes(&map);
    /// assert_eq!(span, SpanIn { start: Some(3), end: None });
    /// ```
    pub fn to_bytes(self, map: &OffsetMap) -> SpanIn {
        SpanIn {
            start: self.start.and_then(|c| map.to_byte(c)),
            end: self.end.and_then(|c| map.to_byte(c)),
        }
    }
}

impl From<Span> for SpanIn {
    fn from(span: Span) -> SpanIn {
        SpanIn {
            start: Some(span.start),
            end: Some(span.end),
        }
    }
}

/// A quote as read. (Offsets are plain fields, not a flattened [`SpanIn`]: serde's
/// flatten cannot read numbers under serde_json's `arbitrary_precision`.)
///
/// ```
/// use pipeline_core::json::QuoteIn;
/// let q: QuoteIn = serde_json::from_str(r#"{"start":1,"end":4,"kind":"direct"}"#).unwrap();
/// assert_eq!((q.span().start, q.kind.as_deref()), (Some(1), Some("direct")));
/// ```
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
    pub fn span(&self) -> SpanIn {
        SpanIn {
            start: self.start,
            end: self.end,
        }
    }

    /// Moves the quoted content to `span`.
    pub fn set_span(&mut self, span: SpanIn) {
        (self.start, self.end) = (span.start, span.end);
    }

    /// The quote as it would be read from the output, with byte offsets into `text`.
    ///
    /// ```
    /// use pipeline_core::json::QuoteIn;
    /// use pipeline_core::{Quote, QuoteKind, Span};
    /// let quote = Quote { span: Span::unchecked(2, 5), kind: QuoteKind::Partial, speaker: None, cue: None, confidence: 0.5 };
    /// let q = QuoteIn::from_quote(&quote, "«Oui»");
    /// assert_eq!((q.text.as_deref(), q.kind.as_deref()), (Some("Oui"), Some("partial")));
    /// ```
    pub fn from_quote(q: &Quote, text: &str) -> QuoteIn {
        QuoteIn {
            start: Some(q.span.start),
            end: Some(q.span.end),
            text: Some(q.span.slice(text).to_owned()),
            kind: variant_name(&q.kind),
            speaker: q.speaker.as_ref().map(|sp| SpeakerIn {
                start: Some(sp.span.start),
                end: Some(sp.span.end),
                text: Some(sp.span.slice(text).to_owned()),
                entity: Some(sp.entity.clone()),
            }),
        }
    }
}

/// The speaker of a quote, as read.
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

impl SpeakerIn {
    /// Where the attributing mention lies.
    pub fn span(&self) -> SpanIn {
        SpanIn {
            start: self.start,
            end: self.end,
        }
    }

    /// Moves the attributing mention to `span`.
    pub fn set_span(&mut self, span: SpanIn) {
        (self.start, self.end) = (span.start, span.end);
    }
}

/// An actor of one document, as read.
///
/// ```
/// use pipeline_core::json::ActorIn;
/// let a: ActorIn = serde_json::from_str(r#"{"entity":"Russia","type":"country","mentions":[{"start":0,"end":6}]}"#).unwrap();
/// assert_eq!((a.kind.as_deref(), a.mentions.len()), (Some("country"), 1));
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ActorIn {
    /// Canonical name.
    pub entity: String,
    /// Country, person, organisation…
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Its mentions.
    pub mentions: Vec<SpanIn>,
    /// Sentiment over its mentions.
    pub sentiment: Option<SentimentIn>,
    /// Sentiment inside quotes, by speaker entity.
    pub by_source: Vec<SourceIn>,
}

impl ActorIn {
    /// The actor as it would be read from the output, with byte offsets.
    ///
    /// ```
    /// use pipeline_core::json::ActorIn;
    /// use pipeline_core::{Actor, ActorKind, Polarity, Sentiment};
    /// let actor = Actor {
    ///     entity: "Chad".into(), kind: ActorKind::Country, mentions: vec![], by_source: vec![],
    ///     sentiment: Sentiment { score: 0.5, label: Polarity::Positive, positive: 1, negative: 0, neutral: 0 },
    /// };
    /// let a = ActorIn::from_actor(&actor);
    /// assert_eq!((a.kind.as_deref(), a.sentiment.unwrap().score), (Some("country"), Some(0.5)));
    /// ```
    pub fn from_actor(a: &Actor) -> ActorIn {
        ActorIn {
            entity: a.entity.clone(),
            kind: variant_name(&a.kind),
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
        }
    }
}

/// Sentiment toward an actor in one document, as read.
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

/// Sentiment toward an actor inside one speaker's quotes, as read.
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

/// The `error` object of an error record, as read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ErrorIn {
    /// The stage that failed, or `input`.
    pub stage: String,
    /// The machine-readable kind.
    pub kind: String,
    /// The message.
    pub message: String,
}

/// One record of nlpipe's output, as read back: the envelope and the layers marked
/// readable in [`BUILTIN_LAYERS`](super::BUILTIN_LAYERS).
///
/// ```
/// use pipeline_core::json::RecordIn;
/// let rec = RecordIn::read(r#"{"id":7,"quotes":[{"start":0,"end":2}],"tokens":[{"start":0}]}"#).unwrap();
/// assert_eq!(rec.id_or("stdin:1"), "7");
/// assert_eq!(rec.quotes.unwrap()[0].end, Some(2));
/// assert!(rec.actors.is_none());
/// assert!(RecordIn::read(r#"{"quotes":5}"#).is_err());
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RecordIn {
    /// The `id` field, as written (a string or a number).
    pub id: Option<Value>,
    /// The text, when the record carries it.
    pub text: Option<String>,
    /// The error, for an error record.
    pub error: Option<ErrorIn>,
    /// The quote layer.
    pub quotes: Option<Vec<QuoteIn>>,
    /// The actor layer.
    pub actors: Option<Vec<ActorIn>>,
}

impl RecordIn {
    /// The id: the record's `id` (a string, or a number written as such), else
    /// `position_id`.
    pub fn id_or(&self, position_id: &str) -> String {
        match &self.id {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => position_id.to_owned(),
        }
    }

    /// Turns the offsets of the read layers from `unit` into byte offsets into `text`
    /// (nothing to do for bytes, or without a text).
    ///
    /// ```
    /// use pipeline_core::json::RecordIn;
    /// use pipeline_core::OffsetUnit;
    /// let mut rec = RecordIn::read(r#"{"text":"Zoë «oui»","quotes":[{"start":5,"end":8}]}"#).unwrap();
    /// rec.offsets_to_bytes(OffsetUnit::Chars);
    /// let quote = &rec.quotes.as_ref().unwrap()[0];
    /// assert_eq!(quote.span().range(rec.text.as_deref().unwrap()), Some((7, 10)));
    /// ```
    pub fn offsets_to_bytes(&mut self, unit: OffsetUnit) {
        let (OffsetUnit::Chars, Some(text)) = (unit, &self.text) else {
            return;
        };
        let map = OffsetMap::new(text);
        for q in self.quotes.iter_mut().flatten() {
            q.set_span(q.span().to_bytes(&map));
            if let Some(sp) = &mut q.speaker {
                sp.set_span(sp.span().to_bytes(&map));
            }
        }
        for a in self.actors.iter_mut().flatten() {
            for m in &mut a.mentions {
                *m = m.to_bytes(&map);
            }
        }
    }
}

/// The lowercase name of a serialisable enum value (`"country"`, `"direct"`).
fn variant_name<T: Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => Some(s),
        _ => None,
    }
}
