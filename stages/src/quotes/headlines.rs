//! Speaker labels (`VOLE: …` in transcripts) and headlines that name their source
//! (`Vole: Tax Plan ‘Will Fail’`, `Mayor Says Roads Will Reopen`).

use super::analysis::{conf_of, Analyzer, Mention, MentionKind};
use super::lexicon::{class, list};
use crate::text::is_paired_quote_mark;

impl Analyzer<'_> {
    /// A paragraph opening with its speaker's name and a colon, as in transcripts and
    /// summaries (`JAKE TAPPER: Donald Trump released a video.`, `Lewandowski: FBI
    /// director acted as judge`): the rest of the paragraph is the speaker's.
    pub(super) fn speaker_labels(&mut self) {
        let n = self.tokens.len();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            let para = self.tokens[i].paragraph;
            let mut end = i;
            while end < n && self.tokens[end].paragraph == para {
                end += 1;
            }
            if para > 0 {
                if let Some(c) = self.speaker_label(i, end) {
                    found.push((i, c, end));
                }
            }
            i = end;
        }
        // an all-caps label is a speaker only in a transcript, where such labels come
        // back (`ISLAMABAD:` opening a dispatch is a dateline)
        let caps = |a: &Self, s: usize, c: usize| {
            (s..c).all(|j| !a.word(j).chars().any(char::is_lowercase))
        };
        let transcript = found.iter().filter(|&&(s, c, _)| caps(self, s, c)).count() >= 2;
        for &(s, c, end) in &found {
            if caps(self, s, c) && !transcript {
                continue;
            }
            let np = Mention {
                start: s,
                end: c,
                kind: MentionKind::Name,
            };
            let mut e = end;
            while e > c + 1 && matches!(self.punct(e - 1), '.' | ',' | ';') {
                e -= 1;
            }
            self.emit_clause(c + 1, e, np, (c, c + 1), 0.55);
        }
    }

    /// The colon of a paragraph `s..end` that opens with a speaker label.
    pub(super) fn speaker_label(&self, s: usize, end: usize) -> Option<usize> {
        let c = (s + 1..end.min(s + 6)).find(|&j| self.punct(j) == ':')?;
        if self.in_quote(c) || end < c + 5 || self.punct(end - 1) == '?' {
            return None;
        }
        // every word of the label is a name word (`JAKE TAPPER`, `Lewandowski`, `Q`)
        let label = (s..c).all(|j| self.is_name_word(j) && !self.has_class(j, class::TIME));
        let known =
            (s..c).any(|j| self.lex.classes(&self.word(j).to_lowercase()) & class::NOLABEL != 0);
        (label && !known).then_some(c)
    }

    /// A headline that names its source before a colon (`Vole: Tax Plan ‘Will Fail’`):
    /// what follows the colon is the source's statement, partial when it holds a quote.
    pub(super) fn headline(&mut self) {
        let n = self.tokens.len();
        let hi = (0..n).find(|&j| self.tokens[j].paragraph != 0).unwrap_or(n);
        let Some(c) = (1..hi.min(8)).find(|&j| self.punct(j) == ':') else {
            return;
        };
        let mut end = hi;
        while end > c + 1 && matches!(self.punct(end - 1), '.' | ',' | ';') {
            end -= 1;
        }
        // `Poll: …?` and all-caps labels (`BREAKING: …`) are not statements
        if end < c + 4 || self.punct(end - 1) == '?' {
            return;
        }
        let label = (0..c).any(|j| {
            let w = self.word(j);
            self.tokens[j].word && w.chars().count() > 1 && !w.chars().any(char::is_lowercase)
        });
        // (`Breaking: …`, `Just Leaked: …`: a kicker, no source)
        let kicker = (0..c).any(|j| self.has_class(j, class::NOLABEL));
        if label || kicker || self.has_class(0, class::DET | class::STOP) {
            return;
        }
        let Some(np) = self.mention_at(0, c) else {
            return;
        };
        if np.kind != MentionKind::Name || np.end != c {
            return;
        }
        self.emit_clause(c + 1, end, np, (c, c + 1), 0.6);
    }

    /// The end of a first paragraph written in title case (`Mayor Says Roads Will
    /// Reopen`), or 0: most of its longer words are capitalised.
    pub(super) fn title_case_headline(&self) -> usize {
        let end = self
            .tokens
            .iter()
            .position(|t| t.paragraph != 0)
            .unwrap_or(self.tokens.len());
        let (mut caps, mut long) = (0, 0);
        for k in 0..end.min(40) {
            if self.tokens[k].word && self.word(k).len() >= 4 {
                long += 1;
                caps += usize::from(self.tokens[k].cap);
            }
        }
        if end <= 40 && long >= 3 && caps * 5 >= long * 4 {
            end
        } else {
            0
        }
    }

    /// A title-case headline `X Says Y …` at `i`: the words after the verb to the clause
    /// end, for the speaker before it. True when it emitted.
    pub(super) fn headline_says(&mut self, i: usize, lo: usize, hi: usize) -> bool {
        let cue = self.in_list(i, list::HEADLINE_VERB);
        if !cue || i <= lo || self.in_quote(i) || !self.tokens.get(i + 1).is_some_and(|t| t.cap) {
            return false;
        }
        // (title case: the word before the speaker's verb is capitalised too)
        if !self.tokens[i - 1].cap || !self.tokens[i - 1].word {
            return false;
        }
        let Some(np) = self.speaker_before(i, lo) else {
            return false;
        };
        let end = self.clause_end(i + 1, hi);
        // (a headline holding quoted words is left to the quotation rules)
        if end < i + 3
            || (i + 1..end).any(|j| self.in_quote(j) || is_paired_quote_mark(self.punct(j)))
        {
            return false;
        }
        self.emit_clause(i + 1, end, np, (i, i + 1), conf_of(np.kind, 0.6));
        true
    }
}
