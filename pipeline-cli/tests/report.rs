//! `nlpipe report` through the real binary: the HTML's content, escaping, self-containment,
//! documents analysed on the way, broken input, and a large input staying small.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::Path;

use serde_json::json;

mod common;
use common::{run_with_stdin as run, scratch};

/// Runs `nlpipe report` with `args` and returns the HTML it wrote.
fn report(dir: &Path, args: &[&str], stdin: &[u8]) -> String {
    let path = dir.join("report.html");
    let mut all: Vec<&str> = vec!["report", "-o", path.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = run(&all, stdin);
    assert!(
        out.status.success(),
        "status {:?}, stderr {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(&path).expect("report written")
}

/// Byte offsets of `needle` in `text`.
fn at(text: &str, needle: &str) -> (usize, usize) {
    let s = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {text:?}"));
    (s, s + needle.len())
}

/// An analysed record in the contract's format, written by hand.
fn analysed(id: &str) -> serde_json::Value {
    let text = "The port of Valmora will reopen, officials said. “We will not let <script>alert(1)</script> stop trade,” said Ines Carvalho, the harbour minister. Carvalho praised Norland for its help but said Estavia had “broken every promise”.";
    let q1 = at(
        text,
        "We will not let <script>alert(1)</script> stop trade,",
    );
    let sp1 = at(text, "Ines Carvalho");
    let q2 = at(text, "broken every promise");
    let sp2 = at(text, "Carvalho praised");
    let sp2 = (sp2.0, sp2.0 + "Carvalho".len());
    let norland = at(text, "Norland");
    let estavia = at(text, "Estavia");
    let valmora = at(text, "Valmora");
    json!({
        "id": id,
        "text": text,
        "tokens": [{"start": 0, "end": 3, "text": "The", "kind": "word"}],
        "quotes": [
            {"start": q1.0, "end": q1.1, "text": &text[q1.0..q1.1], "kind": "direct",
             "speaker": {"start": sp1.0, "end": sp1.1, "text": "Ines Carvalho", "entity": "Ines Carvalho"},
             "cue": null, "confidence": 0.9},
            {"start": q2.0, "end": q2.1, "text": &text[q2.0..q2.1], "kind": "partial",
             "speaker": {"start": sp2.0, "end": sp2.1, "text": "Carvalho", "entity": "Ines Carvalho"},
             "cue": null, "confidence": 0.8},
            {"start": 0, "end": 32, "text": &text[0..32], "kind": "indirect", "speaker": null,
             "cue": null, "confidence": 0.5}
        ],
        "actors": [
            {"entity": "Norland", "type": "country",
             "mentions": [{"start": norland.0, "end": norland.1, "text": "Norland"}],
             "sentiment": {"score": 0.6, "label": "positive", "positive": 1, "negative": 0, "neutral": 0},
             "by_source": [{"source": "Ines Carvalho", "score": 0.6, "label": "positive"}]},
            {"entity": "Estavia", "type": "country",
             "mentions": [{"start": estavia.0, "end": estavia.1, "text": "Estavia"}],
             "sentiment": {"score": -0.7, "label": "negative", "positive": 0, "negative": 1, "neutral": 0},
             "by_source": [{"source": "Ines Carvalho", "score": -0.7, "label": "negative"}]},
            {"entity": "Valmora", "type": "place",
             "mentions": [{"start": valmora.0, "end": valmora.1, "text": "Valmora"}],
             "sentiment": {"score": 0.0, "label": "neutral", "positive": 0, "negative": 0, "neutral": 1},
             "by_source": []}
        ]
    })
}

fn assert_self_contained(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    for bad in ["http://", "https://", "<script", "src=", "@import", "url("] {
        assert!(!html.contains(bad), "the report holds {bad:?}");
    }
}

#[test]
fn report_shows_who_said_what_actors_and_matrix() {
    let dir = scratch("content");
    let input = dir.join("out.jsonl");
    std::fs::write(
        &input,
        format!("{}\n{}\n", analysed("harbour-1"), analysed("harbour-2")),
    )
    .unwrap();
    let html = report(&dir, &[input.to_str().unwrap()], b"");
    assert_self_contained(&html);
    // who said what
    assert!(html.contains("Ines Carvalho"));
    assert!(html.contains("broken every promise"));
    assert!(html.contains("harbour-1") && html.contains("harbour-2"));
    assert!(
        html.contains("(unknown)"),
        "an unattributed quote is shown as such"
    );
    // the input's markup arrives escaped
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // actors as a bar chart and the speaker → actor matrix, as inline SVG
    assert!(html.matches("<svg").count() >= 2);
    for name in ["Norland", "Estavia", "Valmora"] {
        assert!(html.contains(name), "{name}");
    }
    assert!(html.contains("+0.60") && html.contains("-0.70"));
    assert!(html.contains("Ines Carvalho → Estavia"));
    // highlighted text: quotes, speaker and mentions
    assert!(html.contains(r#"class="q qd""#));
    assert!(html.contains(r#"class="sp""#));
    assert!(html.contains(r#"class="m negative""#));
    assert!(html.contains(r#"id="doc-1""#));
}

#[test]
fn report_from_plain_documents_runs_the_chain() {
    let dir = scratch("plain");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(
        docs.join("a.txt"),
        "Le conseil a voté. « Nous avançons », a dit Zoé.",
    )
    .unwrap();
    std::fs::write(docs.join("b.txt"), "Markets rose <b>sharply</b> on Monday.").unwrap();
    let html = report(&dir, &[docs.to_str().unwrap()], b"");
    assert_self_contained(&html);
    assert!(html.contains("a.txt") && html.contains("b.txt"));
    // the default chain found the French quote and its speaker
    assert!(html.contains("Nous avançons"));
    assert!(html.contains("Zoé"));
    assert!(html.contains("Markets rose &lt;b&gt;sharply&lt;/b&gt;"));
    assert!(html.contains("<b>2</b><span>documents</span>"));
}

#[test]
fn report_reads_stdin_and_writes_stdout() {
    let line = format!("{}\n", analysed("from-stdin"));
    let out = run(&["report", "-o", "-"], line.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("from-stdin") && html.contains("Ines Carvalho"));
}

#[test]
fn bad_lines_and_error_records_are_listed_not_fatal() {
    let dir = scratch("bad");
    let mut input = String::new();
    writeln!(input, "{}", analysed("good")).unwrap();
    input.push_str("{not json\n");
    input.push_str("[1, 2]\n");
    input.push_str(
        r#"{"id":"failed-1","error":{"stage":"quotes","kind":"panic","message":"boom <i>"}}"#,
    );
    input.push('\n');
    input.push_str(r#"{"id":"odd","text":"short","quotes":"nope"}"#);
    input.push('\n');
    // offsets past the text, a record without text: shown, not fatal
    input.push_str(r#"{"id":"offsets","text":"tiny","quotes":[{"start":2,"end":999,"text":"x","kind":"direct","speaker":{"start":50,"end":60,"text":"Zed","entity":"Zed"}}],"actors":[{"entity":"Nowhere","mentions":[{"start":1,"end":0}]}]}"#);
    input.push('\n');
    input.push_str(r#"{"id":"notext","quotes":[{"start":0,"end":4,"text":"Hush","kind":"direct","speaker":{"entity":"Quiet Person"}}]}"#);
    input.push('\n');
    let html = report(&dir, &[], input.as_bytes());
    assert_self_contained(&html);
    assert!(html.contains("<b>4</b><span>problems</span>"), "{html}");
    assert!(html.contains("invalid_json") && html.contains("not_an_object"));
    assert!(html.contains("failed-1") && html.contains("boom &lt;i&gt;"));
    assert!(html.contains("invalid_layers"));
    assert!(html.contains("spans not highlighted"));
    assert!(html.contains("Quiet Person") && html.contains("carries no text"));
}

#[test]
fn char_offsets_are_honoured() {
    let dir = scratch("chars");
    let line = r#"{"id":"c","text":"Zoë a dit «oui» hier.","quotes":[{"start":11,"end":14,"kind":"direct","speaker":{"start":0,"end":3,"entity":"Zoë"}}]}"#;
    let html = report(
        &dir,
        &["--offsets", "chars"],
        format!("{line}\n").as_bytes(),
    );
    assert!(
        html.contains(r#"title="direct quote, said by Zoë">oui</span>"#),
        "{html}"
    );
}

#[test]
fn ten_thousand_records_make_a_bounded_report() {
    let dir = scratch("big");
    let input = dir.join("big.jsonl");
    let mut data = String::new();
    for i in 0..10_000 {
        let speaker = format!("Speaker {}", i % 40);
        let actor = format!("Actor {}", i % 60);
        let text = format!("\"Line {i} is fine,\" said {speaker} about {actor}.");
        let q = at(&text, &format!("Line {i} is fine,"));
        let s = at(&text, &speaker);
        let a = at(&text, &actor);
        let score = f64::from(i % 21) / 10.0 - 1.0;
        let rec = json!({"id": format!("doc-{i}"), "text": text,
            "quotes": [{"start": q.0, "end": q.1, "text": &text[q.0..q.1], "kind": "direct",
                "speaker": {"start": s.0, "end": s.1, "text": speaker, "entity": speaker}}],
            "actors": [{"entity": actor, "type": "person", "mentions": [{"start": a.0, "end": a.1}],
                "sentiment": {"score": score, "label": "neutral", "positive": 0, "negative": 0, "neutral": 1},
                "by_source": [{"source": speaker, "score": score, "label": "neutral"}]}]});
        writeln!(data, "{rec}").unwrap();
    }
    std::fs::write(&input, data).unwrap();
    let html = report(&dir, &[input.to_str().unwrap()], b"");
    assert!(html.contains("<b>10000</b><span>documents</span>"));
    assert!(html.contains("The first 100 of 10000 documents"));
    assert!(html.contains("The first 500 of 10000 quotes"));
    assert!(html.contains("doc-0") && !html.contains("doc-9999"));
    assert!(html.len() < 1_500_000, "report is {} bytes", html.len());
    // the limits are flags
    let small = report(
        &dir,
        &[
            input.to_str().unwrap(),
            "--docs",
            "3",
            "--quotes",
            "5",
            "--actors",
            "4",
        ],
        b"",
    );
    assert!(small.contains("The first 3 of 10000 documents"));
    assert!(small.len() < html.len() / 3);
}

#[test]
fn the_sample_renders_every_section() {
    // the sample that docs/render-report.sh is shown with in docs/cli.md
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/report-sample.jsonl");
    let dir = scratch("sample");
    let html = report(&dir, &[sample.to_str().unwrap()], b"");
    assert_self_contained(&html);
    for id in ["quotes", "actors", "matrix", "documents", "problems"] {
        assert!(html.contains(&format!(r#"<section id="{id}">"#)), "{id}");
    }
    assert!(html.contains("<b>8</b><span>quotes</span>"));
    assert!(html.contains("Lena Okafor → Norland"));
    assert!(html.contains("the tariffs &lt;b&gt;could&lt;/b&gt; spread"));
}

#[test]
fn an_unwritable_report_exits_2_naming_it_and_leaves_nothing() {
    let dir = scratch("unwritable");
    let target = dir.join("missing-dir/report.html");
    let line = format!("{}\n", analysed("x"));
    let out = run(&["report", "-o", target.to_str().unwrap()], line.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing-dir/report.html"), "{err}");
    assert!(!dir.join("missing-dir").exists());
    // -o is required
    let out = run(&["report"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn analysed_records_and_documents_mix_in_input_order() {
    let dir = scratch("mixed");
    let mut input = String::new();
    writeln!(
        input,
        "{}",
        json!({"id": "plain-1", "text": "Talks resumed in Brask."})
    )
    .unwrap();
    writeln!(input, "{}", analysed("analysed-2")).unwrap();
    writeln!(
        input,
        "{}",
        json!({"id": "plain-3", "text": "Rain is expected."})
    )
    .unwrap();
    let html = report(&dir, &["--input", "jsonl"], input.as_bytes());
    assert!(html.contains("<b>3</b><span>documents</span>"));
    let pos = |id: &str| {
        html.find(&format!(">{id}</a></h3>"))
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert!(pos("plain-1") < pos("analysed-2") && pos("analysed-2") < pos("plain-3"));
    assert!(html.contains(r#"id="doc-2""#) && html.contains("Ines Carvalho"));
}
