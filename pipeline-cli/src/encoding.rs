//! What an input's first bytes say about it, and the decoding that follows: UTF-8 is
//! read as it is (its byte-order mark is stripped by the reader), UTF-16 and UTF-32 with
//! a byte-order mark are decoded to UTF-8 as they stream ([`Decoder`]), and an input that
//! looks binary (NUL bytes with bytes that are not UTF-8) or like UTF-16/UTF-32 without a
//! mark is refused with a message naming what it looks like ([`Head::refusal`]).

use std::io::{self, Read};

/// How many bytes at the start of an input are looked at.
pub const HEAD_BYTES: usize = 8 << 10;

/// The encoding of a UTF-16 or UTF-32 input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wide {
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// UTF-32, little-endian.
    Utf32Le,
    /// UTF-32, big-endian.
    Utf32Be,
}

impl Wide {
    /// The usual name, as `iconv` spells it.
    pub fn name(self) -> &'static str {
        match self {
            Wide::Utf16Le => "UTF-16LE",
            Wide::Utf16Be => "UTF-16BE",
            Wide::Utf32Le => "UTF-32LE",
            Wide::Utf32Be => "UTF-32BE",
        }
    }

    fn unit(self) -> usize {
        match self {
            Wide::Utf16Le | Wide::Utf16Be => 2,
            Wide::Utf32Le | Wide::Utf32Be => 4,
        }
    }
}

/// What the first bytes of an input look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// UTF-8 (or ASCII); `invalid_at` is the offset of the first byte that is not valid
    /// UTF-8 within the head, if any.
    Utf8 {
        /// Offset of the first invalid byte.
        invalid_at: Option<usize>,
    },
    /// UTF-16 or UTF-32 with its byte-order mark: decoded.
    Marked(Wide),
    /// UTF-16 or UTF-32 by the pattern of its NUL bytes, without a byte-order mark.
    Unmarked(Wide),
    /// NUL bytes in no text pattern, with bytes that are not UTF-8 or making an eighth of
    /// the head at least: binary.
    Binary {
        /// Offset of the first NUL byte.
        nul_at: usize,
    },
}

impl Head {
    /// Looks at the first bytes of an input (up to [`HEAD_BYTES`]); `complete` says
    /// whether `head` is the whole input (an incomplete UTF-8 character at its end is then
    /// an error, not a character cut by the head's limit).
    pub fn sniff(head: &[u8], complete: bool) -> Head {
        if head.starts_with(b"\xEF\xBB\xBF") {
            return Head::Utf8 {
                invalid_at: invalid_utf8(&head[3..], complete).map(|i| i + 3),
            };
        }
        // UTF-32 LE's mark begins with UTF-16 LE's: look for the longer one first
        let wide: [(&[u8], Wide); 4] = [
            (b"\xFF\xFE\0\0", Wide::Utf32Le),
            (b"\0\0\xFE\xFF", Wide::Utf32Be),
            (b"\xFF\xFE", Wide::Utf16Le),
            (b"\xFE\xFF", Wide::Utf16Be),
        ];
        if let Some((_, wide)) = wide.iter().find(|(mark, _)| head.starts_with(mark)) {
            return Head::Marked(*wide);
        }
        let Some(nul_at) = memchr::memchr(0, head) else {
            return Head::Utf8 {
                invalid_at: invalid_utf8(head, complete),
            };
        };
        if let Some(wide) = unmarked(head) {
            return Head::Unmarked(wide);
        }
        // a stray NUL in text is read (in JSON it makes that one line `invalid_json`);
        // NULs with bytes that are not UTF-8, or a lot of them, are binary
        let invalid_at = invalid_utf8(head, complete);
        let nuls = memchr::memchr_iter(0, head).count();
        if invalid_at.is_some() || nuls * 8 >= head.len() {
            Head::Binary { nul_at }
        } else {
            Head::Utf8 { invalid_at }
        }
    }

