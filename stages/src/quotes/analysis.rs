//! The shared analysis state: the token table ([`TokenInfo`]), the paired quotes, the
//! attributions found so far, small accessors, and the order of the passes ([`Analyzer::run`]).
//!
//! Shared types live here; this module imports from no pass module.

use pipeline_core::{QuoteKind, Token, TokenKind};

use super::config::QuoteConfig;
use super::lexicon::{list, Lexicon, Lexicons};

/// A token as the analyzer sees it: its bytes, its word classes and the paragraph and
/// sentence holding it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokenInfo {
    /// Byte offset of its first byte in the text.
    pub start: usize,
    /// Byte offset just past its last byte.
    pub end: usize,
    /// Its word classes in the document's lexicon ([`super::lexicon::class`] bits).
    pub classes: u32,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// A word or number.
    pub word: bool,
    /// A number.
    pub number: bool,
    /// The character of a one-character punctuation token, else `'\0'`.
    pub punct: char,
    /// The word [`list`]s it is in, as written.
    pub lists: u128,
    /// The word [`list`]s it is in, lowercased (as [`str::to_lowercase`] does).
    pub lists_lower: u128,
    /// Its paragraph (counted from 0, a new one after each line break).
    pub paragraph: u32,
    /// Its sentence, an index into [`Analyzer::sentences`].
    pub sentence: u32,
}

/// A paired quotation: token indices of its marks and the content between them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QuotePair {
    /// Token of the opening mark (of the dash, for a dialogue line).
    pub open: usize,
    /// Token of the closing mark (for a dialogue line: the token past its end).
    pub close: usize,
    /// Marked with double quotation marks (`“ ”`, `"`, `« »`…), not single ones.
    pub double: bool,
    /// A dialogue line (dash) rather than a pair of marks.
    pub dash: bool,
}

/// What a speaker mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionKind {
    /// A name (`Mian Hilal Hussain`, `Hussain`, `the Foreign Office`).
    Name,
    /// A personal pronoun (`he`, `they`).
    Pron,
    /// A description (`the officer`, `local farmers`).
    Desc,
    /// A relative pronoun (`who`) whose antecedent is the mention before its comma.
    Rel,
    /// No subject at all: the cue verb itself (`"…", sostuvo.`, `Uvedl, že …`) in a
    /// language that drops its subjects; it resolves to the current speaker, if any.
    Dropped,
}

/// A speaker mention: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    /// Its first token.
    pub start: usize,
    /// The token just past its last one.
    pub end: usize,
    /// What it is.
    pub kind: MentionKind,
}

/// One attribution found: content bytes, kind, speaker mention, cue token range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attribution {
    /// Byte offset where the attributed content starts.
    pub content_start: usize,
    /// Byte offset just past the attributed content.
    pub content_end: usize,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Who said it, when known.
    pub speaker: Option<Mention>,
    /// The token range of its cue (a verb, a source phrase, a colon…), when there is one.
    pub cue: Option<(usize, usize)>,
    /// How sure the rule that found it is, 0 to 1.
    pub confidence: f32,
    /// Continues the previous direct quote of the same speaker (one quotation
    /// interrupted by its attribution, or carried on in the next paragraph).
    pub join: bool,
    /// Inherited its speaker but stays a quote of its own.
    pub sep: bool,
}

/// No quote / no attribution, in the per-token and per-quote tables.
pub(super) const NONE: u32 = u32::MAX;

/// The longest stretch of tokens any search looks at, on either side of its start.
pub(super) const WINDOW: usize = 160;

/// The per-document tables an [`Analyzer`] fills, kept between documents (cleared, with
/// their capacity) so that a document does not allocate and free them again.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    tokens: Vec<TokenInfo>,
    sentences: Vec<(usize, usize)>,
    quote_of_token: Vec<u32>,
    cue_used: Vec<bool>,
    quotes: Vec<QuotePair>,
    attrs: Vec<Attribution>,
}

impl Buffers {
    /// The most tokens whose tables are kept for the next document (about 6 MB): a huge
    /// document's are freed.
    const MAX_KEPT_TOKENS: usize = 1 << 16;
}

/// `v` emptied, with room for `n` items: a vector too small is replaced by a new one
/// rather than grown (growing would copy its old, unused items).
fn emptied<T>(mut v: Vec<T>, n: usize) -> Vec<T> {
    v.clear();
    if v.capacity() < n {
        drop(v);
        return Vec::with_capacity(n);
    }
    v
}

