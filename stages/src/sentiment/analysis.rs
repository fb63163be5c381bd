//! The per-document analysis of the tokens that every target's features read:
//! lexicon scores, negation scope, intensifiers, contrast weights, quote marks,
//! candidate entities and sentences as token ranges, computed once per document in time
//! linear in its tokens.

// Index loops over parallel arrays (tokens, analysis, weights) read better here.
#![allow(clippy::needless_range_loop)]

use pipeline_core::{Sentence, Span, Token, TokenKind};

use super::hashing::{fnv, neg_hash, word_hash, word_hash_hyphen};
use super::lexicon::{Lexicon, Modifier, F_PRONOUN, F_SPEECH};

/// The hash of every number token.
pub(crate) const H_NUM: u64 = fnv("<num>");

/// Byte length of a possessive suffix (`'s`, `’s`, or a final `'`/`’` after `s`) on a
/// word of at least two letters before it, else 0.
pub(crate) fn possessive_len(w: &str) -> usize {
    // every suffix below ends in `s`, `S`, `'` or `’` (whose last byte is 0x99)
    if !matches!(w.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        return 0;
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.chars().count() >= 2 && !stem.ends_with(['\'', '’']) {
                return suffix.len();
            }
        }
    }
    for suffix in ["s'", "s’"] {
        if w.ends_with(suffix) && w.chars().count() >= 4 {
            return suffix.len() - 1;
        }
    }
    0
}

/// `didn't`, `can’t`, `won't`: a contraction with a negation, kept as one token.
fn is_negated_auxiliary(w: &str) -> bool {
    let w = w.as_bytes();
    // both forms end in `t`
    if !matches!(w.last(), Some(b't' | b'T')) {
        return false;
    }
    let n = w.len();
    (n > 3 && (w[n - 3..].eq_ignore_ascii_case(b"n't")))
        || (n > 5 && w[n - 5] | 0x20 == b'n' && &w[n - 4..] == "’t".as_bytes())
}

/// What the analysis knows about one token.
#[derive(Debug, Clone, Default)]
pub(crate) struct TokInfo {
    /// Hash of the normal form (`<num>` for numbers), negation-marked when negated.
    pub(crate) feat: u64,
    /// Hash of the plain normal form.
    pub(crate) hash: u64,
    /// Hash of the word without a possessive `'s` / `’s` / `'` (for gazetteers and the
    /// lexicon): tokenizers that keep `Pakistan’s` whole still match `Pakistan`.
    pub(crate) base: u64,
    /// Bytes of that possessive suffix, 0 when none.
    pub(crate) poss: u8,
    /// Its modifier role, if any.
    pub(crate) modifier: Option<Modifier>,
    /// Lexicon score after intensifiers and negation.
    pub(crate) pol: f32,
    /// Weight of its clause (`although`, `despite` clauses weigh less).
    pub(crate) weight: f32,
    /// Index of the first `but`/`however` of its sentence, `u32::MAX` when none.
    pub(crate) contrast: u32,
    pub(crate) negated: bool,
    pub(crate) negator: bool,
    /// A word token.
    pub(crate) word: bool,
    /// Ends a clause: `, ; : ( ) —` and contrast words.
    pub(crate) boundary: bool,
    /// Capitalised word, not first in its sentence, or a pronoun: a candidate entity.
    pub(crate) entity: bool,
    pub(crate) pronoun: bool,
    pub(crate) speech: bool,
    /// Inside quote marks.
    pub(crate) quote: bool,
    /// Index of its sentence, `u32::MAX` outside every sentence.
    pub(crate) sent: u32,
    /// The gazetteer's word classes of `base`.
    pub(crate) classes: u16,
    /// A gazetteer phrase starts with `base`.
    pub(crate) phrase: bool,
    /// Its first character is uppercase.
    pub(crate) cap: bool,
    /// A word token holding a hyphen `-`.
    pub(crate) hyphen: bool,
}

