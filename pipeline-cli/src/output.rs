//! Writing: a dedicated thread owns stdout, so slow terminals or pipes push back on the
//! chain through a bounded channel; a closed pipe ends the run quietly.

use std::io::{self, Write};

use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::mpsc;

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

/// A spinner with document count and rate, for terminals.
pub fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}
