//! `nlpipe run`: stream documents through the chain and write JSON Lines to stdout, in
//! input order; exit 0 (all documents processed), 1 (some became error records), 2
//! (stdout could not be written), 130/143 (stopped by SIGINT/SIGTERM after flushing
//! everything read so far).

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

use futures::StreamExt;
use pipeline_core::error::chain_line;
use pipeline_core::{OutputOptions, Run};
use tokio::sync::Notify;

use crate::app::meter::Meter;
use crate::app::{self, sink, Error};
use crate::args::RunArgs;
use crate::input;

/// Which signal stopped the run, if any: 0 none, else the signal number.
static SIGNAL: AtomicU8 = AtomicU8::new(0);

/// Runs `nlpipe run`.
pub fn run(args: RunArgs) -> Result<ExitCode, Error> {
    let chain = app::chain::build(&args.chain)?;
    let (sources, mut reader_opts) = app::read::reader(&args.read)?;
    let serialiser = sink::Serialiser::new(OutputOptions {
        offsets: app::read::offset_unit(args.read.offsets),
        no_text: args.no_text,
        layers: args.layers,
    });
    let jobs = chain.options().jobs;
    let runtime = app::runtime(jobs)?;
    let terminal = std::io::stderr().is_terminal();
    let meter = Meter::new(
        !args.no_progress && terminal,
        input::total_size(&sources),
        reader_opts.feedback.clone(),
    );
    reader_opts.feedback = meter.feedback();
    // the tally on a terminal, or when asked; the time per stage only when asked
    let tally_wanted = args.summary || (terminal && !args.no_summary);
    let stages_wanted = args.summary;

    let code = runtime.block_on(async move {
        let shutdown = Arc::new(Notify::new());
        spawn_signal_listener(Arc::clone(&shutdown));

        let parser = reader_opts.doc.clone();
        let capacity = chain.options().channel_capacity;
        let mut rx = match app::read::spawn_reader(sources, reader_opts, parser, capacity) {
            Ok(rx) => rx,
            Err(e) => {
                eprintln!("nlpipe: {}", chain_line(&e));
                return ExitCode::from(2);
            }
        };
        let stop = Arc::clone(&shutdown);
        let records = futures::stream::poll_fn(move |cx| rx.poll_recv(cx))
            .take_until(async move { stop.notified().await });

        let writer = sink::Writer::spawn(capacity);
        let mut run = chain.run(records);
        let mut lines = serialiser.lines(&mut run, jobs);
        let mut failures = 0u64;
        let mut closed = false;
        while let Some(line) = lines.next().await {
            failures += u64::from(line.failed);
            meter.document();
            if writer.send(line.bytes).await.is_err() {
                closed = true;
                break;
            }
        }
        drop(lines);
        let write_result = writer.finish().await;
        meter.finish();
        if tally_wanted {
            eprintln!("nlpipe: {}", meter.tally(failures));
        }
        if stages_wanted {
            print_stages(&run);
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

/// `--summary`: the time each stage was busy and its failures, on stderr.
fn print_stages(run: &Run) {
    for s in run.summary().stages {
        eprintln!(
            "nlpipe:   {:10} busy {:.3}s, {} failed",
            s.name,
            s.busy.as_secs_f64(),
            s.failures
        );
    }
}

/// Records SIGINT/SIGTERM in [`SIGNAL`] and wakes `shutdown`.
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

/// Records Ctrl-C in [`SIGNAL`] and wakes `shutdown`.
#[cfg(not(unix))]
fn spawn_signal_listener(shutdown: Arc<Notify>) {
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            SIGNAL.store(2, Ordering::SeqCst);
            shutdown.notify_one();
        }
    });
}
