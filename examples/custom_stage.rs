//! A complete third-party stage: `keywords`, the most frequent content words of each
//! document, stored as its own typed layer. It is registered next to the built-in stages
//! and the chain is read from a config file.
//!
//! ```text
//! cargo run -p stages --example custom_stage -- examples/custom_chain.toml examples/articles/01-harbour-deal.txt
//! ```

use std::collections::HashMap;

use futures::StreamExt;
use pipeline_core::{
    Document, InputOptions, Layer, LayerName, OutputOptions, StageError, SyncStage, TokenKind,
};
use serde::{Deserialize, Serialize};

/// Options of the `keywords` stage, as written in the config file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct KeywordConfig {
    /// How many keywords to keep.
    top: usize,
    /// Shortest word counted.
    min_len: usize,
}

impl Default for KeywordConfig {
    fn default() -> Self {
        KeywordConfig { top: 5, min_len: 4 }
    }
}

/// The layer this stage adds: serialised as `"keywords": [{"word", "count", "start", "end"}]`.
/// `start`/`end` (the first occurrence) are converted by `--offsets chars` like any span.
#[derive(Debug, Serialize, Deserialize)]
struct Keywords(Vec<Keyword>);

#[derive(Debug, Serialize, Deserialize)]
struct Keyword {
    word: String,
    count: usize,
    start: usize,
    end: usize,
}

impl Layer for Keywords {
    const NAME: &'static str = "keywords";
}

struct KeywordStage {
    config: KeywordConfig,
}

impl SyncStage for KeywordStage {
    fn name(&self) -> &str {
        "keywords"
    }

    // the chain refuses to build unless `tokens` and `stems` run first
    fn requires(&self) -> Vec<LayerName> {
        vec![LayerName::TOKENS, LayerName::STEMS]
    }

    fn provides(&self) -> Vec<LayerName> {
        vec![LayerName::custom(Keywords::NAME)]
    }

    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        let tokens = doc
            .tokens()
            .ok_or(StageError::MissingLayer(LayerName::TOKENS))?;
        // stem -> (count, first token)
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for (i, t) in tokens.iter().enumerate() {
            let word = t.span.slice(doc.text());
            if t.kind != TokenKind::Word || word.chars().count() < self.config.min_len {
                continue;
            }
            let key = t.stem.as_deref().unwrap_or(word);
            counts.entry(key).or_insert((0, i)).0 += 1;
        }
        let mut ranked: Vec<_> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
        let keywords = ranked
            .into_iter()
            .take(self.config.top)
            .map(|(_, (count, first))| {
                let span = tokens[first].span;
                Keyword {
                    word: span.slice(doc.text()).to_lowercase(),
                    count,
                    start: span.start,
                    end: span.end,
                }
            })
            .collect();
        doc.insert_layer(&Keywords(keywords))?;
        Ok(())
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let config_path = args
        .next()
        .ok_or("usage: custom_stage CONFIG.toml FILE...")?;

    // 1. register the stage beside the built-in ones
    let mut registry = stages::registry();
    registry.register_sync(
        "keywords",
        "most frequent content words (example third-party stage)",
        |config: KeywordConfig| Ok(KeywordStage { config }),
    );

    // 2. build the chain from the config file: unknown keys and wrong order are errors here
    let src = std::fs::read_to_string(&config_path)?;
    let (chain, _) = registry
        .chain_from_toml(&src)
        .map_err(|e| format!("config {config_path}: {e}"))?;

    // 3. run it over the files given, one document each
    let opts = InputOptions::default();
    let docs: Vec<_> = args
        .map(|path| match std::fs::read_to_string(&path) {
            Ok(text) => opts.text_document(path, text),
            Err(e) => Err(pipeline_core::Failure::new(
                path,
                "input",
                "unreadable",
                e.to_string(),
            )),
        })
        .collect();
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let mut run = chain.run(futures::stream::iter(docs));
        let mut line = Vec::new();
        while let Some(record) = run.next().await {
            line.clear();
            OutputOptions {
                no_text: true,
                ..OutputOptions::default()
            }
            .write_line(&record, &mut line);
            print!("{}", String::from_utf8_lossy(&line));
        }
    });
    Ok(())
}
