//! Embedding nlpipe in a Rust program: one stage on a `&str`, then a whole chain over a
//! stream of documents.
//!
//! Run with `cargo run -p stages --example embed`.

use futures::StreamExt;
use pipeline_core::{Chain, Document, OutputOptions, SyncStage};
use stages::{lang::LangStage, stems::StemStage, tokens::TokenStage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // 1. A single stage, directly on a &str: no runtime, no channels.
    let mut doc = Document::new("one", "Islamabad and Moscow signed a defence agreement.");
    TokenStage::default().apply(&mut doc)?;
    let words: Vec<&str> = doc
        .tokens()
        .unwrap_or_default()
        .iter()
        .map(|t| t.span.slice(doc.text()))
        .collect();
    println!("tokens: {words:?}");

    // 2. A chain over any Stream of documents, in input order, on every core.
    let chain = Chain::builder()
        .sync_stage(LangStage::new(Default::default()))
        .sync_stage(TokenStage::default())
        .sync_stage(StemStage::default())
        .jobs(2)
        .build()?;
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let texts: [&'static str; 2] = [
            "The minister said the talks were constructive.",
            "Le ministre a déclaré que les négociations continueraient.",
        ];
        let input = futures::stream::iter(
            texts
                .into_iter()
                .enumerate()
                .map(|(i, t)| Ok(Document::new(format!("doc-{i}"), t))),
        );
        let mut run = chain.run(input);
        let mut line = Vec::new();
        while let Some(record) = run.next().await {
            line.clear();
            OutputOptions::default().write_line(&record, &mut line);
            print!("{}", String::from_utf8_lossy(&line));
        }
        let summary = run.summary();
        eprintln!(
            "{} documents, {} failed, in {:?}",
            summary.documents, summary.failures, summary.elapsed
        );
    });
    Ok(())
}
