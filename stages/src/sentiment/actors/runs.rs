//! The fallback after the entity tagger: capitalised runs it left untagged that name an
//! organisation (an organisation word inside: `Inter-Services Public Relations
//! Directorate`), outside headlines.
//!
//! Runs without an organisation word are left alone: read as people's names (as this
//! pass once did), they were nearly all wrong where the tagger had passed them over
//! (`Wall Street`, `Nobel Peace Prize`, `Best Pizzas`, `AMAZING JOB`), and the pronouns
//! after them were linked to those false people.

use pipeline_core::{Span, TokenKind};

use super::doc::Doc;
use crate::entities::{Entity, EntityType};
use crate::sentiment::gazetteer::{C_CONN, C_HON, C_ORG, C_STOP, C_TITLE};

/// The organisations of the capitalised runs outside `covered` tokens (the tagger's
/// entities and the gazetteer's phrases).
pub(super) fn untagged_names(doc: &Doc, covered: &[bool]) -> Vec<Entity> {
    let tokens = doc.tokens;
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
            if let Some(found) = classify(doc, start, end) {
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

/// An organisation from the run `[start, end)`, titles in front stripped: a run with an
/// organisation word.
fn classify(doc: &Doc, start: usize, end: usize) -> Option<Entity> {
    let mut a = start;
    while a < end && doc.has(a, C_TITLE | C_STOP) {
        a += 1;
    }
    // a title inside the run starts a person's name: "Chief of Army Staff Gen. Raheel
    // Sharif" is no organisation
    let org_from = (a..end.saturating_sub(1))
        .rev()
        .find(|&j| doc.has(j, C_HON))
        .map_or(start, |h| h + 1);
    if a >= end || !(org_from..end).any(|j| doc.has(j, C_ORG)) {
        return None;
    }
    let mut b = start;
    while b < end && doc.has(b, C_STOP) {
        b += 1;
    }
    (b + 1 < end && end - b <= 6).then(|| Entity {
        span: Span::unchecked(doc.tokens[b].span.start, doc.end_of(end - 1)),
        kind: EntityType::Organisation,
        tokens: b..end,
    })
}

/// An initial: one uppercase letter and a period (`J.`).
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}
