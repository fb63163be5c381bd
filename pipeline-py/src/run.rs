//! `Pipeline.run`: the iterator of records. The caller's thread pulls items from the
//! Python iterable (holding the GIL) and feeds them to the chain, which runs on the
//! pipeline's runtime; it keeps at most `window` documents in flight, so a generator of a
//! million documents is never read ahead more than that, and it waits for the next record
//! with the GIL released, then builds its dict ([`objects::record`]) while the chain goes
//! on with the documents after it. Records come back in input order.

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use pipeline_core::{Chain, InputOptions, OutputOptions, Record};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyIterator;
use tokio::sync::mpsc;

use crate::items::{self, document_error, Json, Position};
use crate::objects::{self, Keys};
use crate::runtime::Runtime;

/// How long a wait for a record lasts before Python's signal handlers run (Ctrl-C).
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// The records of one `Pipeline.run`, in input order, one per input item. `close()`
/// stops the run early; `pulled` counts the items read from the input so far.
#[pyclass(module = "nlpipe")]
pub struct Records {
    /// The input iterable, until it ends or raises.
    source: Option<Py<PyIterator>>,
    /// The chain's input; closed when the source ends.
    tx: Option<mpsc::Sender<Record>>,
    /// The chain's output.
    rx: Option<mpsc::Receiver<Record>>,
    /// Items pulled so far (the next item's position).
    pulled: u64,
    /// Documents sent to the chain and not yet returned.
    in_flight: usize,
    /// The most documents in flight.
    window: usize,
    /// An exception the input iterable raised, raised after the records before it.
    pending: Option<PyErr>,
    input: InputOptions,
    output: OutputOptions,
    strict: bool,
    json: Json,
    /// The Python strings of the record keys.
    keys: Keys,
    handle: tokio::runtime::Handle,
    /// Keeps the runtime alive while records are read.
    _runtime: Arc<Runtime>,
}

impl Records {
    /// Starts the chain on the runtime, fed by `source`.
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        chain: &Chain,
        runtime: Arc<Runtime>,
        handle: tokio::runtime::Handle,
        source: Py<PyIterator>,
        input: InputOptions,
        output: OutputOptions,
        strict: bool,
        json: Json,
    ) -> PyResult<Records> {
        // enough documents in flight that the chain never waits for Python
        let window = 4 * chain.options().jobs + 16;
        let (tx, in_rx) = mpsc::channel::<Record>(window);
        let (out_tx, rx) = mpsc::channel::<Record>(window);
        let chain = chain.clone();
        handle.spawn(async move {
            let input = futures::stream::unfold(in_rx, |mut rx| async move {
                rx.recv().await.map(|record| (record, rx))
            });
            let mut run = chain.run(input);
            while let Some(record) = run.next().await {
                if out_tx.send(record).await.is_err() {
                    break;
                }
            }
        });
        Ok(Records {
            source: Some(source),
            tx: Some(tx),
            rx: Some(rx),
            pulled: 0,
            in_flight: 0,
            window,
            pending: None,
            input,
            output,
            strict,
            json,
            keys: Keys::default(),
            handle,
            _runtime: runtime,
        })
    }

    /// Pulls items until `window` documents are in flight or the source ends (then the
    /// chain's input is closed).
    fn fill(&mut self, py: Python<'_>) {
        while self.in_flight < self.window {
            let (Some(source), Some(tx)) = (&self.source, &self.tx) else {
                break;
            };
            let mut iter = source.bind(py).clone();
            let item = match iter.next() {
                None => {
                    self.source = None;
                    break;
                }
                Some(Err(e)) => {
                    self.pending = Some(e);
                    self.source = None;
                    break;
                }
                Some(Ok(item)) => item,
            };
            let position = Position::nth(self.pulled);
            self.pulled += 1;
            let record = items::record(py, &self.json, &self.input, &item, &position);
            drop(item);
            if tx.try_send(record).is_err() {
                // cannot happen (the channel holds `window`) unless the chain is gone
                self.pending = Some(PyRuntimeError::new_err("the chain stopped unexpectedly"));
                self.source = None;
                break;
            }
            self.in_flight += 1;
        }
        if self.source.is_none() {
            self.tx = None;
        }
    }

    /// Drops the input, the channels and the pending exception: the run is over.
    fn finish(&mut self) {
        self.source = None;
        self.tx = None;
        self.rx = None;
        self.in_flight = 0;
    }

    /// Waits for the next record with the GIL released. Python's signal handlers run
    /// every [`SIGNAL_CHECK`], so Ctrl-C interrupts a long wait.
    fn next_record(&mut self, py: Python<'_>) -> PyResult<Record> {
        let Some(rx) = self.rx.as_mut() else {
            return Err(PyRuntimeError::new_err("the run is over"));
        };
        let handle = &self.handle;
        loop {
            let got = py.detach(|| {
                handle.block_on(async { tokio::time::timeout(SIGNAL_CHECK, rx.recv()).await })
            });
            match got {
                Ok(Some(record)) => return Ok(record),
                Ok(None) => return Err(PyRuntimeError::new_err("the chain stopped unexpectedly")),
                Err(_) => py.check_signals()?,
            }
        }
    }
}

#[pymethods]
impl Records {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.fill(py);
        if self.in_flight == 0 {
            self.finish();
            return match self.pending.take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        }
        let record = self.next_record(py)?;
        self.in_flight -= 1;
        let (dict, failed) = objects::record(py, &mut self.keys, &self.output, &record)?;
        drop(record);
        if failed && self.strict {
            self.finish();
            self.pending = None;
            return Err(document_error(&dict));
        }
        Ok(Some(dict))
    }

    /// Stops the run: the chain stops, the input is not read further.
    fn close(&mut self) {
        self.finish();
        self.pending = None;
    }

    /// Documents pulled from the input so far (at most a window ahead of the records
    /// returned).
    #[getter]
    fn pulled(&self) -> u64 {
        self.pulled
    }
}
