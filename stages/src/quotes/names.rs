//! Name words: runs of capitalised words with their connectors and hyphens, the modifiers
//! and job descriptions before a name, relative pronouns and the nearest name.

use super::analysis::{Analyzer, Mention, MentionKind};
use super::lexicon::class;

impl Analyzer<'_> {
    /// A hyphenated verb+pronoun token such as `dit-il`: the pronoun's byte range.
    pub(super) fn split_cue(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.tokens.get(i)?;
        let w = self.word(i);
        let dash = w.rfind('-')?;
        let (verb, pron) = (&w[..dash], &w[dash + 1..]);
        let verb = verb.trim_end_matches("-t");
        let vc = self.lex.classes_str_lower(verb);
        let pc = self.lex.classes_str_lower(pron);
        (vc & (class::SPEECH | class::TELL | class::FILLER) != 0 && pc & class::PRON != 0)
            .then(|| (t.start + dash + 1, t.end))
    }

    /// A capitalised word that may belong to a name at `i`: not a stop word, pronoun,
    /// article, a cue word at the sentence start or a day in mid-sentence; or a title.
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            let sent_start = self
                .sentences
                .get(t.sentence as usize)
                .is_some_and(|s| s.0 == i);
            // a capitalised cue word is a name (`the Post`) except at a sentence start
            let cue = t.classes & class::CUE != 0 && sent_start;
            // (`Nun näherte der König …`: an adverb that opens a sentence is no name, in
            // the languages of `reported.rs`; English keeps its rules)
            let adverb = t.classes & class::FILLER != 0 && sent_start && self.lex.reported;
            // `released a statement Wednesday saying …`: a day is no name
            let day = t.classes & class::TIME != 0 && !sent_start;
            t.cap
                && t.word
                && !self.in_quote(i)
                && !cue
                && !adverb
                && !day
                && t.classes & (class::STOP | class::PRON | class::DET | class::THAT) == 0
        }) || (self.has_class(i, class::TITLE) && self.tokens[i].cap)
    }

    /// The person a relative `who` at `k` stands for (`Mike Lee, who …`).
    pub(super) fn antecedent(&self, k: usize, lo: usize) -> Option<Mention> {
        if k < lo + 2 || self.word(k) != "who" || self.punct(k - 1) != ',' {
            return None;
        }
        let np = self.mention_before(k - 1, lo)?;
        (np.kind == MentionKind::Name || self.has_class(np.end - 1, class::ROLE | class::AGENT))
            .then_some(np)
    }

    /// A hyphen joining two name words (`Lopez-Cantera`) at token `k`.
    pub(super) fn name_hyphen(&self, k: usize) -> bool {
        self.punct(k) == '-'
            && k > 0
            && self
                .tokens
                .get(k + 1)
                .is_some_and(|n| n.start == self.tokens[k].end)
            && self.tokens[k - 1].end == self.tokens[k].start
            && self.is_name_word(k + 1)
    }

    /// A hyphen glued between two words or numbers (`conservative-leaning`, `43-year`) at
    /// token `k`.
    pub(super) fn glued_hyphen(&self, k: usize) -> bool {
        self.punct(k) == '-'
            && k > 0
            && self.tokens[k - 1].word
            && self.tokens[k - 1].end == self.tokens[k].start
            && self
                .tokens
                .get(k + 1)
                .is_some_and(|n| n.word && n.start == self.tokens[k].end)
    }

    /// The end of the run of name words starting at the name word `start` (connectors and
    /// hyphens inside), not past `hi`.
    pub(super) fn name_run_end(&self, start: usize, hi: usize) -> usize {
        let mut k = start + 1;
        while k < hi {
            if self.is_name_word(k) {
                k += 1;
            } else if k + 1 < hi
                && ((self.has_class(k, class::CONN)
                    && !self.tokens[k].cap
                    && self.is_name_word(k + 1))
                    || self.name_hyphen(k))
            {
                k += 2;
            } else {
                break;
            }
        }
        k
    }

    /// A lowercase word that may modify a name (`former`, `pollster`, `chief executive`).
    pub(super) fn modifier_word(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| {
            t.word
                && !t.cap
                && !t.number
                && !self.in_quote(k)
                && t.classes
                    & (class::STOP
                        | class::CUE
                        | class::THAT
                        | class::FILLER
                        | class::PRON
                        | class::DET
                        | class::TIME
                        | class::PHRASE)
                    == 0
        })
    }

    /// From `k`: up to four lowercase modifiers (and names between them, as in `former
    /// Obama adviser`), then a name: the end of that name.
    pub(super) fn premodified_name(&self, k: usize, hi: usize) -> Option<usize> {
        let mut j = k;
        let mut mods = 0;
        while j < hi && self.modifier_word(j) {
            j += 1;
            mods += 1;
            if mods > 4 {
                return None;
            }
            if j < hi && self.is_name_word(j) {
                let e = self.name_run_end(j, hi);
                if e < hi && self.modifier_word(e) {
                    j = e;
                    continue;
                }
                // the word before the name is a person's job, not a verb (`Trump beat Bush`),
                // or the name opens with a title (`campaign Chairman John Podesta`)
                let job = class::AGENT | class::TITLE | class::ROLE;
                return (self.has_class(j - 1, job)
                    || self.has_class(j, class::TITLE)
                    || self.agent_suffix(j - 1))
                .then_some(e);
            }
        }
        None
    }

    /// Where a job description before the name at `k` starts (`DFA spokesman`, `the
    /// campaign’s chief strategist`): only when a comma, a determiner or the sentence start
    /// comes right before it.
    pub(super) fn job_before(&self, k: usize, lo: usize) -> Option<usize> {
        if k <= lo || self.tokens[k - 1].cap {
            return None;
        }
        let job = class::AGENT | class::ROLE | class::TITLE;
        if !self.has_class(k - 1, job) && !self.agent_suffix(k - 1) {
            return None;
        }
        let mut j = k - 1;
        while j > lo && k - j < 6 && (self.modifier_word(j - 1) || self.is_name_word(j - 1)) {
            j -= 1;
        }
        if j > lo && self.has_class(j - 1, class::DET) {
            j -= 1;
        }
        (j == lo || self.punct(j - 1) == ',').then_some(j)
    }

    /// A job noun by its ending (`screenwriter`, `strategist`): the endings are `agent`
    /// entries written `-er`, `-ist`….
    pub(super) fn agent_suffix(&self, k: usize) -> bool {
        let w = self.word(k);
        if w.len() < 6 || !w.is_ascii() {
            return false;
        }
        let mut key = String::with_capacity(5);
        (2..=4).any(|n| {
            key.clear();
            key.push('-');
            key.push_str(&w[w.len() - n..]);
            self.lex.classes(&key) & class::AGENT != 0
        })
    }

    /// A title by its ending, in a language that writes titles into compounds
    /// (`Gewerkschaftschef`, `Regierungssprecherin`): the endings are `title` entries
    /// written `-chef`, `-sprecherin`….
    pub(super) fn title_ending(&self, k: usize) -> bool {
        let w = self.word(k);
        // (the ending is written in lowercase inside the compound)
        self.lex
            .title_endings
            .iter()
            .any(|e| w.len() > e.len() + 2 && w.ends_with(e.as_str()))
    }

    /// The closest name or pronoun before `k` in its sentence (at most 14 tokens back).
    pub(super) fn nearest_name(&self, k: usize, lo: usize) -> Option<Mention> {
        let floor = k.saturating_sub(14).max(lo);
        let mut j = k;
        while j > floor {
            if self.in_quote(j - 1) {
                return None;
            }
            if self.has_class(j - 1, class::PRON) || self.is_name_word(j - 1) {
                let np = self.mention_before(j, lo)?;
                // `Vladimir Putin welcoming …`: a person's name, not a sentence-initial word
                if np.kind == MentionKind::Pron || np.end - np.start >= 2 {
                    return Some(np);
                }
                return None;
            }
            j -= 1;
        }
        None
    }
}
