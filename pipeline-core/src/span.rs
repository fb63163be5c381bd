//! Byte spans into a document's text and their conversion to character offsets.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of UTF-8 byte offsets into a document's text.
///
/// A `Span` made with [`Span::new`] is known to lie inside the text it was checked
/// against, with both ends on `char` boundaries, so slicing the text with it never panics.
///
/// ```
/// use pipeline_core::Span;
/// let text = "Zürich said";
/// let span = Span::new(text, 0, 7).unwrap();
/// assert_eq!(span.slice(text), "Zürich");
/// assert!(Span::new(text, 0, 2).is_err()); // inside 'ü'
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

/// Why a span does not fit a text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SpanError {
    /// `start` is after `end`.
    #[error("span {start}..{end} is reversed")]
    Reversed {
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
    },
    /// The span ends past the end of the text.
    #[error("span {start}..{end} ends past the text ({len} bytes)")]
    OutOfBounds {
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
        /// Text length in bytes.
        len: usize,
    },
    /// One end of the span falls inside a multi-byte character.
    #[error("span {start}..{end}: offset {offset} is not on a character boundary")]
    NotCharBoundary {
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
        /// The offending offset.
        offset: usize,
    },
}

impl Span {
    /// Checks `start..end` against `text` and returns the span.
    pub fn new(text: &str, start: usize, end: usize) -> Result<Span, SpanError> {
        let span = Span { start, end };
        span.check(text)?;
        Ok(span)
    }

    /// Builds a span without checking it; [`Span::check`] or a layer setter validates later.
    ///
    /// ```
    /// use pipeline_core::Span;
    /// assert_eq!(Span::unchecked(2, 5).len(), 3);
    /// ```
    pub const fn unchecked(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Verifies that the span lies inside `text` on character boundaries.
    pub fn check(&self, text: &str) -> Result<(), SpanError> {
        let (start, end) = (self.start, self.end);
        if start > end {
            return Err(SpanError::Reversed { start, end });
        }
        if end > text.len() {
            return Err(SpanError::OutOfBounds {
                start,
                end,
                len: text.len(),
            });
        }
        for offset in [start, end] {
            if !text.is_char_boundary(offset) {
                return Err(SpanError::NotCharBoundary { start, end, offset });
            }
        }
        Ok(())
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers. Returns `""` when the span does not fit `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the two spans share at least one byte.
    ///
    /// ```
    /// use pipeline_core::Span;
    /// assert!(Span::unchecked(0, 4).overlaps(&Span::unchecked(3, 6)));
    /// assert!(!Span::unchecked(0, 3).overlaps(&Span::unchecked(3, 6)));
    /// ```
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The unit of offsets in serialised output and in input hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 byte offsets (the internal unit).
    #[default]
    Bytes,
    /// Unicode code-point offsets, as Python's `str` indexes.
    Chars,
}

/// Converts between byte and character offsets of one text.
///
/// ASCII texts convert for free; other texts pay one pass to index their character
/// boundaries, then a binary search per offset.
///
/// ```
/// use pipeline_core::OffsetMap;
/// let map = OffsetMap::new("né à Paris");
/// assert_eq!(map.to_char(3), 2);       // byte 3 is the space after "né"
/// assert_eq!(map.to_byte(2), Some(3));
/// ```
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Byte offset of every character start, plus the text length; empty for ASCII.
    starts: Vec<usize>,
    len: usize,
}

impl OffsetMap {
    /// Indexes `text`.
    pub fn new(text: &str) -> OffsetMap {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect()
        };
        OffsetMap {
            starts,
            len: text.len(),
        }
    }

    /// The character offset of byte offset `byte` (which should be a char boundary; an
    /// offset inside a character maps to that character).
    pub fn to_char(&self, byte: usize) -> usize {
        if self.starts.is_empty() {
            return byte.min(self.len);
        }
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of character offset `ch`, or `None` past the end of the text.
    pub fn to_byte(&self, ch: usize) -> Option<usize> {
        if self.starts.is_empty() {
            return (ch <= self.len).then_some(ch);
        }
        self.starts.get(ch).copied()
    }

    /// Converts a span to `unit`.
    pub fn convert(&self, span: Span, unit: OffsetUnit) -> (usize, usize) {
        match unit {
            OffsetUnit::Bytes => (span.start, span.end),
            OffsetUnit::Chars => (self.to_char(span.start), self.to_char(span.end)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rejects_bad_spans() {
        let t = "añb";
        assert!(matches!(
            Span::new(t, 2, 1),
            Err(SpanError::Reversed { .. })
        ));
        assert!(matches!(
            Span::new(t, 0, 9),
            Err(SpanError::OutOfBounds { .. })
        ));
        assert!(matches!(
            Span::new(t, 2, 3),
            Err(SpanError::NotCharBoundary { offset: 2, .. })
        ));
        assert_eq!(Span::new(t, 1, 3).map(|s| s.slice(t)), Ok("ñ"));
    }

    #[test]
    fn offsets_round_trip_on_mixed_scripts() {
        let t = "Islamabad — «Москва» 東京 😀!";
        let map = OffsetMap::new(t);
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            assert_eq!(map.to_char(bi), ci);
            assert_eq!(map.to_byte(ci), Some(bi));
        }
        assert_eq!(map.to_char(t.len()), t.chars().count());
    }

    proptest! {
        #[test]
        fn char_offsets_match_python_indexing(s in "\\PC{0,40}") {
            let map = OffsetMap::new(&s);
            for (ci, (bi, _)) in s.char_indices().enumerate() {
                prop_assert_eq!(map.to_char(bi), ci);
                prop_assert_eq!(map.to_byte(ci), Some(bi));
            }
        }
    }
}
