//! Where reported content ends: the clause end, breaks after quoted words, coordinated
//! acts, subordinate and relative clauses, a new attribution, adjuncts after the cue.

use crate::quotes::analysis::{Analyzer, NONE};
use crate::quotes::lexicon::{class, list};
use crate::text::is_paired_quote_mark;

impl Analyzer<'_> {
    /// Content after `from` to the end of the sentence, cut before `, adding …` and
    /// stretched to the end of a quote that opens inside it.
    pub(in crate::quotes) fn clause_end(&self, from: usize, hi: usize) -> usize {
        let mut k = from;
        let mut end = hi;
        // (content holding quoted words keeps its partial quotes whole: no break before
        // the last quoted word)
        let last_quoted = (from..hi).rev().find(|&j| self.in_quote(j));
        // `While X said […], Y …`, `Y, who said […], …`: the clause holding the cue ends
        // at its comma
        let sub = self.fronted_subordinate(from) || self.in_relative(from);
        // (`that if X, Y said …`: the comma closes the reported clause's own fronted clause)
        let fronted = self.opens_subordinate(from);
        while k < hi {
            // (past the quoted words, a coordinated clause still belongs to them: `“A”
            // and she B`, `“A”, but rather B`)
            let quoted = last_quoted.is_some_and(|l| {
                k <= l
                    || self.word(k) == "and"
                    || self.word(k + 1) == "and"
                    || self.word(k + 2) == "rather"
            });
            let inner = !quoted && sub;
            // `…; …`, `…, but …`, `…, and he …`: a new clause
            if k > from + 1 && !quoted && self.clause_break(k) {
                end = k;
                break;
            }
            if self.punct(k) == ',' && (self.is_cue_word(k + 1) && !self.tokens[k + 1].cap) {
                end = k;
                break;
            }
            // `…, and Y said …`, `… while Y argued …`: another attribution begins
            let joint = self.punct(k) == ',' || self.in_list(k, list::ATTRIBUTION_CONJUNCTION);
            if !quoted && k > from + 1 && joint && !fronted && self.new_attribution(k) {
                end = k;
                break;
            }
            if self.punct(k) == ','
                && (inner && k > from + 1 || self.phrase_at(k + 1, hi).is_some())
            {
                end = k;
                break;
            }
            // `… and said …`, `… and threatening …`, `…, before adding …`
            let conj = self.in_list(k, list::VERB_COORDINATOR) && !self.in_quote(k);
            if conj && k > from + 2 && self.is_cue_word(k + 1) && !self.tokens[k + 1].cap {
                end = k;
                break;
            }
            // `X said […] and criticized him for …`: a speech act coordinated with the cue
            // (not a passive inside the content, `was arrested and accused of …`)
            if conj && k > from + 2 && self.coordinated_act(k + 1) {
                end = k;
                break;
            }
            if self.punct(k) == ','
                && k > from + 2
                && self.in_list(k + 1, list::SUBORDINATE_AFTER_COMMA)
            {
                end = k;
                break;
            }
            if last_quoted.is_some() && !quoted && k > from + 1 && self.after_quote_break(k) {
                end = k;
                break;
            }
            k += 1;
        }
        // a quote that opens inside the content and closes past the sentence
        if end == hi && hi > from {
            let last = hi - 1;
            if let Some(&qi) = self.quote_of_token.get(last) {
                if qi != NONE {
                    if let Some(q) = self.quotes.get(qi as usize) {
                        if q.open >= from && !q.dash {
                            end = end.max(q.close + 1);
                        }
                    }
                }
            }
        }
        end
    }

    /// Past the last quoted word of reported content, a token that ends the content: a
    /// spaced dash (`he was “encouraged” by the plan — a modest boost …`), or after a comma
    /// an appositive (`…, a charge that …`), a relative clause (`…, who will face …`) or a
    /// participle (`…,” referring to …`): the writer's words about the quote, not the
    /// speaker's.
    pub(in crate::quotes) fn after_quote_break(&self, k: usize) -> bool {
        let Some(t) = self.tokens.get(k) else {
            return false;
        };
        if self.in_quote(k) {
            return false;
        }
        let spaced = self.text.get(..t.start).is_some_and(|s| s.ends_with(' '));
        let dash = !t.word
            && (matches!(t.punct, '—' | '–') || spaced && matches!(self.word(k), "-" | "--"));
        // the word after a comma: `…, X` or, with the comma inside the marks, `…,” X`
        let after_comma = if t.punct == ',' {
            Some(k + 1)
        } else if k >= 2 && is_paired_quote_mark(self.punct(k - 1)) && self.punct(k - 2) == ',' {
            Some(k)
        } else {
            None
        };
        // (`…, a charge that …`, `…, who …`, and the writer's participle, `…,” referring
        // to …`, `…,” adding that …`)
        let writer = |j: usize| {
            let w = self.word(j);
            self.in_list(j, list::WRITER_COMMENT_OPENER)
                || w.len() > 5
                    && w.ends_with("ing")
                    && self.tokens.get(j).is_some_and(|t| t.word && !t.cap)
                    && !self.in_list(j, list::NON_PARTICIPLE_ING)
        };
        dash || after_comma.is_some_and(writer)
    }

    /// A finite speech act right after a conjunction (`and criticized him`), not a
    /// passive participle (`and accused of`, `and praised by`).
    pub(in crate::quotes) fn coordinated_act(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| {
            t.word && !t.cap && t.classes & class::ACT != 0 && t.classes & class::CUE == 0
        }) && self.word(k).ends_with("ed")
            && !self.in_list(k + 1, list::PASSIVE_PREPOSITION)
    }

    /// The sentence holding `from` opens with a subordinate clause (`While`, `Although`,
    /// `If`, `When`, `Because`…) that has no comma before `from`.
    pub(in crate::quotes) fn fronted_subordinate(&self, from: usize) -> bool {
        let (lo, _) = self.sentence_range(from);
        let mut j = lo;
        while j < from && (!self.tokens[j].word || self.in_list(j, list::SENTENCE_CONJUNCTION)) {
            j += 1;
        }
        let sub = self.in_list_lower(j, list::FRONTED_SUBORDINATOR);
        sub && !(j..from).any(|x| matches!(self.punct(x), ',' | ';' | ':'))
    }

    /// `from` lies in a relative clause opened after a comma (`Y, who said …`).
    pub(in crate::quotes) fn in_relative(&self, from: usize) -> bool {
        let (lo, _) = self.sentence_range(from);
        let mut j = from;
        while j > lo && !matches!(self.punct(j - 1), ',' | ';' | ':') {
            j -= 1;
        }
        j > lo && self.punct(j - 1) == ',' && self.in_list(j, list::RELATIVE_AFTER_COMMA)
    }

    /// A token that opens a new clause after reported content: a semicolon, `, but`
    /// (not `, but that`) and `, and` before a pronoun.
    pub(in crate::quotes) fn clause_break(&self, k: usize) -> bool {
        match self.punct(k) {
            ';' => true,
            ',' => match self.word(k + 1) {
                // (`, but that …`: a second reported clause of the same verb)
                "but" => self.word(k + 2) != "that",
                "and" => self.has_class(k + 2, class::PRON),
                _ => false,
            },
            _ => false,
        }
    }

    /// From `k`, after an attribution at the end of its sentence: an object and
    /// prepositional adjuncts (`told reporters on Monday`, `said in a statement`), with
    /// an appositive after a comma when `appos` (`said Jo Lee, a historian at Yale`).
    /// Returns where they end, or `k` when what follows is no such tail.
    pub(in crate::quotes) fn adjunct_tail(&self, k: usize, hi: usize, appos: bool) -> usize {
        let limit = if appos { 30 } else { 12 };
        let prep =
            |j: usize| self.in_list(j, list::ADJUNCT_PREPOSITION) || self.has_class(j, class::TIME);
        let mut j = k;
        // (not a clause going on after the name: `X, including Y, said the plan …`)
        if appos && j < hi && !matches!(self.punct(j), '.' | '!' | '?' | ',' | '(') && !prep(j) {
            return k;
        }
        if !appos {
            // an addressee (`told reporters`, `told the Associated Press`) first
            if k > 0 && self.has_class(k - 1, class::TELL) {
                while j < hi && j < k + 5 && self.tokens[j].word && !prep(j) {
                    j += 1;
                }
            }
            if j < hi && !matches!(self.punct(j), '.' | '!' | '?') && !prep(j) {
                return k;
            }
        }
        while j < hi && j < k + limit {
            let tj = self.tokens[j];
            if matches!(tj.punct, '.' | '!' | '?') {
                return j;
            }
            if self.in_quote(j) || is_paired_quote_mark(tj.punct) {
                return k;
            }
            if tj.punct == ',' && !appos {
                return k;
            }
            // `…, said Jo Lee, a historian at Yale, who notes …`: a relative clause closes
            // the appositive
            if tj.punct == ',' && self.in_list(j + 1, list::RELATIVE_WHO) {
                return hi;
            }
            if tj.word && !tj.cap {
                let bad = tj.classes & (class::THAT | class::PRON | class::CUE) != 0
                    || (self.finite(j) && !appos);
                if bad {
                    return k;
                }
            }
            j += 1;
        }
        if j >= hi {
            hi
        } else {
            k
        }
    }

    /// The end of the addressee of a `tell` verb starting at `k` (`him`, `reporters`, `The
    /// Star-Ledger of Newark`, `TheBlaze founder Glenn Beck`).
    pub(in crate::quotes) fn addressee_end(&self, k: usize, hi: usize) -> Option<usize> {
        if self.in_list(k, list::ADDRESSEE_PRONOUN) {
            return Some(k + 1);
        }
        if let Some(obj) = self.mention_at(k, hi) {
            if self.tokens[obj.start].classes & class::PRON == 0 {
                // (`told the paper she …`: the pronoun opens the clause)
                let e = (obj.start + 1..obj.end)
                    .find(|&j| self.has_class(j, class::PRON) && !self.tokens[j].cap)
                    .unwrap_or(obj.end);
                return Some(e);
            }
        }
        // a few words up to a subject pronoun (`told a local radio station she …`) or a
        // subject with its verb (`told reporters this was …`)
        let mut j = k;
        while j < hi && j < k + 6 && self.tokens[j].word && !self.in_quote(j) {
            if self.has_class(j, class::PRON) {
                return (j > k).then_some(j);
            }
            let subject = self.in_list(j, list::TOLD_CLAUSE_SUBJECT);
            if j > k && subject && self.subject_then_finite(j, hi) {
                return Some(j);
            }
            if self.has_class(j, class::THAT | class::CUE)
                || (!self.tokens[j].cap && self.finite(j))
            {
                return None;
            }
            j += 1;
        }
        None
    }

    /// The reported clause at `from` opens with a subordinator (`[that] if …`).
    pub(in crate::quotes) fn opens_subordinate(&self, from: usize) -> bool {
        let f = if self.has_class(from, class::THAT) {
            from + 1
        } else {
            from
        };
        self.in_list_lower(f, list::CLAUSE_SUBORDINATOR)
    }

    /// After the comma or conjunction at `k`, a speaker and their speech verb (`, and the
    /// treasurer said`, `while critics argue`).
    pub(in crate::quotes) fn new_attribution(&self, k: usize) -> bool {
        let mut s = k + 1;
        if self.in_list(s, list::ATTRIBUTION_CONJUNCTION) {
            s += 1;
        }
        let mut j = s + 1;
        while j < s + 10 && j < self.tokens.len() {
            if self.in_quote(j) || matches!(self.punct(j), ',' | '.' | ';' | ':' | '!' | '?') {
                return false;
            }
            if self.is_cue_word(j) && !self.tokens[j].cap {
                return self.speaker_before(j, s).is_some_and(|np| np.start == s);
            }
            j += 1;
        }
        false
    }

    /// A subject pronoun, an auxiliary or a negated verb: a clause has begun.
    pub(in crate::quotes) fn opens_clause(&self, k: usize) -> bool {
        let w = self.word(k);
        self.in_list(k, list::SUBJECT_PRONOUN)
            || self.is_auxiliary(w)
            || w.ends_with("n't")
            || w.ends_with("n’t")
    }

    /// A clause opening with a bare lowercase subject: a contracted pronoun (`it’s`,
    /// `they’re`) or a noun followed by a finite verb (`history has shown …`, `allies
    /// wanted …`).
    pub(in crate::quotes) fn bare_subject(&self, k: usize) -> bool {
        let Some(first) = self.tokens.get(k) else {
            return false;
        };
        if !first.word || first.cap || self.has_class(k, class::STOP | class::TIME | class::CUE) {
            return false;
        }
        let w = self.word(k);
        if let Some((head, _)) = w.split_once(['’', '\'']) {
            return self.lex.classes(head) & class::PRON != 0;
        }
        let Some(next) = self.tokens.get(k + 1) else {
            return false;
        };
        if !next.word || next.cap {
            return false;
        }
        self.finite(k + 1)
    }

    /// A few words from `k` up to a lowercase finite verb (`this was`, `her group never
    /// worked`, `about half of the cuts were`): a subject and its verb, not an object
    /// (`the story he had heard` stops at its pronoun).
    pub(in crate::quotes) fn subject_then_finite(&self, k: usize, hi: usize) -> bool {
        let mut j = k + 1;
        while j < hi && j < k + 11 {
            let Some(t) = self.tokens.get(j) else {
                return false;
            };
            if self.in_quote(j) {
                return false;
            }
            if t.word && !t.cap && self.finite(j) {
                return true;
            }
            let ok = (t.word || matches!(t.punct, '-' | '%'))
                && !(t.word && !t.cap && t.classes & (class::THAT | class::CUE | class::PRON) != 0);
            if !ok {
                return false;
            }
            j += 1;
        }
        false
    }
}
