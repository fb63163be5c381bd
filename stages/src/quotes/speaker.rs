//! Speaker noun phrases: the mention that ends right before a cue (over appositives,
//! relative clauses and `critics of` groups) or starts right after one.

use super::analysis::{Analyzer, Mention, MentionKind};
use super::lexicon::{class, list};

impl Analyzer<'_> {
    /// A mention that ends right before token `end` (exclusive), not before `lo`, with the
    /// group it is the complement of (`[critics of the mayor] said`, `[some of his aides]
    /// said`): the speakers are the critics, not the mayor.
    pub(super) fn mention_before(&self, end: usize, lo: usize) -> Option<Mention> {
        let np = self.bare_mention_before(end, lo)?;
        Some(self.of_group(np, lo).unwrap_or(np))
    }

    /// `critics of`, `supporters of`, `some of`, `46 percent of` before the mention `np`:
    /// the whole phrase, when it starts the clause (sentence start, comma, conjunction).
    pub(super) fn of_group(&self, np: Mention, lo: usize) -> Option<Mention> {
        // (`some of it`: a thing, no group of speakers)
        if np.start < lo + 2 || self.word(np.start - 1) != "of" || self.word(np.start) == "it" {
            return None;
        }
        let h = np.start - 2;
        let head = self.tokens[h];
        let w = self.word(h);
        let quantifier = head.classes & class::DET != 0 || self.in_list(h, list::GROUP_QUANTIFIER);
        let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
        let noun = head.word
            && (!head.cap || h == lo)
            && head.classes & (class::STOP | class::CUE | class::THAT | class::PRON | class::TIME)
                == 0;
        // (`supporters of Trump` are not Trump; `the mayor of Lyon` is the mayor)
        let job = head.classes & (class::ROLE | class::AGENT | class::GROUP) != 0;
        if !(quantifier || noun && (plural || job || np.kind != MentionKind::Name)) {
            return None;
        }
        let mut j = h;
        if w == "percent" && h > lo && self.tokens[h - 1].number {
            j -= 1;
        }
        while j > lo && h - j < 3 && self.modifier_word(j - 1) {
            j -= 1;
        }
        if j > lo && self.has_class(j - 1, class::DET) {
            j -= 1;
        }
        self.phrase_boundary(j, lo).then_some(Mention {
            start: j,
            end: np.end,
            kind: MentionKind::Desc,
        })
    }

    /// The mention itself that ends right before token `end`.
    pub(super) fn bare_mention_before(&self, end: usize, lo: usize) -> Option<Mention> {
        if end <= lo || end == 0 {
            return None;
        }
        let t = end - 1;
        let tk = self.tokens.get(t)?;
        if self.in_quote(t) || !tk.word {
            return None;
        }
        if tk.classes & class::PRON != 0 {
            return Some(Mention {
                start: t,
                end,
                kind: MentionKind::Pron,
            });
        }
        if self.is_name_word(t) {
            let mut k = t;
            while k > lo {
                if self.is_name_word(k - 1) {
                    k -= 1;
                } else if k >= lo + 2
                    && ((self.has_class(k - 1, class::CONN) && !self.tokens[k - 1].cap)
                        || self.name_hyphen(k - 1))
                    && self.is_name_word(k - 2)
                {
                    k -= 2;
                } else {
                    break;
                }
            }
            // `the Foreign Office`
            // (not the `that` of a clause: `so subdued that Mr. Trump was …`)
            if k > lo
                && self.has_class(k - 1, class::DET)
                && !self.has_class(k - 1, class::THAT)
                && !self.tokens[k - 1].cap
            {
                k -= 1;
            }
            let kind = if (k..end).all(|j| self.has_class(j, class::TITLE | class::DET)) {
                MentionKind::Desc
            } else {
                MentionKind::Name
            };
            return Some(Mention {
                start: k,
                end,
                kind,
            });
        }
        // `the email said`, `one tweet read`: a cue word used as a noun after an article
        let article = t > lo && !tk.cap && self.in_list_lower(t - 1, list::GROUP_DETERMINER);
        if tk.classes & class::CUE != 0 && article {
            return Some(Mention {
                start: t - 1,
                end,
                kind: MentionKind::Desc,
            });
        }
        // (a cue word after `of` is a noun: `the secretary of state said`)
        let cue_noun = tk.classes & class::CUE != 0 && t > lo && self.word(t - 1) == "of";
        if tk.classes & (class::STOP | class::CUE | class::FILLER | class::DET | class::THAT) != 0
            && !(cue_noun
                && tk.classes & (class::STOP | class::FILLER | class::DET | class::THAT) == 0)
            || tk.number
        {
            return None;
        }
        // a description: a determiner and up to five words
        let mut k = t;
        let floor = t.saturating_sub(5).max(lo);
        while k > floor {
            let j = k - 1;
            let Some(tj) = self.tokens.get(j) else { break };
            // `the officials`, `46 percent`
            if tj.classes & class::DET != 0 || (tj.number && j + 1 < end) {
                return Some(Mention {
                    start: j,
                    end,
                    kind: MentionKind::Desc,
                });
            }
            let cue = tj.classes & class::CUE != 0 && !tj.cap;
            if !tj.word || cue || tj.classes & (class::STOP | class::THAT) != 0 || self.in_quote(j)
            {
                break;
            }
            k -= 1;
        }
        // `the secretary of defense said`: a bare noun after `of`, in its group
        if k == t && t > lo && self.word(t - 1) == "of" && !tk.cap {
            let np = Mention {
                start: t,
                end,
                kind: MentionKind::Desc,
            };
            if let Some(g) = self.of_group(np, lo) {
                return Some(g);
            }
        }
        if tk.classes & class::GROUP != 0 {
            return Some(Mention {
                start: self.bare_group_start(t, lo),
                end,
                kind: MentionKind::Desc,
            });
        }
        // any plural noun with modifiers from the clause start (`Iowa biofuels advocates
        // say`, `many Carrier workers say`)
        let w = self.word(t);
        let plural = !tk.cap && w.len() > 4 && w.ends_with('s') && !w.ends_with("ss");
        if plural {
            let s = self.bare_group_start(t, lo);
            // (`small bakers and local grocers say`: a coordinated subject, found later)
            if s < t && !(s > lo && self.word(s - 1) == "and") {
                return Some(Mention {
                    start: s,
                    end,
                    kind: MentionKind::Desc,
                });
            }
        }
        None
    }

    /// A subject phrase may start at `j`: at the sentence start (`lo`), after a comma or
    /// after a conjunction or `that`.
    pub(super) fn phrase_boundary(&self, j: usize, lo: usize) -> bool {
        j == lo || self.punct(j - 1) == ',' || self.in_list(j - 1, list::PHRASE_BOUNDARY)
    }

    /// Where a bare plural group noun at `t` starts with its modifiers (`law enforcement
    /// officials`, `Iowa biofuels advocates`): the modifiers must run back to the sentence
    /// start, a comma or a conjunction; otherwise the noun alone.
    pub(super) fn bare_group_start(&self, t: usize, lo: usize) -> usize {
        let mut j = t;
        while j > lo && t - j < 4 && (self.modifier_word(j - 1) || self.is_name_word(j - 1)) {
            j -= 1;
        }
        if j < t && self.phrase_boundary(j, lo) {
            j
        } else {
            t
        }
    }

    /// The speaker before a cue at `cue`: skips fillers, an appositive or relative clause,
    /// a parenthesis.
    pub(super) fn speaker_before(&self, cue: usize, lo: usize) -> Option<Mention> {
        let j = self.speaker_end_before_cue(cue, lo);
        if j <= lo {
            return None;
        }
        // `Mike Lee, who declared …`: `who`, standing for the name before it
        if j >= lo + 3 && self.antecedent(j - 1, lo).is_some() {
            return Some(Mention {
                start: j - 1,
                end: j,
                kind: MentionKind::Rel,
            });
        }
        match self.punct(j - 1) {
            ',' => self.speaker_before_comma(j, lo),
            // `Democrats — and some Republicans — say`, `Murphy — after a pause — told`
            '—' | '–' => {
                let floor = j.saturating_sub(30).max(lo);
                let open = (floor..j - 1)
                    .rev()
                    .take_while(|&k| !self.in_quote(k) && !matches!(self.punct(k), '.' | ';'))
                    .find(|&k| matches!(self.punct(k), '—' | '–'))?;
                self.mention_before(open, lo)
                    .or_else(|| self.loose_subject(open, lo))
            }
            ')' => {
                let floor = j.saturating_sub(30).max(lo);
                let mut c = j - 1;
                while c > floor {
                    c -= 1;
                    if self.punct(c) == '(' {
                        return self.mention_before(c, lo);
                    }
                }
                None
            }
            _ => {
                let np = self.mention_before(j, lo)?;
                // (German: `Über die Wahl schreibt …`: a preposition's noun phrase is no
                // subject, unless it follows one: `Dr. Vogt aus Bern stellt …`, or an
                // impersonal `es` follows the cue: `In dem Bericht heißt es`)
                if self.lex.capitalised_nouns
                    && self.word(cue + 1) != "es"
                    && np.start > lo
                    && self.in_list_lower(np.start - 1, list::FRONTED_PREPOSITION)
                {
                    return self
                        .mention_before(np.start - 1, lo)
                        .filter(|m| m.end + 1 == np.start);
                }
                // `…, DFA spokesman Neil Sroka said`: the job and its modifiers before the name
                if np.kind == MentionKind::Name {
                    if let Some(s) = self.job_before(np.start, lo) {
                        return Some(Mention {
                            start: s,
                            end: np.end,
                            kind: MentionKind::Desc,
                        });
                    }
                }
                Some(np)
            }
        }
    }

    /// Where the speaker before a cue at `cue` ends: back over up to three auxiliaries,
    /// adverbs and time words (`has long said`, `X on Friday described …`) and an aside
    /// between commas (`X, for example, said …`).
    fn speaker_end_before_cue(&self, cue: usize, lo: usize) -> usize {
        let mut j = cue;
        let mut skipped = 0;
        loop {
            // (auxiliaries and adverbs: `has long said`, `emphatically proclaimed`)
            let adverb = j > lo
                && !self.tokens[j - 1].cap
                && self.tokens[j - 1].word
                && self.word(j - 1).len() > 4
                && self.word(j - 1).ends_with("ly");
            if j > lo
                && (self.has_class(j - 1, class::FILLER) || adverb)
                && !self.tokens[j - 1].cap
                && skipped < 3
            {
                j -= 1;
                skipped += 1;
            } else if j > lo + 1 && self.has_class(j - 1, class::TIME) && skipped < 3 {
                // `X on Friday described …`, `X this week said …`
                j -= 1;
                skipped += 1;
                if self.in_list(j - 1, list::TIME_OPENER) {
                    j -= 1;
                }
            } else {
                break;
            }
        }
        // `Proponents of the bill, however, say …`, `X, for example, said …`: an aside
        // between commas
        if j > lo + 2 && self.punct(j - 1) == ',' {
            if let Some(c) = (j.saturating_sub(5).max(lo)..j - 1)
                .rev()
                .find(|&c| self.punct(c) == ',')
            {
                let aside = c + 1 < j - 1 && (c + 1..j - 1).all(|k| self.in_list(k, list::ASIDE));
                if aside && c > lo {
                    j = c;
                }
            }
        }
        j
    }

    /// The speaker before the comma at `j - 1` that closes an appositive or relative
    /// clause (`Hussain, who is also a general, told`, `A top strategist, John Weaver,
    /// tells`).
    fn speaker_before_comma(&self, j: usize, lo: usize) -> Option<Mention> {
        // `Hussain, who is also a general, told` — the comma that opens it
        let floor = j.saturating_sub(45).max(lo);
        let mut c = j - 1;
        while c > floor {
            c -= 1;
            if self.in_quote(c) || matches!(self.punct(c), '.' | ';' | ':') {
                return None;
            }
            if self.punct(c) == ',' {
                // `A top strategist, John Weaver, tells …`: the name in between
                if let Some(np) = self.mention_at(c + 1, j - 1) {
                    if np.kind == MentionKind::Name && np.end == j - 1 {
                        return Some(np);
                    }
                }
                // (`Rep. Bobby Scott (D-Va.), ranking member …, said`: past the
                // parenthesis)
                let mut e = c;
                if c > 0 && self.punct(c - 1) == ')' {
                    if let Some(open) = (c.saturating_sub(8).max(lo)..c - 1)
                        .rev()
                        .find(|&k| self.punct(k) == '(')
                    {
                        e = open;
                    }
                }
                if let Some(np) = self.mention_before(e, lo) {
                    if np.kind != MentionKind::Desc || self.has_class(np.end - 1, class::ROLE) {
                        return Some(np);
                    }
                    // `Several senators, including Smith, said`, `Just over a
                    // third, 35 percent, say`: an inserted example or count
                    let example = self.in_list(c + 1, list::EXAMPLE_OPENER)
                        && (np.start == lo || self.has_class(np.end - 1, class::GROUP));
                    let count = self.tokens.get(c + 1).is_some_and(|t| t.number);
                    if (example || count) && e == c {
                        return Some(np);
                    }
                }
            }
        }
        None
    }

    /// A mention starting at `start`, not past `hi`.
    pub(super) fn mention_at(&self, start: usize, hi: usize) -> Option<Mention> {
        let tk = self.tokens.get(start)?;
        if start >= hi || self.in_quote(start) || !tk.word {
            return None;
        }
        if tk.classes & class::PRON != 0 {
            return Some(Mention {
                start,
                end: start + 1,
                kind: MentionKind::Pron,
            });
        }
        if self.is_name_word(start) {
            let k = self.name_run_end(start, hi);
            // `Former Obama spokesman Robert Gibbs`: lowercase modifiers, then the name
            if let Some(e) = self.premodified_name(k, hi) {
                return Some(Mention {
                    start,
                    end: e,
                    kind: MentionKind::Desc,
                });
            }
            return Some(Mention {
                start,
                end: k,
                kind: MentionKind::Name,
            });
        }
        // `former tech executive Carly Fiorina`, `pollster Frank Luntz`
        if let Some(e) = self.premodified_name(start, hi) {
            return Some(Mention {
                start,
                end: e,
                kind: MentionKind::Desc,
            });
        }
        // `federal prosecutors`, `senior administration officials`
        if !tk.cap && tk.classes & class::GROUP == 0 {
            let mut k = start;
            while k < hi
                && k < start + 3
                && self.modifier_word(k)
                && !self.has_class(k, class::GROUP)
            {
                k += 1;
            }
            if k > start && k < hi && self.has_class(k, class::GROUP) && !self.tokens[k].cap {
                return Some(Mention {
                    start,
                    end: k + 1,
                    kind: MentionKind::Desc,
                });
            }
        }
        if tk.classes & class::DET != 0 {
            let mut k = start + 1;
            let mut limit = start + 7;
            while k < hi && k < limit {
                let Some(tj) = self.tokens.get(k) else { break };
                // `the conservative-leaning newspaper`, `the 43-year-old`: a hyphen glued
                // between two words
                if k + 1 < hi && self.glued_hyphen(k) {
                    k += 1;
                    limit += 1;
                    continue;
                }
                // (`the report said`: a cue word right after the determiner and before
                // a cue is the head noun)
                let head = k == start + 1 && self.is_cue_word(k + 1) && !self.in_quote(k + 1);
                let cue = tj.classes & class::CUE != 0 && !tj.cap && !head;
                // a finite verb after the head ends it (`the lawyer opened …`)
                let verb = k >= start + 2 && !tj.cap && self.finite(k);
                if !tj.word
                    || self.in_quote(k)
                    || cue
                    || verb
                    || tj.classes & (class::STOP | class::THAT | class::FILLER | class::DET) != 0
                {
                    break;
                }
                k += 1;
            }
            if k > start + 1 {
                return Some(Mention {
                    start,
                    end: k,
                    kind: MentionKind::Desc,
                });
            }
            return None;
        }
        if tk.classes & class::GROUP != 0 {
            return Some(Mention {
                start,
                end: start + 1,
                kind: MentionKind::Desc,
            });
        }
        None
    }

    /// `Hussain said` / `Hussain, who …, told` / `the officer said` from `start`: the
    /// speaker and the cue token.
    pub(super) fn subject_then_cue(&self, start: usize, hi: usize) -> Option<(Mention, usize)> {
        let mut np = self.mention_at(start, hi)?;
        let mut k = np.end;
        // `the Zionist Union Party’s Nachman Shai told`
        if self.in_list(k, list::POSSESSIVE_CLITIC) {
            if let Some(owner) = self.mention_at(k + 1, hi) {
                np = owner;
                k = np.end;
            }
        }
        // `a welcome message on the website reads`
        if self.has_class(k, class::STOP)
            && !self.has_class(k, class::CUE)
            && np.kind != MentionKind::Pron
        {
            let mut j = k + 1;
            while j < hi && j < k + 7 && self.tokens[j].word && !self.is_cue_word(j) {
                j += 1;
            }
            if j < hi && j < k + 7 && self.is_cue_word(j) && !self.in_quote(j) {
                return Some((np, j));
            }
        }
        if self.punct(k) == ',' || self.punct(k) == '(' {
            let close = if self.punct(k) == ',' { ',' } else { ')' };
            let mut j = k + 1;
            while j < hi && j < k + 45 {
                if self.punct(j) == close || matches!(self.punct(j), '.' | ';') || self.in_quote(j)
                {
                    break;
                }
                j += 1;
            }
            if self.punct(j) != close {
                return None;
            }
            k = j + 1;
        }
        let mut skipped = 0;
        while k < hi && self.has_class(k, class::FILLER) && skipped < 3 {
            k += 1;
            skipped += 1;
        }
        (k < hi && self.is_cue_word(k) && !self.in_quote(k)).then_some((np, k))
    }

    // ---------------------------------------------------------------- direct quotes

    /// `“…,” said retired surgeon Ben Carson, …` / `said master of ceremonies Ali Tabchi.`:
    /// right after an inverted cue, up to six lowercase words (with `of`, `the`) describe
    /// the name that follows and ends the attribution.
    pub(super) fn inverted_description(&self, a: usize, hi: usize) -> Option<Mention> {
        let mut j = a;
        // (a cue word inside the description: `secretary of state`)
        let inner_cue = |j: usize| j > a && self.has_class(j, class::CUE) && !self.tokens[j].cap;
        while j < hi
            && j < a + 6
            && (self.modifier_word(j) || self.in_list(j, list::DESCRIPTION_LINK) || inner_cue(j))
        {
            j += 1;
        }
        let last = self.modifier_word(j - 1) || inner_cue(j - 1);
        if j == a || j >= hi || !last || !self.is_name_word(j) {
            return None;
        }
        let e = self.name_run_end(j, hi);
        (e > j && matches!(self.punct(e), ',' | '.')).then_some(Mention {
            start: a,
            end: e,
            kind: MentionKind::Desc,
        })
    }
}
