//! The gazetteers and word lists of actor finding, parsed once: countries (names,
//! demonyms, capitals and metonyms), organisations, titles, and the word classes
//! of `data/words.txt` (`stop`, `honorific`, `role`…) the actor passes consult.

use std::sync::OnceLock;

use pipeline_core::ActorKind;

use super::hashing::{fnv, word_hash, IdMap};
use crate::text::{class_lines, data_lines};

const COUNTRIES: &str = include_str!("data/countries.tsv");
const ORGANISATIONS: &str = include_str!("data/organisations.tsv");
const TITLES: &str = include_str!("data/titles.txt");
const WORDS: &str = include_str!("data/words.txt");

/// How a gazetteer phrase refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// A name of the entity.
    Name,
    /// A demonym (`Russian`), which may be a nationality instead.
    Demonym,
    /// A capital or metonym (`Moscow`, `the Kremlin`).
    Place,
}

/// A gazetteer phrase: the words that name an entity.
#[derive(Debug)]
pub(super) struct Phrase {
    /// Word hashes of the phrase's tokens.
    pub(super) hashes: Vec<u64>,
    /// The phrase's first token as written (for case checks).
    first: String,
    /// How the first token's case must match, from [`Case::of`] of `first`.
    case: Case,
    /// Index into [`Gazetteer::entities`].
    pub(super) entity: u32,
    /// How the phrase refers to the entity.
    pub(super) form: Form,
}

/// The gazetteers and word lists, parsed once.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    /// Every entity: its canonical name and kind.
    pub(super) entities: Vec<(String, ActorKind)>,
    /// Phrases by the hash of their first token, longest first.
    pub(super) phrases: IdMap<Vec<Phrase>>,
    /// Word classes (`STOP`, `TITLE`…) by word hash, for titles also with a final period.
    classes: IdMap<u16>,
}

/// Word class: capitalised words never part of a name (`stop:` in `data/words.txt`).
pub(super) const C_STOP: u16 = 1;
/// Word class: name connectors (`bin`, `van`, `de`…).
pub(super) const C_CONN: u16 = 2;
/// Word class: personal pronouns linked to people.
pub(super) const C_PRON: u16 = 4;
/// Word class: honorifics that make a single word a name (`honorific:`).
pub(super) const C_HON: u16 = 8;
/// Word class: organisation words (`organisation:`).
pub(super) const C_ORG: u16 = 16;
/// Word class: role nouns after a demonym (`role:`).
pub(super) const C_ROLE: u16 = 32;
/// Word class: words after a demonym that make it a place or language.
pub(super) const C_NOTDEM: u16 = 64;
/// Word class: plural nouns of "the two countries".
pub(super) const C_BILAT: u16 = 128;
/// Word class: titles stripped from names (`data/titles.txt`).
pub(super) const C_TITLE: u16 = 256;

/// Word class: stop words that begin place and organisation names (`name_start:`).
pub(super) const C_NAME_START: u16 = 512;

/// Hashes of the words the passes compare with.
pub(super) const H_THE: u64 = fnv("the");
pub(super) const H_BOTH: u64 = fnv("both");
pub(super) const H_TWO: u64 = fnv("two");
pub(super) const H_ARMY: u64 = fnv("army");
pub(super) const H_DEFENSE: u64 = fnv("defense");
pub(super) const H_DEFENCE: u64 = fnv("defence");
pub(super) const H_FOREIGN: u64 = fnv("foreign");

/// Role words that are institutions when nothing personal follows them.
pub(super) fn institutional(h: u64) -> bool {
    h == H_ARMY || h == H_DEFENSE || h == H_DEFENCE || h == H_FOREIGN
}

/// The class bit of a class name of `data/words.txt`.
fn class_bit(name: &str) -> Option<u16> {
    Some(match name {
        "not_after_demonym" => C_NOTDEM,
        "role" => C_ROLE,
        "stop" => C_STOP,
        "organisation" => C_ORG,
        "connector" => C_CONN,
        "pronoun" => C_PRON,
        "honorific" => C_HON,
        "bilateral" => C_BILAT,
        "name_start" => C_NAME_START,
        _ => return None,
    })
}

