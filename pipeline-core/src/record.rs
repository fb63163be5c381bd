//! Records: what flows through a chain (a document, or the error that replaced it), how
//! input JSON becomes a document, and how a record is written as one JSON line.

use std::sync::Arc;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::{Document, OffsetMap, OffsetUnit, Span, Target};

/// A document, or the error record that takes its place.
pub type Record = Result<Document, Failure>;

/// An error record: the document `id` could not be processed.
///
/// Serialises as `{"id": …, "error": {"stage": …, "kind": …, "message": …}}`.
///
/// ```
/// use pipeline_core::Failure;
/// let f = Failure::new("stdin:3", "input", "invalid_json", "expected value at line 1 column 1");
/// assert_eq!(f.kind, "invalid_json");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Id of the document (or of its input position).
    pub id: Arc<str>,
    /// The stage that failed, or `input`.
    pub stage: String,
    /// A short machine-readable kind, e.g. `invalid_json`, `too_large`, `panic`.
    pub kind: String,
    /// A human-readable message.
    pub message: String,
}

impl Failure {
    /// A new error record.
    pub fn new(
        id: impl Into<Arc<str>>,
        stage: impl Into<String>,
        kind: impl Into<String>,
        message: impl Into<String>,
    ) -> Failure {
        Failure {
            id: id.into(),
            stage: stage.into(),
            kind: kind.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "document {}: {} ({}): {}",
            self.id, self.stage, self.kind, self.message
        )
    }
}

impl std::error::Error for Failure {}

/// How input records are read into documents.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// JSON field holding the text.
    pub text_field: String,
    /// JSON field holding the id.
    pub id_field: String,
    /// Unit of offsets in input hints (`targets`).
    pub offsets: OffsetUnit,
    /// Larger documents become error records.
    pub max_doc_bytes: usize,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            text_field: "text".into(),
            id_field: "id".into(),
            offsets: OffsetUnit::Bytes,
            max_doc_bytes: 16 << 20,
        }
    }
}

impl InputOptions {
    /// A plain-text document, or a `too_large` error record.
    ///
    /// ```
    /// use pipeline_core::InputOptions;
    /// let opts = InputOptions { max_doc_bytes: 4, ..InputOptions::default() };
    /// assert!(opts.text_document("a", "tiny".into()).is_ok());
    /// assert_eq!(opts.text_document("b", "too big".into()).unwrap_err().kind, "too_large");
    /// ```
    pub fn text_document(&self, id: impl Into<Arc<str>>, text: String) -> Record {
        let id = id.into();
        self.check_size(&id, text.len())?;
        Ok(Document::new(id, text))
    }

    fn check_size(&self, id: &Arc<str>, len: usize) -> Result<(), Failure> {
        if len > self.max_doc_bytes {
            return Err(Failure::new(
                Arc::clone(id),
                "input",
                "too_large",
                format!(
                    "document is {len} bytes, more than --max-doc-bytes {}",
                    self.max_doc_bytes
                ),
            ));
        }
        Ok(())
    }

