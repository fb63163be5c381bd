//! A fixed amount of gazetteer work, for measuring CPU time on a busy machine, where
//! criterion's wall-clock figures are inflated by other processes:
//!
//! ```text
//! cargo build --release -p benches --example gazetteer_cpu
//! perf stat -e task-clock target/release/examples/gazetteer_cpu parse 20
//! perf stat -e task-clock target/release/examples/gazetteer_cpu read 200
//! perf stat -e task-clock target/release/examples/gazetteer_cpu find 200
//! ```
//!
//! `parse N` parses the built-in data N times; `read N` reads its pre-built binary form
//! N times (what the binary does at start-up); `find N` reads N times the 256 KB of
//! English news-style text below (pre-tokenised) and prints the bytes read: bytes ×
//! N ÷ task-clock seconds is the throughput.

use std::hint::black_box;

use stages::entities::gazetteer::Gazetteer;
use stages::tokens::tokenize;

const SENTENCES: &[&str] = &[
    "Pakistan and Russia signed a defence cooperation agreement in Moscow on Tuesday, officials said.",
    "Indian Foreign Minister Arjun Mehta praised the talks as constructive and said ties had never been stronger.",
    "“We have a lot of respect for Japan and its people,” Mehta told reporters after the meeting in San Francisco.",
    "Critics in Berlin accused the United States of waging a disinformation campaign, but Olga Petrova rejected the charge.",
    "The United Nations warned that the crisis was not over, although aid deliveries had improved slightly.",
    "Analysts said the deal was a significant step, yet many doubted that Kenya would keep its promises.",
    "The White House and the Kremlin both declined to comment on the report late on Friday.",
    "Shares fell 3.2% in early trading as investors weighed the outlook for interest rates and inflation.",
    "Ships crossing the Black Sea and the Mediterranean were delayed, the shipping company said.",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_else(|| "find".into());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    if what == "parse" {
        for _ in 0..n {
            // kept, as the built-in one is: the figure is the parse alone, without freeing
            std::mem::forget(black_box(Gazetteer::parse_builtin()));
        }
        println!("parsed {n} times");
        return;
    }
    if what == "read" {
        for _ in 0..n {
            std::mem::forget(black_box(Gazetteer::read_builtin()));
        }
        println!("read {n} times");
        return;
    }
    let mut text = String::new();
    let mut k = 0;
    while text.len() < 256_000 {
        text.push_str(SENTENCES[k % SENTENCES.len()]);
        text.push(' ');
        k += 1;
    }
    let tokens = tokenize(&text);
    let g = Gazetteer::builtin();
    let mut found = 0;
    for _ in 0..n {
        found += black_box(g.find(black_box(&text), black_box(&tokens), Some("en"))).len();
    }
    println!("{} bytes read, {found} matches", text.len() * n);
}
