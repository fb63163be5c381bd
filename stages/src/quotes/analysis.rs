//! The shared analysis state: the token table ([`Tk`]), the paired quotes, the
//! attributions found so far, small accessors, and the order of the passes ([`Analyzer::run`]).
//!
//! Shared types live here; this module imports from no pass module.

use pipeline_core::{QuoteKind, Token, TokenKind};

use super::config::QuoteConfig;
use super::lexicon::{Lexicon, Lexicons};

/// A token as the analyzer sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tk {
    pub s: usize,
    pub e: usize,
    pub cls: u32,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// A word or number.
    pub word: bool,
    pub number: bool,
    /// The character of a one-character punctuation token, else `'\0'`.
    pub p: char,
    pub para: u32,
    pub sent: u32,
}

/// A paired quotation: token indices of its marks and the content between them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QSpan {
    pub open: usize,
    pub close: usize,
    pub double: bool,
    /// A dialogue line (dash) rather than a pair of marks.
    pub dash: bool,
}

/// What a speaker mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NpKind {
    Name,
    Pron,
    Desc,
    /// A relative pronoun (`who`) whose antecedent is the mention before its comma.
    Rel,
}

/// A speaker mention: tokens `s..e`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Np {
    pub s: usize,
    pub e: usize,
    pub kind: NpKind,
}

/// One attribution found: content bytes, kind, speaker mention, cue token range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr {
    pub cs: usize,
    pub ce: usize,
    pub kind: QuoteKind,
    pub np: Option<Np>,
    pub cue: Option<(usize, usize)>,
    pub conf: f32,
    /// Continues the previous direct quote of the same speaker (one quotation
    /// interrupted by its attribution, or carried on in the next paragraph).
    pub join: bool,
    /// Inherited its speaker but stays a quote of its own.
    pub sep: bool,
}

pub(super) const NONE: u32 = u32::MAX;

/// The longest stretch of tokens any search looks at, on either side of its start.
pub(super) const WINDOW: usize = 160;

pub(crate) struct Analyzer<'a> {
    pub(super) text: &'a str,
    pub(super) t: Vec<Tk>,
    pub(super) lex: &'a Lexicon,
    pub(super) marks: &'a Lexicons,
    pub(super) config: &'a QuoteConfig,
    /// Sentence token ranges.
    pub(super) sents: Vec<(usize, usize)>,
    pub(super) quotes: Vec<QSpan>,
    /// Per token: the quote it lies inside (strictly between the marks), or NONE.
    pub(super) inq: Vec<u32>,
    /// Per quote: attributed already.
    pub(super) qdone: Vec<bool>,
    /// Per token: used as a cue already.
    pub(super) cue_used: Vec<bool>,
    pub(super) attrs: Vec<Attr>,
    /// Per quote: the attribution made for it, or NONE.
    pub(super) qattr: Vec<u32>,
    /// The speakers attributed so far, each with its sentence, in order (one flat list:
    /// few per document, rarely searched).
    pub(super) sent_speakers: Vec<(u32, Np)>,
}

pub(super) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '‚'
            | '‹'
            | '›'
            | '‟'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}
