//! Chains of stages and the streaming runner.
//!
//! The stages are grouped into segments: a run of consecutive synchronous stages (those
//! whose [`Stage::as_sync`] is `Some`, such as every [`Cpu`]-wrapped [`SyncStage`]) is one
//! segment, applied back to back to each document in one task, so a document stays on one
//! core and is handed over once, not once per stage; an asynchronous stage is a segment of
//! its own. Every segment runs as its own tokio task; bounded channels connect them, so a
//! slow writer slows the reader (backpressure). Inside a segment up to `jobs` documents are
//! processed at once (as many more may wait, done, for an earlier one) and emitted in input
//! order (`buffered`). A document that fails becomes an error record in its place, naming
//! the stage, and the run continues.

use std::collections::BTreeSet;
use std::ops::Range;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use futures::{FutureExt, Stream, StreamExt};
use tokio::sync::{mpsc, Semaphore};

use crate::error::chain_message;
use crate::stage::{apply_caught, on_cpu, panic_message};
use crate::{Cpu, Document, Failure, LayerName, Record, Stage, StageError, SyncStage};

/// Why a chain could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChainError {
    /// A stage needs a layer no earlier stage provides.
    #[error("stage `{stage}` requires layer `{layer}`, which no earlier stage provides (put a stage providing it before `{stage}`: {providers})")]
    MissingLayer {
        /// The stage.
        stage: String,
        /// The missing layer.
        layer: String,
        /// Stages known to provide it, if any.
        providers: String,
    },
    /// A stage reads a layer when present ([`Stage::uses`]) that a later stage provides:
    /// the layer would silently be missing when the stage runs.
    #[error("stage `{stage}` reads the `{layer}` layer, which stage `{provider}` provides later in the chain: put `{provider}` before `{stage}`")]
    LateOptionalLayer {
        /// The stage reading the layer.
        stage: String,
        /// The layer.
        layer: String,
        /// The later stage providing it.
        provider: String,
    },
    /// `jobs` or `channel_capacity` is zero.
    #[error("runner option `{0}` must be at least 1")]
    Zero(&'static str),
}

/// Runner settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunnerOptions {
    /// Capacity of the bounded channel after each segment of stages.
    pub channel_capacity: usize,
    /// Documents processed at once inside each segment of stages (see the module docs).
    pub jobs: usize,
}

impl RunnerOptions {
    /// Refuses a zero `jobs` or `channel_capacity`.
    fn check(&self) -> Result<(), ChainError> {
        if self.jobs == 0 {
            return Err(ChainError::Zero("jobs"));
        }
        if self.channel_capacity == 0 {
            return Err(ChainError::Zero("channel_capacity"));
        }
        Ok(())
    }
}

