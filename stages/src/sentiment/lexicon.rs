//! The sentiment lexicon and the modifier words (negators, intensifiers, contrast), parsed
//! once from the data files under `data/`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// What a modifier word does to the sentiment words after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Modifier {
    /// Flips (and damps) the words in its scope: the value is the multiplier.
    Negator(f32),
    /// Multiplies the next sentiment word.
    Intensifier(f32),
    /// `but`, `however`: the clause after it weighs more, the one before it less.
    ContrastAfter,
    /// `although`, `despite`: its own clause weighs less.
    ContrastClause,
}

/// Word scores in `[-3, 3]` and modifiers, keyed by [`word_hash`].
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    words: HashMap<u64, f32>,
    modifiers: HashMap<u64, Modifier>,
}

const LEXICON: &str = include_str!("data/lexicon.tsv");
const MODIFIERS: &str = include_str!("data/modifiers.tsv");

impl Lexicon {
    /// The built-in lexicon, parsed on first use.
    pub(crate) fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse(LEXICON, MODIFIERS))
    }

    /// Parses the two files; malformed lines are skipped.
    pub(crate) fn parse(lexicon: &str, modifiers: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in data_lines(lexicon) {
            let mut cols = line.split('\t');
            if let (Some(w), Some(v)) = (cols.next(), cols.next()) {
                if let Ok(v) = v.trim().parse::<f32>() {
                    lex.words.insert(word_hash(w.trim()), v.clamp(-4.0, 4.0));
                }
            }
        }
        for line in data_lines(modifiers) {
            let mut cols = line.split('\t');
            let (Some(kind), Some(w), Some(v)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let Ok(v) = v.trim().parse::<f32>() else {
                continue;
            };
            let m = match kind {
                "negator" => Modifier::Negator(v),
                "intensifier" => Modifier::Intensifier(v),
                "contrast_after" => Modifier::ContrastAfter,
                "contrast_clause" => Modifier::ContrastClause,
                _ => continue,
            };
            lex.modifiers.insert(word_hash(w.trim()), m);
        }
        lex
    }

    /// The score of a word in `[-3, 3]`, trying a few English inflections when the word
    /// itself is unknown; 0 for unknown words.
    pub(crate) fn score(&self, word: &str, hash: u64) -> f32 {
        if let Some(v) = self.words.get(&hash) {
            return *v;
        }
        if word.len() < 5 || !word.is_ascii() {
            return 0.0;
        }
        for suffix in ["s", "es", "ed", "d", "ing", "ly", "ness"] {
            let n = word.len() - suffix.len();
            if word.len() > suffix.len() + 2 && word[n..].eq_ignore_ascii_case(suffix) {
                if let Some(v) = self.words.get(&word_hash(&word[..n])) {
                    return *v;
                }
            }
        }
        0.0
    }

    /// The modifier a word is, if any.
    pub(crate) fn modifier(&self, hash: u64) -> Option<Modifier> {
        self.modifiers.get(&hash).copied()
    }
}

/// Non-empty, non-comment lines of a data file.
pub(crate) fn data_lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes, continuing from `h`.
pub(crate) const fn fnv_continue(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// FNV-1a of a string.
pub(crate) const fn fnv(s: &str) -> u64 {
    fnv_continue(FNV_OFFSET, s.as_bytes())
}

/// The hash of a word's normal form ([`norm_word`]) without allocating.
pub(crate) fn word_hash(word: &str) -> u64 {
    word_hash_from(FNV_OFFSET, word)
}

/// Like [`word_hash`], continuing a hash (used for prefixed forms).
pub(crate) fn word_hash_from(mut h: u64, word: &str) -> u64 {
    if word.is_ascii() {
        for b in word.bytes() {
            h = fnv_continue(h, &[b.to_ascii_lowercase()]);
        }
        return h;
    }
    let mut buf = [0u8; 4];
    for c in word.chars() {
        let c = if c == '’' || c == '‘' { '\'' } else { c };
        for l in c.to_lowercase() {
            h = fnv_continue(h, l.encode_utf8(&mut buf).as_bytes());
        }
    }
    h
}

/// The normal form of a word: lowercased, curly apostrophes made straight.
pub(crate) fn norm_word(word: &str) -> String {
    word.chars()
        .map(|c| if c == '’' || c == '‘' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn hash_matches_normal_form() {
        for w in ["Praised", "n’t", "Zürich", "ÉTAT"] {
            assert_eq!(word_hash(w), fnv(&norm_word(w)), "{w}");
        }
    }

    #[test]
    fn builtin_lexicon_has_scores_and_modifiers() {
        let lex = Lexicon::builtin();
        assert!(lex.score("praised", word_hash("praised")) > 0.0);
        assert!(lex.score("Threats", word_hash("Threats")) < 0.0);
        assert!(lex.score("slammed", word_hash("slammed")) < 0.0);
        assert!(matches!(
            lex.modifier(word_hash("never")),
            Some(Modifier::Negator(_))
        ));
    }
}
