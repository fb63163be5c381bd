//! Throughput of the `sentiment` stage alone (synchronous `apply`) on news-style
//! documents that already carry tokens and sentences.
//!
//! ```text
//! cargo bench -p benches --bench sentiment
//! cargo bench -p benches --bench sentiment --features transformer   # and the transformer
//! ```
//!
//! The text is generated here from sentence templates written for this benchmark:
//! countries, capitals, demonyms, organisations, titled people, quotes, negation and
//! contrast, in roughly the proportions of wire copy.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pipeline_core::{Document, SyncStage};
use stages::sentiment::SentimentStage;
use stages::tokens::TokenStage;

const TEMPLATES: &[&str] = &[
    "{C1} and {C2} signed a defence cooperation agreement in {CAP1} on Tuesday, officials said.",
    "{DEM1} Foreign Minister {P1} praised the talks as constructive and said ties had never been stronger.",
    "“We have a lot of respect for {C2} and its people,” {P1} told reporters after the meeting.",
    "Critics in {CAP2} accused {C1} of waging a disinformation campaign, but {P2} rejected the charge.",
    "The {ORG} warned that the crisis was not over, although aid deliveries had improved slightly.",
    "{P2}, who has led the ministry since 2019, said {DEM2} troops would not withdraw from the border.",
    "Analysts said the deal was a significant step, yet many doubted that {C1} would keep its promises.",
    "The {DEM1} military has held joint drills with {C2} every year, and the two countries plan more.",
    "According to {P1}, the economic corridor could bring prosperity to the region within a decade.",
    "Protesters in {CAP1} denounced the government's decision as reckless and deeply unfair.",
    "{ORG} inspectors found no evidence of violations, a result {CAP2} welcomed warmly.",
    "The attack, which killed 12 people, was condemned by {C2} and by the {ORG} as a brutal act of terrorism.",
];

const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Russia", "Russian", "Moscow"),
    ("India", "Indian", "New Delhi"),
    ("Japan", "Japanese", "Tokyo"),
    ("Germany", "German", "Berlin"),
    ("Brazil", "Brazilian", "Brasília"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Turkey", "Turkish", "Ankara"),
];
const PEOPLE: &[&str] = &[
    "Mr. Arjun Mehta",
    "Gen. Olga Petrova",
    "Dr. Samuel Okafor",
    "Ambassador Lena Fischer",
    "Senator Marco Ruiz",
];
const ORGS: &[&str] = &["United Nations", "NATO", "European Union", "World Bank"];

/// The next sentence of the generator whose state is `k`.
fn sentence(k: &mut usize) -> String {
    *k = k
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let k = *k;
    let pick = |n: usize, shift: u32| (k >> shift) % n;
    let (c1, d1, cap1) = COUNTRIES[pick(COUNTRIES.len(), 33)];
    let (c2, d2, cap2) = COUNTRIES[pick(COUNTRIES.len(), 40)];
    let mut s = TEMPLATES[pick(TEMPLATES.len(), 47)]
        .replace("{C1}", c1)
        .replace("{C2}", c2)
        .replace("{DEM1}", d1)
        .replace("{DEM2}", d2)
        .replace("{CAP1}", cap1)
        .replace("{CAP2}", cap2)
        .replace("{P1}", PEOPLE[pick(PEOPLE.len(), 51)])
        .replace("{P2}", PEOPLE[pick(PEOPLE.len(), 55)])
        .replace("{ORG}", ORGS[pick(ORGS.len(), 59)]);
    s.push(if pick(4, 61) == 0 { '\n' } else { ' ' });
    s
}

/// A deterministic news-style document of about `bytes` bytes.
fn article(seed: usize, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut k = seed;
    while out.len() < bytes {
        out.push_str(&sentence(&mut k));
    }
    out
}

fn bench(c: &mut Criterion) {
    let stage = SentimentStage::default();
    let tokens = TokenStage::default();
    let mut group = c.benchmark_group("sentiment");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for (name, size, count) in [("article_4k", 4_000, 64), ("long_64k", 64_000, 4)] {
        let mut docs: Vec<Document> = (0..count)
            .map(|i| {
                let mut d = Document::new(format!("d{i}"), article(i, size));
                // documents arrive with tokens and sentences; only the stage is timed
                if let Err(e) = tokens.apply(&mut d) {
                    panic!("tokens: {e}");
                }
                d
            })
            .collect();
        // parse the lexicon, gazetteers and model before timing
        for d in &mut docs {
            if let Err(e) = stage.apply(d) {
                panic!("sentiment: {e}");
            }
        }
        let total: usize = docs.iter().map(|d| d.text().len()).sum();
        group.throughput(Throughput::Bytes(total as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for d in docs.iter_mut() {
                    let r = stage.apply(black_box(d));
                    black_box(&r);
                }
            })
        });
    }
    group.finish();
}

/// News sentences for the transformer: one document per sentence of the generated wire
/// copy (what the issue's "targets per second on news sentences" reads), with tokens and
/// sentences, and the stage's input: no `targets`, so it scores every actor mention.
#[cfg(feature = "transformer")]
fn news_sentences(count: usize) -> Vec<Document> {
    let tokens = TokenStage::default();
    let mut k = 7;
    (0..count)
        .map(|i| {
            let mut d = Document::new(format!("s{i}"), sentence(&mut k).trim_end());
            if let Err(e) = tokens.apply(&mut d) {
                panic!("tokens: {e}");
            }
            d
        })
        .collect()
}

/// The transformer model (`--features transformer`): actor mentions (targets) scored per
/// second on news sentences, one document per sentence, on one thread and on two
/// (the sentences split between two threads that share the stage; candle's own matrix
/// products also use every core in both cases).
#[cfg(feature = "transformer")]
fn bench_transformer(c: &mut Criterion) {
    use stages::sentiment::{SentimentConfig, SentimentModel};
    let config = SentimentConfig {
        model: SentimentModel::Transformer,
        ..SentimentConfig::default()
    };
    let stage = match SentimentStage::build(config) {
        Ok(s) => s,
        Err(e) => panic!("transformer: {e}"),
    };
    let mut docs = news_sentences(48);
    // load the model and check every sentence runs before timing
    for d in &mut docs {
        if let Err(e) = stage.apply(d) {
            panic!("transformer: {e}");
        }
    }
    let mentions: usize = docs
        .iter()
        .flat_map(|d| d.actors().unwrap_or(&[]))
        .map(|a| a.mentions.len())
        .sum();
    let mut group = c.benchmark_group("sentiment_transformer");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(mentions as u64));
    group.bench_function("news_sentences_1_thread", |b| {
        b.iter(|| {
            for d in docs.iter_mut() {
                let r = stage.apply(black_box(d));
                black_box(&r);
            }
        })
    });
    group.bench_function("news_sentences_2_threads", |b| {
        b.iter(|| {
            let half = docs.len() / 2;
            let (left, right) = docs.split_at_mut(half);
            std::thread::scope(|s| {
                for half in [left, right] {
                    let stage = &stage;
                    s.spawn(move || {
                        for d in half.iter_mut() {
                            let r = stage.apply(black_box(d));
                            black_box(&r);
                        }
                    });
                }
            });
        })
    });
    group.finish();
}

#[cfg(feature = "transformer")]
criterion_group!(benches, bench, bench_transformer);
#[cfg(not(feature = "transformer"))]
criterion_group!(benches, bench);
criterion_main!(benches);
