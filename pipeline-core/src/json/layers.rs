//! The table of built-in layers, [`BUILTIN_LAYERS`]: for each, its name, whether a document
//! holds it, how it is written (the `*Out` views below) and how it is read back.

use super::primitives;
use super::record_in::RecordIn;
use super::record_out::{LayerOut, LayerValue, RecordWriter};
use crate::{Document, LayerName};

/// Reads a layer's value, given as raw JSON text, into a [`RecordIn`].
type ReadFn = fn(&mut RecordIn, &str) -> serde_json::Result<()>;

/// The fields of the record envelope: written for every record, never a layer's.
pub(crate) const ENVELOPE_FIELDS: &[&str] = &["id", "text", "error"];

/// One built-in layer: its name and how the codec handles it. The entries of
/// [`BUILTIN_LAYERS`] are the only place that lists them.
///
/// ```
/// use pipeline_core::json::BUILTIN_LAYERS;
/// use pipeline_core::{Document, LayerName, Sentence, Span};
///
/// let sentences = BUILTIN_LAYERS.iter().find(|l| l.name == LayerName::SENTENCES).unwrap();
/// assert_eq!(sentences.field(), Some("sentences"));
/// let mut doc = Document::new("a", "Hi.");
/// assert!(!sentences.is_present(&doc));
/// doc.set_sentences(vec![Sentence { span: Span::unchecked(0, 3) }]).unwrap();
/// assert!(sentences.is_present(&doc));
/// ```
#[derive(Debug)]
pub struct LayerSpec {
    /// The layer's name, as stages declare it.
    pub name: LayerName,
    present: fn(&Document) -> bool,
    output: Option<Output>,
    read: Option<ReadFn>,
}

/// How a layer with a field of its own is written.
#[derive(Debug)]
struct Output {
    /// The top-level field (the layer's name).
    field: &'static str,
    /// Whether the writer writes it for this document.
    written: fn(&Document) -> bool,
    /// How its value is written.
    out: LayerOut,
}

impl LayerSpec {
    /// Whether `doc` holds this layer.
    pub fn is_present(&self, doc: &Document) -> bool {
        (self.present)(doc)
    }

    /// The top-level output field holding this layer, or `None` for a layer written
    /// inside another one (`stems`, the `stem` of each token).
    ///
    /// ```
    /// use pipeline_core::json::BUILTIN_LAYERS;
    /// let fields: Vec<_> = BUILTIN_LAYERS.iter().map(|l| l.field()).collect();
    /// assert_eq!(fields[3], None); // stems
    /// assert_eq!(fields[4], Some("quotes"));
    /// ```
    pub fn field(&self) -> Option<&'static str> {
        self.output.as_ref().map(|o| o.field)
    }

    /// Whether [`RecordIn`] reads this layer back (the others are skipped unbuilt).
    ///
    /// ```
    /// use pipeline_core::json::BUILTIN_LAYERS;
    /// let read: Vec<_> = BUILTIN_LAYERS.iter().filter(|l| l.is_read()).map(|l| l.name.as_str()).collect();
    /// assert_eq!(read, ["quotes", "actors"]);
    /// ```
    pub fn is_read(&self) -> bool {
        self.read.is_some()
    }

    /// Whether the writer writes this layer's field for `doc`: a layer input fields of
    /// the same name give way to.
    pub(crate) fn is_written(&self, doc: &Document) -> bool {
        self.output.as_ref().is_some_and(|o| (o.written)(doc))
    }

    /// Writes `,"field":value` when the layer is written for the writer's document.
    pub(super) fn write(&self, w: &RecordWriter<'_>, out: &mut Vec<u8>) -> serde_json::Result<()> {
        match &self.output {
            Some(o) if (o.written)(w.doc) => {
                primitives::key(out, o.field);
                o.out.write(w, out)
            }
            _ => Ok(()),
        }
    }

    /// The field and the serde value of this layer when the writer writes it for the
    /// writer's document (what [`LayerSpec::write`] writes after its comma).
    pub(super) fn value<'w>(
        &self,
        w: &'w RecordWriter<'w>,
    ) -> Option<(&'static str, LayerValue<'w>)> {
        match &self.output {
            Some(o) if (o.written)(w.doc) => Some((o.field, LayerValue { out: o.out, w })),
            _ => None,
        }
    }

    /// The reader of this layer, if it is read back.
    pub(super) fn reader(&self) -> Option<ReadFn> {
        self.read
    }
}

