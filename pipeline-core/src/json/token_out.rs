//! The `tokens` layer as written: `[{"start":…,"end":…,"text":…,"kind":…,"stem":…},…]`,
//! by hand, in as few steps as possible. With the tokens, the bulk of a line: about one
//! token per five bytes of text.
//!
//! The pieces of a token are written with a fixed size into a zeroed stretch of the
//! buffer beyond what is written ([`Cursor`]): no capacity check and no `memcpy` call per
//! piece. An offset is made from the last one's digits, the difference added in every
//! digit at once ([`Digits`]); a word of up to 16 bytes is read in
//! place from the text (and its stem in two loads) when no byte of it needs an escape;
//! the end of the text, the kind and the start of the stem are one piece. Longer words
//! and words with a byte to escape take the general path ([`write_str_body`]).

use super::primitives::{
    escape_in, first_bytes, load16, window_clean, write_str_body, write_uint, Digits,
};
use crate::{OffsetMap, Token, TokenKind};

/// The most bytes the fixed-size pieces of one token write (10 + 8 + 7 + 8 + 9 + 16 + 32
/// + 16 + 2 = 108), rounded up.
const TOKEN_ROOM: usize = 128;

/// How much zeroed room the cursor adds at once: below glibc's threshold for `rep stosb`,
/// which valgrind counts byte by byte.
const ROOM: usize = 1024;

/// The output buffer as the token writer fills it: `out` holds zeros beyond `pos`, what
/// is written, so that every piece is one fixed-size copy into it; [`Cursor::finish`]
/// cuts it back to `pos`.
struct Cursor<'o> {
    out: &'o mut Vec<u8>,
    pos: usize,
}

