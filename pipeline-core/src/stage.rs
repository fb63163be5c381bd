//! The stage traits: [`Stage`] (async) and [`SyncStage`] (CPU-bound, lifted by [`Cpu`]).

use std::sync::Arc;

use async_trait::async_trait;

use crate::{Document, LayerError, LayerName};

/// Why a stage could not process one document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StageError {
    /// The document lacks a layer the stage needs.
    #[error("missing layer `{0}`")]
    MissingLayer(LayerName),
    /// The stage produced a layer that does not fit the text.
    #[error(transparent)]
    Layer(#[from] LayerError),
    /// The stage panicked; the message is the panic payload.
    #[error("stage panicked: {0}")]
    Panicked(String),
    /// Any other failure, with a machine-readable kind.
    #[error("{message}")]
    Other {
        /// Short machine-readable kind, e.g. `timeout`.
        kind: &'static str,
        /// What happened.
        message: String,
    },
}

impl StageError {
    /// The short kind written in the error record.
    ///
    /// ```
    /// use pipeline_core::{LayerName, StageError};
    /// assert_eq!(StageError::MissingLayer(LayerName::TOKENS).kind(), "missing_layer");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            StageError::MissingLayer(_) => "missing_layer",
            StageError::Layer(_) => "invalid_layer",
            StageError::Panicked(_) => "panic",
            StageError::Other { kind, .. } => kind,
        }
    }
}

/// A processing step of a chain.
///
/// Most stages are CPU-bound and implement [`SyncStage`] instead; implement `Stage`
/// directly for stages that wait on I/O (a web service, a database).
///
/// ```
/// use async_trait::async_trait;
/// use pipeline_core::{Document, LayerName, Stage, StageError};
///
/// struct Upper;
/// #[async_trait]
/// impl Stage for Upper {
///     fn name(&self) -> &str { "noop" }
///     async fn process(&self, doc: Document) -> Result<Document, StageError> { Ok(doc) }
/// }
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// let doc = rt.block_on(Upper.process(Document::new("a", "x"))).unwrap();
/// assert_eq!(doc.text(), "x");
/// ```
#[async_trait]
pub trait Stage: Send + Sync + 'static {
    /// The stage's name as used in `--stages` and config files.
    fn name(&self) -> &str;

    /// Layers that earlier stages must provide.
    fn requires(&self) -> Vec<LayerName> {
        Vec::new()
    }

    /// Layers this stage adds.
    fn provides(&self) -> Vec<LayerName> {
        Vec::new()
    }

    /// Layers this stage reads when they are present but can do without: optional
    /// inputs. The chain builder refuses a chain where a later stage provides one of
    /// them (the layer would silently be missing when this stage runs).
    ///
    /// ```
    /// use async_trait::async_trait;
    /// use pipeline_core::{Document, LayerName, Stage, StageError};
    /// struct Summary;
    /// #[async_trait]
    /// impl Stage for Summary {
    ///     fn name(&self) -> &str { "summary" }
    ///     fn uses(&self) -> Vec<LayerName> { vec![LayerName::QUOTES] }
    ///     async fn process(&self, doc: Document) -> Result<Document, StageError> { Ok(doc) }
    /// }
    /// assert_eq!(Summary.uses(), [LayerName::QUOTES]);
    /// ```
    fn uses(&self) -> Vec<LayerName> {
        Vec::new()
    }

    /// Processes one document.
    async fn process(&self, doc: Document) -> Result<Document, StageError>;

    /// The synchronous core of this stage, if it is a CPU-bound one ([`Cpu`] returns the
    /// [`SyncStage`] it wraps). The runner then calls `apply` itself, running consecutive
    /// synchronous stages back to back in one task per document.
    ///
    /// ```
    /// use pipeline_core::{Cpu, Document, Stage, StageError, SyncStage};
    /// struct Nop;
    /// impl SyncStage for Nop {
    ///     fn name(&self) -> &str { "nop" }
    ///     fn apply(&self, _: &mut Document) -> Result<(), StageError> { Ok(()) }
    /// }
    /// assert_eq!(Cpu::new(Nop).as_sync().map(|s| s.name()), Some("nop"));
    /// ```
    fn as_sync(&self) -> Option<&dyn SyncStage> {
        None
    }
}

/// A CPU-bound stage: a synchronous `apply` on one document.
///
/// Lift it into a [`Stage`] with [`Cpu`]; use it directly on a single document without
/// any runtime.
///
/// ```
/// use pipeline_core::{Document, SyncStage, StageError};
///
/// struct CountBytes;
/// impl SyncStage for CountBytes {
///     fn name(&self) -> &str { "count" }
///     fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
///         let n = doc.text().len();
///         doc.insert_field("bytes", n.into());
///         Ok(())
///     }
/// }
/// let mut doc = Document::new("a", "four");
/// CountBytes.apply(&mut doc).unwrap();
/// assert_eq!(doc.fields()["bytes"], 4);
/// ```
pub trait SyncStage: Send + Sync + 'static {
    /// The stage's name.
    fn name(&self) -> &str;

    /// Layers that earlier stages must provide.
    fn requires(&self) -> Vec<LayerName> {
        Vec::new()
    }

    /// Layers this stage adds.
    fn provides(&self) -> Vec<LayerName> {
        Vec::new()
    }

    /// Layers this stage reads when they are present but can do without (see
    /// [`Stage::uses`]): a later stage may not provide them.
    ///
    /// ```
    /// use pipeline_core::{Chain, Document, LayerName, StageError, SyncStage};
    /// struct Reader(&'static str, Vec<LayerName>, Vec<LayerName>);
    /// impl SyncStage for Reader {
    ///     fn name(&self) -> &str { self.0 }
    ///     fn uses(&self) -> Vec<LayerName> { self.1.clone() }
    ///     fn provides(&self) -> Vec<LayerName> { self.2.clone() }
    ///     fn apply(&self, _: &mut Document) -> Result<(), StageError> { Ok(()) }
    /// }
    /// let late = Chain::builder()
    ///     .sync_stage(Reader("summary", vec![LayerName::QUOTES], vec![]))
    ///     .sync_stage(Reader("quotes", vec![], vec![LayerName::QUOTES]))
    ///     .build();
    /// assert!(late.unwrap_err().to_string().contains("put `quotes` before `summary`"));
    /// // without a quotes stage at all, the summary simply runs without quotes
    /// assert!(Chain::builder().sync_stage(Reader("summary", vec![LayerName::QUOTES], vec![])).build().is_ok());
    /// ```
    fn uses(&self) -> Vec<LayerName> {
        Vec::new()
    }

    /// Processes one document in place.
    fn apply(&self, doc: &mut Document) -> Result<(), StageError>;
}

