//! Parsing the gazetteer tables into the word index.

use rustc_hash::FxHashMap;

use super::index::{Sketch, WordIndex};
use super::words::{core, for_each_word, key, Case};
use super::{
    inflect, pair_key, Entity, EntityId, Form, Gazetteer, Kind, Lang, Phrase, W_BEGINS,
    W_BEGINS_MULTI, W_FIRST_ANY_CASE, W_GIVEN,
};
use crate::text::{data_lines, entries};

/// A line of a gazetteer table that cannot be read.
///
/// ```
/// use stages::entities::gazetteer::{Gazetteer, GazetteerError};
/// let err = Gazetteer::parse(&["Oslo\t*\ttown\tOslo\tNorway\tname\t-\n"], "").unwrap_err();
/// assert!(matches!(err, GazetteerError::BadLine { line: 1, .. }));
/// assert_eq!(err.to_string(), "gazetteer table 0, line 1: unknown kind");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerError {
    /// A content line without the seven columns, or with an unknown kind, form or language.
    #[error("gazetteer table {table}, line {line}: {reason}")]
    BadLine {
        /// Index of the table among those parsed.
        table: usize,
        /// 1-based number of the content line (comments and blank lines not counted).
        line: usize,
        /// What is wrong.
        reason: &'static str,
    },
}

/// The rank of a form: lower wins when two forms match the same words.
fn rank(kind: Kind, form: Form) -> u8 {
    let k = match kind {
        Kind::Country => 0,
        Kind::International => 1,
        Kind::Continent => 2,
        Kind::Water => 3,
        Kind::Region => 4,
        Kind::City => 5,
    };
    let f = match form {
        Form::Name => 0,
        Form::Metonym => 1,
        Form::Capital => 2,
        Form::Demonym => 3,
    };
    k * 4 + f
}

/// A gazetteer being parsed, with the maps that intern its entities and words.
struct Builder {
    g: Gazetteer,
    /// Entity ids by canonical name, one map per [`Kind::index`].
    names: [FxHashMap<Box<str>, EntityId>; 6],
    /// Word key → word id.
    vocab: FxHashMap<Box<str>, u32>,
}

/// Parses `tables` and `given_names` into a gazetteer.
pub(super) fn parse(tables: &[&str], given_names: &str) -> Result<Gazetteer, GazetteerError> {
    let lines: usize = tables
        .iter()
        .map(|t| memchr::memchr_iter(b'\n', t.as_bytes()).count())
        .sum();
    let mut b = Builder {
        g: Gazetteer {
            langs: vec![Lang::ANY],
            ..Gazetteer::default()
        },
        names: Default::default(),
        vocab: FxHashMap::default(),
    };
    // sized once: no rehashing while the tables are read
    // (the built-in tables hold about one new word a line, given names included)
    let given = memchr::memchr_iter(b'\n', given_names.as_bytes()).count();
    b.vocab.reserve(lines + given / 2);
    b.g.word_flags.reserve(lines + given / 2);
    b.g.phrases.reserve(lines);
    b.g.words.reserve(lines * 2);
    b.g.entities.reserve(lines / 2);
    let mut buf = String::new();
    for (table, src) in tables.iter().enumerate() {
        for (n, line) in data_lines(src).enumerate() {
            let bad = |reason| GazetteerError::BadLine {
                table,
                line: n + 1,
                reason,
            };
            let mut cols = line.split('\t');
            let mut col = || cols.next().ok_or_else(|| bad("fewer than seven columns"));
            let (form, lang, kind, id, country, how, flags) =
                (col()?, col()?, col()?, col()?, col()?, col()?, col()?);
            let kind = Kind::parse(kind).ok_or_else(|| bad("unknown kind"))?;
            let how = Form::parse(how).ok_or_else(|| bad("unknown form"))?;
            let lang = Lang::new(lang).ok_or_else(|| bad("bad language code"))?;
            if id.is_empty() {
                return Err(bad("empty id"));
            }
            let entity = b.intern_entity(id, kind);
            if country != "-" && kind != Kind::Country {
                let c = b.intern_entity(country, Kind::Country);
                b.g.entities[entity.0 as usize].country.get_or_insert(c);
            }
            b.add_phrase(&mut buf, form, lang, entity, kind, how, flags.contains('a'));
        }
    }
    // two-letter names (`La`, `Al`) are too often articles or parts of other names
    for name in entries(given_names).filter(|n| n.chars().count() >= 3) {
        let k = key(&mut buf, name);
        let w = b.intern_word(k);
        b.g.word_flags[w as usize] |= W_GIVEN;
    }
    let mut g = b.finish();
    for rules in inflect::load() {
        if let Some(l) = g.lang_index(&rules.lang) {
            g.rules.push((l, rules));
        } else if let Some(lang) = Lang::new(&rules.lang) {
            g.langs.push(lang);
            g.rules.push(((g.langs.len() - 1) as u16, rules));
        }
    }
    Ok(g)
}

impl Builder {
    /// The entity `(name, kind)`, created on first sight.
    fn intern_entity(&mut self, name: &str, kind: Kind) -> EntityId {
        if let Some(&id) = self.names[kind.index()].get(name) {
            return id;
        }
        let id = EntityId(self.g.entities.len() as u32);
        self.g.entities.push(Entity {
            name: name.into(),
            kind,
            country: None,
        });
        self.names[kind.index()].insert(name.into(), id);
        id
    }

    /// The id of word key `k`, created on first sight.
    fn intern_word(&mut self, k: &str) -> u32 {
        if let Some(&w) = self.vocab.get(k) {
            return w;
        }
        let w = self.g.word_flags.len() as u32;
        self.vocab.insert(k.into(), w);
        self.g.word_flags.push(0);
        w
    }