/// The analysis of one document: its token table, the quotation marks paired so far and
/// the attributions found so far. Each pass is an `impl Analyzer` block in its own
/// module; [`Analyzer::run`] calls them in order.
pub(crate) struct Analyzer<'a> {
    /// The document's text.
    pub(super) text: &'a str,
    /// The tokens, in text order (`''` merged into one `"`).
    pub(super) tokens: Vec<TokenInfo>,
    /// The word lists of the document's language.
    pub(super) lex: &'a Lexicon,
    /// All the lexicons (for the quotation marks, shared by every language, and the
    /// speaker pronouns of every language).
    pub(super) lexicons: &'a Lexicons,
    /// The stage's options.
    pub(super) config: &'a QuoteConfig,
    /// Sentence token ranges.
    pub(super) sentences: Vec<(usize, usize)>,
    /// The paired quotation marks and dialogue lines, in text order.
    pub(super) quotes: Vec<QuotePair>,
    /// Per token: the quote it lies inside (strictly between the marks), or NONE.
    pub(super) quote_of_token: Vec<u32>,
    /// Per quote: attributed already.
    pub(super) quote_done: Vec<bool>,
    /// Per token: used as a cue already.
    pub(super) cue_used: Vec<bool>,
    /// The attributions found so far, in the order found.
    pub(super) attrs: Vec<Attribution>,
    /// Per quote: the attribution made for it, or NONE.
    pub(super) quote_attr: Vec<u32>,
    /// The speakers attributed so far, each with its sentence, in order (one flat list:
    /// few per document, rarely searched).
    pub(super) sentence_speakers: Vec<(u32, Mention)>,
}