    /// Parses one JSON Lines record. `position_id` (e.g. `stdin:4`) is used when the
    /// record has no id of its own.
    ///
    /// ```
    /// use pipeline_core::InputOptions;
    /// let opts = InputOptions::default();
    /// let doc = opts.json_document("stdin:1", r#"{"id": 7, "text": "Hi", "src": "x"}"#).unwrap();
    /// assert_eq!(doc.id(), "7");
    /// assert_eq!(doc.fields()["src"], "x");
    /// let err = opts.json_document("stdin:2", "[1]").unwrap_err();
    /// assert_eq!(err.kind, "not_an_object");
    /// ```
    pub fn json_document(&self, position_id: &str, line: &str) -> Record {
        let fail = |id: &str, kind: &str, message: String| {
            Failure::new(id.to_owned(), "input", kind, message)
        };
        if line.len() > self.max_doc_bytes {
            return Err(fail(
                position_id,
                "too_large",
                format!(
                    "record is {} bytes, more than --max-doc-bytes {}",
                    line.len(),
                    self.max_doc_bytes
                ),
            ));
        }
        let value: Value = serde_json::from_str(line)
            .map_err(|e| fail(position_id, "invalid_json", e.to_string()))?;
        let Value::Object(mut obj) = value else {
            return Err(fail(
                position_id,
                "not_an_object",
                format!("expected a JSON object, found {}", json_type(&value)),
            ));
        };
        let id: Arc<str> = match obj.get(&self.id_field) {
            Some(Value::String(s)) => s.as_str().into(),
            Some(Value::Number(n)) => n.to_string().into(),
            _ => position_id.into(),
        };
        let text = match obj.remove(&self.text_field) {
            Some(Value::String(s)) => s,
            Some(other) => {
                return Err(fail(
                    &id,
                    "invalid_text",
                    format!(
                        "field `{}` is {}, not a string",
                        self.text_field,
                        json_type(&other)
                    ),
                ))
            }
            None => {
                return Err(fail(
                    &id,
                    "missing_text",
                    format!("no `{}` field", self.text_field),
                ))
            }
        };
        let mut doc = Document::new(Arc::clone(&id), text);
        if let Some(Value::String(code)) = obj.get("lang") {
            if !code.trim().is_empty() {
                doc.set_lang_hint(code.trim().to_ascii_lowercase());
            }
        }
        if let Some(targets) = obj.get("targets") {
            let targets = self
                .parse_targets(doc.text(), targets)
                .map_err(|m| fail(&id, "invalid_targets", m))?;
            doc.set_targets(targets)
                .map_err(|e| fail(&id, "invalid_targets", e.to_string()))?;
        }
        if self.id_field != "id" {
            obj.remove("id");
        }
        *doc.fields_mut() = obj;
        Ok(doc)
    }

    fn parse_targets(&self, text: &str, value: &Value) -> Result<Vec<Target>, String> {
        let Value::Array(items) = value else {
            return Err("`targets` must be an array of {start, end} objects".into());
        };
        let map = (self.offsets == OffsetUnit::Chars).then(|| OffsetMap::new(text));
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let get = |k: &str| item.get(k).and_then(Value::as_u64).map(|v| v as usize);
                let (Some(s), Some(e)) = (get("start"), get("end")) else {
                    return Err(format!("target {i} needs integer `start` and `end`"));
                };
                let (s, e) = match &map {
                    Some(m) => match (m.to_byte(s), m.to_byte(e)) {
                        (Some(s), Some(e)) => (s, e),
                        _ => return Err(format!("target {i} ({s}..{e}) ends past the text")),
                    },
                    None => (s, e),
                };
                let span = Span::new(text, s, e).map_err(|err| format!("target {i}: {err}"))?;
                Ok(Target {
                    span,
                    sentiment: None,
                })
            })
            .collect()
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// How records are written.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutputOptions {
    /// Offsets in bytes or characters.
    pub offsets: OffsetUnit,
    /// Leave the text out.
    pub no_text: bool,
}

impl OutputOptions {
    /// Appends `record` to `out` as one JSON line (with the trailing newline).
    ///
    /// ```
    /// use pipeline_core::{Document, OutputOptions, OffsetUnit};
    /// let doc = Document::new("x", "héllo");
    /// let mut out = Vec::new();
    /// OutputOptions { offsets: OffsetUnit::Chars, no_text: true }.write_line(&Ok(doc), &mut out);
    /// assert_eq!(String::from_utf8(out).unwrap(), "{\"id\":\"x\"}\n");
    /// ```
    pub fn write_line(&self, record: &Record, out: &mut Vec<u8>) {
        let start = out.len();
        let result = match record {
            Ok(doc) => {
                // a token is written in about 60 bytes: reserve once instead of doubling
                let tokens = doc.tokens().map_or(0, <[_]>::len);
                out.reserve(doc.text().len() + 64 * tokens + 256);
                let map = (self.offsets == OffsetUnit::Chars).then(|| OffsetMap::new(doc.text()));
                DocView {
                    doc,
                    opts: self,
                    map: map.as_ref(),
                }
                .write(out)
            }
            Err(f) => serde_json::to_writer(&mut *out, &FailureView(f)),
        };
        if let Err(e) = result {
            // Serialising our own types into memory cannot fail but for non-finite floats
            // in a third-party layer; say so instead of writing a torn line.
            out.truncate(start);
            let id = match record {
                Ok(d) => d.id_arc(),
                Err(f) => Arc::clone(&f.id),
            };
            let f = Failure::new(id, "output", "unserialisable", e.to_string());
            serde_json::to_writer(&mut *out, &FailureView(&f))
                .expect("an error record always serialises");
        }
        out.push(b'\n');
    }
}

