//! Trains the entity tagger (`stages::entities`) from JSON Lines with entity spans.
//!
//! ```text
//! cargo run -p stages --features train --example train_entities --release -- \
//!     OUT_MODEL.bin --train en=TRAIN.jsonl [--train pt=MORE.jsonl ...] \
//!     [--silver en=SILVER.jsonl ...] [--report en=DEV.jsonl ...]
//! ```
//!
//! Each line needs `text` and `entities`: `[{"start", "end", "type"}]` with character
//! offsets and types `PER`, `ORG`, `LOC` (others are ignored). The code before `=` is
//! the language of the file. `--silver` files (labels of another tagger) are learned
//! only in their language's own feature space (English), never in the one the other
//! languages share. Only `--train` and `--silver` files are learned from; `--report` files
//! are scored with the new model (exact token spans) and their figures printed.
//! `SCORE_ONLY=MODEL.bin` trains nothing and prints the reports of that model.
//! `EPOCHS`, `BITS`, `SEED`, `RUNS` (perceptrons averaged) and `DROPOUT` (per mille)
//! override the defaults.

use std::process::ExitCode;
use std::time::Instant;

use stages::entities::train::{evaluate, train, TrainDoc, TrainOptions};
use stages::entities::{EntityType, Recognizer};

fn load(spec: &str) -> Result<Vec<TrainDoc>, String> {
    let (lang, path) = spec
        .split_once('=')
        .ok_or_else(|| format!("{spec}: expected LANG=PATH"))?;
    let src = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        let text = v["text"].as_str().unwrap_or_default().to_owned();
        // character offset -> byte offset
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let byte = |c: u64| bytes.get(c as usize).copied().unwrap_or(text.len());
        let mut entities = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            let Some(kind) = e["type"].as_str().and_then(EntityType::parse) else {
                continue;
            };
            let (s, t) = (
                e["start"].as_u64().unwrap_or(0),
                e["end"].as_u64().unwrap_or(0),
            );
            if t > s {
                entities.push((byte(s), byte(t), kind));
            }
        }
        out.push(TrainDoc::new(&text, Some(lang), entities));
    }
    Ok(out)
}

/// Writes each document's predicted entities (`doc\tstart\tend\ttype\ttext`, byte
/// offsets) for error analysis.
fn dump(rec: &Recognizer, docs: &[TrainDoc], path: &str) -> Result<(), String> {
    let mut out = String::new();
    for (i, d) in docs.iter().enumerate() {
        let tokens = stages::tokens::tokenize(&d.text);
        for e in rec.recognize_text(&d.text, &tokens, d.lang.as_deref()) {
            let t = e.span.slice(&d.text).replace(['\t', '\n'], " ");
            out.push_str(&format!(
                "{i}\t{}\t{}\t{}\t{t}\n",
                e.span.start,
                e.span.end,
                e.kind.as_str()
            ));
        }
    }
    std::fs::write(path, out).map_err(|e| format!("{path}: {e}"))
}

fn specs<'a>(args: &'a [String], flag: &str) -> Vec<&'a String> {
    args.windows(2)
        .filter(|w| w[0] == flag)
        .map(|w| &w[1])
        .collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out_path) = args.first().filter(|a| !a.starts_with("--")) else {
        eprintln!("usage: train_entities OUT.bin --train LANG=TRAIN.jsonl ... [--report LANG=DEV.jsonl ...]");
        return ExitCode::from(2);
    };
    let run = || -> Result<(), String> {
        let mut opts = TrainOptions::default();
        let env = |k: &str| std::env::var(k).ok();
        if let Some(v) = env("EPOCHS") {
            opts.epochs = v.parse().map_err(|_| "EPOCHS")?;
        }
        if let Some(v) = env("BITS") {
            opts.bits = v.parse().map_err(|_| "BITS")?;
        }
        if let Some(v) = env("DROPOUT") {
            opts.dropout_per_mille = v.parse().map_err(|_| "DROPOUT")?;
        }
        if let Some(v) = env("RUNS") {
            opts.runs = v.parse().map_err(|_| "RUNS")?;
        }
        if let Some(v) = env("SEED") {
            opts.seed = v.parse().map_err(|_| "SEED")?;
        }
        let mut docs = Vec::new();
        for s in specs(&args, "--train") {
            docs.extend(load(s)?);
        }
        for s in specs(&args, "--silver") {
            docs.extend(load(s)?.into_iter().map(TrainDoc::silver));
        }
        let rec = if let Some(path) = env("SCORE_ONLY") {
            // no training: the reports of an existing model file
            let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
            Recognizer::from_bytes(&bytes).map_err(|e| format!("{path}: {e}"))?
        } else {
            let started = Instant::now();
            let rec = train(&docs, &opts);
            eprintln!(
                "trained on {} documents, {:?}, in {:.1} s",
                docs.len(),
                opts,
                started.elapsed().as_secs_f64()
            );
            std::fs::write(out_path, rec.to_bytes()).map_err(|e| format!("{out_path}: {e}"))?;
            rec
        };
        for s in specs(&args, "--report") {
            let docs = load(s)?;
            if let Some(dir) = env("DUMP") {
                dump(
                    &rec,
                    &docs,
                    &format!("{dir}/{}.tsv", s.replace(['/', '='], "_")),
                )?;
            }
            let f = evaluate(&rec, &docs);
            let (p, r, f1) = f.micro();
            let per: Vec<String> = EntityType::ALL
                .iter()
                .map(|&t| format!("{} {:.3}", t.as_str(), f.of(t).2))
                .collect();
            println!("{s}: P {p:.3} R {r:.3} F1 {f1:.3} ({})", per.join(", "));
        }
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_entities: {e}");
            ExitCode::FAILURE
        }
    }
}
