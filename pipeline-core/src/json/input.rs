//! Reading input: a plain text or a JSON Lines record becomes a [`Document`] (or the
//! error record that takes its place).

use std::sync::Arc;

use serde_json::Value;

use crate::{Document, Failure, OffsetMap, OffsetUnit, Record, Span, Target};

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
                    "document is {len} bytes, over the document size limit ({} bytes)",
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
    /// assert!(doc.id_is_number()); // and written as `"id":7`
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
                    "record is {} bytes, over the document size limit ({} bytes)",
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
        let (id, id_is_number): (Arc<str>, bool) = match obj.get(&self.id_field) {
            Some(Value::String(s)) => (s.as_str().into(), false),
            Some(Value::Number(n)) => (n.to_string().into(), true),
            _ => (position_id.into(), false),
        };
        let fail = |id: &str, kind: &str, message: String| {
            fail(id, kind, message).with_number_id(id_is_number)
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
        doc.set_id_is_number(id_is_number);
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

/// How an error message names the type of a JSON value.
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn too_large_messages_name_the_limit_not_a_flag() {
        let o = InputOptions {
            max_doc_bytes: 4,
            ..InputOptions::default()
        };
        let text = o.text_document("a", "12345".into()).unwrap_err();
        assert_eq!(
            text.message,
            "document is 5 bytes, over the document size limit (4 bytes)"
        );
        let json = o.json_document("b", r#"{"text":"x"}"#).unwrap_err();
        assert_eq!(
            (json.kind.as_str(), json.message.as_str()),
            (
                "too_large",
                "record is 12 bytes, over the document size limit (4 bytes)"
            )
        );
    }
}