    /// Why the input is not read, when it is not (one line, naming the encoding).
    pub fn refusal(self) -> Option<(&'static str, String)> {
        match self {
            Head::Utf8 { .. } | Head::Marked(_) => None,
            Head::Unmarked(wide) => Some((
                "unsupported_encoding",
                format!(
                    "looks like {} without a byte-order mark; not read (convert it: \
                     iconv -f {} -t UTF-8)",
                    wide.name(),
                    wide.name()
                ),
            )),
            Head::Binary { nul_at } => Some((
                "binary",
                format!("looks binary (NUL byte at offset {nul_at}); not read"),
            )),
        }
    }
}

/// Offset of the first byte of `bytes` that is not valid UTF-8; a character cut at the
/// end counts only when `complete`.
fn invalid_utf8(bytes: &[u8], complete: bool) -> Option<usize> {
    match std::str::from_utf8(bytes) {
        Ok(_) => None,
        Err(e) if e.error_len().is_none() && !complete => None,
        Err(e) => Some(e.valid_up_to()),
    }
}

/// UTF-32 or UTF-16 by where the NUL bytes are: in UTF-32 text the two high bytes of
/// nearly every unit are zero; in UTF-16 text the high byte of every Latin letter, digit,
/// space or punctuation mark is (a fifth of the units at least, in most scripts), the low
/// byte rarely, and a whole unit almost never.
fn unmarked(head: &[u8]) -> Option<Wide> {
    let units32: Vec<&[u8]> = head.chunks_exact(4).collect();
    if units32.len() >= 2 {
        let share = |f: &dyn Fn(&[u8]) -> bool| {
            units32.iter().filter(|u| f(u)).count() * 10 >= units32.len() * 9
        };
        if share(&|u| u[2] == 0 && u[3] == 0 && u[0] != 0) {
            return Some(Wide::Utf32Le);
        }
        if share(&|u| u[0] == 0 && u[1] == 0 && u[3] != 0) {
            return Some(Wide::Utf32Be);
        }
    }
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut le, mut be, mut nul) = (0usize, 0usize, 0usize);
    for pair in head.chunks_exact(2) {
        match (pair[0], pair[1]) {
            (0, 0) => nul += 1,
            (_, 0) => le += 1,
            (0, _) => be += 1,
            _ => {}
        }
    }
    // text holds (almost) no NUL characters; binary data holds runs of them
    if nul * 20 > pairs {
        return None;
    }
    if le * 5 >= pairs && be * 20 <= le {
        Some(Wide::Utf16Le)
    } else if be * 5 >= pairs && le * 20 <= be {
        Some(Wide::Utf16Be)
    } else {
        None
    }
}

/// The byte-order marks, longest first where one begins another.
const MARKS: [&[u8]; 5] = [
    b"\xEF\xBB\xBF",
    b"\xFF\xFE\0\0",
    b"\0\0\xFE\xFF",
    b"\xFF\xFE",
    b"\xFE\xFF",
];

