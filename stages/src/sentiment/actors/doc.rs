//! What every actor pass reads and writes: the document's tokens and their analysis
//! ([`Doc`]), and the actors and mentions found so far ([`FoundActors`]).

use pipeline_core::{ActorKind, Span, Token};

use crate::sentiment::analysis::TokInfo;
use crate::sentiment::gazetteer::Gazetteer;

/// One mention found in a document.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The mention's text.
    pub(crate) span: Span,
    /// Index into the actor list.
    pub(crate) actor: usize,
}

/// The actors of a document and their mentions (unsorted).
#[derive(Debug, Default)]
pub(crate) struct FoundActors {
    /// Each actor's canonical name and kind.
    pub(crate) actors: Vec<(String, ActorKind)>,
    /// Every mention, with the index of its actor.
    pub(crate) mentions: Vec<Found>,
}

/// The document as the passes read it: its tokens, their analysis, and the gazetteer.
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) toks: &'a [TokInfo],
    /// The sentences as token index ranges.
    pub(super) sentences: &'a [(usize, usize)],
    pub(super) gaz: &'a Gazetteer,
    /// Each token's word hash without a possessive suffix ([`TokInfo::base`]).
    pub(super) hashes: Vec<u64>,
    /// Each token's gazetteer word classes.
    pub(super) cls: Vec<u16>,
}

impl<'a> Doc<'a> {
    /// A dateline (`KARACHI —`, `WASHINGTON (Reuters) -`, `ISLAMABAD:`) or a transcript
    /// label (`WALLACE:`): a name in capitals at the start of a line, before a dash, a
    /// bracket, a comma or a colon. A dateline says where the story was filed, a label who
    /// speaks the turn after it (the quotes stage's business); neither is an actor of the
    /// text.
    pub(super) fn is_dateline(&self, start: usize, end: usize) -> bool {
        let line_start = start == 0
            || self
                .text
                .get(self.tokens[start - 1].span.end..self.tokens[start].span.start)
                .is_some_and(|gap| gap.contains('\n'));
        // the cheap tests first: most names do not start a line
        line_start
            && end < self.tokens.len()
            && (start..end).all(|i| {
                let w = self.word(i);
                w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
            })
            && matches!(self.word(end), "—" | "–" | "-" | "(" | "," | ":")
    }

    /// Token `i` as written.
    pub(super) fn word(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.text)
    }

    /// Bytes of token `i`'s possessive suffix, 0 when none.
    pub(super) fn poss(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| t.poss)
    }

    /// The end of token `i` without a possessive suffix.
    pub(super) fn end_of(&self, i: usize) -> usize {
        self.tokens[i].span.end - usize::from(self.poss(i))
    }

    /// Token `i` has one of the word classes `c`.
    pub(super) fn has(&self, i: usize, c: u16) -> bool {
        self.cls.get(i).is_some_and(|x| x & c != 0)
    }
}

/// True when `w` starts with an uppercase letter.
pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}