/// A document's tokens, analysed once for every target in it.
#[derive(Debug, Default)]
pub(crate) struct Analysis {
    pub(crate) toks: Vec<TokInfo>,
    /// Token index range of each sentence.
    pub(crate) sents: Vec<(usize, usize)>,
    /// Nearest entity token at or left of `i` in its sentence.
    pub(crate) left_ent: Vec<u32>,
    /// The model's sentence bag sums, in units of its scale, per sentence (filled on
    /// first use).
    pub(crate) bag_cache: std::cell::RefCell<Vec<Option<[i32; 3]>>>,
    /// Nearest entity token that is not a pronoun, at or left of `i` in its sentence.
    pub(crate) left_name: Vec<u32>,
    /// Nearest entity token that is not a pronoun, at or right of `i`.
    pub(crate) right_name: Vec<u32>,
    /// Nearest entity token at or right of `i` in its sentence.
    pub(crate) right_ent: Vec<u32>,
    /// Per block of `1 << BLOCK_BITS` bytes of the text, the first token ending after
    /// its start (and one more entry for the end).
    block_first: Vec<u32>,
}

/// Bytes per block of [`Analysis::token_range_in`]'s index.
const BLOCK_BITS: usize = 6;

/// No token (an index that is not set).
pub(crate) const NONE: u32 = u32::MAX;

/// Tokens of context used on each side of a target.
const MAX_CONTEXT: usize = 400;

impl Analysis {
    /// Analyses the tokens of `text`; linear in the number of tokens.
    pub(crate) fn new(
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        lex: &Lexicon,
    ) -> Analysis {
        let n = tokens.len();
        let blank = TokInfo {
            weight: 1.0,
            contrast: NONE,
            sent: NONE,
            ..TokInfo::default()
        };
        let mut toks = vec![blank; n];
        let sents = sentence_ranges(tokens, sentences, &mut toks);
        token_properties(text, tokens, lex, &mut toks);
        // per sentence: negation scope, intensifiers, contrast weights, first-word entities
        let ranges: Vec<(usize, usize)> = if sents.is_empty() {
            vec![(0, n)]
        } else {
            sents.clone()
        };
        for &(s, e) in &ranges {
            sentence_modifiers(&mut toks, s, e);
        }
        let near = Nearest::new(&toks, &ranges);
        Analysis {
            toks,
            sents,
            block_first: block_index(text, tokens),
            left_ent: near.left_ent,
            right_ent: near.right_ent,
            left_name: near.left_name,
            right_name: near.right_name,
            bag_cache: std::cell::RefCell::default(),
        }
    }

    /// Token index range `[a, b)` covering `span`, if any token overlaps it (else the
    /// nearest token).
    #[cfg(feature = "train")]
    pub(crate) fn token_range(tokens: &[Token], span: Span) -> Option<(usize, usize)> {
        Self::token_range_from(
            tokens,
            span,
            tokens.partition_point(|t| t.span.end <= span.start),
        )
    }

    /// [`Analysis::token_range`] of the tokens this analysis was built from: the block
    /// index narrows the binary search to the tokens ending in `span.start`'s block.
    pub(crate) fn token_range_in(&self, tokens: &[Token], span: Span) -> Option<(usize, usize)> {
        let j = span.start >> BLOCK_BITS;
        let a = match (self.block_first.get(j), self.block_first.get(j + 1)) {
            (Some(&lo), Some(&hi)) if tokens.len() == self.toks.len() => {
                let (lo, hi) = (lo as usize, hi as usize);
                lo + tokens[lo..hi].partition_point(|t| t.span.end <= span.start)
            }
            _ => tokens.partition_point(|t| t.span.end <= span.start),
        };
        Self::token_range_from(tokens, span, a)
    }

    /// The range from `a`, the first token ending after `span.start`.
    fn token_range_from(tokens: &[Token], span: Span, a: usize) -> Option<(usize, usize)> {
        if tokens.is_empty() {
            return None;
        }
        let mut b = a;
        while b < tokens.len() && tokens[b].span.start < span.end.max(span.start + 1) {
            b += 1;
        }
        if b > a {
            Some((a, b))
        } else {
            let a = a.min(tokens.len() - 1);
            Some((a, a + 1))
        }
    }

    /// The token range of the context of `[a, b)`: its sentence(s), or a window.
    pub(crate) fn context(&self, a: usize, b: usize) -> (usize, usize) {
        let n = self.toks.len();
        let sa = self.toks.get(a).map_or(NONE, |t| t.sent);
        let sb = self.toks.get(b.saturating_sub(1)).map_or(NONE, |t| t.sent);
        let s = self
            .sents
            .get(sa as usize)
            .map_or(a.saturating_sub(15), |r| r.0);
        let e = self.sents.get(sb as usize).map_or((b + 15).min(n), |r| r.1);
        // at most MAX_CONTEXT tokens each side, so a mention costs O(1) even in a
        // document that is one endless sentence
        let s = s.min(a).max(a.saturating_sub(MAX_CONTEXT));
        let e = e.max(b).min(n).min(b.saturating_add(MAX_CONTEXT));
        (s, e.max(b).min(n))
    }
}

