//! Trains the `sentiment` stage's targeted model from NewsMTSC-style JSON Lines.
//!
//! ```text
//! cargo run -p stages --features train --example train_sentiment --release -- \
//!     TRAIN.jsonl OUT_MODEL.tsv [--report DEV.jsonl ...]
//! ```
//!
//! Each line needs `text`, `target_start`, `target_end` (character offsets) and
//! `polarity` (-1, 0, 1). Only TRAIN is learned from; `--report` files are scored with the
//! new model and their figures printed, nothing else.

use std::process::ExitCode;

use stages::sentiment::train::{evaluate, train, Example, TrainOptions};

fn load(path: &str) -> Result<Vec<Example>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        let text = v["text"].as_str().unwrap_or_default().to_owned();
        let cs = v["target_start"].as_u64().unwrap_or(0) as usize;
        let ce = v["target_end"].as_u64().unwrap_or(0) as usize;
        let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
        let (start, end) = (byte(cs), byte(ce));
        let polarity = v["polarity"].as_i64().unwrap_or(0).clamp(-1, 1) as i8;
        out.push(Example {
            text,
            start,
            end,
            polarity,
        });
    }
    Ok(out)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(train_path), Some(out_path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: train_sentiment TRAIN.jsonl OUT_MODEL.tsv [--report DEV.jsonl ...]");
        return ExitCode::from(2);
    };
    let reports: Vec<&String> = args
        .iter()
        .skip_while(|a| *a != "--report")
        .skip(1)
        .collect();
    let run = || -> Result<(), String> {
        let data = load(train_path)?;
        let mut opts = TrainOptions::default();
        if let Ok(v) = std::env::var("EPOCHS") {
            opts.epochs = v.parse().map_err(|_| "EPOCHS")?;
        }
        if let Ok(v) = std::env::var("L2") {
            opts.l2 = v.parse().map_err(|_| "L2")?;
        }
        if let Ok(v) = std::env::var("LR") {
            opts.learning_rate = v.parse().map_err(|_| "LR")?;
        }
        if std::env::var("NO_AVERAGE").is_ok() {
            opts.average = false;
        }
        if let Ok(v) = std::env::var("MIN_COUNT") {
            opts.min_count = v.parse().map_err(|_| "MIN_COUNT")?;
        }
        let model = train(&data, &opts);
        std::fs::write(out_path, &model).map_err(|e| format!("{out_path}: {e}"))?;
        let e = evaluate(&model, &data);
        eprintln!(
            "train: {} examples, macro F1 {:.3}, accuracy {:.3}",
            data.len(),
            e.macro_f1,
            e.accuracy
        );
        for path in reports {
            let dev = load(path)?;
            let e = evaluate(&model, &dev);
            eprintln!(
                "report {path}: macro F1 {:.3}, accuracy {:.3}, confusion {:?}",
                e.macro_f1, e.accuracy, e.confusion
            );
        }
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_sentiment: {e}");
            ExitCode::FAILURE
        }
    }
}
