//! Conformance of every registered stage: alone (after the stages it requires), inside
//! the default chain, and under property tests — no panic, every span inside the text on
//! character boundaries, deterministic output.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use pipeline_core::{Chain, Document, OutputOptions, RunnerOptions};
use proptest::prelude::*;

/// Every chain to check: each prefix of the default chain, so each stage runs right
/// after what it needs, and the last prefix is the whole default chain.
fn chains() -> Vec<(String, Chain)> {
    let registry = stages::registry();
    let options = RunnerOptions {
        channel_capacity: 4,
        jobs: 1,
    };
    let mut chains: Vec<(String, Chain)> = (1..=stages::DEFAULT_CHAIN.len())
        .map(|n| {
            let names = &stages::DEFAULT_CHAIN[..n];
            let chain = registry
                .chain_from_names(names, options)
                .expect("default chain builds");
            (names.join(","), chain)
        })
        .collect();
    // every registered stage must be reachable from the default chain
    for (name, _) in registry.list() {
        assert!(
            stages::DEFAULT_CHAIN.contains(&name),
            "stage `{name}` is registered but not in DEFAULT_CHAIN: add it to the conformance run"
        );
    }
    // the transformer sentiment model, in the default chain
    #[cfg(feature = "transformer")]
    {
        let toml = "[runner]\njobs = 1\nchannel_capacity = 4\n\
                    [[stage]]\ntype = \"lang\"\n[[stage]]\ntype = \"tokens\"\n\
                    [[stage]]\ntype = \"stems\"\n[[stage]]\ntype = \"quotes\"\n\
                    [[stage]]\ntype = \"sentiment\"\nmodel = \"transformer\"\n";
        let (chain, _) = registry
            .chain_from_toml(toml)
            .expect("transformer chain builds");
        chains.push(("default chain, model = transformer".to_owned(), chain));
    }
    chains.shrink_to_fit();
    chains
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
}

fn check_spans(doc: &Document) -> Result<(), String> {
    let text = doc.text();
    let mut spans = Vec::new();
    spans.extend(
        doc.tokens()
            .unwrap_or_default()
            .iter()
            .map(|t| ("token", t.span)),
    );
    spans.extend(
        doc.sentences()
            .unwrap_or_default()
            .iter()
            .map(|s| ("sentence", s.span)),
    );
    for q in doc.quotes().unwrap_or_default() {
        spans.push(("quote", q.span));
        spans.extend(q.speaker.iter().map(|s| ("speaker", s.span)));
        spans.extend(q.cue.iter().map(|c| ("cue", *c)));
    }
    for a in doc.actors().unwrap_or_default() {
        spans.extend(a.mentions.iter().map(|m| ("mention", m.span)));
    }
    spans.extend(
        doc.targets()
            .unwrap_or_default()
            .iter()
            .map(|t| ("target", t.span)),
    );
    for (what, span) in spans {
        span.check(text).map_err(|e| format!("{what}: {e}"))?;
    }
    // tokens are sorted and never overlap
    let tokens = doc.tokens().unwrap_or_default();
    for pair in tokens.windows(2) {
        if pair[0].span.end > pair[1].span.start {
            return Err(format!("tokens overlap or are out of order: {:?}", pair));
        }
    }
    Ok(())
}

fn serialise(record: &pipeline_core::Record) -> Vec<u8> {
    let mut out = Vec::new();
    OutputOptions::default().write_line(record, &mut out);
    out
}

fn conform(text: &str) -> Result<(), String> {
    let rt = runtime();
    for (name, chain) in chains() {
        let first = rt.block_on(chain.process(Document::new("p", text)));
        let doc = first
            .as_ref()
            .map_err(|f| format!("chain {name} failed on {text:?}: {f}"))?;
        check_spans(doc).map_err(|e| format!("chain {name} on {text:?}: {e}"))?;
        let second = rt.block_on(chain.process(Document::new("p", text)));
        if serialise(&first) != serialise(&second) {
            return Err(format!("chain {name} is not deterministic on {text:?}"));
        }
    }
    Ok(())
}

/// Pieces news text is made of, tricky ones included.
fn news_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("‘".to_owned()),
        Just("’".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just("„".to_owned()),
        Just(" said ".to_owned()),
        Just(" told Reuters".to_owned()),
        Just("according to ".to_owned()),
        Just("Gen. ".to_owned()),
        Just("Mr. ".to_owned()),
        Just("U.S.".to_owned()),
        Just("(ret.)".to_owned()),
        Just("Hussain".to_owned()),
        Just("Pakistan".to_owned()),
        Just("Russian".to_owned()),
        Just(" he ".to_owned()),
        Just("not good".to_owned()),
        Just(". ".to_owned()),
        Just(", ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("$1.9".to_owned()),
        Just("16%".to_owned()),
        Just("https://example.org/a?b=1".to_owned()),
        Just("東京で".to_owned()),
        Just("שלום".to_owned()),
        Just("مرحبا".to_owned()),
        Just("👩‍👩‍👧".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{200d}".to_owned()),
        Just("\u{0}".to_owned()),
        "\\PC{1,8}",
        "[a-zA-Z]{1,10}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn stages_survive_arbitrary_unicode(text in "\\PC{0,300}") {
        prop_assert_eq!(conform(&text), Ok(()));
    }

    #[test]
    fn stages_survive_news_like_text(pieces in proptest::collection::vec(news_piece(), 0..80)) {
        let text: String = pieces.concat();
        prop_assert_eq!(conform(&text), Ok(()));
    }
}

#[test]
fn stages_handle_edge_cases() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "“",
        "”””“““",
        "'''",
        "a",
        "A.",
        "...",
        "\u{feff}BOM",
        "\u{0}\u{0}",
        "👍🏽 👨‍💻",
        "Ａｂｃ　全角",
    ] {
        assert_eq!(conform(text), Ok(()), "{text:?}");
    }
}

#[test]
fn every_scheduling_path_of_the_cpu_adapter() {
    // < 256 bytes in place, then worker tasks, then >= 64 KiB on the blocking pool
    for reps in [2, 50, 1200] {
        let text = "The defence secretary said talks with Russia would go on. ".repeat(reps);
        assert_eq!(conform(&text), Ok(()), "{} bytes", text.len());
    }
}
