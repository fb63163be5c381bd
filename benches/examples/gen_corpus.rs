//! Writes a generated news corpus as JSON Lines to stdout, for `benches/compare.sh` and
//! `benches/memory.sh`.
//!
//! ```text
//! cargo run --release -p benches --example gen_corpus -- DOCS [BYTES_PER_DOC]
//! ```
//! With DOCS = 0 it writes forever (pipe it into `head -c` or a reader that stops).

use std::io::{self, Write};

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let docs: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let bytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(4096);
    // a pool of distinct articles, cycled: generation stays cheap next to the pipeline
    let pool: Vec<String> = (0..64)
        .map(|i| {
            let text = benches::english_article(bytes, 1000 + i);
            let escaped = text
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', "\\n");
            format!("\"text\":\"{escaped}\"}}\n")
        })
        .collect();
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut i = 0u64;
    while docs == 0 || i < docs {
        let body = &pool[(i % 64) as usize];
        if write!(out, "{{\"id\":\"gen-{i}\",{body}").is_err() {
            break; // reader closed the pipe
        }
        i += 1;
    }
    let _ = out.flush();
    Ok(())
}
