//! Records: what flows through a chain, a document or the error record that replaced it.
//! How records are read and written as JSON is the [`json`](crate::json) module's.

use std::sync::Arc;

use crate::Document;

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
    /// The id is written as a JSON number (the document's was one, see
    /// [`Document::id_is_number`]); ignored unless `id` is the text of a number.
    pub id_is_number: bool,
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
            id_is_number: false,
        }
    }

    /// The same error record, its id written as a JSON number when `yes` (and the id is
    /// the text of one): pass [`Document::id_is_number`] of the document it replaces.
    ///
    /// ```
    /// use pipeline_core::{Document, Failure};
    /// let mut doc = Document::new("7", "text");
    /// doc.set_id_is_number(true);
    /// let f = Failure::new(doc.id_arc(), "tokens", "panic", "boom").with_number_id(doc.id_is_number());
    /// assert!(f.id_is_number);
    /// ```
    #[must_use]
    pub fn with_number_id(mut self, yes: bool) -> Failure {
        self.id_is_number = yes;
        self
    }
}

/// Whether `s` is exactly the text of a JSON number (no sign but `-`, no spaces).
pub(crate) fn is_json_number(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(|c: char| c.is_whitespace())
        && !s.ends_with(|c: char| c.is_whitespace())
        && s.parse::<serde_json::Number>().is_ok()
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
