//! Builds `stages/src/lang/model.bin`, the compact character n-gram model of the `lang` stage,
//! from the n-gram probability models that ship in the lingua-rs language-model crates
//! (Apache-2.0, © Peter M. Stahl; see `stages/src/lang/MODEL.md`).
//!
//! ```text
//! bash stages/src/lang/build_model.sh        # fetches the crates with cargo, then runs this
//! cargo run --release -p stages --example build_lang_model -- OUT.bin REGISTRY_SRC_DIR
//! ```
//!
//! `REGISTRY_SRC_DIR` is the cargo registry source folder that holds the unpacked
//! `lingua-<language>-language-model-1.3.0/models/ngrams.fst` crates. Each `ngrams.fst` maps a
//! lowercase n-gram (1–5 letters, inside one word) to `ln P(last letter | preceding letters)`
//! (for unigrams, `ln P(letter)`) stored as `f64` bits.
//!
//! Only orders 1..=MAX_ORDER are kept, and for orders ≥ 2 only the most frequent n-grams of each
//! language (ranked by joint probability); log-probabilities are quantised to 1/8 nat in a byte.
//! The output format is described in `stages/src/lang/model.rs`, which reads it; both sides
//! hash n-grams with the same hash function ([`ngram_hash`] here,
//! `model::ngram_hash` there; a unit test there guards that they agree).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Highest n-gram order kept.
const MAX_ORDER: usize = 3;
/// Most frequent n-grams kept per language, by order (index = order).
const KEEP: [usize; 6] = [0, usize::MAX, 4_000, 12_000, 0, 0];
/// Quantisation: stored byte = round(-ln p * SCALE), capped at 255.
const SCALE: f64 = 8.0;

/// The 75 languages of lingua 1.8: (crate name part, ISO 639-1 code).
const LANGUAGES: &[(&str, &str)] = &[
    ("afrikaans", "af"),
    ("albanian", "sq"),
    ("arabic", "ar"),
    ("armenian", "hy"),
    ("azerbaijani", "az"),
    ("basque", "eu"),
    ("belarusian", "be"),
    ("bengali", "bn"),
    ("bokmal", "nb"),
    ("bosnian", "bs"),
    ("bulgarian", "bg"),
    ("catalan", "ca"),
    ("chinese", "zh"),
    ("croatian", "hr"),
    ("czech", "cs"),
    ("danish", "da"),
    ("dutch", "nl"),
    ("english", "en"),
    ("esperanto", "eo"),
    ("estonian", "et"),
    ("finnish", "fi"),
    ("french", "fr"),
    ("ganda", "lg"),
    ("georgian", "ka"),
    ("german", "de"),
    ("greek", "el"),
    ("gujarati", "gu"),
    ("hebrew", "he"),
    ("hindi", "hi"),
    ("hungarian", "hu"),
    ("icelandic", "is"),
    ("indonesian", "id"),
    ("irish", "ga"),
    ("italian", "it"),
    ("japanese", "ja"),
    ("kazakh", "kk"),
    ("korean", "ko"),
    ("latin", "la"),
    ("latvian", "lv"),
    ("lithuanian", "lt"),
    ("macedonian", "mk"),
    ("malay", "ms"),
    ("maori", "mi"),
    ("marathi", "mr"),
    ("mongolian", "mn"),
    ("nynorsk", "nn"),
    ("persian", "fa"),
    ("polish", "pl"),
    ("portuguese", "pt"),
    ("punjabi", "pa"),
    ("romanian", "ro"),
    ("russian", "ru"),
    ("serbian", "sr"),
    ("shona", "sn"),
    ("slovak", "sk"),
    ("slovene", "sl"),
    ("somali", "so"),
    ("sotho", "st"),
    ("spanish", "es"),
    ("swahili", "sw"),
    ("swedish", "sv"),
    ("tagalog", "tl"),
    ("tamil", "ta"),
    ("telugu", "te"),
    ("thai", "th"),
    ("tsonga", "ts"),
    ("tswana", "tn"),
    ("turkish", "tr"),
    ("ukrainian", "uk"),
    ("urdu", "ur"),
    ("vietnamese", "vi"),
    ("welsh", "cy"),
    ("xhosa", "xh"),
    ("yoruba", "yo"),
    ("zulu", "zu"),
];

