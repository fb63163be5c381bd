//! The one parser of the word-list and gazetteer data files under `stages/src/`.
//!
//! A data file is read line by line: blank lines and comment lines are skipped, every
//! other line is content, returned whole (without its line break). The comment rule is
//! the same for every file: **a line whose first non-blank character is `#` is a
//! comment; a `#` anywhere else is content** (the model file has features such as
//! `B|at #` and `L3|#`). No data file puts a comment after content on the same line.
//!
//! Lines are returned untrimmed (a trailing tab is an empty last column of a
//! tab-separated file); callers that read one entry a line trim them
//! ([`entries`]).

/// The content lines of a data file: not blank and not a comment (first non-blank
/// character `#`), without the line break (`\n`, `\r\n`, and any further `\r`).
/// Lines are split with `memchr`, so even the large model file parses quickly.
///
/// ```
/// use stages::text::data_lines;
/// let src = "# comment\n\nS|a\t1\r\n  # indented comment\nB|at #\t2\n";
/// assert_eq!(data_lines(src).collect::<Vec<_>>(), ["S|a\t1", "B|at #\t2"]);
/// ```
pub fn data_lines(src: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < src.len() {
            let end = memchr::memchr(b'\n', &src.as_bytes()[at..]).map_or(src.len(), |i| at + i);
            let line = src.get(at..end).unwrap_or("").trim_end_matches('\r');
            at = end + 1;
            if !is_skipped(line) {
                return Some(line);
            }
        }
        None
    })
}

/// The content lines of a one-entry-a-line file, trimmed: [`data_lines`] with the
/// surrounding whitespace removed.
///
/// ```
/// use stages::text::entries;
/// assert_eq!(entries("# words\n  Mr. \nDr.\n").collect::<Vec<_>>(), ["Mr.", "Dr."]);
/// ```
pub fn entries(src: &str) -> impl Iterator<Item = &str> {
    data_lines(src).map(str::trim)
}

/// The lines `class: word word …` of a word-class file (`sentiment/data/words.txt`,
/// `quotes/data/en.txt`): each class name, trimmed, with its words; content lines
/// without a `:` are skipped.
///
/// ```
/// use stages::text::class_lines;
/// let src = "# classes\nstop: the a\nnot a class line\n conn : bin  ibn\n";
/// let got: Vec<(&str, Vec<&str>)> =
///     class_lines(src).map(|(c, words)| (c, words.collect())).collect();
/// assert_eq!(got, [("stop", vec!["the", "a"]), ("conn", vec!["bin", "ibn"])]);
/// ```
pub fn class_lines(src: &str) -> impl Iterator<Item = (&str, std::str::SplitWhitespace<'_>)> {
    data_lines(src).filter_map(|line| {
        let (class, words) = line.split_once(':')?;
        Some((class.trim(), words.split_whitespace()))
    })
}

/// A blank line or a comment line.
fn is_skipped(line: &str) -> bool {
    let content = line.trim_start();
    content.is_empty() || content.starts_with('#')
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The rule the tokenizer's and the quotes stage's lists were read with: everything
    /// from the first `#` is a comment, the rest trimmed.
    fn strip_inline_comments(src: &str) -> Vec<&str> {
        src.lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// The rule the sentiment stage's files were read with: a line starting with `#` is
    /// a comment, the rest untrimmed.
    fn leading_comments_only(src: &str) -> Vec<&str> {
        src.lines()
            .map(|l| l.trim_end_matches('\r'))
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .collect()
    }

    #[test]
    fn a_line_starting_with_a_hash_is_a_comment() {
        let got: Vec<&str> = data_lines("# a\n#b\nword\n").collect();
        assert_eq!(got, ["word"]);
    }

    #[test]
    fn an_indented_hash_line_is_a_comment() {
        let got: Vec<&str> = data_lines(" \t# a\nword").collect();
        assert_eq!(got, ["word"]);
    }

    #[test]
    fn a_hash_after_content_is_content() {
        let got: Vec<&str> = data_lines("B|at #\t1\nL3|#\t2\nB|# x\t3").collect();
        assert_eq!(got, ["B|at #\t1", "L3|#\t2", "B|# x\t3"]);
    }

    #[test]
    fn blank_lines_and_line_breaks_are_dropped_but_columns_kept() {
        let got: Vec<&str> = data_lines("\r\n \n\t\na\t\r\r\n b\t\nlast").collect();
        assert_eq!(got, ["a\t", " b\t", "last"]);
        let got: Vec<&str> = entries(" a \n\tb\t\n").collect();
        assert_eq!(got, ["a", "b"]);
    }

    #[test]
    fn lines_equal_the_standard_line_split() {
        let src = "# c\r\n\r\nS|a\t1\t2\t3\r\r\n \nB|a b\t\t-1\n\tx\ny\t\nlast\t1";
        assert_eq!(
            data_lines(src).collect::<Vec<_>>(),
            leading_comments_only(src)
        );
    }

    /// Every data file parses to exactly what it parsed to under its former rule.
    #[test]
    fn every_data_file_parses_as_before() {
        let one_entry_a_line = [
            include_str!("../tokens/abbreviations.txt"),
            include_str!("../tokens/sentence_starters.txt"),
            include_str!("../tokens/hyphen_prefixes.txt"),
            include_str!("../quotes/data/en.txt"),
            include_str!("../quotes/data/fr.txt"),
            include_str!("../quotes/data/de.txt"),
            include_str!("../quotes/data/es.txt"),
            include_str!("../quotes/data/phrases.txt"),
            include_str!("../quotes/data/marks.txt"),
        ];
        for src in one_entry_a_line {
            assert_eq!(entries(src).collect::<Vec<_>>(), strip_inline_comments(src));
        }
        let tables = [
            include_str!("../sentiment/data/countries.tsv"),
            include_str!("../sentiment/data/organisations.tsv"),
            include_str!("../sentiment/data/titles.txt"),
            include_str!("../sentiment/data/words.txt"),
            include_str!("../sentiment/data/flags.txt"),
            include_str!("../sentiment/data/lexicon.tsv"),
            include_str!("../sentiment/data/modifiers.tsv"),
            include_str!("../sentiment/data/model.tsv"),
        ];
        for src in tables {
            assert_eq!(
                data_lines(src).collect::<Vec<_>>(),
                leading_comments_only(src)
            );
        }
    }
}
