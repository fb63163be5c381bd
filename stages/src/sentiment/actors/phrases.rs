//! Gazetteer phrases (`Russia`, `the Kremlin`, `NATO`), hyphenated compounds
//! (`Russia-Pakistan`), nationalities that are not country mentions (`Russian President
//! Vladimir Putin`), and "the two countries" / "both sides".

// Index loops over parallel arrays (tokens, analysis, weights) read better here.
#![allow(clippy::needless_range_loop)]

use pipeline_core::{Span, Token, TokenKind};

use super::doc::{is_cap, Doc, Found, FoundActors};
use crate::sentiment::gazetteer::{
    institutional, phrase_case_ok, Form, C_BILAT, C_NOTDEM, C_ORG, C_ROLE, C_TITLE, H_BOTH, H_THE,
    H_TWO,
};
use crate::sentiment::hashing::{word_hash, IdMap};

/// The gazetteer's phrases, longest first at each token, and the parts of hyphenated
/// compounds; marks the tokens they take in `used` (a nationality takes its tokens
/// without a mention).
/// Phrases wholly inside a person's name (`in_name`: "Mark Cuban") are not taken, nor
/// those but nationalities wholly inside the tagger's name of an organisation or a place
/// of two words or more (`Gulf of Mexico`, `Washington Post`, `State Department`; but
/// `Pakistani Army` is Pakistan's).
pub(super) fn gazetteer_mentions(
    doc: &Doc,
    in_name: &[u8],
    used: &mut [bool],
    out: &mut FoundActors,
) {
    let (tokens, toks, gaz) = (doc.tokens, doc.toks, doc.gaz);
    let hashes = &doc.hashes[..];
    let n = tokens.len();
    let mut actor_of_entity: IdMap<usize> = IdMap::default();
    let mut add_entity = |out: &mut FoundActors, e: u32, span: Span| {
        let idx = *actor_of_entity.entry(u64::from(e)).or_insert_with(|| {
            out.actors.push(gaz.entities[e as usize].clone());
            out.actors.len() - 1
        });
        out.mentions.push(Found { span, actor: idx });
    };
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
                if i + len > n
                    || hashes[i..i + len] != p.hashes[..]
                    || !phrase_case_ok(p, doc.word(i))
                    || inside_name(&in_name[i..i + len], p.form)
                {
                    continue;
                }
                let span = Span::unchecked(tokens[i].span.start, doc.end_of(i + len - 1));
                if doc.is_dateline(i, i + len) {
                    // `ISLAMABAD —` says where the story was filed: no mention of Pakistan
                    for u in &mut used[i..i + len] {
                        *u = true;
                    }
                    matched = len;
                    break;
                }
                if p.form == Form::Demonym
                    && (!doc.has(i + len, C_ORG)
                        || demonym_is_modifier(tokens, doc.text, &doc.cls, hashes, i + len))
                {
                    // a nationality or a people ("Pakistani officials", "the Iraqis"): no
                    // name of the country, as named-entity annotation has it; before an
                    // institution ("the Pakistani Army") it stands for the country
                    for u in &mut used[i..i + len] {
                        *u = true;
                    }
                    matched = len;
                    break;
                }
                for u in &mut used[i..i + len] {
                    *u = true;
                }
                add_entity(out, p.entity, span);
                matched = len;
                break;
            }
        }
        if matched == 0 && tokens[i].kind == TokenKind::Word && toks[i].hyphen {
            // hyphenated compounds: Russia-Pakistan, ISIS-affiliated, U.S.-Pakistan
            let w = doc.word(i);
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
                            out,
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
}

/// Token mark of [`gazetteer_mentions`]: in no name of two words or more.
pub(super) const NOT_IN_NAME: u8 = 0;
/// Token mark: in a person's name of two words or more.
pub(super) const IN_PERSON: u8 = 1;
/// Token mark: in the name of an organisation or a place of two words or more.
pub(super) const IN_OTHER_NAME: u8 = 2;

/// Whether a gazetteer phrase of form `form` over tokens marked `marks` lies wholly inside
/// a longer name that keeps it: any phrase inside a person's name, any but a nationality
/// inside another name.
fn inside_name(marks: &[u8], form: Form) -> bool {
    marks.iter().all(|&m| m == IN_PERSON)
        || (form != Form::Demonym && marks.iter().all(|&m| m != NOT_IN_NAME))
}

/// "the two countries", "both sides": a mention of each of the two countries last
/// mentioned before the phrase.
pub(super) fn pairs_of_countries(doc: &Doc, out: &mut FoundActors) {
    let tokens = doc.tokens;
    let hashes = &doc.hashes[..];
    let mut countries: Vec<(usize, usize)> = out
        .mentions
        .iter()
        .filter(|m| {
            matches!(
                out.actors.get(m.actor),
                Some((_, pipeline_core::ActorKind::Country))
            )
        })
        .map(|m| (m.span.start, m.actor))
        .collect();
    countries.sort_unstable();
    for i in 1..tokens.len() {
        if !doc.has(i, C_BILAT) {
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

/// True when titles or role words follow from token `k` and then a capitalised name,
/// or the last of them is a role word that is not an institution.
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
