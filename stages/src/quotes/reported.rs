//! Reported speech in the languages other than English (`QuoteLanguage::reported`):
//! the rules whose word order English does not share, driven by each language's word
//! classes and lists.
//!
//! - a cue before its clause, the subject before it or inverted after it: `Der Minister
//!   sagte, die Regierung sei bereit`, `Le ministre a déclaré que …`, `Daraufhin erklärte
//!   M., daß …`, `заявил X, что …`, `Uvedl, že …` (no subject: the current speaker);
//! - a cue after its clause, the speaker after it: `…, sagte ÖGB-Chef Erich Foglar.`,
//!   `…, a déclaré le ministre.`, `…, řekl v cíli Luboš Lom.`, `…, утверждает X, …` (the
//!   words after the speaker's comma are a second part), `…, sostuvo.` (no subject);
//! - a source after its speaker: `Dem Minister zufolge …`;
//! - a sentence in the subjunctive right after reported speech carries it on, same
//!   speaker: `Er sagte, er komme. Er sei bereit.` (the `subjunctive` list).
//!
//! It runs before the English clause rules ([`Analyzer::indirect`]), which then skip the
//! cues it used; source phrases before their speaker (`selon X`, `по словам X`) are
//! theirs (`data/phrases.txt`).

use super::analysis::{conf_of, Analyzer, Mention, MentionKind};
use super::lexicon::{class, list};
use crate::text::is_paired_quote_mark;
use pipeline_core::QuoteKind;

/// How far after an inverted cue its speaker may be (`řekl včera v Berlíně … Boris Jelcin`).
const SPEAKER_REACH: usize = 14;

