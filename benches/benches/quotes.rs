//! Throughput of the `quotes` stage alone, on news-style text that already has tokens and
//! sentences (the text is generated here, not taken from any corpus).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pipeline_core::{Document, SyncStage};
use stages::quotes::QuoteStage;
use stages::tokens::TokenStage;

/// A synthetic wire story of roughly `bytes` bytes mixing every quote pattern.
fn story(bytes: usize) -> String {
    let paragraphs = [
        "Islamabad is keen on closer security ties with its neighbours, Deputy Foreign Minister Amina Rahim Qadir has told reporters.",
        "“Our country is a developing country and we have a lot of hopes,” Qadir explained in an interview on the sidelines of the summit on Tuesday.",
        "“We regularly come here, our delegations come here, and we are learning a lot,” the minister said, adding that the talks had been useful.",
        "Qadir, who is also a retired general, told the agency that the army would not discriminate in its campaign against militants.",
        "According to the Foreign Office, the two sides exchanged views on trade, energy and the ‘flagship strategic venture’ that links both ports.",
        "Gen. Tariq Qadir said the military “holds the neighbouring army in great respect” and considers it “a very professional force.”",
        "“This is a very important conference. It gives us a platform to express our views,” she said. “And we will come back next year.”",
        "The officials said the agreement would be signed in March, while analysts warned that financing remained uncertain.",
        "As per the statement by Mr. Omar Farooq (Finance Minister), the budget will rise by 12 percent next year.",
        "Markets rose 1.9 percent on Monday as investors welcomed the news, and the currency gained against the dollar.",
    ];
    let mut s = String::with_capacity(bytes + 512);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(paragraphs[i % paragraphs.len()]);
        s.push_str("\n\n");
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let stage = QuoteStage::default();
    let mut group = c.benchmark_group("quotes");
    for size in [16 * 1024, 1024 * 1024] {
        let text = story(size);
        let mut base = Document::new("bench", text.as_str());
        base.set_lang_hint("en");
        if TokenStage::default().apply(&mut base).is_err() {
            continue;
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("news_{}k", size / 1024), |b| {
            b.iter_batched_ref(
                || base.clone(),
                |doc| {
                    let _ = stage.apply(black_box(doc));
                },
                criterion::BatchSize::LargeInput,
            );
        });
    }
    // pathological input: many unbalanced quotation marks
    let marks = "“ ‘ \" « „ ".repeat(20_000);
    let mut base = Document::new("marks", marks.as_str());
    if TokenStage::default().apply(&mut base).is_ok() {
        group.throughput(Throughput::Bytes(marks.len() as u64));
        group.bench_function("unbalanced_marks", |b| {
            b.iter_batched_ref(
                || base.clone(),
                |doc| {
                    let _ = stage.apply(black_box(doc));
                },
                criterion::BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
