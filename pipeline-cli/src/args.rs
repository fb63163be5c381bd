//! Command-line arguments: one explicit list of flags.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Stream news text through an NLP chain: language, tokens, stems, quotes, sentiment.
/// JSON Lines out, one record per input document, in input order.
#[derive(Debug, Parser)]
#[command(name = "nlpipe", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Stream documents through the chain and write JSON Lines to stdout.
    Run(RunArgs),
    /// List the available stages, one line each.
    Stages,
    /// Publish documents to a NATS JetStream work-queue stream (feature `nats`).
    #[cfg(feature = "nats")]
    Publish(crate::nats::PublishArgs),
    /// Run the chain on documents from a NATS stream, publishing results (feature `nats`).
    #[cfg(feature = "nats")]
    Worker(crate::nats::WorkerArgs),
    /// Write the results from a NATS stream as JSON Lines (feature `nats`).
    #[cfg(feature = "nats")]
    Collect(crate::nats::CollectArgs),
}

/// How input files are split into documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputMode {
    /// Each file (or all of stdin) is one document.
    Text,
    /// Each non-blank line is one document.
    Lines,
    /// Each non-blank line is a JSON object.
    Jsonl,
}

/// Offsets unit of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Offsets {
    /// UTF-8 byte offsets.
    Bytes,
    /// Unicode code-point offsets.
    Chars,
}

/// `nlpipe run` options.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Files, directories (their *.txt and *.jsonl files, recursively, in sorted path
    /// order) or `-` for stdin. None means stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// The chain, in order (default: every built-in stage).
    #[arg(long, value_delimiter = ',', value_name = "a,b,c")]
    pub stages: Option<Vec<String>>,

    /// A TOML file describing the chain and each stage's options; overrides --stages.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// How inputs are split into documents (default: jsonl for *.jsonl, text otherwise;
    /// for stdin, jsonl when its first non-blank byte is `{`).
    #[arg(long, value_enum)]
    pub input: Option<InputMode>,

    /// JSON field holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,

    /// JSON field holding the id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,

    /// Offsets in the output (and in input `targets`): bytes or chars.
    #[arg(long, value_enum, default_value = "bytes")]
    pub offsets: Offsets,

    /// Leave `text` out of the output records.
    #[arg(long)]
    pub no_text: bool,

    /// Larger documents become error records.
    #[arg(long, default_value_t = 16 << 20, value_name = "N")]
    pub max_doc_bytes: usize,

    /// Documents processed in parallel per stage (default: number of cores).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Capacity of the bounded channels between stages.
    #[arg(long, value_name = "N")]
    pub channel_capacity: Option<usize>,

    /// Replace invalid UTF-8 with U+FFFD instead of making an error record.
    #[arg(long)]
    pub lossy: bool,

    /// Print a summary (documents, failures, time per stage) to stderr at the end.
    #[arg(long)]
    pub summary: bool,

    /// Never show a progress bar, even on a terminal.
    #[arg(long)]
    pub no_progress: bool,
}
