//! Speaker resolution: every mention to one entity, named by the fullest name the
//! document uses for it (titles stripped).
//!
//! Names are indexed once per document (every run of capitalised words). A mention of
//! two or more words resolves to the longest indexed name ending with it; a single word
//! (a surname) to an indexed full name ending with it, preferring one that carried the
//! same title (`Gen.`), then the most recently mentioned. Pronouns (`he`, `she`) and role
//! descriptions (`the officer`) resolve to the most recent person speaker, unless their
//! gender disagrees with that person's ([`crate::text::gender`]: given name, title,
//! surname ending, or a pronoun already linked to them): then to the nearest person
//! before them who agrees (see [`Context::agreeing`]).

use std::borrow::Cow;

use pipeline_core::{Quote, QuoteKind, Span, Speaker};

use super::analysis::{Analyzer, Mention, MentionKind};
use super::lexicon::{class, list, FastMap};
use super::wordmap::pack_ascii_lower;
use crate::text::gender::{self, Gender};
use crate::text::{latest_before, pack_word, NameIndex};

/// A full name seen in the document.
#[derive(Debug)]
struct Person<'t> {
    /// Its words as the text spaces them (a slice of the text when it has single spaces).
    display: Cow<'t, str>,
    /// Its titles' keys ([`title_key`]).
    titles: Vec<u128>,
    /// What its titles or name say of its gender.
    gender: Option<Gender>,
    /// Token positions of its mentions, increasing.
    mentions: Vec<usize>,
    /// Its name's words were asked for a gender already (they are the same, lowercased,
    /// in every mention: only new titles can say more).
    name_asked: bool,
}

/// The top byte of the key of a lowercased word too long to pack: a packed key's top
/// byte is its length, at most [`crate::text::PACKED_WORD_BYTES`].
const LONG_KEY: u128 = 0xFF << 120;

/// The key of a word no name of the document holds (no interned number reaches it).
const NO_KEY: u128 = u128::MAX;

/// The keys of a document's name words: two words have the same key exactly when their
/// lowercased forms are equal. A lowercased word of up to 15 bytes (nearly all) is its
/// packed bytes ([`pack_word`]); a longer one gets a number of the document's own.
#[derive(Default)]
struct WordKeys {
    /// The longer lowercased words, each with its number.
    long: FastMap<String, u32>,
}

/// `w` lowercased (as [`lower`] does): its packed key when that fits, else `None` with
/// the lowercased word in `buf`.
fn packed_lower(w: &str, buf: &mut String) -> Option<u128> {
    if let Some((_, lower)) = pack_ascii_lower(w.as_bytes()) {
        return Some(lower);
    }
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(w.chars().flat_map(char::to_lowercase));
    }
    pack_word(buf.as_bytes())
}

impl WordKeys {
    /// The key of word `w`, numbering it when it is new and too long to pack.
    fn key(&mut self, w: &str, buf: &mut String) -> u128 {
        if let Some(k) = packed_lower(w, buf) {
            return k;
        }
        let id = match self.long.get(buf.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.long.len() as u32;
                self.long.insert(buf.clone(), id);
                id
            }
        };
        LONG_KEY | u128::from(id)
    }

    /// The key of word `w`, or [`NO_KEY`] for a long word no name holds.
    fn find(&self, w: &str, buf: &mut String) -> u128 {
        if let Some(k) = packed_lower(w, buf) {
            return k;
        }
        self.long
            .get(buf.as_str())
            .map_or(NO_KEY, |&id| LONG_KEY | u128::from(id))
    }
}

#[derive(Default)]
struct Index<'t> {
    people: Vec<Person<'t>>,
    /// The keys of the lowercased words of each person's name (same ids as `people`).
    names: NameIndex<u128>,
    /// The keys of the name words.
    keys: WordKeys,
    /// Every mention of a full name, as (token position, person), in text order.
    timeline: Vec<(usize, usize)>,
    /// Every surname after an honorific that marks a gender (`Mrs. Clinton`), as (token
    /// position, gender, key of the lowercased surname), in text order.
    titled: Vec<(usize, Gender, u128)>,
    /// The buffers [`Index::build`] works in.
    scratch: Scratch,
}

/// Buffers kept for a document, so that its names cost no allocation each.
#[derive(Default)]
struct Scratch {
    /// A lowercased word.
    buf: String,
    /// The keys of a name's words.
    key: Vec<u128>,
    /// A name run's title tokens.
    titles: Vec<usize>,
    /// A name run's name tokens.
    name: Vec<usize>,
}