impl Default for RunnerOptions {
    fn default() -> Self {
        RunnerOptions {
            channel_capacity: 64,
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

/// Builds a [`Chain`], checking at build time that each stage's required layers are
/// provided by an earlier stage, and that no optional input ([`Stage::uses`]) of a stage
/// is provided only by a later one.
///
/// ```
/// use pipeline_core::{Chain, Document, LayerName, StageError, SyncStage};
/// struct NeedsTokens;
/// impl SyncStage for NeedsTokens {
///     fn name(&self) -> &str { "needs_tokens" }
///     fn requires(&self) -> Vec<LayerName> { vec![LayerName::TOKENS] }
///     fn apply(&self, _: &mut Document) -> Result<(), StageError> { Ok(()) }
/// }
/// let err = Chain::builder().sync_stage(NeedsTokens).build().unwrap_err();
/// assert!(err.to_string().contains("requires layer `tokens`"));
/// ```
#[derive(Default)]
pub struct ChainBuilder {
    stages: Vec<Arc<dyn Stage>>,
    options: RunnerOptions,
}

impl ChainBuilder {
    /// Appends an async stage.
    pub fn stage(mut self, stage: impl Stage) -> Self {
        self.stages.push(Arc::new(stage));
        self
    }

    /// Appends a shared, already boxed stage.
    pub fn stage_arc(mut self, stage: Arc<dyn Stage>) -> Self {
        self.stages.push(stage);
        self
    }

    /// Appends a synchronous stage, run on the blocking pool through [`Cpu`].
    pub fn sync_stage(self, stage: impl SyncStage) -> Self {
        self.stage(Cpu::new(stage))
    }

    /// Sets the runner options.
    pub fn options(mut self, options: RunnerOptions) -> Self {
        self.options = options;
        self
    }

    /// Sets how many documents each segment of stages processes at once.
    pub fn jobs(mut self, jobs: usize) -> Self {
        self.options.jobs = jobs;
        self
    }

    /// Sets the capacity of the channels between stages.
    pub fn channel_capacity(mut self, capacity: usize) -> Self {
        self.options.channel_capacity = capacity;
        self
    }

    /// Checks the order of the stages and builds the chain.
    pub fn build(self) -> Result<Chain, ChainError> {
        self.options.check()?;
        let mut available: BTreeSet<LayerName> = BTreeSet::new();
        for (i, stage) in self.stages.iter().enumerate() {
            for layer in stage.requires() {
                if !available.contains(&layer) {
                    let providers: Vec<String> = self.stages[i + 1..]
                        .iter()
                        .filter(|s| s.provides().contains(&layer))
                        .map(|s| format!("`{}`", s.name()))
                        .collect();
                    return Err(ChainError::MissingLayer {
                        stage: stage.name().to_owned(),
                        layer: layer.to_string(),
                        providers: if providers.is_empty() {
                            "none in this chain".to_owned()
                        } else {
                            providers.join(", ")
                        },
                    });
                }
            }
            check_optional_inputs(stage.as_ref(), &available, &self.stages[i + 1..])?;
            available.extend(stage.provides());
        }
        Ok(Chain {
            stages: self.stages.into(),
            options: self.options,
        })
    }
}

/// Refuses a stage whose optional input ([`Stage::uses`]) no earlier stage provides but a
/// `later` one does.
fn check_optional_inputs(
    stage: &dyn Stage,
    available: &BTreeSet<LayerName>,
    later: &[Arc<dyn Stage>],
) -> Result<(), ChainError> {
    for layer in stage.uses() {
        if available.contains(&layer) {
            continue;
        }
        if let Some(provider) = later.iter().find(|s| s.provides().contains(&layer)) {
            return Err(ChainError::LateOptionalLayer {
                stage: stage.name().to_owned(),
                layer: layer.to_string(),
                provider: provider.name().to_owned(),
            });
        }
    }
    Ok(())
}

/// An ordered, validated list of stages and the options to run them.
///
/// Run it on any stream of records with [`Chain::run`], or on one document with
/// [`Chain::process`].
///
/// ```
/// use futures::StreamExt;
/// use pipeline_core::{Chain, Document, StageError, SyncStage};
///
/// struct Shout;
/// impl SyncStage for Shout {
///     fn name(&self) -> &str { "shout" }
///     fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
///         let loud = doc.text().to_uppercase();
///         doc.insert_field("loud", loud.into());
///         Ok(())
///     }
/// }
///
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let chain = Chain::builder().sync_stage(Shout).jobs(2).build().unwrap();
/// let docs = futures::stream::iter((0..3).map(|i| Ok(Document::new(i.to_string(), "hi"))));
/// let mut run = chain.run(docs);
/// let mut ids = Vec::new();
/// while let Some(record) = run.next().await {
///     ids.push(record.unwrap().id().to_owned());
/// }
/// assert_eq!(ids, ["0", "1", "2"]);
/// assert_eq!(run.summary().documents, 3);
/// # });
/// ```
#[derive(Clone)]
pub struct Chain {
    stages: Arc<[Arc<dyn Stage>]>,
    options: RunnerOptions,
}

impl std::fmt::Debug for Chain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Chain")
            .field("stages", &self.stage_names())
            .field("options", &self.options)
            .finish()
    }
}

/// Per-stage counters, shared by the stage tasks and the [`Run`] handle.
#[derive(Debug)]
struct StageStats {
    name: String,
    busy_nanos: AtomicU64,
    failures: AtomicU64,
}

/// What a finished (or running) run did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// Records emitted.
    pub documents: u64,
    /// Error records among them.
    pub failures: u64,
    /// Per stage: name, time spent processing documents (summed over parallel jobs), and
    /// documents that failed there.
    pub stages: Vec<StageSummary>,
    /// Wall time from the start of the run to the last record.
    pub elapsed: Duration,
}