/// Cost (in 1/SCALE nat) of a letter a language's model does not know at all.
const FLOOR: u32 = 112;
/// Extra cost of each order dropped when backing off (an n-gram missing, its tail used).
const BACKOFF: u32 = 8;
/// Slot length byte marking a dense row.
const DENSE: u32 = 255;

/// The cost of the last letter of n-gram `k` in every language, as the `lang` stage scores it
/// when `k` is the longest n-gram looked up at that position: the language's own `-ln p` for
/// `k` if it has it, else (with the backoff cost) that of `k` without its first letter, down
/// to `FLOOR`.
fn position_cost(table: &HashMap<Vec<char>, Entries>, k: &[char], n_langs: usize) -> Vec<u8> {
    let mut v = if k.len() == 1 {
        vec![FLOOR as u8; n_langs]
    } else {
        position_cost(table, &k[1..], n_langs)
    };
    let penalty = (MAX_ORDER - k.len()) as u32 * BACKOFF;
    if let Some(list) = table.get(k) {
        for &(l, q) in list {
            v[usize::from(l)] = (u32::from(q) + penalty).min(255) as u8;
        }
    }
    v
}

/// (language index, quantised `-ln p`) pairs of one n-gram.
type Entries = Vec<(u8, u8)>;

/// Languages told apart by their script alone (the `lang` stage never asks the model about
/// them): Chinese, Japanese, Korean, Greek, Armenian, Georgian, Hebrew, Thai and the Indic
/// scripts with one language each in this set.
const SCRIPT_ONLY: &[&str] = &[
    "zh", "ja", "ko", "el", "hy", "ka", "he", "th", "gu", "pa", "bn", "ta", "te",
];

