//! Finding actors: gazetteer entities (countries with their names, demonyms, capitals and
//! metonyms; international organisations; armed groups and institutions), people
//! (capitalised name sequences, titles stripped, surnames and pronouns linked to the full
//! name) and other organisations (capitalised sequences with an organisation word).

// Index loops over parallel arrays (tokens, analysis, weights) read better here.
#![allow(clippy::needless_range_loop)]

use std::sync::OnceLock;

use pipeline_core::{ActorKind, Quote, Span, Token, TokenKind};
use rustc_hash::FxHashMap;

use super::lexicon::{data_lines, fnv, word_hash};
use super::model::{IdMap, TokInfo};

const COUNTRIES: &str = include_str!("data/countries.tsv");
const ORGANISATIONS: &str = include_str!("data/organisations.tsv");
const TITLES: &str = include_str!("data/titles.txt");

/// How a gazetteer phrase refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Name,
    Demonym,
    Place,
}

#[derive(Debug)]
struct Phrase {
    /// Word hashes of the phrase's tokens.
    hashes: Vec<u64>,
    /// The phrase's first token as written (for case checks).
    first: String,
    /// How the first token's case must match, from [`Case::of`] of `first`.
    case: Case,
    entity: u32,
    form: Form,
}

/// The gazetteers and word lists, parsed once.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    entities: Vec<(String, ActorKind)>,
    /// Phrases by the hash of their first token, longest first.
    phrases: IdMap<Vec<Phrase>>,
    /// Word classes (`STOP`, `TITLE`…) by word hash, for titles also with a final period.
    classes: IdMap<u16>,
}

const C_STOP: u16 = 1;
const C_CONN: u16 = 2;
const C_PRON: u16 = 4;
const C_HON: u16 = 8;
const C_ORG: u16 = 16;
const C_ROLE: u16 = 32;
const C_NOTDEM: u16 = 64;
const C_BILAT: u16 = 128;
const C_TITLE: u16 = 256;

const H_THE: u64 = fnv("the");
const H_BOTH: u64 = fnv("both");
const H_TWO: u64 = fnv("two");
const H_ARMY: u64 = fnv("army");
const H_DEFENSE: u64 = fnv("defense");
const H_DEFENCE: u64 = fnv("defence");
const H_FOREIGN: u64 = fnv("foreign");

/// Role words that are institutions when nothing personal follows them.
fn institutional(h: u64) -> bool {
    h == H_ARMY || h == H_DEFENSE || h == H_DEFENCE || h == H_FOREIGN
}

/// Words after a demonym that make it a place name or language, not the country.
const NOT_AFTER_DEMONYM: &[&str] = &[
    "ocean",
    "sea",
    "subcontinent",
    "peninsula",
    "language",
    "descent",
    "origin",
    "-born",
    "american",
];

/// Role nouns after a demonym that make it a person's nationality.
const PERSON_ROLES: &[&str] = &[
    "counterpart",
    "counterparts",
    "president",
    "minister",
    "ministers",
    "diplomat",
    "diplomats",
    "ambassador",
    "envoy",
    "leader",
    "man",
    "woman",
    "national",
    "nationals",
    "citizen",
    "citizens",
    "journalist",
    "journalists",
    "student",
    "students",
    "businessman",
    "writer",
    "author",
    "actor",
    "singer",
    "player",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "general",
    "commander",
    "prime",
    "foreign",
    "defense",
    "defence",
    "chief",
    "army",
];

/// Capitalised words that are never part of a name.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "for",
    "with",
    "as",
    "after",
    "before",
    "during",
    "but",
    "and",
    "or",
    "if",
    "when",
    "while",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "our",
    "their",
    "his",
    "her",
    "its",
    "there",
    "here",
    "what",
    "which",
    "who",
    "why",
    "how",
    "so",
    "also",
    "both",
    "each",
    "all",
    "some",
    "many",
    "most",
    "such",
    "no",
    "not",
    "yes",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "however",
    "meanwhile",
    "according",
    "since",
    "from",
    "to",
    "by",
    "of",
    "about",
    "under",
    "over",
    "than",
    "then",
    "thus",
    "hence",
    "therefore",
    "furthermore",
    "moreover",
    "although",
    "though",
    "despite",
    "because",
    "my",
    "your",
    "me",
    "us",
    "them",
    "him",
    "one",
    "two",
    "three",
    "first",
    "second",
    "new",
    "north",
    "south",
    "east",
    "west",
    "central",
    "western",
    "eastern",
    "northern",
    "southern",
    "islamic",
    "state",
    "national",
    "international",
];

