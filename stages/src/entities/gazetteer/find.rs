//! Finding the gazetteer's forms in tokens: each token's candidate words (exact, through a
//! case ending, without an Arabic proclitic), then the longest form at each position.

use pipeline_core::{Span, Token, TokenKind};

use super::words::{ascii_class, ascii_lower, core, key, ASCII_KEY_MAX};
use super::{
    pair_key, Gazetteer, GazetteerMatch, Kind, Phrase, W_BEGINS, W_BEGINS_MULTI, W_FIRST_ANY_CASE,
    W_GIVEN,
};

/// Arabic proclitics stripped from a word not found as it is (`و` and, `ب` in/by, `ل`
/// for, `ف` so, `ك` like).
const ARABIC_PROCLITICS: &[char] = &['و', 'ب', 'ل', 'ف', 'ك'];

/// True for a token (its kind and bytes) that may be (part of) a name: words, and the
/// hyphens and ampersands inside names; never numbers, links, emoji or other punctuation.
#[inline]
fn may_name(kind: TokenKind, word: &[u8]) -> bool {
    match kind {
        TokenKind::Word | TokenKind::Other | TokenKind::Symbol => !word.is_empty(),
        TokenKind::Punct => word == b"-" || word == b"&",
        _ => false,
    }
}

/// A word of the gazetteer a token may be.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cand {
    /// The word id.
    pub(super) word: u32,
    /// The bytes of the text the word covers (the token's core).
    pub(super) start: u32,
    pub(super) end: u32,
    /// `Some(lang)` when the word was reached through that language's endings or
    /// proclitics: only forms of that language (or `*`) may use it.
    pub(super) via: Option<u16>,
}

/// Token flag: a given name.
pub(super) const T_GIVEN: u8 = 1;
/// Token flag: begins with a capital letter.
pub(super) const T_CAPITAL: u8 = 2;
/// Token flag: begins with a lower-case letter.
pub(super) const T_LOWER: u8 = 4;

/// The candidates of every token of a text.
#[derive(Debug, Default)]
pub(super) struct Lookup {
    /// Per token: the range of `cands` holding its candidates, and its `T_*` flags.
    pub(super) slots: Vec<(u32, u32, u8)>,
    pub(super) cands: Vec<Cand>,
    /// The tokens that have a candidate, in order: the only ones a match may begin at.
    pub(super) with_cands: Vec<u32>,
}

impl Lookup {
    /// The candidates of token `i`.
    #[inline]
    pub(super) fn of(&self, i: usize) -> &[Cand] {
        let (s, e, _) = self.slots[i];
        &self.cands[s as usize..e as usize]
    }

    /// The `T_*` flags of token `i`.
    #[inline]
    pub(super) fn flags(&self, i: usize) -> u8 {
        self.slots[i].2
    }
}

/// The buffers one look-up reuses from token to token.
struct Scratch {
    /// An ASCII word's key ([`ascii_key`]).
    stack: [u8; ASCII_KEY_MAX],
    /// Any other word's key ([`key`]).
    key: String,
    /// A word without a proclitic.
    rewrite: String,
    /// A key rewritten through a case ending.
    inflected: Vec<u8>,
}

/// Which forms a document's language admits, and which endings apply.
struct LangCtx<'g> {
    /// Index of the document's language among the forms' languages, if it has forms.
    doc: Option<u16>,
    /// Whether a language was given at all (then only `doc`, `*` and English count).
    given: bool,
    en: Option<u16>,
    ar: Option<u16>,
    /// The endings to undo: the document language's, or for no language Russian's and
    /// Ukrainian's on Cyrillic words.
    rules: Vec<&'g (u16, super::inflect::Rules)>,
}

