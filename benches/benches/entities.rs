//! Throughput of the entity tagger alone (`stages::entities::Recognizer`), on generated
//! English news (`benches::english_article`) that already has tokens and sentences: the
//! issue's target is at least 40 MB/s on one core.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use stages::entities::{sentence_ranges, Recognizer};
use stages::tokens::{split_sentences, tokenize};

fn bench(c: &mut Criterion) {
    let rec = Recognizer::builtin();
    let mut group = c.benchmark_group("entities");
    for (name, text) in [
        ("english_news_256k", benches::english_article(256 * 1024, 7)),
        ("german_news_256k", benches::german_article(256 * 1024, 7)),
    ] {
        let tokens = tokenize(&text);
        let sentences = sentence_ranges(&tokens, &split_sentences(&text, &tokens));
        let lang = if name.starts_with("german") {
            "de"
        } else {
            "en"
        };
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(rec.recognize(black_box(&text), &tokens, &sentences, Some(lang))));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
