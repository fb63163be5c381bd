//! Throughput of the entity gazetteer (`stages::entities::gazetteer`) over pre-tokenised
//! English news-style text: `find` (the matches) and `token_features` (the tagger's
//! per-token bits), plus the time to parse the built-in data once.
//!
//! ```text
//! cargo bench -p benches --bench gazetteer
//! ```
//!
//! The text is generated here from sentence templates written for this benchmark:
//! countries, capitals, demonyms, metonyms, organisations, cities and people, mostly
//! ordinary words, in roughly the proportions of wire copy.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pipeline_core::Token;
use stages::entities::gazetteer::Gazetteer;
use stages::tokens::tokenize;

const TEMPLATES: &[&str] = &[
    "{C1} and {C2} signed a defence cooperation agreement in {CAP1} on Tuesday, officials said.",
    "{DEM1} Foreign Minister {P1} praised the talks as constructive and said ties had never been stronger.",
    "“We have a lot of respect for {C2} and its people,” {P1} told reporters after the meeting in {CITY}.",
    "Critics in {CAP2} accused {C1} of waging a disinformation campaign, but {P2} rejected the charge.",
    "The {ORG} warned that the crisis was not over, although aid deliveries had improved slightly.",
    "{P2}, who has led the ministry since 2019, said {DEM2} troops would not withdraw from the border.",
    "Analysts said the deal was a significant step, yet many doubted that {C1} would keep its promises.",
    "The White House and the Kremlin both declined to comment on the report late on Friday.",
    "Shares fell 3.2% in early trading as investors weighed the outlook for interest rates and inflation.",
    "Protesters in {CITY} denounced the government's decision as reckless and deeply unfair.",
    "Ships crossing the Black Sea and the Mediterranean were delayed, the shipping company said.",
    "The attack, which killed 12 people, was condemned by {C2} and by the {ORG} as a brutal act.",
];
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Russia", "Russian", "Moscow"),
    ("India", "Indian", "New Delhi"),
    ("Japan", "Japanese", "Tokyo"),
    ("Germany", "German", "Berlin"),
    ("Brazil", "Brazilian", "Brasília"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("the United States", "American", "Washington"),
];
const CITIES: &[&str] = &[
    "San Francisco",
    "Lagos",
    "Karachi",
    "Hamburg",
    "Chicago",
    "Osaka",
];
const PEOPLE: &[&str] = &[
    "Mr. Arjun Mehta",
    "Gen. Olga Petrova",
    "Dr. Samuel Okafor",
    "Lena Fischer",
];
const ORGS: &[&str] = &["United Nations", "NATO", "European Union", "World Bank"];

/// A deterministic news-style document of about `bytes` bytes.
fn article(seed: usize, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut k = seed;
    while out.len() < bytes {
        k = k
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let pick = |n: usize, shift: u32| (k >> shift) % n;
        let (c1, d1, cap1) = COUNTRIES[pick(COUNTRIES.len(), 33)];
        let (c2, d2, cap2) = COUNTRIES[pick(COUNTRIES.len(), 40)];
        let s = TEMPLATES[pick(TEMPLATES.len(), 47)]
            .replace("{C1}", c1)
            .replace("{C2}", c2)
            .replace("{DEM1}", d1)
            .replace("{DEM2}", d2)
            .replace("{CAP1}", cap1)
            .replace("{CAP2}", cap2)
            .replace("{CITY}", CITIES[pick(CITIES.len(), 29)])
            .replace("{P1}", PEOPLE[pick(PEOPLE.len(), 51)])
            .replace("{P2}", PEOPLE[pick(PEOPLE.len(), 55)])
            .replace("{ORG}", ORGS[pick(ORGS.len(), 59)]);
        out.push_str(&s);
        out.push(if pick(4, 61) == 0 { '\n' } else { ' ' });
    }
    out
}

fn bench(c: &mut Criterion) {
    let g = Gazetteer::builtin();
    let mut group = c.benchmark_group("gazetteer");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for (name, size, count) in [("article_4k", 4_000, 64), ("long_64k", 64_000, 4)] {
        let docs: Vec<(String, Vec<Token>)> = (0..count)
            .map(|i| {
                let text = article(i, size);
                let tokens = tokenize(&text);
                (text, tokens)
            })
            .collect();
        let total: usize = docs.iter().map(|(t, _)| t.len()).sum();
        group.throughput(Throughput::Bytes(total as u64));
        group.bench_function(format!("find/{name}"), |b| {
            b.iter(|| {
                for (text, tokens) in &docs {
                    black_box(g.find(black_box(text), black_box(tokens), Some("en")));
                }
            })
        });
        group.bench_function(format!("token_features/{name}"), |b| {
            b.iter(|| {
                for (text, tokens) in &docs {
                    black_box(g.token_features(black_box(text), black_box(tokens), Some("en")));
                }
            })
        });
    }
    group.finish();

    let mut parse = c.benchmark_group("gazetteer_parse");
    parse
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    parse.bench_function("builtin", |b| {
        b.iter(|| black_box(Gazetteer::parse_builtin()))
    });
    // what the binary does at start-up: the pre-built form (data/gazetteer.bin)
    parse.bench_function("builtin_binary", |b| {
        b.iter(|| black_box(Gazetteer::read_builtin()))
    });
    parse.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
