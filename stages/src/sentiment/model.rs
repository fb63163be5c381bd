//! Targeted scoring: a per-document analysis of the tokens (lexicon scores, negation,
//! intensifiers, contrast, quote marks, candidate entities), the features of one target
//! in its sentence, a linear model over them, and the trainer that fits it.
//!
//! The model is multinomial logistic regression over hashed sparse features (words by
//! position relative to the target, bigrams with the target as `<t>`, the target's own
//! words, all negation-marked) and a few dense lexicon features (sentiment words near /
//! far, about this target or about another one, inside quotes, the rule score). Its
//! weights are `data/model.tsv`, written by `cargo run -p stages --example
//! train_sentiment --release`; with an empty model file the rule score alone is used.

// Index loops over parallel arrays (tokens, analysis, weights) read better here.
#![allow(clippy::needless_range_loop)]

use std::collections::HashMap;
use std::sync::OnceLock;

use pipeline_core::{Sentence, Span, Token, TokenKind};

use super::lexicon::{fnv, norm_word, word_hash, word_hash_hyphen, Lexicon, Modifier};

/// Names of the dense features, in weight order.
pub(crate) const DENSE: &[&str] = &[
    "bias",
    "own_pos",
    "own_neg",
    "other_pos",
    "other_neg",
    "near_pos",
    "near_neg",
    "mid_pos",
    "mid_neg",
    "far_pos",
    "far_neg",
    "rule",
    "target_in_quote",
    "quote_pos",
    "quote_neg",
    "speaker",
    "sentence_start",
    "pronoun",
    "length",
    "negators",
    "clause_pos",
    "clause_neg",
    "contrast_pos",
    "contrast_neg",
];

const POSITIONS: [&str; 8] = ["L1", "L2", "L3", "L4", "R1", "R2", "R3", "R4"];
const TPL_S: u64 = fnv("S");
const TPL_B: u64 = fnv("B");
const TPL_T: u64 = fnv("T");
const TPL_POS: [u64; 8] = [
    fnv("L1"),
    fnv("L2"),
    fnv("L3"),
    fnv("L4"),
    fnv("R1"),
    fnv("R2"),
    fnv("R3"),
    fnv("R4"),
];
/// Templates of the folded features `POS|w` + `S|w` (see [`Model::parse`]); no model
/// file names them.
const TPL_POS_S: [u64; 8] = [
    fnv("L1+S"),
    fnv("L2+S"),
    fnv("L3+S"),
    fnv("L4+S"),
    fnv("R1+S"),
    fnv("R2+S"),
    fnv("R3+S"),
    fnv("R4+S"),
];
const H_TARGET: u64 = fnv("<t>");
const H_NUM: u64 = fnv("<num>");
const H_NEG_PREFIX: u64 = fnv("¬");

/// Lexicon flag of pronouns.
pub(crate) const F_PRONOUN: u8 = 1;
/// Lexicon flag of speech verbs.
pub(crate) const F_SPEECH: u8 = 2;

pub(crate) const PRONOUNS: &[&str] = &[
    "he", "she", "him", "her", "his", "hers", "they", "them", "their", "himself", "herself",
];
pub(crate) const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "wrote",
    "writes",
    "explained",
    "argued",
    "stated",
    "noted",
    "insisted",
    "claimed",
    "declared",
    "announced",
    "tweeted",
    "emphasized",
    "emphasised",
    "asked",
    "replied",
    "according",
];

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn key1(tpl: u64, h: u64) -> u64 {
    mix(tpl ^ h.rotate_left(23))
}

fn key2(tpl: u64, h1: u64, h2: u64) -> u64 {
    mix(mix(tpl ^ h1.rotate_left(23)) ^ h2.rotate_left(31))
}

/// The key of a feature name as written in the model file (`TPL|w` or `TPL|w1 w2`).
fn key_of_name(name: &str) -> Option<u64> {
    // byte scans: `|` and ` ` are ASCII, so every cut is a char boundary
    let bar = name.bytes().position(|b| b == b'|')?;
    let tpl = fnv(name.get(..bar)?);
    let rest = name.get(bar + 1..)?;
    match rest.bytes().position(|b| b == b' ') {
        None => Some(key1(tpl, part_hash(rest))),
        Some(sp) => {
            let a = part_hash(rest.get(..sp)?);
            let second = rest.get(sp + 1..)?;
            let end = second
                .bytes()
                .position(|b| b == b' ')
                .unwrap_or(second.len());
            Some(key2(tpl, a, part_hash(second.get(..end)?)))
        }
    }
}

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
    left_ent: Vec<u32>,
    /// The model's sentence bag logits, per sentence (filled on first use).
    bag_cache: std::cell::RefCell<Vec<Option<[f32; 3]>>>,
    /// Nearest entity token that is not a pronoun, at or left of `i` in its sentence.
    left_name: Vec<u32>,
    /// Nearest entity token that is not a pronoun, at or right of `i`.
    right_name: Vec<u32>,
    /// Nearest entity token at or right of `i` in its sentence.
    right_ent: Vec<u32>,
    /// Per block of `1 << BLOCK_BITS` bytes of the text, the first token ending after
    /// its start (and one more entry for the end).
    block_first: Vec<u32>,
}

