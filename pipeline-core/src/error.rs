//! Writing an error together with its causes (the [`source`](std::error::Error::source)
//! chain), in the two forms the pipeline uses: [`chain_message`] for the message of an error
//! record, [`chain_line`] for a line on a terminal.

use std::error::Error;

/// The messages of `e` and of each of its causes, outermost first.
fn messages<'a>(e: &'a (dyn Error + 'a)) -> impl Iterator<Item = String> + 'a {
    std::iter::successors(Some(e), |&e| e.source()).map(ToString::to_string)
}

/// `e` and every one of its causes, joined by `": "`, exactly as written: the message of an
/// error record ([`Failure`](crate::Failure)). A cause is kept even when the outer message
/// already quotes it, and newlines are kept.
///
/// ```
/// use pipeline_core::error::chain_message;
/// #[derive(Debug, thiserror::Error)]
/// #[error("cannot read the lexicon")]
/// struct Lexicon(#[source] std::io::Error);
///
/// let e = Lexicon(std::io::Error::other("disk full"));
/// assert_eq!(chain_message(&e), "cannot read the lexicon: disk full");
/// ```
pub fn chain_message(e: &dyn Error) -> String {
    messages(e).collect::<Vec<_>>().join(": ")
}

/// `e` and its causes on one line, for a person to read: a cause whose text the line
/// already holds (an outer message quoting its `#[source]`) is not repeated, and newlines
/// become spaces.
///
/// ```
/// use pipeline_core::error::chain_line;
/// #[derive(Debug, thiserror::Error)]
/// #[error("config c.toml: {0}")]
/// struct Config(#[source] std::io::Error);
///
/// let e = Config(std::io::Error::other("disk\nfull"));
/// assert_eq!(chain_line(&e), "config c.toml: disk full");
/// ```
pub fn chain_line(e: &dyn Error) -> String {
    let mut messages = messages(e);
    let mut line = messages.next().unwrap_or_default();
    for message in messages {
        if !line.contains(&message) {
            line.push_str(": ");
            line.push_str(&message);
        }
    }
    line.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("outer")]
    struct Outer(#[source] Middle);

    #[derive(Debug, thiserror::Error)]
    #[error("middle: {0}")]
    struct Middle(#[source] std::io::Error);

    fn three_deep() -> Outer {
        Outer(Middle(std::io::Error::other("in\nner")))
    }

    #[test]
    fn chain_message_keeps_every_cause_and_newline() {
        assert_eq!(
            chain_message(&three_deep()),
            "outer: middle: in\nner: in\nner"
        );
        assert_eq!(chain_message(&std::io::Error::other("alone")), "alone");
    }

    #[test]
    fn chain_line_skips_a_quoted_cause_and_joins_lines() {
        assert_eq!(chain_line(&three_deep()), "outer: middle: in ner");
        assert_eq!(
            chain_line(&Outer(Middle(std::io::Error::other("x")))),
            "outer: middle: x"
        );
        assert_eq!(chain_line(&std::io::Error::other("a\nb")), "a b");
    }
}