/// Lifts a [`SyncStage`] into a [`Stage`], deciding where the CPU work runs: tiny
/// documents (< 256 bytes) in place, ordinary ones as tasks spread over the runtime's
/// worker threads (every core), documents of 64 KiB and more on tokio's blocking pool so
/// they never hold a worker for long. A panic in `apply` becomes
/// [`StageError::Panicked`] for that document only.
///
/// ```
/// use pipeline_core::{Cpu, Document, Stage, SyncStage, StageError};
/// struct Nop;
/// impl SyncStage for Nop {
///     fn name(&self) -> &str { "nop" }
///     fn apply(&self, _: &mut Document) -> Result<(), StageError> { Ok(()) }
/// }
/// let stage = Cpu::new(Nop);
/// # let rt = tokio::runtime::Runtime::new().unwrap();
/// assert!(rt.block_on(stage.process(Document::new("a", "b"))).is_ok());
/// ```
pub struct Cpu<S> {
    inner: Arc<S>,
}

impl<S: SyncStage> Cpu<S> {
    /// Wraps a synchronous stage.
    pub fn new(stage: S) -> Cpu<S> {
        Cpu {
            inner: Arc::new(stage),
        }
    }

    /// The wrapped stage.
    pub fn inner(&self) -> &S {
        &self.inner
    }
}

#[async_trait]
impl<S: SyncStage> Stage for Cpu<S> {
    fn name(&self) -> &str {
        self.inner.name()
    }

    fn requires(&self) -> Vec<LayerName> {
        self.inner.requires()
    }

    fn provides(&self) -> Vec<LayerName> {
        self.inner.provides()
    }

    fn uses(&self) -> Vec<LayerName> {
        self.inner.uses()
    }

    async fn process(&self, mut doc: Document) -> Result<Document, StageError> {
        let stage = Arc::clone(&self.inner);
        let result = on_cpu(doc.text().len(), move || {
            apply_caught(&*stage, &mut doc).map(|()| doc)
        })
        .await;
        match result {
            Ok(result) => result,
            Err(e) => Err(StageError::Other {
                kind: "cancelled",
                message: e.to_string(),
            }),
        }
    }

    fn as_sync(&self) -> Option<&dyn SyncStage> {
        Some(&*self.inner)
    }
}

/// Documents shorter than this are processed in the calling task: cheaper than a hand-off.
const INLINE_BYTES: usize = 256;

/// Documents at least this long run on tokio's blocking pool.
const BLOCKING_POOL_BYTES: usize = 64 * 1024;

/// Runs CPU work on one document of `len` bytes where it is cheapest: tiny documents in
/// the calling task, ordinary ones as a task on the runtime's worker threads (a cheap
/// hand-off that spreads them over every core), big ones (64 KiB and more) on the blocking
/// pool so they never hold a worker (and the tasks moving records along) for long. This is
/// the policy of [`Cpu`] and of the runner, for code that does its own per-document work
/// (the CLI serialises output lines with it). `work` should not panic (wrap a stage in
/// [`Cpu`]); the error is a task that panicked or was cancelled.
///
/// ```
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let text = "x".repeat(1000);
/// let n = pipeline_core::on_cpu(text.len(), move || text.len()).await.unwrap();
/// assert_eq!(n, 1000);
/// # });
/// ```
pub async fn on_cpu<T, F>(len: usize, work: F) -> Result<T, tokio::task::JoinError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    if len < INLINE_BYTES {
        Ok(work())
    } else if len < BLOCKING_POOL_BYTES {
        tokio::task::spawn(async move { work() }).await
    } else {
        tokio::task::spawn_blocking(work).await
    }
}

/// `stage.apply(doc)`, a panic turned into [`StageError::Panicked`].
pub(crate) fn apply_caught(stage: &dyn SyncStage, doc: &mut Document) -> Result<(), StageError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| stage.apply(doc)))
        .unwrap_or_else(|payload| Err(StageError::Panicked(panic_message(&*payload))))
}

/// The text of a panic payload (a `&str` or `String` message; otherwise a fixed text), as
/// error records carry it.
///
/// ```
/// let payload = std::panic::catch_unwind(|| panic!("bad offset")).unwrap_err();
/// assert_eq!(pipeline_core::panic_message(&*payload), "bad offset");
/// ```
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic payload".to_owned()
    }
}