/// Reads the first bytes of `reader` (up to [`HEAD_BYTES`]): all of them when `patient`,
/// else only until a read brought bytes that are not the beginning of a byte-order mark,
/// so that a live stream on stdin (a person typing, a `tail -f`) is not held back.
/// Returns the bytes and whether the input ended within them.
pub fn read_head<R: Read>(reader: &mut R, patient: bool) -> io::Result<(Vec<u8>, bool)> {
    let mut head = vec![0u8; HEAD_BYTES];
    let mut len = 0;
    loop {
        let n = match reader.read(&mut head[len..]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        len += n;
        let mark_begun = MARKS
            .iter()
            .any(|m| m.len() > len && m.starts_with(&head[..len]));
        if n == 0 || len == HEAD_BYTES || (!patient && !mark_begun) {
            head.truncate(len);
            return Ok((head, n == 0));
        }
    }
}

/// Decodes UTF-16 or UTF-32 from `inner` into UTF-8, as it streams. The byte-order mark
/// becomes U+FEFF (which the reader strips as it strips UTF-8's); an unpaired surrogate,
/// a code point out of range or a unit cut by the end of the input becomes U+FFFD.
pub struct Decoder<R> {
    inner: R,
    wide: Wide,
    /// Raw bytes read and not yet decoded (less than a unit after each fill).
    raw: Vec<u8>,
    /// Decoded UTF-8 not yet handed out, from `out_pos`.
    out: Vec<u8>,
    out_pos: usize,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
    eof: bool,
}

impl<R: Read> Decoder<R> {
    /// Decodes `inner`, which holds `wide` text (its byte-order mark included).
    pub fn new(inner: R, wide: Wide) -> Self {
        Decoder {
            inner,
            wide,
            raw: Vec::new(),
            out: Vec::new(),
            out_pos: 0,
            high: None,
            eof: false,
        }
    }

    fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.out
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Decodes the next chunk of `inner` into `out`.
    fn fill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.out_pos = 0;
        let start = self.raw.len();
        self.raw.resize(start + (1 << 15), 0);
        let n = loop {
            match self.inner.read(&mut self.raw[start..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.raw.truncate(start);
                    return Err(e);
                }
            }
        };
        self.raw.truncate(start + n);
        if n == 0 {
            self.eof = true;
            if self.high.take().is_some() || !self.raw.is_empty() {
                self.raw.clear();
                self.push(char::REPLACEMENT_CHARACTER);
            }
            return Ok(());
        }
        let unit = self.wide.unit();
        let whole = self.raw.len() / unit * unit;
        let raw = std::mem::take(&mut self.raw);
        for u in raw[..whole].chunks_exact(unit) {
            match self.wide {
                Wide::Utf16Le => self.unit16(u16::from_le_bytes([u[0], u[1]])),
                Wide::Utf16Be => self.unit16(u16::from_be_bytes([u[0], u[1]])),
                Wide::Utf32Le => self.unit32(u32::from_le_bytes([u[0], u[1], u[2], u[3]])),
                Wide::Utf32Be => self.unit32(u32::from_be_bytes([u[0], u[1], u[2], u[3]])),
            }
        }
        self.raw = raw;
        self.raw.drain(..whole);
        Ok(())
    }

    fn unit16(&mut self, u: u16) {
        match (self.high.take(), u) {
            (Some(h), 0xDC00..=0xDFFF) => {
                let c = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                self.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            (pending, 0xD800..=0xDBFF) => {
                if pending.is_some() {
                    self.push(char::REPLACEMENT_CHARACTER);
                }
                self.high = Some(u);
            }
            (pending, _) => {
                if pending.is_some() {
                    self.push(char::REPLACEMENT_CHARACTER);
                }
                let c = char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER);
                self.push(c);
            }
        }
    }

    fn unit32(&mut self, u: u32) {
        self.push(char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER));
    }
}

