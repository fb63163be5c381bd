//! Reading inputs into records: files, directories and stdin, in text, lines or JSON
//! Lines mode. Reading runs on its own thread and feeds a bounded channel, so a slow chain
//! slows the reader and memory stays flat however long the input is.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use pipeline_core::{Failure, InputOptions, Record};
use tokio::sync::mpsc;

use crate::args::InputMode;
use crate::encoding::{self, Decoder, Head};

/// One input after directories are expanded.
#[derive(Debug)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
    /// A directory entry that could not be listed or read: becomes an error record.
    Broken(Failure),
}

/// Why the inputs cannot be read at all (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// An input named on the command line does not exist or cannot be read.
    #[error("input {path}: {source}")]
    Unreadable {
        /// The path as given.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
}

/// Expands the command-line inputs: `-` is stdin, directories yield their `*.txt` and
/// `*.jsonl` files recursively in sorted path order. Also returns one note per directory
/// in which other files were skipped (see [`skipped_note`]).
pub fn expand(inputs: &[PathBuf]) -> Result<(Vec<Source>, Vec<String>), InputError> {
    if inputs.is_empty() {
        return Ok((vec![Source::Stdin], Vec::new()));
    }
    let mut sources = Vec::new();
    let mut notes = Vec::new();
    for path in inputs {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|source| InputError::Unreadable {
            path: path.clone(),
            source,
        })?;
        if !meta.is_dir() {
            // a FIFO or device would block here until its writer opens it: check files only
            if meta.is_file() {
                File::open(path).map_err(|source| InputError::Unreadable {
                    path: path.clone(),
                    source,
                })?;
            }
            sources.push(Source::File(path.clone()));
            continue;
        }
        let walk = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name();
        let mut skipped = Vec::new();
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_file() && wanted(e.path()) => {
                    sources.push(Source::File(e.into_path()));
                }
                Ok(e) if e.file_type().is_file() => skipped.push(e.into_path()),
                Ok(_) => {}
                Err(err) => {
                    let id = err
                        .path()
                        .map_or_else(|| path.display().to_string(), |p| p.display().to_string());
                    let kind = if err.loop_ancestor().is_some() {
                        "symlink_loop"
                    } else {
                        "unreadable"
                    };
                    sources.push(Source::Broken(Failure::new(
                        id,
                        "input",
                        kind,
                        err.to_string(),
                    )));
                }
            }
        }
        if !skipped.is_empty() {
            notes.push(skipped_note(path, &skipped));
        }
    }
    Ok((sources, notes))
}

/// The total size of the inputs, when every one is a regular file (stdin too, when it is
/// redirected from one: `nlpipe run < file`); else a progress bar cannot know it.
pub fn total_size(sources: &[Source]) -> Option<u64> {
    let size = |path: &Path| {
        let meta = std::fs::metadata(path).ok()?;
        meta.is_file().then_some(meta.len())
    };
    sources.iter().try_fold(0u64, |total, source| match source {
        Source::File(path) => Some(total + size(path)?),
        Source::Broken(_) => Some(total),
        // on Linux and the BSDs, /dev/stdin is (a link to) whatever stdin is
        Source::Stdin if cfg!(unix) => Some(total + size(Path::new("/dev/stdin"))?),
        Source::Stdin => None,
    })
}

/// How many names a note lists.
const NAMES_LISTED: usize = 3;

/// The note on the files of directory `dir` that were skipped: how many, by extension
/// (most frequent first), and the first few names, e.g. `data: skipped 3 files not named
/// *.txt or *.jsonl (2 .gz, 1 .csv): data/a.gz, data/b.csv, data/c.gz`.
fn skipped_note(dir: &Path, skipped: &[PathBuf]) -> String {
    let mut by_ext: Vec<(String, usize)> = Vec::new();
    for path in skipped {
        let ext = path.extension().map_or_else(
            || "no extension".to_owned(),
            |e| format!(".{}", e.to_string_lossy()),
        );
        match by_ext.iter_mut().find(|(e, _)| *e == ext) {
            Some((_, n)) => *n += 1,
            None => by_ext.push((ext, 1)),
        }
    }
    by_ext.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let kinds: Vec<String> = by_ext.iter().map(|(e, n)| format!("{n} {e}")).collect();
    let mut names: Vec<String> = skipped
        .iter()
        .take(NAMES_LISTED)
        .map(|p| p.display().to_string())
        .collect();
    if skipped.len() > NAMES_LISTED {
        names.push("…".into());
    }
    let files = if skipped.len() == 1 { "file" } else { "files" };
    format!(
        "{}: skipped {} {files} not named *.txt or *.jsonl ({}): {}",
        dir.display(),
        skipped.len(),
        kinds.join(", "),
        names.join(", ")
    )
}

