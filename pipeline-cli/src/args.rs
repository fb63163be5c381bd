//! Command-line arguments: one explicit list of flags.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use pipeline_core::json::LayerSelection;

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
    /// Write a self-contained HTML report: who said what, actors and their sentiment,
    /// who speaks about whom, and documents with their quotes and mentions highlighted.
    Report(ReportArgs),
    /// List the available stages, one line each.
    Stages,
    /// Publish documents to a NATS JetStream work-queue stream (feature `nats`).
    #[cfg(feature = "nats")]
    Publish(PublishArgs),
    /// Run the chain on documents from a NATS stream, publishing results (feature `nats`).
    #[cfg(feature = "nats")]
    Worker(WorkerArgs),
    /// Write the results from a NATS stream as JSON Lines (feature `nats`).
    #[cfg(feature = "nats")]
    Collect(CollectArgs),
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
    /// What to read and how.
    #[command(flatten)]
    pub read: ReadArgs,

    /// Which chain to run.
    #[command(flatten)]
    pub chain: ChainArgs,

    /// Leave `text` out of the output records.
    #[arg(long)]
    pub no_text: bool,

    /// Write only these layers, e.g. `quotes,actors` (built-in layers: lang, sentences,
    /// tokens, stems, quotes, actors, targets; `stems` needs `tokens`). `id`, passed-through
    /// fields and error records are always written, `text` unless --no-text; third-party
    /// layers are left out. The chain still runs every stage it needs.
    #[arg(long, value_name = "a,b")]
    pub layers: Option<LayerSelection>,

    /// Print the tally (documents, errors, bytes, time, rate) and the time per stage to
    /// stderr at the end, even when stderr is not a terminal (on a terminal the tally is
    /// printed anyway).
    #[arg(long, conflicts_with = "no_summary")]
    pub summary: bool,

    /// Never print the tally at the end, even on a terminal.
    #[arg(long)]
    pub no_summary: bool,

    /// Never show a progress bar, even on a terminal.
    #[arg(long)]
    pub no_progress: bool,
}

/// `nlpipe report` options.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// What to read and how: nlpipe's JSON Lines output, or documents (which are run
    /// through the chain first).
    #[command(flatten)]
    pub read: ReadArgs,

    /// The chain run on documents that hold no quotes or actors yet.
    #[command(flatten)]
    pub chain: ChainArgs,

    /// The HTML file to write (`-` for stdout).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// How many documents are shown in full with their highlights (the first ones read).
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub docs: usize,

    /// How many quotes the "who said what" table lists (the first ones read).
    #[arg(long, default_value_t = 500, value_name = "N")]
    pub quotes: usize,

    /// How many actors the bar chart and the matrix show (the most mentioned).
    #[arg(long, default_value_t = 30, value_name = "N")]
    pub actors: usize,

    /// A title for the report.
    #[arg(long, default_value = "nlpipe report", value_name = "TEXT")]
    pub title: String,
}

/// Inputs and how they are read into documents (shared by `run` and `report`).
#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    /// Files, directories (their *.txt and *.jsonl files, recursively, in sorted path
    /// order) or `-` for stdin. None means stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

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

    /// Offsets in the output (and in input `targets`): bytes or chars. For `report`: the
    /// unit of the offsets in its input records.
    #[arg(long, value_enum, default_value = "bytes")]
    pub offsets: Offsets,

    /// Larger documents become error records.
    #[arg(long, default_value_t = 16 << 20, value_name = "N")]
    pub max_doc_bytes: usize,

    /// Replace invalid UTF-8 with U+FFFD instead of making an error record.
    #[arg(long)]
    pub lossy: bool,
}

/// The chain and how it runs (shared by `run` and `report`).
#[derive(Debug, clap::Args)]
pub struct ChainArgs {
    /// The chain, in order (default: every built-in stage).
    #[arg(long, value_delimiter = ',', value_name = "a,b,c")]
    pub stages: Option<Vec<String>>,

    /// A TOML file describing the chain and each stage's options; overrides --stages.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Documents processed in parallel per stage (default: number of cores).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Capacity of the bounded channels between stages.
    #[arg(long, value_name = "N")]
    pub channel_capacity: Option<usize>,
}

/// Connection and stream settings shared by the three subcommands.
#[cfg(feature = "nats")]
#[derive(Debug, Clone, clap::Args)]
pub struct NatsOptions {
    /// The NATS server URL (several, comma-separated, for a cluster).
    #[arg(
        long = "nats",
        value_name = "URL",
        default_value = "nats://127.0.0.1:4222"
    )]
    pub url: String,

    /// De-duplication window of the streams this command creates, in seconds: a message
    /// whose `Nats-Msg-Id` was already stored within this window is dropped.
    #[arg(long, value_name = "SECS", default_value_t = 600)]
    pub duplicate_window: u64,
}

/// `nlpipe publish` options.
#[cfg(feature = "nats")]
#[derive(Debug, clap::Args)]
pub struct PublishArgs {
    /// Connection and stream settings.
    #[command(flatten)]
    pub nats: NatsOptions,