struct FailureView<'a>(&'a Failure);

impl Serialize for FailureView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Inner<'a> {
            stage: &'a str,
            kind: &'a str,
            message: &'a str,
        }
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("id", &*self.0.id)?;
        m.serialize_entry(
            "error",
            &Inner {
                stage: &self.0.stage,
                kind: &self.0.kind,
                message: &self.0.message,
            },
        )?;
        m.end()
    }
}

struct DocView<'a> {
    doc: &'a Document,
    opts: &'a OutputOptions,
    map: Option<&'a OffsetMap>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl<'a> DocView<'a> {
    fn off(&self, byte: usize) -> usize {
        self.map.map_or(byte, |m| m.to_char(byte))
    }

    fn span(&self, span: Span) -> SpanOut<'a> {
        SpanOut {
            start: self.off(span.start),
            end: self.off(span.end),
            text: span.slice(self.doc.text()),
        }
    }

    fn bare(&self, span: Span) -> (usize, usize) {
        (self.off(span.start), self.off(span.end))
    }

    fn convert_value(&self, v: &Value) -> Value {
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

impl<'a> DocView<'a> {
    /// Writes the document as one JSON object. Keys are written as they are, the token and
    /// sentence arrays (the bulk of a line) by hand; every other value through serde.
    fn write(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        let doc: &'a Document = self.doc;
        out.extend_from_slice(b"{\"id\":");
        json::write_str(out, doc.id());
        if !self.opts.no_text {
            out.extend_from_slice(b",\"text\":");
            json::write_str(out, doc.text());
        }
        for (k, v) in doc.fields() {
            let overwritten = match k.as_str() {
                "id" | "text" | "error" => true,
                "lang" => doc.lang().is_some(),
                "sentences" => doc.sentences().is_some(),
                "tokens" => doc.tokens().is_some(),
                "quotes" => doc.quotes().is_some(),
                "actors" => doc.actors().is_some(),
                "targets" => doc
                    .targets()
                    .is_some_and(|t| t.iter().any(|t| t.sentiment.is_some())),
                other => doc.extensions().contains_key(other),
            };
            if !overwritten {
                json::key(out, k);
                serde_json::to_writer(&mut *out, v)?;
            }
        }
        if let Some(lang) = doc.lang() {
            out.extend_from_slice(b",\"lang\":");
            serde_json::to_writer(&mut *out, lang)?;
        }
        if let Some(sentences) = doc.sentences() {
            out.extend_from_slice(b",\"sentences\":[");
            for (i, x) in sentences.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                let (start, end) = self.bare(x.span);
                out.extend_from_slice(b"{\"start\":");
                json::write_uint(out, start);
                out.extend_from_slice(b",\"end\":");
                json::write_uint(out, end);
                out.push(b'}');
            }
            out.push(b']');
        }
        if let Some(tokens) = doc.tokens() {
            out.extend_from_slice(b",\"tokens\":[");
            let text = doc.text();
            for (i, t) in tokens.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"start\":");
                json::write_uint(out, self.off(t.span.start));
                out.extend_from_slice(b",\"end\":");
                json::write_uint(out, self.off(t.span.end));
                out.extend_from_slice(b",\"text\":");
                json::write_str(out, t.span.slice(text));
                out.extend_from_slice(b",\"kind\":\"");
                out.extend_from_slice(t.kind.as_str().as_bytes());
                out.push(b'"');
                if let Some(stem) = &t.stem {
                    out.extend_from_slice(b",\"stem\":");
                    json::write_str(out, stem);
                }
                out.push(b'}');
            }
            out.push(b']');
        }
        if let Some(quotes) = doc.quotes() {
            out.extend_from_slice(b",\"quotes\":");
            serde_json::to_writer(
                &mut *out,
                &Seq(quotes, |q: &'a crate::Quote| QuoteOut {
                    span: self.span(q.span),
                    kind: q.kind,
                    speaker: q.speaker.as_ref().map(|sp| SpeakerOut {
                        span: self.span(sp.span),
                        entity: &sp.entity,
                    }),
                    cue: q.cue.map(|c| self.span(c)),
                    confidence: q.confidence,
                }),
            )?;
        }
        if let Some(actors) = doc.actors() {
            out.extend_from_slice(b",\"actors\":");
            serde_json::to_writer(
                &mut *out,
                &Seq(actors, |a: &'a crate::Actor| ActorOut {
                    entity: &a.entity,
                    kind: a.kind,
                    mentions: a
                        .mentions
                        .iter()
                        .map(|mn| MentionOut {
                            span: self.span(mn.span),
                            score: mn.score,
                        })
                        .collect(),
                    sentiment: &a.sentiment,
                    by_source: &a.by_source,
                }),
            )?;
        }
        if let Some(targets) = doc.targets() {
            if targets.iter().any(|t| t.sentiment.is_some()) {
                out.extend_from_slice(b",\"targets\":");
                serde_json::to_writer(
                    &mut *out,
                    &Seq(targets, |t: &'a Target| TargetOut {
                        span: self.span(t.span),
                        sentiment: t.sentiment.as_ref(),
                    }),
                )?;
            }
        }
        for (name, value) in doc.extensions() {
            json::key(out, name);
            if self.map.is_some() {
                serde_json::to_writer(&mut *out, &self.convert_value(value))?;
            } else {
                serde_json::to_writer(&mut *out, value)?;
            }
        }
        out.push(b'}');
        Ok(())
    }
}

