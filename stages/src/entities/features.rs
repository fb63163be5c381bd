//! What the tagger sees of a token: its lowercased form, shape, affixes, neighbours,
//! the document's other spellings of the word, the gazetteer classes, and the tags
//! already chosen to its left. Every feature is a 64-bit hash ([`mix`] of a template
//! number and a value), so the model is a table indexed by hash.

use pipeline_core::{Token, TokenKind};

/// Token flag: the first letter is uppercase.
pub(crate) const CAP: u8 = 1;
/// Token flag: two or more letters, all uppercase.
pub(crate) const ALLCAPS: u8 = 2;
/// Token flag: a word token (letters).
pub(crate) const WORD: u8 = 4;
/// Token flag: first token of its sentence.
pub(crate) const FIRST: u8 = 8;
/// Token flag: the word also appears in all lowercase in the document.
pub(crate) const LOWER_SEEN: u8 = 16;
/// Token flag: the word also appears capitalised inside a sentence in the document.
pub(crate) const CAP_MID: u8 = 32;
/// Token flag: letters of a script without case (Chinese, Arabic, …).
pub(crate) const UNCASED: u8 = 64;
/// Token flag: a line break lies between the previous token and this one.
pub(crate) const LINE_START: u8 = 128;

/// One token, digested once per document.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokenView {
    /// Hash of the lowercased word without a possessive `'s`, digits as `0`.
    pub(crate) lower: u64,
    /// Hash of the word's shape (`Xx`, `XX`, `X.X.`, `dd`…).
    pub(crate) shape: u64,
    /// Hashes of the last 2, 3, 4 and first 3 characters (lowercased), for words that
    /// start with a capital or are of a script without case; zeros for the rest (their
    /// word is feature enough, and skipping them keeps the digest fast).
    pub(crate) affixes: [u64; 4],
    /// [`CAP`], [`ALLCAPS`]… flags.
    pub(crate) flags: u8,
    /// Gazetteer classes of the token (bit set; 0 when no gazetteer ran).
    pub(crate) gazetteer: u32,
    /// A capitalised word of an English document that is a common lower-case English
    /// word ([`is_common_word`]: `Phone`, `FREE`).
    pub(crate) common: bool,
}

/// The hashes ([`hash_str`]) of the words of a word list, one a line (empty lines and
/// `#` comments left out).
pub(crate) fn word_hashes(list: &str) -> rustc_hash::FxHashSet<u64> {
    list.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(hash_str)
        .collect()
}

/// The common English words (`data/common_words.txt`, made by `tools/common_words.py`).
const COMMON_WORDS: &str = include_str!("data/common_words.txt");

/// Whether the lowercased word of hash `lower` ([`TokenView::lower`]) is a common
/// English word: one of `data/common_words.txt`, the words the English training texts
/// write in lower case at least twice.
pub(crate) fn is_common_word(lower: u64) -> bool {
    common_words().contains(&lower)
}

/// The hashes of the common English words ([`is_common_word`]).
fn common_words() -> &'static rustc_hash::FxHashSet<u64> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<u64>> = std::sync::OnceLock::new();
    SET.get_or_init(|| word_hashes(COMMON_WORDS))
}

/// Hash of a value under a feature template (a splitmix64 finaliser of both).
#[inline]
pub(crate) const fn mix(template: u64, value: u64) -> u64 {
    let mut z = value ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a over bytes.
#[inline]
fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hash of a string.
pub(crate) fn hash_str(s: &str) -> u64 {
    fnv(s.bytes())
}

/// The word without a possessive `'s` / `’s` / `'`.
fn base(word: &str) -> &str {
    // every suffix ends in `s` or `S`: most words end otherwise
    if !matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        return word;
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(b) = word.strip_suffix(suffix) {
            if !b.is_empty() {
                return b;
            }
        }
    }
    word
}

/// [`base`] of a word as bytes, for the possessives of ASCII: the word without an
/// `'s` or `'S` (a word with a `’s` is not ASCII, and [`view`] reads it as a `str`).
#[inline]
fn base_ascii(word: &[u8]) -> &[u8] {
    match word {
        [b @ .., b'\'', b's' | b'S'] if !b.is_empty() => b,
        _ => word,
    }
}