/// Words that make a capitalised sequence an organisation.
const ORG_WORDS: &[&str] = &[
    "ministry",
    "committee",
    "organization",
    "organisation",
    "council",
    "institute",
    "bank",
    "party",
    "army",
    "navy",
    "conference",
    "university",
    "department",
    "office",
    "agency",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "union",
    "association",
    "forum",
    "commission",
    "court",
    "company",
    "group",
    "news",
    "times",
    "post",
    "bureau",
    "foundation",
    "fund",
    "forces",
    "force",
    "parliament",
    "assembly",
    "senate",
    "congress",
    "club",
    "network",
    "television",
    "radio",
    "press",
    "media",
    "airlines",
    "school",
    "college",
    "center",
    "centre",
    "society",
    "movement",
    "front",
    "brigade",
    "police",
    "guard",
    "service",
    "services",
    "tribunal",
    "authority",
    "board",
    "church",
    "federation",
    "league",
    "alliance",
    "coalition",
    "operation",
];

const CONNECTORS: &[&str] = &[
    "bin", "bint", "ibn", "al", "el", "de", "da", "del", "della", "di", "van", "von", "der", "la",
    "le", "du", "dos", "das",
];

const PRONOUNS: &[&str] = &["he", "she", "him", "his", "her"];

/// Titles that make a single capitalised word a person's name (`Mr Takizaki`,
/// `Gen. Sharif`, `President Putin`).
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "lord",
    "lady",
    "gen",
    "general",
    "lt",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "adm",
    "admiral",
    "president",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "minister",
    "secretary",
    "ambassador",
    "chairman",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "pope",
    "emir",
    "sultan",
    "chancellor",
    "mayor",
    "premier",
    "commander",
    "counterpart",
    "envoy",
    "spokesman",
    "adviser",
    "advisor",
    "speaker",
    "leader",
];

/// Plural phrases that refer to the two countries last mentioned.
const BILATERAL_NOUNS: &[&str] = &["countries", "sides", "nations", "states", "governments"];

impl Gazetteer {
    /// The built-in gazetteer, parsed on first use.
    pub(crate) fn builtin() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| Gazetteer::parse(COUNTRIES, ORGANISATIONS, TITLES))
    }

    fn parse(countries: &str, orgs: &str, titles: &str) -> Gazetteer {
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
        for (list, c) in [
            (STOP, C_STOP),
            (CONNECTORS, C_CONN),
            (PRONOUNS, C_PRON),
            (HONORIFICS, C_HON),
            (ORG_WORDS, C_ORG),
            (PERSON_ROLES, C_ROLE),
            (NOT_AFTER_DEMONYM, C_NOTDEM),
            (BILATERAL_NOUNS, C_BILAT),
        ] {
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

    fn is_title(&self, word: &str) -> bool {
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
    /// All capitals (at least two letters): the text must be exactly the form.
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
        if letters >= 2 && upper == letters {
            Case::Exact
        } else if first.chars().next().is_some_and(char::is_uppercase) {
            Case::Upper
        } else {
            Case::Any
        }
    }
}

/// Whether `text` may be the phrase's first token, by case.
fn phrase_case_ok(p: &Phrase, text: &str) -> bool {
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
    if letters >= 2 && upper == letters {
        return text == first;
    }
    match first.chars().next() {
        Some(c) if c.is_uppercase() => text.chars().next().is_some_and(char::is_uppercase),
        _ => true,
    }
}

/// One mention found in a document.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub(crate) span: Span,
    /// Index into the actor list.
    pub(crate) actor: usize,
}