/// Every built-in layer, in the order the writer writes them (after `id`, `text` and the
/// passed-through input fields; third-party layers follow, by name).
pub static BUILTIN_LAYERS: &[LayerSpec] = &[
    LayerSpec {
        name: LayerName::LANG,
        present: |d| d.lang().is_some(),
        output: Some(Output {
            field: "lang",
            written: |d| d.lang().is_some(),
            out: LayerOut::Lang,
        }),
        read: None,
    },
    LayerSpec {
        name: LayerName::SENTENCES,
        present: |d| d.sentences().is_some(),
        output: Some(Output {
            field: "sentences",
            written: |d| d.sentences().is_some(),
            out: LayerOut::Sentences,
        }),
        read: None,
    },
    LayerSpec {
        name: LayerName::TOKENS,
        present: |d| d.tokens().is_some(),
        output: Some(Output {
            field: "tokens",
            written: |d| d.tokens().is_some(),
            out: LayerOut::Tokens,
        }),
        read: None,
    },
    LayerSpec {
        name: LayerName::STEMS,
        present: |d| {
            d.tokens()
                .is_some_and(|t| t.iter().any(|t| t.stem.is_some()))
        },
        // written by `write_tokens`, as each token's `stem`
        output: None,
        read: None,
    },
    LayerSpec {
        name: LayerName::QUOTES,
        present: |d| d.quotes().is_some(),
        output: Some(Output {
            field: "quotes",
            written: |d| d.quotes().is_some(),
            out: LayerOut::Quotes,
        }),
        read: Some(|rec, raw| {
            rec.quotes = serde_json::from_str(raw)?;
            Ok(())
        }),
    },
    LayerSpec {
        name: LayerName::ACTORS,
        present: |d| d.actors().is_some(),
        output: Some(Output {
            field: "actors",
            written: |d| d.actors().is_some(),
            out: LayerOut::Actors,
        }),
        read: Some(|rec, raw| {
            rec.actors = serde_json::from_str(raw)?;
            Ok(())
        }),
    },
    LayerSpec {
        name: LayerName::TARGETS,
        present: |d| d.targets().is_some(),
        // input targets come back only once scored; until then the input field passes
        output: Some(Output {
            field: "targets",
            written: |d| {
                d.targets()
                    .is_some_and(|t| t.iter().any(|t| t.sentiment.is_some()))
            },
            out: LayerOut::Targets,
        }),
        read: None,
    },
];

/// The built-in layer named `name`.
pub(crate) fn by_name(name: &str) -> Option<&'static LayerSpec> {
    BUILTIN_LAYERS.iter().find(|l| l.name.as_str() == name)
}

/// The built-in layer written under the top-level field `field`.
pub(crate) fn by_field(field: &str) -> Option<&'static LayerSpec> {
    BUILTIN_LAYERS.iter().find(|l| l.field() == Some(field))
}

/// Whether `name` is a field of the envelope or the name of a built-in layer, so not
/// available to a third-party layer.
pub(crate) fn is_reserved_field(name: &str) -> bool {
    ENVELOPE_FIELDS.contains(&name) || by_name(name).is_some() || by_field(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_fields_are_unique_and_reserved() {
        for (i, l) in BUILTIN_LAYERS.iter().enumerate() {
            assert!(is_reserved_field(l.name.as_str()), "{}", l.name);
            assert!(
                BUILTIN_LAYERS[i + 1..].iter().all(|m| m.name != l.name),
                "{} twice",
                l.name
            );
            if let Some(field) = l.field() {
                assert_eq!(by_field(field).map(|m| &m.name), Some(&l.name));
            }
        }
        for field in ENVELOPE_FIELDS {
            assert!(is_reserved_field(field));
            assert!(by_field(field).is_none());
        }
        assert!(!is_reserved_field("entities_wikidata"));
    }
}