/// The few JSON primitives the hand-written part of the writer needs, byte for byte what
/// serde_json writes.
mod json {
    /// `,"key":`
    pub(super) fn key(out: &mut Vec<u8>, key: &str) {
        out.push(b',');
        write_str(out, key);
        out.push(b':');
    }

    /// A non-negative integer.
    pub(super) fn write_uint(out: &mut Vec<u8>, n: usize) {
        let mut buf = itoa::Buffer::new();
        out.extend_from_slice(buf.format(n).as_bytes());
    }

    /// A string, quoted and escaped as serde_json does (`\"`, `\\`, short escapes for
    /// `\b \f \n \r \t`, `\u00XX` for other control characters).
    pub(super) fn write_str(out: &mut Vec<u8>, s: &str) {
        out.reserve(s.len() + 2);
        out.push(b'"');
        let bytes = s.as_bytes();
        let mut from = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            out.extend_from_slice(&bytes[from..i]);
            from = i + 1;
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[usize::from(b >> 4)]);
                    out.push(HEX[usize::from(b & 0xf)]);
                }
            }
        }
        out.extend_from_slice(&bytes[from..]);
        out.push(b'"');
    }
}

/// Serialises a slice through a per-item view without collecting it.
struct Seq<'a, T, F>(&'a [T], F);

impl<'s, T, F, O> Serialize for Seq<'s, T, F>
where
    F: Fn(&'s T) -> O,
    O: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&(self.1)(item))?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    entity: &'a str,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    kind: crate::QuoteKind,
    speaker: Option<SpeakerOut<'a>>,
    cue: Option<SpanOut<'a>>,
    confidence: f32,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
}

#[derive(Serialize)]
struct ActorOut<'a> {
    entity: &'a str,
    #[serde(rename = "type")]
    kind: crate::ActorKind,
    mentions: Vec<MentionOut<'a>>,
    sentiment: &'a crate::Sentiment,
    by_source: &'a [crate::SourceSentiment],
}

