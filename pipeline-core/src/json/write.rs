//! Writing a [`Record`] as one JSON line.

use std::sync::Arc;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::layers::{BUILTIN_LAYERS, ENVELOPE_FIELDS};
use super::primitives::{key, write_str};
use super::record_out::RecordWriter;
use super::selection::LayerSelection;
use crate::{Document, Failure, LayerName, OffsetMap, OffsetUnit, Record};

/// How records are written.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutputOptions {
    /// Offsets in bytes or characters.
    pub offsets: OffsetUnit,
    /// Leave the text out.
    pub no_text: bool,
    /// Write only these layers (`id`, `text`, passed-through fields and error records
    /// are not layers); `None`: every layer.
    pub layers: Option<LayerSelection>,
}

impl OutputOptions {
    /// Appends `record` to `out` as one JSON line (with the trailing newline).
    ///
    /// ```
    /// use pipeline_core::{Document, OutputOptions, OffsetUnit};
    /// let doc = Document::new("x", "héllo");
    /// let mut out = Vec::new();
    /// OutputOptions { offsets: OffsetUnit::Chars, no_text: true, layers: None }.write_line(&Ok(doc), &mut out);
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
                RecordWriter {
                    doc,
                    no_text: self.no_text,
                    stems: is_selected(self.layers, &LayerName::STEMS),
                    map: map.as_ref(),
                }
                .write(self.layers, out)
            }
            Err(f) => serde_json::to_writer(&mut *out, &FailureView(f)),
        };
        if let Err(e) = result {
            // Serialising our own types into memory cannot fail but for non-finite floats
            // in a third-party layer; say so instead of writing a torn line.
            out.truncate(start);
            let (id, number) = match record {
                Ok(d) => (d.id_arc(), d.id_is_number()),
                Err(f) => (Arc::clone(&f.id), f.id_is_number),
            };
            let f =
                Failure::new(id, "output", "unserialisable", e.to_string()).with_number_id(number);
            serde_json::to_writer(&mut *out, &FailureView(&f))
                .expect("an error record always serialises");
        }
        out.push(b'\n');
    }

    /// Writes the JSON line of `record` into `out` (cleared first), like
    /// [`OutputOptions::write_line`]; a panic while serialising becomes an `output` error
    /// record (kind `panic`) in its place. Returns whether the line is an error record.
    /// The CLI's writer and the Python bindings write every record through this.
    ///
    /// ```
    /// use pipeline_core::{Document, OutputOptions};
    /// let mut out = b"left over".to_vec();
    /// let failed = OutputOptions::default().write_line_caught(&Ok(Document::new("a", "Hi.")), &mut out);
    /// assert!(!failed);
    /// assert_eq!(out, b"{\"id\":\"a\",\"text\":\"Hi.\"}\n");
    /// ```
    pub fn write_line_caught(&self, record: &Record, out: &mut Vec<u8>) -> bool {
        out.clear();
        let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.write_line(record, out)
        }));
        match written {
            Ok(()) => record.is_err(),
            Err(payload) => {
                let (id, number) = match record {
                    Ok(d) => (d.id_arc(), d.id_is_number()),
                    Err(f) => (Arc::clone(&f.id), f.id_is_number),
                };
                let message = crate::panic_message(&*payload);
                out.clear();
                let f = Failure::new(id, "output", "panic", message).with_number_id(number);
                self.write_line(&Err(f), out);
                true
            }
        }
    }
}

/// Whether the layer `name` is written: every layer without a selection.
pub(super) fn is_selected(layers: Option<LayerSelection>, name: &LayerName) -> bool {
    layers.map_or(true, |s| s.contains(name.as_str()))
}

/// An error record as written: `{"id":…,"error":{"stage":…,"kind":…,"message":…}}`.
pub(super) struct FailureView<'a>(pub(super) &'a Failure);

impl Serialize for FailureView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Inner<'a> {
            stage: &'a str,
            kind: &'a str,
            message: &'a str,
        }
        let mut m = s.serialize_map(Some(2))?;
        // a numeric id stays a number (checked here: the fields are public)
        match self
            .0
            .id_is_number
            .then(|| self.0.id.parse::<serde_json::Number>())
        {
            Some(Ok(n)) if crate::record::is_json_number(&self.0.id) => {
                m.serialize_entry("id", &n)?
            }
            _ => m.serialize_entry("id", &*self.0.id)?,
        }
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

