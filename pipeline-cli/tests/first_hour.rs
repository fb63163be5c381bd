//! What a new user meets first, through the real binary: lines on stderr for inputs that
//! yield nothing but errors or look binary, UTF-16/UTF-32 decoding, the note on files a
//! folder skips, the tally at the end, no progress bar on a pipe, id types, "did you
//! mean", the layout of TOML errors, and the README's tour on the example articles.
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

/// `text` in `enc` (`utf16le`, `utf16be`, `utf32le`, `utf32be`), with its byte-order mark
/// when `bom`.
fn encode(text: &str, enc: &str, bom: bool) -> Vec<u8> {
    let chars = bom.then_some('\u{feff}').into_iter().chain(text.chars());
    let mut out = Vec::new();
    for c in chars {
        let mut units = [0u16; 2];
        match enc {
            "utf16le" => c
                .encode_utf16(&mut units)
                .iter()
                .for_each(|u| out.extend(u.to_le_bytes())),
            "utf16be" => c
                .encode_utf16(&mut units)
                .iter()
                .for_each(|u| out.extend(u.to_be_bytes())),
            "utf32le" => out.extend((c as u32).to_le_bytes()),
            "utf32be" => out.extend((c as u32).to_be_bytes()),
            _ => panic!("{enc}"),
        }
    }
    out
}

const SAID: &str = "Zoë Durand a déclaré «nous allons signer» à Genève.\r\nLes négociations \
                    reprendront lundi matin avec les ministres des deux pays.";

