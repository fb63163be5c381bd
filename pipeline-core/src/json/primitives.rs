//! The few JSON primitives the hand-written part of the writer needs, byte for byte what
//! serde_json writes, and [`Seq`], which serialises a slice through a per-item view.

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

/// Writes `,"key":`.
pub(super) fn key(out: &mut Vec<u8>, key: &str) {
    out.push(b',');
    write_str(out, key);
    out.push(b':');
}

/// Writes a non-negative integer. Below 10^8 (every offset of a document under the
/// CLI's 16 MiB limit), its digits are made at once in one `u64` ([`decimal`]) and written
/// as one fixed-size piece: no `itoa` buffer and no `memcpy` call for a few bytes.
#[inline]
pub(super) fn write_uint(out: &mut Vec<u8>, n: usize) {
    match decimal(n) {
        Some((digits, len)) => put(out, &digits, len),
        None => {
            let mut buf = itoa::Buffer::new();
            out.extend_from_slice(buf.format(n).as_bytes());
        }
    }
}

/// The decimal digits of `n` below 10^8 as ASCII, first digit first, and how many there
/// are; `None` from 10^8 on.
#[inline(always)]
pub(super) fn decimal(n: usize) -> Option<([u8; 8], usize)> {
    let small = u32::try_from(n).ok().filter(|&n| n < 100_000_000)?;
    let digits = eight_digits(small);
    // leading zero digits are the low zero bytes (the first digit is byte 0)
    let zeros = (digits.trailing_zeros() / 8).min(7) as usize;
    let ascii = (digits + 0x3030_3030_3030_3030) >> (8 * zeros);
    Some((ascii.to_le_bytes(), 8 - zeros))
}