/// The input fields of `doc` written back as they came: those that are neither envelope
/// fields nor overwritten by a layer of the same name.
pub(super) fn passed_through(doc: &Document) -> impl Iterator<Item = (&String, &Value)> {
    doc.fields().iter().filter(move |(k, _)| {
        let overwritten = ENVELOPE_FIELDS.contains(&k.as_str())
            || match super::layers::by_field(k) {
                Some(layer) => layer.is_written(doc),
                None => doc.extensions().contains_key(k.as_str()),
            };
        !overwritten
    })
}

impl<'a> RecordWriter<'a> {
    /// Writes the document as one JSON object: `id`, `text`, the passed-through input
    /// fields that no layer overwrites, the built-in layers in [`BUILTIN_LAYERS`] order,
    /// then the third-party layers.
    fn write(&self, layers: Option<LayerSelection>, out: &mut Vec<u8>) -> serde_json::Result<()> {
        let doc: &'a Document = self.doc;
        out.extend_from_slice(b"{\"id\":");
        if doc.id_is_number() {
            // checked to be the text of a JSON number when it was set
            out.extend_from_slice(doc.id().as_bytes());
        } else {
            write_str(out, doc.id());
        }
        if !self.no_text {
            out.extend_from_slice(b",\"text\":");
            write_str(out, doc.text());
        }
        for (k, v) in passed_through(doc) {
            key(out, k);
            serde_json::to_writer(&mut *out, v)?;
        }
        for layer in BUILTIN_LAYERS
            .iter()
            .filter(|l| is_selected(layers, &l.name))
        {
            layer.write(self, out)?;
        }
        // a selection names built-in layers only: third-party layers are left out
        let extensions = doc.extensions().iter().filter(|_| layers.is_none());
        for (name, value) in extensions {
            key(out, name);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::InputOptions;
    use crate::{Failure, Span, Token, TokenKind};
    use serde_json::Value;

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
                layers: None,
            },
        );
        assert_eq!(v["tokens"][0]["start"], 7);
        assert_eq!(v["tokens"][0]["end"], 10);
        assert_eq!(v["tokens"][0]["text"], "Zoë");
        assert!(v.get("text").is_none());
    }

    #[test]
    fn quotes_and_tokens_are_written_byte_for_byte() {
        let text = "He said \"no\" to Zoë.\tOk";
        let mut doc = Document::new("q", text);
        let span = |s, e| Span::new(text, s, e).unwrap();
        let mut said = Token::new(span(3, 7), TokenKind::Word);
        said.stem = Some("said".into());
        let mut quote = Token::new(span(8, 9), TokenKind::Punct);
        quote.stem = Some("\"".into());
        let mut zoe = Token::new(span(16, 20), TokenKind::Word);
        zoe.stem = Some("zoë".into());
        doc.set_tokens(vec![said, quote, zoe]).unwrap();
        let speaker = crate::Speaker {
            span: span(0, 2),
            entity: "He \"Him\"".to_owned(),
        };
        doc.set_quotes(vec![
            crate::Quote {
                span: span(8, 12),
                kind: crate::QuoteKind::Direct,
                speaker: Some(speaker),
                cue: Some(span(3, 7)),
                confidence: 0.85,
            },
            crate::Quote {
                span: span(21, 24),
                kind: crate::QuoteKind::Indirect,
                speaker: None,
                cue: None,
                confidence: f32::NAN,
            },
        ])
        .unwrap();
        let sentiment = crate::Sentiment {
            score: -0.5,
            label: crate::Polarity::Negative,
            positive: 0,
            negative: 1,
            neutral: 2,
        };
        doc.set_actors(vec![crate::Actor {
            entity: "Zoë".to_owned(),
            kind: crate::ActorKind::Person,
            mentions: vec![
                crate::Mention {
                    span: span(16, 20),
                    score: Some(0.25),
                },
                crate::Mention {
                    span: span(0, 2),
                    score: None,
                },
            ],
            sentiment,
            by_source: vec![crate::SourceSentiment {
                source: "He".to_owned(),
                score: 1.0,
                label: crate::Polarity::Positive,
                mentions: 1,
            }],
        }])
        .unwrap();
        let mut out = Vec::new();
        let opts = OutputOptions {
            offsets: OffsetUnit::Chars,
            no_text: true,
            layers: None,
        };
        opts.write_line(&Ok(doc), &mut out);
        let expected = concat!(
            r#"{"id":"q","tokens":[{"start":3,"end":7,"text":"said","kind":"word","stem":"said"},"#,
            r#"{"start":8,"end":9,"text":"\"","kind":"punct","stem":"\""},"#,
            r#"{"start":16,"end":19,"text":"Zoë","kind":"word","stem":"zoë"}],"#,
            r#""quotes":[{"start":8,"end":12,"text":"\"no\"","kind":"direct","#,
            r#""speaker":{"start":0,"end":2,"text":"He","entity":"He \"Him\""},"#,
            r#""cue":{"start":3,"end":7,"text":"said"},"confidence":0.85},"#,
            r#"{"start":20,"end":23,"text":"\tOk","kind":"indirect","speaker":null,"#,
            r#""cue":null,"confidence":null}],"#,
            r#""actors":[{"entity":"Zoë","type":"person","mentions":[{"start":16,"end":19,"#,
            r#""text":"Zoë","score":0.25},{"start":0,"end":2,"text":"He"}],"sentiment":"#,
            r#"{"score":-0.5,"label":"negative","positive":0,"negative":1,"neutral":2},"#,
            r#""by_source":[{"source":"He","score":1.0,"label":"positive","mentions":1}]}]}"#,
            "\n"
        );
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn error_record_shape() {
        let f = Failure::new("stdin:17", "input", "invalid_json", "bad");
        let v = line(&Err(f), OutputOptions::default());
        assert_eq!(v["id"], "stdin:17");
        assert_eq!(v["error"]["kind"], "invalid_json");
        assert_eq!(v["error"]["stage"], "input");
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

    #[test]
    fn a_layer_selection_keeps_id_passthrough_and_error_records() {
        let opts = InputOptions::default();
        let mut doc = opts
            .json_document("f:1", r#"{"id":"s","text":"Zoë said hi","feed":{"n":1}}"#)
            .unwrap();
        let mut token = Token::new(Span::new(doc.text(), 4, 8).unwrap(), TokenKind::Word);
        token.stem = Some("said".into());
        doc.set_tokens(vec![token]).unwrap();
        doc.set_sentences(vec![crate::Sentence {
            span: Span::new(doc.text(), 0, 12).unwrap(),
        }])
        .unwrap();
        #[derive(serde::Serialize, serde::Deserialize)]
        struct Wikidata(u32);
        impl crate::Layer for Wikidata {
            const NAME: &'static str = "entities_wikidata";
        }
        doc.insert_layer(&Wikidata(1)).unwrap();
        assert!(line(&Ok(doc.clone()), OutputOptions::default())["entities_wikidata"] == 1);
        let only = |layers: &str| OutputOptions {
            offsets: OffsetUnit::Chars,
            no_text: false,
            layers: Some(layers.parse().unwrap()),
        };
        let v = line(&Ok(doc.clone()), only("tokens"));
        let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["id", "text", "feed", "tokens"]);
        assert_eq!(v["feed"]["n"], 1);
        assert_eq!(v["tokens"][0]["start"], 3);
        assert_eq!(v["tokens"][0]["end"], 7);
        assert!(v["tokens"][0].get("stem").is_none());
        let v = line(&Ok(doc.clone()), only("stems,tokens"));
        assert_eq!(v["tokens"][0]["stem"], "said");
        let v = line(&Ok(doc), only("quotes,sentences"));
        assert_eq!(v["sentences"][0]["end"], 11);
        assert!(v.get("tokens").is_none() && v.get("quotes").is_none());
        assert!(v.get("entities_wikidata").is_none());
        let f = Failure::new("stdin:3", "input", "invalid_json", "bad");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        only("quotes").write_line(&Err(f.clone()), &mut a);
        OutputOptions::default().write_line(&Err(f), &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn a_numeric_id_stays_a_number_in_documents_and_error_records() {
        let opts = InputOptions::default();
        let doc = opts
            .json_document("f:1", r#"{"id":5,"text":"Hi"}"#)
            .unwrap();
        assert_eq!(line(&Ok(doc.clone()), OutputOptions::default())["id"], 5);
        let big = opts
            .json_document("f:2", r#"{"id":12345678901234567890123,"text":"Hi"}"#)
            .unwrap();
        let mut out = Vec::new();
        OutputOptions::default().write_line(&Ok(big), &mut out);
        assert!(out.starts_with(b"{\"id\":12345678901234567890123,"));
        let text = opts
            .json_document("f:3", r#"{"id":"5","text":"Hi"}"#)
            .unwrap();
        assert_eq!(line(&Ok(text), OutputOptions::default())["id"], "5");
        let missing = opts.json_document("f:4", r#"{"id":-2.5}"#).unwrap_err();
        assert_eq!(line(&Err(missing), OutputOptions::default())["id"], -2.5);
        // a flag set on an id that is no number is ignored
        let f = Failure::new("stdin:3", "input", "x", "y").with_number_id(true);
        assert_eq!(line(&Err(f), OutputOptions::default())["id"], "stdin:3");
        let mut d = Document::new("A-1", "t");
        assert!(!d.set_id_is_number(true));
        assert_eq!(line(&Ok(d), OutputOptions::default())["id"], "A-1");
    }
}