/// One stage's share of a [`Summary`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageSummary {
    /// Stage name.
    pub name: String,
    /// Time spent in the stage, summed over documents.
    pub busy: Duration,
    /// Documents that failed in this stage.
    pub failures: u64,
}

impl Chain {
    /// Starts a builder.
    pub fn builder() -> ChainBuilder {
        ChainBuilder::default()
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<String> {
        self.stages.iter().map(|s| s.name().to_owned()).collect()
    }

    /// The runner options.
    pub fn options(&self) -> RunnerOptions {
        self.options
    }

    /// The same stages (shared, not built again) with other runner options, checked as
    /// [`ChainBuilder::build`] checks them. This is how options from elsewhere, such as
    /// command-line flags, win over those of a config file that is parsed only once.
    ///
    /// ```
    /// use pipeline_core::{Chain, ChainError, Document, RunnerOptions, StageError, SyncStage};
    /// struct Noop;
    /// impl SyncStage for Noop {
    ///     fn name(&self) -> &str { "noop" }
    ///     fn apply(&self, _: &mut Document) -> Result<(), StageError> { Ok(()) }
    /// }
    /// let chain = Chain::builder().sync_stage(Noop).jobs(3).build().unwrap();
    /// let two = chain.with_options(RunnerOptions { jobs: 2, ..chain.options() }).unwrap();
    /// assert_eq!(two.options().jobs, 2);
    /// assert_eq!(two.stage_names(), ["noop"]);
    /// let zero = chain.with_options(RunnerOptions { jobs: 0, ..chain.options() });
    /// assert_eq!(zero.unwrap_err(), ChainError::Zero("jobs"));
    /// ```
    pub fn with_options(&self, options: RunnerOptions) -> Result<Chain, ChainError> {
        options.check()?;
        Ok(Chain {
            stages: Arc::clone(&self.stages),
            options,
        })
    }

    /// The chain without the stages whose work nothing reads: walking back from the last
    /// stage, a stage stays when it provides no layer (it may act otherwise), provides a
    /// layer `wanted` asks for, or provides a layer that a stage staying after it requires
    /// or uses. The stages are shared, not built again; the options are kept. This is how
    /// `nlpipe run --layers quotes` skips the stages of the layers it does not write
    /// ([`LayerSelection::keeps`](crate::json::LayerSelection::keeps)).
    ///
    /// ```
    /// use pipeline_core::{Chain, Document, LayerName, StageError, SyncStage};
    /// struct S(&'static str, Vec<LayerName>, Vec<LayerName>);
    /// impl SyncStage for S {
    ///     fn name(&self) -> &str { self.0 }
    ///     fn requires(&self) -> Vec<LayerName> { self.1.clone() }
    ///     fn provides(&self) -> Vec<LayerName> { self.2.clone() }
    ///     fn apply(&self, _: &mut Document) -> Result<(), StageError> { Ok(()) }
    /// }
    /// let chain = Chain::builder()
    ///     .sync_stage(S("tokens", vec![], vec![LayerName::TOKENS]))
    ///     .sync_stage(S("stems", vec![LayerName::TOKENS], vec![LayerName::STEMS]))
    ///     .sync_stage(S("quotes", vec![LayerName::TOKENS], vec![LayerName::QUOTES]))
    ///     .build()
    ///     .unwrap();
    /// let quotes = chain.only_for(|l| *l == LayerName::QUOTES);
    /// assert_eq!(quotes.stage_names(), ["tokens", "quotes"]);
    /// assert_eq!(chain.only_for(|_| true).stage_names(), ["tokens", "stems", "quotes"]);
    /// ```
    pub fn only_for(&self, wanted: impl Fn(&LayerName) -> bool) -> Chain {
        let mut needed: BTreeSet<LayerName> = BTreeSet::new();
        let mut keep = vec![false; self.stages.len()];
        for (i, stage) in self.stages.iter().enumerate().rev() {
            let provides = stage.provides();
            keep[i] =
                provides.is_empty() || provides.iter().any(|l| wanted(l) || needed.contains(l));
            if keep[i] {
                needed.extend(stage.requires());
                needed.extend(stage.uses());
            }
        }
        let stages: Vec<Arc<dyn Stage>> = self
            .stages
            .iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(s, _)| Arc::clone(s))
            .collect();
        Chain {
            stages: stages.into(),
            options: self.options,
        }
    }