fn wanted(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "jsonl")
    )
}

/// The name (and id) of standard input.
const STDIN: &str = "stdin";

/// Settings of the reader.
#[derive(Debug, Clone)]
pub struct ReaderOptions {
    /// Forced input mode, if any.
    pub mode: Option<InputMode>,
    /// Document parsing options.
    pub doc: InputOptions,
    /// Replace invalid UTF-8 instead of failing.
    pub lossy: bool,
    /// Where the reader counts the bytes it read and sends its notes.
    pub feedback: Feedback,
}

/// What the reader tells the person running it: how many bytes it has read (of every
/// input, as stored: before decoding) and how many records it has sent, and a note (one
/// line) on each input it refuses or that yields only error records.
#[derive(Clone)]
pub struct Feedback {
    bytes: Arc<AtomicU64>,
    records: Arc<AtomicU64>,
    notes: Arc<dyn Fn(&str) + Send + Sync>,
}

impl std::fmt::Debug for Feedback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Feedback")
            .field("bytes", &self.bytes)
            .field("records", &self.records)
            .finish_non_exhaustive()
    }
}

impl Default for Feedback {
    /// Notes go to stderr, after `nlpipe: `.
    fn default() -> Self {
        Feedback {
            bytes: Arc::new(AtomicU64::new(0)),
            records: Arc::new(AtomicU64::new(0)),
            notes: Arc::new(|line| eprintln!("nlpipe: {line}")),
        }
    }
}

impl Feedback {
    /// The same counter, with notes sent to `notes` (e.g. printed above a progress bar).
    pub fn with_notes(self, notes: impl Fn(&str) + Send + Sync + 'static) -> Self {
        Feedback {
            bytes: self.bytes,
            records: self.records,
            notes: Arc::new(notes),
        }
    }

    /// Bytes read so far.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Records sent so far.
    pub fn records(&self) -> u64 {
        self.records.load(Ordering::Relaxed)
    }

    /// Sends one note.
    pub fn note(&self, line: &str) {
        (self.notes)(line);
    }
}

/// Turns what the reader finds into the items it sends, one per document: `run` sends
/// [`Record`]s (see the implementation for [`InputOptions`]); `report` also recognises
/// records that already hold quotes and actors.
pub trait Parse {
    /// What the reader sends.
    type Item: Send;
    /// A plain-text document: a whole file, all of stdin, or one line in lines mode.
    fn text(&self, id: String, text: String) -> Self::Item;
    /// One JSON Lines record; `position_id` (`path:line`) names it when it has no id.
    fn json(&self, position_id: &str, line: &str) -> Self::Item;
    /// Something that could not be read (an unreadable file, invalid UTF-8, too large…).
    fn failure(&self, failure: Failure) -> Self::Item;
    /// The error record `item` is, if it is one.
    fn failure_of(item: &Self::Item) -> Option<&Failure>;
}

impl Parse for InputOptions {
    type Item = Record;

    fn text(&self, id: String, text: String) -> Record {
        self.text_document(id, text)
    }

    fn json(&self, position_id: &str, line: &str) -> Record {
        self.json_document(position_id, line)
    }

    fn failure(&self, failure: Failure) -> Record {
        Err(failure)
    }

    fn failure_of(item: &Record) -> Option<&Failure> {
        item.as_ref().err()
    }
}