#[test]
fn utf16_and_utf32_with_a_bom_are_decoded_files_and_stdin_text_and_jsonl() {
    let dir = scratch("bom");
    let jsonl = format!("{{\"id\": 1, \"text\": {}}}\n", serde_json::json!(SAID));
    for enc in ["utf16le", "utf16be", "utf32le", "utf32be"] {
        let text_file = dir.join(format!("{enc}.txt"));
        std::fs::write(&text_file, encode(SAID, enc, true)).unwrap();
        let jsonl_file = dir.join(format!("{enc}.jsonl"));
        std::fs::write(&jsonl_file, encode(&jsonl, enc, true)).unwrap();
        let out = nlpipe()
            .args(["run", "--stages", "lang,tokens"])
            .arg(&text_file)
            .arg(&jsonl_file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{enc}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{enc}");
        let recs = records(&out);
        assert_eq!(recs.len(), 2);
        for rec in &recs {
            assert_eq!(
                rec["text"], SAID,
                "{enc}: the BOM is stripped, the rest decoded"
            );
            assert_eq!(rec["lang"]["code"], "fr", "{enc}");
            // offsets are in the decoded UTF-8 text: `déclaré` starts after `Zoë Durand a `
            let said = rec["tokens"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["text"] == "déclaré")
                .unwrap();
            assert_eq!(said["start"], "Zoë Durand a ".len(), "{enc}");
        }
        assert_eq!(recs[1]["id"], 1);
        // stdin: the mode is sniffed after decoding (jsonl: the first character is `{`)
        for (input, want_id) in [
            (encode(SAID, enc, true), "stdin"),
            (encode(&jsonl, enc, true), "1"),
        ] {
            let out = run_with_stdin(&["run", "--stages", "lang"], &input);
            assert_eq!(out.status.code(), Some(0), "{enc}: {}", stderr(&out));
            let recs = records(&out);
            assert_eq!(recs[0]["text"], SAID, "{enc} on stdin");
            assert_eq!(recs[0]["id"].to_string().trim_matches('"'), want_id);
        }
    }
    // a UTF-8 BOM is stripped as before, in text and JSON Lines
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend(jsonl.as_bytes());
    let out = run_with_stdin(&["run", "--stages", "lang"], &utf8);
    assert_eq!(records(&out)[0]["text"], SAID);
    let file = dir.join("bom8.txt");
    std::fs::write(&file, [b"\xEF\xBB\xBF", SAID.as_bytes()].concat()).unwrap();
    let out = nlpipe()
        .args(["run", "--stages", "lang"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(records(&out)[0]["text"], SAID);
}

#[test]
fn utf16_without_a_bom_is_refused_naming_the_encoding() {
    let dir = scratch("no-bom");
    let file = dir.join("wide.txt");
    std::fs::write(&file, encode(SAID, "utf16le", false)).unwrap();
    let out = nlpipe()
        .args(["run", "--stages", "lang"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("wide.txt: looks like UTF-16LE without a byte-order mark"),
        "{err}"
    );
    assert!(err.contains("iconv -f UTF-16LE -t UTF-8"), "{err}");
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["error"]["kind"], "unsupported_encoding");
    let out = run_with_stdin(
        &["run", "--stages", "lang"],
        &encode(SAID, "utf16be", false),
    );
    assert!(
        stderr(&out).contains("stdin: looks like UTF-16BE"),
        "{}",
        stderr(&out)
    );
    assert_eq!(records(&out)[0]["id"], "stdin");
}

#[test]
fn a_binary_file_is_skipped_with_one_line_and_one_error_record() {
    let dir = scratch("binary");
    let file = dir.join("x.jsonl");
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    for i in 0..5000u32 {
        bytes.extend(i.to_le_bytes());
        bytes.extend(b"\n\xff\0");
    }
    std::fs::write(&file, &bytes).unwrap();
    let good = dir.join("good.txt");
    std::fs::write(
        &good,
        "The talks resumed on Monday morning with the ministers of both countries.",
    )
    .unwrap();
    let out = nlpipe()
        .args(["run", "--stages", "lang"])
        .arg(&file)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("x.jsonl: looks binary (NUL byte at offset 7); not read"),
        "{err}"
    );
    let recs = records(&out);
    assert_eq!(
        recs.len(),
        2,
        "one error record for the file, not one per line"
    );
    assert_eq!(recs[0]["error"]["kind"], "binary");
    assert_eq!(recs[1]["lang"]["code"], "en");
}

#[test]
fn an_input_of_only_error_records_gets_a_line_with_the_count() {
    let dir = scratch("all-errors");
    let file = dir.join("wrong.jsonl");
    std::fs::write(&file, "{\"body\": \"a\"}\n{\"body\": \"b\"}\nnot json\n").unwrap();
    let mixed = dir.join("mixed.jsonl");
    std::fs::write(&mixed, "{\"text\": \"fine\"}\nnot json\n").unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9 ol\xe9").unwrap();
    let out = nlpipe()
        .args(["run", "--stages", "lang"])
        .args([&file, &mixed, &latin1])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("nlpipe: "), "{err}");
    assert!(
        lines[0].ends_with(
            "wrong.jsonl: all 3 records are errors (first: missing_text: no `text` field)"
        ),
        "{err}"
    );
    assert!(lines[1].contains("latin1.txt: not UTF-8 (first invalid byte at offset 3): its only record is an error (invalid_utf8: "), "{err}");
    assert_eq!(records(&out).len(), 6);
    // with --lossy the Latin-1 file is read, and nothing is said about it
    let out = nlpipe()
        .args(["run", "--stages", "lang", "--lossy"])
        .arg(&latin1)
        .output()
        .unwrap();
    assert_eq!((out.status.code(), stderr(&out)), (Some(0), String::new()));
}

#[test]
fn a_folder_notes_the_files_it_skips_by_extension() {
    let dir = scratch("skipped");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), "Talks resumed.").unwrap();
    for name in ["b.gz", "c.gz", "sub/d.gz", "sub/e.csv", "README"] {
        std::fs::write(dir.join(name), "x").unwrap();
    }
    let out = nlpipe()
        .args(["run", "--stages", "lang"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    let d = dir.display();
    assert_eq!(
        err,
        format!(
            "nlpipe: {d}: skipped 5 files not named *.txt or *.jsonl (3 .gz, 1 .csv, 1 no extension): \
             {d}/README, {d}/b.gz, {d}/c.gz, …\n"
        )
    );
    assert_eq!(records(&out).len(), 1);
}

#[test]
fn on_a_pipe_stderr_stays_quiet_unless_summary_is_asked() {
    let dir = scratch("tally");
    std::fs::write(dir.join("a.txt"), "Talks resumed.").unwrap();
    std::fs::write(
        dir.join("b.jsonl"),
        "{\"id\": 2, \"text\": \"Hello.\"}\nnot json\n",
    )
    .unwrap();
    let quiet = nlpipe()
        .args(["run", "--stages", "lang"])
        .arg(dir.join("a.txt"))
        .output()
        .unwrap();
    assert_eq!(quiet.status.code(), Some(0));
    assert!(
        quiet.stderr.is_empty(),
        "no bar, no tally on a pipe: {:?}",
        stderr(&quiet)
    );
    let out = nlpipe()
        .args(["run", "--stages", "lang", "--summary"])
        .arg(&dir)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(
        !err.contains('\r') && !err.contains('\u{1b}'),
        "no progress bar: {err:?}"
    );
    let tally = err
        .lines()
        .find(|l| l.contains("documents"))
        .expect("the tally");
    let size = std::fs::metadata(dir.join("a.txt")).unwrap().len()
        + std::fs::metadata(dir.join("b.jsonl")).unwrap().len();
    let want = format!("nlpipe: 3 documents, 1 error, {size} B in ");
    assert!(tally.starts_with(&want), "{tally}");
    assert!(
        tally.ends_with(" docs/s)") && tally.contains("B/s, "),
        "{tally}"
    );
    assert!(
        err.lines().any(|l| l.starts_with("nlpipe:   lang ")),
        "time per stage: {err}"
    );
    let both = nlpipe()
        .args(["run", "--summary", "--no-summary"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2));
}

/// `script` (util-linux) runs a command on a pseudo-terminal.
fn on_a_terminal(command: &str) -> Option<String> {
    let out = std::process::Command::new("script")
        .args(["-qec", command, "/dev/null"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn on_a_terminal_the_bar_is_drawn_and_the_tally_printed() {
    let dir = scratch("terminal");
    let file = dir.join("a.txt");
    std::fs::write(&file, "Talks resumed.").unwrap();
    let bin = env!("CARGO_BIN_EXE_nlpipe");
    let command = format!(
        "{bin} run --stages lang {} > {}",
        file.display(),
        dir.join("out").display()
    );
    let Some(screen) = on_a_terminal(&command) else {
        eprintln!("no `script` here: the terminal test is not run");
        return;
    };
    assert!(
        screen.contains("nlpipe: 1 document, 0 errors, 14 B in "),
        "{screen:?}"
    );
    let quiet = format!("{command} --no-summary --no-progress");
    let screen = on_a_terminal(&quiet).unwrap();
    assert!(!screen.contains("nlpipe:"), "{screen:?}");
}

/// The README's shell blocks, line by line (the lines between ```sh and ```).
fn readme_shell_lines(root: &std::path::Path) -> Vec<String> {
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut inside = false;
    let mut lines = Vec::new();
    for line in readme.lines() {
        match line.trim() {
            "```sh" => inside = true,
            "```" => inside = false,
            l if inside => lines.push(l.to_string()),
            _ => {}
        }
    }
    lines
}

#[test]
fn the_readme_commands_need_nothing_beside_the_repository() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let lines = readme_shell_lines(&root);
    assert!(lines.len() > 10, "README shell blocks not found");
    for line in &lines {
        assert!(
            !line.contains("../shared"),
            "needs the evaluation data: {line}"
        );
        // every repository path a command names exists
        for word in line.split_whitespace() {
            if word.starts_with("examples/") || word.starts_with("docs/") {
                assert!(
                    root.join(word).exists(),
                    "{word} in {line:?} does not exist"
                );
            }
        }
    }
    // the tour: quotes and actors of the first example article
    let out = nlpipe()
        .current_dir(&root)
        .args(["run", "--no-text", "--layers", "quotes,actors"])
        .arg("examples/articles/01-harbour-deal.txt")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let record = &records(&out)[0];
    let quotes = record["quotes"].as_array().unwrap();
    let by = |kind: &str, entity: &str| {
        quotes
            .iter()
            .any(|q| q["kind"] == kind && q["speaker"]["entity"] == entity)
    };
    assert!(by("direct", "Ayesha Rahman"), "{quotes:?}");
    assert!(by("indirect", "Ayesha Rahman"), "{quotes:?}");
    assert!(by("partial", "Mehmet Kaya"), "{quotes:?}");
    // `“We are not worried about the cost,” she added`: her, not the last speaker (him)
    let she = quotes
        .iter()
        .any(|q| q["speaker"]["text"] == "she" && q["speaker"]["entity"] == "Ayesha Rahman");
    assert!(she, "{quotes:?}");
    assert!(record.get("tokens").is_none(), "--layers left tokens in");
    // and the report of the tour, on the example folder
    let dir = scratch("readme-report");
    let html = dir.join("report.html");
    let out = nlpipe()
        .current_dir(&root)
        .args(["report", "examples/articles", "-o"])
        .arg(&html)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("Ayesha Rahman"),
        "report without the tour's speaker"
    );
}