/// The actors of a document and their mentions (unsorted).
#[derive(Debug, Default)]
pub(crate) struct FoundActors {
    pub(crate) actors: Vec<(String, ActorKind)>,
    pub(crate) mentions: Vec<Found>,
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// True when `w` holds `'` or `’`.
fn has_apostrophe(w: &str) -> bool {
    if w.is_ascii() {
        w.bytes().any(|c| c == b'\'')
    } else {
        w.contains(['’', '\''])
    }
}

fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// Finds the actors of a document. `sentences` are token index ranges.
pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    toks: &[TokInfo],
    sentences: &[(usize, usize)],
    quotes: Option<&[Quote]>,
    gaz: &Gazetteer,
) -> FoundActors {
    let n = tokens.len();
    let hashes: Vec<u64> = toks.iter().map(|t| t.base).collect();
    let hashes = &hashes[..];
    let word = |i: usize| tokens[i].span.slice(text);
    let poss = |i: usize| toks.get(i).map_or(0, |t| t.poss);
    // the end of token `i` without a possessive suffix
    let end_of = |i: usize| tokens[i].span.end - usize::from(poss(i));
    // first character uppercase
    let cap = |i: usize| toks.get(i).is_some_and(|t| t.cap);
    let cls: Vec<u16> = toks.iter().map(|t| t.classes).collect();
    let has = |i: usize, c: u16| cls.get(i).is_some_and(|x| x & c != 0);
    let mut used = vec![false; n];
    let mut out = FoundActors::default();
    let mut actor_of_entity: IdMap<usize> = IdMap::default();
    let mut add_entity = |out: &mut FoundActors, e: u32, span: Span| {
        let idx = *actor_of_entity.entry(u64::from(e)).or_insert_with(|| {
            out.actors.push(gaz.entities[e as usize].clone());
            out.actors.len() - 1
        });
        out.mentions.push(Found { span, actor: idx });
    };
    // lowercase vocabulary of the document: words written in lowercase are not names
    let mut lower: IdMap<()> = IdMap::with_capacity_and_hasher(n, Default::default());
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Word && !cap(i) {
            lower.insert(hashes[i], ());
        }
    }
    // 1. gazetteer phrases
    let mut i = 0;
    while i < n {
        let mut matched = 0;
        if let Some(list) = toks[i]
            .phrase
            .then(|| gaz.phrases.get(&hashes[i]))
            .flatten()
        {
            for p in list {
                let len = p.hashes.len();
                if i + len > n || hashes[i..i + len] != p.hashes[..] || !phrase_case_ok(p, word(i))
                {
                    continue;
                }
                let span = Span::unchecked(tokens[i].span.start, end_of(i + len - 1));
                if p.form == Form::Demonym
                    && demonym_is_modifier(tokens, text, &cls, hashes, i + len)
                {
                    // a nationality: part of the person's mention context, not the country
                    for u in &mut used[i..i + len] {
                        *u = true;
                    }
                    matched = len;
                    break;
                }
                for u in &mut used[i..i + len] {
                    *u = true;
                }
                add_entity(&mut out, p.entity, span);
                matched = len;
                break;
            }
        }
        if matched == 0 && tokens[i].kind == TokenKind::Word && toks[i].hyphen {
            // hyphenated compounds: Russia-Pakistan, ISIS-affiliated, U.S.-Pakistan
            let w = word(i);
            let base = tokens[i].span.start;
            let mut off = 0;
            for part in w.split('-') {
                let h = word_hash(part);
                if let Some(p) = gaz.phrases.get(&h).and_then(|l| {
                    l.iter()
                        .find(|p| p.hashes.len() == 1 && phrase_case_ok(p, part))
                }) {
                    if !part.is_empty() {
                        add_entity(
                            &mut out,
                            p.entity,
                            Span::unchecked(base + off, base + off + part.len()),
                        );
                        used[i] = true;
                    }
                }
                off += part.len() + 1;
            }
        }
        i += matched.max(1);
    }
    // 2. people and other organisations: capitalised runs
    let mut people = People::default();
    let mut singles: Vec<(usize, bool)> = Vec::new(); // (token, after a title)
    let mut person_mentions: Vec<(Span, usize, usize)> = Vec::new(); // span, person, token
    for &(s, e) in sentences {
        // word tokens and capitalised word tokens, in one pass
        let (mut words, mut caps) = (0, 0);
        for (t, info) in tokens[s..e].iter().zip(&toks[s..e]) {
            if t.kind == TokenKind::Word {
                words += 1;
                caps += usize::from(info.cap);
            }
        }
        let ends_like_prose = e > s
            && matches!(
                word(e - 1),
                "." | "!" | "?" | "\"" | "”" | "’" | ":" | ";" | "," | ")"
            );
        let headline =
            words >= 2 && (caps * 10 >= words * 6 && !ends_like_prose || caps * 100 >= words * 85);
        let mut k = s;
        while k < e {
            if used[k] || tokens[k].kind != TokenKind::Word || !cap(k) {
                k += 1;
                continue;
            }
            // the run
            let start = k;
            let mut end = k;
            while end < e && !used[end] {
                let tok_ok = tokens[end].kind == TokenKind::Word
                    && (cap(end) || is_initial(word(end)))
                    && (poss(end) > 0 || !has_apostrophe(word(end)));
                let conn = has(end, C_CONN) && end + 1 < e && cap(end + 1) && end > start;
                if tok_ok || conn {
                    end += 1;
                    // a possessive ends the name: "Hussain’s army"
                    if poss(end - 1) > 0 {
                        break;
                    }
                } else {
                    break;
                }
            }
            k = end.max(start + 1);
            // strip titles and stop words in front
            let mut a = start;
            let mut titled = false;
            while a < end {
                if has(a, C_TITLE) {
                    titled = true;
                    a += 1;
                } else if has(a, C_STOP) {
                    a += 1;
                } else {
                    break;
                }
            }
            // a title right before the run (lowercase: "the defense secretary Hussain")
            if a == start && start > s && has(start - 1, C_TITLE) {
                titled = true;
            }
            // a single name needs an honorific or a personal title right before it
            let honorific = a > start || a > s;
            titled = titled && honorific && has(a - 1, C_HON);
            // a title inside the run starts the name: "Chief of Army Staff Gen. Raheel Sharif"
            let mut org_from = start;
            if let Some(h) = (a..end.saturating_sub(1)).rev().find(|&j| has(j, C_HON)) {
                a = h + 1;
                titled = true;
                org_from = a;
            }
            if a > start && has(a - 1, C_HON) {
                org_from = a;
            }
            if a >= end {
                continue;
            }
            let run = a..end;
            let org = (org_from..end).any(|j| has(j, C_ORG));
            if org {
                // organisations: keep the run after leading stop words
                let mut b = start;
                while b < end && has(b, C_STOP) {
                    b += 1;
                }
                if b + 1 < end && end - b <= 6 && !headline {
                    let span = Span::unchecked(tokens[b].span.start, end_of(end - 1));
                    let name = span.slice(text).to_owned();
                    let idx = match out.actors.iter().position(|(n, _)| *n == name) {
                        Some(i) => i,
                        None => {
                            out.actors.push((name, ActorKind::Organisation));
                            out.actors.len() - 1
                        }
                    };
                    out.mentions.push(Found { span, actor: idx });
                }
                continue;
            }
            let namelike = |j: usize| {
                let w = word(j);
                is_initial(w)
                    || has(j, C_CONN)
                    || (!w.bytes().any(|c| c.is_ascii_digit())
                        && !lower.contains_key(&hashes[j])
                        && !has(j, C_STOP | C_TITLE))
            };
            if run.len() >= 2 && run.len() <= 4 && !headline && run.clone().all(namelike) {
                let span = Span::unchecked(tokens[a].span.start, end_of(end - 1));
                let p = add_person(&mut people, span.slice(text));
                person_mentions.push((span, p, a));
            } else if run.len() == 1 && namelike(a) {
                singles.push((a, titled));
            }
        }
    }
    // quote speakers: their entities are names too
    let speakers = SpeakerNames::new(quotes.unwrap_or(&[]), &mut people, gaz);
    // merge names that are the tail of a longer one ("Hilal Hussain" → "Mian Hilal Hussain")
    let mut longest: FxHashMap<&[u64], usize> = FxHashMap::default();
    for (j, p) in people.list.iter().enumerate() {
        for k in 0..p.words.len().min(6) {
            let suffix = &p.words[k..];
            let e = longest.entry(suffix).or_insert(j);
            if people.list[*e].words.len() < p.words.len() {
                *e = j;
            }
        }
    }
    let canon: Vec<usize> = (0..people.list.len())
        .map(|i| longest.get(&people.list[i].words[..]).copied().unwrap_or(i))
        .collect();
    // first person of each surname, and full mentions by surname in text order
    let mut by_surname: IdMap<Surname> = IdMap::default();
    for (j, p) in people.list.iter().enumerate() {
        if let Some(&last) = p.words.last() {
            by_surname.entry(last).or_insert((j, Vec::new()));
        }
    }
    for &(_, p, tok) in &person_mentions {
        if let Some(&last) = people.list[p].words.last() {
            if let Some(e) = by_surname.get_mut(&last) {
                e.1.push((tok, p));
            }
        }
    }
    // person actors
    let mut person_actor: Vec<Option<usize>> = vec![None; people.list.len()];
    let actor_for = |out: &mut FoundActors, person_actor: &mut Vec<Option<usize>>, p: usize| {
        let c = canon.get(p).copied().unwrap_or(p);
        if let Some(a) = person_actor.get(c).copied().flatten() {
            return a;
        }
        out.actors
            .push((people.list[c].display.clone(), ActorKind::Person));
        let a = out.actors.len() - 1;
        if let Some(slot) = person_actor.get_mut(c) {
            *slot = Some(a);
        }
        a
    };
    // (span, actor, token) of every person mention, for pronouns
    let mut timeline: Vec<(usize, usize)> = Vec::new();
    for (span, p, tok) in person_mentions {
        let a = actor_for(&mut out, &mut person_actor, p);
        out.mentions.push(Found { span, actor: a });
        timeline.push((tok, a));
    }
    // single names: surnames of a known person, or titled names
    let mut single_actor: IdMap<usize> = IdMap::default();
    for (tok, titled) in singles {
        let w = word_hash(&word(tok)[..end_of(tok) - tokens[tok].span.start]);
        // the nearest full mention before this one, else the first person of that name
        let owner = by_surname.get(&w).map(|(first, seen)| {
            let k = seen.partition_point(|x| x.0 < tok);
            match k.checked_sub(1) {
                Some(k) => seen[k].1,
                None => seen.first().map_or(*first, |x| x.1),
            }
        });
        let a = match owner {
            Some(p) => actor_for(&mut out, &mut person_actor, p),
            None if titled => *single_actor.entry(w).or_insert_with(|| {
                out.actors.push((
                    word(tok)[..end_of(tok) - tokens[tok].span.start].to_owned(),
                    ActorKind::Person,
                ));
                out.actors.len() - 1
            }),
            None => continue,
        };
        out.mentions.push(Found {
            span: Span::unchecked(tokens[tok].span.start, end_of(tok)),
            actor: a,
        });
        timeline.push((tok, a));
    }
    // speaker mentions from the quotes layer
    if let Some(quotes) = quotes {
        let mut taken = SpanSet::default();
        for q in quotes {
            let Some(sp) = &q.speaker else { continue };
            let Some(&p) = speakers
                .get(&sp.entity)
                .and_then(|words| people.index.get(words))
            else {
                continue;
            };
            let a = actor_for(&mut out, &mut person_actor, p);
            if taken.spans.is_empty() {
                taken = SpanSet::new(out.mentions.iter().map(|m| m.span));
            }
            if !taken.overlaps(sp.span) {
                taken.insert(sp.span);
                out.mentions.push(Found {
                    span: sp.span,
                    actor: a,
                });
                let tok = tokens.partition_point(|t| t.span.end <= sp.span.start);
                timeline.push((tok, a));
            }
        }
    }
    // "the two countries", "both sides": the two countries last mentioned
    let mut countries: Vec<(usize, usize)> = out
        .mentions
        .iter()
        .filter(|m| matches!(out.actors.get(m.actor), Some((_, ActorKind::Country))))
        .map(|m| (m.span.start, m.actor))
        .collect();
    countries.sort_unstable();
    for i in 1..n {
        if !has(i, C_BILAT) {
            continue;
        }
        let prev = hashes[i - 1];
        let prev2 = if i >= 2 { hashes[i - 2] } else { 0 };
        let first = if prev == H_TWO && (prev2 == H_THE || prev2 == H_BOTH) || prev == H_BOTH {
            i - 1
        } else if prev2 == H_BOTH && prev == H_THE {
            i - 2
        } else {
            continue;
        };
        let at = tokens[first].span.start;
        let k = countries.partition_point(|c| c.0 < at);
        let mut pair: Vec<usize> = Vec::with_capacity(2);
        for &(_, a) in countries[..k].iter().rev().take(64) {
            if !pair.contains(&a) {
                pair.push(a);
                if pair.len() == 2 {
                    break;
                }
            }
        }
        if pair.len() == 2 {
            let span = Span::unchecked(at, tokens[i].span.end);
            for a in pair {
                out.mentions.push(Found { span, actor: a });
            }
        }
    }
    // pronouns: the most recent person mentioned in this or the two previous sentences
    timeline.sort_unstable();
    let sent_of = |tok: usize| sentences.partition_point(|r| r.1 <= tok);
    let mut t = 0;
    let mut last: Option<(usize, usize)> = None;
    for i in 0..n {
        if !has(i, C_PRON) {
            continue;
        }
        // the timeline catches up only at pronouns (`i` only grows)
        while t < timeline.len() && timeline[t].0 < i {
            last = Some(timeline[t]);
            t += 1;
        }
        if let Some((lt, a)) = last {
            if sent_of(i).saturating_sub(sent_of(lt)) <= 2
                && !out
                    .mentions
                    .iter()
                    .rev()
                    .take(8)
                    .any(|m| m.span.overlaps(&tokens[i].span))
            {
                out.mentions.push(Found {
                    span: tokens[i].span,
                    actor: a,
                });
            }
        }
    }
    out
}

