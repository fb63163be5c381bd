//! Any text through the whole default chain: no panic, every span inside the text on
//! character boundaries.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pipeline_core::{Chain, Document, RunnerOptions};

fn chain() -> &'static (Chain, tokio::runtime::Runtime) {
    static CHAIN: OnceLock<(Chain, tokio::runtime::Runtime)> = OnceLock::new();
    CHAIN.get_or_init(|| {
        let chain = stages::registry()
            .chain_from_names(stages::DEFAULT_CHAIN, RunnerOptions { channel_capacity: 1, jobs: 1 })
            .expect("default chain builds");
        let rt = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
        (chain, rt)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (chain, rt) = chain();
    let doc = rt.block_on(chain.process(Document::new("fuzz", text))).expect("no stage fails on valid text");
    let t = doc.text();
    for tok in doc.tokens().unwrap_or_default() {
        tok.span.check(t).expect("token span");
    }
    for s in doc.sentences().unwrap_or_default() {
        s.span.check(t).expect("sentence span");
    }
    for q in doc.quotes().unwrap_or_default() {
        q.span.check(t).expect("quote span");
        if let Some(sp) = &q.speaker {
            sp.span.check(t).expect("speaker span");
        }
    }
    for a in doc.actors().unwrap_or_default() {
        for m in &a.mentions {
            m.span.check(t).expect("mention span");
        }
    }
});
