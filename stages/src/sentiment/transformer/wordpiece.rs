//! BERT uncased wordpieces of a sentence, with byte offsets into it, and the model input
//! for one target: `[CLS] left [unused0] target [unused1] right [SEP]`.
//!
//! The tokenizer is the base model's own (`tokenizer.json`, BERT basic + wordpiece,
//! lowercasing and accent stripping) run by the `tokenizers` crate without its C regex
//! backend, so training (`train.py`, the same library through Python) and inference
//! see the same ids. Offsets are byte ranges of the input, on character boundaries.

use tokenizers::Tokenizer;

/// Id of `[CLS]`.
pub(crate) const CLS: u32 = 101;
/// Id of `[SEP]`.
pub(crate) const SEP: u32 = 102;
/// Id of `[unused0]`, the marker before the target.
pub(crate) const OPEN: u32 = 1;
/// Id of `[unused1]`, the marker after the target.
pub(crate) const CLOSE: u32 = 2;
/// Longest model input in wordpieces, markers and `[CLS]`/`[SEP]` included
/// (`MAX_LEN` of `train.py`).
pub(crate) const MAX_LEN: usize = 128;

/// The base model's wordpiece tokenizer, without padding or truncation.
pub(crate) struct Wordpieces {
    tokenizer: Tokenizer,
}

/// A text's wordpieces: ids and byte ranges in the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Pieces {
    /// Vocabulary ids.
    pub(crate) ids: Vec<u32>,
    /// Half-open byte range of each piece in the text.
    pub(crate) offsets: Vec<(usize, usize)>,
}

/// One target's model input.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Marked {
    /// `[CLS] … [unused0] … [unused1] … [SEP]`.
    pub(crate) ids: Vec<u32>,
    /// Position of `[unused0]`.
    pub(crate) open: usize,
    /// Position of `[unused1]`.
    pub(crate) close: usize,
}

impl Wordpieces {
    /// Parses a `tokenizer.json`.
    pub(crate) fn from_json(bytes: &[u8]) -> Result<Wordpieces, String> {
        let mut tokenizer = Tokenizer::from_bytes(bytes).map_err(|e| e.to_string())?;
        tokenizer.with_padding(None);
        tokenizer.with_truncation(None).map_err(|e| e.to_string())?;
        Ok(Wordpieces { tokenizer })
    }

    /// The wordpieces of `text` (no special tokens).
    pub(crate) fn encode(&self, text: &str) -> Result<Pieces, String> {
        let enc = self
            .tokenizer
            .encode(text, false)
            .map_err(|e| e.to_string())?;
        Ok(Pieces {
            ids: enc.get_ids().to_vec(),
            offsets: enc.get_offsets().to_vec(),
        })
    }
}

