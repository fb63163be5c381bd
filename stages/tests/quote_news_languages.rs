//! The French, Spanish and Portuguese news test set of `tests/quotes/news_fr_es_pt.txt`
//! (texts written for nlpipe), run through the public API and scored as the shared
//! scorer scores gold files: per language quote F1 (a predicted quote matches a gold one
//! when their spans, trimmed of quotation marks and punctuation, overlap by Jaccard ≥
//! 0.5, one to one) and speaker accuracy on the matched quotes (the predicted entity ends
//! with the gold name; `-` wants no speaker). The figures are printed
//! (`cargo test -p stages --test quote_news_languages -- --nocapture`) and must stay at
//! or above the floors below.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use pipeline_core::{Document, SyncStage};
use stages::quotes::QuoteStage;
use stages::tokens::TokenStage;

const SET: &str = include_str!("quotes/news_fr_es_pt.txt");

/// Floors per language: (quote F1, speaker accuracy).
const FLOORS: [(&str, f64, f64); 3] = [("fr", 0.85, 0.85), ("es", 0.85, 0.85), ("pt", 0.85, 0.85)];

/// One document of the set: its language, text and gold quotes (content, speaker).
struct Doc {
    lang: String,
    text: String,
    gold: Vec<(String, Option<String>)>,
}

fn parse(src: &str) -> Vec<Doc> {
    let mut docs: Vec<Doc> = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("line {}: `key: value` expected", n + 1));
        match key {
            "doc" => docs.push(Doc {
                lang: value.to_owned(),
                text: String::new(),
                gold: Vec::new(),
            }),
            "text" => docs.last_mut().expect("doc first").text = value.to_owned(),
            "gold" => {
                let (content, speaker) = value.split_once(" | ").expect("CONTENT | SPEAKER");
                let speaker = (speaker != "-").then(|| speaker.to_owned());
                docs.last_mut()
                    .expect("doc first")
                    .gold
                    .push((content.to_owned(), speaker));
            }
            other => panic!("line {}: unknown key `{other}`", n + 1),
        }
    }
    docs
}

/// The span of `(s, e)` in `text` without the marks and punctuation at its edges.
fn trim(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let strip = |c: char| c.is_whitespace() || "\"'“”‘’«»„‚,.;:!?—–-".contains(c);
    while s < e {
        let c = text[s..].chars().next().unwrap();
        if !strip(c) {
            break;
        }
        s += c.len_utf8();
    }
    while e > s {
        let c = text[..e].chars().next_back().unwrap();
        if !strip(c) {
            break;
        }
        e -= c.len_utf8();
    }
    (s, e)
}

fn jaccard(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = a.1.max(b.1) - a.0.min(b.0);
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Counts of one language: gold, predicted, matched, speakers right.
#[derive(Default, Debug)]
struct Counts {
    gold: usize,
    pred: usize,
    matched: usize,
    speaker_ok: usize,
}

fn score(doc: &Doc, counts: &mut Counts) {
    let mut d = Document::new("t", doc.text.as_str());
    d.set_lang_hint(doc.lang.as_str());
    TokenStage::default().apply(&mut d).unwrap();
    QuoteStage::default().apply(&mut d).unwrap();
    let pred = d.quotes().unwrap();
    let text = doc.text.as_str();
    let gold: Vec<(usize, usize)> = doc
        .gold
        .iter()
        .map(|(c, _)| {
            let s = text
                .find(c.as_str())
                .unwrap_or_else(|| panic!("`{c}` not in `{text}`"));
            trim(text, s, s + c.len())
        })
        .collect();
    let spans: Vec<(usize, usize)> = pred
        .iter()
        .map(|q| trim(text, q.span.start, q.span.end))
        .collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in spans.iter().enumerate() {
            pairs.push((jaccard(*g, *p), i, j));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; spans.len()]);
    for (ov, i, j) in pairs {
        if ov < 0.5 || used_g[i] || used_p[j] {
            continue;
        }
        used_g[i] = true;
        used_p[j] = true;
        counts.matched += 1;
        let got = pred[j].speaker.as_ref().map(|s| s.entity.to_lowercase());
        let ok = match (&doc.gold[i].1, got) {
            (None, None) => true,
            (Some(want), Some(got)) => got.ends_with(&want.to_lowercase()),
            _ => false,
        };
        counts.speaker_ok += usize::from(ok);
    }
    counts.gold += gold.len();
    counts.pred += spans.len();
}

#[test]
fn french_spanish_and_portuguese_news_reach_their_floors() {
    let docs = parse(SET);
    let mut failed = Vec::new();
    for (lang, f1_floor, spk_floor) in FLOORS {
        let mut c = Counts::default();
        for doc in docs.iter().filter(|d| d.lang == lang) {
            score(doc, &mut c);
        }
        assert!(c.gold >= 10, "{lang}: too few gold quotes ({})", c.gold);
        let p = c.matched as f64 / c.pred.max(1) as f64;
        let r = c.matched as f64 / c.gold as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let spk = c.speaker_ok as f64 / c.matched.max(1) as f64;
        println!(
            "{lang}: gold {} predicted {} matched {}  P {p:.3} R {r:.3} F1 {f1:.3}  speaker accuracy {spk:.3}",
            c.gold, c.pred, c.matched
        );
        if f1 < f1_floor || spk < spk_floor {
            failed.push(format!(
                "{lang}: F1 {f1:.3} (floor {f1_floor}), speakers {spk:.3} (floor {spk_floor})"
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn the_set_parses_and_every_gold_quote_is_in_its_text() {
    let docs = parse(SET);
    assert!(docs.len() >= 27);
    for d in &docs {
        assert!(!d.text.is_empty());
        for (c, _) in &d.gold {
            assert!(d.text.contains(c.as_str()), "{c}");
        }
    }
    let negatives = docs.iter().filter(|d| d.gold.is_empty()).count();
    assert!(negatives >= 3);
}
