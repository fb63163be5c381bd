//! A fixed amount of `sentiment` stage work on the documents of the criterion benchmark
//! `benches/sentiment.rs`, for instruction counts and CPU time on a busy machine, where
//! criterion's wall-clock figures are inflated by other processes:
//!
//! ```text
//! cargo build --release -p benches --example sentiment_cpu
//! valgrind --tool=callgrind target/release/examples/sentiment_cpu article_4k 2
//! perf stat -e instructions,task-clock target/release/examples/sentiment_cpu long_64k 20
//! ```
//!
//! `article_4k N` / `long_64k N`: tokenises that group's documents, runs the stage once
//! over them (loading its lexicons, gazetteers and models), then N more times, and
//! prints the bytes of one pass. Instructions of N passes minus those of 0 passes,
//! divided by N × bytes, are the stage's instructions per byte.

use std::hint::black_box;

use benches::wire::tokenized_articles;
use pipeline_core::{Document, SyncStage};
use stages::sentiment::SentimentStage;

fn main() {
    let mut args = std::env::args().skip(1);
    let group = args.next().unwrap_or_else(|| "article_4k".to_owned());
    let passes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let (size, count) = match group.as_str() {
        "long_64k" => (64_000, 4),
        _ => (4_000, 64),
    };
    let stage = SentimentStage::default();
    let mut docs: Vec<Document> = tokenized_articles(size, count);
    for _ in 0..=passes {
        for d in docs.iter_mut() {
            if let Err(e) = stage.apply(black_box(d)) {
                panic!("sentiment: {e}");
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    println!("{group}: {bytes} bytes a pass, {passes} passes after the first");
}
