//! Speaker inheritance: a full-sentence quote next to an attributed one, or right after a
//! sentence that attributes something, takes that speaker.

use crate::text::is_paired_quote_mark;
use pipeline_core::QuoteKind;

use super::analysis::{Analyzer, Attribution, Mention, MentionKind, NONE};
use super::lexicon::list;

impl Analyzer<'_> {
    /// A full-sentence quote right after a sentence that attributes something without
    /// quoting it takes that speaker (`She said the talks
    /// failed. “We tried everything.”`): a quote of its own.
    pub(super) fn after_attribution(&mut self) {
        // the last attribution whose speaker and cue lie in each sentence (one pass, so
        // the whole search stays linear)
        let mut last_in: Vec<u32> = vec![NONE; self.sentences.len()];
        for (i, at) in self.attrs.iter().enumerate() {
            if let Some(s) = self.attr_sentence(at) {
                last_in[s] = i as u32;
            }
        }
        for qi in 0..self.quotes.len() {
            let q = self.quotes[qi];
            if self.quote_done[qi] || !q.double || q.dash || q.open == 0 {
                continue;
            }
            let last = q.close.saturating_sub(1);
            let ends = matches!(self.punct(last), '.' | '?' | '!') || self.word(last) == "...";
            let words = (q.open + 1..q.close)
                .filter(|&j| self.tokens[j].word)
                .count();
            let prev = q.open - 1;
            // (in its paragraph, or opening the next one)
            let opens = matches!(self.punct(prev), '.' | '?' | '!') && !self.in_quote(prev);
            if !ends || words < 4 || !opens || self.words_after_close(&q) {
                continue;
            }
            let sent = self.tokens[prev].sentence as usize;
            let Some(src) = last_in.get(sent).and_then(|&i| self.attrs.get(i as usize)) else {
                continue;
            };
            let src = *src;
            let before = self.attrs.len();
            self.push_quote(qi, QuoteKind::Direct, src.speaker, src.cue, 0.5);
            if self.attrs.len() > before {
                last_in[sent] = before as u32;
            }
            // (after a quotation of the same speaker, it carries that quotation on)
            let quoted = src.kind != QuoteKind::Indirect;
            if let Some(last) = self.attrs.last_mut() {
                last.join = quoted;
                last.sep = !quoted;
            }
        }
    }

    /// `“Why now?” Mills writes back, “You look cute.”`: after a quote that ends its
    /// sentence, the words from `j` are the attribution of the next quote, opening after
    /// their comma or colon with a capital, not of this one.
    pub(super) fn cue_opens_next(&self, qi: usize, j: usize) -> bool {
        let (Some(q), Some(nq)) = (self.quotes.get(qi), self.quotes.get(qi + 1)) else {
            return false;
        };
        let last = q.close.saturating_sub(1);
        if !matches!(self.punct(last), '?' | '!' | '.') || nq.dash || nq.open <= j + 1 {
            return false;
        }
        if nq.open > j + 8 || !matches!(self.punct(nq.open - 1), ',' | ':') {
            return false;
        }
        let plain = (j..nq.open - 1).all(|k| !matches!(self.punct(k), '.' | '?' | '!' | ';' | ','));
        let cue = (j..nq.open - 1).any(|k| self.is_cue_word(k));
        let first = (nq.open + 1..nq.close).find(|&k| self.tokens[k].word);
        plain && cue && first.is_some_and(|f| self.tokens[f].cap)
    }

    /// A cue at `c` chained to an attribution earlier in its sentence (`X said before
    /// adding:`, `X said …, and then predicted:`, `X said on “Show,” adding,`): that
    /// attribution's speaker.
    pub(super) fn chained_cue(&self, c: usize) -> Option<Mention> {
        let mut k = c;
        let mut links = 0;
        while k > 0 && links < 2 && self.in_list(k - 1, list::CHAIN_LINK) {
            k -= 1;
            links += 1;
        }
        // (`on “Morning Show,” adding`: after a title closing with its comma)
        let after_title = links == 0
            && k >= 2
            && self.punct(k - 2) == ','
            && is_paired_quote_mark(self.punct(k - 1))
            && self.in_quote(k - 2);
        if links == 0 && !after_title {
            return None;
        }
        if links > 0 && k > 0 && self.punct(k - 1) == '.' {
            return None;
        }
        let sent = self.tokens.get(c)?.sentence;
        self.sentence_speakers
            .iter()
            .rev()
            .find(|&&(s, n)| s == sent && n.end <= k)
            .map(|&(_, n)| n)
    }

    /// Between two quotes (tokens `a..b`), a whole sentence of at least four words other
    /// than the one holding the cue: narrative (`“A,” Vole said. The hall went quiet.
    /// “B.”`), not only the attribution.
    pub(super) fn narrative_between(
        &self,
        cue: Option<(usize, usize)>,
        a: usize,
        b: usize,
    ) -> bool {
        let Some(cue_sent) = cue.and_then(|c| self.tokens.get(c.0)).map(|t| t.sentence) else {
            return false;
        };
        let mut s = match self.tokens.get(a) {
            Some(t) => t.sentence as usize,
            None => return false,
        };
        while let Some(&(ss, se)) = self.sentences.get(s) {
            if ss >= b || se > b {
                break;
            }
            let words = (ss.max(a)..se).filter(|&j| self.tokens[j].word).count();
            let lower = (ss.max(a)..se).any(|j| self.tokens[j].word && !self.tokens[j].cap);
            if s as u32 != cue_sent && ss >= a && words >= 4 && lower {
                return true;
            }
            s += 1;
        }
        false
    }

    /// The sentence holding both the speaker and the cue of `at`, if one does.
    pub(super) fn attr_sentence(&self, at: &Attribution) -> Option<usize> {
        let (n, c) = (at.speaker?, at.cue?);
        let s = self.tokens.get(n.start)?.sentence as usize;
        let &(a, b) = self.sentences.get(s)?;
        (n.start >= a && n.end <= b && c.0 >= a && c.1 <= b).then_some(s)
    }

    /// A full-sentence quote next to an attributed one takes its speaker
    /// (`“A,” he said. “B.”`).
    pub(super) fn inherit(&mut self) {
        let nq = self.quotes.len();
        for qi in 0..nq {
            if self.quote_done[qi] {
                continue;
            }
            let q = self.quotes[qi];
            if !q.double || q.dash || self.named_work(&q) {
                continue;
            }
            // a sentence or more: opens a sentence and ends with sentence punctuation
            let last = q.close.saturating_sub(1);
            let ends =
                matches!(self.punct(last), '.' | '?' | '!' | ',') || self.word(last) == "...";
            let words = (q.open + 1..q.close)
                .filter(|&j| self.tokens[j].word)
                .count();
            let para = self.tokens[q.open].paragraph;
            let same_para_prev = qi > 0 && self.tokens[self.quotes[qi - 1].close].paragraph == para;
            if words == 0 || (!same_para_prev && (!ends || words < 4)) {
                continue;
            }
            // the previous quote, attributed, in this paragraph or the one before (past
            // at most two short unattributed ones, such as a title)
            let Some(mut p) = qi.checked_sub(1) else {
                continue;
            };
            for _ in 0..2 {
                let pq = self.quotes[p];
                let short = pq.close < pq.open + 8;
                if self.quote_done[p] || !short || p == 0 {
                    break;
                }
                p -= 1;
            }
            let pq = self.quotes[p];
            if !self.quote_done[p]
                || self.tokens[pq.close].paragraph + 1 < para
                || q.open > pq.close + 80
            {
                continue;
            }
            let Some(src) = self.attrs.get(self.quote_attr[p] as usize).copied() else {
                continue;
            };
            let same_para = self.tokens[pq.close].paragraph == para;
            let opens_para = q.open == 0 || self.tokens[q.open - 1].paragraph != para;
            // only the attribution between the two quotes, or a new paragraph that opens
            // with the quote
            let between = (pq.close + 1..q.open)
                .filter(|&j| self.tokens[j].word)
                .count();
            // a long attribution (`said X, co-director of …`) is fine when it is one sentence
            let one_sentence = (pq.close + 1..q.open.saturating_sub(1))
                .all(|j| !matches!(self.punct(j), '.' | '!' | '?' | ';'));
            let limit = if one_sentence { 60 } else { 25 };
            if (!same_para && !opens_para) || (same_para && between > limit) {
                continue;
            }
            // a title named in the attribution (`“A,” she said on the show “Late Hour.”`,
            // `he told “Morning News”`) follows a word, not a comma or a colon: a name,
            // not more of the speech (`…, and “B”` still carries it on)
            let w = self.word(q.open - 1);
            if same_para
                && q.open > pq.close + 1
                && self.tokens[q.open - 1].word
                && !self.in_list(q.open - 1, list::COORDINATING)
                && !w.ends_with('.')
            {
                continue;
            }
            if !same_para
                && (pq.close + 1..q.open).any(|j| {
                    self.tokens[j].paragraph != self.tokens[pq.close].paragraph
                        && self.tokens[j].paragraph != para
                })
            {
                continue;
            }
            // a sentence in between about someone else (`“A,” Vole said. Ames disagreed.
            // “B.”`): the quote after it is not Vole's
            let src_word = src.speaker.map(|n| self.word(n.end - 1));
            let other = (pq.close + 2..q.open).any(|j| {
                matches!(self.punct(j - 1), '.' | '!' | '?')
                    && self.mention_at(j, q.open).is_some_and(|n| {
                        matches!(n.kind, MentionKind::Name | MentionKind::Pron)
                            && Some(self.word(n.end - 1)) != src_word
                            && (n.end..q.open.min(n.end + 3))
                                .any(|v| self.tokens[v].word && !self.tokens[v].cap)
                    })
            });
            if other && src.speaker.is_some_and(|n| n.kind == MentionKind::Name) {
                continue;
            }
            // (a narrative sentence after the attribution, `“A,” Vole said. The hall went
            // quiet. “B.”`: the same speaker, but a quote of its own)
            let narrative = same_para && self.narrative_between(src.cue, pq.close + 1, q.open);
            // (`« A », a-t-elle dit. « B. »` in a language that splits turns: a quote of
            // its own, same speaker)
            // (`„A?“ „B.“`: a quote that ends its sentence inside its marks, right before
            // the next one, is a turn of its own too)
            let turn = self.lex.split_turns
                && (pq.close.saturating_sub(1)..q.open)
                    .any(|j| matches!(self.punct(j), '.' | '!' | '?'));
            // (`„A?“, fragte Anna den Wirt. „B.“`: a reply is someone else's)
            let speaker = turn
                .then(|| self.reply_speaker(p, qi, &src))
                .flatten()
                .or(src.speaker);
            self.push_quote(
                qi,
                QuoteKind::Direct,
                speaker,
                src.cue,
                (src.confidence - 0.1).max(0.3),
            );
            if let Some(last) = self.attrs.last_mut() {
                last.join = same_para && !narrative && !turn;
                last.sep = narrative || turn;
            }
        }
    }
}
