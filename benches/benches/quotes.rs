//! Throughput of the `quotes` stage alone, on news-style text that already has tokens and
//! sentences (the text is generated here, not taken from any corpus).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pipeline_core::{Document, SyncStage};
use stages::quotes::QuoteStage;
use stages::tokens::TokenStage;

/// German, French and Russian wire paragraphs (written here) mixing their quote patterns:
/// marks, inverted and subject-less cues, reported clauses, sources.
const OTHER_LANGUAGES: [(&str, &[&str]); 3] = [
    (
        "de",
        &[
            "„Wir sind zu Gesprächen bereit“, sagte Außenministerin Anna Berger am Dienstag in Wien.",
            "Die Löhne müssen im nächsten Jahr deutlich steigen, sagte Gewerkschaftschef Paul Vogt.",
            "Der Minister erklärte, die Regierung sei bereit, über die Reform zu sprechen. Sie habe keine Angst vor Neuwahlen.",
            "Laut dem Bericht fehlen der Stadt drei Millionen Euro für den Bau der neuen Brücke.",
            "Herr Vogt betonte, dass die Verhandlungen »noch lange nicht vorbei« seien, und verließ den Saal.",
            "Die Börse schloss am Montag fester, nachdem die Zentralbank ihre Zinsen unverändert ließ.",
        ],
    ),
    (
        "fr",
        &[
            "« Nous sommes prêts à négocier », a déclaré la ministre Claire Dubois mardi à Paris.",
            "La réforme sera votée en juin, a affirmé le porte-parole du gouvernement, M. Jean Roux.",
            "Le syndicat a estimé que les salaires devaient augmenter « sans délai » dès l'an prochain.",
            "Selon le rapport, la ville manque de trois millions d'euros pour reconstruire le pont.",
            "« Le pont est “très solide” », a-t-elle ajouté. « Il tiendra encore cent ans », a poursuivi le maire.",
            "La Bourse a clôturé en hausse lundi, après la décision de la banque centrale.",
        ],
    ),
    (
        "ru",
        &[
            "«Мы готовы к переговорам», — заявила министр иностранных дел Анна Орлова во вторник.",
            "Зарплаты должны вырасти в следующем году, сказал глава профсоюза Павел Волков.",
            "Министр заявил, что правительство готово обсуждать реформу, хотя денег в бюджете мало.",
            "По словам губернатора, мост откроют в мае, а ремонт дорог закончится осенью.",
            "— Мы не отступим, — подчеркнул он. — Закон „о связи“ устарел.",
            "Биржа в понедельник закрылась ростом после решения центрального банка.",
        ],
    ),
];

/// Paragraphs repeated to roughly `bytes` bytes, a blank line between them.
fn repeat(paragraphs: &[&str], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 512);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(paragraphs[i % paragraphs.len()]);
        s.push_str("\n\n");
        i += 1;
    }
    s
}

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
    // the other languages, with their own rules (the stage stays ≥ 20 MB/s on each)
    for ((code, paragraphs), size) in OTHER_LANGUAGES
        .iter()
        .flat_map(|l| [(l, 16 * 1024), (l, 1024 * 1024)])
    {
        let text = repeat(paragraphs, size);
        let mut base = Document::new("bench", text.as_str());
        base.set_lang_hint(*code);
        if TokenStage::default().apply(&mut base).is_err() {
            continue;
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("news_{code}_{}k", size / 1024), |b| {
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
