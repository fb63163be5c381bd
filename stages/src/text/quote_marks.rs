//! Quotation marks: every style the tokenizer splits off, the marks the `quotes` stage
//! pairs, and their pairing table (`quotes/data/marks.txt`).

use std::collections::HashMap;

use super::data_lines;

/// The pairing table of the `quotes` stage: `double: open closer…` / `single: open
/// closer…` per line.
const MARKS: &str = include_str!("../quotes/data/marks.txt");

/// Quote marks of every style (straight, curly, low-9, guillemets, CJK corner brackets,
/// fullwidth, backtick); the tokenizer makes each a token of its own.
///
/// ```
/// use stages::text::is_quote_mark;
/// assert!(is_quote_mark('“') && is_quote_mark('`') && is_quote_mark('「'));
/// assert!(!is_quote_mark('('));
/// ```
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '〝'
            | '〞'
            | '〟'
            | '＂'
            | '＇'
    )
}

/// The marks that open or close a quotation in the pairing table ([`quote_pairs`]): a
/// subset of [`is_quote_mark`].
///
/// ```
/// use stages::text::is_paired_quote_mark;
/// assert!(is_paired_quote_mark('„') && is_paired_quote_mark('\''));
/// assert!(!is_paired_quote_mark('`'));
/// ```
pub fn is_paired_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '‚'
            | '‹'
            | '›'
            | '‟'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

/// The quotation marks' pairing table: each opening mark → (a double mark, the marks
/// that may close it), from `quotes/data/marks.txt`.
///
/// ```
/// let pairs = stages::text::quote_pairs();
/// assert_eq!(pairs[&'„'], (true, vec!['“', '”', '"']));
/// ```
pub fn quote_pairs() -> HashMap<char, (bool, Vec<char>)> {
    let mut marks: HashMap<char, (bool, Vec<char>)> = HashMap::new();
    for line in data_lines(MARKS) {
        let Some((kind, chars)) = line.trim().split_once(':') else {
            continue;
        };
        let mut it = chars.split_whitespace().filter_map(|w| w.chars().next());
        if let Some(open) = it.next() {
            marks
                .entry(open)
                .or_insert((kind.trim() == "double", Vec::new()))
                .1
                .extend(it);
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paired_marks_are_exactly_the_marks_of_the_table() {
        let mut table: Vec<char> = quote_pairs()
            .into_iter()
            .flat_map(|(open, (_, closers))| std::iter::once(open).chain(closers))
            .collect();
        table.sort_unstable();
        table.dedup();
        let every: Vec<char> = ('\0'..='\u{FFFF}')
            .filter(|&c| is_paired_quote_mark(c))
            .collect();
        assert_eq!(every, table);
    }

    #[test]
    fn paired_marks_are_quote_marks() {
        for c in '\0'..='\u{FFFF}' {
            assert!(!is_paired_quote_mark(c) || is_quote_mark(c), "{c}");
        }
    }

    #[test]
    fn straight_marks_pair_with_themselves() {
        let pairs = quote_pairs();
        assert!(pairs[&'"'].0 && pairs[&'"'].1.contains(&'"'));
        assert!(!pairs[&'\''].0 && pairs[&'\''].1.contains(&'\''));
    }
}