impl<'a> Analyzer<'a> {
    pub(super) fn new(
        text: &'a str,
        tokens: &[Token],
        sentences: &[pipeline_core::Sentence],
        lex: &'a Lexicon,
        marks: &'a Lexicons,
        config: &'a QuoteConfig,
    ) -> Analyzer<'a> {
        let mut t: Vec<Tk> = Vec::with_capacity(tokens.len());
        let mut lower = String::new();
        let mut para = 0u32;
        let mut prev_end = 0usize;
        let mut si = 0usize;
        let mut sents = Vec::with_capacity(sentences.len());
        let mut cur_sent: Option<(u32, usize)> = None;
        for tok in tokens {
            let (s, e) = (tok.span.start, tok.span.end);
            let Some(word) = text.get(s..e) else { continue };
            if s < prev_end {
                continue; // overlapping or unordered tokens: skip
            }
            // (a byte scan: the gap is short, and `\n` is one byte in UTF-8)
            let gap = text.as_bytes().get(prev_end..s).unwrap_or_default();
            if gap.contains(&b'\n') && !t.is_empty() {
                para += 1;
            }
            prev_end = e;
            // the sentence holding this token
            while si < sentences.len() && sentences[si].span.end <= s {
                si += 1;
            }
            let sent = if si < sentences.len() && sentences[si].span.start <= s {
                si as u32
            } else {
                NONE
            };
            let idx = t.len();
            match cur_sent {
                Some((cs, _)) if cs == sent && sent != NONE => {}
                Some((_, start)) => {
                    sents.push((start, idx));
                    cur_sent = Some((sent, idx));
                }
                None => cur_sent = Some((sent, idx)),
            }
            let first = word.chars().next().unwrap_or(' ');
            let is_word = matches!(tok.kind, TokenKind::Word | TokenKind::Number);
            let mut cls = 0;
            if (is_word || word.len() <= 3) && word.len() <= 24 {
                cls = lex.classes_any(word, &mut lower);
            }
            let p = if !is_word && word.chars().count() == 1 {
                first
            } else {
                '\0'
            };
            // `''` (two apostrophes, as some papers print quotation marks): one `"`
            // (closing `'''` is a single mark, then the pair: `say, 'Why?'''`)
            // (only looked at for an apostrophe)
            let closing_triple = || {
                text[e..].starts_with('\'')
                    && t.last().is_some_and(|prev| {
                        text[..prev.s]
                            .chars()
                            .next_back()
                            .is_some_and(|c| !c.is_whitespace())
                    })
            };
            if p == '\'' && !closing_triple() {
                if let Some(prev) = t.last_mut() {
                    if prev.p == '\'' && prev.e == s && prev.para == para {
                        prev.e = e;
                        prev.p = '"';
                        continue;
                    }
                }
            }
            t.push(Tk {
                s,
                e,
                cls,
                cap: first.is_uppercase(),
                word: is_word,
                number: tok.kind == TokenKind::Number,
                p,
                para,
                sent: 0,
            });
        }
        if let Some((_, start)) = cur_sent {
            sents.push((start, t.len()));
        }
        for (i, &(a, b)) in sents.iter().enumerate() {
            for tk in &mut t[a..b] {
                tk.sent = i as u32;
            }
        }
        let n = t.len();
        Analyzer {
            text,
            t,
            lex,
            marks,
            config,
            sents,
            quotes: Vec::new(),
            inq: vec![NONE; n],
            qdone: Vec::new(),
            cue_used: vec![false; n],
            attrs: Vec::new(),
            qattr: Vec::new(),
            sent_speakers: Vec::new(),
        }
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .and_then(|t| self.text.get(t.s..t.e))
            .unwrap_or("")
    }

    /// Token `i` lowercased as [`str::to_lowercase`] does, borrowed when it is lowercase
    /// ASCII already (most words): no allocation in the common case.
    pub(super) fn lower(&self, i: usize) -> std::borrow::Cow<'a, str> {
        let w = self.word(i);
        if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            std::borrow::Cow::Borrowed(w)
        } else {
            std::borrow::Cow::Owned(w.to_lowercase())
        }
    }

    pub(super) fn has(&self, i: usize, c: u32) -> bool {
        self.t.get(i).is_some_and(|t| t.cls & c != 0)
    }

    pub(super) fn p(&self, i: usize) -> char {
        self.t.get(i).map_or('\0', |t| t.p)
    }

    /// The token range of the sentence holding token `i`, clamped to a window of
    /// [`WINDOW`] tokens on each side so that no search is ever longer than that (a text
    /// without sentence punctuation is one huge "sentence").
    pub(super) fn sent_range(&self, i: usize) -> (usize, usize) {
        let (lo, hi) = self
            .t
            .get(i)
            .and_then(|t| self.sents.get(t.sent as usize))
            .copied()
            .unwrap_or((i, i + 1));
        (lo.max(i.saturating_sub(WINDOW)), hi.min(i + WINDOW))
    }

    pub(super) fn in_quote(&self, i: usize) -> bool {
        self.inq.get(i).is_some_and(|&q| q != NONE)
    }

    pub(super) fn run(&mut self) {
        self.pair_marks();
        self.dialogue_dashes();
        self.qdone = vec![false; self.quotes.len()];
        self.qattr = vec![NONE; self.quotes.len()];
        for qi in 0..self.quotes.len() {
            self.direct(qi);
        }
        self.headline();
        self.speaker_labels();
        self.indirect();
        for qi in 0..self.quotes.len() {
            if !self.qdone[qi] {
                self.embedded(qi);
            }
        }
        self.inherit();
        self.after_attribution();
        self.drop_named_works();
        self.drop_nested();
        if self.config.unattributed {
            for qi in 0..self.quotes.len() {
                if !self.qdone[qi] {
                    let q = self.quotes[qi];
                    self.push_quote(qi, QuoteKind::Direct, None, None, 0.3);
                    let _ = q;
                }
            }
        }
    }

    pub(super) fn para_end(&self, i: usize) -> usize {
        let Some(p) = self.t.get(i).map(|t| t.para) else {
            return i;
        };
        let mut j = i;
        while j < self.t.len() && self.t[j].para == p && j < i + 80 {
            j += 1;
        }
        j
    }

    pub(super) fn bytes(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        if b <= a {
            return None;
        }
        let s = self.t.get(a)?.s;
        let e = self.t.get(b - 1)?.e;
        (e > s).then_some((s, e))
    }
}

pub(super) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "had"
            | "have"
            | "is"
            | "was"
            | "are"
            | "were"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "may"
            | "might"
    )
}

pub(super) fn conf_of(kind: NpKind, base: f32) -> f32 {
    match kind {
        NpKind::Name => base,
        NpKind::Pron => base - 0.07,
        NpKind::Desc | NpKind::Rel => base - 0.05,
    }
}
