//! The reader: the inputs named on the command line, how they are split into documents,
//! and the thread that reads them into a bounded channel (see [`crate::input`]).

use pipeline_core::{InputOptions, OffsetUnit};
use tokio::sync::mpsc;

use super::Error;
use crate::args::{Offsets, ReadArgs};
use crate::input::{self, Feedback, Parse, ReaderOptions, Source};

/// The unit of offsets asked for.
pub fn offset_unit(offsets: Offsets) -> OffsetUnit {
    match offsets {
        Offsets::Bytes => OffsetUnit::Bytes,
        Offsets::Chars => OffsetUnit::Chars,
    }
}

/// The expanded inputs and the reader's settings.
pub fn reader(args: &ReadArgs) -> Result<(Vec<Source>, ReaderOptions), Error> {
    let (sources, notes) = input::expand(&args.inputs)?;
    let feedback = Feedback::default();
    for note in &notes {
        feedback.note(note);
    }
    let opts = ReaderOptions {
        mode: args.input,
        doc: InputOptions {
            text_field: args.text_field.clone(),
            id_field: args.id_field.clone(),
            offsets: offset_unit(args.offsets),
            max_doc_bytes: args.max_doc_bytes,
        },
        lossy: args.lossy,
        feedback,
    };
    Ok((sources, opts))
}

/// Starts the reader thread: it sends `parser`'s items for every document of `sources`
/// into a channel of `capacity` items.
pub fn spawn_reader<P>(
    sources: Vec<Source>,
    opts: ReaderOptions,
    parser: P,
    capacity: usize,
) -> Result<mpsc::Receiver<P::Item>, Error>
where
    P: Parse + Send + 'static,
    P::Item: 'static,
{
    let (tx, rx) = mpsc::channel(capacity.max(1));
    std::thread::Builder::new()
        .name("nlpipe-reader".into())
        .spawn(move || input::read_all(sources, &opts, &parser, &tx))
        .map_err(Error::Reader)?;
    Ok(rx)
}
