//! Any bytes as one JSON Lines record: parsing never panics, and whatever comes out
//! serialises to exactly one whole JSON line, in both offset units.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pipeline_core::{InputOptions, OffsetUnit, OutputOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else { return };
    for offsets in [OffsetUnit::Bytes, OffsetUnit::Chars] {
        let opts = InputOptions { offsets, max_doc_bytes: 1 << 16, ..InputOptions::default() };
        let record = opts.json_document("fuzz:1", line);
        let mut out = Vec::new();
        OutputOptions { offsets, no_text: false, layers: None }.write_line(&record, &mut out);
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1, "one line per record");
        assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok(), "output is JSON");
    }
});
