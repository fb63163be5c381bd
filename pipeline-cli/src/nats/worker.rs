//! `nlpipe worker`: pull documents from a durable consumer, run the chain, publish each
//! result (or error record) with `Nats-Msg-Id` = id, and acknowledge the input only after
//! that publish is confirmed.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use async_nats::jetstream::{self, consumer};
use futures::{Stream, StreamExt};
use pipeline_core::error::chain_line;
use pipeline_core::{Failure, InputOptions, OutputOptions, Record};
use serde_json::Value;
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;

use super::{NatsError, RECORD_HEADER};
use crate::app::{self, sink};
use crate::args::WorkerArgs;

/// A message pulled from the documents stream, with the in-flight permit it holds until
/// its result is published and the message acknowledged.
type Held = (jetstream::Message, OwnedSemaphorePermit);

/// Runs `nlpipe worker` until SIGINT/SIGTERM: then it stops pulling, finishes and
/// acknowledges what it holds, and exits 0.
pub fn worker(args: WorkerArgs) -> Result<ExitCode, NatsError> {
    let chain = app::chain::build(&args.chain)?;
    // with --layers, the stages of layers that are not written do not run
    let chain = match args.layers {
        Some(selection) => chain.only_for(|l| selection.keeps(l)),
        None => chain,
    };
    let serialiser = sink::Serialiser::new(OutputOptions {
        offsets: app::read::offset_unit(args.offsets),
        no_text: args.no_text,
        layers: args.layers,
    });
    let doc_opts = InputOptions {
        max_doc_bytes: args.max_doc_bytes,
        ..InputOptions::default()
    };
    let jobs = chain.options().jobs;
    let runtime = app::runtime(jobs)?;
    let result = runtime.block_on(async move {
        let client = super::connect(&args.nats).await?;
        let js = jetstream::new(client);
        let consumer = durable_consumer(&js, &args).await?;

        let in_flight = args.in_flight.max(1);
        let (record_tx, mut record_rx) = mpsc::channel::<Record>(in_flight);
        let (msg_tx, msg_rx) = mpsc::unbounded_channel::<Held>();
        let puller = tokio::spawn(pull(
            consumer,
            in_flight.min(256),
            Arc::new(Semaphore::new(in_flight)),
            super::stop_signal(),
            doc_opts,
            args.stream.clone(),
            record_tx,
            msg_tx,
        ));

        let records = futures::stream::poll_fn(move |cx| record_rx.poll_recv(cx));
        // serialised on the CPU pool exactly as `nlpipe run` does
        let lines = serialiser.lines(chain.run(records), jobs);
        let all_delivered = deliver_all(&js, &args.results, lines, msg_rx).await;
        match puller.await {
            Ok(Err(e)) => return Err(e),
            Err(e) => return Err(NatsError::Usage(format!("puller task failed: {e}"))),
            Ok(Ok(())) => {}
        }
        // an unpublished result leaves its input unacknowledged: it is redelivered later
        Ok(if all_delivered {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    });
    runtime.shutdown_background();
    result
}

/// Creates (or finds) the documents and results streams and the durable consumer the
/// workers share.
async fn durable_consumer(
    js: &jetstream::Context,
    args: &WorkerArgs,
) -> Result<consumer::PullConsumer, NatsError> {
    let docs = super::docs_stream(js, &args.stream, &args.nats).await?;
    super::results_stream(js, &args.results, &args.nats).await?;
    let config = consumer::pull::Config {
        durable_name: Some(args.consumer.clone()),
        ack_policy: consumer::AckPolicy::Explicit,
        ack_wait: Duration::from_secs(args.ack_wait),
        max_deliver: args.max_deliver,
        max_ack_pending: args.max_ack_pending,
        ..Default::default()
    };
    super::retry(|| docs.get_or_create_consumer(&args.consumer, config.clone()))
        .await
        .map_err(|source| NatsError::Setup {
            what: "consumer",
            name: args.consumer.clone(),
            source,
        })
}

/// Publishes each line to `subject` and then acknowledges its message, the n-th line
/// with the n-th message of `held`; false when some result could not be published
/// (each such failure is printed).
async fn deliver_all<S>(
    js: &jetstream::Context,
    subject: &str,
    mut lines: S,
    mut held: mpsc::UnboundedReceiver<Held>,
) -> bool
where
    S: Stream<Item = sink::Line> + Unpin,
{
    let mut tasks = JoinSet::new();
    let mut all_delivered = true;
    let mut report = |joined: Result<Result<(), NatsError>, _>| {
        if let Ok(Err(e)) = joined {
            eprintln!("nlpipe: worker: {}", chain_line(&e));
            all_delivered = false;
        }
    };
    while let Some(line) = lines.next().await {
        // the chain and the serialiser keep input order: this line belongs to the
        // oldest message
        let Some((msg, permit)) = held.recv().await else {
            break;
        };
        let sink::Line {
            id,
            failed: is_error,
            mut bytes,
        } = line;
        bytes.pop();
        let js = js.clone();
        let subject = subject.to_owned();
        tasks.spawn(async move {
            let done = deliver(&js, &subject, id.to_string(), is_error, bytes.into(), &msg).await;
            drop(permit);
            done
        });
        while let Some(joined) = tasks.try_join_next() {
            report(joined);
        }
    }
    while let Some(joined) = tasks.join_next().await {
        report(joined);
    }
    all_delivered
}

/// Pulls messages while permits are free, feeding the chain and the ack queue in the
/// same order; stops at the stop signal.
#[allow(clippy::too_many_arguments)]
async fn pull(
    consumer: consumer::PullConsumer,
    batch: usize,
    permits: Arc<Semaphore>,
    mut stop: tokio::sync::watch::Receiver<bool>,
    doc_opts: InputOptions,
    stream_name: String,
    record_tx: mpsc::Sender<Record>,
    msg_tx: mpsc::UnboundedSender<Held>,
) -> Result<(), NatsError> {
    let mut messages = None;
    loop {
        let permit = tokio::select! {
            p = Arc::clone(&permits).acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => return Ok(()),
            },
            _ = super::stopped(&mut stop) => return Ok(()),
        };
        let msg = loop {
            let stream = match &mut messages {
                Some(s) => s,
                None => {
                    let fresh = super::retry(|| async {
                        consumer
                            .stream()
                            .max_messages_per_batch(batch)
                            .heartbeat(Duration::from_secs(5))
                            .messages()
                            .await
                    });
                    let fresh = tokio::select! {
                        s = fresh => s.map_err(|source| NatsError::Consume {
                            name: stream_name.clone(),
                            source,
                        })?,
                        _ = super::stopped(&mut stop) => return Ok(()),
                    };
                    messages.insert(fresh)
                }
            };
            let next = tokio::select! {
                m = stream.next() => m,
                _ = super::stopped(&mut stop) => return Ok(()),
            };
            match next {
                Some(Ok(msg)) => break msg,
                Some(Err(e)) => {
                    // missed heartbeats during a reconnect or server restart: keep going
                    eprintln!("nlpipe: worker: pulling from {stream_name}: {e}");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                None => messages = None,
            }
        };
        let record = to_record(&msg, &doc_opts, &stream_name);
        if msg_tx.send((msg, permit)).is_err() || record_tx.send(record).await.is_err() {
            return Ok(());
        }
    }
}

/// The document (or passed-through error record) a message carries.
fn to_record(msg: &jetstream::Message, opts: &InputOptions, stream: &str) -> Record {
    let position = match msg.info() {
        Ok(info) => format!("{stream}:{}", info.stream_sequence),
        Err(_) => format!("{stream}:?"),
    };
    let text = match std::str::from_utf8(&msg.payload) {
        Ok(t) => t,
        Err(e) => {
            return Err(Failure::new(
                position,
                "input",
                "invalid_utf8",
                e.to_string(),
            ))
        }
    };
    let is_error = msg
        .headers
        .as_ref()
        .and_then(|h| h.get(RECORD_HEADER))
        .is_some_and(|v| v.as_str() == "error");
    if is_error {
        return Err(failure_from_json(&position, text));
    }
    opts.json_document(&position, text)
}

/// Rebuilds an error record published by `nlpipe publish`.
fn failure_from_json(position: &str, text: &str) -> Failure {
    let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let get = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    let (id, number) = match value.get("id") {
        Some(Value::String(s)) => (s.clone(), false),
        Some(Value::Number(n)) => (n.to_string(), true),
        _ => (position.to_owned(), false),
    };
    let err = value.get("error").cloned().unwrap_or(Value::Null);
    Failure::new(
        id,
        get(&err, "stage").unwrap_or_else(|| "input".into()),
        get(&err, "kind").unwrap_or_else(|| "unknown".into()),
        get(&err, "message").unwrap_or_default(),
    )
    .with_number_id(number)
}

/// Publishes one result and, once the stream confirmed it, acknowledges the input.
async fn deliver(
    js: &jetstream::Context,
    subject: &str,
    id: String,
    is_error: bool,
    payload: bytes::Bytes,
    msg: &jetstream::Message,
) -> Result<(), NatsError> {
    super::publish::publish_one(js, subject, id.clone(), is_error, payload).await?;
    super::retry(|| msg.double_ack())
        .await
        .map_err(|source| NatsError::Publish {
            id: format!("ack of {id}"),
            subject: subject.to_owned(),
            source,
        })
}