impl<'a> Analyzer<'a> {
    /// Builds the token table from the document's tokens and sentences: word classes,
    /// capitals, punctuation, paragraphs (a line break starts one) and sentences.
    pub(super) fn new(
        text: &'a str,
        tokens: &[Token],
        sentences: &[pipeline_core::Sentence],
        lex: &'a Lexicon,
        lexicons: &'a Lexicons,
        config: &'a QuoteConfig,
        buffers: Buffers,
    ) -> Analyzer<'a> {
        let Buffers {
            tokens: mut t,
            sentences: mut sents,
            mut quote_of_token,
            mut cue_used,
            mut quotes,
            mut attrs,
        } = buffers;
        t = emptied(t, tokens.len());
        sents = emptied(sents, sentences.len());
        let mut lower = String::new();
        let mut para = 0u32;
        let mut prev_end = 0usize;
        let mut si = 0usize;
        let mut cur_sent: Option<(u32, usize)> = None;
        for tok in tokens {
            let (s, e) = (tok.span.start, tok.span.end);
            let Some(word) = text.get(s..e) else { continue };
            if s < prev_end {
                continue; // overlapping or unordered tokens: skip
            }
            // (a byte scan: the gap is short, and `\n` is one byte in UTF-8)
            let gap = text.as_bytes().get(prev_end..s).unwrap_or_default();
            // (an inline loop: `contains` calls memchr, costly for a gap of a byte or two)
            #[allow(clippy::manual_contains)]
            let line_break = gap.iter().any(|&b| b == b'\n');
            if line_break && !t.is_empty() && !hard_wrap(gap, t.last(), word) {
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
            let (cls, lists, lists_lower) = if (is_word || word.len() <= 3) && word.len() <= 24 {
                lex.lookup_any(word, &mut lower)
            } else {
                let (lists, lists_lower) = lex.lists_of(word);
                (0, lists, lists_lower)
            };
            // (one character: the second `next` finds none)
            let mut chars = word.chars();
            let p = if !is_word && chars.next().is_some() && chars.next().is_none() {
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
                        text[..prev.start]
                            .chars()
                            .next_back()
                            .is_some_and(|c| !c.is_whitespace())
                    })
            };
            if p == '\'' && !closing_triple() {
                if let Some(prev) = t.last_mut() {
                    if prev.punct == '\'' && prev.end == s && prev.paragraph == para {
                        prev.end = e;
                        prev.punct = '"';
                        (prev.lists, prev.lists_lower) =
                            lex.lists_of(text.get(prev.start..e).unwrap_or(""));
                        continue;
                    }
                }
            }
            t.push(TokenInfo {
                start: s,
                end: e,
                classes: cls,
                cap: first.is_uppercase(),
                word: is_word,
                number: tok.kind == TokenKind::Number,
                punct: p,
                lists,
                lists_lower,
                paragraph: para,
                sentence: 0,
            });
        }
        if let Some((_, start)) = cur_sent {
            sents.push((start, t.len()));
        }
        move_openers(&mut sents, &t, text);
        if lex.capitalised_nouns {
            split_at_dashes(&mut sents, &t, text);
        }
        for (i, &(a, b)) in sents.iter().enumerate() {
            for tk in &mut t[a..b] {
                tk.sentence = i as u32;
            }
        }
        let n = t.len();
        quote_of_token = emptied(quote_of_token, n);
        quote_of_token.resize(n, NONE);
        cue_used = emptied(cue_used, n);
        cue_used.resize(n, false);
        quotes.clear();
        attrs.clear();
        Analyzer {
            text,
            tokens: t,
            lex,
            lexicons,
            config,
            sentences: sents,
            quotes,
            quote_of_token,
            quote_done: Vec::new(),
            cue_used,
            attrs,
            quote_attr: Vec::new(),
            sentence_speakers: Vec::new(),
        }
    }

    /// The tables to give the next document's analyzer (none for a huge document).
    pub(super) fn into_buffers(self) -> Buffers {
        if self.tokens.capacity() > Buffers::MAX_KEPT_TOKENS {
            return Buffers::default();
        }
        Buffers {
            tokens: self.tokens,
            sentences: self.sentences,
            quote_of_token: self.quote_of_token,
            cue_used: self.cue_used,
            quotes: self.quotes,
            attrs: self.attrs,
        }
    }

    /// The text of token `i` (empty past the end).
    pub(super) fn word(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Whether token `i` belongs to any of the word classes `c` (false past the end).
    pub(super) fn has_class(&self, i: usize, c: u32) -> bool {
        self.tokens.get(i).is_some_and(|t| t.classes & c != 0)
    }

    /// The punctuation character of token `i` (`'\0'` for a word or past the end).
    pub(super) fn punct(&self, i: usize) -> char {
        self.tokens.get(i).map_or('\0', |t| t.punct)
    }

    /// The token range of the sentence holding token `i`, clamped to a window of
    /// [`WINDOW`] tokens on each side so that no search is ever longer than that (a text
    /// without sentence punctuation is one huge "sentence").
    pub(super) fn sentence_range(&self, i: usize) -> (usize, usize) {
        let (lo, hi) = self
            .tokens
            .get(i)
            .and_then(|t| self.sentences.get(t.sentence as usize))
            .copied()
            .unwrap_or((i, i + 1));
        (lo.max(i.saturating_sub(WINDOW)), hi.min(i + WINDOW))
    }

    /// Whether token `i` lies inside a quote, strictly between its marks.
    pub(super) fn in_quote(&self, i: usize) -> bool {
        self.quote_of_token.get(i).is_some_and(|&q| q != NONE)
    }

    /// Runs the passes in order: pair the marks, attribute direct quotes, headlines and
    /// speaker labels, reported clauses, embedded fragments, inherited speakers, then
    /// drop named works and nested indirect quotes.
    pub(super) fn run(&mut self) {
        self.possessive_homographs();
        self.pair_marks();
        self.dialogue_dashes();
        self.quote_done = vec![false; self.quotes.len()];
        self.quote_attr = vec![NONE; self.quotes.len()];
        for qi in 0..self.quotes.len() {
            self.direct(qi);
        }
        self.headline();
        self.speaker_labels();
        self.reported();
        self.indirect();
        for qi in 0..self.quotes.len() {
            if !self.quote_done[qi] {
                self.embedded(qi);
            }
        }
        self.inherit();
        self.after_attribution();
        self.uncued_quotations();
        self.drop_named_works();
        self.drop_nested();
        if self.config.unattributed {
            for qi in 0..self.quotes.len() {
                if !self.quote_done[qi] {
                    self.push_quote(qi, QuoteKind::Direct, None, None, 0.3);
                }
            }
        }
    }

    /// The end of the paragraph holding token `i` (at most 80 tokens on).
    pub(super) fn paragraph_end(&self, i: usize) -> usize {
        let Some(p) = self.tokens.get(i).map(|t| t.paragraph) else {
            return i;
        };
        let mut j = i;
        while j < self.tokens.len() && self.tokens[j].paragraph == p && j < i + 80 {
            j += 1;
        }
        j
    }

    /// The bytes of tokens `a..b`, if they cover any.
    pub(super) fn byte_range(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        if b <= a {
            return None;
        }
        let s = self.tokens.get(a)?.start;
        let e = self.tokens.get(b - 1)?.end;
        (e > s).then_some((s, e))
    }
}

