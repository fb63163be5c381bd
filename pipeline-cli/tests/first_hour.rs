//! What a new user meets first, through the real binary: lines on stderr for inputs that
//! yield nothing but errors or look binary, UTF-16/UTF-32 decoding, the note on files a
//! folder skips, the tally at the end, no progress bar on a pipe, id types, "did you
//! mean" and the layout of TOML errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{nlpipe, records, run_with_stdin, scratch};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_mistyped_subcommand_gets_did_you_mean_and_exit_2() {
    let out = nlpipe().arg("rnu").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unrecognized subcommand 'rnu'"), "{err}");
    assert!(err.contains("a similar subcommand exists: 'run'"), "{err}");
}

#[test]
fn a_toml_syntax_error_keeps_its_lines_and_caret() {
    let dir = scratch("toml-layout");
    let config = dir.join("bad.toml");
    std::fs::write(&config, "[runner]\njobs = 2\n[[stage\ntype = \"lang\"\n").unwrap();
    let out = nlpipe()
        .args(["run", "--config"])
        .arg(&config)
        .arg(dir.join("none.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.len() >= 4, "{err}");
    assert!(
        lines[0].starts_with("nlpipe: config ") && lines[0].contains("line 3"),
        "{err}"
    );
    assert!(lines.iter().any(|l| l.starts_with("3 | [[stage")), "{err}");
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start_matches([' ', '|']).starts_with('^')),
        "{err}"
    );
}

#[test]
fn ids_keep_their_json_type_in_documents_and_error_records() {
    let input = concat!(
        "{\"id\": 5, \"text\": \"Five.\"}\n",
        "{\"id\": \"6\", \"text\": \"Six.\"}\n",
        "{\"id\": 7.5, \"text\": 7}\n",
        "{\"id\": \"x\", \"text\": 7}\n",
        "{\"text\": \"no id\"}\n",
    );
    let out = run_with_stdin(&["run", "--stages", "lang", "--no-text"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs[0]["id"], serde_json::json!(5));
    assert_eq!(recs[1]["id"], serde_json::json!("6"));
    assert_eq!(recs[2]["id"], serde_json::json!(7.5));
    assert_eq!(recs[2]["error"]["kind"], "invalid_text");
    assert_eq!(recs[3]["id"], serde_json::json!("x"));
    assert_eq!(recs[4]["id"], serde_json::json!("stdin:5"));
    // the raw line keeps the number as written
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.starts_with("{\"id\":5,"), "{text}");
}
