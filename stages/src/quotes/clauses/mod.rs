//! Reported clauses without quotation marks (indirect speech): the pass over every
//! sentence that looks for cues, and its parts:
//!
//! - `subject`: the subject of a cue (participles, progressives, infinitives, counts);
//! - `ends`: where reported content ends (clause breaks, coordinated acts, adjuncts);
//! - `source`: source phrases (`according to X`) and statement nouns (`the charge by X that`);
//! - `verb`: a speech verb and its reported clause or object;
//! - `special`: labels, appearances, polls, fronted participles and `Asked …` questions.

mod ends;
mod source;
mod special;
mod subject;
mod verb;

use crate::quotes::analysis::Analyzer;
use crate::quotes::lexicon::{class, list};

/// The word classes of a token that may open a rule of [`Analyzer::indirect`] (a source
/// phrase, a statement noun, an appearance, a cue verb of any kind).
const OPENS: u32 = class::PHRASE
    | class::NOUN
    | class::APPEAR
    | class::SPEECH
    | class::TELL
    | class::ACT
    | class::LABEL
    | class::TOPIC
    | class::BELIEF
    | class::STANCE
    | class::INTENT;

/// The word lists of a token that may open a rule of [`Analyzer::indirect`] (a headline's
/// verb, an `Asked` form).
const OPENS_LIST: u128 = list::HEADLINE_VERB | list::ASKED_FORM;

impl Analyzer<'_> {
    /// The reported-clause pass: every unused token outside quotes that opens a source
    /// phrase, a statement noun, a headline's verb, a poll, an `Asked …` question, a fronted
    /// participle or a cue verb, in that order of preference.
    pub(in crate::quotes) fn indirect(&mut self) {
        let n = self.tokens.len();
        let title = self.title_case_headline();
        let mut i = 0;
        while i < n {
            if self.in_quote(i) || self.cue_used[i] {
                i += 1;
                continue;
            }
            let (lo, hi) = self.sentence_range(i);
            let t = &self.tokens[i];
            // (the length first: most tokens are not `in`, and slicing costs more)
            let in_word = t.end - t.start == 2 && self.word(i) == "in";
            // most tokens open nothing: no rule below starts without one of these
            if t.classes & OPENS == 0 && t.lists & OPENS_LIST == 0 && i != lo && !in_word {
                i += 1;
                continue;
            }
            // (copied only for a token that may open a rule)
            let tk = *t;
            if let Some((np, cue)) = self.phrase_at(i, hi) {
                self.phrase_clause(np, cue, lo, hi);
                i = cue.1;
                continue;
            }
            if self.headline_says(i, lo, hi) {
                i += 1;
                continue;
            }
            if tk.classes & class::NOUN != 0 && tk.word && !tk.cap && self.noun_clause(i, hi) {
                i += 1;
                continue;
            }
            if tk.classes & class::APPEAR != 0 && self.config.appearances && tk.word && !tk.cap {
                self.appearance(i, lo, hi);
            }
            if i == lo && self.word(i) == "In" && self.poll_source(i, hi) {
                i += 1;
                continue;
            }
            if i == lo && tk.cap && self.fronted_participle(i, hi) {
                i += 1;
                continue;
            }
            if in_word && i > lo + 2 && self.trailing_poll(i, lo, hi) {
                i += 1;
                continue;
            }
            if self.in_list(i, list::ASKED_FORM) && self.asked_clause(i, lo, hi) {
                i += 1;
                continue;
            }
            let verb = tk.classes
                & (class::SPEECH | class::TELL | class::ACT | class::LABEL | class::TOPIC)
                != 0
                || (self.config.beliefs && tk.classes & class::BELIEF != 0)
                || (self.config.stances && tk.classes & class::STANCE != 0)
                || (self.config.intentions
                    && tk.classes & class::INTENT != 0
                    && !self.intent_noun(i));
            // (a headline in title case capitalises its verb: `Mayor Says Roads Will Reopen`)
            let lower = !tk.cap || (i < title && i > lo);
            if verb && tk.word && lower {
                self.verb_clause(i, lo, hi);
            }
            i += 1;
        }
    }
}
