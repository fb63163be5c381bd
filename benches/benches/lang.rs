//! The `lang` stage alone (its synchronous core, `LangStage::detect`, without the runner) on a table of generated inputs,
//! with each backend: our n-gram model (`lang/…`) and whatlang (`lang_whatlang/…`).
//!
//! ```text
//! cargo bench -p benches --bench lang -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! All texts are written for this benchmark. A long document is classified from a prefix
//! (`max_bytes`, 2 KiB by default, and less once one language leads clearly), so its
//! throughput counts every byte of the document, read or not: that is what a user sees.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use stages::lang::{Backend, LangConfig, LangStage};

const EN: &[&str] = &[
    "The finance minister told reporters on Tuesday that the budget would reach parliament next month.",
    "Opposition leaders said the plan did little for families struggling with rising rents and food prices.",
    "\"We will not raise taxes on working people,\" the minister said, adding that spending on hospitals would grow.",
    "Analysts at two banks expect growth of about one percent this year, slightly below earlier forecasts.",
    "The central bank has kept interest rates unchanged since March, citing uncertainty over energy costs.",
    "Unions representing teachers and nurses have threatened strikes if pay talks fail before the summer.",
    "According to the statistics office, unemployment fell to its lowest level in more than a decade.",
    "Officials in the northern provinces warned that flood defences still needed urgent repairs.",
];

const DE: &[&str] = &[
    "Der Finanzminister sagte am Dienstag, der Haushalt werde im nächsten Monat dem Parlament vorgelegt.",
    "Die Opposition kritisierte, der Plan helfe Familien kaum, die unter steigenden Mieten leiden.",
    "Nach Angaben des Statistikamts sank die Arbeitslosigkeit auf den tiefsten Stand seit zehn Jahren.",
    "Die Gewerkschaften drohten mit Streiks, falls die Tarifverhandlungen vor dem Sommer scheitern.",
];

const RU: &[&str] = &[
    "Министр финансов заявил во вторник, что бюджет будет внесён в парламент в следующем месяце.",
    "Представители оппозиции считают, что план почти не поможет семьям, страдающим от роста цен.",
    "По данным статистического ведомства, безработица снизилась до самого низкого уровня за десять лет.",
    "Профсоюзы пригрозили забастовками, если переговоры о зарплатах не завершатся до лета.",
];

/// Paragraphs cycling through `sentences` until the text is at least `bytes` long.
fn article(sentences: &[&str], bytes: usize) -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(sentences[i % sentences.len()]);
        text.push_str(if i % 4 == 3 { "\n\n" } else { " " });
        i += 1;
    }
    text
}

fn bench_lang(c: &mut Criterion) {
    let inputs = [
        ("en_sentence", EN[0].to_owned()),
        ("en_article_8k", article(EN, 8 * 1024)),
        ("en_article_64k", article(EN, 64 * 1024)),
        ("de_article_8k", article(DE, 8 * 1024)),
        ("ru_article_8k", article(RU, 8 * 1024)),
    ];
    for (group_name, backend) in [
        ("lang", Backend::Ngram),
        ("lang_whatlang", Backend::Whatlang),
    ] {
        let stage = LangStage::new(LangConfig {
            backend,
            ..LangConfig::default()
        });
        let mut group = c.benchmark_group(group_name);
        for (name, text) in &inputs {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
                b.iter(|| black_box(stage.detect(black_box(text))))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench_lang);
criterion_main!(benches);