/// Spans sorted by start, for overlap queries in `O(log n)` plus the spans that may
/// reach the query.
#[derive(Debug, Default)]
struct SpanSet {
    /// Sorted by `(start, end)`.
    spans: Vec<Span>,
    /// The greatest length of a span in `spans`.
    longest: usize,
}

impl SpanSet {
    fn new(spans: impl Iterator<Item = Span>) -> SpanSet {
        let mut spans: Vec<Span> = spans.collect();
        spans.sort_unstable_by_key(|s| (s.start, s.end));
        let longest = spans.iter().map(|s| s.end - s.start).max().unwrap_or(0);
        // never empty once built, so the caller builds it only once
        spans.push(Span::unchecked(usize::MAX, usize::MAX));
        SpanSet { spans, longest }
    }

    /// True when a span of the set overlaps `span`.
    fn overlaps(&self, span: Span) -> bool {
        let i = self.spans.partition_point(|s| s.start < span.end);
        self.spans[..i]
            .iter()
            .rev()
            .take_while(|s| s.start.saturating_add(self.longest) > span.start)
            .any(|s| s.overlaps(&span))
    }

    fn insert(&mut self, span: Span) {
        let i = self
            .spans
            .partition_point(|s| (s.start, s.end) < (span.start, span.end));
        self.spans.insert(i, span);
        self.longest = self.longest.max(span.end - span.start);
    }
}

