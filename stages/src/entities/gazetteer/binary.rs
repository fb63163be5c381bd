//! The gazetteer's pre-built binary form (`data/gazetteer.bin`): the parsed and indexed
//! tables as they lie in memory, so that start-up copies arrays instead of parsing two
//! megabytes of text, interning fifty thousand words and sorting the forms.
//!
//! Little endian throughout; a sequence is its `u32` length, then its items:
//!
//! | part | items |
//! | --- | --- |
//! | magic | `NLPGZ1\0\0` |
//! | languages | 4 bytes each: three code bytes, length |
//! | entities | name (`u32` length, UTF-8), kind `u8`, country `u32` (`u32::MAX`: none) |
//! | names | `u32` entity ids by kind, then name |
//! | word index, lower-case firsts | keys (`u32` length, UTF-8), ends `u32`, ids `u32`, slots `u32` ([`WordIndex`]) |
//! | word flags | `u8` |
//! | singles | `u32` start, `u32` end |
//! | pairs | `u64` key, `u32` start, `u32` end, in key order |
//! | starts | `u32` |
//! | phrases | start `u32`, length `u16`, language `u16`, entity `u32`, form `u8`, rank `u8`, ambiguous `u8` |
//! | words | word id `u32`, case `u8` |
//!
//! The case-ending rules are not stored: `data/inflections.txt` is small and read as it
//! is. The reader checks every index it will follow, so a damaged file is refused
//! (`None`), never a panic later.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::index::{Sketch, WordIndex};
use super::words::Case;
use super::{inflect, Entity, EntityId, Form, Gazetteer, Kind, Lang, Phrase};

/// The first eight bytes of the binary form.
const MAGIC: &[u8; 8] = b"NLPGZ1\0\0";

/// Appends a sequence length.
fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

/// Appends a `u32` sequence.
fn put_u32s(out: &mut Vec<u8>, xs: impl ExactSizeIterator<Item = u32>) {
    put_len(out, xs.len());
    for x in xs {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

/// Appends a string.
fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Appends a word index.
fn put_index(out: &mut Vec<u8>, index: &WordIndex) {
    put_str(out, &index.keys);
    put_u32s(out, index.ends.iter().copied());
    put_u32s(out, index.ids.iter().copied());
    put_u32s(out, index.slots.iter().copied());
}

/// The code of a case rule.
fn case_code(c: Case) -> u8 {
    match c {
        Case::Any => 0,
        Case::Upper => 1,
        Case::Acronym => 2,
    }
}

/// The code of a form.
fn form_code(f: Form) -> u8 {
    match f {
        Form::Name => 0,
        Form::Capital => 1,
        Form::Demonym => 2,
        Form::Metonym => 3,
    }
}

/// The binary form of `g` (the rules aside).
pub(super) fn to_bytes(g: &Gazetteer) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put_len(&mut out, g.langs.len());
    for l in &g.langs {
        out.extend_from_slice(&l.bytes);
        out.push(l.len);
    }
    put_len(&mut out, g.entities.len());
    for e in &g.entities {
        put_str(&mut out, &e.name);
        out.push(e.kind.index() as u8);
        out.extend_from_slice(&e.country.map_or(u32::MAX, |c| c.0).to_le_bytes());
    }
    put_u32s(&mut out, g.by_name.iter().map(|e| e.0));
    put_index(&mut out, &g.vocab);
    put_index(&mut out, &g.lower_first);
    put_len(&mut out, g.word_flags.len());
    out.extend_from_slice(&g.word_flags);
    put_u32s(
        &mut out,
        g.singles
            .iter()
            .flat_map(|&(s, e)| [s, e])
            .collect::<Vec<_>>()
            .into_iter(),
    );
    let mut pairs: Vec<(u64, (u32, u32))> = g.pairs.iter().map(|(&k, &v)| (k, v)).collect();
    pairs.sort_unstable();
    put_len(&mut out, pairs.len());
    for (k, (s, e)) in pairs {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&s.to_le_bytes());
        out.extend_from_slice(&e.to_le_bytes());
    }
    put_u32s(&mut out, g.starts.iter().copied());
    put_len(&mut out, g.phrases.len());
    for p in &g.phrases {
        out.extend_from_slice(&p.start.to_le_bytes());
        out.extend_from_slice(&p.len.to_le_bytes());
        out.extend_from_slice(&p.lang.to_le_bytes());
        out.extend_from_slice(&p.entity.0.to_le_bytes());
        out.extend_from_slice(&[form_code(p.form), p.rank, u8::from(p.ambiguous)]);
    }
    put_len(&mut out, g.words.len());
    for &(w, c) in &g.words {
        out.extend_from_slice(&w.to_le_bytes());
        out.push(case_code(c));
    }
    out
}