/// The class of a character for shapes.
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'o'
    } else {
        c
    }
}

/// The shape code of a character class, for the shape hash.
#[inline]
fn class_code(c: char) -> u64 {
    match shape_class(c) {
        'X' => 1,
        'x' => 2,
        'd' => 3,
        'o' => 4,
        other => 5 + u64::from(u32::from(other)),
    }
}

/// Hash of the last `n` characters of `s`.
#[inline]
fn tail_hash(s: &str, n: usize) -> u64 {
    let from = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    hash_str(&s[from..]) ^ (n as u64)
}

/// An ASCII byte as the word digests write it: lowercased, digits as `0`.
#[inline]
const fn norm_ascii(c: u8) -> u8 {
    if c.is_ascii_digit() {
        b'0'
    } else {
        c.to_ascii_lowercase()
    }
}

/// Hash of the last `n` bytes of an ASCII word, normalised ([`norm_ascii`]): the same as
/// [`tail_hash`] of the normalised word.
#[inline]
fn tail_hash_ascii(b: &[u8], n: usize) -> u64 {
    fnv(b[b.len().saturating_sub(n)..]
        .iter()
        .map(|&c| BYTE_NORM[usize::from(c)]))
        ^ (n as u64)
}

/// Folds one character class into a shape hash, cutting runs of a class at two.
#[inline]
fn shape_step(shape: &mut u64, last: &mut u64, run: &mut u32, k: u64) {
    if k == *last {
        *run += 1;
    } else {
        *run = 1;
        *last = k;
    }
    if *run <= 2 {
        *shape = (*shape ^ k).wrapping_mul(0x0100_0000_01b3);
    }
}

/// The seed of shape hashes.
const SHAPE_SEED: u64 = 0x84_2222_3251;

/// The classes of a byte for the one-pass digest ([`view`]): bit sets.
mod byte {
    /// An ASCII uppercase letter.
    pub(super) const UPPER: u8 = 1;
    /// An ASCII lowercase letter.
    pub(super) const LOWER: u8 = 2;
    /// An ASCII digit.
    pub(super) const DIGIT: u8 = 4;
    /// Any other ASCII byte.
    pub(super) const OTHER: u8 = 8;
    /// A byte of a non-ASCII character.
    pub(super) const NON_ASCII: u8 = 16;
}

/// The class of every byte ([`byte`]).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_uppercase() {
            byte::UPPER
        } else if b.is_ascii_lowercase() {
            byte::LOWER
        } else if b.is_ascii_digit() {
            byte::DIGIT
        } else if b.is_ascii() {
            byte::OTHER
        } else {
            byte::NON_ASCII
        };
        c += 1;
    }
    t
};

/// Every byte as the lowercased word hash reads it ([`norm_ascii`]; non-ASCII bytes as
/// they are, though the words that have them are hashed another way).
static BYTE_NORM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = norm_ascii(c as u8);
        c += 1;
    }
    t
};

/// The rest of the digest of an ASCII word that is not all lowercase letters, whose
/// lowercased hash is `lower`: its shape, flags and affixes.
fn view_ascii(bytes: &[u8], kind: TokenKind, lower: u64) -> TokenView {
    let (mut shape, mut last, mut run) = (SHAPE_SEED, 0, 0);
    let (mut letters, mut uppers) = (0usize, 0usize);
    for &c in bytes {
        let k = match BYTE_CLASS[usize::from(c)] {
            byte::UPPER => {
                letters += 1;
                uppers += 1;
                1
            }
            byte::LOWER => {
                letters += 1;
                2
            }
            byte::DIGIT => 3,
            _ => 5 + u64::from(c),
        };
        shape_step(&mut shape, &mut last, &mut run, k);
    }
    let mut flags = 0;
    if bytes.first().is_some_and(u8::is_ascii_uppercase) {
        flags |= CAP;
    }
    if letters >= 2 && uppers == letters {
        flags |= ALLCAPS;
    }
    if kind == TokenKind::Word {
        flags |= WORD;
    }
    let affixes = if flags & (CAP | ALLCAPS) != 0 {
        [
            tail_hash_ascii(bytes, 2),
            tail_hash_ascii(bytes, 3),
            tail_hash_ascii(bytes, 4),
            fnv(bytes[..bytes.len().min(3)]
                .iter()
                .map(|&c| BYTE_NORM[usize::from(c)])),
        ]
    } else {
        [0; 4]
    };
    TokenView {
        lower,
        shape,
        affixes,
        flags,
        gazetteer: 0,
        common: false,
    }
}

