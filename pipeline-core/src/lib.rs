//! # pipeline-core
//!
//! The backbone of nlpipe, a streaming NLP pipeline for news text: the [`Document`]
//! model (an immutable text plus typed annotation layers with checked UTF-8 byte
//! [`Span`]s), the [`Stage`] and [`SyncStage`] traits, and the [`Chain`] runner that
//! streams documents through stages over bounded tokio channels, keeping input order and
//! turning every failure into an error record in place.
//!
//! The [`json`] module is the codec: input JSON into documents, records into JSON lines
//! and back, driven by one table of the built-in layers ([`json::BUILTIN_LAYERS`]).
//!
//! This crate knows no NLP: the built-in stages live in the `stages` crate. A stage
//! author depends on this crate alone.
//!
//! ## Quick start
//!
//! ```
//! use futures::StreamExt;
//! use pipeline_core::{Chain, Document, LayerName, OutputOptions, Sentence, Span, StageError, SyncStage};
//!
//! /// Splits the text at newlines into "sentences".
//! struct Lines;
//! impl SyncStage for Lines {
//!     fn name(&self) -> &str { "lines" }
//!     fn provides(&self) -> Vec<LayerName> { vec![LayerName::SENTENCES] }
//!     fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
//!         let mut start = 0;
//!         let mut sentences = Vec::new();
//!         for line in doc.text().split_inclusive('\n') {
//!             let end = start + line.trim_end().len();
//!             sentences.push(Sentence { span: Span::unchecked(start, end) });
//!             start += line.len();
//!         }
//!         doc.set_sentences(sentences)?;
//!         Ok(())
//!     }
//! }
//!
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! let chain = Chain::builder().sync_stage(Lines).build().unwrap();
//! let input = futures::stream::iter(vec![Ok(Document::new("a", "One.\nTwo."))]);
//! let mut run = chain.run(input);
//! let record = run.next().await.unwrap();
//! let mut line = Vec::new();
//! OutputOptions::default().write_line(&record, &mut line);
//! assert!(String::from_utf8(line).unwrap().contains(r#""sentences":[{"start":0,"end":4},{"start":5,"end":9}]"#));
//! # });
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod chain;
mod document;
pub mod error;
pub mod json;
mod layer;
mod record;
mod registry;
mod span;
mod stage;

pub use chain::{Chain, ChainBuilder, ChainError, Run, RunnerOptions, StageSummary, Summary};
pub use document::{Document, LayerError};
pub use json::{InputOptions, OutputOptions};
pub use layer::{
    Actor, ActorKind, Language, Layer, LayerName, Mention, Polarity, Quote, QuoteKind, Sentence,
    Sentiment, SourceSentiment, Speaker, Target, TargetSentiment, Token, TokenKind,
};
pub use record::{Failure, Record};
pub use registry::{ConfigError, Registry, RunnerSection, StageFactory};
pub use span::{OffsetMap, OffsetUnit, Span, SpanError};
pub use stage::{on_cpu, panic_message, Cpu, Stage, StageError, SyncStage};

/// The Rust examples of `docs/architecture.md`, compiled and run as doctests.
#[doc = include_str!("../../docs/architecture.md")]
#[cfg(doctest)]
pub struct ArchitectureDoctests;
