//! `nlpipe report`: one self-contained HTML file from nlpipe's JSON Lines output, or
//! straight from documents.
//!
//! Records are read with the same reader as `run` ([`crate::app::read`]). A JSON record that
//! already holds `quotes` or `actors` is taken as it is; every other document goes
//! through the chain first (the same chain `run` builds). Records stream into an
//! [`aggregate::Aggregate`] that keeps counts for everything and the details (quote
//! table, documents shown in full, problems) only for the first ones, so memory and the
//! file stay bounded whatever the input's size; [`html::render`] then writes the page.
//! Bad lines and error records are counted and listed, never fatal.

mod aggregate;
mod html;
mod model;
mod svg;
mod text;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use futures::StreamExt;
use pipeline_core::{Chain, Failure, InputOptions, Record};
use tokio::sync::mpsc;

use crate::app::{self, Error};
use crate::args::ReportArgs;
use aggregate::{Aggregate, Limits};
use model::{DocView, LineKind};

/// Problems listed one by one in the report.
const PROBLEMS_LISTED: usize = 200;

/// What the reader sends for the report.
// a `Record` is as large as what `run`'s reader sends; boxing it would add an allocation
// per document for nothing
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Item {
    /// A record that already holds quotes or actors.
    Ready(DocView),
    /// A document the chain must analyse first.
    Analyse(Record),
}

/// Reads records for the report: analysed JSON records become [`Item::Ready`], the rest
/// go through [`InputOptions`] exactly as for `run`.
#[derive(Debug, Clone)]
pub struct ReportParser {
    doc: InputOptions,
}

impl crate::input::Parse for ReportParser {
    type Item = Item;

    fn text(&self, id: String, text: String) -> Item {
        Item::Analyse(self.doc.text_document(id, text))
    }

    fn json(&self, position_id: &str, line: &str) -> Item {
        match model::classify(position_id, line, self.doc.offsets) {
            LineKind::Analysed(view) => Item::Ready(view),
            LineKind::Failed(f) => Item::Analyse(Err(f)),
            LineKind::Broken(message) => Item::Analyse(Err(Failure::new(
                position_id,
                "input",
                "invalid_layers",
                message,
            ))),
            LineKind::Other => Item::Analyse(self.doc.json_document(position_id, line)),
        }
    }

    fn failure(&self, failure: Failure) -> Item {
        Item::Analyse(Err(failure))
    }

    fn failure_of(item: &Item) -> Option<&Failure> {
        match item {
            Item::Analyse(Err(f)) => Some(f),
            _ => None,
        }
    }
}

/// Runs `nlpipe report`: exit 0 once the report is written (problems in the input are
/// listed in it), 2 when it cannot be (bad usage, config, input or output).
pub fn report(args: &ReportArgs) -> Result<ExitCode, Error> {
    let chain = app::chain::build(&args.chain)?;
    let (sources, opts) = app::read::reader(&args.read)?;
    let parser = ReportParser {
        doc: opts.doc.clone(),
    };
    let capacity = chain.options().channel_capacity.max(1);
    let runtime = app::runtime(chain.options().jobs)?;
    let limits = Limits {
        docs: args.docs,
        quotes: args.quotes,
        actors: args.actors,
        problems: PROBLEMS_LISTED,
    };
    let agg = runtime.block_on(async {
        let rx = app::read::spawn_reader(sources, opts, parser, capacity)?;
        Ok::<_, Error>(collect(&chain, rx, limits, capacity).await)
    });
    // the reader thread may be blocked on a read of stdin: do not wait for it
    runtime.shutdown_background();
    let agg = agg?;
    let page = html::render(&agg, &html::Page { title: &args.title });
    write_output(&args.output, page.as_bytes()).map_err(|source| Error::Report {
        path: args.output.clone(),
        source,
    })?;
    eprintln!(
        "nlpipe: report {}: {} documents, {} quotes, {} actors, {} problems, {} KiB",
        args.output.display(),
        agg.documents,
        agg.quotes,
        agg.actors.len(),
        agg.problem_count,
        page.len().div_ceil(1024)
    );
    Ok(ExitCode::SUCCESS)
}

/// Routes ready records straight to the aggregate and the others through the chain,
/// numbering them in input order so the aggregate keeps the first ones.
async fn collect(
    chain: &Chain,
    mut rx: mpsc::Receiver<Item>,
    limits: Limits,
    capacity: usize,
) -> Aggregate {
    let mut agg = Aggregate::new(limits);
    let (doc_tx, mut doc_rx) = mpsc::channel::<Record>(capacity);
    let (seq_tx, mut seq_rx) = mpsc::unbounded_channel::<u64>();
    let (ready_tx, mut ready_rx) = mpsc::channel::<(u64, DocView)>(capacity);
    tokio::spawn(async move {
        let mut seq = 0u64;
        while let Some(item) = rx.recv().await {
            seq += 1;
            let sent = match item {
                Item::Ready(view) => ready_tx.send((seq, view)).await.is_ok(),
                // the chain keeps order: its n-th output is the n-th record sent
                Item::Analyse(record) => {
                    seq_tx.send(seq).is_ok() && doc_tx.send(record).await.is_ok()
                }
            };
            if !sent {
                break;
            }
        }
    });
    let mut run = chain.run(futures::stream::poll_fn(move |cx| doc_rx.poll_recv(cx)));
    let (mut chain_open, mut ready_open) = (true, true);
    while chain_open || ready_open {
        tokio::select! {
            record = run.next(), if chain_open => match record {
                Some(record) => {
                    let seq = seq_rx.recv().await.unwrap_or(u64::MAX);
                    match record {
                        Ok(doc) => agg.add_doc(seq, DocView::from_document(&doc)),
                        Err(f) => agg.add_failure(seq, f),
                    }
                }
                None => chain_open = false,
            },
            ready = ready_rx.recv(), if ready_open => match ready {
                Some((seq, view)) => agg.add_doc(seq, view),
                None => ready_open = false,
            },
        }
    }
    agg
}

/// Writes the page to `path` (`-`: stdout) through a temporary file next to it, so a
/// failed run never leaves half a report.
fn write_output(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)?;
        return out.flush();
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
