//! Pronouns: `he`, `his`, `her`… are mentions of the person last mentioned in this or the
//! two previous sentences, unless that person's gender differs from the pronoun's
//! ([`crate::text::gender`]: the given name, else an honorific before a mention): then of the
//! nearest person in that reach whose gender agrees (an unknown gender agrees with
//! everything). When no one agrees, the pronoun stays with the person last mentioned.

use pipeline_core::ActorKind;

use super::doc::{Doc, Found, FoundActors};
use crate::sentiment::gazetteer::C_PRON;
use crate::text::gender::{self, Gender};
use crate::text::latest_before;

/// How many sentences back a pronoun's person may be.
const REACH: usize = 2;

/// Adds a mention for every pronoun whose sentence is at most [`REACH`] after that of a
/// person mention before it (`timeline`: `(token, actor)` of every person mention),
/// unless a recent mention already covers the pronoun: of the latest such person, or of
/// the latest whose gender agrees with the pronoun's when the latest's does not.
pub(super) fn link(doc: &Doc, mut timeline: Vec<(usize, usize)>, out: &mut FoundActors) {
    let tokens = doc.tokens;
    let sentences = doc.sentences;
    timeline.sort_unstable();
    let genders = actor_genders(doc, &timeline, out);
    let sent_of = |tok: usize| sentences.partition_point(|r| r.1 <= tok);
    for (i, tok) in tokens.iter().enumerate() {
        if !doc.has(i, C_PRON) {
            continue;
        }
        let Some(&(lt, latest)) = latest_before(&timeline, i, |m| m.0) else {
            continue;
        };
        let near = |t: usize| sent_of(i).saturating_sub(sent_of(t)) <= REACH;
        if !near(lt)
            || out
                .mentions
                .iter()
                .rev()
                .take(8)
                .any(|m| m.span.overlaps(&tok.span))
        {
            continue;
        }
        let g = gender::pronoun(doc.word(i));
        let agrees = |a: usize| gender::agrees(genders.get(a).copied().flatten(), g);
        let actor = if agrees(latest) {
            latest
        } else {
            timeline[..timeline.partition_point(|m| m.0 < i)]
                .iter()
                .rev()
                .take_while(|m| near(m.0))
                .find(|m| agrees(m.1))
                .map_or(latest, |m| m.1)
        };
        out.mentions.push(Found {
            span: tok.span,
            actor,
        });
    }
}

/// Each actor's gender, by actor index: for a person, its name's given name or surname
/// ending, else what an honorific before one of its mentions says (`Mrs. Berg`).
fn actor_genders(doc: &Doc, timeline: &[(usize, usize)], out: &FoundActors) -> Vec<Option<Gender>> {
    let mut genders: Vec<Option<Gender>> = out
        .actors
        .iter()
        .map(|(name, kind)| {
            let words: Vec<&str> = name.split_whitespace().collect();
            (*kind == ActorKind::Person)
                .then(|| gender::of_name(&words))
                .flatten()
        })
        .collect();
    for &(tok, a) in timeline {
        // only where the name says nothing: a surname linked to the wrong full name
        // would carry its honorific over, `Mr. Obama` onto Michelle Obama (and a known
        // gender needs no look at the words before the mention)
        let Some(slot @ None) = genders.get_mut(a) else {
            continue;
        };
        *slot = [tok.checked_sub(1), Some(tok)]
            .into_iter()
            .flatten()
            .filter(|&t| t < doc.tokens.len())
            .find_map(|t| gender::honorific(doc.word(t)));
    }
    genders
}
