//! A record as a serde value, [`RecordView`]: what [`OutputOptions::write_line`] writes,
//! for any serde serialiser (the Python bindings build their dicts from it, without a
//! JSON line in between). `serde_json` turns a view into the very bytes of the line.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::layers::BUILTIN_LAYERS;
use super::record_out::RecordWriter;
use super::write::{is_selected, passed_through, FailureView, OutputOptions};
use crate::{LayerName, OffsetMap, OffsetUnit, Record};

/// One record as the serde value of the JSON object [`OutputOptions::write_line`] writes:
/// the same keys in the same order, the same values. Made by [`OutputOptions::view`].
///
/// ```
/// use pipeline_core::{Document, OutputOptions};
/// let record = Ok(Document::new("a", "Hi."));
/// let options = OutputOptions::default();
/// let mut line = Vec::new();
/// options.write_line(&record, &mut line);
/// let mut json = serde_json::to_vec(&options.view(&record)).unwrap();
/// json.push(b'\n');
/// assert_eq!(json, line);
/// ```
#[derive(Debug)]
pub struct RecordView<'a> {
    record: &'a Record,
    options: OutputOptions,
    /// Byte to char offsets, when the output is in chars.
    map: Option<OffsetMap>,
}

impl OutputOptions {
    /// The serde view of `record` as these options write it (the character offsets of a
    /// document are indexed here, once).
    pub fn view<'a>(&self, record: &'a Record) -> RecordView<'a> {
        let map = match record {
            Ok(doc) if self.offsets == OffsetUnit::Chars => Some(OffsetMap::new(doc.text())),
            _ => None,
        };
        RecordView {
            record,
            options: *self,
            map,
        }
    }
}

impl RecordView<'_> {
    /// Whether the record is an error record.
    pub fn is_err(&self) -> bool {
        self.record.is_err()
    }
}

/// A numeric id: the text of a JSON number, written as that number.
struct NumberId<'a>(&'a str);

impl Serialize for NumberId<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.parse::<serde_json::Number>() {
            Ok(n) => n.serialize(s),
            // checked to be a JSON number when it was set
            Err(_) => s.serialize_str(self.0),
        }
    }
}

impl Serialize for RecordView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = match self.record {
            Ok(doc) => doc,
            Err(f) => return FailureView(f).serialize(s),
        };
        let layers = self.options.layers;
        let w = RecordWriter {
            doc,
            no_text: self.options.no_text,
            stems: is_selected(layers, &LayerName::STEMS),
            map: self.map.as_ref(),
        };
        let mut m = s.serialize_map(None)?;
        if doc.id_is_number() {
            m.serialize_entry("id", &NumberId(doc.id()))?;
        } else {
            m.serialize_entry("id", doc.id())?;
        }
        if !w.no_text {
            m.serialize_entry("text", doc.text())?;
        }
        for (k, v) in passed_through(doc) {
            m.serialize_entry(k, v)?;
        }
        for layer in BUILTIN_LAYERS
            .iter()
            .filter(|l| is_selected(layers, &l.name))
        {
            if let Some((field, value)) = layer.value(&w) {
                m.serialize_entry(field, &value)?;
            }
        }
        // a selection names built-in layers only: third-party layers are left out
        let extensions = doc.extensions().iter().filter(|_| layers.is_none());
        for (name, value) in extensions {
            if w.map.is_some() {
                m.serialize_entry(name, &w.convert_value(value))?;
            } else {
                m.serialize_entry(name, value)?;
            }
        }
        m.end()
    }
}
