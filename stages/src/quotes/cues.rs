//! Word-level tests on cue words and verbs: a cue word used as a noun, finite verb forms,
//! adverbs, coordinated and relative verbs.

use super::analysis::Analyzer;
use super::lexicon::{class, list};

impl Analyzer<'_> {
    /// A verb of saying or telling at `i`, or a French verb+pronoun token (`dit-il`).
    pub(super) fn is_cue_word(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        if t.classes & (class::SPEECH | class::TELL) != 0 {
            return true;
        }
        // French `dit-il`, `a-t-il`
        self.split_cue(i).is_some()
    }

    /// An intention word used as a noun (`have plans to`, `the plan`, `a wish`, `the tax
    /// plan will …`).
    pub(super) fn intent_noun(&self, k: usize) -> bool {
        self.noun_use(k)
            || self.is_auxiliary(self.word(k + 1))
            || self.in_list(k + 1, list::AFTER_INTENT_NOUN)
            || (k > 0
                && self.in_list(k - 1, list::BEFORE_INTENT_NOUN)
                && self.in_list(k, list::INTENT_NOUN))
    }

    /// A cue word used as a noun (`secretary of state`, `the states`, `a tweet`).
    pub(super) fn noun_use(&self, k: usize) -> bool {
        k > 0
            && (self.has_class(k - 1, class::DET)
                || self.in_list(k - 1, list::NOUN_BEFORE_CUE)
                || self.word(k - 1).ends_with("’s")
                || self.word(k - 1).ends_with("'s"))
    }

    /// A cue word that can only be a noun: right after an article or a demonstrative
    /// (`the report`, `a claim`, `these calls`). (After a possessive it is often a
    /// nominal attribution, `Pence’s call for [a special prosecutor]`, left as it is.)
    pub(super) fn possessed(&self, k: usize) -> bool {
        k > 0 && self.in_list(k - 1, list::ARTICLE)
    }

    /// `attack`/`attacks` and lowercase `states` on their noun reading: the verb needs a
    /// subject right before it (`she attacks`, `an ad that attacks`, `the memo states`),
    /// the noun comes after a possessive (`Sanders’ attacks on`), an article or an
    /// adjective (`a pre-emptive attack against`), a count (`the 20 states`) or a
    /// place word (`Western states`).
    pub(super) fn noun_head(&self, c: usize) -> bool {
        let w = self.word(c);
        if c == 0 || !self.in_list(c, list::NOUN_HEAD_WORD) {
            return false;
        }
        let prev = self.word(c - 1);
        if self.has_class(c - 1, class::PRON) || self.in_list(c - 1, list::BEFORE_VERB_READING) {
            return false;
        }
        let possessive = prev.ends_with('’')
            || prev.ends_with('\'')
            || prev.ends_with("’s")
            || prev.ends_with("'s");
        // (`attacks on`, `attack against`: the noun's complement)
        if possessive || (w != "states" && self.in_list(c + 1, list::NOUN_COMPLEMENT)) {
            return true;
        }
        let Some(pt) = self.tokens.get(c - 1) else {
            return false;
        };
        // (a name as the subject: `Sanders attacks her`, not `the Benghazi attack`)
        if pt.word && pt.cap && w != "states" && !self.has_class(c.saturating_sub(2), class::DET) {
            return prev == "Such";
        }
        (!pt.word && !matches!(pt.punct, '—' | '–'))
            || pt.number
            || pt.cap
            || self.has_class(c - 1, class::DET)
            || ["ing", "er", "ern", "al", "ive", "ic", "ry", "ist"]
                .iter()
                .any(|e| prev.ends_with(e))
            || self.in_list(c - 1, list::NOUN_MODIFIER | list::NUMBER)
    }

    /// `and` before a verb (`and praised …`, `and even questioned …`, `and has …`).
    pub(super) fn coordinated_verb(&self, j: usize) -> bool {
        if self.word(j) != "and" {
            return false;
        }
        let mut v = j + 1;
        if self.word(v).ends_with("ly") || self.in_list(v, list::COORDINATED_ADVERB) {
            v += 1;
        }
        let w = self.word(v);
        self.tokens.get(v).is_some_and(|t| t.word && !t.cap)
            && ((w.len() > 4 && w.ends_with("ed"))
                || self.has_class(v, class::ACT | class::SPEECH | class::LABEL)
                || self.in_list(v, list::VERBISH_AUXILIARY))
    }

    /// A verb that opens a relative's reported clause (`said [was ongoing]`).
    pub(super) fn relative_verb(&self, k: usize) -> bool {
        self.in_list(k, list::RELATIVE_CLAUSE_VERB)
    }

    /// A finite verb form at `k`: an auxiliary, a modal or a past tense in `-ed`.
    pub(super) fn finite(&self, k: usize) -> bool {
        let v = self.word(k);
        self.is_auxiliary(v) || (v.ends_with("ed") && v.len() > 3)
    }

    /// A cue word, or a word that looks like a finite verb (`pushed`, `touts`).
    pub(super) fn verbish(&self, v: usize) -> bool {
        let w = self.word(v);
        self.has_class(v, class::CUE)
            || w.ends_with("ed")
            || (w.ends_with('s') && !w.ends_with("ss"))
    }

    /// A lowercase `-ly` adverb (`consistently`), skipped between a subject and its verb.
    pub(super) fn adverb(&self, v: usize) -> bool {
        self.tokens.get(v).is_some_and(|t| t.word && !t.cap) && self.word(v).ends_with("ly")
    }
}