/// The eight decimal digits of `n` (below 10^8, zero-padded), one per byte, the most
/// significant in the lowest byte, as values 0–9 (not yet ASCII). Two halves of four
/// digits, then pairs, then single digits, each split by a multiply and a shift in every
/// lane at once (P. Khuong's method; exact for these ranges, checked against `itoa`).
fn eight_digits(n: u32) -> u64 {
    let merged = u64::from(n / 10_000) | (u64::from(n % 10_000) << 32);
    let top = ((merged * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let bottom = merged - 100 * top;
    let hundreds = (bottom << 16) + top;
    let mut tens = ((hundreds * 103) >> 10) & 0x000f_000f_000f_000f;
    tens += (hundreds - 10 * tens) << 8;
    tens
}

/// Non-decreasing integers as decimal digits, each made from the last: the digits of the
/// last are kept, one per byte, and the difference is added in every byte lane at once,
/// a carry running from lane to lane (a few instructions where [`decimal`] takes some
/// thirty). The offsets of a document's tokens grow by a few bytes at a time.
#[derive(Default)]
pub(super) struct Digits {
    last: usize,
    /// The digits of `last` (below 10^8) as values 0–9, the last digit in the lowest byte.
    digits: u64,
}

/// The differences added in place: `d` as two digit lanes, ones in the lowest byte.
static STEPS: [u64; 100] = {
    let mut steps = [0; 100];
    let mut d = 0;
    while d < 100 {
        steps[d] = ((d as u64 / 10) << 8) | (d as u64 % 10);
        d += 1;
    }
    steps
};

impl Digits {
    /// [`decimal`] of `n`, made from the last number's digits when `n` is a little above it.
    #[inline(always)]
    pub(super) fn of(&mut self, n: usize) -> Option<([u8; 8], usize)> {
        const ONES: u64 = u64::from_le_bytes([1; 8]);
        let step = n.wrapping_sub(self.last);
        let digits = if step < STEPS.len() && n < 100_000_000 {
            // 0xf6 + a lane of 10 or more carries into the next lane and leaves the lane's
            // digit; a lane below 10 keeps 0xf6 added (its high bit set): taken off again.
            // No carry leaves the top lane: `n` has at most eight digits.
            let sum = self
                .digits
                .wrapping_add(STEPS[step])
                .wrapping_add(ONES * 0xf6);
            sum - ((sum >> 7) & ONES) * 0xf6
        } else {
            let small = u32::try_from(n).ok().filter(|&n| n < 100_000_000)?;
            eight_digits(small).swap_bytes()
        };
        self.last = n;
        self.digits = digits;
        let zeros = (digits.leading_zeros() / 8).min(7) as usize;
        let ascii = (digits + 0x3030_3030_3030_3030).swap_bytes() >> (8 * zeros);
        Some((ascii.to_le_bytes(), 8 - zeros))
    }
}

/// The first `len` bytes of `chunk` (`len <= 16`), the others zero.
#[inline]
pub(super) fn first_bytes(chunk: &[u8; 16], len: usize) -> [u8; 16] {
    let [a, b, c, d, e, f, g, h, rest @ ..] = *chunk;
    let (keep_lo, keep_hi) = KEEP[len.min(16)];
    let lo = u64::from_le_bytes([a, b, c, d, e, f, g, h]) & keep_lo;
    let hi = u64::from_le_bytes(rest) & keep_hi;
    (u128::from(lo) | (u128::from(hi) << 64)).to_le_bytes()
}

/// Appends the first `len` bytes of `piece` (`len <= N`): the whole fixed-size piece is
/// copied (a few moves, no `memcpy` call) and the rest cut off again.
#[inline]
pub(super) fn put<const N: usize>(out: &mut Vec<u8>, piece: &[u8; N], len: usize) {
    let end = out.len() + len.min(N);
    out.extend_from_slice(piece);
    out.truncate(end);
}

/// A string of at most 16 bytes as a 16-byte piece, the bytes after it zero; `None` for a
/// longer one. Read with two overlapping loads, without a `memcpy` call.
#[inline]
pub(super) fn load16(s: &[u8]) -> Option<[u8; 16]> {
    let n = s.len();
    let mut buf = [0u8; 16];
    if n > 16 {
        return None;
    }
    if n >= 8 {
        buf[..8].copy_from_slice(&s[..8]);
        buf[n - 8..n].copy_from_slice(&s[n - 8..]);
    } else if n >= 4 {
        buf[..4].copy_from_slice(&s[..4]);
        buf[n - 4..n].copy_from_slice(&s[n - 4..]);
    } else if n > 0 {
        buf[0] = s[0];
        buf[n / 2] = s[n / 2];
        buf[n - 1] = s[n - 1];
    }
    Some(buf)
}

/// The 16 bytes of `text` from `start` when they lie in it and the first `len` of them
/// (`len <= 16`) need no escape: a short word read in place, for [`put`].
#[inline]
pub(super) fn window_clean(text: &[u8], start: usize, len: usize) -> Option<[u8; 16]> {
    let end = start.checked_add(16)?;
    let window: [u8; 16] = text.get(start..end)?.try_into().ok()?;
    (len <= 16 && !escape_in(&window, len)).then_some(window)
}

/// Whether one of the first `len` bytes of `chunk` (`len <= 16`) needs an escape. The
/// word test below can flag a byte wrongly only above a byte rightly flagged, so cutting
/// its flags to the first `len` bytes is exact.
#[inline]
pub(super) fn escape_in(chunk: &[u8; 16], len: usize) -> bool {
    let [a, b, c, d, e, f, g, h, rest @ ..] = *chunk;
    let lo = escape_flags(u64::from_le_bytes([a, b, c, d, e, f, g, h]));
    let hi = escape_flags(u64::from_le_bytes(rest));
    let (keep_lo, keep_hi) = KEEP[len.min(16)];
    (lo & keep_lo) | (hi & keep_hi) != 0
}

/// For `len` in 0..=16: the masks of the first `len` bytes of a 16-byte chunk, as its
/// low and high words.
static KEEP: [(u64, u64); 17] = {
    let mut masks = [(0, 0); 17];
    let mut len = 1;
    while len <= 16 {
        masks[len] = if len <= 8 {
            (u64::MAX >> (64 - 8 * len), 0)
        } else {
            (u64::MAX, u64::MAX >> (64 - 8 * (len - 8)))
        };
        len += 1;
    }
    masks
};

/// The high bit of every byte of `x` that may need an escape (the lowest one set is exact).
#[inline]
fn escape_flags(x: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    below(x, 0x20)
        | below(x ^ (ONES * u64::from(b'"')), 1)
        | below(x ^ (ONES * u64::from(b'\\')), 1)
}

/// Writes a string, quoted and escaped as serde_json does (`\"`, `\\`, short escapes for
/// `\b \f \n \r \t`, `\u00XX` for other control characters).
pub(super) fn write_str(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    write_str_body(out, s);
    out.push(b'"');
}

/// Writes the inside of a JSON string: `s` escaped, without the quotes. Most strings need
/// no escape at all: they are found so eight bytes at a time and copied in one piece.
pub(super) fn write_str_body(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let Some(first) = first_escaped(bytes) else {
        out.extend_from_slice(bytes);
        return;
    };
    out.extend_from_slice(&bytes[..first]);
    let mut from = first;
    for (i, &b) in bytes.iter().enumerate().skip(first) {
        if !is_escaped(b) {
            continue;
        }
        out.extend_from_slice(&bytes[from..i]);
        from = i + 1;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
    }
    out.extend_from_slice(&bytes[from..]);
}

/// Whether JSON needs `b` escaped inside a string.
fn is_escaped(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The index of the first byte of `bytes` that needs an escape. Whole words of eight
/// bytes are tested at once (exact for the word: the classic "has a byte less than n"
/// test, for 0x20 and for the bytes that equal `"` or `\`).
fn first_escaped(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH != 0;
    let mut clean = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(word);
        if below(x, 0x20)
            || below(x ^ (ONES * u64::from(b'"')), 1)
            || below(x ^ (ONES * u64::from(b'\\')), 1)
        {
            break;
        }
        clean += 8;
    }
    bytes[clean..]
        .iter()
        .position(|&b| is_escaped(b))
        .map(|i| clean + i)
}

/// Serialises a slice through a per-item view without collecting it.
pub(super) struct Seq<'a, T, F>(pub(super) &'a [T], pub(super) F);

impl<'s, T, F, O> Serialize for Seq<'s, T, F>
where
    F: Fn(&'s T) -> O,
    O: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&(self.1)(item))?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn hand_written_strings_are_what_serde_json_writes(s in "\\PC*|[\\x00-\\x7f]{0,40}") {
            let mut out = Vec::new();
            write_str(&mut out, &s);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }
    }

    proptest::proptest! {
        #[test]
        fn escapes_anywhere_in_long_strings_are_found(
            s in "[a-z]{0,20}",
            c in proptest::sample::select(vec!['"', '\\', '\n', '\u{1}', '\u{1f}', ' ', '~', '\u{7f}', 'é']),
            t in "[A-Z]{0,20}",
        ) {
            let s = format!("{s}{c}{t}");
            let mut out = Vec::new();
            write_str(&mut out, &s);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }
    }

    proptest::proptest! {
        /// Numbers made from the last one's digits are the numbers, whatever the steps.
        #[test]
        fn digits_made_from_the_last_are_the_numbers(
            start in proptest::prop_oneof![0usize..1000, 0usize..200_000_000],
            steps in proptest::collection::vec(proptest::prop_oneof![0usize..3, 0usize..120, 0usize..100_000_000], 0..60),
        ) {
            let mut digits = Digits::default();
            let mut n = start;
            for step in std::iter::once(0).chain(steps) {
                n += step;
                let made = digits.of(n).map(|(d, len)| d[..len].to_vec());
                let expected = decimal(n).map(|(d, len)| d[..len].to_vec());
                proptest::prop_assert_eq!(&made, &expected);
                if n < 100_000_000 {
                    proptest::prop_assert_eq!(made.unwrap(), n.to_string().into_bytes());
                }
            }
        }

        #[test]
        fn first_bytes_keep_the_first_bytes(chunk in proptest::array::uniform16(0u8..), len in 0usize..=16) {
            let kept = first_bytes(&chunk, len);
            proptest::prop_assert_eq!(&kept[..len], &chunk[..len]);
            proptest::prop_assert!(kept[len..].iter().all(|&b| b == 0));
        }
    }

    proptest::proptest! {
        #[test]
        fn numbers_are_what_itoa_writes(n in proptest::prop_oneof![0usize..1000, 0usize..200_000_000, proptest::num::usize::ANY]) {
            let mut out = b"x".to_vec();
            write_uint(&mut out, n);
            let mut buf = itoa::Buffer::new();
            proptest::prop_assert_eq!(&out[1..], buf.format(n).as_bytes());
        }

        #[test]
        fn short_pieces_are_the_strings(s in "\\PC{0,12}|[ -~]{0,20}|[\\x00-\\x7f]{0,17}") {
            let bytes = s.as_bytes();
            let mut escaped = Vec::new();
            write_str_body(&mut escaped, &s);
            match load16(bytes).filter(|p| !escape_in(p, bytes.len())) {
                Some(piece) => {
                    proptest::prop_assert_eq!(escaped.as_slice(), bytes);
                    let mut out = b"x".to_vec();
                    put(&mut out, &piece, bytes.len());
                    proptest::prop_assert_eq!(&out[1..], bytes);
                }
                None => proptest::prop_assert!(bytes.len() > 16 || escaped.as_slice() != bytes),
            }
            // the same word read in place from a longer text
            let text = format!("{s}\"\\ padding of sixteen");
            for len in 0..=bytes.len().min(16) {
                let clean = !bytes[..len].iter().any(|&b| is_escaped(b));
                let window = window_clean(text.as_bytes(), 0, len);
                proptest::prop_assert_eq!(window.is_some(), clean);
                if let Some(w) = window {
                    proptest::prop_assert_eq!(&w[..len], &bytes[..len]);
                }
            }
        }
    }

    #[test]
    fn every_eight_digit_boundary() {
        for n in [
            0,
            1,
            9,
            10,
            99,
            100,
            999,
            1000,
            9999,
            10_000,
            99_999,
            100_000,
            1_000_000,
            9_999_999,
            10_000_000,
            99_999_999,
            100_000_000,
            123_456_789,
            usize::MAX,
        ] {
            let mut out = Vec::new();
            write_uint(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }

    #[test]
    fn keys_and_numbers() {
        let mut out = Vec::new();
        key(&mut out, "a\"b");
        write_uint(&mut out, 1234);
        assert_eq!(out, b",\"a\\\"b\":1234");
    }
}