/// The key a title is compared by: its first three letters, lowercased, without dots
/// (`Gen.`, `General` → `gen`), packed ([`pack_word`]: three characters take at most 12
/// bytes).
fn title_key(w: &str) -> u128 {
    let w = w.trim_matches('.');
    let mut bytes = [0u8; 12];
    let mut n = 0;
    if w.is_ascii() {
        n = w.len().min(3);
        bytes[..n].copy_from_slice(&w.as_bytes()[..n]);
        bytes[..n].make_ascii_lowercase();
    } else {
        for c in w.chars().flat_map(char::to_lowercase).take(3) {
            n += c.encode_utf8(&mut bytes[n..]).len();
        }
    }
    pack_word(&bytes[..n]).expect("three characters fit a packed key")
}

/// Splits a name run into titles and name tokens (both cleared first): the name is what
/// follows the last title, without leading office words and connectors (`Adviser … on
/// Foreign Affairs Sartaj Aziz` → `Sartaj Aziz`); a run without a title stays whole,
/// minus a leading `the`.
fn split_name(a: &Analyzer, s: usize, e: usize, titles: &mut Vec<usize>, toks: &mut Vec<usize>) {
    titles.clear();
    toks.clear();
    // determiners go, capitalised or not (`The United Nations` → `United Nations`)
    // (an article that also joins names, lowercase inside one, stays: `Jan de Vries`,
    // `Jean de la Fontaine`)
    let joins =
        |k: usize| k > s && !a.tokens[k].cap && a.tokens[k].classes & class::CONN != 0 && k + 1 < e;
    toks.extend((s..e).filter(|&k| {
        (a.tokens[k].classes & class::DET == 0 || joins(k))
            && (a.tokens[k].word || name_hyphen(a, k))
    }));
    let last_title = toks.iter().rposition(|&k| {
        a.tokens[k].classes & class::TITLE != 0 && a.word(k) != "General"
            || is_abbrev_title(a, k)
            || a.title_ending(k)
    });
    if let Some(p) = last_title {
        // the name starts past office words, connectors and lowercase words
        let start = p
            + 1
            + toks[p + 1..]
                .iter()
                .take_while(|&&k| {
                    a.tokens[k].classes & (class::OFFICE | class::CONN) != 0 || !a.tokens[k].cap
                })
                .count();
        if start < toks.len() {
            // titles: every title word before the name
            titles.extend(
                toks[..=p]
                    .iter()
                    .copied()
                    .filter(|&k| a.tokens[k].classes & class::TITLE != 0 || a.title_ending(k)),
            );
            toks.drain(..start);
        }
    }
}

/// An abbreviated title with its dot at `k` (`Gen.`, `Mr.`).
fn is_abbrev_title(a: &Analyzer, k: usize) -> bool {
    a.tokens[k].classes & class::TITLE != 0 && a.word(k).ends_with('.')
}

/// A hyphen inside a name (`Lopez-Cantera`): no space on either side, words around.
fn name_hyphen(a: &Analyzer, k: usize) -> bool {
    a.tokens[k].punct == '-'
        && k > 0
        && k + 1 < a.tokens.len()
        && a.tokens[k - 1].end == a.tokens[k].start
        && a.tokens[k + 1].start == a.tokens[k].end
        && a.tokens[k - 1].cap
        && a.tokens[k + 1].cap
}

/// The words of tokens, spaced as in the text (`Lopez-Cantera` stays one word).
fn join(a: &Analyzer, toks: &[usize]) -> String {
    // (sized once: the text from the first token to the last)
    let size = match (toks.first(), toks.last()) {
        (Some(&f), Some(&l)) => match (a.tokens.get(f), a.tokens.get(l)) {
            (Some(f), Some(l)) => l.end.saturating_sub(f.start),
            _ => 0,
        },
        _ => 0,
    };
    let mut s = String::with_capacity(size);
    let mut prev: Option<usize> = None;
    for &k in toks {
        if prev.is_some_and(|p| a.tokens[p].end != a.tokens[k].start) {
            s.push(' ');
        }
        s.push_str(a.word(k));
        prev = Some(k);
    }
    s
}