impl<'o> Cursor<'o> {
    fn new(out: &'o mut Vec<u8>) -> Cursor<'o> {
        let pos = out.len();
        Cursor { out, pos }
    }

    /// Makes room for one token's fixed-size pieces.
    #[inline]
    fn room(&mut self) {
        if self.out.len() < self.pos + TOKEN_ROOM {
            self.grow();
        }
    }

    #[cold]
    fn grow(&mut self) {
        self.out.resize(self.pos + ROOM, 0);
    }

    /// Writes the first `len` bytes of `piece` (`len <= N`, within the room made for a
    /// token).
    #[inline(always)]
    fn put<const N: usize>(&mut self, piece: &[u8; N], len: usize) {
        debug_assert!(len <= N);
        self.out[self.pos..self.pos + N].copy_from_slice(piece);
        self.pos += len;
    }

    /// Writes through a writer of the whole buffer (strings of any length), then makes
    /// room again.
    fn with_vec(&mut self, write: impl FnOnce(&mut Vec<u8>)) {
        self.out.truncate(self.pos);
        write(self.out);
        self.pos = self.out.len();
        self.room();
    }

    /// A non-negative integer, its digits made from those of the last (`digits`).
    #[inline(always)]
    fn uint(&mut self, n: usize, digits: &mut Digits) {
        match digits.of(n) {
            Some((digits, len)) => self.put(&digits, len),
            None => self.with_vec(|out| write_uint(out, n)),
        }
    }

    /// Cuts the buffer back to what is written.
    fn finish(self) {
        self.out.truncate(self.pos);
    }
}

/// The piece between a token's text and its stem (or its end): `","kind":"…"` and, with a
/// stem, `,"stem":"`; without, the closing `}`. Its length is the second field.
type KindPiece = ([u8; 32], usize);

/// The piece of `kind` without a stem (`","kind":"word"}`) and with one
/// (`","kind":"word","stem":"`).
const fn kind_pieces(name: &[u8]) -> [KindPiece; 2] {
    const HEAD: &[u8] = b"\",\"kind\":\"";
    const STEM: &[u8] = b"\",\"stem\":\"";
    let mut bare = [0u8; 32];
    let mut stem = [0u8; 32];
    let mut i = 0;
    while i < HEAD.len() {
        bare[i] = HEAD[i];
        stem[i] = HEAD[i];
        i += 1;
    }
    let mut j = 0;
    while j < name.len() {
        bare[i + j] = name[j];
        stem[i + j] = name[j];
        j += 1;
    }
    let at = i + j;
    bare[at] = b'"';
    bare[at + 1] = b'}';
    let mut k = 0;
    while k < STEM.len() {
        stem[at + k] = STEM[k];
        k += 1;
    }
    [(bare, at + 2), (stem, at + STEM.len())]
}

/// [`kind_pieces`] of every kind, in the order of [`kind_index`].
static KINDS: [[KindPiece; 2]; 10] = [
    kind_pieces(b"word"),
    kind_pieces(b"number"),
    kind_pieces(b"punct"),
    kind_pieces(b"symbol"),
    kind_pieces(b"url"),
    kind_pieces(b"email"),
    kind_pieces(b"emoji"),
    kind_pieces(b"handle"),
    kind_pieces(b"hashtag"),
    kind_pieces(b"other"),
];

/// The index of `kind` in [`KINDS`].
fn kind_index(kind: TokenKind) -> usize {
    match kind {
        TokenKind::Word => 0,
        TokenKind::Number => 1,
        TokenKind::Punct => 2,
        TokenKind::Symbol => 3,
        TokenKind::Url => 4,
        TokenKind::Email => 5,
        TokenKind::Emoji => 6,
        TokenKind::Handle => 7,
        TokenKind::Hashtag => 8,
        TokenKind::Other => 9,
    }
}

/// Writes the `tokens` layer's value: the `tokens` of `text`, each with its `stem` when
/// `stems`, offsets in chars through `map` when there is one, else in bytes.
pub(super) fn write_tokens(
    text: &str,
    tokens: &[Token],
    stems: bool,
    map: Option<&OffsetMap>,
    out: &mut Vec<u8>,
) {
    let off = |byte: usize| map.map_or(byte, |m| m.to_char(byte));
    let bytes = text.as_bytes();
    out.push(b'[');
    let mut c = Cursor::new(out);
    let mut digits = Digits::default();
    for (i, t) in tokens.iter().enumerate() {
        c.room();
        let first = usize::from(i == 0);
        let lead = if first == 1 {
            b"{\"start\":\0"
        } else {
            b",{\"start\":"
        };
        c.put(lead, 10 - first);
        c.uint(off(t.span.start), &mut digits);
        c.put(b",\"end\":", 7);
        c.uint(off(t.span.end), &mut digits);
        c.put(b",\"text\":\"", 9);
        let word = t.span.slice(text);
        let in_place = (word.len() == t.span.end.wrapping_sub(t.span.start))
            .then(|| window_clean(bytes, t.span.start, word.len()))
            .flatten();
        let escaped = c.pos;
        match &in_place {
            Some(piece) => c.put(piece, word.len()),
            None => c.with_vec(|out| write_str_body(out, word)),
        }
        let escaped = escaped..c.pos;
        let stem = t.stem.as_deref().filter(|_| stems);
        let (piece, len) = &KINDS[kind_index(t.kind)][usize::from(stem.is_some())];
        c.put(piece, *len);
        let Some(stem) = stem else { continue };
        let stem_bytes = stem.as_bytes();
        match (load16(stem_bytes), in_place) {
            // the stem is the word (most punctuation, numbers and short words)
            (Some(s), Some(w)) if s == first_bytes(&w, word.len()) && stem.len() == word.len() => {
                c.put(&w, word.len())
            }
            (Some(s), _) if !escape_in(&s, stem.len()) => c.put(&s, stem.len()),
            // a stem equal to the word: its escaped bytes are written already
            _ if stem == word => c.with_vec(|out| out.extend_from_within(escaped)),
            _ => c.with_vec(|out| write_str_body(out, stem)),
        }
        c.put(b"\"}", 2);
    }
    c.finish();
    out.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_pieces_are_the_fields() {
        let kinds = [
            TokenKind::Word,
            TokenKind::Number,
            TokenKind::Punct,
            TokenKind::Symbol,
            TokenKind::Url,
            TokenKind::Email,
            TokenKind::Emoji,
            TokenKind::Handle,
            TokenKind::Hashtag,
            TokenKind::Other,
        ];
        for (i, kind) in kinds.into_iter().enumerate() {
            assert_eq!(kind_index(kind), i);
            let name = kind.as_str();
            let [(bare, n), (stem, m)] = &KINDS[i];
            assert_eq!(&bare[..*n], format!("\",\"kind\":\"{name}\"}}").as_bytes());
            assert_eq!(
                &stem[..*m],
                format!("\",\"kind\":\"{name}\",\"stem\":\"").as_bytes()
            );
        }
    }
}