impl<R: Read> Read for Decoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_pos == self.out.len() {
            if self.eof {
                return Ok(0);
            }
            self.fill()?;
        }
        let n = buf.len().min(self.out.len() - self.out_pos);
        buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str, wide: Wide, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let chars = bom.then_some('\u{feff}').into_iter().chain(text.chars());
        for c in chars {
            match wide {
                Wide::Utf16Le | Wide::Utf16Be => {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        out.extend(if wide == Wide::Utf16Le {
                            u.to_le_bytes()
                        } else {
                            u.to_be_bytes()
                        });
                    }
                }
                Wide::Utf32Le => out.extend((c as u32).to_le_bytes()),
                Wide::Utf32Be => out.extend((c as u32).to_be_bytes()),
            }
        }
        out
    }

    /// Decodes through a reader that hands out `step` bytes at a time.
    fn decode(bytes: &[u8], wide: Wide, step: usize) -> String {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(self.1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut out = String::new();
        Decoder::new(Trickle(bytes, step), wide)
            .read_to_string(&mut out)
            .unwrap();
        out
    }

    const TEXT: &str = "Zoë said «bonjour» 😀 — 東京\r\nline two";

    #[test]
    fn every_wide_encoding_round_trips_whatever_the_chunking() {
        for wide in [Wide::Utf16Le, Wide::Utf16Be, Wide::Utf32Le, Wide::Utf32Be] {
            let bytes = encode(TEXT, wide, true);
            assert_eq!(Head::sniff(&bytes, true), Head::Marked(wide), "{wide:?}");
            for step in [1, 3, 7, 1 << 16] {
                assert_eq!(decode(&bytes, wide, step), format!("\u{feff}{TEXT}"));
            }
        }
    }

    #[test]
    fn broken_units_become_replacement_characters() {
        // a lone high surrogate, a lone low one, then half a unit at the end
        let bytes = [0x3D, 0xD8, 0x41, 0x00, 0x00, 0xDC, 0x42, 0x00, 0x43];
        assert_eq!(
            decode(&bytes, Wide::Utf16Le, 2),
            "\u{fffd}A\u{fffd}B\u{fffd}"
        );
        let out_of_range = 0x0011_0000u32.to_le_bytes();
        assert_eq!(decode(&out_of_range, Wide::Utf32Le, 4), "\u{fffd}");
    }

    #[test]
    fn unmarked_wide_text_and_binary_are_told_apart() {
        for wide in [Wide::Utf16Le, Wide::Utf16Be, Wide::Utf32Le, Wide::Utf32Be] {
            let bytes = encode("The minister said the talks would resume.", wide, false);
            assert_eq!(Head::sniff(&bytes, true), Head::Unmarked(wide), "{wide:?}");
            let (kind, message) = Head::Unmarked(wide).refusal().unwrap();
            assert_eq!(kind, "unsupported_encoding");
            assert!(message.contains(wide.name()), "{message}");
        }
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\xa0\x10\0\0";
        assert_eq!(Head::sniff(elf, true), Head::Binary { nul_at: 7 });
        assert_eq!(Head::Binary { nul_at: 7 }.refusal().unwrap().0, "binary");
        assert_eq!(Head::sniff(&[0u8; 64], true), Head::Binary { nul_at: 0 });
        let stray = b"{\"text\":\"one\"}\n{\"text\":\"raw\0nul\"}\n{\"text\":\"three\"}\n";
        assert_eq!(Head::sniff(stray, true), Head::Utf8 { invalid_at: None });
    }

    #[test]
    fn utf8_heads_report_the_first_invalid_byte_but_not_a_cut_character() {
        assert_eq!(
            Head::sniff("héllo".as_bytes(), true),
            Head::Utf8 { invalid_at: None }
        );
        assert_eq!(
            Head::sniff(b"\xEF\xBB\xBFab\xFFc", true),
            Head::Utf8 {
                invalid_at: Some(5)
            }
        );
        let cut = &"é".as_bytes()[..1];
        assert_eq!(Head::sniff(cut, false), Head::Utf8 { invalid_at: None });
        assert_eq!(
            Head::sniff(cut, true),
            Head::Utf8 {
                invalid_at: Some(0)
            }
        );
    }

    #[test]
    fn the_head_waits_for_a_mark_only_on_a_live_stream() {
        let data = vec![b'a'; HEAD_BYTES + 10];
        let (head, end) = read_head(&mut &data[..], true).unwrap();
        assert_eq!((head.len(), end), (HEAD_BYTES, false));
        let (head, end) = read_head(&mut &b"ab"[..], false).unwrap();
        assert_eq!((head, end), (b"ab".to_vec(), false));
        // `FF FE` may be UTF-16 LE's mark or the start of UTF-32 LE's: read on
        struct Chunks(Vec<&'static [u8]>);
        impl Read for Chunks {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let chunk = if self.0.is_empty() {
                    &[][..]
                } else {
                    self.0.remove(0)
                };
                buf[..chunk.len()].copy_from_slice(chunk);
                Ok(chunk.len())
            }
        }
        let mut live = Chunks(vec![b"\xFF\xFE", b"\0\0", b"more"]);
        let (head, _) = read_head(&mut live, false).unwrap();
        assert_eq!(head, b"\xFF\xFE\0\0");
    }
}
