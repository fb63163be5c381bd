//! The records as written: [`RecordWriter`] (a document, the output options, the offset
//! map) and each built-in layer's writer with its output view (`*Out`). The writer of the
//! whole record, in `write.rs`, calls them through [`BUILTIN_LAYERS`](super::BUILTIN_LAYERS),
//! whose entries name their [`LayerOut`]: the layer's JSON writer and its serde value,
//! which any serde serialiser turns into what the JSON writer writes (`view.rs`).

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use super::primitives::{write_str, write_uint, Seq};
use super::token_out::write_tokens;
use crate::{
    Actor, ActorKind, Document, OffsetMap, Polarity, Quote, QuoteKind, Sentence, Sentiment,
    SourceSentiment, Span, Target, TargetSentiment, Token,
};

/// How a built-in layer with a field of its own is written: by hand into JSON
/// ([`LayerOut::write`]) or as a serde value ([`LayerValue`]); both give the same JSON.
#[derive(Debug, Clone, Copy)]
pub(super) enum LayerOut {
    /// `lang`.
    Lang,
    /// `sentences`.
    Sentences,
    /// `tokens` (with each token's `stem` when `stems` is written).
    Tokens,
    /// `quotes`.
    Quotes,
    /// `actors`.
    Actors,
    /// `targets`.
    Targets,
}

impl LayerOut {
    /// Writes the layer's value as JSON (its key is already written).
    pub(super) fn write(self, w: &RecordWriter<'_>, out: &mut Vec<u8>) -> serde_json::Result<()> {
        match self {
            LayerOut::Lang => write_lang(w, out),
            LayerOut::Sentences => write_sentences(w, out),
            LayerOut::Tokens => {
                let tokens = w.doc.tokens().unwrap_or_default();
                write_tokens(w.doc.text(), tokens, w.stems, w.map, out);
                Ok(())
            }
            LayerOut::Quotes => write_quotes(w, out),
            LayerOut::Actors => write_actors(w, out),
            LayerOut::Targets => write_targets(w, out),
        }
    }
}

/// A built-in layer's value as serde sees it: serialised by `serde_json`, the bytes
/// [`LayerOut::write`] writes.
pub(super) struct LayerValue<'w> {
    /// The layer.
    pub(super) out: LayerOut,
    /// The document and the output options.
    pub(super) w: &'w RecordWriter<'w>,
}

impl Serialize for LayerValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (w, doc): (&RecordWriter<'_>, &Document) = (self.w, self.w.doc);
        match self.out {
            LayerOut::Lang => doc.lang().serialize(s),
            LayerOut::Sentences => {
                Seq(doc.sentences().unwrap_or_default(), |x| sentence_out(w, x)).serialize(s)
            }
            LayerOut::Tokens => {
                Seq(doc.tokens().unwrap_or_default(), |t| token_out(w, t)).serialize(s)
            }
            LayerOut::Quotes => {
                Seq(doc.quotes().unwrap_or_default(), |q| QuoteOut::new(w, q)).serialize(s)
            }
            LayerOut::Actors => {
                Seq(doc.actors().unwrap_or_default(), |a| ActorOut::new(w, a)).serialize(s)
            }
            LayerOut::Targets => {
                Seq(doc.targets().unwrap_or_default(), |t| target_out(w, t)).serialize(s)
            }
        }
    }
}

/// A sentence's view.
fn sentence_out(w: &RecordWriter<'_>, x: &Sentence) -> SentenceOut {
    SentenceOut {
        start: w.off(x.span.start),
        end: w.off(x.span.end),
    }
}

/// A token's view.
fn token_out<'a>(w: &RecordWriter<'a>, t: &'a Token) -> TokenOut<'a> {
    TokenOut {
        start: w.off(t.span.start),
        end: w.off(t.span.end),
        text: t.span.slice(w.doc.text()),
        kind: t.kind.as_str(),
        stem: t.stem.as_deref().filter(|_| w.stems),
    }
}