/// Hash of an n-gram (a multiply-xorshift over its chars). Must stay identical to
/// `model::ngram_hash` in `stages/src/lang/model.rs`.
fn ngram_hash(chars: &[char]) -> u64 {
    let mut h: u64 = 0x243f_6a88_85a3_08d3;
    for &c in chars {
        h = (h ^ u64::from(c as u32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
    }
    h ^ (h >> 32)
}

/// Home slot of a hash in a table of `size` slots.
fn slot_of(h: u64, size: usize) -> usize {
    ((u128::from(h) * size as u128) >> 64) as usize
}

fn find_model(src: &Path, name: &str) -> Option<PathBuf> {
    let prefix = format!("lingua-{name}-language-model-");
    let mut found: Vec<PathBuf> = std::fs::read_dir(src)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path().join("models").join("ngrams.fst"))
        .filter(|p| p.exists())
        .collect();
    found.sort();
    found.pop()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        return Err("usage: build_lang_model OUT.bin REGISTRY_SRC_DIR".into());
    }
    let out = PathBuf::from(&args[1]);
    let src = PathBuf::from(&args[2]);

    let languages: Vec<(&str, &str)> = LANGUAGES
        .iter()
        .copied()
        .filter(|(_, code)| !SCRIPT_ONLY.contains(code))
        .collect();
    // ngram -> [(language index, quantised -ln p)]
    let mut table: HashMap<Vec<char>, Entries> = HashMap::new();
    for (li, &(name, code)) in languages.iter().enumerate() {
        let path = find_model(&src, name)
            .ok_or_else(|| format!("no model for {name} in {}", src.display()))?;
        let bytes = std::fs::read(&path)?;
        let map = fst::Map::new(bytes)?;
        let mut by_order: Vec<HashMap<Vec<char>, f64>> = vec![HashMap::new(); MAX_ORDER + 1];
        let mut stream = map.stream();
        use fst::Streamer;
        while let Some((k, v)) = stream.next() {
            let Ok(s) = std::str::from_utf8(k) else {
                continue;
            };
            let chars: Vec<char> = s.chars().collect();
            if chars.is_empty() || chars.len() > MAX_ORDER {
                continue;
            }
            by_order[chars.len()].insert(chars, f64::from_bits(v));
        }
        // joint log-probabilities, for ranking
        let mut joint: Vec<HashMap<Vec<char>, f64>> = vec![HashMap::new(); MAX_ORDER + 1];
        for n in 1..=MAX_ORDER {
            let entries: Vec<(Vec<char>, f64)> = by_order[n]
                .iter()
                .map(|(k, &lp)| {
                    let prev = if n == 1 {
                        0.0
                    } else {
                        joint[n - 1].get(&k[..n - 1]).copied().unwrap_or(-30.0)
                    };
                    (k.clone(), prev + lp)
                })
                .collect();
            joint[n] = entries.into_iter().collect();
        }
        let mut kept = [0usize; 6];
        for n in 1..=MAX_ORDER {
            let mut ranked: Vec<(&Vec<char>, f64)> =
                joint[n].iter().map(|(k, &j)| (k, j)).collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            ranked.truncate(KEEP[n]);
            kept[n] = ranked.len();
            for (k, _) in ranked {
                let lp = by_order[n][k];
                let q = (-lp * SCALE).round().clamp(0.0, 255.0) as u8;
                table.entry(k.clone()).or_default().push((li as u8, q));
            }
        }
        eprintln!(
            "{code}: kept {:?} n-grams of orders 1..={MAX_ORDER}",
            &kept[1..=MAX_ORDER]
        );
    }

    // Open-addressing table: slots of (u32 fingerprint, u32 start<<8 | len), then the sparse
    // entries, then the dense rows. An n-gram known to at least half the languages is stored
    // as a dense row (no larger than its list) holding the cost of its last letter in every
    // language with the backoff already applied; a sparse one as its list.
    let n_langs = languages.len();
    let n_keys = table.len();
    let size = n_keys * 5 / 4 + 1;
    let mut slots = vec![(0u32, 0u32); size];
    let mut entries: Vec<u8> = Vec::new();
    let mut dense: Vec<u8> = Vec::new();
    let mut keys: Vec<(&Vec<char>, &Entries)> = table.iter().collect();
    keys.sort();
    for (k, list) in keys {
        let mut list = list.clone();
        list.sort();
        let h = ngram_hash(k);
        let fp = (h as u32) | 1;
        let mut i = slot_of(h, size);
        while slots[i].0 != 0 {
            i = if i + 1 == size { 0 } else { i + 1 };
        }
        if 2 * list.len() >= n_langs {
            let row = dense.len() / n_langs;
            dense.extend(position_cost(&table, k, n_langs));
            slots[i] = (fp, ((row as u32) << 8) | DENSE);
            continue;
        }
        let start = entries.len() / 2;
        if start >= 1 << 24 || list.len() >= DENSE as usize {
            return Err("model too large for the slot format".into());
        }
        slots[i] = (fp, ((start as u32) << 8) | list.len() as u32);
        for (l, q) in list {
            entries.push(l);
            entries.push(q);
        }
    }

    let mut buf: Vec<u8> = Vec::new();
    buf.extend_from_slice(b"NLPL");
    let header = [
        3, // format version
        n_langs as u32,
        size as u32,
        (entries.len() / 2) as u32,
        (dense.len() / n_langs) as u32,
        SCALE as u32,
        FLOOR,
        BACKOFF,
        MAX_ORDER as u32,
    ];
    for x in header {
        buf.extend_from_slice(&x.to_le_bytes());
    }
    for (_, code) in &languages {
        let mut c = [0u8; 4];
        c[..code.len()].copy_from_slice(code.as_bytes());
        buf.extend_from_slice(&c);
    }
    for (fp, se) in &slots {
        buf.extend_from_slice(&fp.to_le_bytes());
        buf.extend_from_slice(&se.to_le_bytes());
    }
    buf.extend_from_slice(&entries);
    buf.extend_from_slice(&dense);
    std::fs::write(&out, &buf)?;
    eprintln!(
        "{n_keys} n-grams, {} sparse entries, {} dense rows, {} slots, {} bytes -> {}",
        entries.len() / 2,
        dense.len() / n_langs,
        size,
        buf.len(),
        out.display()
    );
    Ok(())
}
