//! The sentiment lexicon and the modifier words (negators, intensifiers, contrast), parsed
//! once from the data files under `data/`.

use std::sync::OnceLock;

use super::flat::FlatMap;
use super::model::IdMap;

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

/// What the lexicon knows about one word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Entry {
    /// Score in `[-3, 3]`, 0 when not a sentiment word.
    pub(crate) score: f32,
    pub(crate) modifier: Option<Modifier>,
    /// Word-class bits set by [`Lexicon::with_flags`].
    pub(crate) flags: u8,
    /// The gazetteer's word classes (see `actors`), set by [`Lexicon::with_classes`].
    pub(crate) classes: u16,
    /// A gazetteer phrase starts with this word.
    pub(crate) phrase: bool,
}

/// Word scores in `[-3, 3]`, modifiers and word classes, keyed by [`word_hash`]: one
/// probe per token.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// The entries, while the lexicon is built.
    entries: IdMap<Entry>,
    /// The same entries in a flat table, for the per-token probe ([`Lexicon::entry`]);
    /// built by [`Lexicon::freeze`] once the entries are complete.
    table: FlatMap<Entry>,
}

const LEXICON: &str = include_str!("data/lexicon.tsv");
const MODIFIERS: &str = include_str!("data/modifiers.tsv");

impl Lexicon {
    /// The built-in lexicon, parsed on first use.
    pub(crate) fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            Lexicon::parse(LEXICON, MODIFIERS)
                .with_flags(super::model::PRONOUNS, super::model::F_PRONOUN)
                .with_flags(super::model::SPEECH, super::model::F_SPEECH)
                .with_classes(super::actors::Gazetteer::builtin().vocabulary())
                .freeze()
        })
    }

    /// Parses the two files; malformed lines are skipped.
    pub(crate) fn parse(lexicon: &str, modifiers: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in data_lines(lexicon) {
            let mut cols = line.split('\t');
            if let (Some(w), Some(v)) = (cols.next(), cols.next()) {
                if let Ok(v) = v.trim().parse::<f32>() {
                    let w = w.trim();
                    let v = v.clamp(-4.0, 4.0);
                    // inflected forms, so a lookup is a single probe; listed words win
                    for suffix in ["s", "es", "ed", "d", "ing", "ly", "ness"] {
                        if w.len() >= 3 {
                            let e = lex.entries.entry(word_hash(&format!("{w}{suffix}")));
                            let e = e.or_default();
                            if e.score == 0.0 {
                                e.score = v;
                            }
                        }
                    }
                    lex.entries.entry(word_hash(w)).or_default().score = v;
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
            lex.entries.entry(word_hash(w.trim())).or_default().modifier = Some(m);
        }
        lex
    }

    /// Builds the flat table of [`Lexicon::entry`] from the entries; call it once the
    /// entries are complete.
    fn freeze(mut self) -> Lexicon {
        let mut table = FlatMap::with_capacity(self.entries.len());
        for (&h, &e) in &self.entries {
            table.insert(h, e);
        }
        self.table = table;
        self
    }

    /// Marks `words` with the class bits `flag`.
    pub(crate) fn with_flags(mut self, words: &[&str], flag: u8) -> Lexicon {
        for w in words {
            self.entries.entry(word_hash(w)).or_default().flags |= flag;
        }
        self
    }

    /// Adds the gazetteer's `(word hash, classes, starts a phrase)`, so one probe per
    /// token answers the lexicon and the gazetteer.
    pub(crate) fn with_classes(mut self, words: impl Iterator<Item = (u64, u16, bool)>) -> Lexicon {
        for (h, classes, phrase) in words {
            let e = self.entries.entry(h).or_default();
            e.classes |= classes;
            e.phrase |= phrase;
        }
        self
    }

    /// Everything known about a word.
    pub(crate) fn entry(&self, hash: u64) -> Entry {
        self.table.get(hash).unwrap_or_default()
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
#[inline]
pub(crate) fn word_hash(word: &str) -> u64 {
    word_hash_from(FNV_OFFSET, word)
}

/// Each ASCII byte lowercased; 0 for the bytes of other characters (and for NUL), whose
/// words take the Unicode path (where NUL hashes the same).
const ASCII_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 1;
    while b < 128 {
        t[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    t
};

/// Like [`word_hash`], continuing a hash (used for prefixed forms).
#[inline]
pub(crate) fn word_hash_from(h: u64, word: &str) -> u64 {
    let mut a = h;
    for &b in word.as_bytes() {
        let l = ASCII_LOWER[usize::from(b)];
        if l == 0 {
            return word_hash_unicode(h, word);
        }
        a ^= u64::from(l);
        a = a.wrapping_mul(FNV_PRIME);
    }
    a
}

/// [`word_hash`] and whether the word holds a hyphen `-`, in one pass over its bytes.
#[inline]
pub(crate) fn word_hash_hyphen(word: &str) -> (u64, bool) {
    // branch-free over the bytes; the OR of all bytes tells whether one is not ASCII
    // (a NUL byte hashes the same either way)
    let mut a = FNV_OFFSET;
    let mut all = 0u8;
    let mut hyphen = false;
    for &b in word.as_bytes() {
        all |= b;
        hyphen |= b == b'-';
        a = (a ^ u64::from(ASCII_LOWER[usize::from(b)])).wrapping_mul(FNV_PRIME);
    }
    if all >= 0x80 {
        return (word_hash_unicode(FNV_OFFSET, word), hyphen);
    }
    (a, hyphen)
}

/// [`word_hash_from`] of a word that is not ASCII.
fn word_hash_unicode(mut h: u64, word: &str) -> u64 {
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
        for w in [
            "Praised",
            "n’t",
            "Zürich",
            "ÉTAT",
            "a\0B",
            "Russia-Pakistan",
            "-",
        ] {
            assert_eq!(word_hash(w), fnv(&norm_word(w)), "{w}");
            assert_eq!(word_hash_hyphen(w), (word_hash(w), w.contains('-')), "{w}");
        }
    }

    #[test]
    fn builtin_lexicon_has_scores_and_modifiers() {
        let lex = Lexicon::builtin();
        assert!(lex.entry(word_hash("praised")).score > 0.0);
        assert!(lex.entry(word_hash("Threats")).score < 0.0);
        assert!(lex.entry(word_hash("slammed")).score < 0.0);
        assert!(matches!(
            lex.entry(word_hash("never")).modifier,
            Some(Modifier::Negator(_))
        ));
    }
}
