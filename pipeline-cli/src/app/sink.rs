//! Where records go: the [`Serialiser`] turns each into its JSON line on the CPU pool
//! (`run` and the NATS worker alike), and the [`Writer`] thread owns stdout, so slow
//! terminals or pipes push back on the chain through a bounded channel; a closed pipe
//! ends the run quietly.

use std::io::{self, Write};
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

/// The stdout writer thread.
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
