//! Bad input, faults and abuse, through the real binary: every input record is answered
//! by exactly one output record, in order; the process never panics nor hangs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

mod common;
use common::{nlpipe, records, run_with_stdin, scratch, spawn};

fn no_panic(out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "stderr shows a panic: {err}");
}

// ---------------------------------------------------------------- input

#[test]
fn invalid_utf8_is_an_error_record_naming_the_offset_or_replaced_with_lossy() {
    let input = b"{\"text\":\"ok\"}\n{\"text\":\"bad \xff byte\"}\n{\"text\":\"fine\"}\n";
    let out = run_with_stdin(&["run", "--stages", "tokens"], input);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[1]["error"]["kind"], "invalid_utf8");
    assert!(recs[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("byte offset 13"));
    let out = run_with_stdin(&["run", "--stages", "tokens", "--lossy"], input);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(records(&out)[1]["text"], "bad \u{fffd} byte");

    let dir = scratch("utf8");
    std::fs::write(dir.join("a.txt"), b"Latin-1 caf\xe9 text").unwrap();
    let out = nlpipe()
        .args(["run", "--stages", "tokens"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rec = &records(&out)[0];
    assert_eq!(rec["error"]["kind"], "invalid_utf8");
    assert!(rec["error"]["message"]
        .as_str()
        .unwrap()
        .contains("byte offset 11"));
}

#[test]
fn bom_crlf_lone_cr_nul_and_missing_final_newline() {
    let input = b"\xEF\xBB\xBF{\"text\":\"one\"}\r\n{\"text\":\"two\"}\r{\"text\":\"nul \\u0000 inside\"}\n{\"text\":\"raw\x00nul\"}\n{\"text\":\"last\"}";
    let out = run_with_stdin(&["run", "--stages", "tokens"], input);
    let recs = records(&out);
    no_panic(&out);
    assert_eq!(recs.len(), 5);
    assert_eq!(recs[0]["text"], "one");
    assert_eq!(recs[1]["text"], "two");
    assert_eq!(recs[2]["text"], "nul \u{0} inside");
    assert_eq!(recs[3]["error"]["kind"], "invalid_json"); // raw control character
    assert_eq!(recs[4]["text"], "last");
    assert_eq!(out.status.code(), Some(1));

    // a BOM at the start of a text file is not part of the text
    let dir = scratch("bom");
    std::fs::write(dir.join("a.txt"), "\u{feff}Hello.").unwrap();
    let out = nlpipe()
        .args(["run", "--stages", "tokens"])
        .arg(dir.join("a.txt"))
        .output()
        .unwrap();
    assert_eq!(records(&out)[0]["text"], "Hello.");
}

#[test]
fn empty_inputs() {
    // empty stdin: no document, success
    let out = run_with_stdin(&["run"], b"");
    assert_eq!((out.status.code(), out.stdout.len()), (Some(0), 0));
    // only blank lines: no record
    let out = run_with_stdin(&["run", "--input", "jsonl"], b"\n  \n\r\n\t\n");
    assert_eq!((out.status.code(), out.stdout.len()), (Some(0), 0));
    // an empty file is one (empty) document
    let dir = scratch("empty");
    std::fs::write(dir.join("e.txt"), "").unwrap();
    let out = nlpipe().arg("run").arg(dir.join("e.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["text"], "");
}

#[test]
fn json_that_is_not_a_document() {
    let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    let deep_obj = format!(
        "{{\"text\":\"x\",\"a\":{}1{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let input = [
        "[1,2,3]",
        "\"just a string\"",
        "{\"id\":\"t1\",\"text\":42}",
        "{\"id\":\"t2\"}",
        &deep,
        &deep_obj,
        "{\"id\":\"dup\",\"text\":\"first\",\"text\":\"second\"}",
        "{\"id\":\"big\",\"text\":\"n\",\"n\":123456789012345678901234567890123}",
        "null",
    ]
    .join("\n");
    let out = run_with_stdin(&["run", "--input", "jsonl"], input.as_bytes());
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 9);
    let kinds: Vec<&str> = recs
        .iter()
        .map(|r| r["error"]["kind"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(
        kinds,
        [
            "not_an_object",
            "not_an_object",
            "invalid_text",
            "missing_text",
            "invalid_json",
            "invalid_json",
            "ok",
            "ok",
            "not_an_object"
        ]
    );
    assert_eq!(recs[2]["id"], "t1");
    assert_eq!(recs[6]["text"], "second"); // the last duplicate wins
    let raw = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        raw.contains("\"n\":123456789012345678901234567890123"),
        "huge number kept exactly"
    );
}

#[test]
fn a_huge_line_over_the_limit_is_refused_with_flat_memory() {
    let mut child = spawn(&[
        "run",
        "--stages",
        "tokens",
        "--max-doc-bytes",
        "1000000",
        "--no-text",
    ]);
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let chunk = vec![b'a'; 1 << 20];
    stdin.write_all(b"{\"text\":\"").unwrap();
    for _ in 0..200 {
        stdin.write_all(&chunk).unwrap();
    }
    stdin.write_all(b"\"}\n{\"text\":\"after\"}\n").unwrap();
    stdin.flush().unwrap();
    // the process is still alive (stdin open): read its peak resident memory
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["error"]["kind"], "too_large");
    assert!(recs[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("209715211 bytes, more than --max-doc-bytes 1000000"));
    assert_eq!(recs[1]["tokens"][0]["text"], "after");
    if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
        let kb: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        assert!(
            kb < 100 * 1024,
            "peak RSS {kb} kB while skipping a 200 MB line"
        );
    }
}

#[test]
fn directories_with_broken_entries_give_one_error_per_entry_and_the_rest() {
    let dir = scratch("brokendir");
    std::fs::write(dir.join("a.txt"), "First.").unwrap();
    std::fs::write(dir.join("c.txt"), "Third.").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("missing.txt"), dir.join("b.txt")).unwrap();
        std::fs::create_dir(dir.join("d")).unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("d/loop")).unwrap();
    }
    let out = nlpipe()
        .args(["run", "--stages", "tokens"])
        .arg(&dir)
        .output()
        .unwrap();
    no_panic(&out);
    let recs = records(&out);
    let summary: Vec<(String, String)> = recs
        .iter()
        .map(|r| {
            let id = r["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned();
            (id, r["error"]["kind"].as_str().unwrap_or("ok").to_owned())
        })
        .collect();
    assert_eq!(summary[0], ("a.txt".into(), "ok".into()));
    #[cfg(unix)]
    {
        assert_eq!(summary[1], ("b.txt".into(), "unreadable".into()));
        assert_eq!(summary[2], ("c.txt".into(), "ok".into()));
        assert_eq!(summary[3], ("loop".into(), "symlink_loop".into()));
        assert_eq!(out.status.code(), Some(1));
    }
}

#[cfg(unix)]
#[test]
fn a_file_that_vanishes_mid_run_is_an_error_record() {
    let dir = scratch("vanish");
    let fifo = dir.join("0-gate.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let later = dir.join("later");
    std::fs::create_dir(&later).unwrap();
    std::fs::write(later.join("gone.txt"), "Soon gone.").unwrap();
    std::fs::write(later.join("kept.txt"), "Still here.").unwrap();
    let child = nlpipe()
        .args(["run", "--stages", "tokens"])
        .arg(&fifo)
        .arg(&later)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // nlpipe has listed `later` and now waits on the FIFO: remove a file, then open the gate
    std::thread::sleep(Duration::from_millis(300));
    std::fs::remove_file(later.join("gone.txt")).unwrap();
    std::fs::write(&fifo, "Gate text.").unwrap();
    let out = child.wait_with_output().unwrap();
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["text"], "Gate text.");
    assert_eq!(recs[1]["error"]["kind"], "unreadable");
    assert!(recs[1]["id"].as_str().unwrap().ends_with("gone.txt"));
    assert_eq!(recs[2]["text"], "Still here.");
    assert_eq!(out.status.code(), Some(1));
}

// ---------------------------------------------------------------- text

fn hostile_texts() -> Vec<(&'static str, String)> {
    let mut all_categories = String::new();
    for cp in (0u32..0x3_0000).step_by(7) {
        if let Some(c) = char::from_u32(cp) {
            all_categories.push(c);
            if cp % 70 == 0 {
                all_categories.push(' ');
            }
        }
    }
    vec![
        ("unbalanced quotes", "“ « „ \" ' ‘ ".repeat(15_000)),
        ("one 10 MB word", "a".repeat(10 << 20)),
        ("1 MB without whitespace", "ab,cd.“ef”-gh'".repeat(75_000)),
        ("every category", all_categories),
        (
            "combining marks",
            "e\u{301}\u{302}\u{303} a\u{308} ".repeat(10_000),
        ),
        (
            "rtl and cjk",
            "שלום עולם. مرحبا بالعالم. 東京は大きい。ภาษาไทย ".repeat(5_000),
        ),
        ("emoji zwj", "👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 ".repeat(10_000)),
    ]
}

#[test]
fn hostile_text_goes_through_the_whole_chain() {
    for (name, text) in hostile_texts() {
        let line = format!(
            "{{\"id\":\"{name}\",\"text\":{}}}\n",
            serde_json::to_string(&text).unwrap()
        );
        let out = run_with_stdin(
            &["run", "--no-text", "--max-doc-bytes", "20000000"],
            line.as_bytes(),
        );
        no_panic(&out);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let recs = records(&out);
        assert_eq!(recs.len(), 1, "{name}");
        assert!(
            recs[0].get("error").is_none(),
            "{name}: {:?}",
            recs[0]["error"]
        );
    }
}

/// Instructions executed by `nlpipe run` on `input`, counted by callgrind.
fn instructions(input: &[u8]) -> Option<u64> {
    let out_file = std::env::temp_dir().join(format!("nlpipe-cg-{}", std::process::id()));
    let mut child = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg(env!("CARGO_BIN_EXE_nlpipe"))
        .args([
            "run",
            "--no-text",
            "--jobs",
            "1",
            "--max-doc-bytes",
            "20000000",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(input).ok()?;
    let mut err = String::new();
    child.stderr.take()?.read_to_string(&mut err).ok()?;
    child.wait().ok()?;
    let _ = std::fs::remove_file(&out_file);
    let line = err.lines().find(|l| l.contains("Collected :"))?;
    line.rsplit(':')
        .next()?
        .trim()
        .replace(',', "")
        .parse()
        .ok()
}

#[test]
fn work_grows_linearly_with_hostile_input() {
    if Command::new("valgrind").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("NLPIPE_REQUIRE_VALGRIND").is_none(),
            "valgrind is required (NLPIPE_REQUIRE_VALGRIND is set) but not installed"
        );
        eprintln!("skipping: valgrind not installed");
        return;
    }
    let doc = |text: &str| {
        format!("{{\"text\":{}}}\n", serde_json::to_string(text).unwrap()).into_bytes()
    };
    let base = instructions(&doc("x")).expect("callgrind runs");
    for (name, unit) in [
        ("unbalanced quotes", "“ « „ \" ' ‘ "),
        ("no whitespace", "ab,cd.“ef”-gh'"),
        ("one word", "a"),
        (
            "news",
            "“We will not stop,” Gen. Khan said. According to him, the U.S. was wrong. ",
        ),
    ] {
        let reps = 12_000 / unit.len();
        let once = instructions(&doc(&unit.repeat(reps))).unwrap() - base;
        let twice = instructions(&doc(&unit.repeat(2 * reps))).unwrap() - base;
        let ratio = twice as f64 / once as f64;
        assert!(
            ratio < 2.8,
            "{name}: doubling the input multiplied the work by {ratio:.2}"
        );
    }
}

// ---------------------------------------------------------------- config

#[test]
fn config_mistakes_exit_2_naming_file_stage_and_key() {
    let dir = scratch("badconfig");
    let cases = [
        (
            "[[stage]]\ntype = \"sentimental\"\n",
            vec!["stage 1", "unknown type `sentimental`", "`tokens`"],
        ),
        (
            "[[stage]]\ntype = \"lang\"\nmax_byte = 10\n",
            vec!["stage 1 (`lang`)", "unknown field `max_byte`", "max_bytes"],
        ),
        (
            "[[stage]]\ntype = \"lang\"\nmax_bytes = \"ten\"\n",
            vec!["stage 1 (`lang`)", "max_bytes"],
        ),
        (
            "[[stage]]\ntype = \"stems\"\n[[stage]]\ntype = \"tokens\"\n",
            vec!["`stems` requires layer `tokens`"],
        ),
        (
            "[runner]\njob = 2\n[[stage]]\ntype = \"tokens\"\n",
            vec!["unknown field `job`", "jobs"],
        ),
        (
            "[[stage]]\nkind = \"tokens\"\n",
            vec!["stage 1 has no `type`"],
        ),
        (
            "this is not toml",
            vec!["chain.toml", "TOML parse error", "1 | this is not toml"],
        ),
    ];
    for (src, needles) in cases {
        let cfg = dir.join("chain.toml");
        std::fs::write(&cfg, src).unwrap();
        let out = nlpipe()
            .args(["run", "--config"])
            .arg(&cfg)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{src}");
        let err = String::from_utf8(out.stderr).unwrap();
        // a TOML syntax error keeps toml's layout (the line, a caret): only its first
        // line is ours
        let syntax = err.contains("TOML parse error");
        if !syntax {
            assert_eq!(err.trim_end().lines().count(), 1, "{src}: {err}");
        }
        assert!(
            err.lines()
                .next()
                .unwrap()
                .contains(&cfg.display().to_string()),
            "{err}"
        );
        for n in needles {
            assert!(err.contains(n), "{src}: {err:?} lacks {n:?}");
        }
    }
}

// ---------------------------------------------------------------- process

#[test]
fn closing_stdout_early_ends_quietly_with_success() {
    let mut child = nlpipe()
        .args(["run", "--stages", "tokens", "--input", "lines"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for i in 0..200_000 {
            if writeln!(stdin, "line number {i} of a long stream").is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("line number 0"));
    // stdout is now closed (the reader was dropped), like `| head -1`
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[cfg(unix)]
fn signal_stops_cleanly(signal: &str, code: i32) {
    let mut child = spawn(&["run", "--stages", "tokens", "--input", "jsonl"]);
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..50 {
        writeln!(
            stdin,
            "{{\"id\":\"d{i}\",\"text\":\"Document {i} is here.\"}}"
        )
        .unwrap();
    }
    stdin.flush().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut lines = Vec::new();
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    lines.push(line.clone());
    // stdin stays open: nlpipe is waiting for more input when the signal comes
    assert!(Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    loop {
        line.clear();
        if stdout.read_line(&mut line).unwrap() == 0 {
            break;
        }
        lines.push(line.clone());
    }
    let status = child.wait().unwrap();
    drop(stdin);
    assert_eq!(status.code(), Some(code));
    // How many of the 50 lines the reader had taken from the pipe when the signal came
    // depends on scheduling (on a loaded machine, 3): what is written is whole lines, in
    // input order, from the first document on, and never more than was sent.
    assert!(
        (1..=50).contains(&lines.len()),
        "{} lines written",
        lines.len()
    );
    for (i, l) in lines.iter().enumerate() {
        let v: Value = serde_json::from_str(l).expect("whole JSON line");
        assert_eq!(v["id"], format!("d{i}"));
    }
}

#[cfg(unix)]
#[test]
fn sigterm_flushes_and_exits_143() {
    signal_stops_cleanly("-TERM", 143);
}

#[cfg(unix)]
#[test]
fn sigint_flushes_and_exits_130() {
    signal_stops_cleanly("-INT", 130);
}

/// The numbers of `nlpipe: stopped by SIG…: R documents read, W written` on stderr.
#[cfg(unix)]
fn read_and_written(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.contains("documents read"))
        .unwrap_or_else(|| panic!("no tally on stderr: {stderr}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    assert_eq!(numbers.len(), 2, "{line}");
    (numbers[0], numbers[1])
}

/// The signal comes while the first document is held inside the chain (by the `fault`
/// stage) and the others wait behind it: nlpipe stops reading, and every document the
/// reader had taken in, held or queued, is written.
#[cfg(unix)]
fn signal_drains_what_was_read(signal: &str, name: &str, code: i32) {
    let dir = scratch(&format!("drain{code}"));
    let release = dir.join("release");
    let cfg = dir.join("hold.toml");
    std::fs::write(
        &cfg,
        format!(
            "[[stage]]\ntype = \"tokens\"\n[[stage]]\ntype = \"fault\"\nhold_on = \"HOLD\"\nhold_file = {:?}\n",
            release.display().to_string()
        ),
    )
    .unwrap();
    let mut child = nlpipe()
        .args([
            "run",
            "--jobs",
            "2",
            "--channel-capacity",
            "2",
            "--input",
            "jsonl",
        ])
        .arg("--config")
        .arg(&cfg)
        .env("NLPIPE_FAULT_STAGE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut input = String::from("{\"id\":\"d0\",\"text\":\"HOLD this one.\"}\n");
    for i in 1..40 {
        input.push_str(&format!("{{\"id\":\"d{i}\",\"text\":\"Doc {i}.\"}}\n"));
    }
    // one write under PIPE_BUF: the reader finds all 40 lines in the pipe at once
    assert!(input.len() < 4096);
    stdin.write_all(input.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let held = dir.join("release.held");
    let t0 = std::time::Instant::now();
    while !held.exists() {
        assert!(t0.elapsed() < Duration::from_secs(60), "d0 never held");
        std::thread::sleep(Duration::from_millis(5));
    }
    // d0 is inside the chain and stdin stays open: only the signal can end the run
    assert!(Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    assert!(
        first.contains(name) && first.contains("no more input is read"),
        "{first}"
    );
    // the signal has been seen: now let d0 go
    std::fs::write(&release, "").unwrap();
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    drop(stdin);
    assert_eq!(status.code(), Some(code), "{first}{rest}");
    let (read, written) = read_and_written(&rest);
    let lines: Vec<&str> = out.lines().collect();
    assert!((1..=40).contains(&read), "{rest}");
    assert_eq!((read, written), (lines.len(), lines.len()), "{rest}");
    for (i, l) in lines.iter().enumerate() {
        let v: Value = serde_json::from_str(l).expect("whole JSON line");
        assert_eq!(v["id"], format!("d{i}"));
        assert!(v.get("error").is_none(), "{l}");
    }
}

#[cfg(unix)]
#[test]
fn sigint_writes_every_document_read_even_those_queued_behind_a_slow_one() {
    signal_drains_what_was_read("-INT", "SIGINT", 130);
}

#[cfg(unix)]
#[test]
fn sigterm_writes_every_document_read_even_those_queued_behind_a_slow_one() {
    signal_drains_what_was_read("-TERM", "SIGTERM", 143);
}

#[test]
fn a_panicking_stage_turns_one_document_into_an_error_record() {
    let dir = scratch("fault");
    let cfg = dir.join("fault.toml");
    std::fs::write(&cfg, "[[stage]]\ntype = \"tokens\"\n[[stage]]\ntype = \"fault\"\npanic_on = \"BOOM\"\nfail_on = \"FAIL\"\n").unwrap();
    let long_boom = format!("BOOM {}", "padding words ".repeat(40));
    let input = format!(
        "{{\"text\":\"fine\"}}\n{{\"text\":\"BOOM\"}}\n{{\"text\":{}}}\n{{\"text\":\"FAIL\"}}\n{{\"text\":\"also fine\"}}\n",
        serde_json::to_string(&long_boom).unwrap()
    );
    let mut child = nlpipe()
        .args(["run", "--config"])
        .arg(&cfg)
        .env("NLPIPE_FAULT_STAGE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    let kinds: Vec<&str> = recs
        .iter()
        .map(|r| r["error"]["kind"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(kinds, ["ok", "panic", "panic", "injected", "ok"]);
    assert_eq!(recs[1]["error"]["stage"], "fault");
}

#[test]
fn nothing_is_written_but_stdout() {
    let dir = scratch("nowrite");
    std::fs::write(dir.join("a.txt"), "Some text.").unwrap();
    let before = list(&dir);
    let out = nlpipe()
        .current_dir(&dir)
        .args(["run", "a.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(list(&dir), before);
}

fn list(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}
