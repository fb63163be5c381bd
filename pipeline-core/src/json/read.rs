//! Reading records back: one JSON line of nlpipe's output becomes a [`RecordIn`].
//!
//! The reader is lenient, for tools (such as `nlpipe report`) that read output written by
//! another version or edited by hand: every field is optional, unknown fields are ignored,
//! and the layers no reader needs (such as `tokens`) are skipped without being built. Which
//! layers are read is said by [`BUILTIN_LAYERS`](super::BUILTIN_LAYERS)
//! ([`LayerSpec::is_read`](super::LayerSpec::is_read)).

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::Deserializer;
use serde_json::value::RawValue;

use super::layers::{self, LayerSpec};
use super::record_in::RecordIn;

impl RecordIn {
    /// Reads one JSON line. The errors are serde_json's, positions counted in `line`.
    pub fn read(line: &str) -> serde_json::Result<RecordIn> {
        let mut failed = None;
        let mut de = serde_json::Deserializer::from_str(line);
        let result = (&mut de).deserialize_map(RecordVisitor {
            failed: &mut failed,
        });
        let record = match (result, failed) {
            // a layer's own error, at its place in the line
            (Err(_), Some((e, raw))) => return Err(relocate(e, line, raw)),
            (result, _) => result?,
        };
        // nothing but whitespace may follow
        de.end()?;
        Ok(record)
    }
}

/// A layer reader's error and the raw layer value it was reading.
type LayerFailure<'de> = (serde_json::Error, &'de str);

/// Reads the envelope fields and hands each readable layer's raw value to its reader in
/// [`BUILTIN_LAYERS`](super::BUILTIN_LAYERS). A reader's error is kept in `failed` (its
/// position is in the layer's value; [`relocate`] puts it in the line).
struct RecordVisitor<'a, 'de> {
    failed: &'a mut Option<LayerFailure<'de>>,
}

/// A key of a record.
enum Key {
    Id,
    Text,
    Error,
    Layer(&'static LayerSpec),
    Other,
}

/// Recognises a key without allocating it.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            "id" => Key::Id,
            "text" => Key::Text,
            "error" => Key::Error,
            other => match layers::by_field(other) {
                Some(layer) if layer.is_read() => Key::Layer(layer),
                _ => Key::Other,
            },
        })
    }
}

/// Fails as a derived `Deserialize` does on a field given twice.
fn once<E: de::Error>(seen: &mut Vec<&'static str>, field: &'static str) -> Result<(), E> {
    if seen.contains(&field) {
        return Err(E::duplicate_field(field));
    }
    seen.push(field);
    Ok(())
}

impl<'de> Visitor<'de> for RecordVisitor<'_, 'de> {
    type Value = RecordIn;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RecordIn, A::Error> {
        let mut rec = RecordIn::default();
        let mut seen = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match key {
                Key::Id => {
                    once(&mut seen, "id")?;
                    rec.id = map.next_value()?;
                }
                Key::Text => {
                    once(&mut seen, "text")?;
                    rec.text = map.next_value()?;
                }
                Key::Error => {
                    once(&mut seen, "error")?;
                    rec.error = map.next_value()?;
                }
                Key::Layer(layer) => {
                    let (Some(field), Some(read)) = (layer.field(), layer.reader()) else {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    };
                    once(&mut seen, field)?;
                    let raw: &'de RawValue = map.next_value()?;
                    if let Err(e) = read(&mut rec, raw.get()) {
                        *self.failed = Some((e, raw.get()));
                        return Err(de::Error::custom("layer"));
                    }
                }
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(rec)
    }
}

/// A layer reader's error `e`, whose position counts in `raw`, with its position counted
/// in `line` instead (`raw` is a slice of `line`), as a one-pass reader would report it.
fn relocate(e: serde_json::Error, line: &str, raw: &str) -> serde_json::Error {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let offset = (raw.as_ptr() as usize).wrapping_sub(line.as_ptr() as usize);
    let (Some(inner), Some(before)) = (message.strip_suffix(&suffix), line.get(..offset)) else {
        return e;
    };
    let lines_before = before.matches('\n').count();
    let column_before = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
    let (line_no, column) = if e.line() == 1 {
        (lines_before + 1, column_before + e.column())
    } else {
        (lines_before + e.line(), e.column())
    };
    de::Error::custom(format!("{inner} at line {line_no} column {column}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{ActorIn, ErrorIn, QuoteIn};
    use serde::Deserialize;
    use serde_json::Value;

    /// The one-pass reader the report had: a derived `Deserialize`.
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    #[allow(dead_code)]
    struct RawRecord {
        id: Option<Value>,
        text: Option<String>,
        quotes: Option<Vec<QuoteIn>>,
        actors: Option<Vec<ActorIn>>,
        error: Option<ErrorIn>,
    }

    #[test]
    fn errors_are_those_of_a_one_pass_reader() {
        let lines = [
            r#"{"text":"t","quotes":5}"#,
            r#"{"id":"a", "quotes":[{"start":0,"end":"x"}]}"#,
            "{\"id\":\"a\",\n \"actors\":[{\"entity\":\"A\",\"mentions\":[{\"start\":-1}]}]}",
            r#"{"quotes":[],"quotes":[]}"#,
            r#"{"text":"t","text":"u"}"#,
            r#"{"text":5,"quotes":[]}"#,
            r#"{"quotes":[{"speaker":{"entity":3}}],"text":5}"#,
            r#"{"quotes":[]} x"#,
            r#"{"quotes":[]"#,
            "[1]",
        ];
        for line in lines {
            let one_pass = serde_json::from_str::<RawRecord>(line)
                .map(|_| ())
                .map_err(|e| e.to_string());
            let ours = RecordIn::read(line).map(|_| ()).map_err(|e| e.to_string());
            if line.starts_with('[') {
                // a derived reader also takes a struct written as an array; ours does not
                assert!(ours.is_err());
                continue;
            }
            assert!(one_pass.is_err(), "{line}");
            assert_eq!(ours, one_pass, "{line}");
        }
    }

    #[test]
    fn reads_what_a_one_pass_reader_reads() {
        let line = r#"{"id":"a","text":"Ann: «Hi»","tokens":[{"start":0}],"quotes":[{"start":6,"end":8,"kind":"direct","speaker":{"start":0,"end":3,"entity":"Ann Lee"}}],"actors":[{"entity":"Ann Lee","type":"person","mentions":[{"start":0,"end":3}],"sentiment":{"score":0.41,"positive":1},"by_source":[{"source":"Ann Lee","score":-0.5}]}],"error":null}"#;
        let ours = RecordIn::read(line).unwrap();
        let theirs: RawRecord = serde_json::from_str(line).unwrap();
        assert_eq!(format!("{:?}", ours.quotes), format!("{:?}", theirs.quotes));
        assert_eq!(format!("{:?}", ours.actors), format!("{:?}", theirs.actors));
        assert_eq!((ours.id, ours.text), (theirs.id, theirs.text));
        assert!(ours.error.is_none());
    }
}
