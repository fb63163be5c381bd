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

#[test]
fn the_full_document_holds_every_built_in_layer_and_writes_its_field() {
    let doc = full_document();
    let fields = emitted(&Ok(doc.clone()));
    for layer in json::BUILTIN_LAYERS {
        assert!(
            layer.is_present(&doc),
            "full_document lacks `{}`",
            layer.name
        );
        assert!(doc.has_layer(&layer.name), "{}", layer.name);
        if let Some(field) = layer.field() {
            assert!(fields.contains(field), "`{field}` not written");
        }
    }
}

#[test]
fn the_reader_reads_back_what_the_writer_writes() {
    let doc = full_document();
    for offsets in [OffsetUnit::Bytes, OffsetUnit::Chars] {
        let mut line = Vec::new();
        OutputOptions {
            offsets,
            no_text: false,
            layers: None,
        }
        .write_line(&Ok(doc.clone()), &mut line);
        let mut rec = json::RecordIn::read(std::str::from_utf8(&line).unwrap()).unwrap();
        rec.offsets_to_bytes(offsets);
        assert_eq!(rec.id_or("x"), "d1");
        assert_eq!(rec.text.as_deref(), Some(doc.text()));
        let expected: Vec<_> = doc
            .quotes()
            .unwrap()
            .iter()
            .map(|q| json::QuoteIn::from_quote(q, doc.text()))
            .collect();
        assert_eq!(
            format!("{:?}", rec.quotes.unwrap()),
            format!("{expected:?}"),
            "{offsets:?}"
        );
        let expected: Vec<_> = doc
            .actors()
            .unwrap()
            .iter()
            .map(json::ActorIn::from_actor)
            .collect();
        assert_eq!(
            format!("{:?}", rec.actors.unwrap()),
            format!("{expected:?}"),
            "{offsets:?}"
        );
    }
}

/// The line `options` writes for `record` and the serde view of it through `serde_json`.
fn line_and_view(record: &Record, options: OutputOptions) -> (String, String) {
    let mut line = Vec::new();
    options.write_line(record, &mut line);
    let mut view = serde_json::to_vec(&options.view(record)).unwrap();
    view.push(b'\n');
    (
        String::from_utf8(line).unwrap(),
        String::from_utf8(view).unwrap(),
    )
}

#[test]
fn the_serde_view_is_the_written_line_byte_for_byte() {
    #[derive(serde::Serialize, serde::Deserialize)]
    struct Wikidata {
        start: usize,
        end: usize,
        qid: String,
        weight: f32,
    }
    impl Layer for Wikidata {
        const NAME: &'static str = "entities_wikidata";
    }
    let mut full = full_document();
    full.insert_layer(&Wikidata {
        start: 3,
        end: 9,
        qid: "Q159".into(),
        weight: 0.1,
    })
    .unwrap();
    let input = InputOptions::default();
    let fields = input
        .json_document(
            "f:1",
            r#"{"id":12345678901234567890123,"text":"Zoë \"quoted\"\n\ttab\u0001 Ça va","meta":{"a":[1,2.50,-0,1e400],"b":null,"c":true},"quotes":"an input field a layer overwrites","lang":"fr"}"#,
        )
        .unwrap();
    let plain = input
        .json_document("f:2", r#"{"id":-2.5,"text":"Hi"}"#)
        .unwrap();
    let failures = [
        Failure::new("stdin:3", "input", "invalid_json", "bad \"line\""),
        Failure::new("7", "quotes", "panic", "boom").with_number_id(true),
    ];
    let records: Vec<Record> = [full, fields, plain]
        .into_iter()
        .map(Ok)
        .chain(failures.into_iter().map(Err))
        .collect();
    let selections = [
        None,
        Some("tokens"),
        Some("stems,tokens"),
        Some("quotes,actors,lang"),
    ];
    for record in &records {
        for offsets in [OffsetUnit::Bytes, OffsetUnit::Chars] {
            for no_text in [false, true] {
                for layers in selections {
                    let options = OutputOptions {
                        offsets,
                        no_text,
                        layers: layers.map(|l| l.parse().unwrap()),
                    };
                    let (line, view) = line_and_view(record, options);
                    assert_eq!(view, line, "{options:?}");
                }
            }
        }
    }
}