/// The sentences as token index ranges (those holding a token); marks each token with
/// its sentence (`NONE` outside every sentence).
fn sentence_ranges(
    tokens: &[Token],
    sentences: &[Sentence],
    toks: &mut [TokInfo],
) -> Vec<(usize, usize)> {
    let n = tokens.len();
    let mut sents = Vec::with_capacity(sentences.len());
    let mut k = 0;
    for s in sentences {
        while k < n && tokens[k].span.start < s.span.start {
            toks[k].sent = NONE;
            k += 1;
        }
        let first = k;
        while k < n && tokens[k].span.end <= s.span.end {
            toks[k].sent = sents.len() as u32;
            k += 1;
        }
        if k > first {
            sents.push((first, k));
        }
    }
    for t in toks.iter_mut().skip(k) {
        t.sent = NONE;
    }
    sents
}

/// The properties of each token on its own (and whether it is inside quote marks; a
/// line break closes an open quotation).
fn token_properties(text: &str, tokens: &[Token], lex: &Lexicon, toks: &mut [TokInfo]) {
    let mut quote_open: Option<char> = None;
    let mut prev_end = 0;
    for (i, tok) in tokens.iter().enumerate() {
        // bytes, not `str`: `\n` is ASCII, so no char boundary needs checking
        if text
            .as_bytes()
            .get(prev_end..tok.span.start)
            .is_some_and(|g| g.contains(&b'\n'))
        {
            quote_open = None;
        }
        prev_end = tok.span.end;
        token_info(
            &mut toks[i],
            tok,
            tok.span.slice(text),
            lex,
            &mut quote_open,
        );
    }
}

/// The properties of token `tok` (written `w`); `quote_open` is the open quote mark
/// before it, updated when `tok` is a quote mark.
fn token_info(
    info: &mut TokInfo,
    tok: &Token,
    w: &str,
    lex: &Lexicon,
    quote_open: &mut Option<char>,
) {
    let (hash, hyphen) = if tok.kind == TokenKind::Number {
        (H_NUM, false)
    } else {
        word_hash_hyphen(w)
    };
    info.hash = hash;
    info.feat = info.hash;
    info.base = info.hash;
    if tok.kind == TokenKind::Word {
        let suffix = possessive_len(w);
        if suffix > 0 {
            info.poss = suffix as u8;
            info.base = word_hash(&w[..w.len() - suffix]);
        }
    }
    let mut entry = lex.entry(info.base);
    info.classes = entry.classes;
    info.phrase = entry.phrase;
    let first = w.chars().next().unwrap_or(' ');
    info.cap = first.is_uppercase();
    info.hyphen = tok.kind == TokenKind::Word && hyphen;
    // the quote marks and clause punctuation below all start with a symbol
    if !first.is_ascii_alphanumeric() {
        match w {
            "“" | "«" => {
                *quote_open = Some('“');
                info.boundary = true;
                return;
            }
            "”" | "»" => {
                *quote_open = None;
                info.boundary = true;
                return;
            }
            "\"" => {
                *quote_open = if quote_open.is_some() {
                    None
                } else {
                    Some('"')
                };
                info.boundary = true;
                return;
            }
            "‘" => {
                *quote_open = Some('‘');
                return;
            }
            "’" | "'" if *quote_open == Some('‘') => {
                *quote_open = None;
                return;
            }
            _ => {}
        }
    }
    info.quote = quote_open.is_some();
    if !first.is_ascii_alphanumeric()
        && matches!(w, "," | ";" | ":" | "(" | ")" | "—" | "–" | "-" | "--")
    {
        info.boundary = true;
        return;
    }
    if tok.kind != TokenKind::Word {
        return;
    }
    info.word = true;
    if entry.modifier.is_none() && is_negated_auxiliary(w) {
        // tokenizers that keep contractions whole: didn’t, can't, won’t
        entry.modifier = Some(Modifier::Negator(-0.74));
    }
    info.pol = entry.score;
    info.modifier = entry.modifier;
    match entry.modifier {
        Some(Modifier::Negator(_)) => info.negator = true,
        Some(Modifier::ContrastAfter | Modifier::ContrastClause) => info.boundary = true,
        _ => {}
    }
    info.pronoun = entry.flags & F_PRONOUN != 0;
    info.speech = entry.flags & F_SPEECH != 0;
    info.entity = info.pronoun || info.cap;
}

