//! Direct quotes: a quotation attributed right after its closing mark or right before its
//! opening mark (`“…,” X said.`, `X said: “…”`), with the speaker's noun phrase.

use super::analysis::{conf_of, Analyzer, Mention, MentionKind, QuotePair, NONE};
use super::lexicon::{class, list};
use crate::text::is_paired_quote_mark;
use pipeline_core::QuoteKind;

impl Analyzer<'_> {
    /// A quote attributed after its closing mark: direct, or partial when it closes a
    /// sentence that opens with words of the writer (`The bill’s failure was
    /// “heartbreaking,” she said.`): the partial quote spans those words and the fragment.
    pub(super) fn push_after(&mut self, qi: usize, np: Mention, cue: (usize, usize), conf: f32) {
        let q = self.quotes[qi];
        let (lo, _) = self.sentence_range(q.open);
        let mut s = q.open;
        while s > lo {
            let j = s - 1;
            let tk = self.tokens[j];
            let stop = self.in_quote(j)
                || matches!(tk.punct, ':' | ';' | '.' | '?' | '!')
                || is_paired_quote_mark(tk.punct)
                || (tk.classes & class::CUE != 0 && !self.noun_use(j))
                || self.phrase_at(j, q.open).is_some();
            if stop || tk.paragraph != self.tokens[q.open].paragraph || q.open - j > 30 {
                break;
            }
            s = j;
        }
        // the sentence must start there, and words of the writer must come before the mark
        let starts = s == lo || (s > 0 && matches!(self.punct(s - 1), '.' | '?' | '!'));
        let words = (s..q.open).filter(|&j| self.tokens[j].word).count();
        // (or a fragment opening right after a word, in a clause that holds a cue word of its
        // own: `Nothing the president said “will assuage …,” the senator said`)
        let (starts, s, words) = match self.mid_fragment(&q, lo) {
            Some(f) if !starts => (true, f, 1),
            _ => (starts, s, words),
        };
        let before = self.attrs.len();
        self.push_quote(qi, QuoteKind::Direct, Some(np), Some(cue), conf);
        // (only the attribution just made: an empty quote makes none)
        if starts && words > 0 && !q.dash && self.attrs.len() > before {
            if let (Some(at), Some(first)) = (self.attrs.last_mut(), self.tokens.get(s)) {
                if first.start < at.content_end {
                    at.kind = QuoteKind::Partial;
                    at.content_start = first.start;
                }
            }
        }
    }

    /// The first word of the sentence `lo..` when quote `q` opens right after a word of
    /// it and closes on a comma (`… said “will assuage people’s fears,” X said`): the
    /// quote is a fragment of that sentence.
    pub(super) fn mid_fragment(&self, q: &QuotePair, lo: usize) -> Option<usize> {
        if q.dash || q.open <= lo || !self.tokens[q.open - 1].word {
            return None;
        }
        let comma = self.punct(q.close.saturating_sub(1)) == ',' || self.punct(q.close + 1) == ',';
        let para = self.tokens[lo].paragraph == self.tokens[q.open].paragraph;
        if !comma
            || !para
            || (lo..q.open).any(|j| self.in_quote(j) || is_paired_quote_mark(self.punct(j)))
        {
            return None;
        }
        (lo..q.open).find(|&j| self.tokens[j].word)
    }

    /// A dash and a name at token `k` that sign the quote closing just before: a
    /// paragraph `- Name.` (or `— Name, role.`) after the quote's paragraph, or on
    /// the quote's own line `“…” ― Name` ending the line or followed by the next
    /// quote (collections of readers' voices): the name.
    pub(super) fn signature(&self, k: usize) -> Option<Mention> {
        let prev = self.tokens.get(k.checked_sub(1)?)?;
        let tk = self.tokens.get(k)?;
        if !matches!(tk.punct, '-' | '—' | '–' | '―') {
            return None;
        }
        let same_line = tk.paragraph == prev.paragraph;
        if same_line && !is_paired_quote_mark(prev.punct) {
            return None;
        }
        let np = self.mention_at(k + 1, self.paragraph_end(k))?;
        let ends = self.tokens.get(np.end).map_or(true, |t| {
            t.paragraph != tk.paragraph
                || (!same_line && t.punct == ',')
                || (t.punct == '.'
                    && self.tokens.get(np.end + 1).map_or(true, |u| {
                        u.paragraph != tk.paragraph
                            || (same_line
                                && is_paired_quote_mark(u.punct)
                                && self.can_open_quote(u.punct))
                    }))
                || (same_line && is_paired_quote_mark(t.punct) && self.can_open_quote(t.punct))
        });
        (np.kind == MentionKind::Name && ends).then_some(np)
    }

    /// A quote attributed right after its closing mark or right before its opening mark.
    pub(super) fn direct(&mut self, qi: usize) {
        let q = self.quotes[qi];
        if self.named_work(&q) {
            return;
        }
        if self.attribution_after(qi) {
            return;
        }
        // a signature line after it: `“…”` / `- Hillary Clinton.`
        if let Some(np) = self.signature(q.close + 1) {
            self.push_quote(
                qi,
                QuoteKind::Direct,
                Some(np),
                Some((q.close + 1, q.close + 2)),
                0.7,
            );
            return;
        }
        self.attribution_before(qi);
    }

    /// The attribution right after quote `qi`'s closing mark: `“…,” Hussain said` /
    /// `“…,” said Hussain` / `“…”, according to X`; true when it attributed the quote.
    fn attribution_after(&mut self, qi: usize) -> bool {
        let q = self.quotes[qi];
        let n = self.tokens.len();
        let last = q.close.saturating_sub(1);
        let ended = matches!(self.punct(last), '.') && q.close > q.open + 1;
        let mut j = q.close + usize::from(!q.dash);
        if q.dash && self.punct(q.close) == ',' {
            j = q.close + 1;
        }
        let hi = self.paragraph_end(j.min(n.saturating_sub(1)));
        while j < hi && matches!(self.punct(j), ',' | '—' | '–') {
            j += 1;
        }
        // German sets off an attribution after a quote with a comma (`„…“, sagte er`) or
        // the quote's own `!`, `?`: a quotation right before a verb is its subject or
        // object, a paper's name (`Die „Zeitung“ schreibt`)
        if self.lex.capitalised_nouns
            && !q.dash
            && j == q.close + 1
            && !matches!(self.punct(last), ',' | '!' | '?')
        {
            return false;
        }
        let lower_next = self.tokens.get(j).is_some_and(|t| !t.cap);
        // `“… missing.” Trump said.`: a sentence of its own that only attributes
        let same_para = self
            .tokens
            .get(j)
            .is_some_and(|t| t.paragraph == self.tokens[q.close.min(n - 1)].paragraph);
        let attributes = ended && !lower_next && same_para && self.bare_attribution(j, hi);
        // (never in the next paragraph: `“Why?”` ending one does not take its subject)
        j < hi
            && same_para
            && (!ended || lower_next || attributes)
            && !self.cue_opens_next(qi, j)
            && self.speaker_after_close(qi, j, hi)
    }

    /// The speaker and cue of quote `qi` from token `j` after its closing mark (in the
    /// same paragraph, not past `hi`); true when it attributed the quote.
    fn speaker_after_close(&mut self, qi: usize, j: usize, hi: usize) -> bool {
        let (_, sb) = self.sentence_range(j);
        let hi = hi.min(sb.max(j + 1) + 40);
        if self.split_cue(j).is_some() {
            self.push_quote(
                qi,
                QuoteKind::Direct,
                Some(Mention {
                    start: j,
                    end: j + 1,
                    kind: MentionKind::Pron,
                }),
                Some((j, j + 1)),
                0.85,
            );
            return true;
        }
        // `a-t-il déclaré`, `ont-ils dit`: an inverted auxiliary, its pronoun, the verb
        let aux = self.word(j).strip_suffix("-t").unwrap_or(self.word(j));
        if self.lex.classes_str_lower(aux) & class::FILLER != 0
            && self.punct(j + 1) == '-'
            && self.has_class(j + 2, class::PRON)
            && self.is_cue_word(j + 3)
        {
            let np = Mention {
                start: j + 2,
                end: j + 3,
                kind: MentionKind::Pron,
            };
            self.push_after(qi, np, (j + 3, j + 4), conf_of(np.kind, 0.95));
            return true;
        }
        let mut c = j;
        if self.has_class(c, class::FILLER) && self.is_cue_word(c + 1) {
            c += 1;
        }
        // (`“…,” saying the town …`: a participle opens a clause, not an inverted
        // attribution)
        if self.is_cue_word(c) && !self.word(c).ends_with("ing") {
            // `dit-il`, `a-t-il déclaré` split by the tokenizer
            let mut a = c + 1;
            if self.punct(a) == '-' {
                a += 1;
                if self.word(a) == "t" && self.punct(a + 1) == '-' {
                    a += 2;
                }
            }
            if let Some(np) = self.mention_at(a, hi) {
                let conf = conf_of(np.kind, 0.95);
                self.push_after(qi, np, (c, c + 1), conf);
                return true;
            }
            if let Some(np) = self.inverted_description(a, hi) {
                self.push_after(qi, np, (c, c + 1), 0.85);
                return true;
            }
        }
        if let Some((np, c)) = self.subject_then_cue(j, hi) {
            let conf = conf_of(np.kind, 0.95);
            self.push_after(qi, np, (c, c + 1), conf);
            return true;
        }
        if let Some((np, cue)) = self.phrase_at(j, hi) {
            self.push_after(qi, np, cue, 0.85);
            return true;
        }
        self.past_verb_after_close(qi, j, hi)
    }

    /// `“…?” Hannity pressed.` / `“…?” asked Trump.`: any past-tense verb after a
    /// person's name or pronoun, or before a name, at `j` after quote `qi` when it ends
    /// with a comma, a question or an exclamation; true when it attributed the quote.
    fn past_verb_after_close(&mut self, qi: usize, j: usize, hi: usize) -> bool {
        let last = self.quotes[qi].close.saturating_sub(1);
        let open_end = matches!(self.punct(last), ',' | '?' | '!');
        if let Some(np) = self.mention_at(j, hi).filter(|_| open_end) {
            let v = np.end;
            let w = self.word(v);
            // (`shot back`: an irregular past before `back`)
            let back = self.word(v + 1) == "back";
            let past = self.tokens.get(v).is_some_and(|t| t.word && !t.cap)
                && w.len() > 3
                && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")) || back)
                && !self.has_class(v, class::STOP | class::DET | class::THAT);
            let person = matches!(np.kind, MentionKind::Name | MentionKind::Pron);
            // (`he points out.`)
            let particle = self.in_list(v + 1, list::VERB_PARTICLE);
            let end = v + 1 + usize::from(particle);
            if past && person && matches!(self.punct(end), '.' | ',') {
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((v, v + 1)), 0.6);
                return true;
            }
        }
        // `“…?” asked Trump.`: inverted
        let w = self.word(j);
        let past = open_end
            && self.tokens.get(j).is_some_and(|t| t.word && !t.cap)
            && w.len() > 3
            && w.ends_with("ed");
        if let Some(np) = self.mention_at(j + 1, hi).filter(|_| past) {
            if np.kind == MentionKind::Name && matches!(self.punct(np.end), '.' | ',') {
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((j, j + 1)), 0.6);
                return true;
            }
        }
        false
    }

    /// The attribution right before quote `qi`'s opening mark: `Hussain said: “…”` /
    /// `said Hussain, “…”` / `Trump: “…”`, else a verb-led sentence.
    fn attribution_before(&mut self, qi: usize) {
        let q = self.quotes[qi];
        if q.dash || q.open == 0 {
            return;
        }
        let mut j = q.open;
        if matches!(self.punct(j - 1), ':' | ',') {
            j -= 1;
        }
        if j == 0 {
            return;
        }
        let cross = self.tokens[j - 1].paragraph != self.tokens[q.open].paragraph;
        if cross && self.punct(j) != ':' {
            return;
        }
        let c = j - 1;
        if self.in_quote(c) {
            return;
        }
        let lo = if self.lex.capitalised_nouns {
            self.joined_start(c)
        } else {
            self.sentence_range(c).0
        };
        let lo = lo.min(c);
        if j == q.open && self.words_after_close(&q) {
            return; // `says “…” despite …`: a fragment of reported speech
        }
        if self.is_cue_word(c)
            && self.tokens[c].classes & class::NOUN == 0
            && self.cue_right_before(qi, c, j, lo)
        {
            return;
        }
        // `As the magazine put it, “…”` / `X put it: “…”`
        if c > 0 && j < q.open && self.word(c) == "it" && self.in_list(c - 1, list::PUT_VERB) {
            if let Some(np) = self.speaker_before(c - 1, lo) {
                let conf = conf_of(np.kind, 0.88);
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c - 1, c + 1)), conf);
                return;
            }
        }
        // `said Hussain: “…”` / `Hussain told reporters: “…”`
        if (self.punct(j) == ':' || self.punct(j) == ',') && self.cue_before_punct(qi, c, j, lo) {
            return;
        }
        // `Trump: “…”` / `The headline reads: “…”`: the sentence's subject
        if self.punct(j) == ':' {
            self.subject_before_colon(qi, j, lo);
        }
        if !self.quote_done[qi] {
            self.verb_led(qi, j, lo);
        }
    }

    /// A cue word at `c` right before quote `qi` (its punctuation at `j`): its subject
    /// before it, its inverted speaker after it, a participle's or a chained cue's
    /// speaker; true when it attributed the quote.
    fn cue_right_before(&mut self, qi: usize, c: usize, j: usize, lo: usize) -> bool {
        let q = self.quotes[qi];
        if let Some(np) = self.speaker_before(c, lo) {
            let conf = conf_of(np.kind, 0.93);
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), conf);
            self.lower_fragment(qi, np, c);
            self.topic_opener(qi, np, lo);
            return true;
        }
        if let Some(np) = self.mention_at(c + 1, j) {
            let conf = conf_of(np.kind, 0.9);
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), conf);
            return true;
        }
        // `“A,” he said, adding, “B.”`: a quote of its own, cued by the participle
        if let Some(np) = self.clause_subject(c, lo) {
            let conf = conf_of(np.kind, 0.85);
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), conf);
            return true;
        }
        // `“A,” X said before adding: “B.”`: a second cue of the same speaker
        if let Some(np) = self.chained_cue(c) {
            let conf = conf_of(np.kind, 0.8);
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), conf);
            return true;
        }
        if j < q.open {
            if let Some(np) = self.subject_before_cue(c, lo) {
                let conf = conf_of(np.kind, 0.8);
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), conf);
                self.lower_fragment(qi, np, c);
                return true;
            }
        }
        false
    }

    /// `said Hussain: “…”` / `Hussain told reporters: “…”`: a cue (or a source phrase)
    /// up to eight words before the colon or comma at `j` that opens quote `qi`; true
    /// when it attributed the quote.
    fn cue_before_punct(&mut self, qi: usize, c: usize, j: usize, lo: usize) -> bool {
        let floor = c.saturating_sub(8).max(lo);
        let mut k = c;
        // a cue word inside a name (`told the Washington Post in a written statement,
        // “…”`) is taken only when no other cue comes before it
        let mut in_name = None;
        let mut tried = false;
        while k > floor {
            k -= 1;
            // (not after a determiner: `in a written statement`)
            if self.is_cue_word(k) && !self.in_quote(k) && !self.noun_use(k) {
                if k > lo && self.tokens[k].cap && self.tokens[k - 1].cap {
                    in_name = in_name.or(Some(k));
                    continue;
                }
                if self.cue_before_mark(qi, k, j, lo) {
                    return true;
                }
                tried = true;
                break;
            }
            if let Some((np, cue)) = self.phrase_at(k, j) {
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some(cue), 0.85);
                return true;
            }
        }
        if let (Some(k), false) = (in_name, tried) {
            if self.cue_before_mark(qi, k, j, lo) {
                return true;
            }
        }
        false
    }

    /// `Trump: “…”` / `The headline reads: “…”`: the subject of the sentence `lo..j`
    /// before the colon at `j` speaks quote `qi` (past an opening phrase: `In response, X
    /// issued a statement: “…”`).
    fn subject_before_colon(&mut self, qi: usize, j: usize, lo: usize) {
        let np = self.colon_subject(lo, j);
        let np = np.or_else(|| self.mention_at(lo, j)).or_else(|| {
            let (np, v) = self.sentence_subject(lo, j)?;
            let w = self.word(v);
            let verb = self.has_class(v, class::CUE | class::ACT) || w.ends_with("ed");
            verb.then_some(np)
        });
        if let Some(np) = np {
            if np.kind != MentionKind::Pron || np.start == lo {
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((j, j + 1)), 0.6);
            }
        }
    }

    /// `Republican nominee Jo Okafor issued the following statement: “…”`: the subject
    /// before the first verb of a sentence that introduces a quote with its colon, past an
    /// opening phrase (`In response to the attack, …`); the job and its modifiers before
    /// the name belong to the speaker (see [`Self::speaker_before`]).
    pub(super) fn colon_subject(&self, lo: usize, j: usize) -> Option<Mention> {
        let mut s = lo;
        if self.has_class(s, class::STOP) {
            s = (s..j.min(s + 12)).find(|&k| self.punct(k) == ',')? + 1;
        }
        let v = (s + 1..j).find(|&v| {
            let t = self.tokens[v];
            t.word
                && !t.cap
                && !self.in_quote(v)
                && (self.finite(v) || self.has_class(v, class::CUE | class::ACT))
        })?;
        let np = self.speaker_before(v, s)?;
        // (the whole subject: nothing but the mention between the opening and its verb)
        (np.start == s && np.kind != MentionKind::Pron).then_some(np)
    }

    /// `Mrs. Vidal shook her head and said, “No.”`, `Asked why, he demurred: “…”`, `X,
    /// …, interrupted me to announce, “…”`: a sentence quoted right after a verb and its
    /// comma or colon, whose speaker the searches before missed: the subject of the
    /// verb's clause.
    pub(super) fn verb_led(&mut self, qi: usize, j: usize, lo: usize) {
        let Some(q) = self.quotes.get(qi).copied() else {
            return;
        };
        if j == 0 || j >= q.open || !matches!(self.punct(j), ',' | ':') {
            return;
        }
        let c = j - 1;
        let Some(tk) = self.tokens.get(c).copied() else {
            return;
        };
        if !tk.word || tk.cap || self.in_quote(c) || self.noun_use(c) {
            return;
        }
        let w = self.word(c);
        // (`shot back,`)
        let back = w == "back" && c > 0 && self.tokens[c - 1].word && !self.tokens[c - 1].cap;
        let verb = (self.is_cue_word(c) && tk.classes & class::NOUN == 0)
            || (w.len() > 4 && w.ends_with("ed"))
            || back;
        // a sentence: it opens with a capital
        let first = (q.open + 1..q.close).find(|&k| self.tokens[k].word);
        if !verb || first.map_or(true, |f| !self.tokens[f].cap) {
            return;
        }
        // (right before the verb: `Ned circled it as his friends jeered, “…”`)
        let right_before = if self.is_cue_word(c) {
            None
        } else {
            self.speaker_before(c, lo).filter(|np| {
                matches!(
                    np.kind,
                    MentionKind::Name | MentionKind::Pron | MentionKind::Desc
                )
            })
        };
        if let Some(np) = right_before.or_else(|| self.clause_np(c, lo)) {
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), 0.6);
        }
    }

    /// The subject of the clause holding the verb at `c`: the mention that opens the
    /// clause (after a comma, or at the sentence start `lo`) and is followed by a
    /// lowercase word, trying at most three clauses back.
    pub(super) fn clause_np(&self, c: usize, lo: usize) -> Option<Mention> {
        let mut k = c;
        // the clause after the last comma opens with a verb: `X, …, interrupted me`
        let mut verb_next = false;
        for _ in 0..4 {
            let start = (lo..k)
                .rev()
                .find(|&i| {
                    matches!(self.punct(i), ',' | ';' | '—' | '–')
                        || is_paired_quote_mark(self.punct(i))
                })
                .map_or(lo, |i| i + 1);
            if (start..c).any(|i| self.in_quote(i)) {
                return None;
            }
            let mut s = start;
            while s + 1 < c && self.has_class(s, class::FILLER | class::CONN) {
                s += 1;
            }
            if let Some(np) = self.mention_at(s, c) {
                let mut v = np.end;
                while v < c && (self.has_class(v, class::FILLER) || self.adverb(v)) {
                    v += 1;
                }
                let verb = self.tokens.get(v).is_some_and(|t| {
                    t.word
                        && !t.cap
                        && (t.classes & (class::DET | class::STOP | class::PRON | class::THAT) == 0
                            || self.is_auxiliary(self.word(v)))
                });
                if v <= c && verb {
                    return Some(np);
                }
                // (`Tom Reyes, interrupted`: the name alone between two commas)
                if verb_next && np.kind == MentionKind::Name && v == k && self.punct(k) == ',' {
                    return Some(np);
                }
            }
            if start <= lo || is_paired_quote_mark(self.punct(start - 1)) {
                return None;
            }
            verb_next = self.tokens.get(start).is_some_and(|t| {
                t.word && !t.cap && t.classes & (class::DET | class::STOP | class::PRON) == 0
            });
            k = start - 1;
        }
        None
    }

    /// `said Hussain: “…”` / `Hussain told reporters: “…”`: the quote opening at the mark
    /// after `j` attributed to the speaker of the cue word `k` before it; false when it has
    /// none.
    pub(super) fn cue_before_mark(&mut self, qi: usize, k: usize, j: usize, lo: usize) -> bool {
        if let Some(np) = self.speaker_before(k, lo) {
            let conf = conf_of(np.kind, 0.88);
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((k, k + 1)), conf);
            self.lower_fragment(qi, np, k);
            return true;
        }
        if let Some(np) = self.mention_at(k + 1, j) {
            let conf = conf_of(np.kind, 0.88);
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((k, k + 1)), conf);
            return true;
        }
        // `X went on to say, “…”` / `X, …, saying at one point, “…”`: the subject of the
        // sentence
        if let Some(np) = self.subject_before_cue(k, lo) {
            let conf = conf_of(np.kind, 0.8);
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((k, k + 1)), conf);
            self.lower_fragment(qi, np, k);
            return true;
        }
        false
    }

    /// A quote after its cue that opens in lowercase, in a sentence that starts before its
    /// speaker (`Sooner or later, the mayor told reporters, “it will pay off.”`) or that
    /// reports with `that` (`X told him that if …, “come and take it.”`): a fragment of
    /// reported speech, partial, spanning from the sentence start (or after `that`).
    pub(super) fn lower_fragment(&mut self, qi: usize, np: Mention, cue: usize) {
        let q = self.quotes[qi];
        let Some(at) = self.quote_attr.get(qi).copied() else {
            return;
        };
        let first = (q.open + 1..q.close).find(|&j| self.tokens[j].word);
        if first.map_or(true, |f| self.tokens[f].cap) || at == NONE {
            return;
        }
        let (lo, _) = self.sentence_range(q.open);
        // the second part of a quotation interrupted by its attribution (`“A,” X said, “b”`)
        // continues it; `As X wrote, “…”` quotes whole words
        if (lo..np.start).any(|j| self.in_quote(j)) || self.in_list(lo, list::AS_OPENER) {
            return;
        }
        let that = (cue + 1..q.open).find(|&j| self.has_class(j, class::THAT) && !self.in_quote(j));
        let start = match that {
            Some(th) => th + 1,
            // `…, the mayor told reporters, “it …”`
            None if self.punct(q.open - 1) == ',' => {
                // (only words fronted before the speaker's comma, `The reality is, he
                // added, “…”`; not `X asked for a photo and Y said, “as long as …”`)
                let fronted = np.start > lo && self.punct(np.start - 1) == ',';
                if !fronted {
                    return;
                }
                let Some(s) = (lo..np.start).find(|&j| self.tokens[j].word) else {
                    return;
                };
                s
            }
            None => return,
        };
        if let (Some(a), Some(tk)) = (self.attrs.get_mut(at as usize), self.tokens.get(start)) {
            if tk.start < a.content_start {
                a.kind = QuoteKind::Partial;
                a.content_start = tk.start;
            }
        }
    }

    /// `Of the plan, X said, “…”`, `As for Y, she said, “…”`: a sentence that opens with
    /// its topic before the speaker reports from its start, partial.
    pub(super) fn topic_opener(&mut self, qi: usize, np: Mention, lo: usize) {
        let q = self.quotes[qi];
        let Some(at) = self.quote_attr.get(qi).copied().filter(|&a| a != NONE) else {
            return;
        };
        let opens = self.word(lo) == "Of" || (self.word(lo) == "As" && self.word(lo + 1) == "for");
        let framed = np.start > lo + 2
            && self.punct(np.start - 1) == ','
            && q.open > np.start
            && self.punct(q.open - 1) == ','
            && (lo..q.open).all(|j| !self.in_quote(j) && !is_paired_quote_mark(self.punct(j)));
        if !opens || !framed {
            return;
        }
        if let (Some(a), Some(tk)) = (self.attrs.get_mut(at as usize), self.tokens.get(lo)) {
            if tk.start < a.content_start {
                a.kind = QuoteKind::Partial;
                a.content_start = tk.start;
            }
        }
    }

    /// `Trump said.` / `Trump said Tuesday.` at `j`: a speaker and its cue, and nothing
    /// else in the sentence.
    pub(super) fn bare_attribution(&self, j: usize, hi: usize) -> bool {
        let Some((_, c)) = self.subject_then_cue(j, hi) else {
            return false;
        };
        // `said.`, `said Tuesday.`: nothing else follows in the sentence
        let mut next = c + 1;
        while next < hi && next < c + 3 && self.has_class(next, class::TIME) {
            next += 1;
        }
        self.punct(next) == '.'
    }
}
