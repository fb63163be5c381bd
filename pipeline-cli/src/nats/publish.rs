//! `nlpipe publish`: read documents exactly like `nlpipe run` and put each on the
//! documents stream as one JSON message, `Nats-Msg-Id` = document id.

use std::path::PathBuf;
use std::process::ExitCode;

use async_nats::jetstream::{self, message::PublishMessage};
use futures::stream::FuturesUnordered;
use futures::StreamExt;
use pipeline_core::{InputOptions, OffsetUnit, OutputOptions, Record};
use tokio::sync::mpsc;

use super::{NatsError, NatsOptions, RECORD_HEADER};
use crate::args::{InputMode, Offsets};
use crate::input;

/// Publishes in flight (awaiting their stream acknowledgement) at most.
const MAX_PENDING: usize = 512;

/// `nlpipe publish` options.
#[derive(Debug, clap::Args)]
pub struct PublishArgs {
    /// Connection and stream settings.
    #[command(flatten)]
    pub nats: NatsOptions,

    /// The documents stream (a work queue; also its subject), created if missing.
    #[arg(long, value_name = "DOCS")]
    pub stream: String,

    /// Files, directories or `-`, read exactly as by `nlpipe run`. None means stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// How inputs are split into documents (as for `nlpipe run`).
    #[arg(long, value_enum)]
    pub input: Option<InputMode>,

    /// JSON field holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,

    /// JSON field holding the id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,

    /// Unit of offsets in input `targets` (messages always carry byte offsets).
    #[arg(long, value_enum, default_value = "bytes")]
    pub offsets: Offsets,

    /// Larger documents become error records.
    #[arg(long, default_value_t = 16 << 20, value_name = "N")]
    pub max_doc_bytes: usize,

    /// Replace invalid UTF-8 with U+FFFD instead of making an error record.
    #[arg(long)]
    pub lossy: bool,
}

/// Runs `nlpipe publish`; prints a one-line count to stderr.
pub fn publish(args: PublishArgs) -> Result<ExitCode, crate::CliError> {
    let sources = input::expand(&args.inputs)?;
    let reader_opts = input::ReaderOptions {
        mode: args.input,
        doc: InputOptions {
            text_field: args.text_field.clone(),
            id_field: args.id_field.clone(),
            offsets: match args.offsets {
                Offsets::Bytes => OffsetUnit::Bytes,
                Offsets::Chars => OffsetUnit::Chars,
            },
            max_doc_bytes: args.max_doc_bytes,
        },
        lossy: args.lossy,
    };
    let runtime = super::runtime(2).map_err(crate::CliError::Runtime)?;
    let result = runtime.block_on(async move {
        let client = super::connect(&args.nats).await?;
        let js = jetstream::new(client);
        super::docs_stream(&js, &args.stream, &args.nats).await?;

        let (tx, mut rx) = mpsc::channel::<Record>(256);
        std::thread::Builder::new()
            .name("nlpipe-reader".into())
            .spawn(move || input::read_all(sources, &reader_opts, &tx))
            .map_err(|e| NatsError::Usage(format!("cannot start the reader thread: {e}")))?;

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
    Ok(result?)
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
        let mut msg = PublishMessage::build().payload(payload.clone()).message_id(&id);
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