/// The `u32` at the start of `b` (at least four bytes).
#[inline]
fn le32(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// The `u64` at the start of `b` (at least eight bytes).
#[inline]
fn le64(b: &[u8]) -> u64 {
    let mut a = [0; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

/// A cursor over the bytes being read.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    /// The next `n` bytes.
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    /// The next byte.
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    /// The next `u32`.
    fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A sequence length, refused when fewer than `item` bytes remain per item.
    fn len(&mut self, item: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(item)? <= self.bytes.len()).then_some(n)
    }

    /// The next string.
    fn str(&mut self) -> Option<&'a str> {
        let n = self.len(1)?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// The next `u32` sequence.
    fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len(4)?;
        let b = self.take(4 * n)?;
        Some(b.chunks_exact(4).map(le32).collect())
    }
}

/// Reads the binary form (`to_bytes`) of a gazetteer whose bytes live as long as the
/// program (the embedded file: its strings are read in place); `None` when malformed.
pub(super) fn from_bytes(bytes: &'static [u8]) -> Option<Gazetteer> {
    let mut r = Reader {
        bytes: bytes.strip_prefix(MAGIC.as_slice())?,
    };
    let mut g = Gazetteer::default();
    let n = r.len(4)?;
    for _ in 0..n {
        let b = r.take(4)?;
        let lang = Lang {
            bytes: [b[0], b[1], b[2]],
            len: b[3],
        };
        Lang::new(std::str::from_utf8(&lang.bytes[..usize::from(lang.len).min(3)]).ok()?)?;
        g.langs.push(lang);
    }
    let n = r.len(9)?;
    g.entities.reserve(n);
    for _ in 0..n {
        let name = r.str()?.into();
        let kind = *Kind::ALL.get(usize::from(r.u8()?))?;
        let country = match r.u32()? {
            u32::MAX => None,
            c => Some(EntityId(c)),
        };
        g.entities.push(Entity {
            name,
            kind,
            country,
        });
    }
    let n_entities = g.entities.len();
    if g.entities
        .iter()
        .any(|e| e.country.is_some_and(|c| c.0 as usize >= n_entities))
    {
        return None;
    }
    g.by_name = r.u32s()?.into_iter().map(EntityId).collect();
    if g.by_name.iter().any(|e| e.0 as usize >= n_entities) {
        return None;
    }
    g.vocab = read_index(&mut r)?;
    g.lower_first = read_index(&mut r)?;
    g.lower_sketch = Sketch::of_lower(&g.lower_first);
    let n = r.len(1)?;
    g.word_flags = r.take(n)?.to_vec();
    let n_words = g.word_flags.len();
    let singles = r.u32s()?;
    g.singles = singles.chunks_exact(2).map(|c| (c[0], c[1])).collect();
    // the fixed-size items: each sequence taken whole, then cut
    let n = r.len(16)?;
    g.pairs = FxHashMap::default();
    g.pairs.reserve(n);
    for b in r.take(16 * n)?.chunks_exact(16) {
        g.pairs.insert(le64(b), (le32(&b[8..]), le32(&b[12..])));
    }
    g.starts = r.u32s()?;
    let n = r.len(15)?;
    g.phrases = r
        .take(15 * n)?
        .chunks_exact(15)
        .map(|b| {
            Some(Phrase {
                start: le32(b),
                len: u16::from_le_bytes([b[4], b[5]]),
                lang: u16::from_le_bytes([b[6], b[7]]),
                entity: EntityId(le32(&b[8..])),
                form: *[Form::Name, Form::Capital, Form::Demonym, Form::Metonym]
                    .get(usize::from(b[12]))?,
                rank: b[13],
                ambiguous: b[14] != 0,
            })
        })
        .collect::<Option<_>>()?;
    let n = r.len(5)?;
    g.words = r
        .take(5 * n)?
        .chunks_exact(5)
        .map(|b| {
            let case = *[Case::Any, Case::Upper, Case::Acronym].get(usize::from(b[4]))?;
            Some((le32(b), case))
        })
        .collect::<Option<_>>()?;
    if !r.bytes.is_empty() {
        return None;
    }
    for rules in inflect::load() {
        if let Some(l) = g.lang_index(&rules.lang) {
            g.rules.push((l, rules));
        }
    }
    is_consistent(&g, n_words).then_some(g)
}

