//! `nlpipe publish`: read documents exactly like `nlpipe run` and put each on the
//! documents stream as one JSON message, `Nats-Msg-Id` = document id.

use std::process::ExitCode;

use async_nats::jetstream::{self, message::PublishMessage};
use futures::stream::FuturesUnordered;
use futures::StreamExt;
use pipeline_core::OutputOptions;

use super::{NatsError, RECORD_HEADER};
use crate::app;
use crate::args::PublishArgs;

/// Publishes in flight (awaiting their stream acknowledgement) at most.
const MAX_PENDING: usize = 512;

/// Runs `nlpipe publish`; prints a one-line count to stderr.
pub fn publish(args: PublishArgs) -> Result<ExitCode, NatsError> {
    let (sources, reader_opts) = app::read::reader(&args.read)?;
    let runtime = app::runtime(2)?;
    let result = runtime.block_on(async move {
        let client = super::connect(&args.nats).await?;
        let js = jetstream::new(client);
        super::docs_stream(&js, &args.stream, &args.nats).await?;

        let parser = reader_opts.doc.clone();
        let mut rx = app::read::spawn_reader(sources, reader_opts, parser, 256)?;
        let out = OutputOptions::default();
        let mut pending = FuturesUnordered::new();
        let (mut sent, mut duplicates, mut errors) = (0u64, 0u64, 0u64);
        let mut stop = super::stop_signal();
        loop {
            let record = tokio::select! {
                r = rx.recv() => r,
                _ = super::stopped(&mut stop) => None,
            };
            let Some(record) = record else { break };
            let (id, is_error) = match &record {
                Ok(doc) => (doc.id().to_owned(), false),
                Err(f) => (f.id.to_string(), true),
            };
            errors += u64::from(is_error);
            let mut line = Vec::new();
            out.write_line(&record, &mut line);
            line.pop();
            pending.push(publish_one(&js, &args.stream, id, is_error, line.into()));
            if pending.len() >= MAX_PENDING {
                if let Some(r) = pending.next().await {
                    duplicates += u64::from(r?);
                    sent += 1;
                }
            }
        }
        while let Some(r) = pending.next().await {
            duplicates += u64::from(r?);
            sent += 1;
        }
        eprintln!(
            "nlpipe: published {sent} records to {} ({duplicates} duplicates dropped, {errors} error records)",
            args.stream
        );
        Ok::<_, NatsError>(ExitCode::SUCCESS)
    });
    runtime.shutdown_background();
    result
}

/// Publishes one message with `Nats-Msg-Id` = `id` and waits for the stream to store it,
/// retrying through reconnects. Returns whether the server dropped it as a duplicate.
pub(super) async fn publish_one(
    js: &jetstream::Context,
    subject: &str,
    id: String,
    is_error: bool,
    payload: bytes::Bytes,
) -> Result<bool, NatsError> {
    let result = super::retry(|| {
        let mut msg = PublishMessage::build()
            .payload(payload.clone())
            .message_id(&id);
        if is_error {
            msg = msg.header(RECORD_HEADER, "error");
        }
        async move {
            let ack = js.send_publish(subject.to_owned(), msg).await?;
            Ok::<_, async_nats::Error>(ack.await?)
        }
    })
    .await;
    match result {
        Ok(ack) => Ok(ack.duplicate),
        Err(source) => Err(NatsError::Publish {
            id,
            subject: subject.to_owned(),
            source,
        }),
    }
}