/// Reads every source in order and sends one item per document to `tx`. Stops early
/// when the receiver is gone.
pub fn read_all<P: Parse>(
    sources: Vec<Source>,
    opts: &ReaderOptions,
    parser: &P,
    tx: &mpsc::Sender<P::Item>,
) {
    for source in sources {
        let keep_going = match source {
            Source::Broken(f) => tx.blocking_send(parser.failure(f)).is_ok(),
            Source::Stdin => read_input(STDIN, io::stdin().lock(), None, false, opts, parser, tx),
            Source::File(path) => {
                let name = path.display().to_string();
                match File::open(&path) {
                    Ok(file) => {
                        let mode = opts.mode.or_else(|| {
                            Some(if path.extension().is_some_and(|e| e == "jsonl") {
                                InputMode::Jsonl
                            } else {
                                InputMode::Text
                            })
                        });
                        // a FIFO is read as it comes, as stdin is
                        let patient = file.metadata().is_ok_and(|m| m.is_file());
                        read_input(&name, file, mode, patient, opts, parser, tx)
                    }
                    Err(e) => tx
                        .blocking_send(parser.failure(Failure::new(
                            name,
                            "input",
                            "unreadable",
                            e.to_string(),
                        )))
                        .is_ok(),
                }
            }
        };
        if !keep_going {
            return;
        }
    }
}

/// Reads one input: looks at its first bytes ([`Head`]), refuses it when it looks binary
/// or like UTF-16/UTF-32 without a byte-order mark (one error record), decodes UTF-16 and
/// UTF-32, then splits it into documents ([`read_source`]); a note on the input when it
/// was refused or yields only error records. Returns false when the receiver is gone.
fn read_input<R: Read, P: Parse>(
    name: &str,
    raw: R,
    mode: Option<InputMode>,
    patient: bool,
    opts: &ReaderOptions,
    parser: &P,
    tx: &mpsc::Sender<P::Item>,
) -> bool {
    let mut out = Out::<P> {
        tx,
        sent: &opts.feedback.records,
        records: 0,
        failures: 0,
        first: None,
    };
    let mut raw = Counted {
        inner: raw,
        bytes: &opts.feedback.bytes,
    };
    let (head, complete) = match encoding::read_head(&mut raw, patient) {
        Ok(head) => head,
        Err(e) => return send_io_error(parser, &mut out, name, &e),
    };
    let sniffed = Head::sniff(&head, complete);
    if let Some((kind, message)) = sniffed.refusal() {
        opts.feedback.note(&format!("{name}: {message}"));
        return out.send(parser.failure(Failure::new(name, "input", kind, message)));
    }
    let rest = io::Cursor::new(head).chain(raw);
    let keep_going = match sniffed {
        Head::Marked(wide) => {
            let decoded = BufReader::with_capacity(1 << 16, Decoder::new(rest, wide));
            read_source(name, decoded, mode, opts, parser, &mut out)
        }
        _ => {
            let plain = BufReader::with_capacity(1 << 16, rest);
            read_source(name, plain, mode, opts, parser, &mut out)
        }
    };
    let invalid_at = match sniffed {
        Head::Utf8 { invalid_at } if !opts.lossy => invalid_at,
        _ => None,
    };
    if let Some(line) = out.note(invalid_at) {
        opts.feedback.note(&format!("{name}: {line}"));
    }
    keep_going
}

/// A reader that adds what it reads to a counter.
struct Counted<'a, R> {
    inner: R,
    bytes: &'a AtomicU64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Sends the items of one input, counting them and its error records.
struct Out<'a, P: Parse> {
    tx: &'a mpsc::Sender<P::Item>,
    sent: &'a AtomicU64,
    records: u64,
    failures: u64,
    /// The first error record's kind and message.
    first: Option<String>,
}

impl<P: Parse> Out<'_, P> {
    /// Sends `item`; false when the receiver is gone.
    fn send(&mut self, item: P::Item) -> bool {
        self.records += 1;
        if let Some(f) = P::failure_of(&item) {
            self.failures += 1;
            if self.first.is_none() {
                let mut first = format!("{}: {}", f.kind, f.message.replace('\n', " "));
                if first.len() > 120 {
                    let mut cut = 117;
                    while !first.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    first.truncate(cut);
                    first.push('…');
                }
                self.first = Some(first);
            }
        }
        let sent = self.tx.blocking_send(item).is_ok();
        self.sent.fetch_add(1, Ordering::Relaxed);
        sent
    }

    /// The note on this input, if it needs one: every record an error, or bytes that are
    /// not UTF-8 (`invalid_at`, the first one's offset) and some records errors.
    fn note(&self, invalid_at: Option<usize>) -> Option<String> {
        let first = self.first.as_deref().unwrap_or_default();
        let counts = match (self.records, self.failures) {
            (1, 1) => format!("its only record is an error ({first})"),
            (n, f) if n == f && n > 0 => format!("all {n} records are errors (first: {first})"),
            (n, f) if f > 0 && invalid_at.is_some() => {
                format!("{f} of {n} records are errors (first: {first})")
            }
            _ => return None,
        };
        Some(match invalid_at {
            Some(at) => format!("not UTF-8 (first invalid byte at offset {at}): {counts}"),
            None => counts,
        })
    }
}

