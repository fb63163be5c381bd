//! People and other organisations: capitalised runs of words, titles stripped
//! (`Pakistani Defense Secretary Mian Hilal Hussain` → `Mian Hilal Hussain`); a run with
//! an organisation word is an organisation. Names that are the tail of a longer one,
//! surnames alone, titled single names and the quotes layer's speakers are linked to a
//! person.

// Index loops over parallel arrays (tokens, analysis, weights) read better here.
#![allow(clippy::needless_range_loop)]

use pipeline_core::{ActorKind, Quote, Span};
use rustc_hash::FxHashMap;

use super::doc::{Doc, Found, FoundActors};
use crate::entities::gazetteer::{Form, Gazetteer as PlaceNames, GazetteerMatch};
use crate::entities::{Entity, EntityType};
use crate::sentiment::gazetteer::{Gazetteer, C_HON, C_NAME_START, C_ORG, C_STOP, C_TITLE};
use crate::sentiment::hashing::{word_hash, IdMap};
use crate::text::{latest_before, NameIndex};

/// What the capitalised runs found besides organisations: the people named in full, and
/// the single names that may be one of them.
#[derive(Debug, Default)]
pub(super) struct Runs {
    people: People,
    /// The token of each single name (`Sharif`, `Vince`).
    singles: Vec<usize>,
    /// The span of every person the tagger found, titles included.
    name_spans: Vec<Span>,
    /// `(span, person, first token)` of each full name.
    mentions: Vec<(Span, usize, usize)>,
}

/// Reads the entity tagger's spans that no gazetteer phrase took (`used`): people
/// (titles in front stripped, `Defense Secretary Mian Hilal Hussain` → `Mian Hilal
/// Hussain`) go to the returned [`Runs`], organisations and places to `out`.
pub(super) fn entity_runs(
    doc: &Doc,
    entities: &[Entity],
    places: &[GazetteerMatch],
    used: &[bool],
    out: &mut FoundActors,
) -> Runs {
    let mut runs = Runs::default();
    let mut named: FxHashMap<(String, u8), usize> = FxHashMap::default();
    for e in entities {
        let (mut start, end) = (e.tokens.start, e.tokens.end.min(used.len()));
        // a gazetteer phrase in front stays its own ("Pakistani" of "Pakistani Defense
        // Secretary Amir Latif Qadri"); one inside leaves the span to the gazetteer
        while start < end && used[start] {
            start += 1;
        }
        if start >= end || used[start..end].iter().any(|&u| u) || doc.is_dateline(start, end) {
            continue;
        }
        // titles then a name of two words or more: the person ("Pakistani Defense
        // Secretary Amir Latif Qadri", whatever the tagger's type), unless an organisation
        // word follows the title ("State Department Arabists", "Air Force Base")
        if let Some(t) = (start..end).rev().find(|&j| doc.has(j, C_TITLE | C_HON)) {
            if end - (t + 1) >= 2 && !(t + 1..end).any(|j| doc.has(j, C_ORG)) {
                person(doc, t + 1, end, &mut runs);
                continue;
            }
        }
        // a "person" with an organisation word ("Army", "Ministry") is an organisation
        let kind = match e.kind {
            EntityType::Person if (start..end).any(|j| doc.has(j, C_ORG)) => {
                EntityType::Organisation
            }
            k => k,
        };
        match kind {
            EntityType::Person => person(doc, start, end, &mut runs),
            EntityType::Organisation => named_actor(
                doc,
                (start, end),
                ActorKind::Organisation,
                places,
                &mut named,
                out,
            ),
            EntityType::Place => {
                named_actor(doc, (start, end), ActorKind::Place, places, &mut named, out)
            }
        }
    }
    runs
}

/// A person's span `[start, end)`: titles and stop words in front stripped; a full
/// name or a single name.
fn person(doc: &Doc, start: usize, end: usize, runs: &mut Runs) {
    runs.name_spans.push(Span::unchecked(
        doc.tokens[start].span.start,
        doc.tokens[end - 1].span.end,
    ));
    let mut a = start;
    while a < end && doc.has(a, C_TITLE | C_STOP) {
        a += 1;
    }
    // a title inside the name starts it: "Chief of Army Staff Gen. Raheel Sharif"
    if let Some(h) = (a..end.saturating_sub(1))
        .rev()
        .find(|&j| doc.has(j, C_HON))
    {
        a = h + 1;
    }
    match end.saturating_sub(a) {
        0 => {}
        1 => runs.singles.push(a),
        _ => {
            let span = Span::unchecked(doc.tokens[a].span.start, doc.end_of(end - 1));
            let p = add_person(&mut runs.people, span.slice(doc.text));
            runs.mentions.push((span, p, a));
        }
    }
}

