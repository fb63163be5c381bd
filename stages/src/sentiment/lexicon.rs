//! The sentiment lexicon and the modifier words (negators, intensifiers, contrast), parsed
//! once from the data files under `data/`.

use std::sync::OnceLock;

use super::flat::FlatMap;
use super::gazetteer::Gazetteer;
use super::hashing::{word_hash, IdMap};
use crate::text::{class_lines, data_lines};

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
    /// Word-class bits (`F_PRONOUN`, `F_SPEECH`) from `data/flags.txt`.
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

/// Lexicon flag of pronouns.
pub(crate) const F_PRONOUN: u8 = 1;
/// Lexicon flag of speech verbs.
pub(crate) const F_SPEECH: u8 = 2;

/// The bit of a flag name of `data/flags.txt`.
fn flag_bit(name: &str) -> Option<u8> {
    match name {
        "pronoun" => Some(F_PRONOUN),
        "speech" => Some(F_SPEECH),
        _ => None,
    }
}

const LEXICON: &str = include_str!("data/lexicon.tsv");
/// VADER's words that `lexicon.tsv` does not cover (MIT licence; `tools/vader_lexicon.py`).
const LEXICON_VADER: &str = include_str!("data/lexicon_vader.tsv");
const MODIFIERS: &str = include_str!("data/modifiers.tsv");
const FLAGS: &str = include_str!("data/flags.txt");

impl Lexicon {
    /// The built-in lexicon, parsed on first use.
    pub(crate) fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            Lexicon::parse(LEXICON, MODIFIERS)
                .with_extra_scores(LEXICON_VADER)
                .with_flag_lists(FLAGS)
                .with_classes(Gazetteer::builtin().vocabulary())
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

    /// Adds the `word<TAB>score` lines of `src` to the words that have no score yet (the
    /// project's own words and their inflections win); malformed lines are skipped.
    fn with_extra_scores(mut self, src: &str) -> Lexicon {
        for line in data_lines(src) {
            let mut cols = line.split('\t');
            if let (Some(w), Some(Ok(v))) =
                (cols.next(), cols.next().map(|v| v.trim().parse::<f32>()))
            {
                let e = self.entries.entry(word_hash(w.trim())).or_default();
                if e.score == 0.0 {
                    e.score = v.clamp(-3.0, 3.0);
                }
            }
        }
        self
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

    /// Marks the words of each line `flag: word word …` of `src` (`data/flags.txt`) with
    /// the flag's bit; lines of unknown flags are skipped.
    fn with_flag_lists(mut self, src: &str) -> Lexicon {
        for (name, words) in class_lines(src) {
            let Some(flag) = flag_bit(name) else {
                continue;
            };
            for w in words {
                self.entries.entry(word_hash(w)).or_default().flags |= flag;
            }
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_flag_line_names_a_known_flag() {
        let mut n = 0;
        for (name, words) in class_lines(FLAGS) {
            assert!(flag_bit(name).is_some(), "{name}");
            n += words.count();
        }
        assert_eq!(n, 33);
        assert_eq!(class_lines(FLAGS).count(), data_lines(FLAGS).count());
        let lex = Lexicon::builtin();
        assert_eq!(lex.entry(word_hash("Himself")).flags, F_PRONOUN);
        assert_eq!(lex.entry(word_hash("according")).flags, F_SPEECH);
        assert_eq!(lex.entry(word_hash("praised")).flags, 0);
    }

    #[test]
    fn builtin_lexicon_has_scores_and_modifiers() {
        let lex = Lexicon::builtin();
        assert!(lex.entry(word_hash("praised")).score > 0.0);
        assert!(lex.entry(word_hash("Threats")).score < 0.0);
        assert!(lex.entry(word_hash("slammed")).score < 0.0);
        // from VADER's list, which the project's own list lacks
        assert!(lex.entry(word_hash("sinister")).score < 0.0);
        assert!(lex.entry(word_hash("boredom")).score < 0.0);
        assert!(matches!(
            lex.entry(word_hash("never")).modifier,
            Some(Modifier::Negator(_))
        ));
    }
}
