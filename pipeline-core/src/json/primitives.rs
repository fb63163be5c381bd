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

/// Writes a non-negative integer.
pub(super) fn write_uint(out: &mut Vec<u8>, n: usize) {
    let mut buf = itoa::Buffer::new();
    out.extend_from_slice(buf.format(n).as_bytes());
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

    #[test]
    fn keys_and_numbers() {
        let mut out = Vec::new();
        key(&mut out, "a\"b");
        write_uint(&mut out, 1234);
        assert_eq!(out, b",\"a\\\"b\":1234");
    }
}