/// [`join`] of tokens, borrowed from the text when it spaces them as `join` does (each
/// next to the one before or one space after it).
fn join_cow<'t>(a: &Analyzer<'t>, toks: &[usize]) -> Cow<'t, str> {
    let spaced_as_joined = toks.windows(2).all(|p| {
        let (x, y) = (&a.tokens[p[0]], &a.tokens[p[1]]);
        x.end == y.start || a.text.get(x.end..y.start) == Some(" ")
    });
    let range = match (toks.first(), toks.last()) {
        (Some(&f), Some(&l)) => a.text.get(a.tokens[f].start..a.tokens[l].end),
        _ => None,
    };
    match range {
        Some(r) if spaced_as_joined => Cow::Borrowed(r),
        _ => Cow::Owned(join(a, toks)),
    }
}

/// Token `k` lowercased, borrowed when it is lowercase ASCII already.
fn lower<'t>(a: &Analyzer<'t>, k: usize) -> Cow<'t, str> {
    let w = a.word(k);
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Cow::Borrowed(w);
    }
    if w.is_ascii() {
        return Cow::Owned(w.to_ascii_lowercase());
    }
    Cow::Owned(w.chars().flat_map(char::to_lowercase).collect())
}

impl<'t> Index<'t> {
    /// Indexes every run of name words in the document, with its titles.
    fn build(a: &Analyzer<'t>) -> Index<'t> {
        // (room for the names of most documents: no growing a few times each)
        const ROOM: usize = 32;
        let mut idx = Index {
            people: Vec::with_capacity(ROOM),
            names: NameIndex::with_capacity(ROOM),
            timeline: Vec::with_capacity(ROOM),
            ..Index::default()
        };
        let mut s = std::mem::take(&mut idx.scratch);
        let n = a.tokens.len();
        let mut i = 0;
        while i < n {
            if !(a.tokens[i].cap && a.tokens[i].word) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n {
                let t = &a.tokens[j];
                if t.cap && t.word {
                    j += 1;
                } else if (t.classes & class::CONN != 0
                    && !t.cap
                    && j + 1 < n
                    && a.tokens[j + 1].cap)
                    || name_hyphen(a, j)
                {
                    j += 2;
                } else {
                    break;
                }
            }
            if j - i >= 2 {
                split_name(a, i, j, &mut s.titles, &mut s.name);
                let (titles, name) = (&s.titles, &s.name);
                if name.len() >= 2
                    && name.iter().all(|&k| {
                        a.tokens[k].classes & (class::STOP | class::PRON | class::CUE) == 0
                    })
                {
                    idx.add(a, titles, name, &mut s.key, &mut s.buf);
                } else if let ([.., t], [k]) = (titles.as_slice(), name.as_slice()) {
                    if let Some(g) = gender::honorific(a.word(*t)) {
                        let key = idx.keys.key(a.word(*k), &mut s.buf);
                        idx.titled.push((*k, g, key));
                    }
                }
            }
            i = j;
        }
        idx.scratch = s;
        idx
    }

    /// Adds one mention of a name (with the titles before it) to the index; `key` and
    /// `buf` are buffers.
    fn add(
        &mut self,
        a: &Analyzer<'t>,
        titles: &[usize],
        name: &[usize],
        key: &mut Vec<u128>,
        buf: &mut String,
    ) {
        key.clear();
        for &k in name {
            key.push(self.keys.key(a.word(k), buf));
        }
        let pos = name.last().copied().unwrap_or(0);
        // (the names are distinct: the one with exactly these words, if any)
        let known = self.names.ending_with::<_, u128>(key, Some(0)).next();
        let id = match known {
            Some(id) => id,
            None => {
                let id = self.names.push(key.clone());
                self.people.push(Person {
                    display: join_cow(a, name),
                    titles: Vec::new(),
                    gender: None,
                    mentions: Vec::new(),
                    name_asked: false,
                });
                id
            }
        };
        let org = name.iter().any(|&k| a.tokens[k].classes & class::ORG != 0);
        let p = &mut self.people[id];
        p.mentions.push(pos);
        if p.gender.is_none() && !p.name_asked {
            p.gender = gender_of(a, titles, name);
            p.name_asked = true;
        } else if p.gender.is_none() && !titles.is_empty() {
            // (what the name says is known: nothing)
            p.gender = gender_of(a, titles, &[]);
        }
        // organisations stay out of the timeline pronouns fall back on
        if !org {
            self.timeline.push((pos, id));
        }
        for &t in titles {
            let k = title_key(a.word(t));
            if !p.titles.contains(&k) {
                p.titles.push(k);
            }
        }
    }

    /// The person whose display name is `entity` (the last added, if several).
    fn by_display(&self, entity: &str) -> Option<usize> {
        self.people.iter().rposition(|p| p.display == entity)
    }

    /// The display name of person `id`, as a new string.
    fn display(&self, id: usize) -> String {
        String::from(&*self.people[id].display)
    }

    /// The most recent mention of person `id` before token `pos`.
    fn last_before(&self, id: usize, pos: usize) -> Option<usize> {
        latest_before(&self.people[id].mentions, pos, |&x| x).copied()
    }

    /// The canonical person for name tokens with titles, at `pos`: of the names ending
    /// with these words (those that carried one of the titles first, if any), the
    /// fullest for two words or more; for a surname the one mentioned last before `pos`,
    /// else the longest, ties to the latest. `key` and `buf` are buffers.
    fn lookup(
        &self,
        a: &Analyzer,
        name: &[usize],
        titles: &[u128],
        pos: usize,
        key: &mut Vec<u128>,
        buf: &mut String,
    ) -> Option<usize> {
        key.clear();
        key.extend(name.iter().map(|&k| self.keys.find(a.word(k), buf)));
        let key = &*key;
        let fits = || self.names.ending_with::<_, u128>(key, None);
        // two people named alike: a shared title decides, then the latest mention
        let titled = |id: usize| titles.iter().any(|t| self.people[id].titles.contains(t));
        let any_titled = fits().any(titled);
        let pool = fits().filter(|&id| !any_titled || titled(id));
        if name.len() >= 2 {
            return self.names.fullest(pool);
        }
        pool.max_by_key(|&id| {
            (
                self.last_before(id, pos).map_or(0, |p| p + 1),
                self.names.words(id).len(),
            )
        })
    }
}

/// Resolves every attribution's speaker and builds the quote layer.
pub(crate) fn resolve(a: &Analyzer) -> Vec<Quote> {
    let mut idx = Index::build(a);
    let mut attrs = a.attrs.clone();
    attrs.sort_by_key(|x| (x.content_start, x.content_end));
    attrs.dedup_by_key(|x| (x.content_start, x.content_end));
    // one quotation interrupted by its attribution (`“A,” he said, “B.”`) or continued
    // without a new one: a single quote over all its parts
    let mut merged: Vec<super::analysis::Attribution> = Vec::with_capacity(attrs.len());
    for at in attrs {
        // a continuation joins its quote past attributions found in between (`“A,” Vole
        // told Ames, after Ames said that …. “B.”`)
        if at.join && at.kind == QuoteKind::Direct {
            let src = merged.iter_mut().rev().take(4).find(|p| {
                matches!(p.kind, QuoteKind::Direct | QuoteKind::Partial)
                    && p.cue == at.cue
                    && p.content_end <= at.content_start
            });
            if let Some(prev) = src {
                prev.content_end = at.content_end;
                continue;
            }
        }
        if let Some(prev) = merged.last_mut() {
            let same_cue = at.cue.is_some() && at.cue == prev.cue;
            // (a partial quote that closes its sentence carries on into the quote after
            // its attribution: `The plan “works,” she said. “It really does.”`)
            let carries =
                prev.kind == QuoteKind::Direct || (prev.kind == QuoteKind::Partial && at.join);
            if carries
                && at.kind == QuoteKind::Direct
                && (at.join || (same_cue && !at.sep))
                && at.content_start >= prev.content_end
            {
                prev.content_end = at.content_end;
                continue;
            }
        }
        merged.push(at);
    }
    let attrs = merged;
    let mut ctx = Context {
        scratch: std::mem::take(&mut idx.scratch),
        ..Context::default()
    };
    let mut out = Vec::with_capacity(attrs.len());
    // (German: a pronoun that speaks several turns of a dialogue, `sagte er: „A?“ „B.“
    // „C?“`, is one person, whoever spoke the turns between)
    let mut pronouns: FastMap<usize, String> = Default::default();
    for at in &attrs {
        ctx.cue = at.cue;
        let speaker = at.speaker.and_then(|np| {
            let same = (a.lex.capitalised_nouns && np.kind == MentionKind::Pron)
                .then(|| pronouns.get(&np.start))
                .flatten();
            let entity = match same {
                Some(e) => e.clone(),
                None => entity(a, &idx, np, &mut ctx)?,
            };
            if a.lex.capitalised_nouns && np.kind == MentionKind::Pron && same.is_none() {
                pronouns.insert(np.start, entity.clone());
            }
            let s = a.tokens.get(np.start)?.start;
            let e = a.tokens.get(np.end.checked_sub(1)?)?.end;
            Some(Speaker {
                span: Span::unchecked(s, e),
                entity,
            })
        });
        let cue = at.cue.and_then(|(c0, c1)| {
            let s = a.tokens.get(c0)?.start;
            let e = a.tokens.get(c1.checked_sub(1)?)?.end;
            Some(Span::unchecked(s, e))
        });
        out.push(Quote {
            span: Span::unchecked(at.content_start, at.content_end),
            kind: at.kind,
            speaker,
            cue,
            confidence: at.confidence.clamp(0.0, 1.0),
        });
    }
    out
}

/// The gender that titles (honorifics first, then role nouns) or a name's words say.
fn gender_of(a: &Analyzer, titles: &[usize], name: &[usize]) -> Option<Gender> {
    let by = |f: fn(&str) -> Option<Gender>| titles.iter().find_map(|&t| f(a.word(t)));
    by(gender::honorific)
        .or_else(|| {
            // (the words on the stack for a name of up to eight)
            let mut stack = [""; 8];
            match stack.get_mut(..name.len()) {
                Some(words) => {
                    for (w, &k) in words.iter_mut().zip(name) {
                        *w = a.word(k);
                    }
                    gender::of_name(words)
                }
                None => gender::of_name(&name.iter().map(|&k| a.word(k)).collect::<Vec<_>>()),
            }
        })
        .or_else(|| by(gender::role))
}

/// German `sie` is *she* with a verb in the singular (`sagte sie`, `sagt sie`), *they*
/// with one in the plural (`sagten sie`, `sagen sie`): a cue whose first word does not end
/// in `-n` makes it a woman. `None` for any other word or language.
fn german_she(a: &Analyzer, w: &str, cue: Option<(usize, usize)>) -> Option<Gender> {
    let (c0, c1) = cue?;
    let verb = a.word(c0);
    (a.lex.capitalised_nouns && w == "sie" && c1 > c0 && !verb.ends_with('n'))
        .then_some(Gender::Female)
}

/// What speaker resolution remembers while it walks the quotes in text order.
#[derive(Default)]
struct Context {
    /// The last person speaker named, with the token it was named at.
    last_person: Option<(String, usize)>,
    /// The last speaker that is no person (an organisation, `officials`).
    last_other: Option<String>,
    /// Every person speaker named, as (token, entity), in text order.
    speakers: Vec<(usize, String)>,
    /// Genders learnt from titles of speaker mentions and from pronouns linked to a
    /// person the index knew no gender of, by entity.
    learnt: FastMap<String, Gender>,
    /// The cue of the attribution being resolved, as a token range.
    cue: Option<(usize, usize)>,
    /// The buffers a name mention is looked up with.
    scratch: Scratch,
}

impl Context {
    /// The gender known of the person `entity` (indexed as `id`, when it is).
    fn gender(&self, idx: &Index, entity: &str, id: Option<usize>) -> Option<Gender> {
        self.learnt
            .get(entity)
            .copied()
            .or_else(|| id.and_then(|id| idx.people[id].gender))
            .or_else(|| idx.by_display(entity).and_then(|id| idx.people[id].gender))
    }

