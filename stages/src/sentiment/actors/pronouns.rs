//! Pronouns: `he`, `his`, `her`… are mentions of the person last mentioned in this or the
//! two previous sentences.

use super::doc::{Doc, Found, FoundActors};
use crate::sentiment::gazetteer::C_PRON;
use crate::text::latest_before;

/// Adds a mention for every pronoun whose sentence is at most two after that of the
/// latest person mention before it (`timeline`: `(token, actor)` of every person
/// mention), unless a recent mention already covers the pronoun.
pub(super) fn link(doc: &Doc, mut timeline: Vec<(usize, usize)>, out: &mut FoundActors) {
    let tokens = doc.tokens;
    let sentences = doc.sentences;
    timeline.sort_unstable();
    let sent_of = |tok: usize| sentences.partition_point(|r| r.1 <= tok);
    for (i, tok) in tokens.iter().enumerate() {
        if !doc.has(i, C_PRON) {
            continue;
        }
        if let Some(&(lt, a)) = latest_before(&timeline, i, |m| m.0) {
            if sent_of(i).saturating_sub(sent_of(lt)) <= 2
                && !out
                    .mentions
                    .iter()
                    .rev()
                    .take(8)
                    .any(|m| m.span.overlaps(&tok.span))
            {
                out.mentions.push(Found {
                    span: tok.span,
                    actor: a,
                });
            }
        }
    }
}
