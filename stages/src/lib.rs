//! # stages
//!
//! The built-in stages of nlpipe, one module each: [`lang`] (language identification),
//! [`tokens`] (tokens and sentences), [`stems`] (Snowball stems), [`quotes`] (who said
//! what), [`sentiment`] (actors and targeted sentiment). Each module holds its
//! config type, its stage and its tests; [`registry`] registers them all for config files
//! and the CLI. [`text`] holds the text helpers the stages share (data-file lines,
//! lowercasing, language codes, quote marks).
//!
//! ```
//! use pipeline_core::SyncStage;
//! use stages::tokens::TokenStage;
//! // a single stage on a &str, no runner needed
//! let doc = stages::annotate("Pakistan and Russia held talks.", &[&TokenStage::default()]).unwrap();
//! assert_eq!(doc.tokens().unwrap().len(), 6);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use pipeline_core::{Document, Registry, StageError, SyncStage};

pub mod entities;
pub mod fault;
mod huge;
pub mod lang;
pub mod quotes;
pub mod sentiment;
pub mod stems;
pub mod text;
pub mod tokens;

/// A registry of every built-in stage.
///
/// ```
/// assert!(stages::registry().contains("tokens"));
/// ```
pub fn registry() -> Registry {
    let mut r = Registry::new();
    r.register_sync(
        "lang",
        "language identification (letter n-grams, 75 languages): ISO 639-1 code, name, script, confidence",
        |c: lang::LangConfig| Ok(lang::LangStage::new(c)),
    );
    r.register_sync(
        "tokens",
        "tokens (word, number, punct, url, email, emoji…) and sentences, with byte offsets",
        |c: tokens::TokenConfig| Ok(tokens::TokenStage::new(c)),
    );
    r.register_sync(
        "stems",
        "Snowball stems of the lowercased tokens, by the document's language (rust-stemmers)",
        |c: stems::StemConfig| Ok(stems::StemStage::new(c)),
    );
    r.register_sync(
        "quotes",
        "direct, partial and indirect quotations with their speaker (one entity) and cue",
        |c: quotes::QuoteConfig| Ok(quotes::QuoteStage::new(c)),
    );
    r.register_sync(
        "sentiment",
        "actors (countries, organisations, people) with targeted sentiment, by source; scores input targets",
        sentiment::SentimentStage::build,
    );
    r
}

/// [`registry`] plus the [`fault`] testing stage when the environment variable
/// `NLPIPE_FAULT_STAGE=1` is set: what the CLI and the Python bindings build chains from.
pub fn registry_from_env() -> Registry {
    let mut registry = registry();
    if std::env::var_os("NLPIPE_FAULT_STAGE").is_some_and(|v| v == "1") {
        fault::register(&mut registry);
    }
    registry
}

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The default chain, in order: every built-in stage.
pub const DEFAULT_CHAIN: &[&str] = &["lang", "tokens", "stems", "quotes", "sentiment"];

/// Runs synchronous stages, in order, on one text: the quickest way to use a stage
/// without the runner.
pub fn annotate(text: &str, stages: &[&dyn SyncStage]) -> Result<Document, StageError> {
    let mut doc = Document::new("text", text);
    for stage in stages {
        stage.apply(&mut doc)?;
    }
    Ok(doc)
}