/// The first person with a surname, and that surname's full mentions as
/// `(token, person)` in text order.
type Surname = (usize, Vec<(usize, usize)>);

#[derive(Debug)]
struct Person {
    /// Hashes of the normalised words of the name ([`word_hash`]).
    words: Vec<u64>,
    /// The name as written.
    display: String,
}

#[derive(Debug, Default)]
struct People {
    list: Vec<Person>,
    index: FxHashMap<Vec<u64>, usize>,
    /// Word hashes of the name being added, reused so a known name allocates nothing.
    scratch: Vec<u64>,
}

/// The person named `name` (words separated by whitespace), added when new.
fn add_person(people: &mut People, name: &str) -> usize {
    let mut words = std::mem::take(&mut people.scratch);
    words.clear();
    words.extend(name.split_whitespace().map(word_hash));
    let p = add_person_words(people, &words, || {
        let mut display = String::with_capacity(name.len());
        for w in name.split_whitespace() {
            if !display.is_empty() {
                display.push(' ');
            }
            display.push_str(w);
        }
        display
    });
    people.scratch = words;
    p
}

/// The person whose name has the word hashes `words`, added with the name `display()`
/// when new.
fn add_person_words(people: &mut People, words: &[u64], display: impl FnOnce() -> String) -> usize {
    if let Some(&i) = people.index.get(words) {
        return i;
    }
    people.list.push(Person {
        words: words.to_vec(),
        display: display(),
    });
    people.index.insert(words.to_vec(), people.list.len() - 1);
    people.list.len() - 1
}