/// Bytes per block of [`Analysis::token_range_in`]'s index.
const BLOCK_BITS: usize = 6;

const NONE: u32 = u32::MAX;

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
        // sentences as token ranges
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
        // token properties
        let mut quote_open: Option<char> = None;
        let mut prev_end = 0;
        for (i, tok) in tokens.iter().enumerate() {
            let w = tok.span.slice(text);
            let info = &mut toks[i];
            // bytes, not `str`: `\n` is ASCII, so no char boundary needs checking
            if text
                .as_bytes()
                .get(prev_end..tok.span.start)
                .is_some_and(|g| g.contains(&b'\n'))
            {
                quote_open = None;
            }
            prev_end = tok.span.end;
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
                        quote_open = Some('“');
                        info.boundary = true;
                        continue;
                    }
                    "”" | "»" => {
                        quote_open = None;
                        info.boundary = true;
                        continue;
                    }
                    "\"" => {
                        quote_open = if quote_open.is_some() {
                            None
                        } else {
                            Some('"')
                        };
                        info.boundary = true;
                        continue;
                    }
                    "‘" => {
                        quote_open = Some('‘');
                        continue;
                    }
                    "’" | "'" if quote_open == Some('‘') => {
                        quote_open = None;
                        continue;
                    }
                    _ => {}
                }
            }
            info.quote = quote_open.is_some();
            if !first.is_ascii_alphanumeric()
                && matches!(w, "," | ";" | ":" | "(" | ")" | "—" | "–" | "-" | "--")
            {
                info.boundary = true;
                continue;
            }
            if tok.kind != TokenKind::Word {
                continue;
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
        // per sentence: negation scope, intensifiers, contrast weights, first-word entities
        let ranges: Vec<(usize, usize)> = if sents.is_empty() {
            vec![(0, n)]
        } else {
            sents.clone()
        };
        for &(s, e) in &ranges {
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
        // nearest entity tokens, per sentence
        let mut left_ent = vec![NONE; n];
        let mut right_ent = vec![NONE; n];
        let mut left_name = vec![NONE; n];
        let mut right_name = vec![NONE; n];
        for &(s, e) in &ranges {
            let (mut last, mut last_name) = (NONE, NONE);
            for i in s..e {
                if toks[i].entity {
                    last = i as u32;
                    if !toks[i].pronoun {
                        last_name = i as u32;
                    }
                }
                left_ent[i] = last;
                left_name[i] = last_name;
            }
            (last, last_name) = (NONE, NONE);
            for i in (s..e).rev() {
                if toks[i].entity {
                    last = i as u32;
                    if !toks[i].pronoun {
                        last_name = i as u32;
                    }
                }
                right_ent[i] = last;
                right_name[i] = last_name;
            }
        }
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
        Analysis {
            toks,
            sents,
            block_first,
            left_ent,
            right_ent,
            left_name,
            right_name,
            bag_cache: std::cell::RefCell::default(),
        }
    }

    /// Token index range `[a, b)` covering `span`, if any token overlaps it (else the
    /// nearest token).
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
    fn context(&self, a: usize, b: usize) -> (usize, usize) {
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

    /// Extracts the features of target tokens `[a, b)` into `sink`; returns the rule score.
    pub(crate) fn features<S: Sink>(&self, a: usize, b: usize, sink: &mut S) -> f32 {
        let mut dense = [0.0f32; DENSE.len()];
        dense[0] = 1.0;
        let n = self.toks.len();
        if a >= b || b > n {
            sink.dense(&dense);
            return 0.0;
        }
        let (s, e) = self.context(a, b);
        sink.bag(self, s, e, a, b);
        let mut rule = 0.0f32;
        let mut negators = 0;
        // the context left of the target, then right of it: one loop that jumps over the
        // target (cheaper per step than a `chain` of the two ranges)
        let mut next = if s < a { s } else { b };
        while next < e {
            let i = next;
            next = if i + 1 == a { b } else { i + 1 };
            let t = &self.toks[i];
            negators += t.negator as u32;
            let (side, d) = if i < a { (0, a - i) } else { (4, i + 1 - b) };
            let bucket = side
                + match d {
                    1 => 0,
                    2..=3 => 1,
                    4..=7 => 2,
                    _ => 3,
                };
            sink.position(self, bucket, t.feat);
            if t.pol == 0.0 {
                continue;
            }
            // sentiment word: about this target or another one?
            let other = self.other_distance(i, a, b);
            let own = d <= other;
            // contrast, relative to the target: the clause after `but` weighs more; the
            // other side of the contrast weighs less
            let cw = match t.contrast {
                NONE => 1.0,
                c => {
                    let c = c as usize;
                    match (i >= c, a >= c) {
                        (true, true) => 1.5,
                        (false, false) => 0.8,
                        (false, true) => 0.5,
                        (true, false) => 1.2,
                    }
                }
            };
            let weight = t.weight * cw;
            let v = t.pol / 3.0 * weight;
            let (p, q) = if v > 0.0 { (v, 0.0) } else { (0.0, -v) };
            let slot = |base: usize, dense: &mut [f32; DENSE.len()]| {
                dense[base] += p;
                dense[base + 1] += q;
            };
            slot(if own { 1 } else { 3 }, &mut dense);
            slot(
                match d {
                    0..=3 => 5,
                    4..=8 => 7,
                    _ => 9,
                },
                &mut dense,
            );
            if t.quote {
                slot(13, &mut dense);
            }
            if !self.boundary_between(i, a, b) {
                slot(20, &mut dense);
            }
            if weight > 1.0 {
                slot(22, &mut dense);
            }
            let dw = 1.0 / (1.0 + (d as f32 - 1.0) / 4.0);
            let ow = if own { 1.0 } else { 0.3 };
            rule += t.pol * weight * dw * ow;
        }
        let rule = (rule / 2.0).tanh();
        dense[11] = rule;
        dense[12] = self.toks[a].quote as u8 as f32;
        dense[15] = self.is_speaker(a, b, s, e) as u8 as f32;
        dense[16] = (a == s) as u8 as f32;
        dense[17] = (b == a + 1 && self.toks[a].pronoun) as u8 as f32;
        dense[18] = ((e - s) as f32).ln_1p() / 4.0;
        dense[19] = negators as f32;
        for i in a..b {
            let h = self.toks[i].hash;
            sink.sparse(key1(TPL_T, h), &|| format!("T|{}", self.name(h)));
        }
        sink.dense(&dense);
        rule
    }

    /// The sentence bag: `S|w` for every word outside the target and `B|w1 w2` bigrams
    /// over the sentence with the target collapsed to `<t>`.
    pub(crate) fn emit_bag<S: Sink + ?Sized>(
        &self,
        s: usize,
        e: usize,
        a: usize,
        b: usize,
        sink: &mut S,
    ) {
        let mut prev = None;
        for i in s..e {
            if i > a && i < b {
                continue;
            }
            let h = if i == a { H_TARGET } else { self.toks[i].feat };
            if let Some(p) = prev {
                sink.sparse(key2(TPL_B, p, h), &|| {
                    format!("B|{} {}", self.name(p), self.name(h))
                });
            }
            prev = Some(h);
            if i != a {
                sink.sparse(key1(TPL_S, h), &|| format!("S|{}", self.name(h)));
            }
        }
    }

    /// Distance from token `i` to the nearest candidate entity outside `[a, b)` in its
    /// sentence, `usize::MAX` when there is none.
    /// A pronoun may refer to a named target, so it competes only with pronoun targets.
    fn other_distance(&self, i: usize, a: usize, b: usize) -> usize {
        let pronoun_target = b == a + 1 && self.toks[a].pronoun;
        let (left, right) = if pronoun_target {
            (&self.left_ent, &self.right_ent)
        } else {
            (&self.left_name, &self.right_name)
        };
        let mut best = usize::MAX;
        let l = left[i];
        if l != NONE {
            let l = l as usize;
            let l = if l >= a && l < b {
                a.checked_sub(1).map_or(NONE, |x| left[x]) as usize
            } else {
                l
            };
            if l != NONE as usize && l <= i {
                best = best.min(i - l);
            }
        }
        let r = right[i];
        if r != NONE {
            let r = r as usize;
            let r = if r >= a && r < b {
                right.get(b).map_or(NONE, |x| *x) as usize
            } else {
                r
            };
            if r != NONE as usize && r >= i {
                best = best.min(r - i);
            }
        }
        best
    }

    /// True when a clause boundary lies between token `i` and the target.
    fn boundary_between(&self, i: usize, a: usize, b: usize) -> bool {
        let (x, y) = if i < a { (i + 1, a) } else { (b, i) };
        // bounded scan: far words count as across a boundary
        if y.saturating_sub(x) > 12 {
            return true;
        }
        (x..y).any(|j| self.toks[j].boundary)
    }

    /// True when the target is the speaker of a reporting clause (`X said`, `said X`,
    /// `according to X`).
    fn is_speaker(&self, a: usize, b: usize, s: usize, e: usize) -> bool {
        let after = (b..e.min(b + 3)).any(|j| self.toks[j].speech);
        let before = (s.max(a.saturating_sub(2))..a).any(|j| self.toks[j].speech);
        after || before
    }

    /// A readable name for a hash (training only; slow path).
    fn name(&self, h: u64) -> String {
        NAMES.with(|m| {
            m.borrow()
                .get(&h)
                .cloned()
                .unwrap_or_else(|| format!("#{h:x}"))
        })
    }
}

thread_local! {
    /// Hash → normal form, filled by the trainer so feature names can be written.
    static NAMES: std::cell::RefCell<HashMap<u64, String>> = std::cell::RefCell::new(HashMap::new());
}

/// The hash of a negation-marked word (`¬word` in the model file).
pub(crate) fn neg_hash(h: u64) -> u64 {
    mix(h ^ H_NEG_PREFIX)
}

/// `TPL|w` with a single word `w` (no space): `(TPL, w)`.
fn single_word(name: &str) -> Option<(&str, &str)> {
    let bar = name.bytes().position(|b| b == b'|')?;
    let (tpl, rest) = (name.get(..bar)?, name.get(bar + 1..)?);
    (!rest.bytes().any(|b| b == b' ')).then_some((tpl, rest))
}

/// The hash of one word of a feature name: `¬word` is negation-marked.
fn part_hash(p: &str) -> u64 {
    match p.strip_prefix('¬') {
        Some(rest) if !rest.is_empty() => neg_hash(fnv(rest)),
        _ => fnv(p),
    }
}

/// Receives the features of one target.
pub(crate) trait Sink {
    /// A sparse binary feature; `name` builds its readable name (training only).
    fn sparse(&mut self, key: u64, name: &dyn Fn() -> String);
    /// The position feature of context token `feat` in distance bucket `bucket` (the
    /// sparse feature `POS|w`, see [`POSITIONS`]).
    fn position(&mut self, an: &Analysis, bucket: usize, feat: u64) {
        self.sparse(key1(TPL_POS[bucket], feat), &|| {
            format!("{}|{}", POSITIONS[bucket], an.name(feat))
        });
    }
    /// The dense features, once per target.
    fn dense(&mut self, values: &[f32; DENSE.len()]);
    /// The sentence bag of context `[s, e)` around target `[a, b)` (see
    /// [`Analysis::emit_bag`]); a sink may compute it faster.
    fn bag(&mut self, an: &Analysis, s: usize, e: usize, a: usize, b: usize) {
        an.emit_bag(s, e, a, b, self);
    }
}

/// A hasher for keys that are already well mixed.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by mixed hashes.
pub(crate) type IdMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

/// Sparse weights by feature key: open addressing with linear probing over a table at
/// most half full; keys are already well mixed, so their low bits are the slot. Keys and
/// weights are separate arrays, and a bit filter (one bit per key, far smaller than the
/// table, so it stays in cache) answers most lookups of absent keys without touching the
/// table: most features of a text are not in the model.
#[derive(Debug, Default)]
struct Weights {
    /// Key per slot; 0 marks an empty slot (the weights of key 0 are `zero`).
    keys: Vec<u64>,
    /// Weights per slot.
    vals: Vec<[f32; 3]>,
    /// Bit `(key >> FILTER_SHIFT) & filter_mask` is set for every key in the table.
    filter: Vec<u64>,
    /// `filter.len() * 64 - 1` (0 while the filter is empty).
    filter_mask: usize,
    zero: Option<[f32; 3]>,
    len: usize,
}

/// The filter's bits come from the high half of the key (the slot uses the low bits).
const FILTER_SHIFT: u32 = 32;

impl Weights {
    /// The weights of `key`, if the model has it.
    #[inline]
    fn get(&self, key: u64) -> Option<&[f32; 3]> {
        if key == 0 {
            return self.zero.as_ref();
        }
        let bit = (key >> FILTER_SHIFT) as usize & self.filter_mask;
        if self.filter.get(bit / 64)? & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mask = self.keys.len().wrapping_sub(1);
        let mut i = key as usize & mask;
        loop {
            let k = *self.keys.get(i)?;
            if k == key {
                return self.vals.get(i);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Makes room for `n` keys without growing.
    fn reserve(&mut self, n: usize) {
        let want = (self.len + n).saturating_mul(2).next_power_of_two().max(64);
        if want > self.keys.len() {
            let old_keys = std::mem::replace(&mut self.keys, vec![0; want]);
            let old_vals = std::mem::replace(&mut self.vals, vec![[0.0; 3]; want]);
            // 16 filter bits per slot: about 1 in 32 absent keys passes
            self.filter = vec![0; want * 16 / 64];
            self.filter_mask = self.filter.len() * 64 - 1;
            self.len = 0;
            for (k, v) in old_keys.into_iter().zip(old_vals) {
                if k != 0 {
                    self.insert(k, v);
                }
            }
        }
    }

    /// Sets the weights of `key` (replacing earlier ones).
    fn insert(&mut self, key: u64, w: [f32; 3]) {
        if key == 0 {
            self.zero = Some(w);
            return;
        }
        if (self.len + 1) * 2 > self.keys.len() {
            self.reserve(self.len + 1);
        }
        let bit = (key >> FILTER_SHIFT) as usize & self.filter_mask;
        self.filter[bit / 64] |= 1 << (bit % 64);
        let mask = self.keys.len() - 1;
        let mut i = key as usize & mask;
        loop {
            if self.keys[i] == key {
                self.vals[i] = w;
                return;
            }
            if self.keys[i] == 0 {
                self.keys[i] = key;
                self.vals[i] = w;
                self.len += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The weights of the linear model, one per class (negative, neutral, positive).
#[derive(Debug, Default)]
pub(crate) struct Model {
    sparse: Weights,
    dense: [[f32; 3]; DENSE.len()],
    trained: bool,
}

const MODEL: &str = include_str!("data/model.tsv");

impl Model {
    /// The committed model, parsed on first use.
    pub(crate) fn builtin() -> &'static Model {
        static MODEL_CELL: OnceLock<Model> = OnceLock::new();
        MODEL_CELL.get_or_init(|| Model::parse(MODEL))
    }

    /// Parses a model file: `name<TAB>w_neg<TAB>w_neu<TAB>w_pos` per line; dense features
    /// are named `D|name`. Malformed lines are skipped.
    ///
    /// Every context token of a target fires both its bag feature `S|w` and one position
    /// feature `POS|w`, so the two are folded into one weight per `(POS, w)`: one lookup
    /// per context token instead of two.
    pub(crate) fn parse(src: &str) -> Model {
        let mut model = Model::default();
        model.sparse.reserve(src.len() / 32);
        // `S|w` by word hash, `POS|w` by (bucket, word hash); folded after the loop
        let mut bag: IdMap<[f32; 3]> = IdMap::default();
        let mut pos: Vec<(usize, u64, [f32; 3])> = Vec::new();
        for line in data_lines_fast(src) {
            let mut cols = Columns { line, at: 0 };
            let Some(name) = cols.next() else { continue };
            let mut w = [0.0f32; 3];
            let mut ok = true;
            for x in &mut w {
                match cols.next().map(parse_f32) {
                    Some(Ok(v)) if v.is_finite() => *x = v,
                    _ => ok = false,
                }
            }
            if !ok {
                continue;
            }
            if let Some(d) = name.strip_prefix("D|") {
                if let Some(i) = DENSE.iter().position(|n| *n == d) {
                    model.dense[i] = w;
                    model.trained = true;
                }
            } else if let Some((tpl, word)) = single_word(name) {
                if tpl == "S" {
                    bag.insert(part_hash(word), w);
                } else if let Some(b) = POSITIONS.iter().position(|p| *p == tpl) {
                    pos.push((b, part_hash(word), w));
                } else if let Some(k) = key_of_name(name) {
                    model.sparse.insert(k, w);
                }
                model.trained = true;
            } else if let Some(k) = key_of_name(name) {
                model.sparse.insert(k, w);
                model.trained = true;
            }
        }
        // later lines replace earlier ones, as in the table
        let mut folded: IdMap<[f32; 3]> = IdMap::default();
        for (&h, w) in &bag {
            for tpl in TPL_POS_S {
                folded.insert(key1(tpl, h), *w);
            }
        }
        let mut seen: IdMap<[f32; 3]> = IdMap::default();
        for (b, h, w) in pos {
            seen.insert(key1(TPL_POS_S[b], h), w);
        }
        for (k, w) in seen {
            let f = folded.entry(k).or_insert([0.0; 3]);
            for c in 0..3 {
                f[c] += w[c];
            }
        }
        model.sparse.reserve(folded.len());
        // insertion order decides nothing: keys are distinct
        for (k, w) in folded {
            model.sparse.insert(k, w);
        }
        model
    }

    /// Scores target tokens `[a, b)`: a score in `[-1, 1]` (P(positive) − P(negative))
    /// and the class (-1, 0, 1). Without weights, the rule score and a threshold.
    pub(crate) fn score(&self, an: &Analysis, a: usize, b: usize) -> (f32, i8) {
        let mut sink = Logits {
            model: self,
            z: [0.0; 3],
        };
        let rule = an.features(a, b, &mut sink);
        if !self.trained {
            let label = if rule > 0.15 {
                1
            } else if rule < -0.15 {
                -1
            } else {
                0
            };
            return (rule.clamp(-1.0, 1.0), label);
        }
        let p = softmax(sink.z);
        let label = if p[2] > p[1] && p[2] > p[0] {
            1
        } else if p[0] > p[1] && p[0] >= p[2] {
            -1
        } else {
            0
        };
        ((p[2] - p[0]).clamp(-1.0, 1.0), label)
    }
}

/// `data_lines` of a large file: the same lines, split with `memchr`.
fn data_lines_fast(src: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < src.len() {
            let end = memchr::memchr(b'\n', &src.as_bytes()[at..]).map_or(src.len(), |i| at + i);
            let line = src.get(at..end).unwrap_or("").trim_end_matches('\r');
            at = end + 1;
            if !line.trim().is_empty() && !line.starts_with('#') {
                return Some(line);
            }
        }
        None
    })
}

/// The tab-separated columns of a line, like `line.split('\t')`.
struct Columns<'a> {
    line: &'a str,
    /// Start of the next column; past the end when done.
    at: usize,
}

impl<'a> Iterator for Columns<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.at > self.line.len() {
            return None;
        }
        let rest = self.line.get(self.at..)?;
        let end = rest.bytes().position(|b| b == b'\t').unwrap_or(rest.len());
        self.at += end + 1;
        rest.get(..end)
    }
}

/// Exact powers of ten in `f32`.
const POW10: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/// `s.parse::<f32>()`, with a fast path for plain decimals (`-0.1234`): a mantissa below
/// 2^24 and at most ten decimals are exact in `f32`, so one division rounds correctly
/// and gives the same value as the standard parser.
fn parse_f32(s: &str) -> Result<f32, std::num::ParseFloatError> {
    let b = s.as_bytes();
    let (neg, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    let mut m: u32 = 0;
    let mut n = 0;
    let mut frac: Option<usize> = None;
    for &c in digits {
        match c {
            b'0'..=b'9' if m < 1 << 24 => {
                m = m * 10 + u32::from(c - b'0');
                n += 1;
                if let Some(f) = &mut frac {
                    *f += 1;
                }
            }
            b'.' if frac.is_none() => frac = Some(0),
            _ => return s.parse(),
        }
    }
    let k = frac.unwrap_or(0);
    if n == 0 || m >= 1 << 24 || k >= POW10.len() {
        return s.parse();
    }
    let v = m as f32 / POW10[k];
    Ok(if neg { -v } else { v })
}

fn softmax(z: [f32; 3]) -> [f32; 3] {
    let m = z[0].max(z[1]).max(z[2]);
    let e = z.map(|v| (v - m).exp());
    let s = e[0] + e[1] + e[2];
    e.map(|v| v / s)
}

struct Logits<'m> {
    model: &'m Model,
    z: [f32; 3],
}

impl Logits<'_> {
    #[inline]
    fn add(&mut self, key: u64, sign: f32) {
        if let Some(w) = self.model.sparse.get(key) {
            for c in 0..3 {
                self.z[c] += sign * w[c];
            }
        }
    }
}

