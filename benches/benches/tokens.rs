//! Throughput of the `tokens` stage on English news-style text, beside
//! `unicode-segmentation`'s word iterator on the same text.
//!
//! The text is generated here from a small vocabulary written for this benchmark (no
//! outside text): wire-style sentences with titles (`Gen.`, `Mr.`), `U.S.`, numbers and
//! currencies, curly quotes, possessives, hyphenated compounds, datelines and paragraphs.
//!
//! ```text
//! cargo bench -p benches --bench tokens -- --warm-up-time 1 --measurement-time 3
//! ```
#![allow(missing_docs)]

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pipeline_core::{Document, SyncStage};
use stages::tokens::{split_sentences, tokenize, TokenStage};
use unicode_segmentation::UnicodeSegmentation;

/// A small deterministic generator (xorshift64*), so every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const DATELINES: &[&str] = &[
    "ISLAMABAD:",
    "MOSCOW —",
    "WASHINGTON (Wire) -",
    "KARACHI:",
    "TOKYO —",
];
const PEOPLE: &[&str] = &[
    "Gen. Raheel Sharif",
    "Mr. Khan",
    "Dr. Amina Yusuf",
    "Lt. Gen. Talat Masood (ret.)",
    "Sen. Jane Doe",
    "the defence secretary",
    "J. Smith",
    "Prime Minister Nawaz Sharif",
    "the minister",
    "a senior official",
];
const SUBJECTS: &[&str] = &[
    "The two countries",
    "Officials",
    "The delegation",
    "Pakistan’s army",
    "The U.S. State Department",
    "Analysts",
    "The government",
    "Russia's defence ministry",
    "Both sides",
    "The committee",
];
const VERBS: &[&str] = &[
    "signed",
    "discussed",
    "rejected",
    "welcomed",
    "announced",
    "postponed",
    "reviewed",
    "criticised",
    "approved",
    "expanded",
];
const OBJECTS: &[&str] = &[
    "a memorandum of understanding on defence cooperation",
    "the long-term energy deal",
    "a $1.9 billion pipeline project",
    "plans for joint military exercises",
    "the 1,100 km gas pipeline",
    "new counter-terrorism measures",
    "the United Nations’ proposal",
    "trade worth 2.5 billion dollars",
    "a 16% rise in arms imports",
    "the country's first cyber-security strategy",
    "talks on regional connectivity",
    "the militia’s demands",
];
const TAILS: &[&str] = &[
    "on Tuesday",
    "after weeks of talks",
    "in Sept. 2021",
    "despite strong opposition",
    "at the Ministry of Defence in Rawalpindi",
    "according to state media",
    "for the third time this year",
    "in the U.S. capital",
    "",
];
const QUOTES: &[&str] = &[
    "We want our partnership to grow",
    "This is a very important step for the region",
    "There’s always room for more cooperation",
    "We don't accept these conditions",
    "It will take time, but we're optimistic",
    "Nobody can ignore the economic potential",
];
const CUES: &[&str] = &["said", "told reporters", "added", "explained", "warned"];

/// About `bytes` of news-style English.
fn news_text(bytes: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        out.push_str(rng.pick(DATELINES));
        out.push(' ');
        let sentences = 3 + rng.below(5);
        for s in 0..sentences {
            if s > 0 {
                out.push(' ');
            }
            match rng.below(4) {
                0 => {
                    out.push('“');
                    out.push_str(rng.pick(QUOTES));
                    out.push_str(",” ");
                    out.push_str(rng.pick(PEOPLE));
                    out.push(' ');
                    out.push_str(rng.pick(CUES));
                    out.push('.');
                }
                1 => {
                    out.push_str(rng.pick(PEOPLE));
                    out.push_str(" said ");
                    out.push_str(&rng.pick(SUBJECTS).to_lowercase());
                    out.push_str(" had ");
                    out.push_str(rng.pick(VERBS));
                    out.push(' ');
                    out.push_str(rng.pick(OBJECTS));
                    out.push('.');
                }
                _ => {
                    out.push_str(rng.pick(SUBJECTS));
                    out.push(' ');
                    out.push_str(rng.pick(VERBS));
                    out.push(' ');
                    out.push_str(rng.pick(OBJECTS));
                    let tail = rng.pick(TAILS);
                    if !tail.is_empty() {
                        out.push(' ');
                        out.push_str(tail);
                    }
                    out.push_str(if rng.below(10) == 0 { "?" } else { "." });
                }
            }
        }
        out.push_str("\n\n");
    }
    out
}

fn bench_tokens(c: &mut Criterion) {
    let text: Arc<str> = news_text(1 << 20).into();
    let stage = TokenStage::default();
    let mut group = c.benchmark_group("tokens");
    group.throughput(Throughput::Bytes(text.len() as u64));

    group.bench_function("nlpipe TokenStage::apply (tokens + sentences)", |b| {
        b.iter(|| {
            let mut doc = Document::new("bench", Arc::clone(&text));
            stage.apply(&mut doc).expect("the tokens stage never fails");
            black_box(doc)
        })
    });
    group.bench_function("nlpipe tokenize", |b| {
        b.iter(|| black_box(tokenize(black_box(&text))))
    });
    let tokens = tokenize(&text);
    group.bench_function("nlpipe split_sentences", |b| {
        b.iter(|| black_box(split_sentences(black_box(&text), black_box(&tokens))))
    });
    group.bench_function("unicode-segmentation unicode_words", |b| {
        b.iter(|| black_box(black_box(&*text).unicode_words().count()))
    });
    group.bench_function("unicode-segmentation split_word_bound_indices", |b| {
        b.iter(|| black_box(black_box(&*text).split_word_bound_indices().count()))
    });
    group.finish();
}

criterion_group!(benches, bench_tokens);
criterion_main!(benches);