/// An organisation's or a place's span `[start, end)`, leading stop words (`The`)
/// left out: one actor per name, the gazetteer's name when the span is one of its
/// places (`Russie` → the country Russia, `Warschau` → the city Warsaw), else the name as
/// written. An actor of the same name and kind found before (the countries of the
/// gazetteer phrases) is the same actor.
fn named_actor(
    doc: &Doc,
    (start, end): (usize, usize),
    kind: ActorKind,
    places: &[GazetteerMatch],
    named: &mut FxHashMap<(String, u8), usize>,
    out: &mut FoundActors,
) {
    let mut b = start;
    // `The` goes, `New` of `New York` stays
    while b + 1 < end && doc.has(b, C_STOP) && !doc.has(b, C_NAME_START) {
        b += 1;
    }
    // the tagger's places only: an organisation named like a place (a country acting
    // politically, as UNER tags it) stays the tagger's
    let known = places.iter().find(|m| {
        kind == ActorKind::Place && m.tokens == (b..end) && !m.ambiguous && m.form != Form::Demonym
    });
    let (span, name, kind) = match known {
        Some(m) => {
            let (canonical, k) = PlaceNames::builtin().entity(m.entity);
            (m.span, canonical.to_owned(), k.actor_kind())
        }
        None => {
            let span = Span::unchecked(doc.tokens[b].span.start, doc.end_of(end - 1));
            let name = span
                .slice(doc.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (span, name, kind)
        }
    };
    let key = (name, kind as u8);
    let idx = match named.get(&key) {
        Some(&i) => i,
        None => {
            let i = match out
                .actors
                .iter()
                .position(|(n, k)| *n == key.0 && *k == kind)
            {
                Some(i) => i,
                None => {
                    out.actors.push((key.0.clone(), kind));
                    out.actors.len() - 1
                }
            };
            named.insert(key, i);
            i
        }
    };
    out.mentions.push(Found { span, actor: idx });
}

/// Adds the people's mentions to `out`: full names, single names (surnames of a known
/// person, or titled names) and the quotes layer's speakers. Returns `(token, actor)` of
/// every person mention, for pronouns.
pub(super) fn person_mentions(
    doc: &Doc,
    runs: Runs,
    quotes: Option<&[Quote]>,
    out: &mut FoundActors,
) -> Vec<(usize, usize)> {
    let Runs {
        mut people,
        singles,
        mentions,
        name_spans,
    } = runs;
    // quote speakers: their entities are names too
    let is_name = |span: Span| name_spans.iter().any(|s: &Span| s.overlaps(&span));
    let speakers = SpeakerNames::new(quotes.unwrap_or(&[]), &mut people, doc.gaz, is_name);
    // a single name inside a quote speaker's mention is that speaker: the quotes stage
    // resolved it to a full name (`Sharif said` → `Raheel Sharif`), see speaker_mentions
    let speaker_spans: Vec<Span> = quotes
        .unwrap_or(&[])
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter(|sp| {
            speakers
                .get(&sp.entity)
                .is_some_and(|w| people.index.contains_key(w))
        })
        .map(|sp| sp.span)
        .collect();
    let singles: Vec<usize> = singles
        .into_iter()
        .filter(|&t| {
            !speaker_spans
                .iter()
                .any(|s| s.overlaps(&doc.tokens[t].span))
        })
        .collect();
    let by_surname = surnames(&people, &mentions, true);
    let by_first = surnames(&people, &mentions, false);
    let mut actors = PersonActors::new(&people);
    let mut timeline: Vec<(usize, usize)> = Vec::new();
    for (span, p, tok) in mentions {
        let a = actors.actor(out, p);
        out.mentions.push(Found { span, actor: a });
        timeline.push((tok, a));
    }
    single_names(
        doc,
        &singles,
        (&by_surname, &by_first),
        &mut actors,
        out,
        &mut timeline,
    );
    if let Some(quotes) = quotes {
        speaker_mentions(doc, quotes, &speakers, &mut actors, out, &mut timeline);
    }
    timeline
}

/// The full mentions of a name's word, as `(token, person)` in text order.
type ByName = IdMap<Vec<(usize, usize)>>;

/// The full mentions of each surname (`last`) or first name, as `(token, person)` in
/// text order.
fn surnames(people: &People, mentions: &[(Span, usize, usize)], last: bool) -> ByName {
    let mut by_name = ByName::default();
    for &(_, p, tok) in mentions {
        let words = people.names.words(p);
        if let Some(&w) = if last { words.last() } else { words.first() } {
            by_name.entry(w).or_default().push((tok, p));
        }
    }
    by_name
}

/// The actor of each person: one per canonical person, the fullest name of those that
/// end alike ("Hilal Hussain" → "Mian Hilal Hussain"), made on first use.
struct PersonActors<'p> {
    people: &'p People,
    /// The canonical person of each person.
    canon: Vec<usize>,
    /// The actor of each canonical person, once made.
    actor: Vec<Option<usize>>,
}

/// A name merges into a longer one that ends with it with at most this many words
/// before it.
const MAX_WORDS_BEFORE_TAIL: usize = 5;

