//! What `nlpipe run` shows a person while it works and when it is done: a progress bar on
//! a terminal (bytes read of the inputs' total size, percentage and time left when the
//! inputs are files; a counter otherwise), and the tally at the end (documents, errors,
//! bytes, time, rate), with every number rounded for people ([`human`]).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressState, ProgressStyle};

use crate::input::Feedback;

/// The progress bar (when one is drawn) and the counts behind it and the tally.
#[derive(Debug)]
pub struct Meter {
    bar: Option<ProgressBar>,
    feedback: Feedback,
    docs: Arc<AtomicU64>,
    started: Instant,
}

impl Meter {
    /// A meter over the reader's `feedback`; a bar is drawn when `bar` (a terminal on
    /// stderr), with a percentage when the inputs' `total` size is known.
    pub fn new(bar: bool, total: Option<u64>, feedback: Feedback) -> Meter {
        let docs = Arc::new(AtomicU64::new(0));
        let bar = bar.then(|| progress_bar(total, &docs));
        // notes are printed above the bar, not through it
        let feedback = match &bar {
            Some(bar) => {
                let bar = bar.clone();
                feedback.with_notes(move |line| bar.suspend(|| eprintln!("nlpipe: {line}")))
            }
            None => feedback,
        };
        Meter {
            bar,
            feedback,
            docs,
            started: Instant::now(),
        }
    }

    /// The reader's feedback, its notes printed around the bar.
    pub fn feedback(&self) -> Feedback {
        self.feedback.clone()
    }

    /// One more document written.
    pub fn document(&self) {
        let written = self.docs.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(bar) = &self.bar {
            // the reader runs ahead of the writer by the channels' capacity: the bytes of
            // the documents written are estimated as their share of the records read
            let (bytes, read) = (self.feedback.bytes(), self.feedback.records());
            let done = if read > written {
                (bytes as f64 * written as f64 / read as f64) as u64
            } else {
                bytes
            };
            bar.set_position(done);
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// The tally: `12 documents, 1 error, 48.2 kB in 0.3 s (161 kB/s, 40 docs/s)`.
    pub fn tally(&self, failures: u64) -> String {
        let docs = self.docs.load(Ordering::Relaxed);
        let bytes = self.feedback.bytes();
        let elapsed = self.started.elapsed();
        let secs = elapsed.as_secs_f64().max(1e-3);
        format!(
            "{docs} {}, {failures} {}, {} in {} ({}, {})",
            plural(docs, "document", "documents"),
            plural(failures, "error", "errors"),
            human::bytes(bytes as f64),
            human::duration(elapsed),
            human::bytes_per_sec(bytes as f64 / secs),
            human::docs_per_sec(docs as f64 / secs),
        )
    }
}

fn plural<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The bar: `[####    ] 42% 16.8 MB of 40.0 MB · 8211 docs · 8.4 MB/s, 4105 docs/s ·
/// 3 s left` with a known total, `⠋ 8211 docs · 16.8 MB · 8.4 MB/s, 4105 docs/s · 2 s`
/// without.
fn progress_bar(total: Option<u64>, docs: &Arc<AtomicU64>) -> ProgressBar {
    let counted = Arc::clone(docs);
    let count = move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{} docs", counted.load(Ordering::Relaxed));
    };
    let counted = Arc::clone(docs);
    let rate = move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
        let secs = s.elapsed().as_secs_f64().max(1e-3);
        let _ = write!(
            w,
            "{}, {}",
            human::bytes_per_sec(s.pos() as f64 / secs),
            human::docs_per_sec(counted.load(Ordering::Relaxed) as f64 / secs)
        );
    };
    let done = |s: &ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = match s.len() {
            Some(len) => write!(
                w,
                "{} of {}",
                human::bytes(s.pos() as f64),
                human::bytes(len as f64)
            ),
            None => write!(w, "{}", human::bytes(s.pos() as f64)),
        };
    };
    let left = |s: &ProgressState, w: &mut dyn std::fmt::Write| {
        let (pos, secs) = (s.pos() as f64, s.elapsed().as_secs_f64());
        let _ = match s.len() {
            Some(len) if pos > 0.0 && secs >= 1.0 => {
                let rest = (len as f64 - pos).max(0.0) * secs / pos;
                write!(w, "{} left", human::duration(Duration::from_secs_f64(rest)))
            }
            _ => write!(w, "… left"),
        };
    };
    let elapsed = |s: &ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{}", human::duration(s.elapsed()));
    };
    let (bar, template) = match total {
        Some(len) => (
            ProgressBar::new(len),
            "{bar:30} {percent:>3}% {done} · {count} · {rate} · {left}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {count} · {done} · {rate} · {time}",
        ),
    };
    let style = ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key("count", count)
        .with_key("rate", rate)
        .with_key("done", done)
        .with_key("left", left)
        .with_key("time", elapsed);
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Numbers rounded for people.
pub mod human {
    use std::time::Duration;

