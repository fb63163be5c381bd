//! `nlpipe collect`: read the results stream from its start and write each result as
//! one JSON line to stdout.

use std::process::ExitCode;
use std::time::Duration;

use async_nats::jetstream::{self, consumer};
use futures::StreamExt;

use super::NatsError;
use crate::app::{self, sink};
use crate::args::CollectArgs;

/// Runs `nlpipe collect`.
pub fn collect(args: CollectArgs) -> Result<ExitCode, NatsError> {
    let runtime = app::runtime(2)?;
    let result = runtime.block_on(async move {
        let client = super::connect(&args.nats).await?;
        let js = jetstream::new(client);
        let results = super::results_stream(&js, &args.results, &args.nats).await?;
        let consume_err = |source| NatsError::Consume {
            name: args.results.clone(),
            source,
        };
        // an ordered consumer re-creates itself after a reconnect, resuming where it was
        let consumer = super::retry(|| {
            results.create_consumer(consumer::pull::OrderedConfig {
                deliver_policy: consumer::DeliverPolicy::All,
                ..Default::default()
            })
        })
        .await
        .map_err(consume_err)?;
        let mut messages = super::retry(|| consumer.clone().messages())
            .await
            .map_err(consume_err)?;
        let writer = sink::Writer::spawn(1024);
        let idle = args
            .idle_timeout
            .map(|s| Duration::from_secs_f64(s.max(0.0)));
        let mut stop = super::stop_signal();
        let mut seen = 0u64;
        let mut closed = false;
        while args.count.map_or(true, |n| seen < n) {
            let next = async {
                match idle {
                    Some(d) => tokio::time::timeout(d, messages.next()).await.ok(),
                    None => Some(messages.next().await),
                }
            };
            let next = tokio::select! {
                n = next => n,
                _ = super::stopped(&mut stop) => None,
            };
            let msg = match next {
                None | Some(None) => break,
                Some(Some(Ok(msg))) => msg,
                Some(Some(Err(e))) => {
                    eprintln!("nlpipe: collect: reading {}: {e}", args.results);
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    continue;
                }
            };
            let mut line = msg.payload.to_vec();
            line.push(b'\n');
            seen += 1;
            if writer.send(line).await.is_err() {
                closed = true;
                break;
            }
        }
        match writer.finish().await {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(NatsError::Output(e)),
            _ => {
                if !closed {
                    eprintln!("nlpipe: collected {seen} results from {}", args.results);
                }
                Ok(ExitCode::SUCCESS)
            }
        }
    });
    runtime.shutdown_background();
    result
}