impl Gazetteer {
    /// The places and organisations named in `tokens` (the tokens of `text`, as the
    /// `tokens` stage makes them), longest first, left to right, never overlapping.
    /// `lang` (ISO 639-1) restricts the forms to that language's, English ones and those
    /// of no particular language (city names), and chooses the case endings to undo; with
    /// `None` every language's forms count. Tokens whose span does not fit `text` never
    /// match.
    ///
    /// ```
    /// use stages::entities::gazetteer::{Form, Gazetteer, Kind};
    /// use stages::tokens::tokenize;
    /// let g = Gazetteer::builtin();
    /// let text = "Переговоры России и Китая прошли в Кремле.";
    /// let found = g.find(text, &tokenize(text), Some("ru"));
    /// let got: Vec<(&str, Form)> = found.iter().map(|m| (g.entity(m.entity).0, m.form)).collect();
    /// assert_eq!(got, [("Russia", Form::Name), ("China", Form::Name), ("Russia", Form::Metonym)]);
    /// assert!(found.iter().all(|m| m.inflected));
    /// ```
    pub fn find(&self, text: &str, tokens: &[Token], lang: Option<&str>) -> Vec<GazetteerMatch> {
        self.look_up_and_match(text, tokens, lang).1
    }

    /// Every token's candidate words ([`Lookup`]) and the matches made of them.
    pub(super) fn look_up_and_match(
        &self,
        text: &str,
        tokens: &[Token],
        lang: Option<&str>,
    ) -> (Lookup, Vec<GazetteerMatch>) {
        let ctx = self.lang_ctx(lang);
        let look = self.look_up(text, tokens, &ctx);
        let matches = self.matches(text, &look, &ctx);
        (look, matches)
    }