/// Within sentence `[s, e)`: whether a capitalised first word is a candidate entity,
/// negation scope (three words), intensifiers, and contrast weights.
fn sentence_modifiers(toks: &mut [TokInfo], s: usize, e: usize) {
    if s < e && !toks[s].pronoun {
        // a capitalised first word is only a candidate when the next is too
        toks[s].entity = toks.get(s + 1).is_some_and(|t| t.entity && !t.pronoun);
    }
    let mut scope = 0u8;
    let mut neg_mult = 1.0f32;
    let mut intens = 1.0f32;
    let mut contrast_at = None;
    let mut contrast_clause = false;
    for i in s..e {
        let modifier = toks[i].modifier;
        contrast_clause |= matches!(modifier, Some(Modifier::ContrastClause));
        if toks[i].boundary {
            scope = 0;
        }
        if let Some(Modifier::ContrastAfter) = modifier {
            if i > s && contrast_at.is_none() {
                contrast_at = Some(i);
            }
        }
        if toks[i].negator {
            scope = 3;
            neg_mult = match modifier {
                Some(Modifier::Negator(v)) => v,
                _ => -0.74,
            };
            continue;
        }
        let t = &mut toks[i];
        t.negated = scope > 0 && t.word;
        if t.negated {
            t.feat = neg_hash(t.hash);
            t.pol *= neg_mult;
        }
        if t.pol != 0.0 {
            t.pol *= intens;
        }
        intens = match modifier {
            Some(Modifier::Intensifier(v)) => v,
            _ => 1.0,
        };
        if !t.boundary && scope > 0 {
            scope -= 1;
        }
    }
    // contrast weights (every token starts with weight 1 and no contrast; the
    // sentences are disjoint)
    if let Some(c) = contrast_at {
        for t in &mut toks[s..e] {
            t.contrast = c as u32;
        }
    }
    let mut i = if contrast_clause { s } else { e };
    while i < e {
        if matches!(toks[i].modifier, Some(Modifier::ContrastClause)) {
            let mut j = i + 1;
            while j < e && !(toks[j].boundary && j > i + 1) {
                toks[j].weight *= 0.5;
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

/// Per token, the nearest entity tokens in its sentence (`NONE` when none).
struct Nearest {
    left_ent: Vec<u32>,
    right_ent: Vec<u32>,
    left_name: Vec<u32>,
    right_name: Vec<u32>,
}

impl Nearest {
    /// The nearest entities (and names, entities that are not pronouns) on each side.
    fn new(toks: &[TokInfo], ranges: &[(usize, usize)]) -> Nearest {
        let n = toks.len();
        let mut left_ent = vec![NONE; n];
        let mut right_ent = vec![NONE; n];
        let mut left_name = vec![NONE; n];
        let mut right_name = vec![NONE; n];
        for &(s, e) in ranges {
            nearest_in(toks, s..e, &mut left_ent, &mut left_name);
            nearest_in(toks, (s..e).rev(), &mut right_ent, &mut right_name);
        }
        Nearest {
            left_ent,
            right_ent,
            left_name,
            right_name,
        }
    }
}

/// For each token in `order`, the last entity token seen in that order (`ent`) and the
/// last one that is not a pronoun (`name`), itself included.
fn nearest_in(
    toks: &[TokInfo],
    order: impl Iterator<Item = usize>,
    ent: &mut [u32],
    name: &mut [u32],
) {
    let (mut last, mut last_name) = (NONE, NONE);
    for i in order {
        if toks[i].entity {
            last = i as u32;
            if !toks[i].pronoun {
                last_name = i as u32;
            }
        }
        ent[i] = last;
        name[i] = last_name;
    }
}

/// Per block of `1 << BLOCK_BITS` bytes of the text, the first token ending after its
/// start, and one more entry for the end (see [`Analysis::token_range_in`]).
fn block_index(text: &str, tokens: &[Token]) -> Vec<u32> {
    let n = tokens.len();
    // first token ending after the start of each block of bytes (token ends ascend)
    let blocks = (text.len() >> BLOCK_BITS) + 2;
    let mut block_first = Vec::with_capacity(blocks);
    let mut t = 0;
    for j in 0..blocks {
        let at = j << BLOCK_BITS;
        while t < n && tokens[t].span.end <= at {
            t += 1;
        }
        block_first.push(t as u32);
    }
    block_first
}