    /// Processes one document through every stage, in this task, without channels.
    pub async fn process(&self, mut doc: Document) -> Record {
        for stage in self.stages.iter() {
            doc = run_one(stage.as_ref(), doc, None).await?;
        }
        Ok(doc)
    }

    /// Streams `input` through the chain. Must be called inside a tokio runtime; the
    /// stage tasks start at once and stop when the input ends or the returned [`Run`] is
    /// dropped.
    pub fn run<S>(&self, input: S) -> Run
    where
        S: Stream<Item = Record> + Send + 'static,
    {
        let started = Instant::now();
        let cap = self.options.channel_capacity;
        let jobs = self.options.jobs;
        let stats: Arc<Vec<StageStats>> = Arc::new(
            self.stages
                .iter()
                .map(|s| StageStats {
                    name: s.name().to_owned(),
                    busy_nanos: AtomicU64::new(0),
                    failures: AtomicU64::new(0),
                })
                .collect(),
        );

        let (tx, mut rx) = mpsc::channel::<Record>(cap);
        tokio::spawn(async move {
            let mut input = std::pin::pin!(input);
            while let Some(record) = input.next().await {
                if tx.send(record).await.is_err() {
                    break;
                }
            }
        });

        for segment in segments(&self.stages) {
            let (next_tx, next_rx) = mpsc::channel::<Record>(cap);
            let stages = Arc::clone(&self.stages);
            let stats = Arc::clone(&stats);
            let upstream = futures::stream::poll_fn(move |cx| rx.poll_recv(cx));
            match segment {
                Segment::Async(index) => {
                    let processed = upstream
                        .map(move |record| {
                            let stage = Arc::clone(&stages[index]);
                            let stats = Arc::clone(&stats);
                            async move {
                                let doc = record?;
                                run_one(stage.as_ref(), doc, Some(&stats[index])).await
                            }
                        })
                        .buffered(jobs);
                    tokio::spawn(forward(processed, next_tx));
                }
                Segment::Sync(range) => {
                    // up to `jobs` documents run at once; as many more may wait, finished,
                    // for an earlier one, so a slow document does not idle the other cores
                    let permits = Arc::new(Semaphore::new(jobs));
                    let processed = upstream
                        .map(move |record| {
                            let stages = Arc::clone(&stages);
                            let stats = Arc::clone(&stats);
                            let permits = Arc::clone(&permits);
                            let range = range.clone();
                            async move {
                                let doc = record?;
                                let (id, number) = (doc.id_arc(), doc.id_is_number());
                                let len = doc.text().len();
                                let work = move || apply_all(&stages, range, doc, &stats);
                                let _permit = permits.acquire_owned().await;
                                on_cpu(len, work).await.unwrap_or_else(|e| {
                                    Err(Failure::new(id, "runner", "cancelled", e.to_string())
                                        .with_number_id(number))
                                })
                            }
                        })
                        .buffered(2 * jobs);
                    tokio::spawn(forward(processed, next_tx));
                }
            }
            rx = next_rx;
        }

        Run {
            rx,
            stats,
            started,
            documents: 0,
            failures: 0,
            finished: None,
        }
    }
}