/// The shape hash of a word of one lower-case letter, and of two or more (runs of a
/// class are cut at two): what [`view_unicode`] computes for `a`, `ab`, `abc`…
const SHAPE_LOWER: [u64; 2] = {
    let one = (SHAPE_SEED ^ 2).wrapping_mul(0x0100_0000_01b3);
    [one, (one ^ 2).wrapping_mul(0x0100_0000_01b3)]
};

/// Digests one token; `scratch` is reused for the lowercased word of non-ASCII words.
///
/// One pass over the bytes hashes the lowercased word and notes which classes of byte
/// it has: a word of lower-case ASCII letters (most words of a text) is then done (its
/// shape is one of two, [`SHAPE_LOWER`], it has no flags but [`WORD`] and no affixes),
/// another ASCII word takes a second pass for its shape ([`view_ascii`]), and a word
/// with other letters is digested by [`view_unicode`]. All three give what
/// [`view_unicode`] gives.
///
/// `raw` is the token's bytes (a word is read as bytes, so no char boundaries are
/// checked for the ASCII words): bytes that are no whole UTF-8 text digest as the
/// empty word, as [`pipeline_core::Span::slice`] reads them.
#[inline]
fn view(raw: &[u8], kind: TokenKind, scratch: &mut String) -> TokenView {
    let bytes = base_ascii(raw);
    let mut lower: u64 = 0xcbf2_9ce4_8422_2325;
    let mut seen = 0u8;
    for &c in bytes {
        seen |= BYTE_CLASS[usize::from(c)];
        lower = (lower ^ u64::from(BYTE_NORM[usize::from(c)])).wrapping_mul(0x0100_0000_01b3);
    }
    if seen == byte::LOWER {
        return TokenView {
            lower,
            shape: SHAPE_LOWER[usize::from(bytes.len() > 1)],
            affixes: [0; 4],
            flags: if kind == TokenKind::Word { WORD } else { 0 },
            gazetteer: 0,
            common: false,
        };
    }
    if seen & byte::NON_ASCII == 0 {
        return view_ascii(bytes, kind, lower);
    }
    let word = std::str::from_utf8(raw).unwrap_or("");
    view_unicode(base(word), kind, scratch)
}

/// Digests one token (without its possessive, [`base`]) of any script; `scratch` is
/// reused for the lowercased word.
fn view_unicode(word: &str, kind: TokenKind, scratch: &mut String) -> TokenView {
    scratch.clear();
    for c in word.chars() {
        if c.is_numeric() {
            scratch.push('0');
        } else {
            scratch.extend(c.to_lowercase());
        }
    }
    let lower = hash_str(scratch);
    let (mut shape, mut last, mut run) = (SHAPE_SEED, 0, 0);
    let (mut letters, mut uppers) = (0, 0);
    let mut uncased = false;
    for c in word.chars() {
        let k = class_code(c);
        shape_step(&mut shape, &mut last, &mut run, k);
        if c.is_alphabetic() {
            letters += 1;
            uppers += usize::from(c.is_uppercase());
            uncased |= k == 4;
        }
    }
    let mut flags = 0;
    if word.chars().next().is_some_and(char::is_uppercase) {
        flags |= CAP;
    }
    if letters >= 2 && uppers == letters {
        flags |= ALLCAPS;
    }
    if kind == TokenKind::Word {
        flags |= WORD;
    }
    if uncased {
        flags |= UNCASED;
    }
    let affixes = if flags & (CAP | ALLCAPS | UNCASED) != 0 {
        let to = scratch
            .char_indices()
            .nth(3)
            .map_or(scratch.len(), |(i, _)| i);
        [
            tail_hash(scratch, 2),
            tail_hash(scratch, 3),
            tail_hash(scratch, 4),
            hash_str(&scratch[..to]),
        ]
    } else {
        [0; 4]
    };
    TokenView {
        lower,
        shape,
        affixes,
        flags,
        gazetteer: 0,
        common: false,
    }
}

