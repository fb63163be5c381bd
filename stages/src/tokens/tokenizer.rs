//! The tokenizer: one left-to-right pass, linear in the length of the text.
//!
//! Every look-ahead is bounded (a few characters, [`QUOTE_LOOKAHEAD`] bytes for a closing
//! quote, [`MAX_LOCAL_PART`] bytes for an e-mail address, whose failures are also
//! remembered) or consumes what it reads, so no stretch of text is read more than a
//! constant number of times.

use pipeline_core::{Span, Token, TokenKind};

use super::chars::{
    in_block, is_ascii_symbol, is_emoji, is_emoji_modifier, is_mark, is_opener, is_punct, is_quote,
    is_regional_indicator, is_symbol, is_word_char, no_space, NoSpace, ZWJ, ZWNJ,
};
use super::lexicon::{AbbrevClass, Lexicon};

/// Splits `text` into tokens, following UD English-EWT conventions.
///
/// Tokens are sorted, never overlap, never contain whitespace, and each one's text is
/// exactly its span of `text`.
///
/// ```
/// let t = "Gen. Sharif didn't pay $1.9 billion (16%) to the U.S. — see https://example.org/x.";
/// let toks: Vec<&str> = stages::tokens::tokenize(t).iter().map(|x| x.span.slice(t)).collect();
/// assert_eq!(toks, ["Gen.", "Sharif", "didn't", "pay", "$", "1.9", "billion", "(", "16", "%",
///     ")", "to", "the", "U.S.", "—", "see", "https://example.org/x", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut t = Tokenizer {
        text,
        b: text.as_bytes(),
        lex: Lexicon::get(),
        out: Vec::with_capacity(text.len() / 5 + 1),
        no_email_before: 0,
        next_at: memchr::memchr(b'@', text.as_bytes()).unwrap_or(usize::MAX),
        open_single: false,
        newlines: 0,
    };
    t.run();
    let mut out = t.out;
    // the capacity guess is for prose; give back what a text of long tokens did not use
    if out.capacity() > 2 * out.len() + 64 {
        out.shrink_to_fit();
    }
    out
}

struct Tokenizer<'t> {
    text: &'t str,
    b: &'t [u8],
    lex: &'static Lexicon,
    out: Vec<Token>,
    /// No e-mail address starts before this offset (memo of failed look-aheads).
    no_email_before: usize,
    /// Offset of the next `@` at or after the last e-mail test (`usize::MAX`: none).
    next_at: usize,
    /// A single quote mark (‘ or a word-initial ') was opened and not yet closed.
    open_single: bool,
    /// Line breaks since the last token.
    newlines: u32,
}

/// Runs of these join into one token (`...`, `?!`, `--`, `==---`).
fn run_class(b: u8) -> Option<u8> {
    match b {
        b'.' | b'!' | b'?' => Some(0),
        b'-' | b'=' => Some(1),
        b'*' | b'_' | b'~' | b'<' | b'>' | b'$' | b'#' | b'/' | b'\\' | b'+' | b'^' | b'|'
        | b'&' | b'%' | b'@' => Some(b),
        _ => None,
    }
}