#[derive(Serialize)]
struct TargetOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    sentiment: Option<&'a crate::TargetSentiment>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Token, TokenKind};

    fn line(rec: &Record, opts: OutputOptions) -> Value {
        let mut out = Vec::new();
        opts.write_line(rec, &mut out);
        assert_eq!(out.last(), Some(&b'\n'));
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn passes_unknown_fields_through_and_keeps_id() {
        let opts = InputOptions::default();
        let doc = opts
            .json_document(
                "f:1",
                r#"{"text":"Hi there","meta":{"a":[1,2]},"id":"A-1"}"#,
            )
            .unwrap();
        let v = line(&Ok(doc), OutputOptions::default());
        assert_eq!(v["id"], "A-1");
        assert_eq!(v["meta"]["a"][1], 2);
        assert_eq!(v["text"], "Hi there");
    }

    #[test]
    fn position_id_when_record_has_none() {
        let doc = InputOptions::default()
            .json_document("stdin:9", r#"{"text":"x"}"#)
            .unwrap();
        assert_eq!(doc.id(), "stdin:9");
    }

    #[test]
    fn bad_records_become_failures_with_kinds() {
        let o = InputOptions::default();
        assert_eq!(
            o.json_document("a", "{oops").unwrap_err().kind,
            "invalid_json"
        );
        assert_eq!(
            o.json_document("a", "42").unwrap_err().kind,
            "not_an_object"
        );
        assert_eq!(
            o.json_document("a", r#"{"id":"z"}"#).unwrap_err().kind,
            "missing_text"
        );
        let e = o.json_document("a", r#"{"id":"z","text":5}"#).unwrap_err();
        assert_eq!((e.kind.as_str(), &*e.id), ("invalid_text", "z"));
        let deep = "[".repeat(100_000);
        assert_eq!(
            o.json_document("a", &deep).unwrap_err().kind,
            "invalid_json"
        );
    }

    #[test]
    fn char_offsets_in_output_and_targets_input() {
        let o = InputOptions {
            offsets: OffsetUnit::Chars,
            ..InputOptions::default()
        };
        let mut doc = o
            .json_document(
                "a",
                r#"{"text":"ça va, Zoë","targets":[{"start":7,"end":10}]}"#,
            )
            .unwrap();
        assert_eq!(doc.targets().unwrap()[0].span.slice(doc.text()), "Zoë");
        doc.set_tokens(vec![Token::new(
            Span::new(doc.text(), 8, 12).unwrap(),
            TokenKind::Word,
        )])
        .unwrap();
        let v = line(
            &Ok(doc),
            OutputOptions {
                offsets: OffsetUnit::Chars,
                no_text: true,
            },
        );
        assert_eq!(v["tokens"][0]["start"], 7);
        assert_eq!(v["tokens"][0]["end"], 10);
        assert_eq!(v["tokens"][0]["text"], "Zoë");
        assert!(v.get("text").is_none());
    }

    #[test]
    fn error_record_shape() {
        let f = Failure::new("stdin:17", "input", "invalid_json", "bad");
        let v = line(&Err(f), OutputOptions::default());
        assert_eq!(v["id"], "stdin:17");
        assert_eq!(v["error"]["kind"], "invalid_json");
        assert_eq!(v["error"]["stage"], "input");
    }

    proptest::proptest! {
        #[test]
        fn hand_written_strings_are_what_serde_json_writes(s in "\\PC*|[\\x00-\\x7f]{0,40}") {
            let mut out = Vec::new();
            json::write_str(&mut out, &s);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }
    }

    #[test]
    fn appends_to_what_is_already_written() {
        let doc = Document::new("x", "text");
        let mut out = b"{\"id\":\"before\"}\n".to_vec();
        OutputOptions::default().write_line(&Ok(doc), &mut out);
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("{\"id\":\"before\"}\n{\"id\":\"x\""),
            "{text}"
        );
    }
}
