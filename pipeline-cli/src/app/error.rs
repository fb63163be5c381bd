//! The CLI's error type and how it is printed.

use std::path::PathBuf;

use pipeline_core::ConfigError;

use crate::input::InputError;

/// Errors that stop a subcommand before or while it runs (exit status 2).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The config file has a mistake.
    #[error("config {path}: {source}")]
    Config {
        /// The config file.
        path: PathBuf,
        /// What is wrong in it.
        #[source]
        source: ConfigError,
    },
    /// The config file cannot be read.
    #[error("config {path}: {source}")]
    ConfigRead {
        /// The config file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// `--stages` names an unknown stage or an impossible chain.
    #[error("--stages: {0}")]
    Stages(#[source] ConfigError),
    /// An input cannot be read at all.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The tokio runtime could not start.
    #[error("cannot start the runtime: {0}")]
    Runtime(#[source] std::io::Error),
    /// The reader thread could not start.
    #[error("cannot start the reader thread: {0}")]
    Reader(#[source] std::io::Error),
    /// The report cannot be written.
    #[error("report {path}: {source}")]
    Report {
        /// The report file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// The error and its causes on one line, without repeating a cause already in the text.
pub fn error_chain(e: &dyn std::error::Error) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("outer")]
    struct Outer(#[source] std::io::Error);

    #[test]
    fn error_chain_is_one_line_without_repeated_causes() {
        let io = std::io::Error::other("disk\nfull");
        let e = Error::ConfigRead {
            path: "c.toml".into(),
            source: io,
        };
        // the message already holds the cause: it is not appended a second time
        assert_eq!(error_chain(&e), "config c.toml: disk full");
        // a cause the message does not hold is appended after a colon
        let e = Outer(std::io::Error::other("inner"));
        assert_eq!(error_chain(&e), "outer: inner");
    }
}
