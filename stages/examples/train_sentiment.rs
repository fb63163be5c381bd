//! Trains the `sentiment` stage's targeted model from NewsMTSC-style JSON Lines and
//! writes it as OUT_MODEL.tsv and, beside it, its binary form OUT_MODEL.bin (which the
//! stage embeds). `--compile MODEL.tsv` only writes MODEL.bin from an existing model.
//!
//! ```text
//! cargo run -p stages --features train --example train_sentiment --release -- \
//!     TRAIN.jsonl OUT_MODEL.tsv [--teacher TEACHER.jsonl ...] [--report DEV.jsonl ...]
//! ```
//!
//! Each line of TRAIN needs `text`, `target_start`, `target_end` (character offsets) and
//! `polarity` (-1, 0, 1). `--teacher` files are nlpipe output with character offsets
//! (`nlpipe run --offsets chars` of the transformer model on records with `targets`, as
//! `tools/sentiment_teacher.py` writes them): every scored target is a soft-labelled
//! example, except those overlapping a TRAIN target in the same text. Only TRAIN and
//! the teacher files are learned from; `--report` files are scored with the new model
//! and their figures printed, nothing else.

use std::collections::HashMap;
use std::process::ExitCode;

use stages::sentiment::train::{evaluate, to_binary, train, Example, TrainOptions};

/// Byte offset of character offset `c` in `text` (its end when past it).
fn byte(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}

/// The teacher's class probabilities from its output: P(positive) − P(negative) and the
/// most probable class. Half the mass goes to that class, half to
/// (max(−s, 0), 1 − |s|, max(s, 0)), which has the same P(positive) − P(negative).
fn soft_label(score: f32, class: i8) -> [f32; 3] {
    let s = score.clamp(-1.0, 1.0);
    let spread = [(-s).max(0.0), 1.0 - s.abs(), s.max(0.0)];
    std::array::from_fn(|c| 0.5 * spread[c] + 0.5 * f32::from(c as i8 == class + 1))
}

/// Teacher-labelled examples from nlpipe output; targets overlapping a gold target of
/// the same text (`gold`: text → byte spans) are left out.
fn load_teacher(
    path: &str,
    gold: &HashMap<String, Vec<(usize, usize)>>,
) -> Result<Vec<Example>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        let text = v["text"].as_str().unwrap_or_default();
        let taken = gold.get(text).map(Vec::as_slice).unwrap_or(&[]);
        for t in v["targets"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
            let sent = &t["sentiment"];
            let (Some(cs), Some(ce), Some(score)) = (
                t["start"].as_u64(),
                t["end"].as_u64(),
                sent["score"].as_f64(),
            ) else {
                continue;
            };
            let class = match sent["label"].as_str() {
                Some("positive") => 1,
                Some("negative") => -1,
                _ => 0,
            };
            let (start, end) = (byte(text, cs as usize), byte(text, ce as usize));
            if taken.iter().any(|&(a, b)| a < end && start < b) {
                continue;
            }
            out.push(Example {
                text: text.to_owned(),
                start,
                end,
                polarity: class,
                soft: Some(soft_label(score as f32, class)),
            });
        }
    }
    Ok(out)
}

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
        let (start, end) = (byte(&text, cs), byte(&text, ce));
        let polarity = v["polarity"].as_i64().unwrap_or(0).clamp(-1, 1) as i8;
        out.push(Example {
            text,
            start,
            end,
            polarity,
            soft: None,
        });
    }
    Ok(out)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let (Some("--compile"), Some(path)) = (args.first().map(String::as_str), args.get(1)) {
        let bin = std::path::Path::new(path).with_extension("bin");
        let done = std::fs::read_to_string(path)
            .and_then(|m| std::fs::write(&bin, to_binary(&m)))
            .map_err(|e| eprintln!("train_sentiment: {path}: {e}"));
        return if done.is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    let (Some(train_path), Some(out_path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: train_sentiment TRAIN.jsonl OUT_MODEL.tsv [--report DEV.jsonl ...]");
        return ExitCode::from(2);
    };
    let after = |flag: &str| -> Vec<&String> {
        args.iter()
            .skip_while(|a| *a != flag)
            .skip(1)
            .take_while(|a| !a.starts_with("--"))
            .collect()
    };
    let reports = after("--report");
    let teachers = after("--teacher");
    let run = || -> Result<(), String> {
        let mut data = load(train_path)?;
        let mut gold: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for ex in &data {
            gold.entry(ex.text.clone())
                .or_default()
                .push((ex.start, ex.end));
        }
        let n_gold = data.len();
        for path in &teachers {
            data.extend(load_teacher(path, &gold)?);
        }
        eprintln!(
            "{n_gold} gold examples, {} from teachers",
            data.len() - n_gold
        );
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
        if let Ok(v) = std::env::var("SOFT_WEIGHT") {
            opts.soft_weight = v.parse().map_err(|_| "SOFT_WEIGHT")?;
        }
        if let Ok(v) = std::env::var("DROP_DENSE") {
            opts.drop_dense = v.split(',').map(str::to_owned).collect();
        }
        if let Ok(v) = std::env::var("DROP_SPARSE") {
            opts.drop_sparse = v.split(',').map(str::to_owned).collect();
        }
        if std::env::var("GOLD_CLASS_WEIGHTS").is_ok() {
            opts.gold_class_weights = true;
        }
        if std::env::var("NO_AVERAGE").is_ok() {
            opts.average = false;
        }
        if let Ok(v) = std::env::var("MIN_COUNT") {
            opts.min_count = v.parse().map_err(|_| "MIN_COUNT")?;
        }
        let model = train(&data, &opts);
        std::fs::write(out_path, &model).map_err(|e| format!("{out_path}: {e}"))?;
        let bin_path = std::path::Path::new(out_path).with_extension("bin");
        std::fs::write(&bin_path, to_binary(&model))
            .map_err(|e| format!("{}: {e}", bin_path.display()))?;
        let e = evaluate(&model, &data[..n_gold]);
        eprintln!(
            "train (gold): {} examples, macro F1 {:.3}, accuracy {:.3}",
            n_gold, e.macro_f1, e.accuracy
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
