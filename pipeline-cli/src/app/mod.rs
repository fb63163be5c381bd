//! What every subcommand shares, set up in one place: the chain from `--stages` or
//! `--config` ([`chain`]), the reader thread and its options ([`read`]), the serialiser
//! and the stdout writer ([`sink`]), the runtime, and the error type ([`Error`], printed with
//! its causes on one line by [`pipeline_core::error::chain_line`]).
//!
//! `run`, `report` and the NATS subcommands build on these and nothing else of each
//! other; `main.rs` only parses the flags, dispatches and picks the exit code.

pub mod chain;
mod error;
pub mod meter;
pub mod read;
pub mod sink;

pub use error::{error_text, Error};

/// A multi-threaded runtime with `jobs` workers.
pub fn runtime(jobs: usize) -> Result<tokio::runtime::Runtime, Error> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(jobs.clamp(1, 64))
        .enable_all()
        .build()
        .map_err(Error::Runtime)
}
