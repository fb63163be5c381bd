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
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<u64>> = std::sync::OnceLock::new();
    SET.get_or_init(|| word_hashes(COMMON_WORDS))
        .contains(&lower)
}

/// Hash of a value under a feature template (a splitmix64 finaliser of both).
#[inline]
pub(crate) fn mix(template: u64, value: u64) -> u64 {
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
fn norm_ascii(c: u8) -> u8 {
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
        .map(|&c| norm_ascii(c)))
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

/// Digests one ASCII token (the lowercased word is hashed as it is read, never written).
fn view_ascii(word: &str, kind: TokenKind) -> TokenView {
    let bytes = word.as_bytes();
    let (mut shape, mut last, mut run) = (SHAPE_SEED, 0, 0);
    let (mut letters, mut uppers) = (0usize, 0usize);
    let mut lower: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in bytes {
        let (k, l) = if c.is_ascii_uppercase() {
            letters += 1;
            uppers += 1;
            (1, c.to_ascii_lowercase())
        } else if c.is_ascii_lowercase() {
            letters += 1;
            (2, c)
        } else if c.is_ascii_digit() {
            (3, b'0')
        } else {
            (5 + u64::from(c), c)
        };
        lower = (lower ^ u64::from(l)).wrapping_mul(0x0100_0000_01b3);
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
            fnv(bytes[..bytes.len().min(3)].iter().map(|&c| norm_ascii(c))),
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
/// class are cut at two): what [`view_ascii`] computes for `a`, `ab`, `abc`…
const SHAPE_LOWER: [u64; 2] = {
    let one = (SHAPE_SEED ^ 2).wrapping_mul(0x0100_0000_01b3);
    [one, (one ^ 2).wrapping_mul(0x0100_0000_01b3)]
};

/// [`view_ascii`] of a word of lower-case ASCII letters only (most words of a text),
/// in one cheap pass: its shape is one of two ([`SHAPE_LOWER`]), it has no flags but
/// [`WORD`] and no affixes. `None` for any other word.
#[inline]
fn view_lower(word: &str, kind: TokenKind) -> Option<TokenView> {
    let bytes = word.as_bytes();
    let mut lower: u64 = 0xcbf2_9ce4_8422_2325;
    let mut other = false;
    for &c in bytes {
        other |= !c.is_ascii_lowercase();
        lower = (lower ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
    }
    if other || bytes.is_empty() {
        return None;
    }
    Some(TokenView {
        lower,
        shape: SHAPE_LOWER[usize::from(bytes.len() > 1)],
        affixes: [0; 4],
        flags: if kind == TokenKind::Word { WORD } else { 0 },
        gazetteer: 0,
        common: false,
    })
}

/// Digests one token; `scratch` is reused for the lowercased word.
fn view(word: &str, kind: TokenKind, scratch: &mut String) -> TokenView {
    let word = base(word);
    if let Some(v) = view_lower(word, kind) {
        return v;
    }
    if word.is_ascii() {
        return view_ascii(word, kind);
    }
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
    let mut out: Vec<TokenView> = tokens
        .iter()
        .map(|t| view(t.span.slice(text), t.kind, &mut scratch))
        .collect();
    for &(s, _) in sentences {
        if let Some(v) = out.get_mut(s) {
            v.flags |= FIRST;
        }
    }
    for (v, &g) in out.iter_mut().zip(gazetteer) {
        v.gazetteer = u32::from(g);
    }
    if lang == Some("en") {
        for v in &mut out {
            v.common = v.flags & (CAP | ALLCAPS) != 0 && is_common_word(v.lower);
        }
    }
    for (k, pair) in tokens.windows(2).enumerate() {
        // the gap as bytes (no char boundaries to check): `\n` is ASCII
        let gap = text
            .as_bytes()
            .get(pair[0].span.end..pair[1].span.start)
            .unwrap_or(&[]);
        if gap.contains(&b'\n') {
            out[k + 1].flags |= LINE_START;
        }
    }
    // the capitalised words, then which of them also appear in lowercase or inside a
    // sentence: two small sets, and one lookup per lowercase word
    // sized once: news text capitalises about one token in six, each distinct word once
    let mut capitalised: rustc_hash::FxHashMap<u64, u8> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(out.len() / 8, Default::default());
    for v in &out {
        if v.flags & WORD != 0 && v.flags & (CAP | ALLCAPS) != 0 {
            let seen = capitalised.entry(v.lower).or_insert(0);
            if v.flags & (CAP | FIRST) == CAP {
                *seen |= CAP_MID;
            }
        }
    }
    if !capitalised.is_empty() {
        for v in &out {
            if v.flags & WORD != 0 && v.flags & (CAP | ALLCAPS | UNCASED) == 0 {
                if let Some(seen) = capitalised.get_mut(&v.lower) {
                    *seen |= LOWER_SEEN;
                }
            }
        }
        for v in &mut out {
            if v.flags & (CAP | ALLCAPS) != 0 {
                v.flags |= capitalised.get(&v.lower).copied().unwrap_or(0);
            }
        }
    }
    out
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

/// Hash of "no token here" (before the start or after the end of a sentence).
const EDGE: u64 = 0x5EED_0000_0000_0001;

/// The static features of token `i` of the sentence `[s, e)`, appended to `out`.
/// `lang` is the hash of the document's language code, `headline` marks a sentence in
/// capitals.
pub(crate) fn static_features(
    v: &[TokenView],
    i: usize,
    (s, e): (usize, usize),
    lang: u64,
    headline: bool,
    out: &mut Vec<u64>,
) {
    let at = |j: isize| -> Option<&TokenView> {
        let j = i as isize + j;
        (j >= s as isize && j < e as isize).then(|| &v[j as usize])
    };
    let me = &v[i];
    let lower = |x: Option<&TokenView>| x.map_or(EDGE, |x| x.lower);
    let shape = |x: Option<&TokenView>| x.map_or(EDGE, |x| x.shape);
    let flag_bits =
        u64::from(me.flags & (CAP | ALLCAPS | FIRST | LOWER_SEEN | CAP_MID | LINE_START))
            | u64::from(me.common) << 8;
    let (p1, n1) = (at(-1), at(1));
    out.extend_from_slice(&[
        mix(t::BIAS, 0),
        mix(t::LOWER, me.lower),
        mix(t::SHAPE, me.shape),
        mix(t::SUF2, me.affixes[0]),
        mix(t::SUF3, me.affixes[1]),
        mix(t::SUF4, me.affixes[2]),
        mix(t::PRE3, me.affixes[3]),
        mix(t::PREV, lower(p1)),
        mix(t::NEXT, lower(n1)),
        mix(t::PREV2, lower(at(-2))),
        mix(t::NEXT2, lower(at(2))),
        mix(t::PREV_SHAPE, shape(p1)),
        mix(t::NEXT_SHAPE, shape(n1)),
        mix(t::SHAPES_LEFT, shape(p1) ^ me.shape.rotate_left(17)),
        mix(t::SHAPES_RIGHT, me.shape ^ shape(n1).rotate_left(17)),
        mix(t::BIGRAM_LEFT, lower(p1) ^ me.lower.rotate_left(17)),
        mix(t::BIGRAM_RIGHT, me.lower ^ lower(n1).rotate_left(17)),
        mix(t::FLAGS, flag_bits ^ me.shape.rotate_left(8)),
        mix(t::FLAGS_LOWER, flag_bits ^ me.lower.rotate_left(8)),
        mix(t::LANG_SHAPE, lang ^ me.shape.rotate_left(8)),
        mix(t::LANG_FLAGS, lang ^ flag_bits.rotate_left(8)),
    ]);
    if headline {
        out.push(mix(t::HEADLINE_SHAPE, me.shape));
    }
    let common = |x: Option<&TokenView>| x.map_or(2, |x| u64::from(x.common));
    if me.common || common(p1) == 1 || common(n1) == 1 {
        // common words set in capitals around: a title or a shouted line, not a name
        out.push(mix(
            t::COMMON_AROUND,
            u64::from(me.common) | common(p1) << 2 | common(n1) << 4,
        ));
    }
    let gazetteer_bits = |x: Option<&TokenView>| x.map_or(0, |x| x.gazetteer);
    let mut bits = me.gazetteer;
    while bits != 0 {
        let b = u64::from(bits.trailing_zeros());
        bits &= bits - 1;
        out.push(mix(t::GAZ, b));
        out.push(mix(t::GAZ_FLAGS, b ^ (flag_bits << 8)));
    }
    let (pg, ng) = (gazetteer_bits(p1), gazetteer_bits(n1));
    if pg != 0 {
        out.push(mix(t::PREV_GAZ, u64::from(pg)));
    }
    if ng != 0 {
        out.push(mix(t::NEXT_GAZ, u64::from(ng)));
    }
}

/// The features that depend on the tags chosen for the two tokens before `i`.
#[inline]
pub(crate) fn tag_features(v: &[TokenView], i: usize, s: usize, prev: u8, prev2: u8) -> [u64; 5] {
    let me = &v[i];
    let p = u64::from(prev);
    let prev_lower = if i > s { v[i - 1].lower } else { EDGE };
    [
        mix(t::TAG1, p),
        mix(t::TAG1_LOWER, p ^ me.lower.rotate_left(8)),
        mix(t::TAG1_SHAPE, p ^ me.shape.rotate_left(8)),
        mix(t::TAG12, p ^ (u64::from(prev2) << 8)),
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

    #[test]
    fn ascii_and_unicode_paths_agree() {
        let mut s = String::new();
        for w in [
            "Obama", "NASA", "X1-B", "U.S.", "McDonald", "A4", "G20", "x", "",
        ] {
            let a = view_ascii(w, TokenKind::Word);
            let lower = w.to_lowercase().replace(|c: char| c.is_ascii_digit(), "0");
            assert_eq!(a.lower, hash_str(&lower), "{w}");
            // the same word with a non-ASCII letter takes the other path
            let u = view(&format!("{w}\u{e9}"), TokenKind::Word, &mut s);
            assert_eq!(u.lower, hash_str(&format!("{lower}\u{e9}")), "{w}");
            if a.flags & (CAP | ALLCAPS) != 0 {
                assert_eq!(a.affixes[0], tail_hash(&lower, 2), "{w}");
                assert_eq!(a.affixes[1], tail_hash(&lower, 3), "{w}");
                assert_eq!(a.affixes[2], tail_hash(&lower, 4), "{w}");
                let head: String = lower.chars().take(3).collect();
                assert_eq!(a.affixes[3], hash_str(&head), "{w}");
            }
        }
        for w in ["a", "ab", "abc", "talks", "x"] {
            let fast = view_lower(w, TokenKind::Word).unwrap();
            let slow = view_ascii(w, TokenKind::Word);
            assert_eq!(
                (fast.lower, fast.shape, fast.affixes),
                (slow.lower, slow.shape, slow.affixes),
                "{w}"
            );
            assert_eq!(fast.flags, slow.flags, "{w}");
        }
        for w in ["", "Ab", "a1", "a-b", "a\u{e9}"] {
            assert!(view_lower(w, TokenKind::Word).is_none(), "{w}");
        }
        let v = view("Élysée", TokenKind::Word, &mut s);
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
    fn features_differ_by_context() {
        let v = views_of("Paris Hilton said Paris is big");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        static_features(&v, 0, (0, v.len()), 0, false, &mut a);
        static_features(&v, 3, (0, v.len()), 0, false, &mut b);
        assert_eq!(a[1], b[1], "same word");
        assert_ne!(a[8], b[8], "different next word");
    }
}