    /// A size in decimal units, three significant digits at most: `512 B`, `1.2 kB`,
    /// `48.2 MB`, `512 MB`, `1.3 GB`.
    pub fn bytes(n: f64) -> String {
        const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
        let mut value = n.max(0.0);
        let mut unit = 0;
        while value >= 999.5 && unit + 1 < UNITS.len() {
            value /= 1000.0;
            unit += 1;
        }
        if unit == 0 || value >= 99.5 {
            format!("{value:.0} {}", UNITS[unit])
        } else {
            format!("{value:.1} {}", UNITS[unit])
        }
    }

    /// A byte rate: `1.2 MB/s`.
    pub fn bytes_per_sec(n: f64) -> String {
        format!("{}/s", bytes(n))
    }

    /// A document rate: `504 docs/s`, `3.5 docs/s`, `12.3k docs/s`.
    pub fn docs_per_sec(n: f64) -> String {
        let n = n.max(0.0);
        if n < 9.95 {
            format!("{n:.1} docs/s")
        } else if n < 9999.5 {
            format!("{n:.0} docs/s")
        } else if n < 99_950.0 {
            format!("{:.1}k docs/s", n / 1000.0)
        } else {
            format!("{:.0}k docs/s", n / 1000.0)
        }
    }

    /// A duration: `0.3 s`, `12 s`, `4 min 05 s`, `2 h 03 min`.
    pub fn duration(d: Duration) -> String {
        let secs = d.as_secs_f64();
        if secs < 9.95 {
            return format!("{secs:.1} s");
        }
        let whole = secs.round() as u64;
        match whole {
            0..=59 => format!("{whole} s"),
            60..=3599 => format!("{} min {:02} s", whole / 60, whole % 60),
            _ => format!("{} h {:02} min", whole / 3600, whole % 3600 / 60),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::human::*;
    use super::*;

    #[test]
    fn numbers_are_rounded_for_people() {
        assert_eq!(bytes(512.0), "512 B");
        assert_eq!(bytes(1234.0), "1.2 kB");
        assert_eq!(bytes(48_213_000.0), "48.2 MB");
        assert_eq!(bytes(512_400_000.0), "512 MB");
        assert_eq!(bytes(999_999.0), "1.0 MB");
        assert_eq!(bytes_per_sec(1_234_567.0), "1.2 MB/s");
        assert_eq!(docs_per_sec(504.352), "504 docs/s");
        assert_eq!(docs_per_sec(3.46), "3.5 docs/s");
        assert_eq!(docs_per_sec(12_345.0), "12.3k docs/s");
        assert_eq!(duration(Duration::from_millis(2345)), "2.3 s");
        assert_eq!(duration(Duration::from_secs(245)), "4 min 05 s");
        assert_eq!(duration(Duration::from_secs(7380)), "2 h 03 min");
    }

    #[test]
    fn the_tally_counts_documents_errors_and_bytes() {
        let meter = Meter::new(false, None, Feedback::default());
        meter.document();
        let tally = meter.tally(1);
        assert!(tally.starts_with("1 document, 1 error, 0 B in "), "{tally}");
        assert!(tally.ends_with(" docs/s)"), "{tally}");
    }
}
