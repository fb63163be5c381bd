//! A speech verb and what it reports: its `that` clause, a bare clause, its addressee
//! (`told Y that …`), its object (`accused him of …`), `As X noted, …`.

use crate::quotes::analysis::{conf_of, Analyzer, Mention, MentionKind};
use crate::quotes::lexicon::{class, list};
use crate::text::is_paired_quote_mark;
use pipeline_core::QuoteKind;

impl Analyzer<'_> {
    /// A cue verb at `c` in the sentence `lo..hi`: finds its speaker, then emits what it
    /// reports (its `that` clause, the words before it, its object or a bare clause).
    pub(in crate::quotes) fn verb_clause(&mut self, c: usize, lo: usize, hi: usize) {
        if self.cue_is_not_a_verb(c, lo) {
            return;
        }
        let Some(np) = self.verb_subject(c, lo, hi) else {
            self.inverted_speaker_at_end(c, lo, hi);
            return;
        };
        // `called it “a disgrace”`, `what he calls the “crooked” process`
        if self.tokens[c].classes & class::LABEL != 0 && self.label_clause(c, np, lo, hi) {
            return;
        }
        if self.relative_or_as_clause(c, np, lo, hi) {
            return;
        }
        if let Some(th) = self.that_after_cue(c, hi) {
            // (the clause keeps its `that`)
            let end = self.clause_end(th + 1, hi);
            let conf = conf_of(np.kind, 0.8);
            self.emit_clause(th, end, np, (c, c + 1), conf);
            return;
        }
        if self.content_before_cue(c, np, lo, hi) || self.complement_by_verb_class(c, np, hi) {
            return;
        }
        self.bare_clause(c, np, hi);
    }

    /// Whether the cue word at `c` is no verb of attribution here: a request (`asked not
    /// to be named`), a label (`Editor’s note:`), or a noun (`the show has …`, `Trump’s
    /// attacks on her`, `the 20 states that`).
    fn cue_is_not_a_verb(&self, c: usize, lo: usize) -> bool {
        let tk = self.tokens[c];
        // `an aide who asked not to be named`: a request, nothing reported
        if tk.classes & class::ASK != 0 && self.word(c + 1) == "not" && self.word(c + 2) == "to" {
            return true;
        }
        // `the show has …`, `Saturday’s tweet was …`: a cue word used as a noun, the
        // subject of the verb after it
        let modifier = |j: usize| j >= lo && self.tokens[j].word && !self.tokens[j].cap;
        let compound = c > lo + 1
            && modifier(c - 1)
            && (self.has_class(c - 2, class::DET)
                || (c > lo + 2 && modifier(c - 2) && self.has_class(c - 3, class::DET)));
        // (not a verb's past: `the dispute the ministry said was settled`)
        let past = self.finite(c) || self.in_list(c, list::VERB_FORM);
        // (`Editor’s note: …`: a label)
        let label = self.noun_use(c) && self.punct(c + 1) == ':';
        if label || ((self.noun_use(c) || compound) && !past && self.is_auxiliary(self.word(c + 1)))
        {
            return true;
        }
        // `Trump’s attacks on her`, `the question here is`, `a claim not recognised`: after
        // a possessive or an article the cue word is a noun
        if !past && self.possessed(c) {
            return true;
        }
        // `Sanders’ attacks on her`, `a pre-emptive attack against`, `the 20 states that`
        !self.tokens[c].cap && self.noun_head(c)
    }

    /// No speaker before the cue at `c`: an inversion at the end of the sentence, `…, said
    /// Hussain.` (not a participle with its object: `…, citing statistics about …`).
    fn inverted_speaker_at_end(&mut self, c: usize, lo: usize, hi: usize) {
        if c > lo && self.punct(c - 1) == ',' && !self.word(c).ends_with("ing") {
            if let Some(np) = self.mention_at(c + 1, hi) {
                let mut after = np.end;
                // `…, said Larry Smith, a historian at Yale.`
                after = self.adjunct_tail(after, hi, true);
                if after >= hi || matches!(self.punct(after), '.' | '!' | '?') {
                    self.emit_clause(lo, c - 1, np, (c, c + 1), 0.75);
                }
            }
        }
    }

    /// A cue at `c` inside a relative (`a probe the agency said was ongoing`) or after
    /// `what`, `as`, `how` (`As the paper noted, …`); true when it decided.
    fn relative_or_as_clause(&mut self, c: usize, np: Mention, lo: usize, hi: usize) -> bool {
        // `a probe the agency said was ongoing`, `what he said were failures`: the
        // reported clause lost its subject to the relative
        let aux = c + 1 < hi && self.relative_verb(c + 1);
        if aux && self.tokens[c].classes & class::BARE != 0 {
            let end = self.clause_end(c + 1, hi);
            // the content holds its antecedent: `[a probe the agency said was ongoing]`,
            // `[which it said was unacceptable]`
            let start = if np.start > lo && self.in_list(np.start - 1, list::RELATIVE_ANTECEDENT) {
                np.start - 1
            } else {
                self.mention_before(np.start, lo)
                    .filter(|a| a.kind == MentionKind::Desc)
                    .map_or(c + 1, |a| a.start)
            };
            if end > c + 3 {
                self.emit_clause(start, end, np, (c, c + 1), conf_of(np.kind, 0.65));
            }
            return true;
        }
        if np.start > lo && self.in_list_lower(np.start - 1, list::AS_WHAT_HOW) {
            // `As the paper noted, [the plant …]`, `But as X reported on Monday, […]`
            let opening = np.start - 1 == lo
                || (np.start - 2 == lo && self.in_list(lo, list::AS_CLAUSE_OPENER));
            if self.word(np.start - 1).eq_ignore_ascii_case("as") && opening {
                self.as_clause(c, np, hi);
            }
            return true;
        }
        false
    }

    /// The `that` of the cue at `c`'s complement, past the addressee and time words
    /// (`told a crowd at a hotel in Boston that …`), if there is one within reach.
    fn that_after_cue(&self, c: usize, hi: usize) -> Option<usize> {
        let tk = self.tokens[c];
        let mut k = c + 1;
        let mut that = None;
        // (a longer adjunct for verbs of saying: `said in an interview with the local paper
        // last week that …`, `told a crowd at a hotel in Boston that …`)
        let far = tk.classes & (class::SPEECH | class::TELL) != 0
            && tk.classes & class::ACT == 0
            && (tk.classes & class::TELL != 0 || self.in_list(c + 1, list::FAR_ADJUNCT_OPENER));
        let limit = (c + if far { 14 } else { 9 }).min(hi);
        while k < limit {
            if self.has_class(k, class::THAT) && !self.in_quote(k) {
                // (not a relative `that` past the usual reach: `… equipment that could …`)
                let relative = self.finite(k + 1) || self.relative_verb(k + 1);
                if k < c + 9 || !relative {
                    that = Some(k);
                }
                break;
            }
            // `told X, however, that …`
            let however = self.punct(k) == ','
                && (self.word(k + 1) == "however" || k > 0 && self.word(k - 1) == "however");
            if however {
                k += 1;
                continue;
            }
            // (not past the clause itself: `said he had heard that account`)
            if !self.tokens[k].word || self.has_class(k, class::CUE) || self.opens_clause(k) {
                break;
            }
            k += 1;
        }
        that
    }

    /// The reported words before the attribution: `…, X said.`, `…, X has told Sputnik.`,
    /// or the whole sentence around it (`The goal, he said, is a durable cease-fire.`);
    /// true when it emitted.
    fn content_before_cue(&mut self, c: usize, np: Mention, lo: usize, hi: usize) -> bool {
        let mut after = c + 1;
        if self.tokens[c].classes & class::TELL != 0 {
            if let Some(obj) = self.mention_at(after, hi) {
                after = obj.end;
            }
        }
        while after < hi && self.has_class(after, class::TIME) {
            after += 1;
        }
        // `…, X told reporters on Monday.`: an object and adjuncts up to the sentence end
        if np.start > lo && self.punct(np.start - 1) == ',' {
            after = self.adjunct_tail(after, hi, false);
        }
        let at_end = after >= hi || matches!(self.punct(after), '.' | '!' | '?');
        let before_comma = np.start > lo && self.punct(np.start - 1) == ',';
        // `…, X said, adding …`: the attribution ends the reported words too
        let adding = self.punct(after) == ',' && self.is_cue_word(after + 1);
        if (at_end || adding) && before_comma {
            let conf = conf_of(np.kind, 0.78);
            self.emit_clause(lo, np.start - 1, np, (c, c + 1), conf);
            return true;
        }
        // `The goal, he said, is a durable cease-fire.`: the whole sentence, its
        // attribution inside
        if before_comma && self.punct(after) == ',' && np.start > lo + 1 && after + 2 < hi {
            let starts = self.tokens[lo].word || is_paired_quote_mark(self.tokens[lo].punct);
            let quoted = (lo..hi).any(|j| self.in_quote(j));
            if starts && !quoted {
                let end = self.clause_end(after + 1, hi);
                let conf = conf_of(np.kind, 0.7);
                self.emit_clause(lo, end, np, (c, c + 1), conf);
                return true;
            }
        }
        false
    }

    /// The complement that the cue's class decides: a view (`see him as …`), a question
    /// (`asked whether …`), a topic (`complained about …`), an intention's `to` clause, a
    /// speech act's object; true when it decided (a verb that takes no bare clause always
    /// decides).
    fn complement_by_verb_class(&mut self, c: usize, np: Mention, hi: usize) -> bool {
        let tk = self.tokens[c];
        // `voters see [him as the stronger candidate]`: a view, its object and `as …`
        if self.in_list(c, list::VIEW_VERB) {
            let end = self.clause_end(c + 1, hi);
            let as_at = (c + 2..end.min(c + 9)).find(|&j| self.word(j) == "as");
            if let Some(a) = as_at {
                let plain =
                    (c + 1..a).all(|j| self.tokens[j].word && !self.has_class(j, class::STOP));
                if plain && a + 1 < end {
                    self.emit_clause(c + 1, end, np, (c, c + 1), conf_of(np.kind, 0.6));
                }
            }
            return true;
        }
        // `asked whether …`
        let wh = self.in_list(c + 1, list::QUESTION_WORD);
        if tk.classes & class::ASK != 0 && wh {
            let end = self.clause_end(c + 1, hi);
            if end > c + 3 {
                self.emit_clause(c + 1, end, np, (c, c + 1), conf_of(np.kind, 0.7));
            }
            return true;
        }
        // `complained about …`
        if self.particle(c, c + 1, np) {
            self.object_clause(c, np, hi);
            return true;
        }
        // `hopes to win`, `vowed to fight`: an intention's `to` clause
        if tk.classes & class::INTENT != 0 && self.word(c + 1) == "to" && self.config.intentions {
            self.object_clause(c, np, hi);
            return true;
        }
        // `X said the talks failed` (verbs that take a bare clause)
        if tk.classes & class::BARE == 0 {
            let obj = class::ACT | class::LABEL | class::STANCE | class::INTENT;
            if tk.classes & obj != 0 {
                self.object_clause(c, np, hi);
            }
            return true;
        }
        false
    }

    /// A clause without `that` after a verb that takes one (`X said the talks failed`,
    /// `told Y he would …`, `said if she wins, …`, `said yes`); else a speech act's object.
    fn bare_clause(&mut self, c: usize, np: Mention, hi: usize) {
        let tk = self.tokens[c];
        if tk.classes & class::TELL != 0 {
            // `told Y he would …`: a clause opening with a subject pronoun
            if let Some(e) = self.addressee_end(c + 1, hi) {
                self.tell_clause(c, np, e, hi);
            }
            return; // `told Y` without `that`: an order or a topic, not a statement
        }
        let k = self.bare_clause_start(c, hi);
        if self.tokens.get(k).is_none() || k >= hi || self.in_quote(k) {
            return;
        }
        let clause_start = self.may_open_clause(k);
        let fronted = self.fronted_phrase(k, hi);
        let cond = tk.classes & class::SPEECH != 0 && self.conditional(k, hi);
        // `said yes`, `said no to the war`
        let answer = self.in_list(k, list::ANSWER_WORD)
            && tk.classes & class::SPEECH != 0
            && k == c + 1
            && (self.tokens.get(k + 1).is_some_and(|n| !n.word) || self.word(k + 1) == "to");
        if answer && self.word(k + 1) != "to" {
            self.cue_used[c] = true;
            self.push_reported_tokens(QuoteKind::Indirect, (k, k + 1), np, c, 0.6);
            return;
        }
        if fronted || cond || answer {
            let end = self.clause_end(k, hi);
            self.emit_clause(k, end, np, (c, c + 1), conf_of(np.kind, 0.65));
            return;
        }
        let quant = self.quantity_subject(k, hi);
        if !quant && (!clause_start || self.has_class(k, class::STOP)) {
            // `promised a recount`, `acknowledged the defeat`: a speech act's object
            if tk.classes & class::ACT != 0 {
                self.object_clause(c, np, hi);
            }
            return;
        }
        let end = self.clause_end(k, hi);
        if end < k + 3 {
            return;
        }
        let conf = conf_of(np.kind, 0.72);
        self.emit_clause(k, end, np, (c, c + 1), conf);
    }

    /// Where a bare clause after the cue at `c` starts: past a comma or colon, and past
    /// time words when a subject follows them (`said on Friday he met …`, `said Tuesday
    /// the talks had …`).
    fn bare_clause_start(&self, c: usize, hi: usize) -> usize {
        let mut k = c + 1;
        if matches!(self.punct(k), ',' | ':') {
            k += 1;
        }
        // `said on Friday he met …`, `said Tuesday the talks had …`: time words, then the
        // clause's subject
        let mut m = k;
        if self.word(m) == "on" && self.has_class(m + 1, class::TIME) {
            m += 1;
        }
        while m < hi && m < k + 3 && self.has_class(m, class::TIME) {
            m += 1;
        }
        if m > k && m < hi {
            let pron = self.has_class(m, class::PRON)
                && !self.in_list(m, list::UNCLAUSED_PRONOUN)
                && self.tokens.get(m + 1).is_some_and(|n| n.word && !n.cap);
            let subject = self.has_class(m, class::DET) && self.subject_then_finite(m, hi);
            if pron || subject || self.bare_subject(m) {
                k = m;
            }
        }
        k
    }

    /// Whether the token at `k` (which exists) may open a bare clause: a pronoun, an
    /// article, a name, a quotation mark, a lowercase noun or a number (`said company
    /// leaders had …`, `said 46 percent of …`); not adverbs, prepositions and object
    /// pronouns.
    fn may_open_clause(&self, k: usize) -> bool {
        let first = self.tokens[k];
        let plain = first.word
            && !first.cap
            && first.classes & (class::FILLER | class::TIME | class::CUE | class::THAT) == 0
            && !self.word(k).ends_with("ly")
            && !self.in_list(k, list::NO_CLAUSE_START);
        first.classes & (class::PRON | class::DET) != 0
            || (first.cap && first.word)
            || is_paired_quote_mark(first.punct)
            || plain
            || self.bare_subject(k)
    }

    /// `said in politics it takes time`: a fronted phrase at `k`, then the clause's
    /// pronoun.
    fn fronted_phrase(&self, k: usize, hi: usize) -> bool {
        self.in_list(k, list::FRONTED_PREPOSITION)
            && (k + 2..(k + 8).min(hi)).any(|j| {
                self.has_class(j, class::PRON)
                    && self.word(j) != "you"
                    && self.tokens.get(j + 1).is_some_and(|n| n.word && !n.cap)
                    && (k + 1..j).all(|m| {
                        self.tokens[m].word && !self.has_class(m, class::CUE | class::THAT)
                    })
            })
    }

    /// `said if she wins, taxes would rise`: a conditional at `k`, then the clause after
    /// its comma (or without its comma, when a subject pronoun opens the main clause:
    /// `said if elected he would …`).
    fn conditional(&self, k: usize, hi: usize) -> bool {
        self.in_list(k, list::CONDITIONAL_OPENER)
            && ((k + 3..hi).any(|j| {
                self.punct(j) == ','
                    && self.tokens.get(j + 1).is_some_and(|n| n.word)
                    && !self.in_quote(j)
            }) || (k + 2..(k + 10).min(hi)).any(|j| {
                self.in_list(j, list::CONDITIONAL_SUBJECT) && self.is_auxiliary(self.word(j + 1))
            }))
    }

    /// `said about half of the cuts were …`, `said much of the talk was …`: a quantity
    /// opening the clause at `k` (not `wrote about techniques used …`: a count or share
    /// follows).
    fn quantity_subject(&self, k: usize, hi: usize) -> bool {
        let share = self.tokens.get(k + 1).is_some_and(|t| t.number)
            || (self.word(k) == "at" && self.word(k + 1) == "least")
            || self.in_list(k + 1, list::SHARE_WORD);
        self.in_list(k, list::QUANTIFIER) && share && self.subject_then_finite(k, hi)
    }

    /// `As X noted, …` at cue `c`: the clause after the comma that closes the
    /// attribution (past a few adjunct words: `as X reported on Saturday, …`).
    pub(in crate::quotes) fn as_clause(&mut self, c: usize, np: Mention, hi: usize) {
        let mut k = c + 1;
        while k < hi
            && k < c + 8
            && self.tokens[k].word
            && !self.has_class(k, class::CUE | class::THAT)
        {
            k += 1;
        }
        if k >= hi || self.punct(k) != ',' || self.in_quote(k) {
            return;
        }
        let end = self.clause_end(k + 1, hi);
        if end < k + 4 {
            return;
        }
        self.emit_clause(k + 1, end, np, (c, c + 1), conf_of(np.kind, 0.7));
    }

    /// A preposition at `k` that makes the words after it the content of the verb at `c`
    /// (`complained about …`, `warned of …`, `commented on …`, `believe in …`), for a
    /// speaker that is a person.
    pub(in crate::quotes) fn particle(&self, c: usize, k: usize, np: Mention) -> bool {
        let tk = self.tokens[c];
        let person = np.kind != MentionKind::Desc
            || self.has_class(np.end - 1, class::ROLE | class::GROUP | class::AGENT);
        let topic = tk.classes & class::TOPIC != 0;
        tk.classes & (class::SPEECH | class::BELIEF | class::ACT | class::TOPIC) != 0
            && person
            && match self.word(k) {
                "about" => true,
                "against" => !topic,
                "of" => topic || self.in_list(c, list::WARN_VERB),
                // (not `went on to say`: the verb after `to` is the cue)
                "on" => {
                    !topic
                        && !self.has_class(k + 1, class::TIME)
                        && tk.classes & class::LABEL == 0
                        && self.word(k + 1) != "to"
                }
                "in" => tk.classes & class::BELIEF != 0,
                _ => false,
            }
    }

    /// `told Y he would …` at cue `c`, the addressee ending at `k`: the clause from a
    /// subject pronoun (after time words) to the clause end.
    pub(in crate::quotes) fn tell_clause(&mut self, c: usize, np: Mention, k: usize, hi: usize) {
        let mut k = k;
        // (not the subject of `told reporters this was …`)
        while k < hi
            && (self.has_class(k, class::TIME) || self.in_list(k, list::ADDRESSEE_TIME_WORD))
            && !(self.word(k) == "this" && self.finite(k + 1))
        {
            k += 1;
        }
        if k >= hi || self.in_quote(k) {
            return;
        }
        let pron = self.has_class(k, class::PRON)
            && !self.in_list(k, list::UNCLAUSED_PRONOUN)
            && self.tokens.get(k + 1).is_some_and(|n| n.word && !n.cap);
        // `told reporters this was …`, `told the paper her group never …`
        let det = self.in_list(k, list::SUBJECT_DETERMINER) && self.subject_then_finite(k, hi);
        if !(pron || det || self.bare_subject(k)) {
            return;
        }
        let end = self.clause_end(k, hi);
        if end < k + 3 {
            return;
        }
        self.emit_clause(k, end, np, (c, c + 1), conf_of(np.kind, 0.72));
    }

    /// A speech act's object to the clause end (`accused [him of lying]`, `called for [a
    /// recount]`); a label verb only with a quoted label (`called [it “a disgrace”]`).
    pub(in crate::quotes) fn object_clause(&mut self, c: usize, np: Mention, hi: usize) {
        let tk = self.tokens[c];
        let mut k = c + 1;
        while k < hi && self.has_class(k, class::TIME) {
            k += 1;
        }
        // `called for …` (not `called on X`, a visit), `referring to …`
        let particle = self.word(k) == "for"
            || (self.word(k) == "to" && self.word(c).to_lowercase().starts_with("refer"))
            || self.particle(c, k, np);
        let act = tk.classes & (class::ACT | class::STANCE | class::INTENT) != 0 || particle;
        if particle {
            k += 1;
        }
        // `declined to comment`, `plans to run`: the `to` clause
        let to = tk.classes & class::INTENT != 0 && self.word(k) == "to";
        let Some(first) = self.tokens.get(k) else {
            return;
        };
        if k >= hi || !(first.word || is_paired_quote_mark(first.punct)) || self.in_quote(k) {
            return;
        }
        if first.classes & (class::STOP | class::THAT) != 0 && !particle && !to {
            return;
        }
        let mut end = self.clause_end(k, hi);
        // `praised [her] and thanked …`: the object ends before a coordinated verb
        if !(k..end).any(|j| self.in_quote(j)) {
            if let Some(j) = (k + 1..end).find(|&j| self.coordinated_verb(j)) {
                end = j;
            }
        }
        if end <= k {
            return;
        }
        let quoted = (k..end).any(|j| self.quote_opening_at(j).is_some());
        if !act && !quoted {
            return;
        }
        // stances and intentions are no speech: they never carry a quotation
        let speech = class::SPEECH | class::TELL | class::ACT | class::LABEL;
        if quoted && tk.classes & speech == 0 {
            return;
        }
        self.emit_clause(k, end, np, (c, c + 1), conf_of(np.kind, 0.6));
    }
}