    /// The person a pronoun or role of gender `g` at token `pos` stands for: the last
    /// person speaker unless their known gender differs; else the nearest person before
    /// `pos` known to be of gender `g` (a full name, a speaker, or a surname after an
    /// honorific, `Mrs. Clinton`); else the nearest speaker whose gender is unknown (who
    /// is of gender `g` from then on). `None` when `g` is unknown or no one agrees: the
    /// caller keeps its gender-blind choice.
    fn agreeing(
        &mut self,
        a: &Analyzer,
        idx: &Index,
        pos: usize,
        g: Option<Gender>,
    ) -> Option<String> {
        g?;
        if let Some((p, _)) = &self.last_person {
            // (an unknown gender agrees, but learns nothing: that would turn the
            // gender-blind choice's mistakes into knowledge)
            if gender::agrees(self.gender(idx, p, None), g) {
                return Some(p.clone());
            }
        }
        let before = |k: usize| k < pos;
        let named = idx.timeline[..idx.timeline.partition_point(|&(k, _)| before(k))]
            .iter()
            .rev()
            .find(|&&(_, id)| self.gender(idx, &idx.people[id].display, Some(id)) == g)
            .map(|&(k, id)| (k, idx.display(id)));
        let spoke = &self.speakers[..self.speakers.partition_point(|(k, _)| before(*k))];
        let spoken = spoke
            .iter()
            .rev()
            .find(|(_, e)| self.gender(idx, e, None) == g)
            .cloned();
        let titled = idx.titled[..idx.titled.partition_point(|t| before(t.0))]
            .iter()
            .rev()
            .filter(|t| Some(t.1) == g)
            // (only a surname of a full name the text gives: `a former Miss Universe`
            // is no one's)
            .map(|(k, _, key)| {
                // of the full names with that surname, the latest one of that gender
                // (`Mrs. Clinton` is not Bill Clinton), else the surname alone
                let id = idx
                    .names
                    .ending_with::<_, u128>(std::slice::from_ref(key), None)
                    .filter(|&id| idx.people[id].gender == g)
                    .max_by_key(|&id| idx.last_before(id, *k).map_or(0, |p| p + 1));
                let name = id.map(|id| idx.display(id));
                (*k, name.unwrap_or_else(|| a.word(*k).to_owned()))
            })
            .next();
        let best = [named, spoken, titled]
            .into_iter()
            .flatten()
            .max_by_key(|(k, _)| *k)
            .map(|(_, e)| e)
            .or_else(|| {
                spoke
                    .iter()
                    .rev()
                    .find(|(_, e)| self.gender(idx, e, None).is_none())
                    .map(|(_, e)| e.clone())
            })?;
        self.learn(idx, &best, g);
        Some(best)
    }