/// Digests the tokens of a document: `sentences` are token index ranges, `lang` the
/// language code when known. Sets the document-level flags ([`LOWER_SEEN`],
/// [`CAP_MID`]) and the gazetteer classes ([`Gazetteer::token_features`]).
#[cfg(any(test, feature = "train"))]
pub(crate) fn views(
    text: &str,
    tokens: &[Token],
    sentences: &[(usize, usize)],
    lang: Option<&str>,
) -> Vec<TokenView> {
    let gazetteer = super::gazetteer::Gazetteer::builtin().token_features(text, tokens, lang);
    views_with(text, tokens, sentences, &gazetteer, lang)
}

/// [`views`] with the gazetteer's token features already read (one per token).
pub(crate) fn views_with(
    text: &str,
    tokens: &[Token],
    sentences: &[(usize, usize)],
    gazetteer: &[u16],
    lang: Option<&str>,
) -> Vec<TokenView> {
    let mut scratch = String::new();
    let common_words = (lang == Some("en")).then(common_words);
    let bytes = text.as_bytes();
    // one pass digests each token with what it alone decides: its gazetteer classes,
    // whether it is a common word set in capitals, whether a line break comes before it
    let mut out: Vec<TokenView> = Vec::with_capacity(tokens.len());
    let mut prev_end = None;
    for (k, t) in tokens.iter().enumerate() {
        let raw = bytes.get(t.span.start..t.span.end).unwrap_or(&[]);
        let mut v = view(raw, t.kind, &mut scratch);
        if let Some(&g) = gazetteer.get(k) {
            v.gazetteer = u32::from(g);
        }
        if let Some(set) = common_words {
            v.common = v.flags & (CAP | ALLCAPS) != 0 && set.contains(&v.lower);
        }
        if let Some(end) = prev_end {
            // the gap as bytes (no char boundaries to check): `\n` is ASCII; most gaps
            // are a space or nothing, too short to call `memchr` for
            let line_break = match bytes.get(end..t.span.start).unwrap_or(&[]) {
                [] => false,
                [b] => *b == b'\n',
                gap => gap.contains(&b'\n'),
            };
            if line_break {
                v.flags |= LINE_START;
            }
        }
        prev_end = Some(t.span.end);
        out.push(v);
    }
    for &(s, _) in sentences {
        if let Some(v) = out.get_mut(s) {
            v.flags |= FIRST;
        }
    }
    mark_seen(&mut out);
    out
}

/// A bit set of word hashes ([`TokenView::lower`]) in front of a hash map of them: 4,096
/// bits indexed by the top bits of the hash, so that most words that are not in the
/// map are turned away with one load instead of a map look-up.
pub(crate) struct HashFilter([u64; 64]);

impl HashFilter {
    /// An empty filter.
    pub(crate) fn new() -> HashFilter {
        HashFilter([0; 64])
    }

    /// The word and bit of a hash.
    #[inline]
    fn bit(h: u64) -> (usize, u64) {
        ((h >> 58) as usize, 1u64 << ((h >> 52) & 63))
    }

    /// Lets `h` through from now on.
    #[inline]
    pub(crate) fn insert(&mut self, h: u64) {
        let (w, b) = Self::bit(h);
        self.0[w] |= b;
    }

    /// Whether `h` may have been inserted (false: it surely was not).
    #[inline]
    pub(crate) fn may_contain(&self, h: u64) -> bool {
        let (w, b) = Self::bit(h);
        self.0[w] & b != 0
    }
}