/// A sentence as written (the serde twin of [`write_sentences`]).
#[derive(Serialize)]
struct SentenceOut {
    start: usize,
    end: usize,
}

/// A token as written (the serde twin of [`write_tokens`]).
#[derive(Serialize)]
struct TokenOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    stem: Option<&'a str>,
}

/// Writes one document, converting offsets to the output unit on the way.
pub(super) struct RecordWriter<'a> {
    /// The document.
    pub(super) doc: &'a Document,
    /// Leave the text out.
    pub(super) no_text: bool,
    /// Write each token's `stem`.
    pub(super) stems: bool,
    /// Byte to char offsets, when the output is in chars.
    pub(super) map: Option<&'a OffsetMap>,
}

impl<'a> RecordWriter<'a> {
    /// A byte offset of the text in the output unit.
    pub(super) fn off(&self, byte: usize) -> usize {
        self.map.map_or(byte, |m| m.to_char(byte))
    }

    /// A span as written, with its text.
    pub(super) fn span(&self, span: Span) -> SpanOut<'a> {
        SpanOut {
            start: self.off(span.start),
            end: self.off(span.end),
            text: span.slice(self.doc.text()),
        }
    }

    /// A third-party layer's value with its `start`/`end` fields in the output unit.
    pub(super) fn convert_value(&self, v: &Value) -> Value {
        match v {
            Value::Object(o) => Value::Object(
                o.iter()
                    .map(|(k, v)| {
                        let v = match (k.as_str(), v.as_u64()) {
                            ("start" | "end", Some(n)) => Value::from(self.off(n as usize)),
                            _ => self.convert_value(v),
                        };
                        (k.clone(), v)
                    })
                    .collect::<Map<_, _>>(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(|v| self.convert_value(v)).collect()),
            other => other.clone(),
        }
    }
}

/// Writes the `lang` layer's value.
fn write_lang(w: &RecordWriter<'_>, out: &mut Vec<u8>) -> serde_json::Result<()> {
    serde_json::to_writer(out, &w.doc.lang())
}

/// `[{"start":…,"end":…},…]`, by hand: with the tokens, the bulk of a line.
/// Writes the `sentences` layer's value.
fn write_sentences(w: &RecordWriter<'_>, out: &mut Vec<u8>) -> serde_json::Result<()> {
    out.push(b'[');
    for (i, x) in w.doc.sentences().unwrap_or_default().iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"start\":");
        write_uint(out, w.off(x.span.start));
        out.extend_from_slice(b",\"end\":");
        write_uint(out, w.off(x.span.end));
        out.push(b'}');
    }
    out.push(b']');
    Ok(())
}

/// Writes `{"start":…,"end":…,"text":…` of a span (no closing brace), offsets in the
/// output unit.
fn write_span_fields(w: &RecordWriter<'_>, span: Span, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"start\":");
    write_uint(out, w.off(span.start));
    out.extend_from_slice(b",\"end\":");
    write_uint(out, w.off(span.end));
    out.extend_from_slice(b",\"text\":");
    write_str(out, span.slice(w.doc.text()));
}

