//! Lowercasing words and cutting text on character boundaries.

/// Writes `word` lowercased into `out` (cleared first): an ASCII fast path, else the full
/// Unicode mapping. Shared by the stages that look words up in lowercase.
///
/// ```
/// let mut out = String::new();
/// stages::text::lowercase_into(&mut out, "ÉTAT Zürich");
/// assert_eq!(out, "état zürich");
/// ```
#[inline]
pub fn lowercase_into(out: &mut String, word: &str) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character
/// boundary.
///
/// ```
/// assert_eq!(stages::text::prefix("héllo", 2), "h");
/// assert_eq!(stages::text::prefix("héllo", 100), "héllo");
/// ```
pub fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_stays_on_char_boundary() {
        let t = "ééééé";
        assert_eq!(prefix(t, 3), "é");
        assert_eq!(prefix(t, 4), "éé");
        assert_eq!(prefix(t, 100), t);
        assert_eq!(prefix("", 0), "");
    }

    #[test]
    fn lowercase_handles_ascii_and_unicode() {
        let mut out = String::from("left over");
        lowercase_into(&mut out, "Said");
        assert_eq!(out, "said");
        lowercase_into(&mut out, "İSTANBUL");
        assert_eq!(out, "i̇stanbul");
    }
}