/// The model input for the target at bytes `start..end` of the text `pieces` come from:
/// the markers go around the pieces that overlap the target (around the gap where it
/// would be when none does); a window of at most [`MAX_LEN`] pieces centred on the
/// target when the text is longer. Mirrors `encode` in `train.py`.
pub(crate) fn mark(pieces: &Pieces, start: usize, end: usize) -> Marked {
    let offs = &pieces.offsets;
    let overlaps = |&(s, e): &(usize, usize)| s < end && e > start;
    let (mut lo_in, mut hi_in) = match (
        offs.iter().position(overlaps),
        offs.iter().rposition(overlaps),
    ) {
        (Some(a), Some(b)) => (a, b + 1),
        _ => {
            let gap = offs.iter().filter(|o| o.0 < start).count();
            (gap, gap)
        }
    };
    let room = MAX_LEN - 4;
    let (mut lo, mut hi) = (0, offs.len());
    if hi > room {
        let span = hi_in - lo_in;
        lo = lo_in.saturating_sub(room.saturating_sub(span) / 2);
        hi = (lo + room).min(offs.len());
        lo = hi.saturating_sub(room);
        hi_in = hi_in.min(hi);
        lo_in = lo_in.min(hi_in);
    }
    let ids = &pieces.ids;
    let mut out = Vec::with_capacity(hi - lo + 4);
    out.push(CLS);
    out.extend_from_slice(&ids[lo..lo_in]);
    out.push(OPEN);
    out.extend_from_slice(&ids[lo_in..hi_in]);
    out.push(CLOSE);
    out.extend_from_slice(&ids[hi_in..hi]);
    out.push(SEP);
    let open = 1 + lo_in - lo;
    Marked {
        ids: out,
        open,
        close: open + 1 + hi_in - lo_in,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::sentiment::transformer::TOKENIZER_JSON;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn wp() -> &'static Wordpieces {
        static W: OnceLock<Wordpieces> = OnceLock::new();
        W.get_or_init(|| Wordpieces::from_json(TOKENIZER_JSON).unwrap())
    }

    fn pieces_of(text: &str) -> Vec<(String, &str)> {
        let p = wp().encode(text).unwrap();
        p.ids
            .iter()
            .zip(&p.offsets)
            .map(|(&id, &(s, e))| (wp().tokenizer.id_to_token(id).unwrap(), &text[s..e]))
            .collect()
    }

    #[test]
    fn pieces_map_back_to_the_text_exactly() {
        let text = "Zoë’s “unbelievable” résumé: Okafor-Smith didn't call.";
        let got = pieces_of(text);
        let want = [
            ("zoe", "Zoë"),
            ("’", "’"),
            ("s", "s"),
            ("“", "“"),
            ("unbelievable", "unbelievable"),
            ("”", "”"),
            ("resume", "résumé"),
            (":", ":"),
            ("ok", "Ok"),
            ("##af", "af"),
            ("##or", "or"),
            ("-", "-"),
            ("smith", "Smith"),
            ("didn", "didn"),
            ("'", "'"),
            ("t", "t"),
            ("call", "call"),
            (".", "."),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), *b)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn pieces_inside_one_character_share_its_range() {
        let got = pieces_of("겜A");
        let slices: Vec<&str> = got.iter().map(|x| x.1).collect();
        assert!(
            slices.len() >= 2 && slices[..slices.len() - 1].iter().all(|&x| x == "겜"),
            "{got:?}"
        );
        assert_eq!(slices.last(), Some(&"A"));
    }

    #[test]
    fn cjk_and_control_characters_keep_their_offsets() {
        let text = "東京\u{200b}\u{7} and\tMoscow";
        let got = pieces_of(text);
        let slices: Vec<&str> = got.iter().map(|x| x.1).collect();
        assert_eq!(slices, ["東", "京", "and", "Moscow"]);
    }

    #[test]
    fn markers_surround_the_target_pieces() {
        let text = "Critics slammed Haldane-Moreau for it.";
        let p = wp().encode(text).unwrap();
        let s = text.find("Haldane").unwrap();
        let m = mark(&p, s, s + "Haldane-Moreau".len());
        assert_eq!(m.ids[0], CLS);
        assert_eq!(*m.ids.last().unwrap(), SEP);
        assert_eq!(m.ids[m.open], OPEN);
        assert_eq!(m.ids[m.close], CLOSE);
        let inside: Vec<String> = m.ids[m.open + 1..m.close]
            .iter()
            .map(|&i| wp().tokenizer.id_to_token(i).unwrap().replace("##", ""))
            .collect();
        assert_eq!(inside.concat(), "haldane-moreau");
        assert_eq!(m.ids.len(), p.ids.len() + 4);
    }

    #[test]
    fn a_target_between_pieces_gets_empty_markers() {
        let text = "Voters  trusted him.";
        let p = wp().encode(text).unwrap();
        let m = mark(&p, 7, 7);
        assert_eq!(m.close, m.open + 1);
        assert_eq!(m.open, 2, "after `voters`");
    }

    #[test]
    fn long_text_is_windowed_around_the_target() {
        let text = "word ".repeat(300) + "Haldane " + &"word ".repeat(300);
        let p = wp().encode(&text).unwrap();
        let s = text.find("Haldane").unwrap();
        let m = mark(&p, s, s + 7);
        assert_eq!(m.ids.len(), MAX_LEN);
        assert!((m.open as i64 - 62).abs() <= 2, "{}", m.open);
        let end = mark(&p, text.len() - 4, text.len());
        assert_eq!(end.ids.len(), MAX_LEN);
        assert_eq!(end.close, MAX_LEN - 2);
    }

    proptest! {
        #[test]
        fn offsets_are_ordered_char_boundaries(s in "\\PC{0,60}", a in 0usize..80, b in 0usize..80) {
            let p = wp().encode(&s).unwrap();
            prop_assert_eq!(p.ids.len(), p.offsets.len());
            // pieces of one character (a Hangul syllable decomposes into jamo) share its range
            let mut last = (0, 0);
            for &(x, y) in &p.offsets {
                prop_assert!(x < y && y <= s.len(), "{:?} in {:?}", (x, y), s);
                prop_assert!(x >= last.0 && y >= last.1 && (x >= last.1 || (x, y) == last), "{:?} after {:?} in {:?}", (x, y), last, s);
                prop_assert!(s.is_char_boundary(x) && s.is_char_boundary(y));
                prop_assert!(!s[x..y].trim().is_empty());
                last = (x, y);
            }
            let (a, b) = (a.min(b).min(s.len()), a.max(b).min(s.len()));
            let m = mark(&p, a, b);
            prop_assert!(m.ids.len() <= MAX_LEN);
            prop_assert!(m.open < m.close && m.close < m.ids.len() - 1);
            prop_assert_eq!(m.ids[m.open], OPEN);
            prop_assert_eq!(m.ids[m.close], CLOSE);
        }
    }
}