/// Reads one source; returns false when the receiver is gone.
fn read_source<R: BufRead, P: Parse>(
    name: &str,
    mut reader: R,
    mode: Option<InputMode>,
    opts: &ReaderOptions,
    parser: &P,
    out: &mut Out<'_, P>,
) -> bool {
    let mode = match mode.or(opts.mode) {
        Some(m) => m,
        None => match sniff(&mut reader) {
            Ok(m) => m,
            Err(e) => return send_io_error(parser, out, name, &e),
        },
    };
    match mode {
        InputMode::Text => match read_text(name, &mut reader, opts) {
            // an empty stdin holds no document at all (an empty file is an empty document)
            Ok(text) if name == STDIN && text.is_empty() => true,
            Ok(text) => out.send(parser.text(name.to_owned(), text)),
            Err(f) => out.send(parser.failure(f)),
        },
        InputMode::Lines | InputMode::Jsonl => {
            let mut lines = LineReader::new(reader, opts.doc.max_doc_bytes);
            let mut buf = Vec::new();
            loop {
                let line = match lines.next_line(&mut buf) {
                    Ok(Some(line)) => line,
                    Ok(None) => return true,
                    Err(e) => {
                        let id = format!("{name}:{}", lines.line_no + 1);
                        return send_io_error(parser, out, &id, &e);
                    }
                };
                let id = format!("{name}:{}", line.number);
                let item = match line.too_long {
                    Some(len) => parser.failure(Failure::new(
                        id,
                        "input",
                        "too_large",
                        format!(
                            "line is {len} bytes, more than --max-doc-bytes {}",
                            opts.doc.max_doc_bytes
                        ),
                    )),
                    None => {
                        let bytes = if line.number == 1 {
                            strip_bom(&buf)
                        } else {
                            &buf[..]
                        };
                        if bytes.iter().all(u8::is_ascii_whitespace) {
                            continue;
                        }
                        match decode(bytes, opts.lossy) {
                            Ok(text) => match mode {
                                InputMode::Jsonl => parser.json(&id, &text),
                                _ => parser.text(id, text.into_owned()),
                            },
                            Err(msg) => {
                                parser.failure(Failure::new(id, "input", "invalid_utf8", msg))
                            }
                        }
                    }
                };
                if !out.send(item) {
                    return false;
                }
            }
        }
    }
}

fn send_io_error<P: Parse>(parser: &P, out: &mut Out<'_, P>, id: &str, e: &io::Error) -> bool {
    out.send(parser.failure(Failure::new(
        id.to_owned(),
        "input",
        "read_error",
        e.to_string(),
    )))
}

/// Decides jsonl or text for stdin: jsonl when the first non-blank byte is `{`.
fn sniff<R: BufRead>(reader: &mut R) -> io::Result<InputMode> {
    let buf = reader.fill_buf()?;
    let first = strip_bom(buf).iter().find(|b| !b.is_ascii_whitespace());
    Ok(if first == Some(&b'{') {
        InputMode::Jsonl
    } else {
        InputMode::Text
    })
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn decode(bytes: &[u8], lossy: bool) -> Result<std::borrow::Cow<'_, str>, String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.into()),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(e) => Err(format!(
            "invalid UTF-8 at byte offset {} (use --lossy to replace)",
            e.valid_up_to()
        )),
    }
}

