//! Where records go: the [`Serialiser`] turns each into its JSON line (the NATS worker
//! does so on the CPU pool); the [`Writer`] thread owns stdout, so slow terminals or pipes
//! push back on the chain through a bounded channel; a closed pipe ends the run quietly.
//! `run` with up to 3 jobs hands whole records to a [`RecordWriter`] thread, which
//! serialises and writes them: the chain's workers only run stages, serialising (a fifth
//! of the work with every layer written) overlaps with them, and one buffer is reused for
//! every line; with more jobs the workers serialise in parallel ([`Serialiser::lines`]).

use std::io::{self, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use futures::{Stream, StreamExt};
use pipeline_core::{Document, Failure, OutputOptions, Record};
use tokio::sync::mpsc;

/// One record written as a JSON line.
#[derive(Debug)]
pub struct Line {
    /// The record's id (the NATS worker publishes it as the message id).
    #[cfg_attr(not(feature = "nats"), allow(dead_code))]
    pub id: Arc<str>,
    /// True for an error record (the input's, or a panic while serialising).
    pub failed: bool,
    /// The JSON object and its final newline.
    pub bytes: Vec<u8>,
}

/// Serialises records with the output options, off the async workers for large ones.
#[derive(Debug, Clone, Copy)]
pub struct Serialiser {
    opts: OutputOptions,
}

impl Serialiser {
    /// A serialiser writing with `opts`.
    pub fn new(opts: OutputOptions) -> Serialiser {
        Serialiser { opts }
    }

    /// The JSON lines of `records`, in their order, up to `jobs` serialised at once.
    pub fn lines<S>(self, records: S, jobs: usize) -> impl Stream<Item = Line> + Unpin
    where
        S: Stream<Item = Record> + Unpin,
    {
        records.map(move |record| self.line(record)).buffered(jobs)
    }

    /// Writes the JSON line of `record` into `out` (cleared first); a panic while
    /// serialising becomes an `output` error record. Returns whether the line is an error
    /// record.
    pub fn write_caught(self, record: &Record, out: &mut Vec<u8>) -> bool {
        self.opts.write_line_caught(record, out)
    }

    /// The JSON line of one record, serialised through [`pipeline_core::on_cpu`]; a panic
    /// there becomes an `output` error record.
    pub async fn line(self, record: Record) -> Line {
        let opts = self.opts;
        let len = record.as_ref().map_or(0, |d| d.text().len());
        let id = record
            .as_ref()
            .map_or_else(|f| Arc::clone(&f.id), Document::id_arc);
        let failed = record.is_err();
        let number = record
            .as_ref()
            .map_or_else(|f| f.id_is_number, Document::id_is_number);
        let written = pipeline_core::on_cpu(len, move || {
            let mut bytes = Vec::new();
            opts.write_line(&record, &mut bytes);
            bytes
        })
        .await;
        match written {
            Ok(bytes) => Line { id, failed, bytes },
            Err(e) => {
                let f = Failure::new(Arc::clone(&id), "output", "panic", e.to_string())
                    .with_number_id(number);
                let mut bytes = Vec::new();
                opts.write_line(&Err(f), &mut bytes);
                Line {
                    id,
                    failed: true,
                    bytes,
                }
            }
        }
    }
}

/// A line buffer larger than this (4 MiB; a news article's line with every layer is about
/// 80 KB) is dropped after use instead of reused.
const KEEP_LINE_BYTES: usize = 4 << 20;

/// The stdout writer thread of `run`: it serialises each record it is handed and writes
/// the line.
pub struct RecordWriter {
    tx: mpsc::Sender<Record>,
    handle: std::thread::JoinHandle<io::Result<()>>,
    output_failures: Arc<AtomicU64>,
}

impl RecordWriter {
    /// Starts the writer with a channel of `capacity` records.
    pub fn spawn(serialiser: Serialiser, capacity: usize) -> io::Result<RecordWriter> {
        let (tx, mut rx) = mpsc::channel::<Record>(capacity.max(1));
        let output_failures = Arc::new(AtomicU64::new(0));
        let failures = Arc::clone(&output_failures);
        let handle = std::thread::Builder::new()
            .name("nlpipe-writer".into())
            .spawn(move || {
                let stdout = io::stdout().lock();
                let mut out = io::BufWriter::with_capacity(1 << 16, stdout);
                let mut line = Vec::new();
                while let Some(record) = rx.blocking_recv() {
                    if serialiser.write_caught(&record, &mut line) && record.is_ok() {
                        failures.fetch_add(1, Ordering::Relaxed);
                    }
                    // the record is freed here, off the chain's workers
                    drop(record);
                    out.write_all(&line)?;
                    if line.capacity() > KEEP_LINE_BYTES {
                        // one huge document's line is not kept for the rest of the run
                        line = Vec::new();
                    }
                    // flush when the chain has nothing more ready, so output streams
                    if rx.is_empty() {
                        out.flush()?;
                    }
                }
                out.flush()
            })?;
        Ok(RecordWriter {
            tx,
            handle,
            output_failures,
        })
    }

    /// Queues one record; fails when the writer stopped (closed stdout).
    pub async fn send(&self, record: Record) -> Result<(), ()> {
        self.tx.send(record).await.map_err(|_| ())
    }

    /// Closes the channel and waits for everything to be written; also returns how many
    /// documents became `output` error records while being serialised.
    pub async fn finish(self) -> (io::Result<()>, u64) {
        drop(self.tx);
        let handle = self.handle;
        let result = tokio::task::spawn_blocking(move || {
            handle
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("writer thread panicked")))
        })
        .await
        .unwrap_or_else(|e| Err(io::Error::other(e)));
        (result, self.output_failures.load(Ordering::Relaxed))
    }
}

