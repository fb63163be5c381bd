//! Recording attributions: direct, partial and indirect quotes with their content bytes,
//! splitting reported content at its quoted fragments, and the final filters (named works,
//! nested indirect quotes).

use super::analysis::{conf_of, Analyzer, Attribution, Mention, MentionKind, NONE};
use super::lexicon::{class, list};
use crate::text::is_paired_quote_mark;
use pipeline_core::QuoteKind;

impl Analyzer<'_> {
    /// Drops the direct quotes that a later pass made of a work's title (`the show
    /// “Night Desk,”`, `’s “Today”`): [`Self::direct`] leaves them, the others may not.
    pub(super) fn drop_named_works(&mut self) {
        let mut drop = vec![false; self.attrs.len()];
        for qi in 0..self.quotes.len() {
            let q = self.quotes[qi];
            let Some(&at) = self.quote_attr.get(qi) else {
                continue;
            };
            if at == NONE || !self.named_work(&q) {
                continue;
            }
            let (cs, ce) = self.quote_content(&q);
            if let Some(a) = self.attrs.get(at as usize) {
                if a.kind == QuoteKind::Direct && a.content_start == cs && a.content_end == ce {
                    drop[at as usize] = true;
                }
            }
        }
        if drop.iter().any(|&d| d) {
            // the new index of each attribution kept
            let mut new_at = vec![NONE; drop.len()];
            let mut kept = 0u32;
            for (i, &d) in drop.iter().enumerate() {
                if !d {
                    new_at[i] = kept;
                    kept += 1;
                }
            }
            let mut i = 0;
            self.attrs.retain(|_| {
                i += 1;
                !drop[i - 1]
            });
            for a in &mut self.quote_attr {
                *a = new_at.get(*a as usize).copied().unwrap_or(NONE);
            }
        }
    }

    /// Drops indirect quotes nested in the content of another attribution (`X said that
    /// [Y believes …]`): the outer one holds them.
    pub(super) fn drop_nested(&mut self) {
        let mut order: Vec<usize> = (0..self.attrs.len())
            .filter(|&i| matches!(self.attrs[i].kind, QuoteKind::Indirect | QuoteKind::Partial))
            .collect();
        order.sort_by_key(|&i| {
            (
                self.attrs[i].content_start,
                std::cmp::Reverse(self.attrs[i].content_end),
            )
        });
        let mut drop = vec![false; self.attrs.len()];
        let mut reach = 0usize;
        for &i in &order {
            let at = self.attrs[i];
            if at.kind == QuoteKind::Indirect && reach >= at.content_end {
                drop[i] = true;
            }
            reach = reach.max(at.content_end);
        }
        let mut k = 0;
        self.attrs.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }

    // ---------------------------------------------------------------- quotation marks

    /// Records an attribution (and its speaker, for later participles in its sentence).
    pub(super) fn add_attr(&mut self, mut at: Attribution) {
        if self.lex.reported {
            at.speaker = at.speaker.map(|np| self.appositive_name(np));
        }
        if let Some(np) = at.speaker {
            if let Some(t) = self.tokens.get(np.start) {
                self.sentence_speakers.push((t.sentence, np));
            }
        }
        self.attrs.push(at);
    }

    /// Records quote `qi` as a direct (or partial) quote with its speaker and cue: its
    /// content is the text between the marks; a quote already attributed is left alone.
    pub(super) fn push_quote(
        &mut self,
        qi: usize,
        kind: QuoteKind,
        np: Option<Mention>,
        cue: Option<(usize, usize)>,
        conf: f32,
    ) {
        let Some(q) = self.quotes.get(qi).copied() else {
            return;
        };
        let (cs, ce) = self.quote_content(&q);
        if ce <= cs {
            return;
        }
        self.quote_done[qi] = true;
        self.quote_attr[qi] = self.attrs.len() as u32;
        if let Some((a, b)) = cue {
            for k in a..b.min(self.cue_used.len()) {
                self.cue_used[k] = true;
            }
        }
        self.add_attr(Attribution {
            content_start: cs,
            content_end: ce,
            kind,
            speaker: np,
            cue,
            confidence: conf,
            join: false,
            sep: false,
        });
    }

    // ---------------------------------------------------------------- speaker mentions

    /// Emits reported content `a..b` (tokens): indirect, or partial quotes when it holds
    /// quoted fragments, or the direct quote it wholly is.
    pub(super) fn emit_clause(
        &mut self,
        a: usize,
        b: usize,
        np: Mention,
        cue: (usize, usize),
        conf: f32,
    ) {
        let b = b.min(self.tokens.len());
        // (one word only as the object after the cue: `endorsed [Cruz]`, `praised [her]`)
        let one = b == a + 1
            && a >= cue.1
            && self
                .tokens
                .get(a)
                .is_some_and(|t| t.word && (t.cap || t.classes & class::PRON != 0));
        if b < a + 2 && !one {
            return;
        }
        // quotes inside
        let mut inside: Vec<usize> = Vec::new();
        let mut k = a;
        while k < b {
            if let Some(qi) = self.quote_opening_at(k) {
                let q = self.quotes[qi];
                if q.close < b + 1 {
                    if self.quote_done[qi] {
                        // already attributed: the clause stops before it
                        return self.emit_clause(a, k, np, cue, conf);
                    }
                    inside.push(qi);
                    k = q.close + 1;
                    continue;
                }
            }
            k += 1;
        }
        for k in cue.0..cue.1.min(self.cue_used.len()) {
            self.cue_used[k] = true;
        }
        if inside.is_empty() {
            if let Some((cs, ce)) = self.byte_range(a, b) {
                self.push_reported(QuoteKind::Indirect, (cs, ce), np, cue, conf);
            }
            return;
        }
        // the whole content is one quote: direct
        if inside.len() == 1 {
            let q = self.quotes[inside[0]];
            let lead = (a..q.open).all(|j| !self.tokens[j].word);
            let trail = (q.close + 1..b).all(|j| !self.tokens[j].word);
            if lead && trail {
                self.push_quote(
                    inside[0],
                    QuoteKind::Direct,
                    Some(np),
                    Some(cue),
                    conf + 0.1,
                );
                return;
            }
        }
        // partial: one segment per coordinated fragment
        let mut seg_start = a;
        // (a later cue before a fragment reports it: `X denied it, dismissing [Y as “…”]`,
        // `… “…” and Trump calling [it a “…”]`): the words before it end there
        let (mut np, mut cue) = (np, cue);
        let mut framed = false;
        for (n, &qi) in inside.iter().enumerate() {
            let q = self.quotes[qi];
            self.quote_done[qi] = true;
            let from = if n == 0 {
                a + 2
            } else {
                self.quotes[inside[n - 1]].close + 1
            };
            if let Some((j, inner, head, start)) = self.inner_cue(from.max(seg_start + 2), q.open) {
                self.cue_used[j] = true;
                let mut e = head;
                while e > seg_start
                    && ((!self.tokens[e - 1].word && !is_paired_quote_mark(self.punct(e - 1)))
                        || self.in_list(e - 1, list::INNER_CUE_LINK))
                {
                    e -= 1;
                }
                if let Some((cs, ce)) = self.byte_range(seg_start, e) {
                    if framed {
                        self.push_reported(QuoteKind::Partial, (cs, ce), np, cue, conf);
                    } else if e >= seg_start + 3 {
                        self.push_reported(QuoteKind::Indirect, (cs, ce), np, cue, conf);
                    }
                }
                seg_start = start;
                np = inner.unwrap_or(np);
                cue = (j, j + 1);
            }
            framed = true;
            let next = inside.get(n + 1).map(|&x| self.quotes[x]);
            let seg_end = match next {
                Some(nq) => {
                    let gap = q.close + 1..nq.open;
                    let conj = gap.clone().find(|&j| self.in_list(j, list::COORDINATOR));
                    // (coordinated verbs, `“…” and considers it “…”`; not coordinated
                    // clauses or fragments, `that “…” and that “…”`, `“…” and “…”`)
                    // (a new act of saying: `“…” and called it “…”`; not more of the
                    // same clause, `that X is a “…” of elites, and that she would “…”`)
                    match conj
                        .filter(|&cj| self.verb_after_conj(cj + 1) && self.cue_after_conj(cj + 1))
                    {
                        Some(cj) => {
                            let end = q.close + 1;
                            if let Some((cs, ce)) = self.byte_range(seg_start, end) {
                                self.push_reported(QuoteKind::Partial, (cs, ce), np, cue, conf);
                            }
                            framed = false;
                            // the reported words start after the verb (and its `that`)
                            let mut v = cj + 1;
                            if self.has_class(v, class::PRON) {
                                v += 1;
                            }
                            seg_start = if self.has_class(v + 1, class::THAT) {
                                v + 2
                            } else {
                                v + 1
                            };
                            continue;
                        }
                        None => continue,
                    }
                }
                None => b,
            };
            if let Some((cs, ce)) = self.byte_range(seg_start, seg_end) {
                self.push_reported(QuoteKind::Partial, (cs, ce), np, cue, conf);
            }
        }
    }

    /// A verb at `k`, or a pronoun and its verb (`and considers`, `and he vowed`).
    pub(super) fn verb_after_conj(&self, k: usize) -> bool {
        let k = if self.has_class(k, class::PRON) {
            k + 1
        } else {
            k
        };
        let Some(t) = self.tokens.get(k) else {
            return false;
        };
        let w = self.word(k);
        t.word
            && !t.cap
            && !self.in_quote(k)
            && t.classes & (class::THAT | class::DET | class::STOP | class::PRON) == 0
            && (t.classes & (class::CUE | class::ACT | class::LABEL) != 0
                || self.finite(k)
                || w.ends_with("ing")
                || (w.ends_with('s') && !w.ends_with("ss")))
    }

    /// A cue inside reported content `a..open` that reports the fragment opening at
    /// `open` itself: the last verb of saying or labelling before it, after a comma, a
    /// conjunction or a subject of its own (`…, adding that “…”`, `and Trump calling it
    /// “…”`, `when he claimed X was “…”`). Its token, its own subject if any, where the
    /// words before it end and where the reported words start.
    #[allow(clippy::type_complexity)]
    pub(super) fn inner_cue(
        &self,
        from: usize,
        open: usize,
    ) -> Option<(usize, Option<Mention>, usize, usize)> {
        let j = (from..open).rev().find(|&j| {
            self.tokens[j].word
                && !self.tokens[j].cap
                && !self.in_quote(j)
                && self.has_class(j, class::SPEECH | class::TELL | class::LABEL | class::ACT)
        })?;
        // (`which is an outcome, he said, “…”`: a parenthetical attribution)
        if self.punct(j + 1) == ',' || self.noun_use(j) || self.possessed(j) {
            return None;
        }
        // (a name's verb has a verb's form: not `Clinton emails`, `the Nice attack`)
        let w = self.word(j);
        let verbal = self.finite(j) || w.ends_with("ing") || self.in_list(j, list::NAME_VERB_FORM);
        let inner = self
            .bare_mention_before(j, from.saturating_sub(2))
            .filter(|n| n.end == j && n.start >= from.saturating_sub(2))
            .filter(|n| n.kind == MentionKind::Pron || (n.kind == MentionKind::Name && verbal));
        let joined = self.punct(j - 1) == ',' || self.in_list(j - 1, list::INNER_CUE_JOINER);
        if !joined && inner.is_none() {
            return None;
        }
        // `which he called [“…”]`: the relative opens the reported words
        let head = inner.map_or(j, |n| n.start);
        let rel = head > from.saturating_sub(2) && self.in_list(head - 1, list::RELATIVE_PRONOUN);
        let head = if rel { head - 1 } else { head };
        Some((j, inner, head, if rel { head } else { j + 1 }))
    }

    /// A verb of saying or labelling at `k`, or a pronoun and one (`and called it`, `and
    /// he vowed`): a new speech act, not more of the same reported clause.
    pub(super) fn cue_after_conj(&self, k: usize) -> bool {
        let k = if self.has_class(k, class::PRON) {
            k + 1
        } else {
            k
        };
        self.has_class(k, class::CUE | class::ACT | class::LABEL)
    }

    /// Reported content over the tokens `from..to` (none if that is empty), with the
    /// one-token cue `c` and the confidence [`conf_of`]`(np.kind, base)`.
    pub(super) fn push_reported_tokens(
        &mut self,
        kind: QuoteKind,
        (from, to): (usize, usize),
        np: Mention,
        c: usize,
        base: f32,
    ) {
        if let Some(content) = self.byte_range(from, to) {
            self.push_reported(kind, content, np, (c, c + 1), conf_of(np.kind, base));
        }
    }

    /// Reported content, `(start, end)` in bytes: `Indirect` without quoted words,
    /// `Partial` holding some; with its speaker and cue.
    pub(super) fn push_reported(
        &mut self,
        kind: QuoteKind,
        (cs, ce): (usize, usize),
        np: Mention,
        cue: (usize, usize),
        conf: f32,
    ) {
        self.add_attr(Attribution {
            content_start: cs,
            content_end: ce,
            kind,
            speaker: Some(np),
            cue: Some(cue),
            confidence: conf,
            join: false,
            sep: false,
        });
    }
}
