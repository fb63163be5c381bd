//! Speaker noun phrases: the mention that ends right before a cue (over appositives,
//! relative clauses and `critics of` groups) or starts right after one.

use super::analysis::{Analyzer, Np, NpKind};
use super::lexicon::class;

impl Analyzer<'_> {
    /// A mention that ends right before token `end` (exclusive), not before `lo`, with the
    /// group it is the complement of (`[critics of the mayor] said`, `[some of his aides]
    /// said`): the speakers are the critics, not the mayor.
    pub(super) fn np_core_before(&self, end: usize, lo: usize) -> Option<Np> {
        let np = self.np_head_before(end, lo)?;
        Some(self.of_group(np, lo).unwrap_or(np))
    }

    /// `critics of`, `supporters of`, `some of`, `46 percent of` before the mention `np`:
    /// the whole phrase, when it starts the clause (sentence start, comma, conjunction).
    pub(super) fn of_group(&self, np: Np, lo: usize) -> Option<Np> {
        // (`some of it`: a thing, no group of speakers)
        if np.s < lo + 2 || self.word(np.s - 1) != "of" || self.word(np.s) == "it" {
            return None;
        }
        let h = np.s - 2;
        let head = self.t[h];
        let w = self.word(h);
        let quantifier = head.cls & class::DET != 0
            || matches!(
                w,
                "most" | "Most" | "none" | "None" | "all" | "All" | "percent"
            );
        let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
        let noun = head.word
            && (!head.cap || h == lo)
            && head.cls & (class::STOP | class::CUE | class::THAT | class::PRON | class::TIME) == 0;
        // (`supporters of Trump` are not Trump; `the mayor of Lyon` is the mayor)
        let job = head.cls & (class::ROLE | class::AGENT | class::GROUP) != 0;
        if !(quantifier || noun && (plural || job || np.kind != NpKind::Name)) {
            return None;
        }
        let mut j = h;
        if w == "percent" && h > lo && self.t[h - 1].number {
            j -= 1;
        }
        while j > lo && h - j < 3 && self.modifier_word(j - 1) {
            j -= 1;
        }
        if j > lo && self.has(j - 1, class::DET) {
            j -= 1;
        }
        self.phrase_boundary(j, lo).then_some(Np {
            s: j,
            e: np.e,
            kind: NpKind::Desc,
        })
    }

    /// The mention itself that ends right before token `end`.
    pub(super) fn np_head_before(&self, end: usize, lo: usize) -> Option<Np> {
        if end <= lo || end == 0 {
            return None;
        }
        let t = end - 1;
        let tk = self.t.get(t)?;
        if self.in_quote(t) || !tk.word {
            return None;
        }
        if tk.cls & class::PRON != 0 {
            return Some(Np {
                s: t,
                e: end,
                kind: NpKind::Pron,
            });
        }
        if self.is_name_word(t) {
            let mut k = t;
            while k > lo {
                if self.is_name_word(k - 1) {
                    k -= 1;
                } else if k >= lo + 2
                    && ((self.has(k - 1, class::CONN) && !self.t[k - 1].cap)
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
                && self.has(k - 1, class::DET)
                && !self.has(k - 1, class::THAT)
                && !self.t[k - 1].cap
            {
                k -= 1;
            }
            let kind = if (k..end).all(|j| self.has(j, class::TITLE | class::DET)) {
                NpKind::Desc
            } else {
                NpKind::Name
            };
            return Some(Np { s: k, e: end, kind });
        }
        // `the email said`, `one tweet read`: a cue word used as a noun after an article
        let article = t > lo
            && !tk.cap
            && matches!(
                self.lower(t - 1).as_ref(),
                "a" | "an" | "the" | "one" | "his" | "her" | "their" | "its" | "another"
            );
        if tk.cls & class::CUE != 0 && article {
            return Some(Np {
                s: t - 1,
                e: end,
                kind: NpKind::Desc,
            });
        }
        // (a cue word after `of` is a noun: `the secretary of state said`)
        let cue_noun = tk.cls & class::CUE != 0 && t > lo && self.word(t - 1) == "of";
        if tk.cls & (class::STOP | class::CUE | class::FILLER | class::DET | class::THAT) != 0
            && !(cue_noun && tk.cls & (class::STOP | class::FILLER | class::DET | class::THAT) == 0)
            || tk.number
        {
            return None;
        }
        // a description: a determiner and up to five words
        let mut k = t;
        let floor = t.saturating_sub(5).max(lo);
        while k > floor {
            let j = k - 1;
            let Some(tj) = self.t.get(j) else { break };
            // `the officials`, `46 percent`
            if tj.cls & class::DET != 0 || (tj.number && j + 1 < end) {
                return Some(Np {
                    s: j,
                    e: end,
                    kind: NpKind::Desc,
                });
            }
            let cue = tj.cls & class::CUE != 0 && !tj.cap;
            if !tj.word || cue || tj.cls & (class::STOP | class::THAT) != 0 || self.in_quote(j) {
                break;
            }
            k -= 1;
        }
        // `the secretary of defense said`: a bare noun after `of`, in its group
        if k == t && t > lo && self.word(t - 1) == "of" && !tk.cap {
            let np = Np {
                s: t,
                e: end,
                kind: NpKind::Desc,
            };
            if let Some(g) = self.of_group(np, lo) {
                return Some(g);
            }
        }
        if tk.cls & class::GROUP != 0 {
            return Some(Np {
                s: self.bare_group_start(t, lo),
                e: end,
                kind: NpKind::Desc,
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
                return Some(Np {
                    s,
                    e: end,
                    kind: NpKind::Desc,
                });
            }
        }
        None
    }

    /// A subject phrase may start at `j`: at the sentence start (`lo`), after a comma or
    /// after a conjunction or `that`.
    pub(super) fn phrase_boundary(&self, j: usize, lo: usize) -> bool {
        j == lo
            || self.p(j - 1) == ','
            || matches!(
                self.word(j - 1),
                "and" | "but" | "that" | "while" | "And" | "But" | "That" | "While"
            )
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
    pub(super) fn np_before(&self, cue: usize, lo: usize) -> Option<Np> {
        let j = self.speaker_end_before_cue(cue, lo);
        if j <= lo {
            return None;
        }
        // `Mike Lee, who declared …`: `who`, standing for the name before it
        if j >= lo + 3 && self.antecedent(j - 1, lo).is_some() {
            return Some(Np {
                s: j - 1,
                e: j,
                kind: NpKind::Rel,
            });
        }
        match self.p(j - 1) {
            ',' => self.speaker_before_comma(j, lo),
            // `Democrats — and some Republicans — say`, `Murphy — after a pause — told`
            '—' | '–' => {
                let floor = j.saturating_sub(30).max(lo);
                let open = (floor..j - 1)
                    .rev()
                    .take_while(|&k| !self.in_quote(k) && !matches!(self.p(k), '.' | ';'))
                    .find(|&k| matches!(self.p(k), '—' | '–'))?;
                self.np_core_before(open, lo)
                    .or_else(|| self.loose_subject(open, lo))
            }
            ')' => {
                let floor = j.saturating_sub(30).max(lo);
                let mut c = j - 1;
                while c > floor {
                    c -= 1;
                    if self.p(c) == '(' {
                        return self.np_core_before(c, lo);
                    }
                }
                None
            }
            _ => {
                let np = self.np_core_before(j, lo)?;
                // `…, DFA spokesman Neil Sroka said`: the job and its modifiers before the name
                if np.kind == NpKind::Name {
                    if let Some(s) = self.job_before(np.s, lo) {
                        return Some(Np {
                            s,
                            e: np.e,
                            kind: NpKind::Desc,
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
                && !self.t[j - 1].cap
                && self.t[j - 1].word
                && self.word(j - 1).len() > 4
                && self.word(j - 1).ends_with("ly");
            if j > lo
                && (self.has(j - 1, class::FILLER) || adverb)
                && !self.t[j - 1].cap
                && skipped < 3
            {
                j -= 1;
                skipped += 1;
            } else if j > lo + 1 && self.has(j - 1, class::TIME) && skipped < 3 {
                // `X on Friday described …`, `X this week said …`
                j -= 1;
                skipped += 1;
                if matches!(self.word(j - 1), "on" | "this" | "last" | "late" | "early") {
                    j -= 1;
                }
            } else {
                break;
            }
        }
        // `Proponents of the bill, however, say …`, `X, for example, said …`: an aside
        // between commas
        if j > lo + 2 && self.p(j - 1) == ',' {
            if let Some(c) = (j.saturating_sub(5).max(lo)..j - 1)
                .rev()
                .find(|&c| self.p(c) == ',')
            {
                let aside = c + 1 < j - 1
                    && (c + 1..j - 1).all(|k| {
                        matches!(
                            self.word(k),
                            "however"
                                | "meanwhile"
                                | "too"
                                | "though"
                                | "also"
                                | "instead"
                                | "nonetheless"
                                | "nevertheless"
                                | "for"
                                | "example"
                                | "instance"
                                | "in"
                                | "turn"
                                | "fact"
                                | "of"
                                | "course"
                                | "moreover"
                                | "likewise"
                                | "therefore"
                                | "then"
                                | "now"
                                | "again"
                        )
                    });
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
    fn speaker_before_comma(&self, j: usize, lo: usize) -> Option<Np> {
        // `Hussain, who is also a general, told` — the comma that opens it
        let floor = j.saturating_sub(45).max(lo);
        let mut c = j - 1;
        while c > floor {
            c -= 1;
            if self.in_quote(c) || matches!(self.p(c), '.' | ';' | ':') {
                return None;
            }
            if self.p(c) == ',' {
                // `A top strategist, John Weaver, tells …`: the name in between
                if let Some(np) = self.np_after(c + 1, j - 1) {
                    if np.kind == NpKind::Name && np.e == j - 1 {
                        return Some(np);
                    }
                }
                // (`Rep. Bobby Scott (D-Va.), ranking member …, said`: past the
                // parenthesis)
                let mut e = c;
                if c > 0 && self.p(c - 1) == ')' {
                    if let Some(open) = (c.saturating_sub(8).max(lo)..c - 1)
                        .rev()
                        .find(|&k| self.p(k) == '(')
                    {
                        e = open;
                    }
                }
                if let Some(np) = self.np_core_before(e, lo) {
                    if np.kind != NpKind::Desc || self.has(np.e - 1, class::ROLE) {
                        return Some(np);
                    }
                    // `Several senators, including Smith, said`, `Just over a
                    // third, 35 percent, say`: an inserted example or count
                    let example = matches!(self.word(c + 1), "including" | "like")
                        && (np.s == lo || self.has(np.e - 1, class::GROUP));
                    let count = self.t.get(c + 1).is_some_and(|t| t.number);
                    if (example || count) && e == c {
                        return Some(np);
                    }
                }
            }
        }
        None
    }

    /// A mention starting at `start`, not past `hi`.
    pub(super) fn np_after(&self, start: usize, hi: usize) -> Option<Np> {
        let tk = self.t.get(start)?;
        if start >= hi || self.in_quote(start) || !tk.word {
            return None;
        }
        if tk.cls & class::PRON != 0 {
            return Some(Np {
                s: start,
                e: start + 1,
                kind: NpKind::Pron,
            });
        }
        if self.is_name_word(start) {
            let k = self.name_run_end(start, hi);
            // `Former Obama spokesman Robert Gibbs`: lowercase modifiers, then the name
            if let Some(e) = self.premodified_name(k, hi) {
                return Some(Np {
                    s: start,
                    e,
                    kind: NpKind::Desc,
                });
            }
            return Some(Np {
                s: start,
                e: k,
                kind: NpKind::Name,
            });
        }
        // `former tech executive Carly Fiorina`, `pollster Frank Luntz`
        if let Some(e) = self.premodified_name(start, hi) {
            return Some(Np {
                s: start,
                e,
                kind: NpKind::Desc,
            });
        }
        // `federal prosecutors`, `senior administration officials`
        if !tk.cap && tk.cls & class::GROUP == 0 {
            let mut k = start;
            while k < hi && k < start + 3 && self.modifier_word(k) && !self.has(k, class::GROUP) {
                k += 1;
            }
            if k > start && k < hi && self.has(k, class::GROUP) && !self.t[k].cap {
                return Some(Np {
                    s: start,
                    e: k + 1,
                    kind: NpKind::Desc,
                });
            }
        }
        if tk.cls & class::DET != 0 {
            let mut k = start + 1;
            let mut limit = start + 7;
            while k < hi && k < limit {
                let Some(tj) = self.t.get(k) else { break };
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
                let cue = tj.cls & class::CUE != 0 && !tj.cap && !head;
                // a finite verb after the head ends it (`the lawyer opened …`)
                let verb = k >= start + 2 && !tj.cap && self.finite(k);
                if !tj.word
                    || self.in_quote(k)
                    || cue
                    || verb
                    || tj.cls & (class::STOP | class::THAT | class::FILLER | class::DET) != 0
                {
                    break;
                }
                k += 1;
            }
            if k > start + 1 {
                return Some(Np {
                    s: start,
                    e: k,
                    kind: NpKind::Desc,
                });
            }
            return None;
        }
        if tk.cls & class::GROUP != 0 {
            return Some(Np {
                s: start,
                e: start + 1,
                kind: NpKind::Desc,
            });
        }
        None
    }

    /// `Hussain said` / `Hussain, who …, told` / `the officer said` from `start`: the
    /// speaker and the cue token.
    pub(super) fn subject_then_cue(&self, start: usize, hi: usize) -> Option<(Np, usize)> {
        let mut np = self.np_after(start, hi)?;
        let mut k = np.e;
        // `the Zionist Union Party’s Nachman Shai told`
        if matches!(self.word(k), "’s" | "'s") {
            if let Some(owner) = self.np_after(k + 1, hi) {
                np = owner;
                k = np.e;
            }
        }
        // `a welcome message on the website reads`
        if self.has(k, class::STOP) && !self.has(k, class::CUE) && np.kind != NpKind::Pron {
            let mut j = k + 1;
            while j < hi && j < k + 7 && self.t[j].word && !self.is_cue_word(j) {
                j += 1;
            }
            if j < hi && j < k + 7 && self.is_cue_word(j) && !self.in_quote(j) {
                return Some((np, j));
            }
        }
        if self.p(k) == ',' || self.p(k) == '(' {
            let close = if self.p(k) == ',' { ',' } else { ')' };
            let mut j = k + 1;
            while j < hi && j < k + 45 {
                if self.p(j) == close || matches!(self.p(j), '.' | ';') || self.in_quote(j) {
                    break;
                }
                j += 1;
            }
            if self.p(j) != close {
                return None;
            }
            k = j + 1;
        }
        let mut skipped = 0;
        while k < hi && self.has(k, class::FILLER) && skipped < 3 {
            k += 1;
            skipped += 1;
        }
        (k < hi && self.is_cue_word(k) && !self.in_quote(k)).then_some((np, k))
    }

    // ---------------------------------------------------------------- direct quotes

    /// `“…,” said retired surgeon Ben Carson, …` / `said master of ceremonies Ali Tabchi.`:
    /// right after an inverted cue, up to six lowercase words (with `of`, `the`) describe
    /// the name that follows and ends the attribution.
    pub(super) fn inverted_description(&self, a: usize, hi: usize) -> Option<Np> {
        let mut j = a;
        // (a cue word inside the description: `secretary of state`)
        let inner_cue = |j: usize| j > a && self.has(j, class::CUE) && !self.t[j].cap;
        while j < hi
            && j < a + 6
            && (self.modifier_word(j) || matches!(self.word(j), "of" | "the") || inner_cue(j))
        {
            j += 1;
        }
        let last = self.modifier_word(j - 1) || inner_cue(j - 1);
        if j == a || j >= hi || !last || !self.is_name_word(j) {
            return None;
        }
        let e = self.name_run_end(j, hi);
        (e > j && matches!(self.p(e), ',' | '.')).then_some(Np {
            s: a,
            e,
            kind: NpKind::Desc,
        })
    }
}
