//! Special constructions: label verbs with a quoted label (`called it “a disgrace”`),
//! appearances (`seems to`), polls as sources, fronted participles and `Asked …` questions.

use crate::quotes::analysis::{conf_of, Analyzer, Attribution, Mention, MentionKind, NONE};
use crate::quotes::lexicon::{class, list};
use pipeline_core::QuoteKind;

impl Analyzer<'_> {
    /// A label verb with a quoted label in its object: one partial quote from the verb's
    /// object (or from `what`/`which`/`whom` before the speaker) to the label's end, with
    /// coordinated labels (`“illegals” and “thugs”`) and the head noun after it
    /// after it (`what she calls her “breaking barriers” agenda`). True when it emitted.
    pub(in crate::quotes) fn label_clause(
        &mut self,
        c: usize,
        np: Mention,
        lo: usize,
        hi: usize,
    ) -> bool {
        let person = np.kind != MentionKind::Desc
            || self.has_class(np.end - 1, class::ROLE | class::GROUP | class::AGENT);
        if !person {
            return false;
        }
        let mut k = c + 1;
        // `called on X to resign`: an appeal, X and what X should do
        if self.word(k) == "on" {
            let to = (k + 2..(k + 9).min(hi)).find(|&j| self.word(j) == "to");
            let appeal = to.is_some_and(|j| {
                self.tokens.get(j + 1).is_some_and(|t| {
                    t.word && !t.cap && t.classes & (class::DET | class::STOP) == 0
                }) && (k + 1..j).all(|m| self.tokens[m].word || self.name_hyphen(m))
            });
            if appeal {
                let end = self.clause_end(k + 1, hi);
                self.emit_clause(k + 1, end, np, (c, k + 1), conf_of(np.kind, 0.6));
                return true;
            }
            return false;
        }
        if self.word(k) == "for" {
            return false;
        }
        let end = self.clause_end(k, hi).min(k + 25);
        let Some(first) = (k..end).find_map(|j| self.quote_opening_at(j)) else {
            return self.unquoted_label(c, k, end, np);
        };
        let mut q = self.quotes[first];
        if self.quote_done[first] {
            return false;
        }
        let mut last = q.close;
        self.quote_done[first] = true;
        // `“illegals” and “thugs”`, `“weak,” “disappointing”`
        loop {
            let mut j = last + 1;
            while j < hi
                && (matches!(self.punct(j), ',') || self.in_list(j, list::PHRASE_COORDINATOR))
            {
                j += 1;
            }
            match self.quote_opening_at(j) {
                Some(n) if j > last + 1 && !self.quote_done[n] && self.quotes[n].close < hi => {
                    q = self.quotes[n];
                    self.quote_done[n] = true;
                    last = q.close;
                }
                _ => break,
            }
        }
        let mut e = last + 1;
        while e < hi && e < last + 2 && self.modifier_word(e) && !self.has_class(e, class::AGENT) {
            e += 1;
        }
        if e > last + 1 && !(e >= hi || !self.tokens[e].word || self.has_class(e, class::STOP)) {
            e = last + 1;
        }
        let rel = np.start > lo && self.in_list(np.start - 1, list::OBJECT_RELATIVE);
        if rel {
            k = np.start - 1;
        }
        self.cue_used[c] = true;
        self.push_reported_tokens(QuoteKind::Partial, (k, e), np, c, 0.6);
        true
    }

    /// A label without quotation marks after a pronoun object: `called [him a liar]`,
    /// `dubbed [it reckless]` (not `called him on Monday`, `called them back`).
    pub(in crate::quotes) fn unquoted_label(
        &mut self,
        c: usize,
        k: usize,
        end: usize,
        np: Mention,
    ) -> bool {
        let object = self.in_list(k, list::OBJECT_PRONOUN);
        let complement = self.tokens.get(k + 1).is_some_and(|t| {
            t.word && t.classes & (class::STOP | class::TIME | class::THAT) == 0 && !t.number
        }) && !self.in_list(k + 1, list::OBJECT_PARTICLE);
        if !object || !complement || end < k + 2 {
            return false;
        }
        self.cue_used[c] = true;
        self.push_reported_tokens(QuoteKind::Indirect, (k, end), np, c, 0.5);
        true
    }

    /// An appearance or expectation at `c` (`the plan seems to work`, `she is expected
    /// to win`): the whole clause, from its start (after a comma or a conjunction, or its
    /// relative pronoun) to its end, without a speaker.
    pub(in crate::quotes) fn appearance(&mut self, c: usize, lo: usize, hi: usize) {
        let mut s = c;
        if self.in_list(c, list::EXPECTATION) {
            // `is expected to`: a form of `be` before, `to` after
            let mut b = c;
            if b > lo && self.word(b - 1).ends_with("ly") {
                b -= 1;
            }
            let be = b > lo && self.in_list(b - 1, list::BE_FORM);
            if !be || self.word(c + 1) != "to" {
                return;
            }
            s = b - 1;
        } else if self.in_list(c + 1, list::APPEARANCE_PLACE)
            || !self.tokens.get(c + 1).is_some_and(|t| t.word && !t.cap)
        {
            return;
        }
        // back to the clause start
        let mut a = s;
        while a > lo {
            let j = a - 1;
            let tj = self.tokens[j];
            if self.in_quote(j) || (!tj.word && !matches!(tj.punct, '-' | '\'' | '’')) {
                break;
            }
            if self.in_list(j, list::RELATIVE_WORD) {
                a = j;
                break;
            }
            if self.in_list(j, list::CLAUSE_CONJUNCTION)
                || self.has_class(j, class::CUE | class::PHRASE)
            {
                break;
            }
            a = j;
        }
        if a + 1 > s {
            return;
        }
        let end = self.clause_end(c + 1, hi);
        if end < c + 2 {
            return;
        }
        if let Some((cs, ce)) = self.byte_range(a, end) {
            self.add_attr(Attribution {
                content_start: cs,
                content_end: ce,
                kind: QuoteKind::Indirect,
                speaker: None,
                cue: Some((s, c + 1)),
                confidence: 0.5,
                join: false,
                sep: false,
            });
        }
    }

    /// A poll or survey that opens its sentence as the source of what follows: `In a
    /// CBS News poll released Monday, [half of the voters backed the plan].`
    pub(in crate::quotes) fn poll_source(&mut self, i: usize, hi: usize) -> bool {
        let limit = (i + 14).min(hi);
        let Some(comma) = (i + 1..limit).find(|&j| self.punct(j) == ',') else {
            return false;
        };
        if (i + 1..comma).any(|j| self.in_quote(j) || matches!(self.punct(j), ';' | ':')) {
            return false;
        }
        let Some(head) = (i + 1..comma).find(|&j| self.in_list_lower(j, list::POLL)) else {
            return false;
        };
        let end = self.clause_end(comma + 1, hi);
        // (not when the clause has a speaker of its own: `In the poll, 42% say …`)
        if end < comma + 4 || (comma + 1..end).any(|j| self.is_cue_word(j)) {
            return false;
        }
        let np = Mention {
            start: i + 1,
            end: head + 1,
            kind: MentionKind::Desc,
        };
        self.emit_clause(comma + 1, end, np, (i, i + 1), 0.6);
        true
    }

    /// A speech participle opening the sentence, its `that` clause, then the speaker
    /// after the comma: `Noting that turnout fell, Okafor added …` (the noted clause is
    /// attributed to Okafor).
    pub(in crate::quotes) fn fronted_participle(&mut self, i: usize, hi: usize) -> bool {
        let tk = self.tokens[i];
        if tk.classes & class::SPEECH == 0
            || !self.word(i).ends_with("ing")
            || self.word(i + 1) != "that"
        {
            return false;
        }
        let Some(comma) =
            (i + 3..(i + 40).min(hi)).find(|&j| self.punct(j) == ',' && !self.in_quote(j))
        else {
            return false;
        };
        let Some(np) = self.mention_at(comma + 1, hi) else {
            return false;
        };
        // the subject is followed by its verb (`Okafor added`, `she said`)
        let verb = self
            .tokens
            .get(np.end)
            .is_some_and(|t| t.word && !t.cap && t.classes & class::STOP == 0);
        if !verb || (i + 2..comma).any(|j| self.in_quote(j)) {
            return false;
        }
        self.emit_clause(i + 1, comma, np, (i, i + 1), conf_of(np.kind, 0.6));
        true
    }

    /// A poll named after the finding it reports, at the end of its sentence: `Kasich
    /// was at 25 percent in the latest Fox poll.`, `Trump leads by 9 points, 42%-33%, in
    /// the RealClearPolitics average of recent polls.` The finding (from the sentence
    /// start) is the content; the poll is the source.
    pub(in crate::quotes) fn trailing_poll(&mut self, i: usize, lo: usize, hi: usize) -> bool {
        // the phrase runs to the sentence end
        let Some(stop) =
            (i + 1..(i + 16).min(hi)).find(|&j| self.punct(j) != '\0' && self.punct(j) != '-')
        else {
            return false;
        };
        if !matches!(self.punct(stop), '.' | '!' | '?') {
            return false;
        }
        // one named or specific poll (`the latest Fox poll`, `a survey from …`, `the
        // RealClearPolitics average`), not the polls in general (`leads in the polls`)
        let Some(head) = (i + 1..stop).find(|&j| self.in_list_lower(j, list::POLL_HEAD)) else {
            return false;
        };
        let specific =
            (i + 1..head).any(|j| self.tokens[j].cap || self.in_list(j, list::POLL_MODIFIER));
        if !specific
            || (i + 1..head).any(|j| self.word(j) == "to")
            || (head + 1..stop).any(|j| self.finite(j) || self.is_cue_word(j))
        {
            return false;
        }
        if (i + 1..stop).any(|j| self.in_quote(j)) {
            return false;
        }
        // the finding: the sentence before `in`, without a comma before `in`, with no
        // attribution of its own
        let mut a = lo;
        while a < i && !self.tokens[a].word {
            a += 1;
        }
        let mut b = i;
        if b > a && self.punct(b - 1) == ',' {
            b -= 1;
        }
        if b < a + 3
            || (a..b).any(|j| self.in_quote(j) || self.cue_used[j] || self.is_cue_word(j))
            || self
                .attrs
                .iter()
                .any(|at| at.cue.is_some_and(|(c, _)| c >= lo && c < hi))
        {
            return false;
        }
        let np = Mention {
            start: i + 1,
            end: head + 1,
            kind: MentionKind::Desc,
        };
        self.emit_clause(a, b, np, (i, i + 1), 0.6);
        true
    }

    /// A question put to the speaker, with no asker named: `Asked whether …, X said`,
    /// `When asked about …,`, `…, he said when asked if …`: the question (from its
    /// `whether`, `if`, wh-word or `about`) to its comma, without a speaker (the
    /// interviewer is not named; `Asked by X whether …`, which names the asker, is left
    /// out: the seed articles do not annotate it).
    pub(in crate::quotes) fn asked_clause(&mut self, i: usize, lo: usize, hi: usize) -> bool {
        let opens = i == lo
            || self.in_list(i - 1, list::ASKED_WHEN)
            || (self.in_list(i - 1, list::ASKED_IF) && (i - 1 == lo || self.punct(i - 2) == ','))
            || (self.punct(i - 1) == ',' && self.word(i).starts_with('A'));
        if !opens {
            return false;
        }
        // (time and place adjuncts first: `Asked on Monday whether …`, `Asked in Iowa
        // recently about …`)
        let mut k = i + 1;
        while k < hi && k < i + 7 && self.tokens[k].word && !self.in_quote(k) {
            let w = self.word(k);
            // (`Asked by X whether …`: the asker is named, a speaker this rule cannot give)
            if w == "by" || self.has_class(k, class::CUE | class::THAT) {
                return false;
            }
            if self.in_list(k, list::ASKED_OPENER) {
                break;
            }
            k += 1;
        }
        if k >= hi || k >= i + 7 || !self.tokens[k].word || self.in_quote(k) {
            return false;
        }
        let Some(end) = (k + 1..hi).find(|&j| matches!(self.punct(j), ',' | '.' | ';' | '?'))
        else {
            return false;
        };
        // `Asked whether X “has the integrity …,” 75 percent said`: a fragment inside,
        // closing with the comma
        let (end, kind) = match self.asked_fragment(k, end, hi) {
            Some(e) => (e, QuoteKind::Partial),
            None => (end, QuoteKind::Indirect),
        };
        if end < k + 2 || (kind == QuoteKind::Indirect && (k..end).any(|j| self.in_quote(j))) {
            return false;
        }
        let Some((cs, ce)) = self.byte_range(k, end) else {
            return false;
        };
        if kind == QuoteKind::Partial {
            for j in k..end {
                if let Some(&q) = self.quote_of_token.get(j).filter(|&&q| q != NONE) {
                    if let Some(d) = self.quote_done.get_mut(q as usize) {
                        *d = true;
                    }
                }
            }
        }
        self.add_attr(Attribution {
            content_start: cs,
            content_end: ce,
            kind,
            speaker: None,
            cue: Some((i, i + 1)),
            confidence: 0.5,
            join: false,
            sep: false,
        });
        self.cue_used[i] = true;
        true
    }

    /// The end of an `Asked whether …` clause at `k` whose first punctuation `end` falls
    /// inside a quote that closes with a comma (`Asked if X is “ready to serve,” most
    /// said …`): past that quote's closing mark.
    pub(in crate::quotes) fn asked_fragment(
        &self,
        k: usize,
        end: usize,
        hi: usize,
    ) -> Option<usize> {
        let qi = *self.quote_of_token.get(end).filter(|&&q| q != NONE)? as usize;
        let q = self.quotes.get(qi)?;
        // (the quote opens inside the clause, after its first words)
        // (not a title: `an appearance on “CBS This Morning,”`)
        let inside =
            q.open > k + 1 && q.close + 1 < hi && !self.quote_done[qi] && !self.named_work(q);
        let comma = self.punct(q.close) == ','
            || self.punct(q.close.saturating_sub(1)) == ','
            || self.punct(q.close + 1) == ',';
        (inside && comma && (k..q.open).all(|j| !self.in_quote(j))).then_some(q.close + 1)
    }
}
