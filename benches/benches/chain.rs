//! The whole default chain through the runner (bounded channels, ordered output), on one
//! and on two jobs, and each built-in stage's synchronous core alone, on the table of
//! generated inputs of `benches::inputs()`.
//!
//! ```text
//! cargo bench -p benches --bench chain -- --warm-up-time 1 --measurement-time 5
//! ```

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use futures::StreamExt;
use pipeline_core::{Document, RunnerOptions, Stage};

fn runtime(threads: usize) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .max_blocking_threads(threads)
        .build()
        .expect("runtime")
}

/// Each stage alone: the prefix of the default chain before it runs once, outside the
/// measurement; then only this stage's synchronous core (`SyncStage::apply`, no runner, no
/// thread hand-off) is timed.
fn bench_stages(c: &mut Criterion) {
    let registry = stages::registry();
    let rt = runtime(1);
    for (i, name) in stages::DEFAULT_CHAIN.iter().enumerate() {
        let mut group = c.benchmark_group(format!("stage/{name}"));
        let before = (i > 0).then(|| {
            registry
                .chain_from_names(
                    &stages::DEFAULT_CHAIN[..i],
                    RunnerOptions {
                        channel_capacity: 4,
                        jobs: 1,
                    },
                )
                .expect("prefix chain")
        });
        let stage: Arc<dyn Stage> = registry
            .build_stage(i + 1, name, Default::default())
            .expect("stage");
        for (input, text) in benches::inputs() {
            let doc = match &before {
                Some(chain) => rt
                    .block_on(chain.process(Document::new("b", text.as_str())))
                    .expect("prefix runs"),
                None => Document::new("b", text.as_str()),
            };
            group.throughput(Throughput::Bytes(text.len() as u64));
            let core = stage.as_sync().expect("built-in stages are synchronous");
            group.bench_with_input(BenchmarkId::from_parameter(input), &doc, |b, doc| {
                b.iter_batched(
                    || doc.clone(),
                    |mut d| {
                        core.apply(black_box(&mut d)).expect("stage runs");
                        d
                    },
                    criterion::BatchSize::SmallInput,
                )
            });
        }
        group.finish();
    }
}

/// The whole chain through the runner: 64 English articles of 4 KiB.
fn bench_chain(c: &mut Criterion) {
    let registry = stages::registry();
    let corpus: Vec<Arc<str>> = benches::english_corpus(64, 4096)
        .into_iter()
        .map(Arc::from)
        .collect();
    let bytes: usize = corpus.iter().map(|t| t.len()).sum();
    let mut group = c.benchmark_group("chain");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    for jobs in [1usize, 2] {
        let rt = runtime(jobs);
        let chain = registry
            .chain_from_names(
                stages::DEFAULT_CHAIN,
                RunnerOptions {
                    channel_capacity: 64,
                    jobs,
                },
            )
            .expect("default chain");
        group.bench_function(BenchmarkId::new("default", format!("jobs{jobs}")), |b| {
            b.iter(|| {
                rt.block_on(async {
                    let docs: Vec<_> = corpus
                        .iter()
                        .enumerate()
                        .map(|(i, t)| Ok(Document::new(i.to_string(), Arc::clone(t))))
                        .collect();
                    let mut run = chain.run(futures::stream::iter(docs));
                    let mut n = 0;
                    while let Some(record) = run.next().await {
                        black_box(record.expect("document processed"));
                        n += 1;
                    }
                    assert_eq!(n, corpus.len());
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_stages, bench_chain);
criterion_main!(benches);
