//! Replies in a dialogue: a quote that answers a question in the quote before it (a
//! turn of its own, see [`super::languages::QuoteLanguage::split_turns`]) is not the
//! asker's. It is the person the question's cue addressed (`„Wo warst du?“, fragte Anna
//! den Wirt. „Im Keller.“`, `sagte X zu Y`), else the other of the two most recent
//! speakers (`„A?“, fragte Anna. „B“, sagte Paul. „C?“ „D.“`: D is Anna's).

use super::analysis::{Analyzer, Attribution, Mention, MentionKind};
use super::lexicon::list;

/// How many quotes back the other speaker of a dialogue may be.
const LOOK_BACK: usize = 6;

/// How many tokens back (from the question) the other speaker of a dialogue may be.
const LOOK_BACK_TOKENS: usize = 400;

/// How many tokens after its cue an addressee may start.
const ADDRESSEE_REACH: usize = 8;

impl Analyzer<'_> {
    /// The speaker of the quote that follows quote `p` (attributed by `src`) as a turn of
    /// its own (quote `qi`), when that quote answers a question: the addressee of `p`'s
    /// cue, else the speaker before `src`'s; or when the exchange already alternates
    /// ([`Self::alternating`]). `None` otherwise, or when no one else is known.
    pub(super) fn reply_speaker(&self, p: usize, qi: usize, src: &Attribution) -> Option<Mention> {
        let pq = *self.quotes.get(p)?;
        let asks = (pq.close.saturating_sub(2)..pq.close).any(|j| self.punct(j) == '?');
        let asker = src.speaker?;
        if pq.dash {
            return None;
        }
        if !asks {
            return self.alternating(p, qi);
        }
        if let Some(m) = src.cue.and_then(|cue| self.addressee(cue, asker)) {
            return Some(m);
        }
        // (an exchange that already alternates goes on alternating)
        if let Some(m) = self.alternating(p, qi) {
            return Some(m);
        }
        if asker.kind == MentionKind::Pron {
            return src.cue.and_then(|cue| self.other_party(cue, asker));
        }
        if !matches!(asker.kind, MentionKind::Name | MentionKind::Desc) {
            return None;
        }
        let asker_word = self.word(asker.end - 1);
        (p.saturating_sub(LOOK_BACK)..p)
            .rev()
            .filter(|&k| self.quote_done[k] && self.quotes[k].close + LOOK_BACK_TOKENS > pq.open)
            .filter_map(|k| self.attrs.get(self.quote_attr[k] as usize)?.speaker)
            .find(|m| {
                matches!(m.kind, MentionKind::Name | MentionKind::Desc)
                    && self.word(m.end - 1) != asker_word
            })
    }

    /// Whom the cue `cue` addresses, after it and its speaker `asker` in the same clause:
    /// the noun phrase an addressee word opens (`zu seinem Diener`, `den Wirt`), as a
    /// capitalised name or description. Pronouns (`zu ihm`) are left out.
    fn addressee(&self, cue: (usize, usize), asker: Mention) -> Option<Mention> {
        let from = cue.1.max(if asker.start >= cue.1 {
            asker.end
        } else {
            cue.1
        });
        let hi = (from + ADDRESSEE_REACH).min(self.tokens.len());
        let stop = (from..hi)
            .find(|&j| !self.tokens[j].word || self.in_quote(j))
            .unwrap_or(hi);
        let at = (from..stop).find(|&j| self.in_list_lower(j, list::ADDRESSEE))?;
        // (past its articles and lowercase modifiers: `zu seinem alten Diener`)
        let head = (at + 1..stop).find(|&j| self.tokens[j].cap)?;
        let m = self.mention_at(head, stop)?;
        matches!(m.kind, MentionKind::Name | MentionKind::Desc).then_some(m)
    }

    /// In German (`capitalised_nouns`), the other party of a question asked by a
    /// pronoun: the first name or description before the cue `cue` in its sentence, in
    /// a clause of its own before the cue's comma (`Als ihn ein Arzt zur Rede stellte,
    /// sagte er: „…?“ „…“`: the reply is the doctor's).
    fn other_party(&self, cue: (usize, usize), asker: Mention) -> Option<Mention> {
        if !self.lex.capitalised_nouns || asker.start < cue.1 {
            return None;
        }
        let (lo, _) = self.sentence_range(cue.0);
        let comma = (lo..cue.0).rev().find(|&k| self.punct(k) == ',')?;
        (lo..comma)
            .filter(|&k| k == lo || !self.tokens[k - 1].word || !self.tokens[k - 1].cap)
            .find_map(|k| self.mention_at(k, comma))
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Desc))
    }

    /// In an exchange that already alternates (quote `p` a reply to quote `p - 1`: the
    /// same cue, another speaker, as [`Self::reply_speaker`] leaves it), the speaker of
    /// `p - 1` for quote `qi` right after `p` with nothing but punctuation between
    /// (`„A?“, fragte X den Y. „B.“ „C?“`: C is X's).
    fn alternating(&self, p: usize, qi: usize) -> Option<Mention> {
        let o = p.checked_sub(1)?;
        let (pq, q) = (self.quotes[p], self.quotes[qi]);
        let bare = q.open > pq.close && (pq.close + 1..q.open).all(|j| !self.tokens[j].word);
        if !self.quote_done[o] || !self.quote_done[p] || !bare {
            return None;
        }
        let attr = |k: usize| self.attrs.get(self.quote_attr[k] as usize);
        let (a, b) = (attr(o)?, attr(p)?);
        let (before, last) = (a.speaker?, b.speaker?);
        let reply = a.cue.is_some() && a.cue == b.cue;
        (reply && self.word(before.end - 1) != self.word(last.end - 1)).then_some(before)
    }
}