/// Writes the `quotes` layer's value, by hand, as serde_json wrote the derived `QuoteOut`:
/// `{"start","end","text","kind","speaker":{"start","end","text","entity"}|null,
/// "cue":{"start","end","text"}|null,"confidence"}`.
pub(super) fn write_quotes(w: &RecordWriter<'_>, out: &mut Vec<u8>) -> serde_json::Result<()> {
    out.push(b'[');
    for (i, q) in w.doc.quotes().unwrap_or_default().iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_span_fields(w, q.span, out);
        out.extend_from_slice(match q.kind {
            QuoteKind::Direct => b",\"kind\":\"direct\",\"speaker\":",
            QuoteKind::Partial => b",\"kind\":\"partial\",\"speaker\":",
            QuoteKind::Indirect => b",\"kind\":\"indirect\",\"speaker\":",
        });
        match &q.speaker {
            Some(sp) => {
                write_span_fields(w, sp.span, out);
                out.extend_from_slice(b",\"entity\":");
                write_str(out, &sp.entity);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"cue\":");
        match q.cue {
            Some(c) => {
                write_span_fields(w, c, out);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"confidence\":");
        // serde_json's float form (and `null` for a non-finite one), byte for byte
        serde_json::to_writer(&mut *out, &q.confidence)?;
        out.push(b'}');
    }
    out.push(b']');
    Ok(())
}

/// Writes the `actors` layer's value: the mentions by hand, as serde_json wrote the
/// derived `ActorOut` (`{"entity","type","mentions":[{"start","end","text"[,"score"]}],
/// "sentiment","by_source"}`), the type through serde_json, the sentiments by hand with
/// their scores through serde_json.
pub(super) fn write_actors(w: &RecordWriter<'_>, out: &mut Vec<u8>) -> serde_json::Result<()> {
    out.push(b'[');
    for (i, a) in w.doc.actors().unwrap_or_default().iter().enumerate() {
        out.extend_from_slice(if i > 0 {
            b",{\"entity\":"
        } else {
            b"{\"entity\":"
        });
        write_str(out, &a.entity);
        out.extend_from_slice(b",\"type\":");
        serde_json::to_writer(&mut *out, &a.kind)?;
        out.extend_from_slice(b",\"mentions\":[");
        for (j, m) in a.mentions.iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            write_span_fields(w, m.span, out);
            if let Some(score) = m.score {
                out.extend_from_slice(b",\"score\":");
                serde_json::to_writer(&mut *out, &score)?;
            }
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"sentiment\":");
        write_sentiment(out, &a.sentiment)?;
        out.extend_from_slice(b",\"by_source\":[");
        for (j, s) in a.by_source.iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"source\":");
            write_str(out, &s.source);
            out.extend_from_slice(b",\"score\":");
            serde_json::to_writer(&mut *out, &s.score)?;
            out.extend_from_slice(label_field(s.label));
            out.extend_from_slice(b",\"mentions\":");
            write_uint(out, s.mentions as usize);
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
    }
    out.push(b']');
    Ok(())
}

/// Writes a [`Sentiment`] by hand, as serde_json writes the derived form
/// (`{"score","label","positive","negative","neutral"}`); the score through serde_json,
/// so a float is written byte for byte as before.
fn write_sentiment(out: &mut Vec<u8>, s: &Sentiment) -> serde_json::Result<()> {
    out.extend_from_slice(b"{\"score\":");
    serde_json::to_writer(&mut *out, &s.score)?;
    out.extend_from_slice(label_field(s.label));
    out.extend_from_slice(b",\"positive\":");
    write_uint(out, s.positive as usize);
    out.extend_from_slice(b",\"negative\":");
    write_uint(out, s.negative as usize);
    out.extend_from_slice(b",\"neutral\":");
    write_uint(out, s.neutral as usize);
    out.push(b'}');
    Ok(())
}

/// `,"label":"…"` for a polarity.
fn label_field(label: Polarity) -> &'static [u8] {
    match label {
        Polarity::Positive => b",\"label\":\"positive\"",
        Polarity::Negative => b",\"label\":\"negative\"",
        Polarity::Neutral => b",\"label\":\"neutral\"",
    }
}

/// Writes the `targets` layer's value.
fn write_targets<'a>(w: &RecordWriter<'a>, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let targets: &'a [Target] = w.doc.targets().unwrap_or_default();
    serde_json::to_writer(out, &Seq(targets, |t| target_out(w, t)))
}

/// A scored target's view.
fn target_out<'a>(w: &RecordWriter<'a>, t: &'a Target) -> TargetOut<'a> {
    TargetOut {
        span: w.span(t.span),
        sentiment: t.sentiment.as_ref(),
    }
}