/// Sets [`LOWER_SEEN`] and [`CAP_MID`] on the capitalised words of a document: the
/// capitalised words, then which of them also appear in lowercase or inside a
/// sentence: two small sets, and one lookup per lowercase word that a bit set of the
/// capitalised words lets through.
fn mark_seen(out: &mut [TokenView]) {
    // sized once: news text capitalises about one token in six, each distinct word once
    let mut capitalised: rustc_hash::FxHashMap<u64, u8> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(out.len() / 8, Default::default());
    let mut maybe = HashFilter::new();
    for v in out.iter() {
        if v.flags & WORD != 0 && v.flags & (CAP | ALLCAPS) != 0 {
            let seen = capitalised.entry(v.lower).or_insert(0);
            if v.flags & (CAP | FIRST) == CAP {
                *seen |= CAP_MID;
            }
            maybe.insert(v.lower);
        }
    }
    if capitalised.is_empty() {
        return;
    }
    for v in out.iter() {
        if v.flags & WORD != 0
            && v.flags & (CAP | ALLCAPS | UNCASED) == 0
            && maybe.may_contain(v.lower)
        {
            if let Some(seen) = capitalised.get_mut(&v.lower) {
                *seen |= LOWER_SEEN;
            }
        }
    }
    for v in out.iter_mut() {
        if v.flags & (CAP | ALLCAPS) != 0 {
            v.flags |= capitalised.get(&v.lower).copied().unwrap_or(0);
        }
    }
}

/// Template numbers of the static features.
mod t {
    pub(super) const BIAS: u64 = 1;
    pub(super) const LOWER: u64 = 2;
    pub(super) const SHAPE: u64 = 3;
    pub(super) const SUF2: u64 = 4;
    pub(super) const SUF3: u64 = 5;
    pub(super) const SUF4: u64 = 6;
    pub(super) const PRE3: u64 = 7;
    pub(super) const PREV: u64 = 8;
    pub(super) const NEXT: u64 = 9;
    pub(super) const PREV2: u64 = 10;
    pub(super) const NEXT2: u64 = 11;
    pub(super) const PREV_SHAPE: u64 = 12;
    pub(super) const NEXT_SHAPE: u64 = 13;
    pub(super) const SHAPES_LEFT: u64 = 14;
    pub(super) const SHAPES_RIGHT: u64 = 15;
    pub(super) const BIGRAM_LEFT: u64 = 16;
    pub(super) const BIGRAM_RIGHT: u64 = 17;
    pub(super) const FLAGS: u64 = 18;
    pub(super) const FLAGS_LOWER: u64 = 19;
    pub(super) const LANG_SHAPE: u64 = 20;
    pub(super) const LANG_FLAGS: u64 = 21;
    pub(super) const GAZ: u64 = 22;
    pub(super) const GAZ_FLAGS: u64 = 23;
    pub(super) const PREV_GAZ: u64 = 24;
    pub(super) const NEXT_GAZ: u64 = 25;
    pub(super) const HEADLINE_SHAPE: u64 = 26;
    pub(super) const COMMON_AROUND: u64 = 27;
    pub(super) const TAG1: u64 = 40;
    pub(super) const TAG1_LOWER: u64 = 41;
    pub(super) const TAG1_SHAPE: u64 = 42;
    pub(super) const TAG12: u64 = 43;
    pub(super) const TAG1_PREV: u64 = 44;
}

/// Where feature hashes go: a list of them (training) or the running sum of their
/// weight rows (tagging: [`super::model::RowSum`]).
pub(crate) trait FeatureSink {
    /// Takes one feature hash.
    fn push(&mut self, h: u64);
}

impl FeatureSink for Vec<u64> {
    #[inline]
    fn push(&mut self, h: u64) {
        Vec::push(self, h);
    }
}

/// Hash of "no token here" (before the start or after the end of a sentence).
const EDGE: u64 = 0x5EED_0000_0000_0001;

