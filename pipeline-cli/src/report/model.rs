//! The report's view of one document: its id, its text (when the record has one), its
//! quotes and its actors. Read leniently from nlpipe's JSON output through
//! pipeline-core's record reader ([`RecordIn`]: every field optional, unknown fields such
//! as `tokens` skipped without being built), or taken from a [`Document`] the chain has
//! just analysed.

use pipeline_core::json::RecordIn;
pub use pipeline_core::json::{ActorIn, QuoteIn};
/// The other parts of a record, which the tests of `aggregate` and `html` build.
#[cfg(test)]
pub use pipeline_core::json::{SentimentIn, SourceIn, SpanIn as Offsets, SpeakerIn};
use pipeline_core::{Document, Failure, OffsetUnit, Polarity};
use serde_json::Value;

/// One analysed document.
#[derive(Debug, Clone, Default)]
pub struct DocView {
    /// The document id.
    pub id: String,
    /// The text, when the record carries it.
    pub text: Option<String>,
    /// Quotes, in text order.
    pub quotes: Vec<QuoteIn>,
    /// Actors.
    pub actors: Vec<ActorIn>,
}

/// What one JSON line is, for the report.
#[derive(Debug)]
pub enum LineKind {
    /// It already holds quotes or actors: nlpipe's output.
    Analysed(DocView),
    /// An error record of nlpipe's output.
    Failed(Failure),
    /// Neither: a document to analyse (or a line that is not a record at all).
    Other,
    /// It holds `quotes` or `actors` that cannot be read.
    Broken(String),
}

/// Classifies one JSON line. Offsets in `unit` are converted to bytes.
pub fn classify(position_id: &str, line: &str, unit: OffsetUnit) -> LineKind {
    let mut raw = match RecordIn::read(line) {
        Ok(raw) => raw,
        Err(e) => {
            // a line that names the layers but cannot be read as them is broken; anything
            // else (an array too) is left to the document reader, which names the problem
            let names_layers = line.contains("\"quotes\"") || line.contains("\"actors\"");
            let json = serde_json::from_str::<Value>(line);
            return if names_layers && json.is_ok_and(|v| !v.is_array()) {
                LineKind::Broken(e.to_string())
            } else {
                LineKind::Other
            };
        }
    };
    let id = raw.id_or(position_id);
    if let Some(err) = raw.error {
        return LineKind::Failed(Failure::new(id, err.stage, err.kind, err.message));
    }
    if raw.quotes.is_none() && raw.actors.is_none() {
        return LineKind::Other;
    }
    raw.offsets_to_bytes(unit);
    LineKind::Analysed(DocView {
        id,
        text: raw.text,
        quotes: raw.quotes.unwrap_or_default(),
        actors: raw.actors.unwrap_or_default(),
    })
}

impl DocView {
    /// The report's view of a document the chain analysed.
    pub fn from_document(doc: &Document) -> DocView {
        let text = doc.text();
        DocView {
            id: doc.id().to_owned(),
            text: Some(text.to_owned()),
            quotes: doc
                .quotes()
                .unwrap_or_default()
                .iter()
                .map(|q| QuoteIn::from_quote(q, text))
                .collect(),
            actors: doc
                .actors()
                .unwrap_or_default()
                .iter()
                .map(ActorIn::from_actor)
                .collect(),
        }
    }
}

/// A score as a finite number in `[-1, 1]`, if it is one.
pub fn clean_score(score: Option<f64>) -> Option<f64> {
    score.filter(|s| s.is_finite()).map(|s| s.clamp(-1.0, 1.0))
}

/// The polarity name of a score, with a small dead zone around zero.
pub fn polarity(score: f64) -> &'static str {
    let p = if score > 0.05 {
        Polarity::Positive
    } else if score < -0.05 {
        Polarity::Negative
    } else {
        Polarity::Neutral
    };
    match p {
        Polarity::Positive => "positive",
        Polarity::Negative => "negative",
        Polarity::Neutral => "neutral",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysed_line_without_text_is_read() {
        let line = r#"{"id":"a","quotes":[{"start":0,"end":3,"text":"Hi!","kind":"direct","speaker":{"start":5,"end":8,"text":"Ann","entity":"Ann Lee"}}],"tokens":[{"start":0,"end":2}]}"#;
        let LineKind::Analysed(v) = classify("f:1", line, OffsetUnit::Bytes) else {
            panic!("not analysed");
        };
        assert_eq!(v.id, "a");
        assert!(v.text.is_none());
        assert_eq!(
            v.quotes[0].speaker.as_ref().unwrap().entity.as_deref(),
            Some("Ann Lee")
        );
    }

    #[test]
    fn documents_errors_and_broken_layers_are_told_apart() {
        assert!(matches!(
            classify("f:1", r#"{"text":"plain"}"#, OffsetUnit::Bytes),
            LineKind::Other
        ));
        assert!(matches!(
            classify("f:1", "{oops", OffsetUnit::Bytes),
            LineKind::Other
        ));
        assert!(matches!(
            classify("f:1", r#"{"id":"x","error":{"stage":"input","kind":"k","message":"m"}}"#, OffsetUnit::Bytes),
            LineKind::Failed(f) if &*f.id == "x"
        ));
        assert!(matches!(
            classify("f:1", r#"{"text":"t","quotes":5}"#, OffsetUnit::Bytes),
            LineKind::Broken(_)
        ));
    }

    #[test]
    fn char_offsets_become_bytes() {
        let line = r#"{"text":"Zoë dit «oui»","quotes":[{"start":9,"end":12}]}"#;
        let LineKind::Analysed(v) = classify("f:1", line, OffsetUnit::Chars) else {
            panic!("not analysed");
        };
        let text = v.text.as_deref().unwrap();
        let (s, e) = v.quotes[0].span().range(text).unwrap();
        assert_eq!(&text[s..e], "oui");
    }

    #[test]
    fn bad_offsets_have_no_range() {
        let text = "héllo";
        let off = |s, e| Offsets {
            start: Some(s),
            end: Some(e),
        };
        assert!(off(0, 2).range(text).is_none());
        assert!(off(3, 1).range(text).is_none());
        assert!(off(0, 99).range(text).is_none());
        assert_eq!(off(0, 3).range(text), Some((0, 3)));
    }
}