/// A span as written: `{"start":…,"end":…,"text":…}`, offsets in the output unit.
#[derive(Serialize)]
pub(super) struct SpanOut<'a> {
    /// Start offset.
    pub(super) start: usize,
    /// End offset (exclusive).
    pub(super) end: usize,
    /// The text it covers.
    pub(super) text: &'a str,
}

/// A quote's speaker as written.
#[derive(Serialize)]
struct SpeakerOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    entity: &'a str,
}

/// A quote as written.
#[derive(Serialize)]
struct QuoteOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    kind: QuoteKind,
    speaker: Option<SpeakerOut<'a>>,
    cue: Option<SpanOut<'a>>,
    confidence: f32,
}

impl<'a> QuoteOut<'a> {
    fn new(w: &RecordWriter<'a>, q: &'a Quote) -> QuoteOut<'a> {
        QuoteOut {
            span: w.span(q.span),
            kind: q.kind,
            speaker: q.speaker.as_ref().map(|sp| SpeakerOut {
                span: w.span(sp.span),
                entity: &sp.entity,
            }),
            cue: q.cue.map(|c| w.span(c)),
            confidence: q.confidence,
        }
    }
}

/// An actor's mention as written.
#[derive(Serialize)]
struct MentionOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
}

/// An actor as written.
#[derive(Serialize)]
struct ActorOut<'a> {
    entity: &'a str,
    #[serde(rename = "type")]
    kind: ActorKind,
    mentions: Vec<MentionOut<'a>>,
    sentiment: &'a Sentiment,
    by_source: &'a [SourceSentiment],
}

impl<'a> ActorOut<'a> {
    fn new(w: &RecordWriter<'a>, a: &'a Actor) -> ActorOut<'a> {
        ActorOut {
            entity: &a.entity,
            kind: a.kind,
            mentions: a
                .mentions
                .iter()
                .map(|mn| MentionOut {
                    span: w.span(mn.span),
                    score: mn.score,
                })
                .collect(),
            sentiment: &a.sentiment,
            by_source: &a.by_source,
        }
    }
}

/// A scored target as written.
#[derive(Serialize)]
struct TargetOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    sentiment: Option<&'a TargetSentiment>,
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Sentiments by hand are what serde_json writes of the derived form, for any
        /// score (non-finite ones too) and count.
        #[test]
        fn sentiments_are_what_serde_json_writes(
            score in proptest::num::f32::ANY,
            counts in proptest::array::uniform3(proptest::num::u32::ANY),
            label in 0usize..3,
            source in "\\PC{0,8}",
        ) {
            let label = [Polarity::Positive, Polarity::Negative, Polarity::Neutral][label];
            let [positive, negative, neutral] = counts;
            let s = Sentiment { score, label, positive, negative, neutral };
            let mut out = Vec::new();
            write_sentiment(&mut out, &s).unwrap();
            proptest::prop_assert_eq!(out, serde_json::to_vec(&s).unwrap());
            let by = SourceSentiment { source, score, label, mentions: positive };
            let doc = {
                let mut d = Document::new("a", "Zoë");
                d.set_actors(vec![Actor {
                    entity: "Zoë".to_owned(),
                    kind: ActorKind::Person,
                    mentions: Vec::new(),
                    sentiment: s.clone(),
                    by_source: vec![by.clone(), by.clone()],
                }]).unwrap();
                d
            };
            let w = RecordWriter { doc: &doc, no_text: true, stems: true, map: None };
            let mut out = Vec::new();
            write_actors(&w, &mut out).unwrap();
            let expected = format!(
                "[{{\"entity\":\"Zoë\",\"type\":\"person\",\"mentions\":[],\"sentiment\":{},\"by_source\":{}}}]",
                serde_json::to_string(&s).unwrap(),
                serde_json::to_string(&[&by, &by]).unwrap(),
            );
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
