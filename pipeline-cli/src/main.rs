//! `nlpipe`: a thin binary over `pipeline-core` and `stages`. It parses the flags,
//! dispatches to a subcommand and prints what stopped it; exit status 0 (all documents
//! processed), 1 (some became error records), 2 (bad usage, config or input), 130/143
//! (stopped by SIGINT/SIGTERM after flushing everything read so far).
//!
//! The subcommands (`run`, `report` and, with the `nats` feature, `publish`, `worker`
//! and `collect`) share [`app`]: the chain from the flags, the reader and the sink.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod app;
mod args;
mod encoding;
mod input;
#[cfg(feature = "nats")]
mod nats;
mod report;
mod run;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::try_parse().unwrap_or_else(|e| args::with_suggestion(e).exit());
    match dispatch(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("nlpipe: {}", app::error_text(e.as_ref()));
            ExitCode::from(2)
        }
    }
}

/// Runs the subcommand; an error stops it with exit status 2.
fn dispatch(command: Command) -> Result<ExitCode, Box<dyn std::error::Error>> {
    Ok(match command {
        Command::Stages => {
            app::chain::list_stages();
            ExitCode::SUCCESS
        }
        Command::Run(args) => run::run(args)?,
        Command::Report(args) => report::report(&args)?,
        #[cfg(feature = "nats")]
        Command::Publish(args) => nats::publish(args)?,
        #[cfg(feature = "nats")]
        Command::Worker(args) => nats::worker(args)?,
        #[cfg(feature = "nats")]
        Command::Collect(args) => nats::collect(args)?,
    })
}
