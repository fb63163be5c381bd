//! The CLI's error type and how it is printed.

use std::path::PathBuf;

use pipeline_core::error::chain_line;
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

/// How an error that stops a subcommand is printed after `nlpipe: `: with its causes on
/// one line ([`chain_line`]), except a config file that does not parse, whose message keeps
/// its layout (the line of the file and the caret under the mistake).
pub fn error_text(e: &(dyn std::error::Error + 'static)) -> String {
    if let Some(Error::Config {
        path,
        source: ConfigError::Syntax(message),
    }) = e.downcast_ref::<Error>()
    {
        return format!("config {}: {}", path.display(), message.trim_end());
    }
    chain_line(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_the_message_quotes_is_printed_once() {
        let e = Error::ConfigRead {
            path: "c.toml".into(),
            source: std::io::Error::other("disk\nfull"),
        };
        assert_eq!(chain_line(&e), "config c.toml: disk full");
    }
}

#[cfg(test)]
mod layout_tests {
    use super::*;

    #[test]
    fn a_toml_syntax_error_keeps_its_lines() {
        let e = Error::Config {
            path: "c.toml".into(),
            source: ConfigError::Syntax("TOML parse error\n1 | x\n  | ^\n".into()),
        };
        assert_eq!(
            error_text(&e),
            "config c.toml: TOML parse error\n1 | x\n  | ^"
        );
        let other = Error::Stages(ConfigError::Empty("lang".into()));
        assert_eq!(error_text(&other), chain_line(&other));
    }
}