/// The static features of token `i` of the sentence `[s, e)`, given to `out`.
/// `lang` is the hash of the document's language code, `headline` marks a sentence in
/// capitals.
#[inline(always)]
pub(crate) fn static_features<S: FeatureSink>(
    v: &[TokenView],
    i: usize,
    (s, e): (usize, usize),
    lang: u64,
    headline: bool,
    out: &mut S,
) {
    let me = &v[i];
    // the neighbours' words, shapes, common-word marks and gazetteer classes, written
    // out once: `EDGE`, 2 and 0 before the start or after the end of the sentence
    let (p1, ps1, pc1, pg) = if i > s {
        let x = &v[i - 1];
        (x.lower, x.shape, u64::from(x.common), x.gazetteer)
    } else {
        (EDGE, EDGE, 2, 0)
    };
    let (n1, ns1, nc1, ng) = if i + 1 < e {
        let x = &v[i + 1];
        (x.lower, x.shape, u64::from(x.common), x.gazetteer)
    } else {
        (EDGE, EDGE, 2, 0)
    };
    let p2 = if i >= s + 2 { v[i - 2].lower } else { EDGE };
    let n2 = if i + 2 < e { v[i + 2].lower } else { EDGE };
    let flag_bits =
        u64::from(me.flags & (CAP | ALLCAPS | FIRST | LOWER_SEEN | CAP_MID | LINE_START))
            | u64::from(me.common) << 8;
    // one push a feature, written out: no array of hashes to store and read back
    out.push(mix(t::BIAS, 0));
    out.push(mix(t::LOWER, me.lower));
    out.push(mix(t::SHAPE, me.shape));
    out.push(mix(t::SUF2, me.affixes[0]));
    out.push(mix(t::SUF3, me.affixes[1]));
    out.push(mix(t::SUF4, me.affixes[2]));
    out.push(mix(t::PRE3, me.affixes[3]));
    out.push(mix(t::PREV, p1));
    out.push(mix(t::NEXT, n1));
    out.push(mix(t::PREV2, p2));
    out.push(mix(t::NEXT2, n2));
    out.push(mix(t::PREV_SHAPE, ps1));
    out.push(mix(t::NEXT_SHAPE, ns1));
    out.push(mix(t::SHAPES_LEFT, ps1 ^ me.shape.rotate_left(17)));
    out.push(mix(t::SHAPES_RIGHT, me.shape ^ ns1.rotate_left(17)));
    out.push(mix(t::BIGRAM_LEFT, p1 ^ me.lower.rotate_left(17)));
    out.push(mix(t::BIGRAM_RIGHT, me.lower ^ n1.rotate_left(17)));
    out.push(mix(t::FLAGS, flag_bits ^ me.shape.rotate_left(8)));
    out.push(mix(t::FLAGS_LOWER, flag_bits ^ me.lower.rotate_left(8)));
    out.push(mix(t::LANG_SHAPE, lang ^ me.shape.rotate_left(8)));
    out.push(mix(t::LANG_FLAGS, lang ^ flag_bits.rotate_left(8)));
    if headline {
        out.push(mix(t::HEADLINE_SHAPE, me.shape));
    }
    if me.common || pc1 == 1 || nc1 == 1 {
        // common words set in capitals around: a title or a shouted line, not a name
        out.push(mix(
            t::COMMON_AROUND,
            u64::from(me.common) | pc1 << 2 | nc1 << 4,
        ));
    }
    let mut bits = me.gazetteer;
    while bits != 0 {
        let b = u64::from(bits.trailing_zeros());
        bits &= bits - 1;
        out.push(mix(t::GAZ, b));
        out.push(mix(t::GAZ_FLAGS, b ^ (flag_bits << 8)));
    }
    if pg != 0 {
        out.push(mix(t::PREV_GAZ, u64::from(pg)));
    }
    if ng != 0 {
        out.push(mix(t::NEXT_GAZ, u64::from(ng)));
    }
}

/// The number of tags, as the tables of tag features count them.
const TAGS: usize = super::labels::N_TAGS;

/// [`t::TAG1`] of each previous tag, hashed once.
const TAG1_OF: [u64; TAGS] = {
    let mut out = [0; TAGS];
    let mut p = 0;
    while p < TAGS {
        out[p] = mix(t::TAG1, p as u64);
        p += 1;
    }
    out
};

/// [`t::TAG12`] of each pair of previous tags (`[prev][prev2]`), hashed once.
const TAG12_OF: [[u64; TAGS]; TAGS] = {
    let mut out = [[0; TAGS]; TAGS];
    let mut p = 0;
    while p < TAGS {
        let mut q = 0;
        while q < TAGS {
            out[p][q] = mix(t::TAG12, p as u64 ^ ((q as u64) << 8));
            q += 1;
        }
        p += 1;
    }
    out
};

