//! The tokio runtime a `Pipeline` runs its chain on, shared with its runs.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

/// The tokio runtime of a pipeline, shut down without waiting when the last user of it
/// goes (a stage still busy on a dropped run does not block Python).
pub struct Runtime(Option<tokio::runtime::Runtime>);

impl Runtime {
    /// A multi-threaded runtime with `jobs` workers.
    pub fn new(jobs: usize) -> PyResult<Runtime> {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(jobs.clamp(1, 64))
            .thread_name("nlpipe-worker")
            .enable_all()
            .build()
            .map(|rt| Runtime(Some(rt)))
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start the runtime: {e}")))
    }

    /// The runtime's handle.
    pub fn handle(&self) -> Option<&tokio::runtime::Handle> {
        self.0.as_ref().map(tokio::runtime::Runtime::handle)
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        if let Some(rt) = self.0.take() {
            rt.shutdown_background();
        }
    }
}
