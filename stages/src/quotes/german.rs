//! German word order for the reported-speech rules of `reported.rs` (nouns
//! capitalised, the finite verb second): which capitalised word after a cue is no
//! inverted subject, the subject of a verb coordinated with the sentence's first one,
//! and sentences the splitter broke after an abbreviation; and the German rules that
//! `reported.rs` calls: quotes after a colon with the cue before it, verbs of saying split
//! around their object (`zeigte … an, daß`), `Nach dem Bericht …` sources, the genitive
//! that speaks a noun of saying, reported content ending at `. --`; and the German
//! clause tests it uses: where a noun phrase ends, a coordinated main clause of the
//! writer's own, the subjunctive and infinitive clauses; sentences split at `. --`
//! (`analysis::split_at_dashes`) and a paper named in marks before its verb (`quoted_name_before`).

use super::analysis::{conf_of, Analyzer, Mention, MentionKind, WINDOW};
use super::lexicon::{class, list};
use crate::text::is_paired_quote_mark;
use pipeline_core::QuoteKind;

/// How far before the colon that opens a quote its cue may be (`X bemerkt dazu in seiner
/// Ausgabe vom Montag: „…“`).
const COLON_REACH: usize = 12;

impl Analyzer<'_> {
    /// `X bemerkt dagegen: „…“`, `schließt mit den Worten: „…“`: a speech word (verb or
    /// noun of the `speech_noun` list) in the words before the colon that opens quote
    /// `qi`; its speaker the inverted one, else the clause's subject, else none.
    pub(super) fn colon_quote(&mut self, qi: usize) -> bool {
        let colon = self.quotes[qi].open - 1;
        let lo = self.joined_start(colon);
        let reach = colon.saturating_sub(COLON_REACH).max(lo);
        let mut found = (reach..colon).rev().filter(|&k| {
            self.reported_cue(k, lo) || self.in_list(k, list::SPEECH_NOUN) && !self.in_quote(k)
        });
        let Some(first) = found.next() else {
            return false;
        };
        let speaker_of = |k: usize| {
            let b = self.clause_start(k, lo);
            let np = if self.in_list(k, list::SPEECH_NOUN) {
                self.genitive_after(k, colon)
                    .or_else(|| self.noun_cue_subject(b, k))
            } else {
                self.inverted_speaker(k, b, colon)
                    .or_else(|| self.v2_coordinated_subject(k, b, lo))
                    .or_else(|| self.subject_before(k, b))
                    .or_else(|| self.dropped(k, b))
            };
            (np, b)
        };
        // (German: a cue further back that has a speaker, when the nearest has none:
        // `sage ich nach Allem, was ich gesehen und erfahren habe: „…“`)
        let (mut k, (mut np, mut b)) = (first, speaker_of(first));
        if np.is_none() && self.lex.capitalised_nouns {
            if let Some(j) = found.find(|&j| speaker_of(j).0.is_some()) {
                (k, (np, b)) = (j, speaker_of(j));
            }
        }
        // (`Der „Anzeiger“ bemerkt dagegen:`, `sagt die „Zeitung“:`: a paper named in
        // quotation marks)
        let np = np
            .or_else(|| self.quoted_name(b, colon))
            .or_else(|| self.quoted_name_before(b, lo));
        let conf = np.map_or(0.5, |np| conf_of(np.kind, 0.65));
        self.push_quote(qi, QuoteKind::Direct, np, Some((k, k + 1)), conf);
        true
    }

    /// A paper named in quotation marks that close right before the clause `b..` of its
    /// verb (`Der „Globe“ meint, …`).
    pub(super) fn quoted_name_before(&self, b: usize, lo: usize) -> Option<Mention> {
        (b > lo)
            .then(|| self.quoted_name(lo, b + 1))
            .flatten()
            .filter(|m| m.end + 1 == b)
    }

    /// The start of the sentence holding token `i`, joined to the sentences before it
    /// that the splitter broke off after an abbreviation or a quoted name (`Die
    /// „Saarztg.“ schreibt`, `heißt es u. a.:`), within [`crate::quotes`]' search window.
    pub(super) fn joined_start(&self, i: usize) -> usize {
        let (mut lo, _) = self.sentence_range(i);
        while lo > 0 && i - lo < WINDOW && self.broken_after(lo) {
            let prev = self.tokens[lo - 1].sentence as usize;
            match self.sentences.get(prev) {
                Some(&(a, _)) if a < lo => lo = a,
                _ => break,
            }
        }
        lo
    }

    /// A cue right after a coordinating conjunction that opens its clause `b..c` (`Die
    /// „Zeitung“ mißt dem eine Bedeutung bei und sagt, daß …`, `Nun näherte der König
    /// sich und sagte:`), or right after a comma: in a language whose nouns are capitalised (German, verb second),
    /// the subject of the sentence's first verb: the mention that opens the sentence
    /// right before a lowercase word, else the one right after a sentence-opening adverb
    /// and its verb.
    pub(super) fn v2_coordinated_subject(&self, c: usize, b: usize, lo: usize) -> Option<Mention> {
        let mut e = c;
        while e > b && self.has_class(e - 1, class::FILLER | class::TIME) {
            e -= 1;
        }
        // (or a comma alone after a first clause of words only, the cue opening its
        // clause: `Das Blatt schüttelt den Vorwurf ab, führt den Lesern zu Gemüte, daß …`)
        let joined = |e: usize| {
            self.in_list(e - 1, list::COORDINATING)
                || e == b
                    && self.punct(e - 1) == ','
                    && !self.tokens[c].cap
                    && (lo..e - 1).all(|k| self.tokens[k].word)
        };
        if !self.lex.capitalised_nouns || e == lo || !joined(e) {
            return None;
        }
        let verb_at = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| t.word && !t.cap && t.classes & class::STOP == 0)
        };
        if self.has_class(lo, class::FILLER | class::STOP) {
            return verb_at(lo + 1)
                .then(|| self.speaker_after(lo + 1, e - 1))
                .flatten();
        }
        let np = self
            .mention_at(lo, e - 1)
            .map(|np| self.noun_phrase_end(np))
            .filter(|np| matches!(np.kind, MentionKind::Name | MentionKind::Desc));
        let np = np.or_else(|| {
            self.has_class(lo, class::DET)
                .then(|| self.quoted_name(lo, e - 1))
                .flatten()
                .filter(|np| np.start == lo + 2)
        })?;
        let after = np.end + usize::from(is_paired_quote_mark(self.punct(np.end)));
        verb_at(after).then_some(np)
    }

    /// In German, whether the noun at `k` after cue `c` belongs to a preposition's
    /// phrase or an object: the lowercase words before it (articles, adjectives) follow
    /// a preposition, or open with an article of an object's case (`über die neue Lage`,
    /// `des Marktes`).
    pub(super) fn in_phrase_or_object(&self, c: usize, k: usize) -> bool {
        let mut p = k;
        while p > c + 1
            && self.tokens[p - 1].word
            && !self.tokens[p - 1].cap
            && !self.has_class(p - 1, class::STOP)
        {
            p -= 1;
        }
        p > c + 1 && self.has_class(p - 1, class::STOP)
            || p < k && self.in_list(p, list::OBJECT_ARTICLE)
    }

    /// `Der Minister zeigte zuvörderst an, daß …`, `Wir machen darauf aufmerksam, daß
    /// …`, `Er gab zu bedenken, daß …`: a particle or predicative of the `split_cue` list
    /// at `c`, right before the comma of a `that` clause, closes a verb of saying split
    /// around its object and is its cue, when a verb of the `separable_verb` list stands
    /// before it in its clause (not `es kommt darauf an, daß …`, `trägt dazu bei, daß
    /// …`).
    pub(super) fn separable_cue(&self, c: usize, lo: usize) -> bool {
        if !self.in_list(c, list::SPLIT_CUE)
            || self.in_quote(c)
            || self.cue_used[c]
            || self.punct(c + 1) != ','
            || !self.has_class(c + 2, class::THAT)
        {
            return false;
        }
        let b = self.clause_start(c, lo);
        (b..c).any(|k| self.in_list_lower(k, list::SEPARABLE_VERB))
    }

    /// Whether the cue word at `i` is reflexive with an impersonal `es`: `es sich` right
    /// after it (`erklärt es sich`), or `es` right before and `sich` right after it
    /// (`es fragt sich`).
    fn impersonal_reflexive(&self, i: usize) -> bool {
        let is = |k: usize, w: &str| {
            self.tokens.get(k).is_some_and(|t| t.word) && self.word(k).eq_ignore_ascii_case(w)
        };
        self.has_class(i, class::CUE)
            && (is(i + 1, "es") && is(i + 2, "sich")
                || i > 0 && is(i - 1, "es") && is(i + 1, "sich"))
    }

    /// In German (`capitalised_nouns`), whether the full stop at `k` ends a sentence
    /// that the splitter left open because a dash follows it (`… verbrennen würden. --
    /// Gegen Mittag …`): reported content ends there.
    pub(super) fn dash_break(&self, k: usize) -> bool {
        self.lex.capitalised_nouns
            && self.punct(k) == '.'
            && self.tokens.get(k + 1).is_some_and(|t| !t.word)
            && self.word(k + 1).starts_with(['-', '—', '–'])
    }

    /// `Nach dem Bericht hat der Ausschuß …`, `Nach den amtlichen Berichten der Russen
    /// verloren …`, `Nach dem „Anzeiger“ steht …`: a sentence that opens with a word of
    /// the `source_preposition` list, an article, a noun of saying (`speech_noun`) or a
    /// paper named in marks, and then its verb (verb second): the rest of the sentence
    /// is the source's, spoken by the genitive after the noun (`der Russen`), else by
    /// the noun or the paper; the token to go on from.
    pub(super) fn nach_source(&mut self, lo: usize, hi: usize) -> Option<usize> {
        if !self.in_list(lo, list::SOURCE_PREPOSITION) || !self.has_class(lo + 1, class::DET) {
            return None;
        }
        let mut k = lo + 2;
        while k < hi.min(lo + 5) && self.tokens[k].word && !self.tokens[k].cap {
            k += 1;
        }
        let (np, after) = if let Some(m) = self.quoted_name(k, hi).filter(|m| m.start == k + 1) {
            (m, m.end + 1)
        } else if self.in_list(k, list::SPEECH_NOUN) && !self.in_quote(k) {
            let noun = Mention {
                start: k,
                end: k + 1,
                kind: MentionKind::Desc,
            };
            // (`der Russen`, `des Ministers`: the genitive after the noun speaks)
            match self.genitive_after(k, hi) {
                Some(m) => (m, m.end),
                None => (noun, k + 1),
            }
        } else {
            return None;
        };
        let verb = self
            .tokens
            .get(after)
            .is_some_and(|t| t.word && !t.cap && t.classes & class::STOP == 0);
        let end = self.trim_end(after, hi);
        let words = (after..end).filter(|&j| self.tokens[j].word).count();
        if !verb || words < 3 || (after..end).any(|j| self.in_quote(j)) {
            return None;
        }
        let content = self.byte_range(after, end)?;
        self.push_reported_plain(content, np, Some((lo, lo + 1)), 0.55);
        self.cue_used[lo] = true;
        Some(end)
    }

    /// In German (`capitalised_nouns`), where the subject of a sentence (or of a `daß`
    /// clause) from `lo` to `b` opens: past an adverb and a `that` word (`Auch Graf
    /// Pálffy, der …, verfügte, …`, `…, daß der Vertreter der Bank, an die …, erklärte,
    /// …`); `lo` itself in other languages.
    pub(super) fn subject_opening(&self, lo: usize, b: usize) -> usize {
        if !self.lex.capitalised_nouns {
            return lo;
        }
        let mut k = lo;
        while k < b && k < lo + 2 && self.has_class(k, class::STOP | class::FILLER | class::THAT) {
            k += 1;
        }
        k
    }

    /// In German (`capitalised_nouns`), the genitive right after the noun at `k`, before
    /// `hi`: a name (`die Worte Zimmermanns`) or an article `der`/`des` and its noun
    /// phrase (`die Berichte der Russen`, `die Worte des Ministers`).
    pub(super) fn genitive_after(&self, k: usize, hi: usize) -> Option<Mention> {
        if !self.lex.capitalised_nouns {
            return None;
        }
        let article = matches!(self.word(k + 1), "der" | "des");
        let s = k + 1 + usize::from(article);
        let m = self.mention_at(s, hi).map(|m| self.noun_phrase_end(m))?;
        let ok = match m.kind {
            MentionKind::Name => true,
            MentionKind::Desc => article,
            _ => false,
        };
        ok.then_some(m)
    }

    /// German `meine`, `meinen` (the `possessive_homograph` list) before a noun or an
    /// adjective are possessives: they lose their word classes, so no rule takes them
    /// for a cue (`meine Begleiter untersuchten …`); before punctuation or a function
    /// word they stay verbs (`Ich meine, …`).
    pub(super) fn possessive_homographs(&mut self) {
        for i in 0..self.tokens.len() {
            // (`So erklärt es sich, daß …`, `Es fragt sich, ob …`: a verb of saying with
            // an impersonal `es` and `sich` says nothing)
            if self.lex.capitalised_nouns && self.impersonal_reflexive(i) {
                self.tokens[i].classes = 0;
                continue;
            }
            if self.tokens[i].lists_lower & list::POSSESSIVE_HOMOGRAPH == 0 {
                continue;
            }
            let verb = self.tokens.get(i + 1).map_or(true, |n| {
                !n.word || n.classes & (class::STOP | class::THAT | class::PRON) != 0
            });
            if !verb {
                self.tokens[i].classes = 0;
            }
        }
    }

    /// In German (`capitalised_nouns`), `np` without the lowercase words at its end: a
    /// noun phrase ends with its noun or name (`dem Minister`, not `dem Minister kommt`).
    pub(super) fn noun_phrase_end(&self, mut np: Mention) -> Mention {
        if self.lex.capitalised_nouns {
            while np.end > np.start + 1 && !self.tokens[np.end - 1].cap {
                np.end -= 1;
            }
        }
        np
    }

    /// In German (`capitalised_nouns`), whether a coordinating conjunction at `k` opens
    /// a main clause of the writer's own after reported content: a pronoun subject or a
    /// cue of its own before the next comma, and not in the subjunctive (`…, und sie
    /// stimmen der Empfehlung bei`, `…, und er antwortete, …`; not `…, und daß …`, `…,
    /// und er sei bereit`).
    pub(super) fn new_main_clause(&self, k: usize, hi: usize) -> bool {
        if !self.lex.capitalised_nouns || !self.in_list(k, list::COORDINATING) {
            return false;
        }
        let end = (k + 1..hi.min(k + 9))
            .find(|&j| !self.tokens[j].word)
            .unwrap_or(hi.min(k + 9));
        (k + 1..end).any(|j| {
            self.has_class(j, class::PRON) || self.reported_cue(j, k) || self.separable_cue(j, k)
        }) && !self.has_class(k + 1, class::THAT)
            && !self.subjunctive_clause(k + 1, hi)
    }

    /// The parts of a sentence from `a` to `hi`, each up to the next semicolon, that are
    /// in the subjunctive: reported speech of `np` carried on (`…; es müsse also …`),
    /// until the first that is not; the end of the last one (or `a`).
    pub(super) fn subjunctive_parts(&mut self, mut a: usize, hi: usize, np: Mention) -> usize {
        let mut last = a;
        while a < hi {
            let e = (a..hi).find(|&k| self.punct(k) == ';').unwrap_or(hi);
            let end = self.trim_end(a, e);
            if end < a + 3 || !self.subjunctive_sentence(a, e) {
                break;
            }
            if let Some(content) = self.byte_range(a, end) {
                self.push_reported_plain(content, np, None, 0.5);
                last = end;
            }
            a = e + 1;
        }
        last
    }

    /// Whether the words `a..hi` hold a subjunctive form of the `subjunctive` list and
    /// no quotation mark.
    pub(super) fn subjunctive_sentence(&self, a: usize, hi: usize) -> bool {
        let hi = hi.min(self.tokens.len());
        (a..hi).any(|k| self.in_list(k, list::SUBJUNCTIVE))
            && !(a..hi).any(|k| is_paired_quote_mark(self.punct(k)))
    }

    /// Whether the clause from `a` (to its next comma or the end `hi`) holds a
    /// subjunctive form (`…, England werde …`).
    pub(super) fn subjunctive_clause(&self, a: usize, hi: usize) -> bool {
        let end = (a..hi.min(self.tokens.len()))
            .find(|&k| self.punct(k) == ',')
            .unwrap_or(hi);
        self.subjunctive_sentence(a, end)
    }

    /// In German (`capitalised_nouns`), whether the words from `a` to the next comma or
    /// sentence end are an infinitive clause of three words or more: `zu` before its
    /// last word, or `zu` inside it (`…, die Hunde ruhig zu erhalten`, `…, sich
    /// zusammenzuschließen`, `…, anzustellen`).
    pub(super) fn infinitive_clause(&self, a: usize, hi: usize) -> bool {
        if !self.lex.capitalised_nouns || !self.tokens.get(a).is_some_and(|t| t.word) {
            return false;
        }
        let hi = hi.min(self.tokens.len());
        let end = (a..hi)
            .find(|&k| !self.tokens[k].word || self.in_quote(k))
            .unwrap_or(hi);
        if end < a + 3 || end < hi && !matches!(self.punct(end), ',' | '.' | ';' | '!') {
            return false;
        }
        let last = self.word(end - 1);
        let inner = last
            .rfind("zu")
            .is_some_and(|i| i >= 2 && last.len() >= i + 5 && last.ends_with("en"));
        self.word(end - 2) == "zu" || inner && !last.starts_with(char::is_uppercase)
    }
}