/// Stages that run as one unit: consecutive synchronous stages back to back in one task
/// per document (the document stays on one core, one hand-off instead of one per stage),
/// an asynchronous stage alone.
enum Segment {
    Sync(Range<usize>),
    Async(usize),
}

/// Groups the chain's stages into [`Segment`]s.
fn segments(stages: &[Arc<dyn Stage>]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < stages.len() {
        if stages[i].as_sync().is_none() {
            out.push(Segment::Async(i));
            i += 1;
            continue;
        }
        let start = i;
        while i < stages.len() && stages[i].as_sync().is_some() {
            i += 1;
        }
        out.push(Segment::Sync(start..i));
    }
    out
}

/// Sends every record of `processed` on, until the receiver is gone.
async fn forward(processed: impl Stream<Item = Record>, tx: mpsc::Sender<Record>) {
    let mut processed = std::pin::pin!(processed);
    while let Some(record) = processed.next().await {
        if tx.send(record).await.is_err() {
            break;
        }
    }
}

/// Applies the synchronous stages `range` of `stages` to `doc` in turn, in this thread;
/// the first error or panic becomes the document's error record.
fn apply_all(
    stages: &[Arc<dyn Stage>],
    range: Range<usize>,
    mut doc: Document,
    stats: &[StageStats],
) -> Record {
    for index in range {
        let stage = &stages[index];
        let Some(sync) = stage.as_sync() else {
            return Err(Failure::new(
                doc.id_arc(),
                stage.name(),
                "internal",
                "stage is not synchronous",
            )
            .with_number_id(doc.id_is_number()));
        };
        let t = Instant::now();
        let result = apply_caught(sync, &mut doc);
        let stat = &stats[index];
        stat.busy_nanos
            .fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
        if let Err(e) = result {
            stat.failures.fetch_add(1, Ordering::Relaxed);
            return Err(
                Failure::new(doc.id_arc(), stage.name(), e.kind(), chain_message(&e))
                    .with_number_id(doc.id_is_number()),
            );
        }
    }
    Ok(doc)
}

/// Runs one stage on one document, turning errors and panics into an error record.
async fn run_one(stage: &dyn Stage, doc: Document, stats: Option<&StageStats>) -> Record {
    let (id, number) = (doc.id_arc(), doc.id_is_number());
    let t = Instant::now();
    let result = std::panic::AssertUnwindSafe(stage.process(doc))
        .catch_unwind()
        .await
        .unwrap_or_else(|payload| Err(StageError::Panicked(panic_message(&*payload))));
    if let Some(stats) = stats {
        stats
            .busy_nanos
            .fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
        if result.is_err() {
            stats.failures.fetch_add(1, Ordering::Relaxed);
        }
    }
    result.map_err(|e| {
        Failure::new(id, stage.name(), e.kind(), chain_message(&e)).with_number_id(number)
    })
}

/// A running chain: a stream of output records in input order, and its [`Summary`].
pub struct Run {
    rx: mpsc::Receiver<Record>,
    stats: Arc<Vec<StageStats>>,
    started: Instant,
    documents: u64,
    failures: u64,
    finished: Option<Duration>,
}