    /// The documents stream (a work queue; also its subject), created if missing.
    #[arg(long, value_name = "DOCS")]
    pub stream: String,

    /// Inputs and how they are read, exactly as for `nlpipe run` (messages always carry
    /// byte offsets).
    #[command(flatten)]
    pub read: ReadArgs,
}

/// `nlpipe worker` options.
#[cfg(feature = "nats")]
#[derive(Debug, clap::Args)]
pub struct WorkerArgs {
    /// Connection and stream settings.
    #[command(flatten)]
    pub nats: NatsOptions,

    /// The documents stream (created if missing).
    #[arg(long, value_name = "DOCS")]
    pub stream: String,

    /// The durable consumer shared by all workers (created if missing).
    #[arg(long, value_name = "NAME")]
    pub consumer: String,

    /// The results stream and subject (created if missing).
    #[arg(long, value_name = "RESULTS")]
    pub results: String,

    /// Documents held by this worker at once (pulled, not yet acknowledged).
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub in_flight: usize,

    /// Consumer setting: seconds before an unacknowledged document is redelivered.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub ack_wait: u64,

    /// Consumer setting: deliveries of one document at most.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub max_deliver: i64,

    /// Consumer setting: unacknowledged documents over all workers at most.
    #[arg(long, value_name = "N", default_value_t = 4096)]
    pub max_ack_pending: i64,

    /// The chain, as for `nlpipe run`.
    #[command(flatten)]
    pub chain: ChainArgs,

    /// Offsets in the results: bytes or chars.
    #[arg(long, value_enum, default_value = "bytes")]
    pub offsets: Offsets,

    /// Leave `text` out of the results.
    #[arg(long)]
    pub no_text: bool,

    /// Publish only these layers, e.g. `quotes,actors` (built-in layers: lang, sentences,
    /// tokens, stems, quotes, actors, targets; `stems` needs `tokens`). `id`, passed-through
    /// fields and error records are always written, `text` unless --no-text; third-party
    /// layers are left out. The chain still runs every stage it needs.
    #[arg(long, value_name = "a,b")]
    pub layers: Option<LayerSelection>,

    /// Larger documents become error records.
    #[arg(long, default_value_t = 16 << 20, value_name = "N")]
    pub max_doc_bytes: usize,
}

/// `nlpipe collect` options.
#[cfg(feature = "nats")]
#[derive(Debug, clap::Args)]
pub struct CollectArgs {
    /// Connection and stream settings.
    #[command(flatten)]
    pub nats: NatsOptions,

    /// The results stream (created if missing).
    #[arg(long, value_name = "RESULTS")]
    pub results: String,

    /// Stop after this many results.
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,

    /// Stop when no result arrived for this many seconds (default: wait for ever, or
    /// until --count or SIGINT/SIGTERM).
    #[arg(long, value_name = "SECS")]
    pub idle_timeout: Option<f64>,
}

/// `e` with a "did you mean" tip when it is an unknown subcommand close to a real one.
///
/// clap suggests a subcommand whose Jaro similarity to the typed word is over 0.7, which
/// misses transpositions in short names (`rnu` and `run` score 0.56): this adds the
/// subcommand at the smallest edit distance (a transposition counts one), at most 1 for
/// names up to 4 letters and 2 for longer ones, when clap found none.
pub fn with_suggestion(mut e: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use clap::CommandFactory;

    if e.kind() != ErrorKind::InvalidSubcommand {
        return e;
    }
    let has_tip = match e.get(ContextKind::SuggestedSubcommand) {
        Some(ContextValue::Strings(s)) => !s.is_empty(),
        Some(_) => true,
        None => false,
    };
    let Some(ContextValue::String(typed)) = e.get(ContextKind::InvalidSubcommand) else {
        return e;
    };
    if has_tip {
        return e;
    }
    let typed = typed.clone();
    let command = Cli::command();
    let best = command
        .get_subcommands()
        .map(|c| c.get_name())
        .map(|name| (strsim::osa_distance(&typed, name), name))
        .filter(|&(d, name)| d <= if name.len() <= 4 { 1 } else { 2 })
        .min();
    if let Some((_, name)) = best {
        e.insert(
            ContextKind::SuggestedSubcommand,
            ContextValue::Strings(vec![name.to_owned()]),
        );
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tip(args: &[&str]) -> String {
        let e = Cli::try_parse_from(args).expect_err("not a valid command line");
        with_suggestion(e).to_string()
    }

    #[test]
    fn transposed_and_misspelt_subcommands_get_a_tip() {
        assert!(tip(&["nlpipe", "rnu"]).contains("similar subcommand exists: 'run'"));
        assert!(tip(&["nlpipe", "reprot"]).contains("'report'"));
        assert!(tip(&["nlpipe", "stagse"]).contains("'stages'"));
        assert!(!tip(&["nlpipe", "xyz"]).contains("tip:"));
    }
}
