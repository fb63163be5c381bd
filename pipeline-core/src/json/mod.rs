//! The JSON codec: how input JSON becomes a [`Document`](crate::Document)
//! ([`InputOptions`]), how a [`Record`](crate::Record) is written as one JSON line
//! ([`OutputOptions`]), and how such a line is read back ([`RecordIn`]).
//!
//! The document model ([`crate::Document`] and the layer types) knows nothing of this
//! module. The built-in layers are listed once, in [`BUILTIN_LAYERS`]: each entry names the
//! layer and says how to tell whether a document holds it, how to write it and (for the
//! layers a reader needs) how to read it back. The writer, the reserved-field check of
//! [`Document::insert_layer`](crate::Document::insert_layer), [`Document::has_layer`] and
//! the record reader all go through that table; a new built-in layer is one entry there.
//!
//! Layout (each file imports only the ones above it): `primitives.rs` (JSON pieces);
//! `token_out.rs` (the tokens as written); `record_in.rs` (the `*In` types as read) and
//! `record_out.rs` (the writer's context and each layer's writer); `layers.rs` (the table,
//! which points at both); `selection.rs` (a [`LayerSelection`] of the table's layers);
//! `write.rs` (a whole record, [`OutputOptions`]), `view.rs` (a whole record as a serde
//! value, [`RecordView`], for serialisers other than the JSON line's), `read.rs`
//! ([`RecordIn::read`]) and `input.rs` ([`InputOptions`]).
//!
//! ```
//! use pipeline_core::json::{RecordIn, BUILTIN_LAYERS};
//! use pipeline_core::{Document, OutputOptions};
//!
//! // the table: every built-in layer, in output order
//! let names: Vec<&str> = BUILTIN_LAYERS.iter().map(|l| l.name.as_str()).collect();
//! assert_eq!(names, ["lang", "sentences", "tokens", "stems", "quotes", "actors", "targets"]);
//!
//! // a record written and read back
//! let mut line = Vec::new();
//! OutputOptions::default().write_line(&Ok(Document::new("d1", "Hello.")), &mut line);
//! let record = RecordIn::read(std::str::from_utf8(&line).unwrap()).unwrap();
//! assert_eq!(record.text.as_deref(), Some("Hello."));
//! ```
//!
//! [`Document::has_layer`]: crate::Document::has_layer

mod input;
mod layers;
mod primitives;
mod read;
mod record_in;
mod record_out;
mod selection;
mod token_out;
mod view;
mod write;

pub use input::InputOptions;
pub use layers::{LayerSpec, BUILTIN_LAYERS};
pub use record_in::{
    ActorIn, ErrorIn, QuoteIn, RecordIn, SentimentIn, SourceIn, SpanIn, SpeakerIn,
};
pub use selection::LayerSelection;
pub use view::RecordView;
pub use write::OutputOptions;

pub(crate) use layers::is_reserved_field;
