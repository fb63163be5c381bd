//! `nlpipe run`: stream documents through the chain and write JSON Lines to stdout, in
//! input order; exit 0 (all documents processed), 1 (some became error records), 2
//! (stdout could not be written), 130/143 (stopped by SIGINT/SIGTERM after flushing
//! everything read so far).

use std::future::Future;
use std::io::IsTerminal;
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use futures::StreamExt;
use pipeline_core::error::chain_line;
use pipeline_core::{OutputOptions, Run};
use tokio::sync::{mpsc, Notify};

use crate::app::meter::Meter;
use crate::app::{self, sink, Error};
use crate::args::RunArgs;
use crate::input;

/// Which signal stopped the run, if any: 0 none, else the signal number.
static SIGNAL: AtomicU8 = AtomicU8::new(0);

/// The chain's end of the reader's channel. When `shutdown` fires the channel is closed:
/// the reader stops (its next send fails) and every document already in the channel is
/// still handed to the chain, so everything read is written.
struct Inbox<T> {
    rx: Arc<Mutex<mpsc::Receiver<T>>>,
    stop: Pin<Box<dyn Future<Output = ()> + Send>>,
    stopped: bool,
    pulled: Arc<AtomicU64>,
}

/// How many documents the reader handed over: those the chain pulled and those still in
/// the channel.
struct Taken<T> {
    rx: Arc<Mutex<mpsc::Receiver<T>>>,
    pulled: Arc<AtomicU64>,
}

impl<T> Taken<T> {
    /// Documents the reader put into the channel so far.
    fn read(&self) -> u64 {
        let queued = self.rx.lock().unwrap_or_else(PoisonError::into_inner).len();
        self.pulled.load(Ordering::SeqCst) + queued as u64
    }
}

impl<T: Send + 'static> Inbox<T> {
    /// The inbox of `rx`, closed when `shutdown` is notified.
    fn new(rx: mpsc::Receiver<T>, shutdown: Arc<Notify>) -> Inbox<T> {
        Inbox {
            rx: Arc::new(Mutex::new(rx)),
            stop: Box::pin(async move { shutdown.notified().await }),
            stopped: false,
            pulled: Arc::new(AtomicU64::new(0)),
        }
    }

    /// A handle counting what the reader handed over.
    fn counts(&self) -> Taken<T> {
        Taken {
            rx: Arc::clone(&self.rx),
            pulled: Arc::clone(&self.pulled),
        }
    }

    /// The documents, in order, until the reader is done or stopped and the channel drained.
    fn into_stream(mut self) -> impl futures::Stream<Item = T> + Send + 'static {
        futures::stream::poll_fn(move |cx| self.poll_next(cx))
    }

    /// The next document.
    fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let mut rx = self.rx.lock().unwrap_or_else(PoisonError::into_inner);
        if !self.stopped && self.stop.as_mut().poll(cx).is_ready() {
            self.stopped = true;
            rx.close();
        }
        let next = rx.poll_recv(cx);
        if let Poll::Ready(Some(_)) = next {
            self.pulled.fetch_add(1, Ordering::SeqCst);
        }
        next
    }
}

/// Up to this many jobs the writer thread serialises every line itself, overlapping with
/// the chain's workers; beyond, serialising (a fifth of the work with every layer written)
/// would make the one writer thread the bottleneck, so the workers serialise in parallel.
const WRITER_SERIALISES_UP_TO_JOBS: usize = 3;

/// What writing the run's records came to.
struct Drained {
    /// Records handed to the writer.
    written: u64,
    /// Error records among them (the input's, the stages', or panics while serialising).
    failures: u64,
    /// Stdout was closed before the end.
    closed: bool,
    /// The writer's result.
    write_result: std::io::Result<()>,
}

