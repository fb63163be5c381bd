//! Embedded and partial fragments: a quotation inside a sentence whose cue comes earlier
//! (`X said the plan was “a disaster”`).

use super::analysis::{conf_of, Analyzer};
use super::lexicon::{class, list};
use pipeline_core::QuoteKind;

impl Analyzer<'_> {
    /// A quote inside a sentence whose cue comes earlier: a partial quote.
    pub(super) fn embedded(&mut self, qi: usize) {
        let q = self.quotes[qi];
        if q.dash || q.open == 0 {
            return;
        }
        // `…, of Tampa, Fla. “She …”`: a capitalised quote of a sentence or more after an
        // abbreviation that ends the sentence opens a sentence of its own (see `inherit`)
        let last = q.close.saturating_sub(1);
        let first = (q.open + 1..q.close).find(|&j| self.tokens[j].word);
        if self.tokens[q.open - 1].word
            && self.word(q.open - 1).ends_with('.')
            && first.is_some_and(|f| self.tokens[f].cap)
            && matches!(self.punct(last), '.' | '?' | '!')
        {
            return;
        }
        // titles (`“War and Peace”`) are not statements
        let words = || (q.open + 1..q.close).filter(|&j| self.tokens[j].word);
        let title_case = words().all(|j| {
            self.tokens[j].cap || self.has_class(j, class::CONN | class::STOP | class::DET)
        });
        if title_case && words().nth(1).is_some() {
            return;
        }
        // a one-word title after a possessive or a name (`told NBC’s “Today”`)
        let owner =
            self.in_list(q.open - 1, list::POSSESSIVE_CLITIC) || self.is_name_word(q.open - 1);
        if title_case && owner {
            return;
        }
        if self.embedded_cue(qi) || self.quote_done[qi] {
            return;
        }
        // no speech verb: the sentence's subject and verb (`Rubio bemoaned the climate in
        // which people “literally hate each other”`)
        let (lo, hi) = self.sentence_range(q.open);
        // titles (`“Gifted Hands”`) and one-word scare quotes are not statements
        let words: Vec<usize> = (q.open + 1..q.close)
            .filter(|&j| self.tokens[j].word)
            .collect();
        let title_case = words
            .iter()
            .all(|&j| self.tokens[j].cap || self.has_class(j, class::CONN | class::STOP));
        if words.len() < 2 || title_case {
            return;
        }
        if let Some((np, v)) = self.sentence_subject(lo, q.open) {
            if !self.verbish(v) {
                return;
            }
            let start = if self.has_class(v + 1, class::THAT) {
                v + 2
            } else {
                v + 1
            };
            if start <= q.open && q.open - start < 30 {
                let end = self.clause_end(start, hi.max(q.close + 1)).max(q.close + 1);
                // `…, saying …`: a participle after a comma opens a clause of its own
                let end = (q.close + 1..end)
                    .find(|&j| {
                        self.word(j).ends_with("ing")
                            && self.has_class(j, class::CUE)
                            && (self.punct(j - 1) == ','
                                || (j == q.close + 1 && self.punct(j - 2) == ','))
                    })
                    .unwrap_or(end);
                if let Some((cs, ce)) = self.byte_range(start, end) {
                    self.quote_done[qi] = true;
                    self.push_reported(
                        QuoteKind::Partial,
                        (cs, ce),
                        np,
                        (v, v + 1),
                        conf_of(np.kind, 0.5),
                    );
                }
            }
        }
    }

    /// [`Self::embedded`] with a cue word before the quote; true when it decided.
    pub(super) fn embedded_cue(&mut self, qi: usize) -> bool {
        let q = self.quotes[qi];
        let (lo, _) = self.sentence_range(q.open);
        let floor = q.open.saturating_sub(40).max(lo);
        let mut k = q.open;
        while k > floor {
            k -= 1;
            if self.in_quote(k) {
                continue;
            }
            let tk = self.tokens[k];
            if tk.classes & class::NOUN != 0 && !tk.cap {
                // `a statement … by X that …“…”`: the name closest before the clause
                let mut m = q.open;
                let mut by = false;
                for j in k + 1..q.open {
                    if self.in_list(j, list::STATEMENT_SOURCE_PREPOSITION) {
                        by = true;
                    }
                    if by && self.has_class(j, class::THAT) {
                        m = j;
                        break;
                    }
                }
                if by {
                    if let Some(np) = self.mention_before(m, k + 1) {
                        self.push_quote(qi, QuoteKind::Partial, Some(np), Some((k, k + 1)), 0.7);
                        return true;
                    }
                }
                continue;
            }
            let verb = tk.classes & (class::SPEECH | class::TELL | class::BELIEF) != 0;
            if verb && tk.word && !tk.cap {
                let gerund =
                    self.word(k).ends_with("ing") || (k > lo && self.word(k - 1).ends_with("ing"));
                // `X called her “weak” and said …`: the subject of a coordinated verb
                let coord = k > lo + 1 && self.in_list(k - 1, list::VERB_COORDINATOR);
                let np = self
                    .speaker_before(k, lo)
                    .or_else(|| self.clause_subject(k, lo))
                    .or_else(|| gerund.then(|| self.nearest_name(k, lo)).flatten())
                    // `X landed in trouble by saying …`: the sentence's subject
                    .or_else(|| {
                        gerund
                            .then(|| self.sentence_subject(lo, k))
                            .flatten()
                            .filter(|&(_, v)| self.verbish(v))
                            .map(|(np, _)| np)
                    })
                    .or_else(|| {
                        coord
                            .then(|| self.sentence_subject(lo, k - 1).map(|(np, _)| np))
                            .flatten()
                    });
                let Some(np) = np else { return true };
                // the reported words: after the verb (and its `that`) to the clause end
                let (_, hi) = self.sentence_range(q.open);
                let mut start = k + 1;
                if let Some(th) =
                    (k + 1..q.open.min(k + 9)).find(|&j| self.has_class(j, class::THAT))
                {
                    start = th + 1;
                }
                let end = self.clause_end(start, hi.max(q.close + 1)).max(q.close + 1);
                let conf = conf_of(np.kind, 0.7);
                if let Some((cs, ce)) = self.byte_range(start, end) {
                    self.quote_done[qi] = true;
                    self.cue_used[k] = true;
                    self.push_reported(QuoteKind::Partial, (cs, ce), np, (k, k + 1), conf);
                }
                return true;
            }
        }
        false
    }
}