/// Reads a whole source as one document's text, refusing (and skipping) more than the
/// limit.
fn read_text<R: BufRead>(
    name: &str,
    reader: &mut R,
    opts: &ReaderOptions,
) -> Result<String, Failure> {
    let max = opts.doc.max_doc_bytes;
    let mut bytes = Vec::new();
    let read = reader.by_ref().take(max as u64 + 1).read_to_end(&mut bytes);
    if let Err(e) = read {
        return Err(Failure::new(name, "input", "read_error", e.to_string()));
    }
    if bytes.len() > max {
        let rest = io::copy(reader, &mut io::sink()).unwrap_or(0);
        return Err(Failure::new(
            name,
            "input",
            "too_large",
            format!(
                "document is {} bytes, more than --max-doc-bytes {max}",
                bytes.len() as u64 + rest
            ),
        ));
    }
    match decode(strip_bom(&bytes), opts.lossy) {
        Ok(t) => Ok(t.into_owned()),
        Err(msg) => Err(Failure::new(name, "input", "invalid_utf8", msg)),
    }
}

/// One line read by [`LineReader`].
struct Line {
    /// 1-based line number.
    number: usize,
    /// Set (to the full length) when the line was longer than the limit; its bytes were
    /// skipped, not kept.
    too_long: Option<usize>,
}

/// Splits a stream at `\n`, `\r\n` and lone `\r`, keeping at most `max` bytes of a line
/// in memory.
struct LineReader<R> {
    reader: R,
    max: usize,
    pending_cr: bool,
    line_no: usize,
}

impl<R: BufRead> LineReader<R> {
    fn new(reader: R, max: usize) -> Self {
        LineReader {
            reader,
            max,
            pending_cr: false,
            line_no: 0,
        }
    }

    fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<Line>> {
        buf.clear();
        let mut len = 0usize;
        let mut started = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                if !started {
                    return Ok(None);
                }
                break;
            }
            if self.pending_cr {
                self.pending_cr = false;
                if available[0] == b'\n' {
                    self.reader.consume(1);
                    continue;
                }
            }
            started = true;
            match memchr::memchr2(b'\n', b'\r', available) {
                Some(pos) => {
                    if len + pos <= self.max {
                        buf.extend_from_slice(&available[..pos]);
                    } else {
                        buf.clear();
                    }
                    len += pos;
                    self.pending_cr = available[pos] == b'\r';
                    self.reader.consume(pos + 1);
                    break;
                }
                None => {
                    let n = available.len();
                    if len + n <= self.max {
                        buf.extend_from_slice(available);
                    } else {
                        buf.clear();
                    }
                    len += n;
                    self.reader.consume(n);
                }
            }
        }
        self.line_no += 1;
        Ok(Some(Line {
            number: self.line_no,
            too_long: (len > self.max).then_some(len),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<(usize, String, Option<usize>)> {
        let mut r = LineReader::new(BufReader::with_capacity(4, input), max);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(l) = r.next_line(&mut buf).unwrap() {
            out.push((
                l.number,
                String::from_utf8(buf.clone()).unwrap(),
                l.too_long,
            ));
        }
        out
    }

    #[test]
    fn splits_lf_crlf_and_lone_cr() {
        let got = lines(b"a\r\nbb\rccc\nd", 100);
        let texts: Vec<&str> = got.iter().map(|l| l.1.as_str()).collect();
        assert_eq!(texts, ["a", "bb", "ccc", "d"]);
        assert_eq!(got[3].0, 4);
    }

    #[test]
    fn long_lines_are_flagged_not_kept() {
        let got = lines(b"short\nthis line is long\nok", 6);
        assert_eq!(got[1].2, Some(17));
        assert_eq!(got[1].1, "");
        assert_eq!(got[2].1, "ok");
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode(b"ab\xffcd", false).unwrap_err();
        assert!(err.contains("byte offset 2"), "{err}");
        assert_eq!(decode(b"ab\xffcd", true).unwrap(), "ab\u{fffd}cd");
    }

    #[test]
    fn the_skipped_note_counts_by_extension_and_names_the_first_files() {
        let paths: Vec<PathBuf> = ["d/a.gz", "d/b.csv", "d/c.gz", "d/README", "d/e.gz"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(
            skipped_note(Path::new("d"), &paths),
            "d: skipped 5 files not named *.txt or *.jsonl (3 .gz, 1 .csv, 1 no extension): \
             d/a.gz, d/b.csv, d/c.gz, …"
        );
        assert_eq!(
            skipped_note(Path::new("d"), &paths[..1]),
            "d: skipped 1 file not named *.txt or *.jsonl (1 .gz): d/a.gz"
        );
    }
}