impl Gazetteer {
    /// The built-in gazetteer, parsed on first use.
    pub(crate) fn builtin() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| Gazetteer::parse(COUNTRIES, ORGANISATIONS, TITLES, WORDS))
    }

    fn parse(countries: &str, orgs: &str, titles: &str, words: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        for line in data_lines(countries) {
            let cols: Vec<&str> = line.split('\t').collect();
            let Some(name) = cols.first().map(|s| s.trim()).filter(|s| !s.is_empty()) else {
                continue;
            };
            let id = g.entities.len() as u32;
            g.entities.push((name.to_owned(), ActorKind::Country));
            g.add(name, id, Form::Name);
            let list = |i: usize| {
                cols.get(i)
                    .into_iter()
                    .flat_map(|c| c.split('|'))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            };
            for a in list(1) {
                g.add(a, id, Form::Name);
            }
            for d in list(2) {
                g.add(d, id, Form::Demonym);
                if d.ends_with('n') || d.ends_with('i') {
                    g.add(&format!("{d}s"), id, Form::Demonym);
                }
            }
            for c in list(3).chain(list(4)) {
                g.add(c, id, Form::Place);
            }
        }
        for line in data_lines(orgs) {
            let cols: Vec<&str> = line.split('\t').collect();
            let Some(name) = cols.first().map(|s| s.trim()).filter(|s| !s.is_empty()) else {
                continue;
            };
            let kind = match cols.get(1).map(|s| s.trim()) {
                Some("international") => ActorKind::International,
                _ => ActorKind::Organisation,
            };
            let id = g.entities.len() as u32;
            g.entities.push((name.to_owned(), kind));
            g.add(name, id, Form::Name);
            for a in cols.get(2).into_iter().flat_map(|c| c.split('|')) {
                let a = a.trim();
                if !a.is_empty() {
                    g.add(a, id, Form::Name);
                }
            }
        }
        for line in data_lines(titles) {
            for w in line.split_whitespace() {
                g.class(w, C_TITLE);
            }
        }
        for (class, list) in class_lines(words) {
            let Some(c) = class_bit(class) else {
                continue;
            };
            for w in list {
                g.class(w, c);
            }
        }
        for list in g.phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.hashes.len()));
        }
        g
    }

    fn add(&mut self, phrase: &str, entity: u32, form: Form) {
        let toks = crate::tokens::tokenize(phrase);
        let hashes: Vec<u64> = toks
            .iter()
            .map(|t| word_hash(t.span.slice(phrase)))
            .collect();
        let Some(&h0) = hashes.first() else { return };
        let first = toks[0].span.slice(phrase).to_owned();
        let list = self.phrases.entry(h0).or_default();
        // the first entity listed keeps an ambiguous phrase (e.g. "Congolese")
        if list.iter().any(|p| p.hashes == hashes) {
            return;
        }
        list.push(Phrase {
            hashes,
            case: Case::of(&first),
            first,
            entity,
            form,
        });
    }

    fn class(&mut self, word: &str, c: u16) {
        *self.classes.entry(word_hash(word)).or_default() |= c;
        if c == C_TITLE || c == C_HON {
            *self
                .classes
                .entry(word_hash(&format!("{word}.")))
                .or_default() |= c;
        }
    }

    /// Every word the gazetteer knows: `(word hash, classes, starts a phrase)`.
    pub(crate) fn vocabulary(&self) -> impl Iterator<Item = (u64, u16, bool)> + '_ {
        self.classes
            .iter()
            .map(|(&h, &c)| (h, c, false))
            .chain(self.phrases.keys().map(|&h| (h, 0, true)))
    }

    /// The classes of a word hash.
    fn classes(&self, h: u64) -> u16 {
        self.classes.get(&h).copied().unwrap_or(0)
    }

    /// A title word (`data/titles.txt`), with or without a final period.
    pub(super) fn is_title(&self, word: &str) -> bool {
        self.classes(word_hash(word)) & C_TITLE != 0
    }
}

/// True when `text` may stand for a phrase whose first token is `first`: acronyms must
/// match exactly, capitalised phrases need a capital.
/// How a token's case must match a gazetteer form, decided once per form: an
/// all-capitals form (`NATO`, `UN`) only matches itself; a capitalised one any
/// capitalised token.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Case {
    /// All capitals (at least two letters), or two capitals or more (`LeT`): the text
    /// must be exactly the form.
    Exact,
    /// Capitalised: the text must start with an uppercase letter.
    Upper,
    /// Anything goes.
    Any,
}

impl Case {
    fn of(first: &str) -> Case {
        let letters = first.chars().filter(|c| c.is_alphabetic()).count();
        let upper = first.chars().filter(|c| c.is_uppercase()).count();
        if letters >= 2 && upper == letters || upper >= 2 {
            Case::Exact
        } else if first.chars().next().is_some_and(char::is_uppercase) {
            Case::Upper
        } else {
            Case::Any
        }
    }
}

/// Whether `text` may be the phrase's first token, by case.
pub(super) fn phrase_case_ok(p: &Phrase, text: &str) -> bool {
    match p.case {
        Case::Exact => text == p.first,
        Case::Upper => text.chars().next().is_some_and(char::is_uppercase),
        Case::Any => true,
    }
}

#[cfg(test)]
fn case_ok(first: &str, text: &str) -> bool {
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    let upper = first.chars().filter(|c| c.is_uppercase()).count();
    if letters >= 2 && upper == letters || upper >= 2 {
        return text == first;
    }
    match first.chars().next() {
        Some(c) if c.is_uppercase() => text.chars().next().is_some_and(char::is_uppercase),
        _ => true,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_word_class_line_names_a_known_class() {
        let mut n = 0;
        for (class, words) in class_lines(WORDS) {
            assert!(class_bit(class).is_some(), "{class}");
            n += words.count();
        }
        assert!(n > 300, "{n}");
        assert_eq!(class_lines(WORDS).count(), data_lines(WORDS).count());
        let gaz = Gazetteer::builtin();
        assert!(gaz.classes(word_hash("Gen.")) & C_HON != 0);
        assert!(gaz.classes(word_hash("von")) & C_CONN != 0);
    }

    #[test]
    fn phrase_case_equals_the_plain_check() {
        let gaz = Gazetteer::builtin();
        let texts = [
            "UN", "Un", "un", "NATO", "Nato", "russia", "Russia", "RUSSIA", "", "É",
        ];
        let mut n = 0;
        for list in gaz.phrases.values() {
            for p in list {
                for t in texts.iter().copied().chain([p.first.as_str()]) {
                    assert_eq!(
                        phrase_case_ok(p, t),
                        case_ok(&p.first, t),
                        "{} {t}",
                        p.first
                    );
                    n += 1;
                }
            }
        }
        assert!(n > 100);
    }
}