    /// The gazetteer with its word and name indices.
    fn finish(mut self) -> Gazetteer {
        let g = &mut self.g;
        g.index_starts();
        let mut words: Vec<(&str, u32)> = self.vocab.iter().map(|(k, &w)| (&**k, w)).collect();
        words.sort_unstable_by_key(|e| e.1);
        g.vocab = WordIndex::build(words.iter().copied());
        let lower: Vec<(&str, u32)> = words
            .into_iter()
            .filter(|&(_, w)| g.word_flags[w as usize] & W_FIRST_ANY_CASE != 0)
            .collect();
        g.lower_first = WordIndex::build(lower.into_iter());
        g.lower_sketch = Sketch::of_lower(&g.lower_first);
        let mut by_name: Vec<EntityId> = (0..g.entities.len() as u32).map(EntityId).collect();
        by_name.sort_unstable_by(|a, b| {
            let (a, b) = (&g.entities[a.0 as usize], &g.entities[b.0 as usize]);
            (a.kind.index(), &a.name).cmp(&(b.kind.index(), &b.name))
        });
        g.by_name = by_name;
        self.g
    }

    /// Adds one form. A single word written in lower case in a cased script is skipped:
    /// it would be read in every sentence.
    #[allow(clippy::too_many_arguments)]
    fn add_phrase(
        &mut self,
        buf: &mut String,
        form: &str,
        lang: Lang,
        entity: EntityId,
        kind: Kind,
        how: Form,
        ambiguous: bool,
    ) {
        // the words cut once; a single word in lower case is no form (nothing interned)
        let mut pieces: Vec<&str> = Vec::with_capacity(4);
        for_each_word(form, |p| pieces.push(p));
        let n = pieces.len();
        if n == 0 || n > usize::from(u16::MAX) {
            return;
        }
        let start = self.g.words.len() as u32;
        for p in pieces {
            let (s, e) = core(p);
            let case = Case::of(&p[s..e]);
            if n == 1 && case == Case::Any && p.chars().any(char::is_lowercase) {
                return;
            }
            let w = self.intern_word(key(buf, &p[s..e]));
            self.g.words.push((w, case));
        }
        let lang = match self.g.langs.iter().position(|l| *l == lang) {
            Some(i) => i as u16,
            None => {
                self.g.langs.push(lang);
                (self.g.langs.len() - 1) as u16
            }
        };
        let first = self.g.words[start as usize];
        if first.1 == Case::Any {
            self.g.word_flags[first.0 as usize] |= W_FIRST_ANY_CASE;
        }
        self.g.phrases.push(Phrase {
            start,
            len: n as u16,
            lang,
            entity,
            form: how,
            rank: rank(kind, how),
            ambiguous,
        });
    }
}

impl Gazetteer {
    /// Indexes the phrases: one-word forms by their word, longer ones by their first two
    /// words, longest (then best-ranked) first.
    fn index_starts(&mut self) {
        let group = |p: &Phrase, words: &[(u32, Case)]| {
            let w1 = words[p.start as usize].0;
            let w2 = if p.len > 1 {
                Some(words[p.start as usize + 1].0)
            } else {
                None
            };
            (w1, w2)
        };
        // the sort keys computed once: (first word, second word, longest first, rank, index)
        let mut keyed: Vec<(u32, u32, std::cmp::Reverse<u16>, u8, u32)> = self
            .phrases
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (w1, w2) = group(p, &self.words);
                (
                    w1,
                    w2.map_or(u32::MAX, |w| w),
                    std::cmp::Reverse(p.len),
                    p.rank,
                    i as u32,
                )
            })
            .collect();
        keyed.sort_unstable();
        let order: Vec<u32> = keyed.iter().map(|k| k.4).collect();
        self.singles = vec![(0, 0); self.word_flags.len()];
        let mut at = 0;
        while at < order.len() {
            let g = group(&self.phrases[order[at] as usize], &self.words);
            let mut end = at;
            while end < order.len() && group(&self.phrases[order[end] as usize], &self.words) == g {
                end += 1;
            }
            let (w1, w2) = g;
            self.word_flags[w1 as usize] |= W_BEGINS;
            match w2 {
                None => self.singles[w1 as usize] = (at as u32, end as u32),
                Some(w2) => {
                    self.word_flags[w1 as usize] |= W_BEGINS_MULTI;
                    self.pairs.insert(pair_key(w1, w2), (at as u32, end as u32));
                }
            }
            at = end;
        }
        self.starts = order;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_name_their_place() {
        let err = parse(
            &["# c\nA\ten\tcountry\tA\t-\tname\t-\nB\ten\tplanet\tB\t-\tname\t-\n"],
            "",
        )
        .unwrap_err();
        assert_eq!(
            err,
            GazetteerError::BadLine {
                table: 0,
                line: 2,
                reason: "unknown kind"
            }
        );
        assert!(parse(&["A\ten\tcountry\n"], "").is_err());
        assert!(parse(&["A\tenglish\tcountry\tA\t-\tname\t-\n"], "").is_err());
    }

    #[test]
    fn lowercase_single_words_are_skipped() {
        let g = parse(&["world\ten\tregion\tWorld\t-\tname\t-\nmer Noire\tfr\twater\tBlack Sea\t-\tname\t-\n"], "").unwrap();
        assert_eq!(g.phrases.len(), 1);
    }

    #[test]
    fn cities_know_their_country() {
        let g = parse(&["Oslo\t*\tcity\tOslo\tNorway\tcapital\t-\n"], "").unwrap();
        let oslo = g.entity_id("Oslo", Kind::City).unwrap();
        assert_eq!(
            g.entity(g.country_of(oslo).unwrap()),
            ("Norway", Kind::Country)
        );
    }
}