impl Analyzer<'_> {
    /// Whether `w` is an auxiliary or modal verb form (`has`, `would`, `is`…: the
    /// `auxiliary` list).
    pub(super) fn is_auxiliary(&self, w: &str) -> bool {
        self.lex.in_list(w, list::AUXILIARY)
    }

    /// Whether token `i`, as written (case-sensitive), is in any of the word lists `lists`
    /// ([`list`] bits; false past the end).
    pub(super) fn in_list(&self, i: usize, lists: u128) -> bool {
        self.tokens.get(i).is_some_and(|t| t.lists & lists != 0)
    }

    /// Whether token `i` lowercased (as [`str::to_lowercase`] does) is in any of the word lists
    /// `lists` (false past the end).
    pub(super) fn in_list_lower(&self, i: usize, lists: u128) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.lists_lower & lists != 0)
    }
}

/// Whether the line break in `gap`, between the token `prev` and the word `next`, only
/// wraps a line: one line break, after a word, a comma or an opening guillemet, before a
/// lowercase word (`… Les travaux\ndureront deux mois. »`, `«\nNous …`).
fn hard_wrap(gap: &[u8], prev: Option<&TokenInfo>, next: &str) -> bool {
    let Some(prev) = prev else {
        return false;
    };
    let one = gap.iter().filter(|&&b| b == b'\n').count() == 1;
    let opener = matches!(prev.punct, '«' | '„');
    let lower = next.chars().next().is_some_and(char::is_lowercase);
    one && (lower && (prev.word || prev.punct == ',') || opener && !next.is_empty())
}

/// The confidence of a rule with confidence `base` for a speaker of this kind: a pronoun
/// or a description is less sure than a name.
pub(super) fn conf_of(kind: MentionKind, base: f32) -> f32 {
    match kind {
        MentionKind::Name => base,
        MentionKind::Pron => base - 0.07,
        MentionKind::Desc | MentionKind::Rel => base - 0.05,
        MentionKind::Dropped => base - 0.1,
    }
}

/// `… dit-il. « Nous …`: an opening guillemet or low mark that the sentence splitter left
/// at the end of a sentence (`sents`, token ranges) opens the next one.
fn move_openers(sents: &mut [(usize, usize)], t: &[TokenInfo], text: &str) {
    for i in 1..sents.len() {
        let (a, b) = sents[i - 1];
        let last = b.checked_sub(1).and_then(|k| t.get(k));
        let moved = b >= a + 2
            && sents[i].0 == b
            && last.is_some_and(|m| {
                matches!(m.punct, '«' | '„')
                    && text[..m.start].ends_with(char::is_whitespace)
                    && t.get(b).is_some_and(|n| n.paragraph == m.paragraph)
            })
            && matches!(t[b - 2].punct, '.' | '!' | '?' | '…');
        if moved {
            sents[i - 1].1 -= 1;
            sents[i].0 -= 1;
        }
    }
}

/// German: the sentence splitter leaves `… würden. -- Gegen Mittag …` (or `. — Der`)
/// in one sentence; `sents` (token ranges) is split there, the dash left at the end of
/// the first, when a capitalised word follows it.
fn split_at_dashes(sents: &mut Vec<(usize, usize)>, t: &[TokenInfo], text: &str) {
    let dash = |k: usize| {
        t.get(k)
            .and_then(|tk| text.get(tk.start..tk.end))
            .is_some_and(|w| w.starts_with("--") || w == "—")
    };
    let breaks = |k: usize| {
        matches!(t[k].punct, '.' | '!' | '?')
            && dash(k + 1)
            && t.get(k + 2).is_some_and(|n| n.word && n.cap)
    };
    if !sents
        .iter()
        .any(|&(a, b)| (a..b.saturating_sub(2)).any(breaks))
    {
        return;
    }
    let mut out = Vec::with_capacity(sents.len() + 8);
    for &(a, b) in sents.iter() {
        let mut s = a;
        for k in a..b.saturating_sub(2) {
            if k > s && breaks(k) {
                out.push((s, k + 2));
                s = k + 2;
            }
        }
        out.push((s, b));
    }
    *sents = out;
}