    fn lang_ctx(&self, lang: Option<&str>) -> LangCtx<'_> {
        let doc = lang.and_then(|l| self.lang_index(l));
        let rules = match lang {
            Some(l) => self.rules.iter().filter(|(_, r)| r.lang == l).collect(),
            None => self
                .rules
                .iter()
                .filter(|(_, r)| r.lang == "ru" || r.lang == "uk")
                .collect(),
        };
        LangCtx {
            doc,
            given: lang.is_some(),
            en: self.lang_index("en"),
            ar: self.lang_index("ar"),
            rules,
        }
    }

    /// Every token's candidate words.
    fn look_up(&self, text: &str, tokens: &[Token], ctx: &LangCtx<'_>) -> Lookup {
        let mut look = Lookup {
            slots: Vec::with_capacity(tokens.len()),
            cands: Vec::with_capacity(tokens.len() / 4),
            with_cands: Vec::with_capacity(tokens.len() / 4),
        };
        let mut scratch = Scratch {
            stack: [0; ASCII_KEY_MAX],
            key: String::new(),
            rewrite: String::new(),
            inflected: Vec::new(),
        };
        let mut after_cand = false;
        for (i, tok) in tokens.iter().enumerate() {
            let from = look.cands.len() as u32;
            let (s, e) = (tok.span.start, tok.span.end);
            let flags = match text.as_bytes().get(s..e) {
                Some(word) if may_name(tok.kind, word) => match ascii_class(word) {
                    // most words: ASCII without an apostrophe (so `s..e` lies on char
                    // boundaries), their own core
                    Some(class) => self.ascii_cands(
                        (word, class),
                        s,
                        (ctx, after_cand),
                        &mut scratch,
                        &mut look.cands,
                    ),
                    None => match text.get(s..e) {
                        Some(word) => self.token_cands(
                            word,
                            s,
                            (ctx, after_cand),
                            &mut scratch,
                            &mut look.cands,
                        ),
                        None => 0,
                    },
                },
                _ => 0,
            };
            after_cand = look.cands.len() as u32 > from;
            if after_cand {
                look.with_cands.push(i as u32);
            }
            look.slots.push((from, look.cands.len() as u32, flags));
        }
        look
    }

    /// [`Gazetteer::token_cands`] for a word of ASCII characters without an apostrophe
    /// (`word` at byte `at`, of class `class`: [`ascii_class`]), its own core.
    #[inline]
    fn ascii_cands(
        &self,
        (word, class): (&[u8], u8),
        at: usize,
        (ctx, after_cand): (&LangCtx<'_>, bool),
        scratch: &mut Scratch,
        out: &mut Vec<Cand>,
    ) -> u8 {
        let first = word.first().copied().unwrap_or(b' ');
        let mut flags = if first.is_ascii_uppercase() {
            T_CAPITAL
        } else if first.is_ascii_lowercase() {
            T_LOWER
        } else {
            0
        };
        let lone_lower = flags & T_LOWER != 0 && !after_cand;
        // most words of a text: a lower-case word that begins no form, which the sketch
        // tells without a look-up
        if lone_lower && class == 0 && !self.lower_sketch.may_hold(word) {
            return flags;
        }
        let k = ascii_lower(word, class, &mut scratch.stack);
        let (start, end) = (at as u32, (at + word.len()) as u32);
        let from = out.len();
        if let Some((given, begins)) = self.push_known(k, lone_lower, (start, end), out) {
            flags |= given;
            if begins {
                return flags;
            }
        }
        if lone_lower || first.is_ascii_punctuation() || first.is_ascii_digit() {
            return flags;
        }
        if ctx.given && ctx.rules.iter().any(|r| r.1.may_rewrite(k)) {
            let buf = &mut scratch.inflected;
            self.inflected_cands(k, (start, end), &ctx.rules, buf, (out, from));
        }
        flags
    }

    /// The candidates of one token (`word` at byte `at`), pushed onto `out`; returns its
    /// flags. Endings are undone on capitalised words and on words after a candidate
    /// (`дома` of `Белого дома`).
    fn token_cands(
        &self,
        word: &str,
        at: usize,
        (ctx, after_cand): (&LangCtx<'_>, bool),
        scratch: &mut Scratch,
        out: &mut Vec<Cand>,
    ) -> u8 {
        let (cs, ce) = core(word);
        let core_word = &word[cs..ce];
        let k = key(&mut scratch.key, core_word).as_bytes();
        let first = core_word.chars().next().unwrap_or(' ');
        let mut flags = if first.is_uppercase() {
            T_CAPITAL
        } else if first.is_lowercase() {
            T_LOWER
        } else {
            0
        };
        let (start, end) = ((at + cs) as u32, (at + ce) as u32);
        let from = out.len();
        // a lower-case word can only begin the few forms that start in lower case (`mer
        // Noire`) unless it follows a candidate: a small map, most words of a text
        let lone_lower = flags & T_LOWER != 0 && !after_cand;
        if let Some((given, begins)) = self.push_known(k, lone_lower, (start, end), out) {
            flags |= given;
            // a word that begins a form needs no ending undone; one found only inside
            // forms (`Китая` of `САР Китая`) may still be an inflected name
            if begins {
                return flags;
            }
        }
        if lone_lower || first.is_ascii_punctuation() || first.is_ascii_digit() {
            return flags;
        }
        let cyrillic = ('\u{0400}'..='\u{04FF}').contains(&first);
        if (ctx.given || cyrillic) && ctx.rules.iter().any(|r| r.1.may_rewrite(k)) {
            let buf = &mut scratch.inflected;
            self.inflected_cands(k, (start, end), &ctx.rules, buf, (out, from));
        }
        if let (Some(ar), true) = (ctx.ar, ('\u{0600}'..='\u{06FF}').contains(&first)) {
            self.arabic_cands(core_word, start, end, ar, &mut scratch.rewrite, out);
        }
        flags
    }

    /// The word of key `k` (the text's bytes `start..end`), pushed onto `out` as a
    /// candidate when the gazetteer knows it: among the words that begin a form in lower
    /// case for a `lone_lower` word (one not after a candidate), else among all. Returns
    /// the token flag it adds (`T_GIVEN` for a given name) and whether it begins a form.
    #[inline]
    fn push_known(
        &self,
        k: &[u8],
        lone_lower: bool,
        (start, end): (u32, u32),
        out: &mut Vec<Cand>,
    ) -> Option<(u8, bool)> {
        let w = if lone_lower {
            // most lower-case words begin no form: the sketch says so without a lookup
            if !self.lower_sketch.may_hold(k) {
                return None;
            }
            self.lower_first.get_bytes(k)?
        } else {
            self.vocab.get_bytes(k)?
        };
        out.push(Cand {
            word: w,
            start,
            end,
            via: None,
        });
        let wf = self.word_flags[w as usize];
        let given = if wf & W_GIVEN != 0 { T_GIVEN } else { 0 };
        Some((given, wf & W_BEGINS != 0))
    }

    /// The words the case endings of `rules` rewrite key `k` (of the text's bytes `start..
    /// end`) into, pushed onto `out` unless the token's candidates (`out[from..]`) have
    /// them already.
    fn inflected_cands(
        &self,
        k: &[u8],
        (start, end): (u32, u32),
        rules: &[&(u16, super::inflect::Rules)],
        buf: &mut Vec<u8>,
        (out, from): (&mut Vec<Cand>, usize),
    ) {
        // the key is UTF-8: the word's own bytes or its lowercased form
        for (lang, rules) in rules.iter().map(|r| (r.0, &r.1)) {
            rules.candidates(k, buf, |c| {
                if let Some(w) = self.vocab.get_bytes(c) {
                    if !out[from..].iter().any(|x| x.word == w) {
                        out.push(Cand {
                            word: w,
                            start,
                            end,
                            via: Some(lang),
                        });
                    }
                }
                false
            });
        }
    }

    /// A word without its Arabic proclitic: `وروسيا` → `روسيا`, `للكرملين` → `الكرملين`.
    fn arabic_cands(
        &self,
        word: &str,
        start: u32,
        end: u32,
        ar: u16,
        buf: &mut String,
        out: &mut Vec<Cand>,
    ) {
        let mut chars = word.chars();
        let Some(c) = chars.next() else {
            return;
        };
        if !ARABIC_PROCLITICS.contains(&c) {
            return;
        }
        let rest = chars.as_str();
        let skip = c.len_utf8() as u32;
        if rest.chars().count() >= 3 {
            if let Some(w) = self.vocab.get(rest) {
                out.push(Cand {
                    word: w,
                    start: start + skip,
                    end,
                    via: Some(ar),
                });
                return;
            }
        }
        // `لل` + noun is `ل` + `ال` + noun
        if c == 'ل' && rest.starts_with('ل') {
            buf.clear();
            buf.push('ا');
            buf.push_str(rest);
            if let Some(w) = self.vocab.get(buf.as_str()) {
                out.push(Cand {
                    word: w,
                    start,
                    end,
                    via: Some(ar),
                });
            }
        }
    }

    /// The longest, best form at each position, left to right.
    fn matches(&self, text: &str, look: &Lookup, ctx: &LangCtx<'_>) -> Vec<GazetteerMatch> {
        let mut out = Vec::new();
        // the first token a match may begin at; most tokens have no candidate, hence no
        // match, and only those with one are visited
        let mut i = 0;
        for &t in &look.with_cands {
            let t = t as usize;
            if t < i {
                continue; // inside the last match
            }
            match self.best_at(text, look, t, ctx) {
                Some(mut m) => {
                    i = m.tokens.end;
                    if m.tokens.len() == 1 && !m.ambiguous {
                        m.ambiguous = self.person_context(look, &m);
                    }
                    out.push(m);
                }
                None => i = t + 1,
            }
        }
        out
    }

    /// The best match starting at token `i`, if any.
    fn best_at(
        &self,
        text: &str,
        look: &Lookup,
        i: usize,
        ctx: &LangCtx<'_>,
    ) -> Option<GazetteerMatch> {
        let mut best: Option<(u32, &Phrase)> = None;
        let mut rival = false;
        let mut consider = |ranges: &[u32]| {
            for &p in ranges {
                let ph = &self.phrases[p as usize];
                let len = usize::from(ph.len);
                if i + len > look.slots.len() || best.is_some_and(|b| (b.0 >> 16) as usize > len) {
                    continue;
                }
                let Some(pref) = ctx.pref(ph.lang) else {
                    continue;
                };
                if !self.words_match(text, look, i, ph, ctx) {
                    continue;
                }
                let score = (len as u32) << 16 | u32::from(pref) << 8 | u32::from(255 - ph.rank);
                match best {
                    Some((b, bp)) if b >= score => {
                        rival |= (b >> 16) as usize == len && !self.same_place(bp, ph);
                    }
                    Some((b, bp)) => {
                        rival = (b >> 16) as usize == len && !self.same_place(bp, ph);
                        best = Some((score, ph));
                    }
                    None => best = Some((score, ph)),
                }
            }
        };
        for c in look.of(i) {
            let flags = self.word_flags[c.word as usize];
            if flags & W_BEGINS == 0
                || look.flags(i) & T_LOWER != 0 && flags & W_FIRST_ANY_CASE == 0
            {
                continue;
            }
            // forms of two words or more, by their first two words; then one-word forms
            if flags & W_BEGINS_MULTI != 0 && i + 1 < look.slots.len() {
                for d in look.of(i + 1) {
                    if let Some(&(s, e)) = self.pairs.get(&pair_key(c.word, d.word)) {
                        consider(&self.starts[s as usize..e as usize]);
                    }
                }
            }
            let (s, e) = self.singles[c.word as usize];
            consider(&self.starts[s as usize..e as usize]);
        }
        let (_, ph) = best?;
        let end = i + usize::from(ph.len);
        let inflected = (i..end).any(|t| {
            self.cand_for(look, t, self.words[ph.start as usize + t - i].0)
                .is_some_and(|c| c.via.is_some())
        });
        let first = self.cand_for(look, i, self.words[ph.start as usize].0)?;
        let last = self.cand_for(look, end - 1, self.words[ph.start as usize + end - 1 - i].0)?;
        if last.end <= first.start {
            return None; // tokens out of order: no span to give
        }
        let (kind, form) = (self.entity(ph.entity).1, ph.form);
        Some(GazetteerMatch {
            tokens: i..end,
            span: Span::unchecked(first.start as usize, last.end as usize),
            entity: ph.entity,
            kind,
            form,
            lang: self.langs[usize::from(ph.lang)],
            inflected,
            ambiguous: ph.ambiguous || rival,
        })
    }

    /// True when every word of the form is among its token's candidates, in the right
    /// case and, when reached through an ending, in the form's language.
    fn words_match(
        &self,
        text: &str,
        look: &Lookup,
        i: usize,
        ph: &Phrase,
        ctx: &LangCtx<'_>,
    ) -> bool {
        (0..usize::from(ph.len)).all(|k| {
            let (w, case) = self.words[ph.start as usize + k];
            look.of(i + k).iter().any(|c| {
                c.word == w
                    && c.via.map_or(true, |l| {
                        ph.lang == 0
                            || ph.lang == l
                            || ctx.doc.is_none() && self.same_script_rule(l, ph.lang)
                    })
                    && case.accepts(text.get(c.start as usize..c.end as usize).unwrap_or(""))
            })
        })
    }

    /// With no document language, Russian endings may reach Ukrainian forms and back.
    fn same_script_rule(&self, rule_lang: u16, form_lang: u16) -> bool {
        let l = |i: u16| self.langs[usize::from(i)].as_str().to_string();
        matches!(
            (l(rule_lang).as_str(), l(form_lang).as_str()),
            ("ru", "uk") | ("uk", "ru")
        )
    }

    /// The candidate of token `t` for word `w`.
    fn cand_for<'l>(&self, look: &'l Lookup, t: usize, w: u32) -> Option<&'l Cand> {
        look.of(t).iter().find(|c| c.word == w)
    }

    /// Two forms of one place: the same entity, or a city and its country.
    fn same_place(&self, a: &Phrase, b: &Phrase) -> bool {
        a.entity == b.entity
            || self.country_of(a.entity) == Some(b.entity)
            || self.country_of(b.entity) == Some(a.entity)
    }

    /// A one-word match that may be part of a person's or another name: after a
    /// capitalised given name (`Mark Cuban`), or before a capitalised word the gazetteer
    /// does not know when it is itself a given name (`Jordan Peterson`) or a city or
    /// region (`Paris Hilton`, `Washington Post`).
    fn person_context(&self, look: &Lookup, m: &GazetteerMatch) -> bool {
        let i = m.tokens.start;
        let named = |t: usize| look.flags(t) & (T_GIVEN | T_CAPITAL) == T_GIVEN | T_CAPITAL;
        let given_before = i > 0 && named(i - 1);
        let unknown_after = i + 1 < look.slots.len()
            && look.flags(i + 1) & T_CAPITAL != 0
            && look
                .of(i + 1)
                .iter()
                .all(|c| self.word_flags[c.word as usize] & W_BEGINS == 0);
        let may_lead = look.flags(i) & T_GIVEN != 0 || matches!(m.kind, Kind::City | Kind::Region);
        given_before || unknown_after && may_lead
    }
}

impl LangCtx<'_> {
    /// How much a form of language `l` is preferred (higher better), `None` if excluded.
    #[inline]
    fn pref(&self, l: u16) -> Option<u8> {
        if Some(l) == self.doc {
            Some(3)
        } else if l == 0 {
            Some(2)
        } else if Some(l) == self.en {
            Some(1)
        } else if self.given {
            None
        } else {
            Some(0)
        }
    }
}