/// The features that depend on the tags chosen for the two tokens before `i`.
#[inline]
pub(crate) fn tag_features(v: &[TokenView], i: usize, s: usize, prev: u8, prev2: u8) -> [u64; 5] {
    let me = &v[i];
    let p = u64::from(prev);
    let prev_lower = if i > s { v[i - 1].lower } else { EDGE };
    let (pi, qi) = (usize::from(prev), usize::from(prev2));
    [
        TAG1_OF.get(pi).copied().unwrap_or_else(|| mix(t::TAG1, p)),
        mix(t::TAG1_LOWER, p ^ me.lower.rotate_left(8)),
        mix(t::TAG1_SHAPE, p ^ me.shape.rotate_left(8)),
        TAG12_OF
            .get(pi)
            .and_then(|r| r.get(qi))
            .copied()
            .unwrap_or_else(|| mix(t::TAG12, p ^ (u64::from(prev2) << 8))),
        mix(t::TAG1_PREV, p ^ prev_lower.rotate_left(8)),
    ]
}

/// Whether the tagger scores token `i` at all: capitalised words, words of scripts
/// without case, gazetteer words, and anything right after an entity token. The rest
/// is `O` without a look at the model (most of a text), which keeps the tagger fast.
#[inline]
pub(crate) fn is_candidate(v: &TokenView, prev_tag: u8) -> bool {
    prev_tag != super::labels::O
        || (v.flags & WORD != 0 && v.flags & (CAP | ALLCAPS | UNCASED) != 0)
        || v.gazetteer != 0
}