    /// Remembers that `entity` is of gender `g` when nothing said so before.
    fn learn(&mut self, idx: &Index, entity: &str, g: Option<Gender>) {
        if let Some(g) = g {
            if self.gender(idx, entity, None).is_none() {
                self.learnt.insert(entity.to_owned(), g);
            }
        }
    }
}

/// The entity a speaker mention resolves to: a name to the fullest indexed name (and it
/// becomes the last person, or the last other speaker for an organisation); `he`/`she`
/// to the last person speaker, `they`/`it` to the last other one (a gendered pronoun to
/// the nearest person it agrees with, [`Context::agreeing`]); a relative to its
/// antecedent; a description ending in a name to that name, else [`desc_entity`].
fn entity(a: &Analyzer, idx: &Index, np: Mention, ctx: &mut Context) -> Option<String> {
    let text_of = |s: usize, e: usize| -> String { join(a, &(s..e).collect::<Vec<_>>()) };
    match np.kind {
        MentionKind::Rel => {
            let ante = a.antecedent(np.start, 0)?;
            entity(a, idx, ante, ctx)
        }
        MentionKind::Dropped => {
            // the current speaker, else the latest full name before: none at all in a
            // text that has named no one
            if let Some((p, _)) = &ctx.last_person {
                return Some(p.clone());
            }
            latest_before(&idx.timeline, np.start, |&(pos, _)| pos).map(|&(_, id)| idx.display(id))
        }
        MentionKind::Pron => {
            let w = lower(a, np.start);
            // (a pronoun of the document's language that its own list leaves out is no
            // person: the French `on` is not the Czech `on`)
            let own = a.lex.defines(list::PERSON_PRONOUN)
                && a.lex.classes(&w) & class::PRON != 0
                && !a.lex.in_list(&w, list::PERSON_PRONOUN);
            if !own && a.lexicons.in_any_list(&w, list::PERSON_PRONOUN) {
                let g = gender::pronoun(&w).or_else(|| german_she(a, &w, ctx.cue));
                if let Some(p) = ctx.agreeing(a, idx, np.start, g) {
                    return Some(p);
                }
                if let Some((p, _)) = &ctx.last_person {
                    return Some(p.clone());
                }
                // the latest full name mentioned before
                let best = latest_before(&idx.timeline, np.start, |&(pos, _)| pos)
                    .map(|&(_, id)| idx.display(id));
                return Some(best.unwrap_or_else(|| a.word(np.start).to_owned()));
            }
            if a.lexicons.in_any_list(&w, list::PLURAL_PRONOUN) {
                if let Some(o) = &ctx.last_other {
                    return Some(o.clone());
                }
            }
            Some(a.word(np.start).to_owned())
        }
        MentionKind::Name => {
            let mut s = std::mem::take(&mut ctx.scratch);
            let found = name_entity(a, idx, np, ctx, &mut s);
            ctx.scratch = s;
            found.or_else(|| desc_entity(a, idx, np, ctx, &text_of))
        }
        MentionKind::Desc => {
            // `le ministre Jean Dupont`, `the Foreign Office`: the name at its end
            let mut k = np.end;
            // (German capitalises its nouns and a sentence's first article: `Der
            // Verbandschef Max Huber` ends in the name `Verbandschef Max Huber`)
            let first = if a.lex.capitalised_nouns && a.tokens[np.start].classes & class::DET != 0 {
                np.start + 1
            } else {
                np.start
            };
            while k > first
                && (a.tokens[k - 1].cap && a.tokens[k - 1].word || name_hyphen(a, k - 1))
            {
                k -= 1;
            }
            if k < np.end && k > np.start {
                // with the title right before it (`le ministre Jean Dupont`)
                let titled = a.tokens[k - 1].classes & class::TITLE != 0;
                let name = Mention {
                    start: if titled { k - 1 } else { k },
                    end: np.end,
                    kind: MentionKind::Name,
                };
                return entity(a, idx, name, ctx);
            }
            desc_entity(a, idx, np, ctx, &text_of)
        }
    }
}

/// [`entity`] of a name mention, `None` when it holds no name (only titles): the fullest
/// indexed name ending with it, else its own words. `s` holds the buffers.
fn name_entity(
    a: &Analyzer,
    idx: &Index,
    np: Mention,
    ctx: &mut Context,
    s: &mut Scratch,
) -> Option<String> {
    split_name(a, np.start, np.end, &mut s.titles, &mut s.name);
    let (titles, name) = (&s.titles, &s.name);
    if name.is_empty() {
        return None;
    }
    // (a titled mention is rare: the keys vector is made only then)
    let ltitles: Vec<u128> = titles.iter().map(|&k| title_key(a.word(k))).collect();
    let found = idx.lookup(a, name, &ltitles, np.start, &mut s.key, &mut s.buf);
    let display = found.map_or_else(|| join(a, name), |id| idx.display(id));
    // an organisation (`Foreign Office`, `Washington Post`) is no person
    let org = name.iter().any(|&k| a.tokens[k].classes & class::ORG != 0);
    let person = (found.is_some() || !titles.is_empty()) && !org;
    if person {
        let g = found.and_then(|id| idx.people[id].gender);
        if g.is_none() {
            ctx.learn(idx, &display, gender_of(a, titles, name));
        }
        ctx.last_person = Some((display.clone(), np.start));
        ctx.speakers.push((np.start, display.clone()));
    } else {
        ctx.last_other = Some(display.clone());
    }
    Some(display)
}

/// The entity of a description: `the officer` (a singular role after `the`) resolves to
/// the last person speaker (`the spokeswoman`, `la ministra`: the nearest person of that
/// gender, [`Context::agreeing`]); otherwise the description's own words without a
/// leading `the` (`the Foreign Office` → `Foreign Office`), which become the last other
/// speaker.
fn desc_entity(
    a: &Analyzer,
    idx: &Index,
    np: Mention,
    ctx: &mut Context,
    text_of: &dyn Fn(usize, usize) -> String,
) -> Option<String> {
    let head = np.end.checked_sub(1)?;
    let singular_role = a.tokens[head].classes & class::ROLE != 0 && !a.word(head).ends_with('s');
    let det_the = a.in_list_lower(np.start, list::DEFINITE_ARTICLE);
    if singular_role && det_the {
        if let Some(p) = ctx.agreeing(a, idx, np.start, gender::role(a.word(head))) {
            return Some(p);
        }
        if let Some((p, _)) = &ctx.last_person {
            return Some(p.clone());
        }
    }
    // `the Foreign Office` → `Foreign Office`; `the officials` → `officials`
    let s = if a.tokens[np.start].classes & class::DET != 0 && det_the {
        np.start + 1
    } else {
        np.start
    };
    let d = text_of(s, np.end);
    if d.is_empty() {
        return None;
    }
    ctx.last_other = Some(d.clone());
    Some(d)
}