impl Run {
    /// What the run has done so far (everything, once the stream has ended).
    pub fn summary(&self) -> Summary {
        Summary {
            documents: self.documents,
            failures: self.failures,
            stages: self
                .stats
                .iter()
                .map(|s| StageSummary {
                    name: s.name.clone(),
                    busy: Duration::from_nanos(s.busy_nanos.load(Ordering::Relaxed)),
                    failures: s.failures.load(Ordering::Relaxed),
                })
                .collect(),
            elapsed: self.finished.unwrap_or_else(|| self.started.elapsed()),
        }
    }
}

impl Stream for Run {
    type Item = Record;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Record>> {
        let this = &mut *self;
        match this.rx.poll_recv(cx) {
            Poll::Ready(Some(record)) => {
                this.documents += 1;
                this.failures += u64::from(record.is_err());
                Poll::Ready(Some(record))
            }
            Poll::Ready(None) => {
                this.finished.get_or_insert_with(|| this.started.elapsed());
                Poll::Ready(None)
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stage that only declares layers.
    struct Declares {
        name: &'static str,
        uses: Vec<LayerName>,
        provides: Vec<LayerName>,
    }

    impl SyncStage for Declares {
        fn name(&self) -> &str {
            self.name
        }
        fn uses(&self) -> Vec<LayerName> {
            self.uses.clone()
        }
        fn provides(&self) -> Vec<LayerName> {
            self.provides.clone()
        }
        fn apply(&self, _: &mut Document) -> Result<(), StageError> {
            Ok(())
        }
    }

    fn quotes() -> Declares {
        Declares {
            name: "quotes",
            uses: vec![],
            provides: vec![LayerName::QUOTES],
        }
    }

    fn sentiment() -> Declares {
        Declares {
            name: "sentiment",
            uses: vec![LayerName::QUOTES],
            provides: vec![LayerName::ACTORS],
        }
    }

    #[test]
    fn optional_input_provided_later_is_refused_naming_both_stages() {
        let err = Chain::builder()
            .sync_stage(sentiment())
            .sync_stage(quotes())
            .build()
            .unwrap_err();
        assert_eq!(
            err,
            ChainError::LateOptionalLayer {
                stage: "sentiment".into(),
                layer: "quotes".into(),
                provider: "quotes".into(),
            }
        );
        assert_eq!(
            err.to_string(),
            "stage `sentiment` reads the `quotes` layer, which stage `quotes` provides later \
             in the chain: put `quotes` before `sentiment`"
        );
    }

    #[test]
    fn with_options_shares_the_stages_and_checks_the_options() {
        let chain = Chain::builder()
            .sync_stage(quotes())
            .jobs(3)
            .channel_capacity(5)
            .build()
            .expect("builds");
        let options = RunnerOptions {
            jobs: 7,
            channel_capacity: 2,
        };
        let other = chain.with_options(options).expect("valid options");
        assert_eq!(other.options(), options);
        assert!(Arc::ptr_eq(&chain.stages, &other.stages));
        // the original keeps its own options
        assert_eq!(chain.options().jobs, 3);
        let zero_capacity = RunnerOptions {
            channel_capacity: 0,
            ..options
        };
        assert_eq!(
            chain.with_options(zero_capacity).unwrap_err(),
            ChainError::Zero("channel_capacity")
        );
        let zero_jobs = RunnerOptions { jobs: 0, ..options };
        assert_eq!(
            chain.with_options(zero_jobs).unwrap_err(),
            ChainError::Zero("jobs")
        );
    }

    #[test]
    fn optional_input_provided_earlier_or_not_at_all_is_fine() {
        let before = Chain::builder()
            .sync_stage(quotes())
            .sync_stage(sentiment())
            .build();
        assert!(before.is_ok());
        assert!(Chain::builder().sync_stage(sentiment()).build().is_ok());
        // provided both before and after: the earlier provider is what the stage reads
        let both = Chain::builder()
            .sync_stage(quotes())
            .sync_stage(sentiment())
            .sync_stage(quotes())
            .build();
        assert!(both.is_ok());
    }
}