/// Whether the sentence `[s, e)` is set in capitals (a headline or a shouted line):
/// at least three words, four in five capitalised.
pub(crate) fn is_headline(v: &[TokenView], (s, e): (usize, usize)) -> bool {
    let (mut words, mut caps) = (0, 0);
    for x in &v[s..e] {
        if x.flags & WORD != 0 {
            words += 1;
            caps += usize::from(x.flags & (CAP | ALLCAPS) != 0);
        }
    }
    words >= 3 && caps * 5 >= words * 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn views_of(text: &str) -> Vec<TokenView> {
        let tokens = tokenize(text);
        views(text, &tokens, &[(0, tokens.len())], Some("en"))
    }

    #[test]
    fn shapes_and_flags() {
        let v = views_of("Obama’s NASA met 2024 obama Obama");
        assert_eq!(v[0].lower, hash_str("obama"), "possessive left out");
        assert_ne!(v[0].flags & CAP, 0);
        assert_ne!(v[0].flags & FIRST, 0);
        assert_ne!(v[0].flags & LOWER_SEEN, 0, "obama appears in lowercase");
        assert_ne!(v[0].flags & CAP_MID, 0, "Obama appears inside the sentence");
        assert_ne!(v[1].flags & ALLCAPS, 0);
        assert_eq!(v[3].lower, hash_str("0000"));
        assert_eq!(v[2].flags & (CAP | ALLCAPS), 0);
        let w = views_of("Xy NASAX");
        assert_eq!(w[1].shape, v[1].shape, "runs are cut at two");
    }

    #[test]
    fn common_words_are_marked_in_english_only() {
        let text = "Phone FREE Obama phone";
        let tokens = tokenize(text);
        let v = views(text, &tokens, &[(0, tokens.len())], Some("en"));
        assert!(v[0].common && v[1].common, "capitalised common words");
        assert!(!v[2].common, "a name");
        assert!(!v[3].common, "lower-case words are no candidates to mark");
        let de = views(text, &tokens, &[(0, tokens.len())], Some("de"));
        assert!(
            de.iter().all(|x| !x.common),
            "English words, English documents"
        );
    }

    /// The fields of a view, to compare two.
    fn fields(v: &TokenView) -> (u64, u64, [u64; 4], u8) {
        (v.lower, v.shape, v.affixes, v.flags)
    }

    #[test]
    fn ascii_and_unicode_paths_agree() {
        let mut s = String::new();
        for w in [
            "Obama", "NASA", "X1-B", "U.S.", "McDonald", "A4", "G20", "x", "", "a", "ab", "abc",
            "talks", "a1", "a-b", ",", "--", "2024", "3.5", "ABC's", "Xy", "NASAX", "iPhone",
            "e-mail", "O'Neill", "#tag", "@user", "B", "MiXeD", "aB", "'s", "x's", "Bush'S",
        ] {
            for kind in [TokenKind::Word, TokenKind::Punct] {
                let fast = view(w.as_bytes(), kind, &mut s);
                let slow = view_unicode(base(w), kind, &mut s);
                assert_eq!(fields(&fast), fields(&slow), "{w}");
            }
            let lower = w.to_lowercase().replace(|c: char| c.is_ascii_digit(), "0");
            let fast = view(w.as_bytes(), TokenKind::Word, &mut s);
            assert_eq!(fast.lower, hash_str(base(&lower)), "{w}");
            if fast.flags & (CAP | ALLCAPS) != 0 {
                let lower = base(&lower);
                assert_eq!(fast.affixes[0], tail_hash(lower, 2), "{w}");
                assert_eq!(
                    fast.affixes[3],
                    hash_str(&lower[..lower.len().min(3)]),
                    "{w}"
                );
            }
            // the same word with a non-ASCII letter takes the other path
            let u = view(format!("{w}\u{e9}").as_bytes(), TokenKind::Word, &mut s);
            assert_eq!(u.lower, hash_str(&format!("{lower}\u{e9}")), "{w}");
        }
        for w in ["a", "ab", "abc", "talks"] {
            let v = view(w.as_bytes(), TokenKind::Word, &mut s);
            assert_eq!(v.flags, WORD, "{w}");
            assert_eq!(v.affixes, [0; 4], "{w}");
        }
        for (a, b) in [
            ("Obama’s", "Obama"),
            ("Obama's", "Obama"),
            ("Élysée’s", "Élysée"),
        ] {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            let (kind, s) = (TokenKind::Word, &mut s);
            assert_eq!(fields(&view(a, kind, s)), fields(&view(b, kind, s)));
        }
        // bytes cut inside a character read as the empty word, as `Span::slice` does
        let cut = &"é".as_bytes()[..1];
        assert_eq!(
            fields(&view(cut, TokenKind::Word, &mut s)),
            fields(&view(b"", TokenKind::Word, &mut s))
        );
        let v = view("Élysée".as_bytes(), TokenKind::Word, &mut s);
        assert_eq!(v.lower, hash_str("élysée"));
        assert_eq!(v.affixes[0], tail_hash("élysée", 2));
        assert_ne!(v.flags & CAP, 0);
    }

    #[test]
    fn candidates_are_capitalised_or_follow_an_entity() {
        let v = views_of("the Bank of America 北京");
        assert!(!is_candidate(&v[0], 0));
        assert!(is_candidate(&v[1], 0));
        assert!(!is_candidate(&v[2], 0));
        assert!(is_candidate(&v[2], 3));
        assert!(is_candidate(&v[4], 0), "uncased script");
    }

    #[test]
    fn the_hash_filter_lets_every_inserted_hash_through() {
        let mut f = HashFilter::new();
        let hs: Vec<u64> = (0..300u64).map(|k| mix(99, k)).collect();
        assert!(hs.iter().all(|&h| !f.may_contain(h)), "empty");
        for &h in &hs[..100] {
            f.insert(h);
        }
        assert!(hs[..100].iter().all(|&h| f.may_contain(h)));
        let passed = hs[100..].iter().filter(|&&h| f.may_contain(h)).count();
        assert!(passed < 50, "most others turned away: {passed}");
    }

    #[test]
    fn tag_feature_tables_are_the_hashes() {
        let v = views_of("Paris Hilton said");
        for prev in 0..=TAGS as u8 {
            for prev2 in 0..=TAGS as u8 {
                let f = tag_features(&v, 1, 0, prev, prev2);
                let (p, q) = (u64::from(prev), u64::from(prev2));
                assert_eq!(f[0], mix(t::TAG1, p), "{prev}");
                assert_eq!(f[3], mix(t::TAG12, p ^ (q << 8)), "{prev} {prev2}");
            }
        }
    }

    #[test]
    fn features_differ_by_context() {
        let v = views_of("Paris Hilton said Paris is big");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        static_features(&v, 0, (0, v.len()), 0, false, &mut a);
        static_features(&v, 3, (0, v.len()), 0, false, &mut b);
        assert_eq!(a[1], b[1], "same word");
        assert_ne!(a[8], b[8], "different next word");
    }
}
