//! The runner through the public API: order, errors in place, panics, parallelism bounds,
//! backpressure, and chains mixing synchronous and asynchronous stages.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use futures::StreamExt;
use pipeline_core::{Chain, Document, Record, Stage, StageError, SyncStage};

fn runtime(workers: usize) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .expect("runtime")
}

/// Appends its mark to the `trail` field, so the test sees which stages ran, in what order.
struct Mark(&'static str);

impl SyncStage for Mark {
    fn name(&self) -> &str {
        self.0
    }
    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        let trail = doc
            .fields()
            .get("trail")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let trail = format!("{trail}{}", self.0);
        doc.insert_field("trail", trail.into());
        Ok(())
    }
}

/// An asynchronous stage that waits a little, longer for some documents than others.
struct Wait;

#[async_trait]
impl Stage for Wait {
    fn name(&self) -> &str {
        "wait"
    }
    async fn process(&self, mut doc: Document) -> Result<Document, StageError> {
        let micros = (doc.text().len() % 7) as u64 * 50;
        tokio::time::sleep(Duration::from_micros(micros)).await;
        let trail = doc
            .fields()
            .get("trail")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let trail = format!("{trail}w");
        doc.insert_field("trail", trail.into());
        Ok(doc)
    }
}

/// Fails documents whose text starts with `fail`, panics on `panic`.
struct Picky;

impl SyncStage for Picky {
    fn name(&self) -> &str {
        "picky"
    }
    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        if doc.text().starts_with("panic") {
            panic!("picky panicked on {}", doc.id());
        }
        if doc.text().starts_with("fail") {
            return Err(StageError::Other {
                kind: "picky",
                message: "does not like it".into(),
            });
        }
        Ok(())
    }
}

/// Texts of every size class the runner treats differently: tiny (in place), ordinary
/// (worker tasks), and big (blocking pool).
fn text_of(i: usize) -> String {
    let len = match i % 5 {
        0 => 10 + i % 100,
        1 | 2 => 300 + i * 37 % 8000,
        3 => 20_000 + i % 3000,
        _ => 70_000 + i % 500,
    };
    let mut text = format!("doc {i} ");
    while text.len() < len {
        text.push_str("word ");
    }
    text
}

fn collect(chain: &Chain, rt: &tokio::runtime::Runtime, texts: Vec<String>) -> Vec<Record> {
    rt.block_on(async {
        let docs = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Ok(Document::new(i.to_string(), t)));
        chain.run(futures::stream::iter(docs)).collect().await
    })
}

#[test]
fn order_is_kept_through_sync_async_sync_segments() {
    let rt = runtime(4);
    let chain = Chain::builder()
        .sync_stage(Mark("a"))
        .sync_stage(Mark("b"))
        .stage(Wait)
        .sync_stage(Mark("c"))
        .jobs(3)
        .channel_capacity(2)
        .build()
        .unwrap();
    let records = collect(&chain, &rt, (0..400).map(text_of).collect());
    assert_eq!(records.len(), 400);
    for (i, record) in records.iter().enumerate() {
        let doc = record.as_ref().unwrap();
        assert_eq!(doc.id(), i.to_string());
        assert_eq!(doc.text(), text_of(i));
        assert_eq!(doc.fields()["trail"], "abwc", "document {i}");
    }
}

#[test]
fn errors_and_panics_replace_their_document_and_stop_its_later_stages() {
    let rt = runtime(2);
    let chain = Chain::builder()
        .sync_stage(Mark("a"))
        .sync_stage(Picky)
        .sync_stage(Mark("b"))
        .jobs(2)
        .build()
        .unwrap();
    let texts: Vec<String> = (0..60)
        .map(|i| match i % 3 {
            0 => format!("fail {}", text_of(i)),
            1 => format!("panic {}", text_of(i)),
            _ => text_of(i),
        })
        .collect();
    let (records, summary) = rt.block_on(async {
        let docs = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Ok(Document::new(i.to_string(), t)));
        let mut run = chain.run(futures::stream::iter(docs));
        let mut records = Vec::new();
        while let Some(r) = run.next().await {
            records.push(r);
        }
        (records, run.summary())
    });
    assert_eq!(records.len(), 60);
    for (i, record) in records.iter().enumerate() {
        match (i % 3, record) {
            (0, Err(f)) => {
                assert_eq!(
                    (&*f.id, f.stage.as_str(), f.kind.as_str()),
                    (&*i.to_string(), "picky", "picky")
                );
            }
            (1, Err(f)) => {
                assert_eq!((f.stage.as_str(), f.kind.as_str()), ("picky", "panic"));
                assert!(f.message.contains("picky panicked on"), "{}", f.message);
            }
            (2, Ok(doc)) => assert_eq!(doc.fields()["trail"], "ab"),
            (_, other) => panic!("document {i}: {other:?}"),
        }
    }
    assert_eq!(summary.documents, 60);
    assert_eq!(summary.failures, 40);
    let picky = summary.stages.iter().find(|s| s.name == "picky").unwrap();
    assert_eq!(picky.failures, 40);
    assert!(summary
        .stages
        .iter()
        .all(|s| s.name == "picky" || s.failures == 0));
}

/// Counts how many documents it is processing at once.
struct Busy {
    now: Arc<AtomicUsize>,
    most: Arc<AtomicUsize>,
}

impl SyncStage for Busy {
    fn name(&self) -> &str {
        "busy"
    }
    fn apply(&self, _: &mut Document) -> Result<(), StageError> {
        let n = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(n, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(2));
        self.now.fetch_sub(1, Ordering::SeqCst);
        Ok(())
    }
}

#[test]
fn no_more_than_jobs_documents_are_processed_at_once_and_jobs_are_used() {
    let rt = runtime(4);
    let most = Arc::new(AtomicUsize::new(0));
    let chain = Chain::builder()
        .sync_stage(Busy {
            now: Arc::new(AtomicUsize::new(0)),
            most: Arc::clone(&most),
        })
        .jobs(2)
        .build()
        .unwrap();
    let texts: Vec<String> = (0..80)
        .map(|i| format!("{i} {}", "x".repeat(400)))
        .collect();
    let records = collect(&chain, &rt, texts);
    assert!(records.iter().all(Result::is_ok));
    assert_eq!(most.load(Ordering::SeqCst), 2);
}

#[test]
fn a_reader_that_stops_reading_stops_the_input() {
    let rt = runtime(2);
    let pulled = Arc::new(AtomicUsize::new(0));
    let chain = Chain::builder()
        .sync_stage(Mark("a"))
        .stage(Wait)
        .sync_stage(Mark("b"))
        .jobs(2)
        .channel_capacity(4)
        .build()
        .unwrap();
    let counted = Arc::clone(&pulled);
    rt.block_on(async move {
        let input = futures::stream::iter(0..100_000).map(move |i| {
            counted.fetch_add(1, Ordering::SeqCst);
            Ok(Document::new(i.to_string(), text_of(i)))
        });
        let mut run = chain.run(input);
        let first = run.next().await.unwrap().unwrap();
        assert_eq!(first.id(), "0");
        tokio::time::sleep(Duration::from_millis(200)).await;
    });
    // four channels of 4, the documents in flight in three segments: far below 100,000
    let n = pulled.load(Ordering::SeqCst);
    assert!(n < 64, "pulled {n} documents while nobody read");
}