impl Sink for Logits<'_> {
    fn sparse(&mut self, key: u64, _name: &dyn Fn() -> String) {
        self.add(key, 1.0);
    }

    /// The folded weight of `POS|w` and the token's bag feature `S|w` (which
    /// [`Logits::bag`] therefore leaves out).
    #[inline]
    fn position(&mut self, _an: &Analysis, bucket: usize, feat: u64) {
        self.add(key1(TPL_POS_S[bucket], feat), 1.0);
    }

    /// The bigrams of the bag (its words `S|w` come with their position features, see
    /// [`Model::parse`]). The bigrams of the whole sentence are summed once and cached;
    /// each target then takes out the bigrams touching its words and adds the `<t>`
    /// bigrams. Equal to the bigrams of [`Analysis::emit_bag`] up to float rounding.
    fn bag(&mut self, an: &Analysis, s: usize, e: usize, a: usize, b: usize) {
        let sent = an.toks[a].sent;
        let cached = an.sents.get(sent as usize) == Some(&(s, e)) && b <= e;
        if !cached {
            let mut prev = None;
            for i in s..e {
                if i > a && i < b {
                    continue;
                }
                let h = if i == a { H_TARGET } else { an.toks[i].feat };
                if let Some(p) = prev {
                    self.add(key2(TPL_B, p, h), 1.0);
                }
                prev = Some(h);
            }
            return;
        }
        let total = {
            let mut cache = an.bag_cache.borrow_mut();
            if cache.len() != an.sents.len() {
                *cache = vec![None; an.sents.len()];
            }
            match cache[sent as usize] {
                Some(t) => t,
                None => {
                    let mut z = Logits {
                        model: self.model,
                        z: [0.0; 3],
                    };
                    for pair in an.toks[s..e].windows(2) {
                        z.add(key2(TPL_B, pair[0].feat, pair[1].feat), 1.0);
                    }
                    cache[sent as usize] = Some(z.z);
                    z.z
                }
            }
        };
        for c in 0..3 {
            self.z[c] += total[c];
        }
        for i in a.saturating_sub(1).max(s)..b.min(e - 1) {
            self.add(key2(TPL_B, an.toks[i].feat, an.toks[i + 1].feat), -1.0);
        }
        if a > s {
            self.add(key2(TPL_B, an.toks[a - 1].feat, H_TARGET), 1.0);
        }
        if b < e {
            self.add(key2(TPL_B, H_TARGET, an.toks[b].feat), 1.0);
        }
    }
    fn dense(&mut self, values: &[f32; DENSE.len()]) {
        for (v, w) in values.iter().zip(&self.model.dense) {
            // most dense features are 0, and adding `0 * w` (w is finite) leaves every
            // logit unchanged: logits start at +0 and a sum never turns into -0
            if *v == 0.0 {
                continue;
            }
            for c in 0..3 {
                self.z[c] += v * w[c];
            }
        }
    }
}

