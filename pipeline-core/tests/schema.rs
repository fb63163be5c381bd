//! `docs/schema.md` documents exactly the fields the writer emits.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use pipeline_core::*;
use serde_json::Value;

/// A document with every built-in layer filled, every optional field set.
fn full_document() -> Document {
    let text = "“We trust Russia,” Hussain said.";
    let span = |s: &str| {
        let start = text.find(s).unwrap();
        Span::new(text, start, start + s.len()).unwrap()
    };
    let mut doc = Document::new("d1", text);
    doc.set_lang(Language {
        code: "en".into(),
        name: "English".into(),
        script: "Latin".into(),
        confidence: 0.9,
        reliable: true,
        source: "detected".into(),
    });
    doc.set_sentences(vec![Sentence { span: span(text) }])
        .unwrap();
    let mut token = Token::new(span("Hussain"), TokenKind::Word);
    token.stem = Some("hussain".into());
    doc.set_tokens(vec![token]).unwrap();
    doc.set_quotes(vec![Quote {
        span: span("We trust Russia,"),
        kind: QuoteKind::Direct,
        speaker: Some(Speaker {
            span: span("Hussain"),
            entity: "Mian Hilal Hussain".into(),
        }),
        cue: Some(span("said")),
        confidence: 0.9,
    }])
    .unwrap();
    doc.set_actors(vec![Actor {
        entity: "Russia".into(),
        kind: ActorKind::Country,
        mentions: vec![Mention {
            span: span("Russia"),
            score: Some(0.5),
        }],
        sentiment: Sentiment {
            score: 0.5,
            label: Polarity::Positive,
            positive: 1,
            negative: 0,
            neutral: 0,
        },
        by_source: vec![SourceSentiment {
            source: "Mian Hilal Hussain".into(),
            score: 0.5,
            label: Polarity::Positive,
            mentions: 1,
        }],
    }])
    .unwrap();
    doc.set_targets(vec![Target {
        span: span("Russia"),
        sentiment: Some(TargetSentiment {
            score: 0.5,
            label: Polarity::Positive,
        }),
    }])
    .unwrap();
    doc
}

fn paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(p.clone());
                paths(v, &p, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

fn emitted(record: &Record) -> BTreeSet<String> {
    let mut line = Vec::new();
    OutputOptions::default().write_line(record, &mut line);
    let value: Value = serde_json::from_slice(&line).unwrap();
    let mut out = BTreeSet::new();
    paths(&value, "", &mut out);
    out
}

fn documented() -> BTreeSet<String> {
    let schema =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/schema.md")).unwrap();
    schema
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn schema_doc_lists_exactly_the_emitted_fields() {
    let mut out = emitted(&Ok(full_document()));
    out.extend(emitted(&Err(Failure::new(
        "d2",
        "input",
        "invalid_json",
        "bad",
    ))));
    let doc = documented();
    let undocumented: Vec<_> = out.difference(&doc).collect();
    let never_emitted: Vec<_> = doc.difference(&out).collect();
    assert!(
        undocumented.is_empty(),
        "emitted but not in docs/schema.md: {undocumented:?}"
    );
    assert!(
        never_emitted.is_empty(),
        "in docs/schema.md but never emitted: {never_emitted:?}"
    );
}