impl<'p> PersonActors<'p> {
    fn new(people: &'p People) -> PersonActors<'p> {
        // merge names that are the tail of a longer one: the fullest, ties to the first
        let names = &people.names;
        let canon = (0..names.len())
            .map(|i| {
                let tails =
                    names.ending_with::<_, u64>(names.words(i), Some(MAX_WORDS_BEFORE_TAIL));
                names.fullest(tails).unwrap_or(i)
            })
            .collect();
        PersonActors {
            people,
            canon,
            actor: vec![None; names.len()],
        }
    }

    /// The actor of person `p`, added to `out` when new.
    fn actor(&mut self, out: &mut FoundActors, p: usize) -> usize {
        let c = self.canon.get(p).copied().unwrap_or(p);
        if let Some(a) = self.actor.get(c).copied().flatten() {
            return a;
        }
        out.actors
            .push((self.people.display[c].clone(), ActorKind::Person));
        let a = out.actors.len() - 1;
        if let Some(slot) = self.actor.get_mut(c) {
            *slot = Some(a);
        }
        a
    }
}

/// Single names: the nearest full mention before with that surname (else the first
/// person of that surname), else the nearest full mention before with that first name
/// (`Vince` after `Vince Kaminski`), else a person of their own.
fn single_names(
    doc: &Doc,
    singles: &[usize],
    (by_surname, by_first): (&ByName, &ByName),
    actors: &mut PersonActors,
    out: &mut FoundActors,
    timeline: &mut Vec<(usize, usize)>,
) {
    let tokens = doc.tokens;
    let mut single_actor: IdMap<usize> = IdMap::default();
    for &tok in singles {
        let name = &doc.word(tok)[..doc.end_of(tok) - tokens[tok].span.start];
        let w = word_hash(name);
        // the nearest full mention before this one, else the first person of that name
        let owner = actors.people.names.with_last(&w).first().map(|&first| {
            let seen = by_surname.get(&w).map_or(&[][..], Vec::as_slice);
            latest_before(seen, tok, |x| x.0)
                .or(seen.first())
                .map_or(first, |x| x.1)
        });
        let owner = owner.or_else(|| {
            let seen = by_first.get(&w)?;
            latest_before(seen, tok, |x| x.0)
                .or(seen.first())
                .map(|x| x.1)
        });
        let a = match owner {
            Some(p) => actors.actor(out, p),
            None => *single_actor.entry(w).or_insert_with(|| {
                out.actors.push((name.to_owned(), ActorKind::Person));
                out.actors.len() - 1
            }),
        };
        out.mentions.push(Found {
            span: Span::unchecked(tokens[tok].span.start, doc.end_of(tok)),
            actor: a,
        });
        timeline.push((tok, a));
    }
}

/// The speaker mentions of the quotes layer whose entity is a known person, where no
/// other mention overlaps them.
fn speaker_mentions(
    doc: &Doc,
    quotes: &[Quote],
    speakers: &SpeakerNames,
    actors: &mut PersonActors,
    out: &mut FoundActors,
    timeline: &mut Vec<(usize, usize)>,
) {
    let mut taken = SpanSet::default();
    for q in quotes {
        let Some(sp) = &q.speaker else { continue };
        let Some(&p) = speakers
            .get(&sp.entity)
            .and_then(|words| actors.people.index.get(words))
        else {
            continue;
        };
        let a = actors.actor(out, p);
        if taken.spans.is_empty() {
            taken = SpanSet::new(out.mentions.iter().map(|m| m.span));
        }
        if !taken.overlaps(sp.span) {
            taken.insert(sp.span);
            out.mentions.push(Found {
                span: sp.span,
                actor: a,
            });
            let tok = doc.tokens.partition_point(|t| t.span.end <= sp.span.start);
            timeline.push((tok, a));
        }
    }
}

/// A set of spans that tells whether any of them overlaps a query span: sorted by
/// start, so only the spans starting less than the longest span's length before the
/// query's start can reach the query.
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

/// The people named in the document, by the word hashes of their names.
#[derive(Debug, Default)]
struct People {
    /// Hashes of the normalised words of each name ([`word_hash`]).
    names: NameIndex<u64>,
    /// Each name as written (same ids as `names`).
    display: Vec<String>,
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
    let p = people.names.push(words.to_vec());
    people.display.push(display());
    people.index.insert(words.to_vec(), p);
    p
}

/// The hashes of the words of each quote speaker's entity, normalised and without
/// titles, computed once per distinct entity.
#[derive(Debug, Default)]
struct SpeakerNames<'q> {
    by_entity: FxHashMap<&'q str, Vec<u64>>,
}

impl<'q> SpeakerNames<'q> {
    /// The name words of each distinct speaker entity of `quotes`; an entity of two
    /// words or more becomes a person when the tagger read the speaker's mention as a
    /// person's name (`is_name`): a speaker the quotes stage took from a phrase such as
    /// `Please let me` is no person.
    fn new(
        quotes: &'q [Quote],
        people: &mut People,
        gaz: &Gazetteer,
        is_name: impl Fn(Span) -> bool,
    ) -> SpeakerNames<'q> {
        let mut names = SpeakerNames::default();
        for q in quotes {
            let Some(sp) = &q.speaker else { continue };
            if names.by_entity.contains_key(sp.entity.as_str()) {
                continue;
            }
            let words = name_words(&sp.entity, gaz);
            let hashes: Vec<u64> = words.iter().map(|w| word_hash(w)).collect();
            if words.len() >= 2 && is_name(sp.span) {
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
