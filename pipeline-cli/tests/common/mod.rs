//! Helpers shared by the tests that drive the real `nlpipe` binary.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

/// The binary under test.
pub fn nlpipe() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nlpipe"))
}

/// Starts `nlpipe ARGS` with every standard stream piped.
pub fn spawn(args: &[&str]) -> Child {
    nlpipe()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nlpipe starts")
}

/// Runs `nlpipe ARGS`, feeding `stdin` from another thread (no pipe deadlock).
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args);
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("nlpipe finishes");
    feeder.join().expect("feeder");
    out
}

/// The JSON records on stdout; a torn line fails the test.
pub fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("torn line {l:?}: {e}")))
        .collect()
}

/// A scratch directory unique to one test of one test binary.
pub fn scratch(name: &str) -> PathBuf {
    let exe = std::env::current_exe().ok();
    let binary = exe
        .as_ref()
        .and_then(|p| p.file_stem())
        .and_then(|s| s.to_str())
        .unwrap_or("test");
    let dir = std::env::temp_dir().join(format!("nlpipe-{binary}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}