/// Registers readable names for the tokens of a text (training only).
pub(crate) fn register_names(text: &str, tokens: &[Token]) {
    NAMES.with(|m| {
        let mut m = m.borrow_mut();
        m.entry(H_TARGET).or_insert_with(|| "<t>".to_owned());
        m.entry(H_NUM).or_insert_with(|| "<num>".to_owned());
        for t in tokens {
            if t.kind == TokenKind::Number {
                continue;
            }
            let w = t.span.slice(text);
            let h = word_hash(w);
            if !m.contains_key(&h) {
                let norm = norm_word(w);
                m.insert(neg_hash(h), format!("¬{norm}"));
                m.insert(h, norm);
            }
        }
    });
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::sentiment::lexicon::data_lines;

    #[test]
    fn fast_float_parse_equals_the_standard_one() {
        let mut cases: Vec<String> = [
            "0",
            "-0",
            "-0.000",
            "0.0001",
            "1.",
            ".5",
            "-.5",
            ".",
            "-",
            "",
            "+1",
            "1e3",
            "1.5E-2",
            "inf",
            "-inf",
            "NaN",
            "0.1.2",
            "--1",
            "16777215",
            "16777216",
            "16777217",
            "123456789",
            "0.00000000001",
            "9.999999",
            "-3.4028235e38",
            " 1",
            "1 ",
            "0x10",
            "١",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // every weight as the trainer writes them, and a spread of other decimals
        let mut x: u64 = 7;
        for _ in 0..20_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let v = ((x >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 20.0;
            let p = (x >> 3) as usize % 9;
            cases.push(format!("{v:.p$}"));
        }
        for s in &cases {
            let (a, b) = (parse_f32(s), s.parse::<f32>());
            match (a, b) {
                (Ok(a), Ok(b)) => assert_eq!(a.to_bits(), b.to_bits(), "{s}"),
                (Err(_), Err(_)) => {}
                (a, b) => panic!("{s}: {a:?} vs {b:?}"),
            }
        }
    }

    #[test]
    fn fast_lines_and_columns_equal_the_plain_ones() {
        let src = "# c\r\n\r\nS|a\t1\t2\t3\r\r\n \nB|a b\t\t-1\n\tx\ny\t\nlast\t1";
        let fast: Vec<&str> = data_lines_fast(src).collect();
        let plain: Vec<&str> = data_lines(src).collect();
        assert_eq!(fast, plain);
        for line in plain {
            let cols: Vec<&str> = Columns { line, at: 0 }.collect();
            assert_eq!(cols, line.split('\t').collect::<Vec<_>>(), "{line:?}");
        }
    }

    /// The key of a feature name as the plain string functions compute it.
    fn plain_key_of_name(name: &str) -> Option<u64> {
        let (tpl, rest) = name.split_once('|')?;
        let tpl = fnv(tpl);
        let mut parts = rest.split(' ');
        let a = part_hash(parts.next()?);
        match parts.next() {
            None => Some(key1(tpl, a)),
            Some(b) => Some(key2(tpl, a, part_hash(b))),
        }
    }

    #[test]
    fn key_of_name_equals_the_plain_split() {
        for name in [
            "",
            "|",
            "S|",
            "S|a",
            "B|a b",
            "B|a b c",
            "B| b",
            "B|a ",
            "B|¬a <t>",
            "L1|¬",
            "x",
            "a|b|c",
            "T|Zürich",
            "B|a  b",
        ] {
            assert_eq!(key_of_name(name), plain_key_of_name(name), "{name:?}");
        }
        for line in data_lines(MODEL) {
            let name = line.split('\t').next().unwrap();
            assert_eq!(key_of_name(name), plain_key_of_name(name), "{name:?}");
        }
    }

    #[test]
    fn builtin_model_parses_like_the_plain_parser() {
        let model = Model::builtin();
        let (mut bag, mut pos) = (HashMap::new(), HashMap::new());
        let mut n = 0;
        for line in data_lines(MODEL) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap();
            let w: Vec<f32> = cols.map(|c| c.parse().unwrap()).collect();
            let w = [w[0], w[1], w[2]];
            let (tpl, word) = name.split_once('|').unwrap();
            if tpl == "D" {
                continue;
            }
            if !word.contains(' ') && tpl == "S" {
                bag.insert(part_hash(word), w);
            } else if let (false, Some(b)) =
                (word.contains(' '), POSITIONS.iter().position(|p| *p == tpl))
            {
                pos.insert((b, part_hash(word)), w);
            } else {
                let k = key_of_name(name).unwrap();
                assert_eq!(model.sparse.get(k).unwrap(), &w, "{name}");
                n += 1;
            }
        }
        // folded: POS|w + S|w for every word with either
        let mut folded = HashMap::new();
        for (&h, w) in &bag {
            for b in 0..8 {
                folded.insert((b, h), *w);
            }
        }
        for (&(b, h), w) in &pos {
            let f = folded.entry((b, h)).or_insert([0.0; 3]);
            for c in 0..3 {
                f[c] += w[c];
            }
        }
        for (&(b, h), w) in &folded {
            assert_eq!(model.sparse.get(key1(TPL_POS_S[b], h)).unwrap(), w);
            assert!(model.sparse.get(key1(TPL_POS[b], h)).is_none());
            assert!(model.sparse.get(key1(TPL_S, h)).is_none());
        }
        assert_eq!(n + folded.len(), model.sparse.len);
        // absent keys stay absent
        for h in 0..1000u64 {
            assert!(model.sparse.get(key1(TPL_T, mix(h))).is_none());
        }
    }

    /// The logits with folded features equal those of the plain features
    /// ([`Analysis::emit_bag`] and `POS|w` looked up one by one).
    #[test]
    fn folded_scores_equal_the_plain_features() {
        struct Plain<'m> {
            sparse: HashMap<u64, [f32; 3]>,
            dense: &'m [[f32; 3]; DENSE.len()],
            z: [f32; 3],
        }
        impl Sink for Plain<'_> {
            fn sparse(&mut self, key: u64, _name: &dyn Fn() -> String) {
                if let Some(w) = self.sparse.get(&key) {
                    for c in 0..3 {
                        self.z[c] += w[c];
                    }
                }
            }
            fn dense(&mut self, values: &[f32; DENSE.len()]) {
                for (v, w) in values.iter().zip(self.dense) {
                    for c in 0..3 {
                        self.z[c] += v * w[c];
                    }
                }
            }
        }
        let model = Model::builtin();
        let mut sparse = HashMap::new();
        for line in data_lines(MODEL) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap();
            let w: Vec<f32> = cols.map(|c| c.parse().unwrap()).collect();
            if let Some(k) = key_of_name(name).filter(|_| !name.starts_with("D|")) {
                sparse.insert(k, [w[0], w[1], w[2]]);
            }
        }
        let text = "Critics in Moscow slammed Smith for the disastrous failure, but fans \
                    praised Jones for a brilliant win. He did not deny it. The deal was \
                    never good for Pakistan, although India welcomed it warmly.";
        let mut doc = pipeline_core::Document::new("t", text);
        pipeline_core::SyncStage::apply(&crate::tokens::TokenStage::default(), &mut doc).unwrap();
        let tokens = doc.tokens().unwrap();
        let an = Analysis::new(text, tokens, doc.sentences().unwrap(), Lexicon::builtin());
        let mut scored = 0;
        for a in 0..tokens.len() {
            for b in a + 1..(a + 3).min(tokens.len()) {
                let mut plain = Plain {
                    sparse: sparse.clone(),
                    dense: &model.dense,
                    z: [0.0; 3],
                };
                an.features(a, b, &mut plain);
                let mut fast = Logits { model, z: [0.0; 3] };
                an.features(a, b, &mut fast);
                for c in 0..3 {
                    assert!(
                        (plain.z[c] - fast.z[c]).abs() < 1e-3,
                        "{a}..{b}: {plain:?} {fast:?}",
                        plain = plain.z,
                        fast = fast.z
                    );
                }
                scored += 1;
            }
        }
        assert!(scored > 50);
    }
}