/// The hashes of the words of each quote speaker's entity, normalised and without
/// titles, computed once per distinct entity.
#[derive(Debug, Default)]
struct SpeakerNames<'q> {
    by_entity: FxHashMap<&'q str, Vec<u64>>,
}

impl<'q> SpeakerNames<'q> {
    /// Adds each distinct speaker entity of `quotes` to `people` when it has two words
    /// or more, in quote order.
    fn new(quotes: &'q [Quote], people: &mut People, gaz: &Gazetteer) -> SpeakerNames<'q> {
        let mut names = SpeakerNames::default();
        for q in quotes {
            let Some(sp) = &q.speaker else { continue };
            if names.by_entity.contains_key(sp.entity.as_str()) {
                // adding a known name again changes nothing
                continue;
            }
            let words = name_words(&sp.entity, gaz);
            let hashes: Vec<u64> = words.iter().map(|w| word_hash(w)).collect();
            if words.len() >= 2 {
                add_person_words(people, &hashes, || words.join(" "));
            }
            names.by_entity.insert(&sp.entity, hashes);
        }
        names
    }

    /// The normalised words of a speaker entity seen by [`SpeakerNames::new`].
    fn get(&self, entity: &str) -> Option<&[u64]> {
        self.by_entity.get(entity).map(Vec::as_slice)
    }
}

/// The words of a name as written, without titles and stray punctuation.
fn name_words<'n>(name: &'n str, gaz: &Gazetteer) -> Vec<&'n str> {
    name.split_whitespace()
        .filter(|w| !gaz.is_title(w))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when the demonym ending before token `next` modifies a person ("Pakistani
/// Defense Secretary Mian Hilal Hussain", "his Russian counterpart") or is part of a
/// place name ("Indian Ocean").
fn demonym_is_modifier(
    tokens: &[Token],
    text: &str,
    cls: &[u16],
    hashes: &[u64],
    next: usize,
) -> bool {
    let Some(&c) = cls.get(next) else {
        return false;
    };
    if c & (C_NOTDEM | C_ROLE) != 0 {
        // "Russian Army" is the country's institution; "Russian army chief" a person
        if institutional(hashes[next]) {
            return role_follows(tokens, text, cls, hashes, next);
        }
        return true;
    }
    // demonym + titles + a capitalised name
    role_follows(tokens, text, cls, hashes, next)
}

fn role_follows(tokens: &[Token], text: &str, cls: &[u16], hashes: &[u64], mut k: usize) -> bool {
    let mut titles = 0;
    while let Some(&c) = cls.get(k) {
        if c & (C_TITLE | C_ROLE) != 0 {
            titles += 1;
            k += 1;
            if titles > 6 {
                return false;
            }
            continue;
        }
        break;
    }
    if titles == 0 {
        // capitalised non-title words right after a demonym are usually an institution
        // ("Russian Federation"); "Russian Vladimir Putin" is rare
        return false;
    }
    let next_is_name = tokens
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Word && is_cap(t.span.slice(text)));
    // a role word alone ("counterpart", "president") or a name after titles
    let last = k - 1;
    let person_noun = cls[last] & C_ROLE != 0 && !institutional(hashes[last]);
    next_is_name || person_noun
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod case_tests {
    use super::*;

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
