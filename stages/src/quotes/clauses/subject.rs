//! The subject of a cue in a reported clause: before the verb, over a form of `be` or a
//! verb chain, a participle's sentence subject, a count (`six in 10`), a loose subject.

use crate::quotes::analysis::{Analyzer, Mention, MentionKind};
use crate::quotes::lexicon::{class, list};
use crate::text::is_paired_quote_mark;

impl Analyzer<'_> {
    /// The speaker of a participle after a comma (`…, adding that …`, `…, calling him
    /// “…”`): the previous attribution's speaker in the sentence, else the sentence's
    /// subject.
    pub(in crate::quotes) fn clause_subject(&self, c: usize, lo: usize) -> Option<Mention> {
        if c <= lo || self.punct(c - 1) != ',' || !self.word(c).ends_with("ing") {
            return None;
        }
        let sent = self.tokens.get(c)?.sentence;
        let prev = self
            .sentence_speakers
            .iter()
            .rev()
            .find(|&&(s, n)| s == sent && n.start < c)
            .map(|&(_, n)| n);
        if prev.is_some() {
            return prev;
        }
        // (past an opening phrase: `On Sunday, Sanders …, stating …`)
        let np = self
            .mention_at(lo, c)
            .or_else(|| self.sentence_subject(lo, c).map(|(np, _)| np))?;
        (np.kind != MentionKind::Desc
            || self.has_class(np.end - 1, class::ROLE | class::GROUP | class::AGENT))
        .then_some(np)
    }

    /// The subject of the sentence that a cue at `c` reports for when the cue is an
    /// infinitive (`was prompted to say`), a participle (`, saying at one point`) or
    /// follows a relative clause (`an aide who spoke anonymously said Monday`).
    pub(in crate::quotes) fn subject_before_cue(&self, c: usize, lo: usize) -> Option<Mention> {
        if (lo..c).any(|j| self.in_quote(j) || is_paired_quote_mark(self.punct(j))) {
            return None;
        }
        if let Some(np) = self.infinitive_subject(c, lo) {
            return Some(np);
        }
        // `an aide who spoke anonymously said Monday`
        if let Some(np) = self.mention_at(lo, c) {
            if self.in_list(np.end, list::RELATIVE_WHO)
                && !(np.end + 1..c).any(|j| matches!(self.punct(j), ',' | ';'))
            {
                return Some(np);
            }
        }
        let (np, v) = self.sentence_subject(lo, c)?;
        let role = np.kind != MentionKind::Desc
            || self.has_class(np.end - 1, class::ROLE | class::GROUP | class::AGENT);
        (v <= c && role && np.kind != MentionKind::Rel).then_some(np)
    }

    /// The subject of a progressive cue at `c`, back over its form of `be` (and fillers):
    /// `Trump is telling voters …`, `the campaign is already claiming …`, `X has been
    /// saying …`. A description must be a speaker's (a role, group or agent noun).
    pub(in crate::quotes) fn progressive_subject(&self, c: usize, lo: usize) -> Option<Mention> {
        if !self.word(c).ends_with("ing") || c < lo + 2 {
            return None;
        }
        let mut k = c;
        while k > lo + 2
            && c - k < 2
            && self.has_class(k - 1, class::FILLER)
            && !self.tokens[k - 1].cap
        {
            k -= 1;
        }
        if !self.in_list(k - 1, list::PROGRESSIVE_BE) {
            return None;
        }
        let np = self.speaker_before(k - 1, lo)?;
        let speaker = match np.kind {
            MentionKind::Rel => false,
            MentionKind::Desc => {
                self.has_class(np.end - 1, class::ROLE | class::GROUP | class::AGENT)
            }
            _ => true,
        };
        speaker.then_some(np)
    }

    /// The subject of an infinitive cue at `c`, back over its verb chain: `X was
    /// prompted to say`, `X went on to say`, `voters are more likely to say`, `X
    /// continued to question`.
    pub(in crate::quotes) fn infinitive_subject(&self, c: usize, lo: usize) -> Option<Mention> {
        if c <= lo + 1 || self.word(c - 1) != "to" {
            return None;
        }
        let mut j = c - 1;
        let mut steps = 0;
        while j > lo + 1 && steps < 4 {
            let w = self.word(j - 1);
            let chain = self.tokens[j - 1].word
                && !self.tokens[j - 1].cap
                && (self.is_auxiliary(w)
                    || w.ends_with("ed")
                    || (w.ends_with("ly") && w.len() > 4)
                    || self.in_list(j - 1, list::INFINITIVE_CHAIN));
            if !chain {
                break;
            }
            j -= 1;
            steps += 1;
        }
        if steps == 0 {
            return None;
        }
        self.speaker_before(j, lo)
    }

    /// A count or share as the subject of a speech verb at `c`, from a clause opening:
    /// `One in three said …`, `nearly nine out of 10 say …`, `Some 56 percent of voters
    /// polled said …`, `most of them said …`, `all but two said …`.
    pub(in crate::quotes) fn count_subject(&self, c: usize, lo: usize) -> Option<Mention> {
        let tk = self.tokens.get(c)?;
        if tk.classes & (class::SPEECH | class::TELL | class::BELIEF) == 0
            || self.word(c).ends_with("ing")
            || c <= lo
        {
            return None;
        }
        let count = |k: usize| {
            let w = self.word(k);
            let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
            (self.tokens[k].number && !year)
                || self.in_list_lower(k, list::COUNT_WORD | list::NUMBER)
        };
        let approx = |k: usize| self.in_list_lower(k, list::APPROXIMATOR);
        let floor = c.saturating_sub(10).max(lo);
        let mut best = None;
        let mut j = c;
        while j > floor {
            let k = j - 1;
            let t = self.tokens[k];
            let ok = (t.word || matches!(t.punct, '-' | '%'))
                && !self.in_quote(k)
                && !(t.word && !t.cap && t.classes & (class::CUE | class::THAT) != 0)
                && !(t.word && !t.cap && self.finite(k) && k + 1 < c);
            if !ok {
                break;
            }
            if count(k) {
                let mut s = k;
                while s > lo && approx(s - 1) {
                    s -= 1;
                }
                let opens = s == lo
                    || matches!(self.punct(s - 1), ',' | ';' | ':' | '(')
                    || self.in_list(s - 1, list::ATTRIBUTION_CONJUNCTION);
                if opens {
                    best = Some(s);
                }
            }
            j -= 1;
        }
        let s = best?;
        Some(Mention {
            start: s,
            end: c,
            kind: MentionKind::Desc,
        })
    }

    /// A subject the speaker rules miss, right before the verb at `c`: a relative pronoun
    /// (`voters who said …`, `polls that show …`) or a run of up to six content words from
    /// the sentence start, a determiner or a comma (`Philippine lawmaker wants …`,
    /// `Twenty-four percent said …`, `42% say …`).
    pub(in crate::quotes) fn loose_subject(&self, c: usize, lo: usize) -> Option<Mention> {
        let mut j = c;
        let mut skipped = 0;
        while j > lo
            && self.has_class(j - 1, class::FILLER)
            && !self.tokens[j - 1].cap
            && skipped < 3
        {
            j -= 1;
            skipped += 1;
        }
        // `voters who said …`, `polls that show …`
        if j > lo && self.in_list(j - 1, list::RELATIVE_WORD) {
            return Some(Mention {
                start: j - 1,
                end: j,
                kind: MentionKind::Desc,
            });
        }
        let e = j;
        let content = |k: usize| {
            let t = self.tokens[k];
            let lower_verb =
                !t.cap && t.classes & (class::CUE | class::STANCE | class::INTENT) != 0;
            (t.word || matches!(t.punct, '-' | '/' | '&') || t.punct == '%')
                && !self.in_quote(k)
                && !lower_verb
                && t.classes & (class::STOP | class::THAT | class::FILLER | class::PHRASE) == 0
                && !(t.word && !t.cap && self.finite(k) && k + 1 < e)
        };
        while j > lo && j + 6 > e && content(j - 1) {
            j -= 1;
        }
        if j == e {
            return None;
        }
        // `farmers and small traders say …`: a coordinated subject
        if j > lo + 1 && self.in_list(j - 1, list::PHRASE_COORDINATOR) && content(j - 2) {
            let mut m = j - 1;
            while m > lo && m + 6 > j && content(m - 1) {
                m -= 1;
            }
            j = m;
        }
        // (`But hacking specialists say …`, `…, but experts say …`)
        let conj = j > lo
            && self.in_list_lower(j - 1, list::SUBJECT_CONJUNCTION)
            && (j - 1 == lo || matches!(self.punct(j - 2), ',' | ';'));
        let opens = j == lo
            || conj
            || matches!(self.punct(j - 1), ',' | ':' | ';' | '(' | '—')
            || (self.has_class(j - 1, class::DET) && !self.has_class(j - 1, class::PRON));
        if !opens {
            return None;
        }
        let s = if j > lo && self.has_class(j - 1, class::DET) {
            j - 1
        } else {
            j
        };
        Some(Mention {
            start: s,
            end: e,
            kind: MentionKind::Desc,
        })
    }

    /// The subject at the start of the sentence `lo..`, after a leading connective or an
    /// introductory phrase (`In April, Trump …`), and the token after it (its verb).
    pub(in crate::quotes) fn sentence_subject(
        &self,
        lo: usize,
        hi: usize,
    ) -> Option<(Mention, usize)> {
        let mut s = lo;
        if self.has_class(s, class::STOP | class::FILLER)
            || self.tokens.get(s).is_some_and(|t| !t.word)
        {
            let comma = (s..hi.min(s + 10)).find(|&j| self.punct(j) == ',');
            s = match comma {
                Some(c) => c + 1,
                None => s + 1,
            };
        } else if self.word(s).ends_with("ing") {
            // `Speaking on Monday, Okafor …`: past a fronted participle phrase
            if let Some(c) = (s..hi.min(s + 10)).find(|&j| self.punct(j) == ',') {
                s = c + 1;
            }
        }
        let np = match self.mention_at(s, hi) {
            Some(np) => np,
            // `Several said …`, `Many argue …`
            None if self.has_class(s, class::DET) && self.tokens[s].word => Mention {
                start: s,
                end: s + 1,
                kind: MentionKind::Desc,
            },
            None => return None,
        };
        let mut v = np.end;
        let mut skipped = 0;
        while v < hi && (self.has_class(v, class::FILLER) || self.adverb(v)) && skipped < 3 {
            v += 1;
            skipped += 1;
        }
        let tv = self.tokens.get(v)?;
        (v < hi && tv.word && !tv.cap && tv.classes & (class::STOP | class::DET | class::PRON) == 0)
            .then_some((np, v))
    }

    /// The speaker of a cue verb at `c`: the noun phrase before it, else the subject of a
    /// progressive, a participle after a comma, a coordinated verb, an infinitive, a loose
    /// subject, a count, or a participle of saying's sentence subject.
    pub(in crate::quotes) fn verb_subject(
        &self,
        c: usize,
        lo: usize,
        hi: usize,
    ) -> Option<Mention> {
        let np = self.speaker_before(c, lo);
        // `Trump is telling voters that …`, `X was saying …`: a progressive cue
        let np = np.or_else(|| self.progressive_subject(c, lo));
        // `…, adding that …` takes the speaker of the sentence's previous attribution
        let np = np.or_else(|| self.clause_subject(c, lo));
        // `She paid it back, but said …`: the subject of a coordinated verb
        let np = np.or_else(|| self.coordinated_subject(c, lo, hi));
        // `voters are more likely to say …`, `X continued to question …`
        let np = np.or_else(|| self.infinitive_subject(c, lo));
        // `Philippine lawmaker wants …`, `Twenty-four percent said …`
        let np = np.or_else(|| self.loose_subject(c, lo));
        // `One in three said …`, `Almost half of respondents said …`
        let np = np.or_else(|| self.count_subject(c, lo));
        // `six in 10 said …`, `all five say …`: a count as the subject
        let np = np.or_else(|| self.count_right_before(c, lo));
        // `The agency declined, saying …`, `while saying …`: a participle of saying takes
        // the subject of its sentence
        np.or_else(|| self.participle_subject(c, lo))
    }

    /// `She paid it back, but said …`: the subject of the sentence for a verb at `c`
    /// coordinated with `and` or `but`.
    fn coordinated_subject(&self, c: usize, lo: usize, hi: usize) -> Option<Mention> {
        // (not when the sentence ends with its own attribution: `X is …, and believes
        // …, Y has told Z.`)
        // (`and then said`, `but later said`)
        let cj = if c > lo + 2 && self.has_class(c - 1, class::FILLER) {
            c - 1
        } else {
            c
        };
        let coord = cj > lo + 1
            && self.in_list(cj - 1, list::VERB_COORDINATOR)
            && !(c + 1..hi)
                .any(|j| self.has_class(j, class::SPEECH | class::TELL) && !self.in_quote(j));
        coord
            .then(|| {
                self.sentence_subject(lo, cj - 1)
                    .map(|(np, _)| np)
                    .or_else(|| self.mention_at(lo, cj - 1))
            })
            .flatten()
            // (any description for unquoted content: `the court ruled and said …`)
            .filter(|np| {
                np.kind != MentionKind::Desc
                    || self.has_class(np.end - 1, class::ROLE | class::GROUP | class::AGENT)
                    || !(c + 1..hi).any(|j| self.in_quote(j))
            })
    }

    /// `six in 10 said …`, `all five say …`, `a majority said`: a count right before the
    /// speech or belief verb at `c` as its subject.
    fn count_right_before(&self, c: usize, lo: usize) -> Option<Mention> {
        let count = c > lo + 1
            && self.tokens[c].classes & (class::SPEECH | class::BELIEF) != 0
            && !self.word(c).ends_with("ing")
            && (self.tokens[c - 1].number && self.in_list(c - 2, list::COUNT_LINK)
                || self.in_list(c - 1, list::COUNT_HEAD));
        if !count {
            return None;
        }
        // (the mention takes the count before `in` and `percent`: `six in 10`)
        let s = match self.word(c - 2) {
            "in" if c > lo + 2 && self.tokens[c - 3].word => c - 3,
            _ if c > lo + 1 && (self.tokens[c - 2].number || self.word(c - 2) == "all") => c - 2,
            _ => c - 1,
        };
        Some(Mention {
            start: s,
            end: c,
            kind: MentionKind::Desc,
        })
    }

    /// `The agency declined, saying …`, `while saying …`: a participle of saying at `c`
    /// takes the subject of its sentence (or the nearest name before it).
    fn participle_subject(&self, c: usize, lo: usize) -> Option<Mention> {
        let tk = self.tokens[c];
        let part = tk.classes & (class::SPEECH | class::ACT | class::BELIEF) != 0
            && self.word(c).ends_with("ing")
            && c > lo + 2
            && (matches!(self.punct(c - 1), ',' | '—' | '–')
                || tk.classes & class::SPEECH != 0 && self.in_list(c - 1, list::PARTICIPLE_OPENER));
        part.then(|| {
            self.sentence_subject(lo, c - 1)
                .map(|(np, _)| np)
                .or_else(|| self.mention_at(lo, c - 1))
                .or_else(|| self.nearest_name(c - 1, lo))
        })
        .flatten()
    }
}