/// A word index, its keys read in place.
fn read_index(r: &mut Reader<'static>) -> Option<WordIndex> {
    let keys = r.str()?;
    let mut index = WordIndex::default();
    index.keys = Cow::Borrowed(keys);
    index.ends = r.u32s()?;
    index.ids = r.u32s()?;
    index.slots = r.u32s()?;
    index.is_consistent().then(|| index.with_probe())
}

/// True when every index the gazetteer follows is in bounds.
fn is_consistent(g: &Gazetteer, n_words: usize) -> bool {
    let n_phrases = g.phrases.len();
    let range_ok = |(s, e): (u32, u32)| s <= e && e as usize <= g.starts.len();
    g.vocab
        .ids
        .iter()
        .chain(&g.lower_first.ids)
        .all(|&w| (w as usize) < n_words)
        && g.singles.len() == n_words
        && g.singles.iter().all(|&r| range_ok(r))
        && g.pairs.values().all(|&r| range_ok(r))
        && g.starts.iter().all(|&p| (p as usize) < n_phrases)
        && g.words.iter().all(|&(w, _)| (w as usize) < n_words)
        && g.phrases.iter().all(|p| {
            (p.entity.0 as usize) < g.entities.len()
                && usize::from(p.lang) < g.langs.len()
                && p.len >= 1
                && (p.start as usize)
                    .checked_add(usize::from(p.len))
                    .is_some_and(|end| end <= g.words.len())
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    /// Bytes that live as long as the test (as the embedded file does).
    fn leak(bytes: Vec<u8>) -> &'static [u8] {
        Box::leak(bytes.into_boxed_slice())
    }

    #[test]
    fn the_binary_is_the_tables() {
        let parsed = Gazetteer::parse_builtin();
        assert!(
            parsed.to_bytes() == super::super::GAZETTEER_BIN,
            "data/gazetteer.bin is stale: cargo run -p stages --example build_gazetteer"
        );
        let read = Gazetteer::read_builtin();
        assert_eq!(read.to_bytes(), super::super::GAZETTEER_BIN);
        assert_eq!(read.rules.len(), parsed.rules.len());
        let text = "Из Варшавы в Москву. La Russie et l’Allemagne; Mark Cuban in Georgia, \
                    the U.N. and NATO, Deutschlands Kanzler, وروسيا, mer Noire, the Kremlin.";
        let tokens = tokenize(text);
        for lang in [
            None,
            Some("en"),
            Some("fr"),
            Some("ru"),
            Some("de"),
            Some("ar"),
        ] {
            assert_eq!(
                read.find(text, &tokens, lang),
                parsed.find(text, &tokens, lang)
            );
        }
        for (name, kind) in [
            ("Russia", Kind::Country),
            ("Kyiv", Kind::City),
            ("NATO", Kind::International),
        ] {
            assert!(read.entity_id(name, kind).is_some());
            assert_eq!(read.entity_id(name, kind), parsed.entity_id(name, kind));
        }
        assert_eq!(read.entity_id("Russia", Kind::City), None);
        assert!(read.is_given_name("Mark"));
    }

    #[test]
    fn damaged_bytes_are_refused_not_panicked_on() {
        let g = Gazetteer::parse(
            &["Oslo\t*\tcity\tOslo\tNorway\tcapital\t-\nmer Noire\tfr\twater\tBlack Sea\t-\tname\t-\n"],
            "Anna\n",
        )
        .unwrap();
        let bytes = g.to_bytes();
        let back = from_bytes(leak(bytes.clone())).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        assert!(from_bytes(leak(bytes[..bytes.len() - 1].to_vec())).is_none());
        assert!(from_bytes(leak([bytes.clone(), vec![0]].concat())).is_none());
        assert!(from_bytes(b"NLPGZ1").is_none());
        for i in MAGIC.len()..bytes.len() {
            for x in [0x00, 0xff, 0x80] {
                let mut b = bytes.clone();
                b[i] ^= x;
                // anything read back must be usable: finding in a text never panics
                if let Some(g) = from_bytes(leak(b)) {
                    let text = "Oslo and the mer Noire, Anna said";
                    let _ = g.find(text, &tokenize(text), Some("fr"));
                }
            }
        }
    }
}
