//! The fallback after the entity tagger: capitalised runs it left untagged that look
//! like a person's full name (two to four name-like words, titles in front stripped) or
//! an organisation (an organisation word inside: `Inter-Services Public Relations
//! Directorate`), outside headlines. The tagger, trained on little news, misses some
//! unknown names (`Nawaz Sharif` at the start of a sentence); these rules, which found
//! news names before the tagger, catch them.

use pipeline_core::{Span, TokenKind};

use super::doc::Doc;
use crate::entities::{Entity, EntityType};
use crate::sentiment::gazetteer::{C_CONN, C_HON, C_ORG, C_STOP, C_TITLE};
use crate::sentiment::hashing::IdMap;

/// The people and organisations of the capitalised runs outside `covered` tokens (the
/// tagger's entities and the gazetteer's phrases).
pub(super) fn untagged_names(doc: &Doc, covered: &[bool]) -> Vec<Entity> {
    let tokens = doc.tokens;
    // lowercase vocabulary of the document: words written in lowercase are not names
    let mut lower: IdMap<()> = IdMap::default();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Word && !cap(doc, i) {
            lower.insert(doc.hashes[i], ());
        }
    }
    let mut out = Vec::new();
    for &(s, e) in doc.sentences {
        if is_headline(doc, s, e) {
            continue;
        }
        let mut k = s;
        while k < e {
            if covered[k] || tokens[k].kind != TokenKind::Word || !cap(doc, k) {
                k += 1;
                continue;
            }
            let start = k;
            let end = run_end(doc, covered, start, e);
            k = end.max(start + 1);
            if let Some(found) = classify(doc, &lower, start, end) {
                out.push(found);
            }
        }
    }
    out
}

/// The first letter of token `i` is uppercase.
fn cap(doc: &Doc, i: usize) -> bool {
    doc.toks.get(i).is_some_and(|t| t.cap)
}

/// Whether sentence `[s, e)` looks like a headline (mostly capitalised words), where
/// capitalised runs are not names.
fn is_headline(doc: &Doc, s: usize, e: usize) -> bool {
    let (mut words, mut caps) = (0, 0);
    for (t, info) in doc.tokens[s..e].iter().zip(&doc.toks[s..e]) {
        if t.kind == TokenKind::Word {
            words += 1;
            caps += usize::from(info.cap);
        }
    }
    let ends_like_prose = e > s
        && matches!(
            doc.word(e - 1),
            "." | "!" | "?" | "\"" | "”" | "’" | ":" | ";" | "," | ")"
        );
    words >= 2 && (caps * 10 >= words * 6 && !ends_like_prose || caps * 100 >= words * 85)
}

/// The end of the capitalised run starting at `start` (capitalised words, initials and
/// connectors, up to a possessive), within the sentence ending at `e`.
fn run_end(doc: &Doc, covered: &[bool], start: usize, e: usize) -> usize {
    let mut end = start;
    while end < e && !covered[end] {
        let w = doc.word(end);
        let tok_ok = doc.tokens[end].kind == TokenKind::Word
            && (cap(doc, end) || is_initial(w))
            && (doc.poss(end) > 0 || !w.contains(['’', '\'']));
        let conn = doc.has(end, C_CONN) && end + 1 < e && cap(doc, end + 1) && end > start;
        if !(tok_ok || conn) {
            break;
        }
        end += 1;
        // a possessive ends the name: "Hussain’s army"
        if doc.poss(end - 1) > 0 {
            break;
        }
    }
    end
}

/// A person or an organisation from the run `[start, end)`, titles in front stripped.
fn classify(doc: &Doc, lower: &IdMap<()>, start: usize, end: usize) -> Option<Entity> {
    let mut a = start;
    while a < end && doc.has(a, C_TITLE | C_STOP) {
        a += 1;
    }
    // a title inside the run starts the name: "Chief of Army Staff Gen. Raheel Sharif"
    let mut org_from = start;
    if let Some(h) = (a..end.saturating_sub(1))
        .rev()
        .find(|&j| doc.has(j, C_HON))
    {
        a = h + 1;
        org_from = a;
    }
    if a >= end {
        return None;
    }
    let entity = |from: usize, kind| Entity {
        span: Span::unchecked(doc.tokens[from].span.start, doc.end_of(end - 1)),
        kind,
        tokens: from..end,
    };
    if (org_from..end).any(|j| doc.has(j, C_ORG)) {
        let mut b = start;
        while b < end && doc.has(b, C_STOP) {
            b += 1;
        }
        return (b + 1 < end && end - b <= 6).then(|| entity(b, EntityType::Organisation));
    }
    let namelike = |j: usize| {
        let w = doc.word(j);
        is_initial(w)
            || doc.has(j, C_CONN)
            || (!w.bytes().any(|c| c.is_ascii_digit())
                && !lower.contains_key(&doc.hashes[j])
                && !doc.has(j, C_STOP | C_TITLE))
    };
    ((2..=4).contains(&(end - a)) && (a..end).all(namelike)).then(|| entity(a, EntityType::Person))
}

/// An initial: one uppercase letter and a period (`J.`).
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}
