//! Behaviour of the real `nlpipe` binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

mod common;
use common::{nlpipe, records, run_with_stdin, scratch};

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("parent dir");
    }
    std::fs::write(path, text).expect("write fixture");
}

#[test]
fn stages_lists_every_registered_stage() {
    let out = nlpipe().arg("stages").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for name in ["lang", "tokens", "stems"] {
        assert!(
            text.lines().any(|l| l.starts_with(name)),
            "{name} missing in {text}"
        );
    }
}

#[test]
fn folder_input_reads_txt_and_jsonl_recursively_in_sorted_order() {
    let dir = scratch("folder");
    write(&dir.join("b.txt"), "Second article. It is short.");
    write(&dir.join("a.txt"), "First article about Islamabad.");
    write(
        &dir.join("sub/c.jsonl"),
        "{\"id\":\"c1\",\"text\":\"Third.\"}\n\n{\"text\":\"Fourth.\"}\n",
    );
    write(&dir.join("notes.md"), "ignored");
    let out = nlpipe()
        .args(["run", "--stages", "tokens"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    let ids: Vec<String> = recs
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let a = dir.join("a.txt").display().to_string();
    let b = dir.join("b.txt").display().to_string();
    let c = dir.join("sub/c.jsonl").display().to_string();
    assert_eq!(ids, [a, b, "c1".to_owned(), format!("{c}:3")]);
    assert!(recs[0]["tokens"].as_array().unwrap().len() >= 4);
}

#[test]
fn stdin_jsonl_passes_extra_fields_through_and_keeps_ids() {
    let input = concat!(
        "{\"id\":\"n1\",\"text\":\"Talks went well.\",\"source\":{\"name\":\"wire\"},\"tags\":[1,2]}\n",
        "{\"text\":\"No id here.\",\"lang\":\"en\"}\n",
    );
    let out = run_with_stdin(&["run", "--stages", "lang,tokens,stems"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"], "n1");
    assert_eq!(recs[0]["source"]["name"], "wire");
    assert_eq!(recs[0]["tags"][1], 2);
    assert_eq!(recs[1]["id"], "stdin:2");
    assert_eq!(recs[1]["lang"]["code"], "en");
    assert_eq!(recs[1]["lang"]["source"], "input");
    assert_eq!(recs[1]["tokens"][0]["stem"], "no");
}

#[test]
fn char_offsets_on_non_ascii_text() {
    let input = "{\"id\":\"x\",\"text\":\"Zoë’s café — «Москва» 東京 said.\"}\n";
    for unit in ["bytes", "chars"] {
        let out = run_with_stdin(
            &["run", "--stages", "tokens", "--offsets", unit],
            input.as_bytes(),
        );
        assert!(out.status.success());
        let rec = &records(&out)[0];
        let text: Vec<char> = rec["text"].as_str().unwrap().chars().collect();
        let bytes = rec["text"].as_str().unwrap().as_bytes();
        for tok in rec["tokens"].as_array().unwrap() {
            let (s, e) = (
                tok["start"].as_u64().unwrap() as usize,
                tok["end"].as_u64().unwrap() as usize,
            );
            let slice: String = if unit == "chars" {
                text[s..e].iter().collect()
            } else {
                String::from_utf8(bytes[s..e].to_vec()).unwrap()
            };
            assert_eq!(slice, tok["text"].as_str().unwrap(), "{unit}");
        }
    }
}

#[test]
fn order_is_kept_with_two_jobs_on_ten_thousand_documents() {
    let mut input = String::new();
    for i in 0..10_000 {
        // uneven sizes so documents finish out of order inside a stage
        let body = "The minister said talks would go on. ".repeat(1 + (i * 7919) % 23);
        input.push_str(&format!(
            "{{\"id\":\"doc-{i}\",\"text\":{}}}\n",
            serde_json::to_string(&body).unwrap()
        ));
    }
    let out = run_with_stdin(&["run", "--jobs", "2", "--no-text"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out);
    assert_eq!(recs.len(), 10_000);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["id"], format!("doc-{i}"));
        assert!(r.get("text").is_none());
    }
}

/// Up to 3 jobs the writer thread serialises; with more the workers do: the bytes written
/// are the same either way, error records and exit status included.
#[test]
fn the_same_bytes_whoever_serialises() {
    let mut input = String::new();
    for i in 0..300 {
        let body = "«Nous continuerons», a dit la ministre. \"We will not stop,\" she said. "
            .repeat(1 + i % 7);
        input.push_str(&format!(
            "{{\"id\":{i},\"text\":{}}}\n",
            serde_json::to_string(&body).unwrap()
        ));
        if i == 150 {
            input.push_str("{not json\n");
        }
    }
    let run = |jobs: &str| {
        let out = run_with_stdin(
            &["run", "--jobs", jobs, "--offsets", "chars"],
            input.as_bytes(),
        );
        assert_eq!(out.status.code(), Some(1), "jobs {jobs}: one error record");
        out.stdout
    };
    let one = run("1");
    assert_eq!(String::from_utf8_lossy(&one).lines().count(), 301);
    assert!(one == run("3"), "writer thread serialising, 1 vs 3 jobs");
    assert!(
        one == run("4"),
        "workers serialising (4 jobs) vs the writer thread"
    );
}

#[test]
fn malformed_json_line_becomes_an_error_record_in_place() {
    let input = "{\"id\":\"a\",\"text\":\"Fine.\"}\n{\"id\": oops}\n[1,2]\n{\"id\":\"d\",\"text\":\"Also fine.\"}\n";
    let out = run_with_stdin(
        &["run", "--stages", "tokens", "--input", "jsonl"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 4);
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(recs[1]["id"], "stdin:2");
    assert_eq!(recs[1]["error"]["kind"], "invalid_json");
    assert_eq!(recs[1]["error"]["stage"], "input");
    assert_eq!(recs[2]["error"]["kind"], "not_an_object");
    assert_eq!(recs[3]["id"], "d");
    assert!(recs[3]["tokens"].is_array());
}

#[test]
fn bad_config_key_exits_2_naming_file_stage_and_key() {
    let dir = scratch("config");
    let cfg = dir.join("chain.toml");
    write(
        &cfg,
        "[[stage]]\ntype = \"tokens\"\n\n[[stage]]\ntype = \"stems\"\nalgorithm = \"porter\"\n",
    );
    let out = nlpipe()
        .args(["run", "--config"])
        .arg(&cfg)
        .arg(&cfg)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&cfg.display().to_string()), "{err}");
    assert!(
        err.contains("`stems`") && err.contains("algorithm"),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    write(&cfg, "[[stage]]\ntype = \"tokenz\"\n");
    let out = nlpipe()
        .args(["run", "--config"])
        .arg(&cfg)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown type `tokenz`") && err.contains("`tokens`"),
        "{err}"
    );
}

#[test]
fn stages_in_an_impossible_order_exit_2() {
    let out = nlpipe()
        .args(["run", "--stages", "stems,tokens"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("`stems` requires layer `tokens`"), "{err}");
}

#[test]
fn sentiment_before_quotes_exits_2_asking_for_quotes_first() {
    let out = nlpipe()
        .args(["run", "--stages", "lang,tokens,sentiment,quotes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "stage `sentiment` reads the `quotes` layer, which stage `quotes` provides later \
             in the chain: put `quotes` before `sentiment`"
        ),
        "{err}"
    );
}

#[test]
fn missing_input_file_exits_2_naming_it() {
    let out = nlpipe()
        .args(["run", "/definitely/not/here.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("/definitely/not/here.txt"));
}

#[test]
fn config_file_builds_the_chain_and_runner() {
    let dir = scratch("goodconfig");
    let cfg = dir.join("chain.toml");
    write(&cfg, "[runner]\nchannel_capacity = 4\njobs = 2\n\n[[stage]]\ntype = \"lang\"\n\n[[stage]]\ntype = \"tokens\"\n");
    let out = run_with_stdin(
        &["run", "--config", cfg.to_str().unwrap()],
        b"Le ministre a dit que les discussions continueraient demain matin.",
    );
    assert!(out.status.success());
    let rec = &records(&out)[0];
    assert_eq!(rec["id"], "stdin");
    assert_eq!(rec["lang"]["code"], "fr");
    assert!(rec.get("tokens").is_some());
    assert!(rec["tokens"][0].get("stem").is_none());
}

#[test]
fn lang_backend_whatlang_from_a_config_file() {
    let dir = scratch("whatlang");
    let input = "{\"id\":\"en\",\"text\":\"The finance minister told reporters on Tuesday that the budget would reach parliament next month.\"}\n\
                 {\"id\":\"sw\",\"text\":\"Waziri wa fedha aliwaambia waandishi wa habari kwamba bajeti itawasilishwa bungeni mwezi ujao.\"}\n";
    let lang_of = |backend: Option<&str>| {
        let cfg = dir.join("lang.toml");
        let option = backend.map_or(String::new(), |b| format!("backend = \"{b}\"\n"));
        write(&cfg, &format!("[[stage]]\ntype = \"lang\"\n{option}"));
        let out = run_with_stdin(
            &["run", "--config", cfg.to_str().unwrap()],
            input.as_bytes(),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        records(&out)
            .iter()
            .map(|r| r["lang"]["code"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    // our model knows Swahili; whatlang lacks it and so never says `sw`
    assert_eq!(lang_of(None), ["en", "sw"]);
    assert_eq!(lang_of(Some("ngram")), ["en", "sw"]);
    let theirs = lang_of(Some("whatlang"));
    assert_eq!(theirs[0], "en");
    assert_ne!(theirs[1], "sw");
    // a backend that does not exist is a config mistake naming the choices
    let cfg = dir.join("bad.toml");
    write(&cfg, "[[stage]]\ntype = \"lang\"\nbackend = \"lingua\"\n");
    let out = run_with_stdin(&["run", "--config", cfg.to_str().unwrap()], b"x");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("backend") && err.contains("whatlang"), "{err}");
}

#[test]
fn lines_mode_gives_one_document_per_line() {
    let out = run_with_stdin(
        &["run", "--stages", "tokens", "--input", "lines"],
        b"one line\r\n\r\ntwo line\n",
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["text"], "one line");
    assert_eq!(recs[1]["id"], "stdin:3");
}

#[test]
fn max_doc_bytes_turns_big_documents_into_error_records() {
    let input = format!(
        "{{\"text\":\"{}\"}}\n{{\"text\":\"small\"}}\n",
        "a".repeat(5000)
    );
    let out = run_with_stdin(
        &["run", "--stages", "tokens", "--max-doc-bytes", "1000"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs[0]["error"]["kind"], "too_large");
    assert_eq!(recs[1]["text"], "small");
}

#[test]
fn layers_writes_only_the_chosen_layers_with_id_and_passthrough() {
    let input = concat!(
        "{\"id\":\"q1\",\"text\":\"“We will win,” said Putin about Russia.\",\"feed\":\"wire\"}\n",
        "{\"id\": oops}\n",
    );
    let out = run_with_stdin(
        &["run", "--layers", "quotes,actors", "--no-text"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    let keys: Vec<_> = recs[0].as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["id", "feed", "quotes", "actors"]);
    assert_eq!(recs[0]["quotes"][0]["text"], "We will win,");
    assert_eq!(recs[1]["error"]["kind"], "invalid_json");
}

#[test]
fn layers_tokens_without_stems_drops_the_stem() {
    let input = "{\"id\":\"t\",\"text\":\"Talks went well.\"}\n";
    let out = run_with_stdin(&["run", "--layers", "tokens"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let rec = &records(&out)[0];
    assert_eq!(rec["text"], "Talks went well.");
    assert!(rec["tokens"][0].get("stem").is_none());
    assert!(rec.get("lang").is_none() && rec.get("sentences").is_none());
    let out = run_with_stdin(&["run", "--layers", "tokens,stems"], input.as_bytes());
    assert_eq!(records(&out)[0]["tokens"][0]["stem"], "talk");
}

#[test]
fn unknown_layer_exits_2_naming_the_valid_layers() {
    for (arg, wanted) in [
        ("quotes,actor", "unknown layer `actor`"),
        ("stems", "select `tokens` too"),
    ] {
        let out = run_with_stdin(&["run", "--layers", arg], b"{\"text\":\"Hi.\"}\n");
        assert_eq!(out.status.code(), Some(2), "{arg}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(wanted), "{err}");
        if arg != "stems" {
            assert!(
                err.contains("lang, sentences, tokens, stems, quotes, actors"),
                "{err}"
            );
        }
    }
}

#[test]
fn layers_run_only_the_stages_they_need_and_write_the_same_values() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"“We will not pay,” the minister said of Russia. ",
        "Ms. Ortega called the plan reckless.\"}\n",
    );
    let full = records(&run_with_stdin(&["run"], input.as_bytes()));
    let out = run_with_stdin(
        &["run", "--layers", "quotes", "--summary"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    // the same quotes as the whole chain writes, without the stages of other layers
    assert_eq!(records(&out)[0]["quotes"], full[0]["quotes"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("quotes") && err.contains("tokens"), "{err}");
    assert!(
        !err.contains("sentiment") && !err.contains("stems"),
        "{err}"
    );
    // actors still need the quotes stage (speakers), but not the stems
    let out = run_with_stdin(
        &["run", "--layers", "actors", "--summary"],
        input.as_bytes(),
    );
    assert_eq!(records(&out)[0]["actors"], full[0]["actors"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("quotes") && err.contains("sentiment"), "{err}");
    assert!(!err.contains("stems"), "{err}");
}
