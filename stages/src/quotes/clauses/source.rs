//! Source phrases (`according to X, …`, `as per the statement by X`) and statement nouns
//! with their author and a `that` clause (`the charge by X that …`).

use crate::quotes::analysis::{conf_of, Analyzer, Mention, MentionKind};
use crate::quotes::lexicon::{class, list};
use crate::quotes::wordmap::lower_eq;

impl Analyzer<'_> {
    /// A source phrase (`according to X`) starting at token `i`: its speaker and the
    /// phrase's token range.
    #[inline]
    pub(in crate::quotes) fn phrase_at(
        &self,
        i: usize,
        hi: usize,
    ) -> Option<(Mention, (usize, usize))> {
        if !self.has_class(i, class::PHRASE) {
            return None;
        }
        self.phrase_from(i, hi)
    }

    /// [`Self::phrase_at`] past its quick check (token `i` may open a phrase): kept out of
    /// line, as most tokens fail that check.
    pub(in crate::quotes) fn phrase_from(
        &self,
        i: usize,
        hi: usize,
    ) -> Option<(Mention, (usize, usize))> {
        if i >= hi {
            return None;
        }
        // (the first word, lowercased once for every phrase: on the stack when it is
        // short ASCII, as nearly all are)
        let word = self.word(i);
        let mut stack = [0u8; 32];
        let mut heap = String::new();
        let first = match stack.get_mut(..word.len()).filter(|_| word.is_ascii()) {
            Some(buf) => {
                buf.copy_from_slice(word.as_bytes());
                buf.make_ascii_lowercase();
                std::str::from_utf8(buf).ok()?
            }
            None => {
                crate::text::lowercase_into(&mut heap, word);
                heap.as_str()
            }
        };
        let starts = self.lex.phrase_starts.get(first)?;
        'phrases: for ph in starts.iter().filter_map(|&k| self.lex.phrases.get(k)) {
            for (k, w) in ph.iter().enumerate().skip(1) {
                if i + k >= hi || !lower_eq(self.word(i + k), w) {
                    continue 'phrases;
                }
            }
            let end = i + ph.len();
            let np = self
                .mention_at(end, hi)
                .or_else(|| self.source_words(end, hi))?;
            // `citing officials` names a source; `citing statistics about …` is a speech
            // act with its object (left to the verb)
            let act = self.has_class(i, class::ACT)
                && np.kind == MentionKind::Desc
                && !self.has_class(
                    np.end - 1,
                    class::ROLE | class::GROUP | class::AGENT | class::ORG | class::NOUN,
                );
            if act {
                return None;
            }
            return Some((np, (i, end)));
        }
        None
    }

    /// Any short run of words after a source phrase, up to a comma or the sentence end
    /// (`according to early returns.`, `according to a report in the Register,`).
    pub(in crate::quotes) fn source_words(&self, start: usize, hi: usize) -> Option<Mention> {
        let mut j = start;
        while j < hi && j < start + 8 && self.tokens[j].word && !self.in_quote(j) {
            j += 1;
        }
        let ends = j >= hi || matches!(self.punct(j), ',' | '.' | '!' | '?' | ';');
        (j > start && ends && !self.has_class(start, class::STOP)).then_some(Mention {
            start,
            end: j,
            kind: MentionKind::Desc,
        })
    }

    // ---------------------------------------------------------------- indirect speech

    /// A statement noun with its author and a `that` clause: `the charge by X that …`;
    /// the clause (with its `that`) is attributed to the author.
    pub(in crate::quotes) fn noun_clause(&mut self, i: usize, hi: usize) -> bool {
        // (a possessive author, `X’s claim that …`, was measured: half of what it finds is
        // not annotated, and it costs as much as it gains)
        if self.word(i + 1) != "by" {
            return false;
        }
        let Some(np) = self.mention_at(i + 2, hi) else {
            return false;
        };
        let t = np.end;
        if t + 3 >= hi || self.word(t) != "that" || self.in_quote(t) {
            return false;
        }
        // (`the statement that was released`: a relative clause, no content)
        let next = self.word(t + 1);
        let verb = self.in_list(t + 1, list::STATEMENT_RELATIVE_VERB)
            || (next.ends_with("ed") && !self.tokens[t + 1].cap);
        if verb {
            return false;
        }
        let end = self.clause_end(t + 1, hi);
        if end < t + 3 {
            return false;
        }
        self.emit_clause(t, end, np, (i, i + 1), conf_of(np.kind, 0.7));
        true
    }

    /// `according to X, …` at the start, or `…, according to X.` at the end.
    pub(in crate::quotes) fn phrase_clause(
        &mut self,
        np: Mention,
        cue: (usize, usize),
        lo: usize,
        hi: usize,
    ) {
        let mut k = np.end;
        // `as per the statement by Mr. X (Foreign Minister, Pakistan) during a meeting …,`
        // (`In addition, according to X, …`, `(According to X, …`: past a short opener)
        let opener = cue.0 > lo + 1
            && cue.0 <= lo + 4
            && matches!(self.punct(cue.0 - 1), ',' | '(')
            && (lo..cue.0 - 1).all(|j| {
                self.has_class(j, class::STOP | class::FILLER | class::TIME)
                    || self.in_list_lower(j, list::CONNECTIVE)
            });
        let fronted = cue.0 == lo
            || opener
            || (cue.0 > lo && matches!(self.punct(cue.0 - 1), ',' | '“' | '"' | '('))
                && self.punct(cue.0 - 1) != ',';
        if fronted {
            while k < hi {
                if self.punct(k) == '(' {
                    while k < hi && self.punct(k) != ')' {
                        k += 1;
                    }
                }
                // (not the comma of `1,000` or of `April, 2021`)
                let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
                let number = self.tokens.get(k + 1).is_some_and(|t| {
                    t.number && (t.start == self.tokens[k].end || year(self.word(k + 1)))
                });
                if self.punct(k) == ',' && !number {
                    break;
                }
                k += 1;
            }
            if k + 1 < hi {
                let end = self.clause_end(k + 1, hi);
                self.emit_clause(k + 1, end, np, cue, conf_of(np.kind, 0.82));
            }
        } else if cue.0 > lo && self.punct(cue.0 - 1) == ',' {
            // `X, according to Y, is …`: the whole sentence, the source inside
            let mid = (np.end..hi.min(np.end + 14))
                .find(|&j| self.punct(j) == ',' && self.finite(j + 1) && !self.tokens[j + 1].cap);
            if let Some(j) = mid {
                let end = self.clause_end(j + 1, hi);
                self.emit_clause(lo, end, np, cue, conf_of(np.kind, 0.75));
                return;
            }
            self.emit_clause(lo, cue.0 - 1, np, cue, conf_of(np.kind, 0.8));
        }
    }
}
