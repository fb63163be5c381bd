//! `nlpipe`: a thin binary over `pipeline-core` and `stages`. It parses flags, loads the
//! config, reads inputs, runs the chain and writes JSON Lines; exit status 0 (all
//! documents processed), 1 (some became error records), 2 (bad usage, config or input),
//! 130/143 (stopped by SIGINT/SIGTERM after flushing everything read so far).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod args;
mod input;
#[cfg(feature = "nats")]
mod nats;
mod output;
mod report;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

use clap::Parser;
use futures::StreamExt;
use pipeline_core::{
    Chain, ConfigError, Document, Failure, InputOptions, OffsetUnit, OutputOptions, RunnerOptions,
};
use tokio::sync::{mpsc, Notify};

use args::{ChainArgs, Cli, Command, Offsets, ReadArgs, RunArgs};

/// Errors that stop the run before it starts (exit status 2).
#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error("config {path}: {source}")]
    Config {
        path: PathBuf,
        #[source]
        source: ConfigError,
    },
    #[error("config {path}: {source}")]
    ConfigRead {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("--stages: {0}")]
    Stages(#[source] ConfigError),
    #[error(transparent)]
    Input(#[from] input::InputError),
    #[error("cannot start the runtime: {0}")]
    Runtime(#[source] std::io::Error),
    #[error("cannot start the reader thread: {0}")]
    Reader(#[source] std::io::Error),
    #[error("report {path}: {source}")]
    Report {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[cfg(feature = "nats")]
    #[error(transparent)]
    Nats(#[from] nats::NatsError),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Stages => {
            list_stages();
            Ok(ExitCode::SUCCESS)
        }
        Command::Run(args) => run(args),
        Command::Report(args) => report::report(&args),
        #[cfg(feature = "nats")]
        Command::Publish(args) => nats::publish(args),
        #[cfg(feature = "nats")]
        Command::Worker(args) => nats::worker(args),
        #[cfg(feature = "nats")]
        Command::Collect(args) => nats::collect(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("nlpipe: {}", error_chain(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, without repeating a cause already in the text.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let c = cause.to_string();
        if !s.contains(&c) {
            s.push_str(": ");
            s.push_str(&c);
        }
        source = cause.source();
    }
    s.replace('\n', " ")
}

/// The built-in stages, plus the `fault` testing stage when `NLPIPE_FAULT_STAGE=1`.
fn registry() -> pipeline_core::Registry {
    let mut registry = stages::registry();
    if std::env::var_os("NLPIPE_FAULT_STAGE").is_some_and(|v| v == "1") {
        stages::fault::register(&mut registry);
    }
    registry
}

fn list_stages() {
    let registry = registry();
    let width = registry.list().map(|(n, _)| n.len()).max().unwrap_or(0);
    for (name, summary) in registry.list() {
        println!("{name:width$}  {summary}");
    }
}

fn build_chain(args: &ChainArgs) -> Result<Chain, CliError> {
    let registry = registry();
    let mut base = RunnerOptions::default();
    if let Some(cap) = args.channel_capacity {
        base.channel_capacity = cap;
    }
    if let Some(path) = &args.config {
        let src = std::fs::read_to_string(path).map_err(|source| CliError::ConfigRead {
            path: path.clone(),
            source,
        })?;
        let (chain, _) = registry
            .chain_from_toml_with(&src, base)
            .map_err(|source| CliError::Config {
                path: path.clone(),
                source,
            })?;
        // an explicit --jobs wins over the file
        return match args.jobs {
            Some(jobs) => rebuild_with_jobs(&registry, &src, base, jobs, path),
            None => Ok(chain),
        };
    }
    if let Some(jobs) = args.jobs {
        base.jobs = jobs;
    }
    let names: Vec<String> = match &args.stages {
        Some(names) => names.clone(),
        None => stages::DEFAULT_CHAIN
            .iter()
            .map(|s| s.to_string())
            .collect(),
    };
    registry
        .chain_from_names(&names, base)
        .map_err(CliError::Stages)
}

fn rebuild_with_jobs(
    registry: &pipeline_core::Registry,
    src: &str,
    base: RunnerOptions,
    jobs: usize,
    path: &std::path::Path,
) -> Result<Chain, CliError> {
    let mut value: toml::Table = toml::from_str(src).map_err(|e| CliError::Config {
        path: path.to_owned(),
        source: ConfigError::Syntax(e.to_string()),
    })?;
    if let Some(toml::Value::Table(runner)) = value.get_mut("runner") {
        runner.remove("jobs");
    }
    let src = toml::to_string(&value).unwrap_or_default();
    registry
        .chain_from_toml_with(&src, RunnerOptions { jobs, ..base })
        .map(|(chain, _)| chain)
        .map_err(|source| CliError::Config {
            path: path.to_owned(),
            source,
        })
}

/// Which signal stopped the run, if any: 0 none, else the signal number.
static SIGNAL: AtomicU8 = AtomicU8::new(0);

/// The unit of offsets asked for.
fn offset_unit(offsets: Offsets) -> OffsetUnit {
    match offsets {
        Offsets::Bytes => OffsetUnit::Bytes,
        Offsets::Chars => OffsetUnit::Chars,
    }
}

/// The expanded inputs and the reader's settings (shared by `run` and `report`).
fn reader(args: &ReadArgs) -> Result<(Vec<input::Source>, input::ReaderOptions), CliError> {
    let sources = input::expand(&args.inputs)?;
    let opts = input::ReaderOptions {
        mode: args.input,
        doc: InputOptions {
            text_field: args.text_field.clone(),
            id_field: args.id_field.clone(),
            offsets: offset_unit(args.offsets),
            max_doc_bytes: args.max_doc_bytes,
        },
        lossy: args.lossy,
    };
    Ok((sources, opts))
}

/// A multi-threaded runtime with `jobs` workers.
fn runtime(jobs: usize) -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(jobs.clamp(1, 64))
        .enable_all()
        .build()
        .map_err(CliError::Runtime)
}

/// Starts the reader thread: it sends `parser`'s items for every document of `sources`
/// into a channel of `capacity` items.
fn spawn_reader<P>(
    sources: Vec<input::Source>,
    opts: input::ReaderOptions,
    parser: P,
    capacity: usize,
) -> Result<mpsc::Receiver<P::Item>, CliError>
where
    P: input::Parse + Send + 'static,
    P::Item: 'static,
{
    let (tx, rx) = mpsc::channel(capacity.max(1));
    std::thread::Builder::new()
        .name("nlpipe-reader".into())
        .spawn(move || input::read_all(sources, &opts, &parser, &tx))
        .map_err(CliError::Reader)?;
    Ok(rx)
}

fn run(args: RunArgs) -> Result<ExitCode, CliError> {
    let chain = build_chain(&args.chain)?;
    let (sources, reader_opts) = reader(&args.read)?;
    let out_opts = OutputOptions {
        offsets: offset_unit(args.read.offsets),
        no_text: args.no_text,
    };
    let jobs = chain.options().jobs;
    let runtime = runtime(jobs)?;
    let progress =
        (!args.no_progress && std::io::stderr().is_terminal()).then(output::progress_bar);
    let summary_wanted = args.summary;

    let code = runtime.block_on(async move {
        let shutdown = Arc::new(Notify::new());
        spawn_signal_listener(Arc::clone(&shutdown));

        let parser = reader_opts.doc.clone();
        let mut rx = match spawn_reader(
            sources,
            reader_opts,
            parser,
            chain.options().channel_capacity,
        ) {
            Ok(rx) => rx,
            Err(e) => {
                eprintln!("nlpipe: {}", error_chain(&e));
                return ExitCode::from(2);
            }
        };
        let stop = Arc::clone(&shutdown);
        let records = futures::stream::poll_fn(move |cx| rx.poll_recv(cx))
            .take_until(async move { stop.notified().await });

        let writer = output::Writer::spawn(chain.options().channel_capacity);
        let mut run = chain.run(records);
        let mut lines = (&mut run)
            .map(|record| async move {
                let len = record.as_ref().map_or(0, |d| d.text().len());
                let id = record
                    .as_ref()
                    .map_or_else(|f| Arc::clone(&f.id), Document::id_arc);
                let failed = record.is_err();
                pipeline_core::on_cpu(len, move || {
                    let mut line = Vec::new();
                    out_opts.write_line(&record, &mut line);
                    line
                })
                .await
                .map(|line| (failed, line))
                .unwrap_or_else(|e| {
                    let f = Failure::new(id, "output", "panic", e.to_string());
                    let mut line = Vec::new();
                    out_opts.write_line(&Err(f), &mut line);
                    (true, line)
                })
            })
            .buffered(jobs);
        let mut failures = 0u64;
        let mut written = 0u64;
        let mut closed = false;
        while let Some((failed, line)) = lines.next().await {
            failures += u64::from(failed);
            written += 1;
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            if writer.send(line).await.is_err() {
                closed = true;
                break;
            }
        }
        drop(lines);
        let write_result = writer.finish().await;
        if let Some(bar) = &progress {
            bar.finish_and_clear();
        }
        if summary_wanted {
            let summary = run.summary();
            eprintln!(
                "nlpipe: {written} documents, {failures} failed, {:.3}s",
                summary.elapsed.as_secs_f64()
            );
            for s in summary.stages {
                eprintln!(
                    "nlpipe:   {:10} busy {:.3}s, {} failed",
                    s.name,
                    s.busy.as_secs_f64(),
                    s.failures
                );
            }
        }
        match write_result {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                eprintln!("nlpipe: writing stdout: {e}");
                return ExitCode::from(2);
            }
            _ => {}
        }
        match SIGNAL.load(Ordering::SeqCst) {
            0 => {}
            sig => return ExitCode::from(128 + sig),
        }
        if closed {
            ExitCode::SUCCESS
        } else if failures > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    });
    // the reader thread may be blocked on a read of stdin: do not wait for it
    runtime.shutdown_background();
    Ok(code)
}

#[cfg(unix)]
fn spawn_signal_listener(shutdown: Arc<Notify>) {
    use tokio::signal::unix::{signal, SignalKind};
    tokio::spawn(async move {
        let (Ok(mut int), Ok(mut term)) = (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
        ) else {
            return;
        };
        let sig = tokio::select! {
            _ = int.recv() => 2,
            _ = term.recv() => 15,
        };
        SIGNAL.store(sig, Ordering::SeqCst);
        shutdown.notify_one();
    });
}

#[cfg(not(unix))]
fn spawn_signal_listener(shutdown: Arc<Notify>) {
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            SIGNAL.store(2, Ordering::SeqCst);
            shutdown.notify_one();
        }
    });
}