/// The stdout writer thread for lines serialised elsewhere (`run` with many jobs, `nlpipe
/// collect`).
pub struct Writer {
    tx: mpsc::Sender<Vec<u8>>,
    handle: std::thread::JoinHandle<io::Result<()>>,
}

impl Writer {
    /// Starts the writer with a channel of `capacity` lines.
    pub fn spawn(capacity: usize) -> Writer {
        let (tx, mut rx) = mpsc::channel::<Vec<u8>>(capacity);
        let handle = std::thread::Builder::new()
            .name("nlpipe-writer".into())
            .spawn(move || {
                let stdout = io::stdout().lock();
                let mut out = io::BufWriter::with_capacity(1 << 16, stdout);
                while let Some(line) = rx.blocking_recv() {
                    out.write_all(&line)?;
                    // flush when the chain has nothing more ready, so output streams
                    if rx.is_empty() {
                        out.flush()?;
                    }
                }
                out.flush()
            })
            .expect("spawning the writer thread");
        Writer { tx, handle }
    }

    /// Queues one line; fails when the writer stopped (closed stdout).
    pub async fn send(&self, line: Vec<u8>) -> Result<(), ()> {
        self.tx.send(line).await.map_err(|_| ())
    }

    /// Closes the channel and waits for everything to be written.
    pub async fn finish(self) -> io::Result<()> {
        drop(self.tx);
        let handle = self.handle;
        tokio::task::spawn_blocking(move || {
            handle
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("writer thread panicked")))
        })
        .await
        .unwrap_or_else(|e| Err(io::Error::other(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pipeline_core::OffsetUnit;

    #[test]
    fn write_caught_writes_the_line_into_a_reused_buffer_and_flags_error_records() {
        let serialiser = Serialiser::new(OutputOptions {
            offsets: OffsetUnit::Chars,
            no_text: false,
            layers: None,
        });
        let mut buf = b"left over from the last line".to_vec();
        let doc: Record = Ok(Document::new("a", "héllo"));
        assert!(!serialiser.write_caught(&doc, &mut buf));
        let mut want = Vec::new();
        serialiser.opts.write_line(&doc, &mut want);
        assert_eq!(buf, want);
        let failure: Record = Err(Failure::new(Arc::from("b"), "input", "invalid_json", "x"));
        assert!(serialiser.write_caught(&failure, &mut buf));
        assert!(buf.starts_with(b"{\"id\":\"b\",\"error\":"));
        assert!(buf.ends_with(b"}\n"));
    }
}