/// Hands the records of `run` to a [`sink::RecordWriter`], which serialises and writes them.
async fn to_serialising_writer(
    run: &mut Run,
    serialiser: sink::Serialiser,
    capacity: usize,
    meter: &Meter,
) -> Drained {
    let writer = match sink::RecordWriter::spawn(serialiser, capacity) {
        Ok(w) => w,
        Err(e) => return Drained::failed(e),
    };
    let (mut written, mut failures, mut closed) = (0u64, 0u64, false);
    while let Some(record) = run.next().await {
        failures += u64::from(record.is_err());
        written += 1;
        meter.document();
        if writer.send(record).await.is_err() {
            closed = true;
            break;
        }
    }
    let (write_result, output_failures) = writer.finish().await;
    Drained {
        written,
        failures: failures + output_failures,
        closed,
        write_result,
    }
}

/// Serialises the records of `run` on the workers, `jobs` at once, and writes the lines
/// through a [`sink::Writer`].
async fn serialising_on_workers(
    run: &mut Run,
    serialiser: sink::Serialiser,
    jobs: usize,
    capacity: usize,
    meter: &Meter,
) -> Drained {
    let writer = sink::Writer::spawn(capacity);
    let mut lines = serialiser.lines(run, jobs);
    let (mut written, mut failures, mut closed) = (0u64, 0u64, false);
    while let Some(line) = lines.next().await {
        failures += u64::from(line.failed);
        written += 1;
        meter.document();
        if writer.send(line.bytes).await.is_err() {
            closed = true;
            break;
        }
    }
    drop(lines);
    Drained {
        written,
        failures,
        closed,
        write_result: writer.finish().await,
    }
}

impl Drained {
    /// Nothing written: the writer could not start.
    fn failed(e: std::io::Error) -> Drained {
        Drained {
            written: 0,
            failures: 0,
            closed: false,
            write_result: Err(e),
        }
    }
}

/// Runs `nlpipe run`.
pub fn run(args: RunArgs) -> Result<ExitCode, Error> {
    let chain = app::chain::build(&args.chain)?;
    // with --layers, the stages of layers that are not written do not run
    let chain = match args.layers {
        Some(selection) => chain.only_for(|l| selection.keeps(l)),
        None => chain,
    };
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
        let rx = match app::read::spawn_reader(sources, reader_opts, parser, capacity) {
            Ok(rx) => rx,
            Err(e) => {
                eprintln!("nlpipe: {}", chain_line(&e));
                return ExitCode::from(2);
            }
        };
        let inbox = Inbox::new(rx, Arc::clone(&shutdown));
        let taken = inbox.counts();
        let records = inbox.into_stream();

        let mut run = chain.run(records);
        let drained = if jobs <= WRITER_SERIALISES_UP_TO_JOBS {
            to_serialising_writer(&mut run, serialiser, capacity, &meter).await
        } else {
            serialising_on_workers(&mut run, serialiser, jobs, capacity, &meter).await
        };
        let Drained {
            written,
            failures,
            closed,
            write_result,
        } = drained;
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
            sig => {
                let read = taken.read();
                eprintln!(
                    "nlpipe: stopped by {}: {read} documents read, {written} written",
                    signal_name(sig)
                );
                return ExitCode::from(128 + sig);
            }
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

/// The name of signal number `sig`.
fn signal_name(sig: u8) -> &'static str {
    match sig {
        15 => "SIGTERM",
        _ => "SIGINT",
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
        eprintln!(
            "nlpipe: {}: no more input is read; writing the documents already read",
            signal_name(sig)
        );
        shutdown.notify_one();
    });
}

/// Records Ctrl-C in [`SIGNAL`] and wakes `shutdown`.
#[cfg(not(unix))]
fn spawn_signal_listener(shutdown: Arc<Notify>) {
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            SIGNAL.store(2, Ordering::SeqCst);
            eprintln!("nlpipe: SIGINT: no more input is read; writing the documents already read");
            shutdown.notify_one();
        }
    });
}
