//! Scale-out over NATS JetStream (cargo feature `nats`): `nlpipe publish` puts documents
//! on a work-queue stream, `nlpipe worker` runs the chain on them and publishes each
//! result, `nlpipe collect` writes the results as JSON Lines. See `docs/scale-out.md` for
//! the topology and the delivery guarantee.
//!
//! Every message carries the document id as `Nats-Msg-Id`, so the server drops a second
//! publish of the same id inside the streams' duplicate window; a worker acknowledges an
//! input only after the publish of its result is confirmed. Together: at-least-once
//! delivery, effectively once in the results stream.

mod collect;
mod publish;
mod worker;

use std::time::Duration;

use async_nats::jetstream::{self, stream};
use tokio::sync::watch;

use crate::app;
use crate::args::NatsOptions;

pub use collect::collect;
pub use publish::publish;
pub use worker::worker;

/// Header set on a message that carries an error record rather than a document.
const RECORD_HEADER: &str = "Nlpipe-Record";

/// Why a NATS subcommand failed (exit status 2).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NatsError {
    /// The first connection failed.
    #[error("cannot connect to {url}")]
    Connect {
        /// The server URL.
        url: String,
        /// The cause.
        #[source]
        source: async_nats::ConnectError,
    },
    /// A stream or consumer could not be created or looked up.
    #[error("{what} {name}")]
    Setup {
        /// `stream` or `consumer`.
        what: &'static str,
        /// Its name.
        name: String,
        /// The cause.
        #[source]
        source: async_nats::Error,
    },
    /// A publish failed even after retries.
    #[error("publishing {id} to {subject}")]
    Publish {
        /// The document id.
        id: String,
        /// The subject.
        subject: String,
        /// The cause.
        #[source]
        source: async_nats::Error,
    },
    /// Reading messages failed for good.
    #[error("reading {name}")]
    Consume {
        /// The stream.
        name: String,
        /// The cause.
        #[source]
        source: async_nats::Error,
    },
    /// Bad usage.
    #[error("{0}")]
    Usage(String),
    /// The output could not be written.
    #[error("writing stdout")]
    Output(#[source] std::io::Error),
    /// The chain, the reader or the runtime could not be set up.
    #[error(transparent)]
    App(#[from] app::Error),
}

/// Connects with unlimited reconnects: a lost connection or a restarted server is
/// reconnected to in the background while publishes and acks wait.
async fn connect(opts: &NatsOptions) -> Result<async_nats::Client, NatsError> {
    async_nats::ConnectOptions::new()
        .name("nlpipe")
        .max_reconnects(None)
        .connection_timeout(Duration::from_secs(5))
        .event_callback(|event| async move {
            match event {
                async_nats::Event::Connected => eprintln!("nlpipe: nats: connected"),
                async_nats::Event::Disconnected => eprintln!("nlpipe: nats: disconnected"),
                _ => {}
            }
        })
        .connect(opts.url.as_str())
        .await
        .map_err(|source| NatsError::Connect {
            url: opts.url.clone(),
            source,
        })
}

/// The documents stream: a file-backed work queue on subject `name` (a message is
/// deleted once a worker acknowledges it).
async fn docs_stream(
    js: &jetstream::Context,
    name: &str,
    opts: &NatsOptions,
) -> Result<stream::Stream, NatsError> {
    ensure_stream(js, name, stream::RetentionPolicy::WorkQueue, opts).await
}

/// The results stream: file-backed, limits retention (kept until deleted), subject `name`.
async fn results_stream(
    js: &jetstream::Context,
    name: &str,
    opts: &NatsOptions,
) -> Result<stream::Stream, NatsError> {
    ensure_stream(js, name, stream::RetentionPolicy::Limits, opts).await
}

async fn ensure_stream(
    js: &jetstream::Context,
    name: &str,
    retention: stream::RetentionPolicy,
    opts: &NatsOptions,
) -> Result<stream::Stream, NatsError> {
    let config = stream::Config {
        name: name.to_owned(),
        subjects: vec![name.to_owned()],
        retention,
        storage: stream::StorageType::File,
        duplicate_window: Duration::from_secs(opts.duplicate_window),
        ..Default::default()
    };
    retry(|| js.get_or_create_stream(config.clone()))
        .await
        .map_err(|source| NatsError::Setup {
            what: "stream",
            name: name.to_owned(),
            source,
        })
}

/// Retries `f` for up to about a minute (the time for a server restart), then gives up
/// with the last error.
async fn retry<T, E, F, Fut>(mut f: F) -> Result<T, async_nats::Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
    E: Into<async_nats::Error>,
{
    let mut delay = Duration::from_millis(100);
    let mut last = None;
    for _ in 0..40 {
        match f().await {
            Ok(v) => return Ok(v),
            Err(e) => last = Some(e.into()),
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(2));
    }
    Err(last.unwrap_or_else(|| "retries exhausted".into()))
}

/// A watch that turns true on SIGINT or SIGTERM.
fn stop_signal() -> watch::Receiver<bool> {
    let (tx, rx) = watch::channel(false);
    tokio::spawn(async move {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let (Ok(mut int), Ok(mut term)) = (
                signal(SignalKind::interrupt()),
                signal(SignalKind::terminate()),
            ) else {
                return;
            };
            tokio::select! {
                _ = int.recv() => {}
                _ = term.recv() => {}
            }
        }
        #[cfg(not(unix))]
        if tokio::signal::ctrl_c().await.is_err() {
            return;
        }
        let _ = tx.send(true);
        // keep the sender alive so receivers keep seeing `true`
        std::future::pending::<()>().await;
    });
    rx
}

/// Waits until `stop` turns true.
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}