/// The length of the run of ASCII letters and digits that `b` starts with, tested eight
/// bytes at a time.
pub(super) fn ascii_alnum_len(b: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // the high bit of each byte of `v` (bytes below 0x80) that lies in `lo..=hi`
    let in_range = |v: u64, lo: u8, hi: u8| {
        v.wrapping_add(ONES * u64::from(0x80 - lo)) & !v.wrapping_add(ONES * u64::from(0x7f - hi))
    };
    let mut n = 0;
    while let Some(chunk) = b.get(n..n + 8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(word);
        let low = x & !HIGH;
        let alnum = (in_range(low, b'0', b'9') | in_range(low | (ONES * 0x20), b'a', b'z')) & !x;
        let stop = !alnum & HIGH;
        if stop != 0 {
            return n + (stop.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + b[n..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(b.len() - n)
}

/// Emoticons recognised at the start of a whitespace-delimited chunk.
const EMOTICONS: &[&str] = &[
    ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":'(", ":)", ":(", ";)", ":D", ":P", ":p", ":/",
    ":|", "<3", "^_^", "^^",
];

/// Units split off the number they are glued to (`375`, `mm`), as in UD English-EWT.
const UNITS: &[&str] = &[
    "k", "K", "mm", "cm", "km", "m", "kg", "mg", "g", "lb", "lbs", "oz", "ft", "mph", "kph", "am",
    "pm", "AM", "PM", "GB", "MB", "TB", "KB", "kb", "GHz", "MHz", "Hz", "kW", "MW", "ml", "bn",
];

/// How far to look for the end of a single quotation (bytes).
const QUOTE_LOOKAHEAD: usize = 200;

/// Longest e-mail local part looked for (RFC 5321 allows 64 bytes).
const MAX_LOCAL_PART: usize = 64;

/// Words written with a leading apostrophe (`'em`, `’til`); `'90s`-style decades too.
const ELISIONS: &[&str] = &["em", "til", "cause", "tis", "twas", "n", "bout", "round"];

impl<'t> Tokenizer<'t> {
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i).and_then(|s| s.chars().next_back())
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.out.push(Token::new(Span::unchecked(start, end), kind));
        self.newlines = 0;
    }

    fn run(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            let c = self.b[i];
            if c < 0x80 {
                if c.is_ascii_whitespace() || c == 0x0b {
                    if c == b'\n' {
                        self.newlines = self.newlines.saturating_add(1);
                        if self.newlines >= 2 {
                            self.open_single = false;
                        }
                    }
                    i += 1;
                } else if c.is_ascii_alphanumeric() {
                    i = self.word(i);
                } else {
                    i = self.ascii_punct(i);
                }
                continue;
            }
            let Some(ch) = self.char_at(i) else {
                // not a char boundary: cannot happen for a &str walked this way
                i += 1;
                continue;
            };
            if ch.is_whitespace() {
                if matches!(ch, '\u{2028}' | '\u{85}') {
                    self.newlines = self.newlines.saturating_add(1);
                }
                if ch == '\u{2029}' || self.newlines >= 2 {
                    // a paragraph ends: no single quotation stays open across it
                    self.open_single = false;
                }
                i += ch.len_utf8();
                continue;
            }
            i = self.non_ascii(i, ch);
        }
    }

    /// Length of the run of word characters starting at `i` (letters, digits, marks,
    /// inner ZWJ/ZWNJ), stopping at whitespace-free scripts.
    #[inline(always)]
    fn alnum_run(&self, mut i: usize) -> usize {
        let n = self.b.len();
        i += ascii_alnum_len(&self.b[i.min(n)..]);
        if self.b.get(i).map_or(true, |&c| c < 0x80) {
            return i;
        }
        while i < n {
            let c = self.b[i];
            if c < 0x80 {
                if c.is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                break;
            }
            let Some(ch) = self.char_at(i) else { break };
            if is_word_char(ch) {
                i += ch.len_utf8();
            } else if ch == ZWJ || ch == ZWNJ {
                // inside a word (Persian, Indic) only when a letter follows
                match self.char_at(i + 3) {
                    Some(next) if is_word_char(next) => i += 3,
                    _ => break,
                }
            } else {
                break;
            }
        }
        i
    }

    fn is_alnum_at(&self, i: usize) -> bool {
        match self.b.get(i) {
            Some(&c) if c < 0x80 => c.is_ascii_alphanumeric(),
            Some(_) => self.char_at(i).is_some_and(is_word_char),
            None => false,
        }
    }

    fn is_letter_at(&self, i: usize) -> bool {
        match self.b.get(i) {
            Some(&c) if c < 0x80 => c.is_ascii_alphabetic(),
            Some(_) => self
                .char_at(i)
                .is_some_and(|c| c.is_alphabetic() && no_space(c).is_none()),
            None => false,
        }
    }

    fn digit_at(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(u8::is_ascii_digit)
    }

    /// A word, number, URL, e-mail address or keycap emoji starting at `start`.
    fn word(&mut self, start: usize) -> usize {
        let b = self.b;
        let first = b[start];
        if matches!(first, b'h' | b'H' | b'f' | b'F' | b'w' | b'W') {
            if let Some(end) = self.url_at(start) {
                self.push(start, end, TokenKind::Url);
                return end;
            }
        }
        if first.is_ascii_digit() {
            if let Some(end) = self.keycap(start) {
                self.push(start, end, TokenKind::Emoji);
                return end;
            }
        }
        if start >= self.no_email_before {
            if let Some(end) = self.email_at(start) {
                self.push(start, end, TokenKind::Email);
                return end;
            }
        }
        let mut seg_start = start;
        let mut end = self.alnum_run(start);
        let mut dots = false;
        while end < b.len() {
            let next = end + 1;
            let join = match b[end] {
                b'.' => {
                    self.is_alnum_at(next)
                        && !(b.get(next).is_some_and(u8::is_ascii_uppercase)
                            && (self.lex.abbreviation(&self.text[seg_start..end])
                                == Some(AbbrevClass::Title)
                                || self.missing_space(start, seg_start, end)))
                }
                b',' | b':' => self.digit_at(end - 1) && self.digit_at(next),
                b'/' => {
                    (self.digit_at(end - 1) && self.digit_at(next))
                        || (end - seg_start == 1
                            && b[seg_start].is_ascii_alphabetic()
                            && b.get(next).is_some_and(u8::is_ascii_alphabetic)
                            && !self.is_alnum_at(next + 1))
                }
                b'\'' => self.is_letter_at(next),
                b'_' => self.is_alnum_at(next),
                b'&' => {
                    b[end - 1].is_ascii_uppercase()
                        && b.get(next).is_some_and(u8::is_ascii_uppercase)
                }
                b'-' => self.hyphen_joins(seg_start, end),
                0xe2 if b[end..].starts_with("’".as_bytes()) => self.is_letter_at(end + 3),
                _ => false,
            };
            if !join {
                break;
            }
            let sep = if b[end] == 0xe2 { 3 } else { 1 };
            dots |= b[end] == b'.';
            seg_start = end + sep;
            end = self.alnum_run(seg_start);
        }
        // "w/" as in "w/ cheese"
        if end - start == 1
            && matches!(b[start], b'w' | b'W')
            && b.get(end) == Some(&b'/')
            && !self.is_alnum_at(end + 1)
        {
            end += 1;
        }
        if b.get(end) == Some(&b'.') {
            end = self.abbreviation_period(start, end, dots);
        } else if matches!(b[end - 1], b's' | b'S') && end - start > 1 {
            end = self.possessive(end);
        }
        let letter = if first.is_ascii_digit() {
            self.b[start..end].iter().position(u8::is_ascii_alphabetic)
        } else {
            None
        };
        if let Some(p) = letter {
            // a number glued to its unit: 375mm, 650k, 5pm
            let unit = &self.text[start + p..end];
            if b[start..start + p]
                .iter()
                .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b','))
                && UNITS.contains(&unit)
            {
                self.push(start, start + p, TokenKind::Number);
                self.push(start + p, end, TokenKind::Word);
                return end;
            }
        }
        let kind = if first.is_ascii_digit() && letter.is_none() {
            TokenKind::Number
        } else if dots && self.looks_like_domain(seg_start, end) {
            TokenKind::Url
        } else {
            TokenKind::Word
        };
        self.push(start, end, kind);
        end
    }

    /// `said.The`: a lowercase word, a period and a capitalised word with no space between
    /// them are two sentences that lost their space, not a name like `example.Com`.
    fn missing_space(&self, start: usize, seg_start: usize, dot: usize) -> bool {
        let b = self.b;
        seg_start == start
            && dot - start >= 2
            && b[start..dot].iter().all(u8::is_ascii_lowercase)
            && b.get(dot + 2).is_some_and(u8::is_ascii_lowercase)
    }

    /// Whether the hyphen at `at` joins the segment `seg_start..at` to what follows.
    fn hyphen_joins(&self, seg_start: usize, at: usize) -> bool {
        let b = self.b;
        let seg = &b[seg_start..at];
        if self.is_letter_at(at + 1) {
            // a prefix opens a compound: the "e" of "Zarb-e-Azb" is not one
            if seg_start > 0 && b[seg_start - 1] == b'-' {
                return false;
            }
            return self
                .text
                .get(seg_start..at)
                .is_some_and(|s| self.lex.is_hyphen_prefix(s));
        }
        // phone numbers: 853-3242, 410-468-3798 (but 13-17, 1998-2002 are split)
        if !seg.is_empty() && seg.len() <= 3 && seg.iter().all(u8::is_ascii_digit) {
            let mut j = at + 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            return j - (at + 1) >= 3 && !self.is_letter_at(j);
        }
        false
    }

    /// Decides whether the period at `end` belongs to the word `start..end`; returns the
    /// token's end.
    fn abbreviation_period(&self, start: usize, end: usize, dots: bool) -> usize {
        let b = self.b;
        // an ellipsis after a word stays whole: "etc..."
        if b.get(end + 1) == Some(&b'.') && b.get(end + 2) == Some(&b'.') {
            return end;
        }
        let word = &self.text[start..end];
        let class = match self.lex.abbreviation(word) {
            Some(c) => c,
            None if dots && self.dotted_abbreviation(start, end) => AbbrevClass::Other,
            None if self.is_initial(word) => AbbrevClass::Other,
            None => return end,
        };
        match class {
            AbbrevClass::Title => end + 1,
            AbbrevClass::Number => {
                let mut j = end + 1;
                while j < b.len() && b[j] == b' ' {
                    j += 1;
                }
                if self.digit_at(j) {
                    end + 1
                } else {
                    end
                }
            }
            AbbrevClass::Final => {
                if self.ends_sentence_after(end + 1, true) {
                    end
                } else {
                    end + 1
                }
            }
            AbbrevClass::Month | AbbrevClass::Other => {
                if self.ends_sentence_after(end + 1, false) {
                    end
                } else {
                    end + 1
                }
            }
        }
    }

    /// `U.S`, `a.m`, `Ph.D`, `W.H.S`: segments of at most three letters.
    fn dotted_abbreviation(&self, start: usize, end: usize) -> bool {
        self.text[start..end]
            .split('.')
            .all(|s| !s.is_empty() && s.len() <= 3 && s.bytes().all(|c| c.is_ascii_alphabetic()))
    }

    fn is_initial(&self, word: &str) -> bool {
        let mut cs = word.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    }

    /// True when a sentence most likely ends at `i` (just after an abbreviation's period):
    /// the text or paragraph ends, a line break is followed by a capital, or a usual
    /// sentence opener follows.
    fn ends_sentence_after(&self, i: usize, any_capital: bool) -> bool {
        let b = self.b;
        let mut j = i;
        let mut newline = false;
        while j < b.len() && b[j].is_ascii_whitespace() {
            newline |= b[j] == b'\n';
            j += 1;
        }
        if j == i && j < b.len() {
            // something sticks to the period: a bracket, a quote, a hyphen
            return false;
        }
        if j >= b.len() {
            return true;
        }
        let mut k = j;
        while k < b.len() && k - j <= 16 && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        if k == j {
            return false;
        }
        if (newline || any_capital)
            && b[j].is_ascii_uppercase()
            && (newline || b.get(j + 1).is_some_and(u8::is_ascii_lowercase))
        {
            return true;
        }
        !self.is_alnum_at(k) && self.lex.is_starter(&self.text[j..k])
    }

    /// A word ending in `s` followed by an apostrophe: possessive (`Nations’`) unless a
    /// single quotation is open, in which case the apostrophe closes it.
    fn possessive(&self, end: usize) -> usize {
        let len = match self.b.get(end) {
            Some(b'\'') => 1,
            Some(0xe2) if self.b[end..].starts_with("’".as_bytes()) => 3,
            _ => return end,
        };
        if self.is_alnum_at(end + len) {
            return end;
        }
        if self.open_single && !self.closes_later(end + len) {
            return end;
        }
        end + len
    }

    /// Inside a single quotation, `s’` followed by a word is still a possessive when the
    /// quotation closes a little further on (`‘the players’ fault.’`). Looks at most
    /// [`QUOTE_LOOKAHEAD`] bytes ahead, so the tokenizer stays linear.
    fn closes_later(&self, i: usize) -> bool {
        let b = self.b;
        // a possessive is followed by a space and a word
        if !(b.get(i) == Some(&b' ') && self.is_letter_at(i + 1)) {
            return false;
        }
        let stop = b.len().min(i + QUOTE_LOOKAHEAD);
        let mut j = i + 1;
        while j < stop {
            let len = match b[j] {
                b'\'' => 1,
                0xe2 if b[j..].starts_with("’".as_bytes()) => 3,
                b'\n' => return false,
                _ => {
                    j += 1;
                    continue;
                }
            };
            let after_word = j > 0 && !b[j - 1].is_ascii_whitespace();
            if after_word && !self.is_alnum_at(j + len) {
                return true;
            }
            j += len;
        }
        false
    }

    /// `alt.animals.cat` is a word; `example.com` a URL.
    fn looks_like_domain(&self, last_seg: usize, end: usize) -> bool {
        const TLDS: &[&str] = &[
            "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "uk", "de", "fr",
            "pk", "ru", "in", "cn", "jp", "au", "ca", "us", "eu", "co", "tv", "me",
        ];
        let tld = &self.text[last_seg..end];
        TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))
    }

    /// `http://…`, `https://…`, `ftp://…`, `www.…`: the end of the URL starting at `start`.
    fn url_at(&self, start: usize) -> Option<usize> {
        let b = self.b;
        let rest = &b[start..b.len().min(start + 8)];
        let prefix_len = [&b"https://"[..], b"http://", b"ftp://", b"www."]
            .iter()
            .find(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p))
            .map(|p| p.len())?;
        let mut end = start + prefix_len;
        let mut parens = 0i32;
        let mut brackets = 0i32;
        while end < b.len() {
            let c = b[end];
            if c < 0x80 {
                if c.is_ascii_whitespace() || matches!(c, b'"' | b'<' | b'>' | b'`') {
                    break;
                }
                match c {
                    b'(' => parens += 1,
                    b')' => {
                        if parens == 0 {
                            break;
                        }
                        parens -= 1;
                    }
                    b'[' => brackets += 1,
                    b']' => {
                        if brackets == 0 {
                            break;
                        }
                        brackets -= 1;
                    }
                    _ => {}
                }
                end += 1;
                continue;
            }
            let ch = self.char_at(end)?;
            if ch.is_whitespace() || is_quote(ch) || is_punct(ch) {
                break;
            }
            end += ch.len_utf8();
        }
        while end > start + prefix_len
            && matches!(b[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'')
        {
            end -= 1;
        }
        (end > start + prefix_len).then_some(end)
    }

    /// An e-mail address (or `user@HOST` as in mail headers) starting at `start`.
    fn email_at(&mut self, start: usize) -> Option<usize> {
        let b = self.b;
        if self.next_at < start {
            self.next_at = memchr::memchr(b'@', &b[start..]).map_or(usize::MAX, |p| start + p);
        }
        // the local part would have to reach the next `@`; local parts are short
        if self.next_at - start > MAX_LOCAL_PART {
            return None;
        }
        let is_local =
            |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut q = start;
        while q < b.len() && is_local(b[q]) {
            q += 1;
        }
        if q == start
            || b.get(q) != Some(&b'@')
            || !b.get(q + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            self.no_email_before = q.max(start + 1);
            return None;
        }
        let mut end = q + 1;
        while end < b.len()
            && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'.' | b'-' | b'_'))
        {
            end += 1;
        }
        while matches!(b[end - 1], b'.' | b'-' | b'_') {
            end -= 1;
        }
        Some(end)
    }

    /// `1️⃣`: a digit, `#` or `*` with the keycap mark.
    fn keycap(&self, start: usize) -> Option<usize> {
        let rest = &self.b[start + 1..];
        if rest.starts_with("\u{fe0f}\u{20e3}".as_bytes()) {
            Some(start + 7)
        } else if rest.starts_with("\u{20e3}".as_bytes()) {
            Some(start + 4)
        } else {
            None
        }
    }

    /// ASCII punctuation and symbols.
    fn ascii_punct(&mut self, start: usize) -> usize {
        let b = self.b;
        let c = b[start];

        match c {
            b'\'' | b'`' => return self.ascii_quote(start),
            b'"' => {
                self.push(start, start + 1, TokenKind::Punct);
                return start + 1;
            }
            b'@' if self
                .b
                .get(start + 1)
                .is_some_and(|&n| n.is_ascii_alphanumeric() || n == b'_') =>
            {
                let end = self.handle_end(start + 1);
                self.push(start, end, TokenKind::Handle);
                return end;
            }
            b'#' | b'*' => {
                if let Some(end) = self.keycap(start) {
                    self.push(start, end, TokenKind::Emoji);
                    return end;
                }
                if c == b'#' {
                    let end = self.hashtag_end(start + 1);
                    if end > start + 1 {
                        self.push(start, end, TokenKind::Hashtag);
                        return end;
                    }
                }
            }
            _ => {}
        }
        if matches!(c, b':' | b';' | b'<' | b'^')
            && (start == 0 || self.char_before(start).is_some_and(char::is_whitespace))
        {
            for e in EMOTICONS {
                if b[start..].starts_with(e.as_bytes()) {
                    let end = start + e.len();
                    if !self.is_alnum_at(end) {
                        self.push(start, end, TokenKind::Emoji);
                        return end;
                    }
                }
            }
        }
        let mut end = start + 1;
        if let Some(class) = run_class(c) {
            while end < b.len() && run_class(b[end]) == Some(class) && (class < 2 || b[end] == c) {
                end += 1;
            }
        }
        let kind = if is_ascii_symbol(c) {
            TokenKind::Symbol
        } else if c.is_ascii_control() {
            TokenKind::Other
        } else {
            TokenKind::Punct
        };
        self.push(start, end, kind);
        end
    }

    /// `'` or `` ` ``: an elision (`'em`, `'90s`), an opening or a closing quote mark.
    fn ascii_quote(&mut self, start: usize) -> usize {
        if let Some(end) = self.elision(start, 1) {
            self.push(start, end, TokenKind::Word);
            return end;
        }
        self.quote_mark(start, 1);
        start + 1
    }

    /// A quote mark of `len` bytes at `start`; tracks whether a single quotation is open.
    fn quote_mark(&mut self, start: usize, len: usize) {
        let before = self.char_before(start);
        let after = self.char_at(start + len);
        let opens = before.map_or(true, |c| c.is_whitespace() || is_opener(c) || c == '—')
            && after.is_some_and(|c| !c.is_whitespace());
        match self.b[start] {
            b'\'' | b'`' => self.open_single = opens,
            _ => {
                let c = self.char_at(start);
                if c == Some('‘') || c == Some('‚') {
                    self.open_single = true;
                } else if c == Some('’') {
                    self.open_single = opens;
                }
            }
        }
        self.push(start, start + len, TokenKind::Punct);
    }

    /// `'em`, `'til`, `'90s`, `’cause`: the end of an elided word starting with the
    /// apostrophe of `len` bytes at `start`.
    fn elision(&self, start: usize, len: usize) -> Option<usize> {
        let begin = start + len;
        if self
            .char_before(start)
            .is_some_and(|c| !c.is_whitespace() && !is_opener(c))
        {
            return None;
        }
        let end = self.alnum_run(begin);
        if end == begin || end - begin > 5 {
            return None;
        }
        let w = &self.text[begin..end];
        let decade =
            w.len() == 3 && w.as_bytes()[..2].iter().all(u8::is_ascii_digit) && w.ends_with('s');
        let elided = ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(w));
        // 'n' needs its closing apostrophe: rock 'n' roll
        if decade || (elided && w != "n" && w != "N") {
            return Some(end);
        }
        None
    }

    fn handle_end(&self, mut i: usize) -> usize {
        let b = self.b;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_alphanumeric()
                || c == b'_'
                || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric))
            {
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// End of a hashtag's name starting at `i` (`i` itself when there is none): word
    /// characters and underscores, with at least one letter.
    fn hashtag_end(&self, mut i: usize) -> usize {
        let begin = i;
        let mut letter = false;
        while i < self.b.len() {
            if self.b[i] == b'_' {
                i += 1;
                continue;
            }
            let Some(c) = self.char_at(i) else { break };
            if c.is_alphanumeric() || is_mark(c) {
                letter |= c.is_alphabetic();
                i += c.len_utf8();
            } else {
                break;
            }
        }
        if letter {
            i
        } else {
            begin
        }
    }

    /// Any token starting with a non-ASCII, non-whitespace character.
    fn non_ascii(&mut self, start: usize, ch: char) -> usize {
        let len = ch.len_utf8();
        if ch == '’' || ch == '‘' {
            if ch == '’' {
                if let Some(end) = self.elision(start, len) {
                    self.push(start, end, TokenKind::Word);
                    return end;
                }
            }
            self.quote_mark(start, len);
            return start + len;
        }
        if is_quote(ch) {
            self.push(start, start + len, TokenKind::Punct);
            return start + len;
        }
        if is_regional_indicator(ch) {
            let mut end = start + len;
            if let Some(n) = self.char_at(end).filter(|&n| is_regional_indicator(n)) {
                end += n.len_utf8();
            }
            let end = self.emoji_tail(end);
            self.push(start, end, TokenKind::Emoji);
            return end;
        }
        if is_emoji(ch)
            || (self.char_at(start + len) == Some('\u{fe0f}') && (is_symbol(ch) || is_punct(ch)))
        {
            let end = self.emoji_tail(start + len);
            self.push(start, end, TokenKind::Emoji);
            return end;
        }
        match no_space(ch) {
            Some(NoSpace::PerChar) => {
                let end = self.marks_end(start + len);
                self.push(start, end, TokenKind::Word);
                return end;
            }
            Some(NoSpace::Run(block)) => {
                let mut end = start + len;
                while let Some(n) = self.char_at(end) {
                    if in_block(n, block) || is_mark(n) {
                        end += n.len_utf8();
                    } else {
                        break;
                    }
                }
                self.push(start, end, TokenKind::Word);
                return end;
            }
            None => {}
        }
        if !is_punct(ch) && ch.is_alphanumeric() {
            return self.word(start);
        }
        if is_punct(ch) {
            // runs of the same dash or ellipsis stay together
            let mut end = start + len;
            if matches!(ch, '—' | '–' | '…' | '‒' | '―') {
                while self.char_at(end) == Some(ch) {
                    end += len;
                }
            }
            self.push(start, end, TokenKind::Punct);
            return end;
        }
        let end = self.marks_end(start + len);
        let kind = if is_symbol(ch) {
            TokenKind::Symbol
        } else {
            TokenKind::Other
        };
        self.push(start, end, kind);
        end
    }

    /// Past the combining marks at `i`.
    fn marks_end(&self, mut i: usize) -> usize {
        while let Some(c) = self.char_at(i) {
            if is_mark(c) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        i
    }

    /// Past the modifiers and ZWJ-joined parts of an emoji whose first part ends at `i`.
    fn emoji_tail(&self, mut i: usize) -> usize {
        while let Some(c) = self.char_at(i) {
            if is_emoji_modifier(c) {
                i += c.len_utf8();
            } else if c == ZWJ {
                match self.char_at(i + 3) {
                    Some(n) if is_emoji(n) || is_regional_indicator(n) => i += 3 + n.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        i
    }
}