impl Analyzer<'_> {
    /// The pass: every sentence, cue by cue, then the subjunctive continuations.
    pub(super) fn reported(&mut self) {
        if !self.lex.reported {
            return;
        }
        for qi in 0..self.quotes.len() {
            if !self.quote_done[qi] {
                self.dropped_direct(qi);
            }
        }
        // the speaker of the reported speech that ended the previous sentence
        let mut carried: Option<Mention> = None;
        let mut next = 0;
        while next < self.sentences.len() {
            let (lo, mut hi) = self.sentences[next];
            next += 1;
            // (a sentence broken after an abbreviation or an ordinal: `des Hrn. Kleudgen`,
            // `in Nr. 25. unseres Blattes`, `d. h. mit …`)
            while next < self.sentences.len() && self.broken_after(hi) {
                hi = self.sentences[next].1;
                next += 1;
            }
            let before = self.attrs.len();
            let mut ends_reported = None;
            let mut c = lo;
            let fronted = match self.fronted_source(lo, hi) {
                Some(k) => Some(k),
                None => self.nach_source(lo, hi),
            };
            if let Some(k) = fronted {
                ends_reported = self.attrs.last().and_then(|a| a.speaker);
                c = k;
            }
            while c < hi {
                let next = if self.in_list(c, list::SOURCE_POSTPOSITION) {
                    self.postposed_source(c, lo, hi)
                } else if self.reported_cue(c, lo) {
                    self.reported_at(c, lo, hi)
                } else if self.in_list(c, list::SPEECH_NOUN) {
                    self.speech_noun_clause(c, lo, hi)
                } else if self.separable_cue(c, lo) {
                    self.reported_at(c, lo, hi)
                } else {
                    None
                };
                match next {
                    Some((k, reaches_end)) => {
                        if reaches_end {
                            ends_reported = self.attrs.last().and_then(|a| a.speaker);
                        }
                        c = k.max(c + 1);
                    }
                    None => c += 1,
                }
            }
            if self.attrs.len() == before {
                // (the main clause in the subjunctive, not a clause after its comma:
                // `Anfänglich hatte es den Anschein, als wäre …` is the writer's)
                let first = (lo..hi)
                    .find(|&k| matches!(self.punct(k), ',' | ';' | ':' | '—' | '–'))
                    .unwrap_or(hi);
                carried = carried.filter(|_| {
                    self.subjunctive_sentence(lo, first) && self.subjunctive_sentence(lo, hi)
                });
                if let Some(np) = carried {
                    // (German: up to a main clause of the writer's own, `…, und als
                    // Gentleman eröffnete er …`)
                    let end = (lo..hi)
                        .find(|&k| self.punct(k) == ',' && self.new_main_clause(k + 1, hi))
                        .unwrap_or(hi);
                    if let Some(content) = self.byte_range(lo, self.trim_end(lo, end)) {
                        self.push_reported_plain(content, np, None, 0.5);
                    }
                }
            } else {
                carried = ends_reported;
            }
        }
    }

    /// A direct quote that the English rules left: its cue right after it, the speaker
    /// further on (`"…," charakterizoval vojenskou akci Boris Jelcin.`, `"…", - говорил
    /// Анатолий Карпов.`), or, in a language that drops its subjects, no speaker at all:
    /// `"…", sostuvo.`, `"…," dodal včera.`, `— …, — сказала.`, `Agregó: "…"`.
    fn dropped_direct(&mut self, qi: usize) {
        let q = self.quotes[qi];
        let n = self.tokens.len();
        let mut j = q.close + usize::from(!q.dash);
        while j < n && matches!(self.punct(j), ',' | '—' | '–' | '-') {
            j += 1;
        }
        // (`"…", ha aggiunto.`: an auxiliary before the cue)
        if self.has_class(j, class::FILLER) && self.cue_word_alone(j + 1) {
            j += 1;
        }
        let para = self
            .tokens
            .get(q.close.min(n.saturating_sub(1)))
            .map(|t| t.paragraph);
        let after = self
            .tokens
            .get(j)
            .is_some_and(|t| Some(t.paragraph) == para)
            && self.cue_word_alone(j);
        if after {
            let (_, hi) = self.sentence_range(j);
            if let Some(np) = self.speaker_after(j, hi) {
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((j, j + 1)), 0.8);
                return;
            }
            if !self.lex.pro_drop {
                return;
            }
            let e = self.skip_adjuncts(j + 1, n);
            let ends = e >= n
                || matches!(self.punct(e), '.' | '!' | '?' | ';' | '—' | '–')
                || self.tokens[e].paragraph != self.tokens[j].paragraph
                || is_paired_quote_mark(self.punct(e));
            if ends {
                let np = Mention {
                    start: j,
                    end: j + 1,
                    kind: MentionKind::Dropped,
                };
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((j, j + 1)), 0.75);
            }
            return;
        }
        // `Der „Anzeiger“ bemerkt dagegen: „…“`, `mit den Worten: „…“`: a cue in the
        // clause before the colon
        if !q.dash && q.open >= 1 && self.punct(q.open - 1) == ':' && self.colon_quote(qi) {
            return;
        }
        // `Agregó: "…"`: the cue opens its sentence, a colon before the quote
        if !self.lex.pro_drop || q.dash || q.open < 2 || self.punct(q.open - 1) != ':' {
            return;
        }
        let c = q.open - 2;
        let (lo, _) = self.sentence_range(c);
        if self.cue_word_alone(c) && self.dropped(c, lo).is_some() {
            let np = Mention {
                start: c,
                end: c + 1,
                kind: MentionKind::Dropped,
            };
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), 0.7);
        }
    }

    /// `a déclaré la ministre du Travail, Claire Dubois.`: a speaker described by a role
    /// or title, its name in an appositive after a comma that ends the sentence or is
    /// followed by another comma: that name.
    pub(super) fn appositive_name(&self, np: Mention) -> Mention {
        let role = np.kind == MentionKind::Desc
            || (np.start.saturating_sub(3)..np.end)
                .any(|k| self.has_class(k, class::ROLE | class::TITLE));
        if !role {
            return np;
        }
        let mut k = np.end;
        while k < np.end + 6 && self.tokens.get(k).is_some_and(|t| t.word) {
            k += 1;
        }
        if self.punct(k) != ',' {
            return np;
        }
        let n = self.tokens.len();
        match self.mention_at(k + 1, (k + 9).min(n)) {
            Some(name)
                if name.kind == MentionKind::Name
                    && (name.end >= n
                        || matches!(self.punct(name.end), '.' | ',' | '!' | '?' | ';')) =>
            {
                name
            }
            _ => np,
        }
    }

    /// Whether the sentence that ends before token `hi` was broken by the sentence
    /// splitter in the middle of a sentence: the next one, in the same paragraph, opens
    /// with a lowercase word, or the word before the period is one letter (`v.`, `h.`)
    /// or a title (`Hrn.`).
    pub(super) fn broken_after(&self, hi: usize) -> bool {
        let (Some(next), Some(last)) = (self.tokens.get(hi), hi.checked_sub(1)) else {
            return false;
        };
        if self.tokens[last].paragraph != next.paragraph || !next.word || self.in_quote(hi) {
            return false;
        }
        if self.word(hi).chars().next().is_some_and(char::is_lowercase) {
            return true;
        }
        let prev = if self.punct(last) == '.' {
            last.saturating_sub(1)
        } else {
            last
        };
        let w = self.word(prev).trim_end_matches('.');
        let ends_dot = self.punct(last) == '.' || self.word(last).ends_with('.');
        // (`des 23. Corps`, `am 12. März`: an ordinal after an article or a preposition)
        let ordinal = self.tokens[prev].number
            && prev > 0
            && self.has_class(prev - 1, class::DET | class::STOP);
        ends_dot
            && self.tokens[prev].word
            && (w.chars().count() == 1 || self.has_class(prev, class::TITLE) || ordinal)
    }

    /// A short quotation of one to four words, the first capitalised, closed within
    /// `from..to`: a paper or another work named as the speaker (`Der „Anzeiger“
    /// bemerkt`), its words without the marks.
    pub(super) fn quoted_name(&self, from: usize, to: usize) -> Option<Mention> {
        let qi = (from..to).find_map(|k| self.quote_opening_at(k))?;
        let q = self.quotes[qi];
        let words = (q.open + 1..q.close)
            .filter(|&j| self.tokens[j].word)
            .count();
        let cap = self.tokens.get(q.open + 1).is_some_and(|t| t.word && t.cap);
        (q.close < to && (1..=4).contains(&words) && cap && !self.quote_done[qi]).then_some(
            Mention {
                start: q.open + 1,
                end: q.close,
                kind: MentionKind::Name,
            },
        )
    }

    /// `Der Vorsitzende machte die Mitteilung, daß …`: a `that` clause right after a noun
    /// of saying at `c` and its comma; the speaker the clause's subject, if any.
    fn speech_noun_clause(&mut self, c: usize, lo: usize, hi: usize) -> Option<(usize, bool)> {
        let a = c + 2;
        let opens = self.has_class(a, class::THAT)
            || self.tokens.get(a).is_some_and(|t| t.word) && self.subjunctive_clause(a, hi)
            || self.infinitive_clause(a, hi);
        if self.punct(c + 1) != ',' || !opens || self.in_quote(c) {
            return None;
        }
        let stop = self.reported_end(a, lo, hi);
        let end = self.trim_end(a, stop);
        if end < a + 3 {
            return None;
        }
        let b = self.clause_start(c, lo);
        match self.noun_cue_subject(b, c) {
            Some(np) => self.emit_clause(a, end, np, (c, c + 1), conf_of(np.kind, 0.55)),
            None => self.push_unspoken(a, end, (c, c + 1))?,
        }
        Some((end, stop == hi))
    }

    /// The subject of a clause `b..c` whose cue is a noun: a pronoun in it, else a
    /// name or a description that opens it.
    pub(super) fn noun_cue_subject(&self, b: usize, c: usize) -> Option<Mention> {
        if let Some(np) = (b..c)
            .find(|&s| self.has_class(s, class::PRON))
            .and_then(|s| self.mention_at(s, c))
        {
            return Some(np);
        }
        self.mention_at(b, c)
            .map(|np| self.noun_phrase_end(np))
            .filter(|np| np.end <= c && matches!(np.kind, MentionKind::Name | MentionKind::Desc))
    }

    /// Reported content `a..end` (tokens) with its cue but no written speaker; none when
    /// it holds a quotation mark.
    fn push_unspoken(&mut self, a: usize, end: usize, cue: (usize, usize)) -> Option<()> {
        if end < a + 3 || (a..end).any(|k| self.in_quote(k) || is_paired_quote_mark(self.punct(k)))
        {
            return None;
        }
        let (cs, ce) = self.byte_range(a, end)?;
        self.cue_used[cue.0] = true;
        self.add_attr(super::analysis::Attribution {
            content_start: cs,
            content_end: ce,
            kind: QuoteKind::Indirect,
            speaker: None,
            cue: Some(cue),
            confidence: 0.45,
            join: false,
            sep: false,
        });
        Some(())
    }

    /// Whether token `k` is a speech word (or an inverted-only cue, `so`) outside
    /// quotes, not used yet.
    fn cue_word_alone(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| {
            let belief = if self.config.beliefs {
                class::BELIEF
            } else {
                0
            };
            t.word
                && (t.classes & (class::SPEECH | belief) != 0 || t.lists & list::INVERTED_ONLY != 0)
                && t.classes & class::PHRASE == 0
        }) && !self.in_quote(k)
            && !self.cue_used[k]
    }

    /// `Laut dem Minister ist alles gut.`, `Podle ministra je to možné.`: a source phrase
    /// opening the sentence, its content right after the source without a comma (with a
    /// comma the English rules take it); the token to go on from.
    fn fronted_source(&mut self, lo: usize, hi: usize) -> Option<usize> {
        let (np, cue) = self.phrase_at(lo, hi)?;
        // (`Laut dem Minister kommt …`: a German noun phrase ends at its last noun)
        let mut np = self.noun_phrase_end(np);
        // (`Selon le rapport de la Cour des comptes, …`: the source's complement up to
        // its comma belongs to it)
        let mut e = np.end;
        while e < hi && e < np.end + 8 && self.tokens[e].word && !self.in_quote(e) {
            e += 1;
        }
        let mut a = np.end;
        if e > np.end && self.has_class(np.end, class::CONN) && self.punct(e) == ',' {
            np.end = e;
            a = e + 1;
        }
        let end = self.trim_end(a, hi);
        if (self.punct(a) == ',' && a == np.end)
            || end < a + 2
            || (a..end).any(|k| self.in_quote(k))
        {
            return None;
        }
        let content = self.byte_range(a, end)?;
        self.push_reported_plain(content, np, Some(cue), conf_of(np.kind, 0.7));
        for k in cue.0..cue.1 {
            self.cue_used[k] = true;
        }
        Some(end)
    }

    /// Whether token `c` may be the cue of a reported clause: a speech (or belief) word
    /// outside quotes, not used yet, lowercase or opening its sentence.
    pub(super) fn reported_cue(&self, c: usize, lo: usize) -> bool {
        let Some(t) = self.tokens.get(c) else {
            return false;
        };
        let cls = class::SPEECH
            | if self.config.beliefs {
                class::BELIEF
            } else {
                0
            };
        t.word
            && (t.classes & cls != 0 || t.lists & list::INVERTED_ONLY != 0)
            && t.classes & class::PHRASE == 0
            && (!t.cap || c == lo)
            && !self.in_quote(c)
            && !self.cue_used[c]
    }

    /// The attribution around cue `c` in the sentence `lo..hi`: the token to go on
    /// from and whether its content reaches the sentence end.
    fn reported_at(&mut self, c: usize, lo: usize, hi: usize) -> Option<(usize, bool)> {
        let b = self.clause_start(c, lo);
        let inverted = self.inverted_speaker(c, b, hi);
        if self.in_list_lower(b, list::PARENTHETICAL_OPENER) && b < c {
            return self.parenthetical(c, b, lo, hi, inverted);
        }
        // `…, so Merkel.`: the speaker right after, then the end of the clause
        if self.in_list(c, list::INVERTED_ONLY) {
            // (right after the comma, and a name, title or article right after it: not
            // `so weit`, `nicht so leicht seine Auffassung`)
            let opens = self.tokens.get(c + 1).is_some_and(|t| {
                t.cap || t.classes & (class::DET | class::TITLE | class::ROLE) != 0
            });
            let np = inverted.filter(|np| {
                b == c
                    && opens
                    && np.start == c + 1
                    && matches!(self.punct(np.end), '.' | '!' | '?' | ';' | ',' | ')')
            })?;
            return self.content_before(c, b, lo, hi, np);
        }
        let after_speaker = inverted.map_or(c + 1, |np| np.end);
        {
            if let Some(a) = self.clause_after(after_speaker, hi) {
                // (a split cue's clause is coordinated at its finite verb: `…, und gaben
                // die Besorgnis zu erkennen, daß`)
                let v = (b..c)
                    .find(|&k| self.in_list_lower(k, list::SEPARABLE_VERB))
                    .filter(|_| self.separable_cue(c, lo))
                    .unwrap_or(c);
                let np = inverted
                    .or_else(|| self.v2_coordinated_subject(v, b, lo))
                    .or_else(|| self.subject_before(c, b))
                    .or_else(|| self.fronted_subject(b, lo))
                    .or_else(|| self.quoted_name(b, (c + 4).min(hi)))
                    // (German: `Der „Globe“ meint, …`)
                    .or_else(|| {
                        let de = self.lex.capitalised_nouns;
                        de.then(|| self.quoted_name_before(b, lo)).flatten()
                    })
                    .or_else(|| self.dropped(c, b));
                let stop = self.reported_end(a, lo, hi);
                let end = self.trim_end(a, stop);
                match np {
                    Some(np) => {
                        self.emit_clause(a, end, np, (c, c + 1), conf_of(np.kind, 0.7));
                        // (`…, er werde nicht glauben; es müsse …`: subjunctive parts after
                        // a semicolon carry it on)
                        if stop < hi && self.punct(stop) == ';' {
                            let last = self.subjunctive_parts(stop + 1, hi, np);
                            return Some((last.max(end), last >= self.trim_end(lo, hi)));
                        }
                    }
                    // (`Bemerkt muß werden, daß …`, `und bemerken noch, daß …`: a `that`
                    // clause whose speaker is not written, or too far back)
                    None if self.has_class(a, class::THAT)
                        || self.infinitive_clause(a, hi)
                        || self.punct(a - 1) == ':' =>
                    {
                        self.push_unspoken(a, end, (c, c + 1))?;
                    }
                    None => return None,
                }
                return Some((end, stop == hi));
            }
        }
        // `…, sagte X.` / `…, sostuvo.`: the clause before the cue
        let comma = b > lo
            && matches!(self.punct(b - 1), ',' | '—' | '–' | '-')
            && (b..c).all(|k| self.has_class(k, class::FILLER));
        if !comma {
            return None;
        }
        let np = match inverted {
            Some(np) => np,
            None => {
                let end = self.skip_adjuncts(c + 1, hi);
                let ends = end >= hi || matches!(self.punct(end), '.' | '!' | '?' | ';');
                if !ends {
                    return None;
                }
                self.dropped(c, b)?
            }
        };
        self.content_before(c, b, lo, hi, np)
    }

    /// The speaker right after cue `c` (clause `b..c`, sentence end `hi`), unless a
    /// subject stands right before the cue, which makes the words after it an object
    /// (`Die Ministerin forderte die Gewerkschaften auf, …`, `Die „Zeitung“ schreibt über
    /// die Lage:`); a pronoun right after the cue is its subject all the same (`Gestern
    /// bedauerte er, …`).
    pub(super) fn inverted_speaker(&self, c: usize, b: usize, hi: usize) -> Option<Mention> {
        let mut e = c;
        while e > b && self.has_class(e - 1, class::FILLER | class::TIME) {
            e -= 1;
        }
        // (German: a noun phrase after a preposition is no subject: `In der Sitzung sagte
        // der Bürgermeister`; but it is the source of an impersonal `es`: `In dem Bericht
        // heißt es`)
        let first = (b..e).find(|&s| self.mention_at(s, e).is_some_and(|m| m.end == e));
        let subject_first = first.is_some_and(|s| {
            !(self.lex.capitalised_nouns
                && s > b
                && self.in_list_lower(s - 1, list::FRONTED_PREPOSITION)
                && self.word(c + 1) != "es"
                && !self
                    .mention_before(s - 1, b)
                    .is_some_and(|m| m.end + 1 == s))
        }) || self.quoted_name(b, e).is_some_and(|m| m.end + 1 == e);
        self.speaker_after(c, hi).filter(|np| {
            !subject_first
                || np.kind == MentionKind::Pron && np.start == self.skip_adjuncts(c + 1, hi)
        })
    }

    /// `er will, wie Herr Dr. Brahm sagt, nichts …`: a cue in a clause opened by `wie`
    /// (`comme`, `как`…) between commas; its content is the words after it, with those
    /// before it when they are a clause of three words or more.
    fn parenthetical(
        &mut self,
        c: usize,
        b: usize,
        lo: usize,
        hi: usize,
        inverted: Option<Mention>,
    ) -> Option<(usize, bool)> {
        let np = self
            .subject_before(c, b + 1)
            .or(inverted)
            .or_else(|| self.dropped(c, b + 1))?;
        let mut k = np.end.max(c + 1);
        while k < hi && self.tokens[k].word && k < c + 8 {
            k += 1;
        }
        if self.punct(k) != ',' {
            return None;
        }
        let end = self.trim_end(k + 1, hi);
        let before = (lo..b).filter(|&j| self.tokens[j].word).count();
        let from = if before >= 3 && self.punct(b - 1) == ',' {
            lo
        } else {
            k + 1
        };
        if end < k + 3 || (from..end).any(|j| self.in_quote(j)) {
            return None;
        }
        let content = self.byte_range(from, end)?;
        self.push_reported_plain(content, np, Some((c, c + 1)), conf_of(np.kind, 0.6));
        self.cue_used[c] = true;
        Some((end, true))
    }

    /// The clause before cue `c` (`…, sagte X.`), from the sentence start `lo` to the
    /// comma before the cue's clause `b`, with the speaker `np` after the cue (or none);
    /// the words after the speaker's comma are a second part.
    fn content_before(
        &mut self,
        c: usize,
        b: usize,
        lo: usize,
        hi: usize,
        np: Mention,
    ) -> Option<(usize, bool)> {
        if b <= lo {
            return None;
        }
        let mut first = lo;
        while first < b - 1 && !self.tokens[first].word {
            first += 1;
        }
        let content_end = self.trim_end(first, b - 1);
        // (German, verb second: `Als er kam, sagte der Minister …`: a fronted subordinate
        // clause fills the place before the verb and is no reported content)
        let fronted = self.lex.capitalised_nouns
            && np.kind != MentionKind::Dropped
            && self.in_list_lower(first, list::FRONTED_SUBORDINATOR);
        if fronted
            || content_end <= first + 1
            || (first..content_end).any(|k| self.in_quote(k) || is_paired_quote_mark(self.punct(k)))
        {
            return None;
        }
        let content = self.byte_range(first, content_end)?;
        self.push_reported_plain(content, np, Some((c, c + 1)), conf_of(np.kind, 0.65));
        self.cue_used[c] = true;
        // `…, утверждает X, свои деньги … есть.`: the words after the speaker's comma
        let after = np.end.max(c + 1);
        if np.kind != MentionKind::Dropped && self.punct(after) == ',' {
            let a = after + 1;
            let end = self.trim_end(a, hi);
            let words = (a..end).filter(|&k| self.tokens[k].word).count();
            let appositive = self.has_class(a, class::APPOS | class::DET)
                || self.tokens.get(a).is_some_and(|t| t.cap);
            if words >= 3 && !appositive && (a..end).all(|k| !self.in_quote(k)) {
                if let Some(content) = self.byte_range(a, end) {
                    self.push_reported_plain(content, np, Some((c, c + 1)), 0.55);
                    return Some((end, true));
                }
            }
        }
        // (`…, sagte er.`: the sentence ends with the attribution)
        Some((after, self.trim_end(after, hi) <= after))
    }

    /// The first token of the clause holding cue `c`: after the last comma, colon,
    /// dash, bracket or quotation mark before it.
    pub(super) fn clause_start(&self, c: usize, lo: usize) -> usize {
        let mut b = c;
        while b > lo {
            let p = self.punct(b - 1);
            if matches!(p, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '-') || is_paired_quote_mark(p)
            {
                break;
            }
            b -= 1;
        }
        b
    }

    /// Past fillers and time words after token `k`: the first other token.
    fn skip_adjuncts(&self, mut k: usize, hi: usize) -> usize {
        while k < hi && self.has_class(k, class::FILLER | class::TIME) {
            k += 1;
        }
        k
    }

    /// Where reported content from `a` ends: at a comma before a subordinator that
    /// leaves it (`…, хотя …`, `…, obwohl …`), at the comma after a German infinitive
    /// clause or before a German auxiliary (`…, war …`), at the comma that closes a
    /// fronted subordinate clause holding it (`Když také on tvrdil, že …, bili ho …`),
    /// else at the sentence end `hi`.
    fn reported_end(&self, a: usize, lo: usize, hi: usize) -> usize {
        let fronted = self.in_list_lower(lo, list::FRONTED_SUBORDINATOR)
            && !(lo..a).any(|k| self.punct(k) == ',' && !self.has_class(k + 1, class::THAT));
        // (German: an infinitive clause ends at the comma after its last infinitive,
        // `…, ein gutes Wort einzulegen, der …`, `…, zu bleiben, dann … zu lassen, welche …`)
        let infinitive = !self.has_class(a, class::THAT) && self.infinitive_clause(a, hi);
        (a + 1..hi)
            .find(|&k| {
                self.punct(k) == ';'
                    || self.dash_break(k)
                    || self.punct(k) == ','
                        && (fronted
                            || self.in_list(k + 1, list::SUBORDINATE_AFTER_COMMA)
                            || self.new_main_clause(k + 1, hi)
                            || infinitive && !self.infinitive_clause(k + 1, hi)
                            || self.lex.capitalised_nouns
                                && self.in_list_lower(k + 1, list::MAIN_AUXILIARY))
            })
            .unwrap_or(hi)
    }

    /// The end of the sentence `a..hi` without its closing punctuation.
    pub(super) fn trim_end(&self, a: usize, hi: usize) -> usize {
        let mut e = hi.min(self.tokens.len());
        while e > a && !self.tokens[e - 1].word && !is_paired_quote_mark(self.punct(e - 1)) {
            e -= 1;
        }
        e
    }

    /// The speaker right after an inverted cue at `c`, before any comma or sentence end:
    /// a pronoun, a name (with the lowercase words describing it: `ruský prezident Boris
    /// Jelcin`), a description (`der Minister`, `le ministre`), a title or a group.
    pub(super) fn speaker_after(&self, c: usize, hi: usize) -> Option<Mention> {
        let end = hi.min(c + 1 + SPEAKER_REACH);
        let mut k = c + 1;
        while k < end {
            let t = self.tokens[k];
            if !t.word || self.in_quote(k) {
                return None;
            }
            // (`sagte, dass …`: a clause, no speaker)
            if t.classes & class::THAT != 0 {
                return None;
            }
            let after_stop = k > c + 1 && self.has_class(k - 1, class::STOP);
            // (German `bemerkte Seiner Majestät, daß`: a capitalised object's article)
            let object = self.lex.capitalised_nouns && t.lists_lower & list::OBJECT_ARTICLE != 0;
            if object && k == self.skip_adjuncts(c + 1, hi) {
                k = self.mention_at(k, hi).map_or(k + 1, |np| np.end);
                continue;
            }
            if t.classes & class::PRON != 0 && k == self.skip_adjuncts(c + 1, hi) {
                return self.mention_at(k, hi);
            }
            if self.is_name_word(k) && !after_stop {
                let np = self.mention_at(k, hi)?;
                // lowercase words right before the name describe it
                let mut s = k;
                while s > c + 1
                    && self.tokens[s - 1].word
                    && !(s > c + 2 && self.has_class(s - 2, class::STOP))
                    && !self.tokens[s - 1].cap
                    && self.tokens[s - 1].classes
                        & (class::STOP | class::FILLER | class::TIME | class::CUE)
                        == 0
                {
                    s -= 1;
                }
                // (German: `schreibt über die Lage des Marktes:`, the noun of a
                // preposition's phrase or an object's case is no subject)
                if self.lex.capitalised_nouns && self.in_phrase_or_object(c, k) {
                    k = np.end.max(k + 1);
                    continue;
                }
                return Some(Mention {
                    start: s,
                    end: np.end,
                    kind: if s < k { MentionKind::Desc } else { np.kind },
                });
            }
            if k == self.skip_adjuncts(c + 1, hi) {
                // (`befahl den Wachen, …`: an object before the subject, or none)
                if t.lists & list::OBJECT_ARTICLE != 0 {
                    k = self.mention_at(k, hi).map_or(k + 1, |np| np.end);
                    continue;
                }
                if t.classes & (class::DET | class::GROUP) != 0 {
                    if let Some(np) = self.mention_at(k, hi) {
                        return Some(np);
                    }
                }
                // `řekl předseda fotbalového svazu`: a lowercase title and its words
                if t.classes & (class::TITLE | class::ROLE) != 0 {
                    let mut e = k + 1;
                    while e < hi
                        && e < k + 5
                        && self.tokens[e].word
                        && !self.has_class(e, class::STOP)
                    {
                        e += 1;
                    }
                    return Some(Mention {
                        start: k,
                        end: e,
                        kind: MentionKind::Desc,
                    });
                }
            }
            if t.classes & class::THAT != 0 {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The start of the reported clause after a cue (and its inverted speaker) at `k`:
    /// a `that` word (`que`, `dass`, `что`), or a comma or colon followed by one or by a
    /// clause (`sagte, die Regierung sei …`), past time words and a short addressee
    /// (`a déclaré à la presse que`).
    fn clause_after(&self, k: usize, hi: usize) -> Option<usize> {
        let mut k0 = self.skip_adjuncts(k, hi);
        if self.lex.capitalised_nouns {
            // (`führt aus, daß`: a separable verb's particle)
            while k0 < hi && self.in_list(k0, list::VERB_PARTICLE) {
                k0 += 1;
            }
        }
        // a `that` word within a few words (`a déclaré à la presse que`), after a comma
        // (`заявило о том, что`, `говорил в Госдуме, будто`), or a colon after an
        // addressee (`предупреждала наших деятелей: …`)
        let mut j = k0;
        while j < hi && j < k0 + 7 {
            if self.has_class(j, class::THAT) && self.tokens[j].word {
                return Some(j);
            }
            let p = self.punct(j);
            if j > k0 && p == ',' && self.has_class(j + 1, class::THAT) {
                return Some(j + 1);
            }
            // (`äußerte er zu seinem Arzt, England werde …`: a subjunctive clause after
            // an addressee)
            if j > k0
                && p == ','
                && self.tokens.get(j + 1).is_some_and(|t| t.word)
                && (self.subjunctive_clause(j + 1, hi) || self.infinitive_clause(j + 1, hi))
            {
                return Some(j + 1);
            }
            if j > k0 && p == ':' && self.tokens.get(j + 1).is_some_and(|t| t.word) {
                return Some(j + 1);
            }
            if !self.tokens[j].word {
                break;
            }
            j += 1;
        }
        if !matches!(self.punct(k0), ',' | ':') {
            return None;
        }
        let a = k0 + 1;
        let words = (a..hi).take(4).filter(|&x| self.tokens[x].word).count();
        let opens = self.has_class(a, class::THAT)
            || self.punct(k0) == ':'
            || self.in_list_lower(a, list::QUESTION_WORD)
            || (self.tokens.get(a).is_some_and(|t| t.word) && self.subjunctive_sentence(a, hi))
            || self.infinitive_clause(a, hi);
        (opens && words >= 2 && !self.in_quote(a) || opens && self.quote_opening_at(a).is_some())
            .then_some(a)
    }

    /// The subject of cue `c` within its clause `b..c`: the mention that ends right
    /// before it (past fillers), else the first mention of the clause, else a short
    /// description of lowercase words (`Британские журналисты`).
    pub(super) fn subject_before(&self, c: usize, b: usize) -> Option<Mention> {
        let mut e = c;
        while e > b && self.has_class(e - 1, class::FILLER | class::TIME) {
            e -= 1;
        }
        if e == b {
            return None;
        }
        // (German puts objects between the subject and a final verb, `indem er ihm
        // sagte`: a pronoun, else the first mention, is its subject)
        if self.lex.capitalised_nouns {
            let pron = (b..e).find(|&s| self.has_class(s, class::PRON));
            if let Some(np) = pron.and_then(|s| self.mention_at(s, e)) {
                return Some(np);
            }
        } else if let Some(np) = (b..e).find_map(|s| self.mention_at(s, e).filter(|m| m.end == e)) {
            return Some(np);
        }
        // (German: not a time, `Hier hat letzten Sonntag die Versammlung beschlossen`)
        let timeless = |np: &Mention| {
            let np = self.noun_phrase_end(*np);
            !self.lex.capitalised_nouns || !self.has_class(np.end - 1, class::FILLER | class::TIME)
        };
        if let Some(np) = (b..e).find_map(|s| self.mention_at(s, e).filter(timeless)) {
            return Some(self.noun_phrase_end(np));
        }
        let last = self.tokens[e - 1];
        if !last.word
            || last.classes & (class::STOP | class::CUE | class::THAT) != 0
            || (self.lex.capitalised_nouns && !last.cap)
        {
            return None;
        }
        let mut s = e - 1;
        while s > b && e - s < 3 && self.tokens[s - 1].word && !self.has_class(s - 1, class::STOP) {
            s -= 1;
        }
        // (`в один голос утверждают`: the object of a preposition is no subject)
        if s > b && self.has_class(s - 1, class::STOP) {
            return None;
        }
        Some(Mention {
            start: s,
            end: e,
            kind: MentionKind::Desc,
        })
    }

    /// A subject that opens the sentence and ends at a comma before the cue's clause
    /// (`Der Minister, der gestern kam, sagte, …`).
    fn fronted_subject(&self, b: usize, lo: usize) -> Option<Mention> {
        if b <= lo {
            return None;
        }
        // (German: `Es zeigte sich, daß der Vertreter …, erklärte, …`: the subject of the
        // `daß` clause the cue stands in, else that of the sentence)
        let inner = (lo + 1..b).rev().find(|&k| {
            self.lex.capitalised_nouns && self.has_class(k, class::THAT) && self.punct(k - 1) == ','
        });
        inner
            .and_then(|k| self.subject_to_comma(k + 1, b))
            .or_else(|| self.subject_to_comma(self.subject_opening(lo, b), b))
    }

    /// The mention at `s` when a comma closes it, or closes the genitive after it (`Der
    /// Vertreter der Bank, an die …, erklärte`).
    fn subject_to_comma(&self, s: usize, b: usize) -> Option<Mention> {
        let np = self.mention_at(s, b)?;
        if self.punct(np.end) == ',' {
            return Some(np);
        }
        // (a genitive: `der`/`des`, up to three adjectives, a capitalised noun)
        let genitive = self.lex.capitalised_nouns && matches!(self.word(np.end), "der" | "des");
        let comma = (np.end + 2..b.min(np.end + 6)).find(|&k| self.punct(k) == ',')?;
        let words =
            (np.end + 1..comma).all(|k| self.tokens[k].word && !self.has_class(k, class::STOP));
        (genitive && words && self.tokens[comma - 1].cap).then_some(np)
    }

    /// No subject: the cue itself stands for the current speaker, in a language that
    /// drops its subjects, when nothing but fillers comes before it in its clause.
    pub(super) fn dropped(&self, c: usize, b: usize) -> Option<Mention> {
        (self.lex.pro_drop && (b..c).all(|k| self.has_class(k, class::FILLER))).then_some(Mention {
            start: c,
            end: c + 1,
            kind: MentionKind::Dropped,
        })
    }

    /// `Dem Minister zufolge, …`: the source before the postposition at `z`, the rest of
    /// the sentence (or the words before the source) as its content.
    fn postposed_source(&mut self, z: usize, lo: usize, hi: usize) -> Option<(usize, bool)> {
        let np = (lo..z).find_map(|s| self.mention_at(s, z).filter(|m| m.end == z))?;
        let mut a = z + 1;
        while a < hi && self.punct(a) == ',' {
            a += 1;
        }
        let end = self.trim_end(a, hi);
        let (from, to, reaches) = if end > a + 1 {
            (a, end, true)
        } else {
            (lo, np.start, false)
        };
        let content = self.byte_range(from, self.trim_end(from, to))?;
        self.push_reported_plain(content, np, Some((z, z + 1)), conf_of(np.kind, 0.7));
        self.cue_used[z] = true;
        Some((end.max(z + 1), reaches))
    }

    /// Records indirect content with its speaker and (optional) cue.
    pub(super) fn push_reported_plain(
        &mut self,
        (cs, ce): (usize, usize),
        np: Mention,
        cue: Option<(usize, usize)>,
        conf: f32,
    ) {
        match cue {
            Some(cue) => self.push_reported(QuoteKind::Indirect, (cs, ce), np, cue, conf),
            None => self.add_attr(super::analysis::Attribution {
                content_start: cs,
                content_end: ce,
                kind: QuoteKind::Indirect,
                speaker: Some(np),
                cue: None,
                confidence: conf,
                join: false,
                sep: false,
            }),
        }
    }
}
