//! The sentence splitter: decides, token by token, where sentences end.

use pipeline_core::{Sentence, Span, Token};

use super::chars::{is_closer, is_opener, is_quote};
use super::lexicon::{AbbrevClass, Lexicon};

/// Splits `text` into sentences, given its tokens (as [`tokenize`](super::tokenize) made
/// them).
///
/// A sentence ends after `.`, `!`, `?`, `…` (and their runs and CJK forms) when the next
/// word does not start in lowercase, together with the closing quote marks and brackets
/// stuck to that punctuation (`…issues.”`). A blank line always ends a sentence, and so
/// does a single line break unless the next line continues the sentence (it starts in
/// lowercase, or the line ends with a comma, a title such as `Gen.`, …), so headlines
/// without a final period stand alone. The period of an abbreviation (`Gen.`, `U.S.`),
/// kept inside its token by the tokenizer, does not end a sentence. A separator line
/// such as `***` is a sentence of its own.
///
/// Each sentence runs from its first token's start to its last token's end.
///
/// ```
/// use stages::tokens::{split_sentences, tokenize};
/// let t = "Gen. Sharif met Mr. Khan in the U.S. capital. “It went well,” he said.\n\nNext";
/// let sents: Vec<&str> = split_sentences(t, &tokenize(t)).iter().map(|s| s.span.slice(t)).collect();
/// assert_eq!(sents, ["Gen. Sharif met Mr. Khan in the U.S. capital.", "“It went well,” he said.", "Next"]);
/// ```
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let lex = Lexicon::get();
    let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
    let push = |out: &mut Vec<Sentence>, first: usize, last: usize| {
        if let (Some(a), Some(b)) = (tokens.get(first), tokens.get(last)) {
            out.push(Sentence {
                span: Span::unchecked(a.span.start, b.span.end),
            });
        }
    };
    let mut start: Option<usize> = None;
    let mut k = 0;
    let bytes = text.as_bytes();
    while k < tokens.len() {
        let tok = &tokens[k];
        if let (Some(s), Some(prev)) = (start, k.checked_sub(1).and_then(|p| tokens.get(p))) {
            let gap = bytes.get(prev.span.end..tok.span.start).unwrap_or_default();
            // most gaps are one space: tested without a loop
            let breaks = match gap {
                [] => false,
                [b] => *b == b'\n' || *b >= 0x80,
                _ => gap.iter().any(|&b| b == b'\n' || b >= 0x80),
            };
            if breaks && line_break_ends(text, lex, prev, tok) {
                push(&mut out, s, k - 1);
                start = None;
            }
        }
        // fast path: a word or number neither ends a sentence nor separates
        if bytes
            .get(tok.span.start)
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            start.get_or_insert(k);
            k += 1;
            continue;
        }
        let t = tok.span.slice(text);
        let spaced = |i: usize| {
            let before = i == 0 || tokens[i - 1].span.end < tokens[i].span.start;
            let after = tokens
                .get(i + 1)
                .map_or(true, |n| tokens[i].span.end < n.span.start);
            before && after
        };
        if is_separator(t) && spaced(k) {
            if let Some(s) = start {
                push(&mut out, s, k - 1);
            }
            push(&mut out, k, k);
            start = None;
            k += 1;
            continue;
        }
        let s = *start.get_or_insert(k);
        if !is_terminal(t) {
            k += 1;
            continue;
        }
        // closing quotes and brackets after the final punctuation belong to the sentence
        let mut j = k + 1;
        while closes(text, tokens, j) {
            j += 1;
        }
        if ends_here(text, tokens, k, j) {
            push(&mut out, s, j - 1);
            start = None;
        }
        k = j;
    }
    if let Some(s) = start {
        push(&mut out, s, tokens.len() - 1);
    }
    out
}

/// Whether token `j`, right after a sentence's final punctuation (or a mark closing it),
/// closes a quotation or a bracket: a closing bracket or any quote mark stuck to what is
/// before it (`.”`, `!)`, German `.“`, Danish `.«`), or a quote mark set off by spaces on
/// the same line and followed by a space (French `prêts. »`).
fn closes(text: &str, tokens: &[Token], j: usize) -> bool {
    let (Some(n), Some(prev)) = (tokens.get(j), j.checked_sub(1).and_then(|p| tokens.get(p)))
    else {
        return false;
    };
    let Some(c) = single_char(n.span.slice(text)) else {
        return false;
    };
    if n.span.start == prev.span.end {
        return is_closer(c) || is_quote(c);
    }
    let gap = text
        .as_bytes()
        .get(prev.span.end..n.span.start)
        .unwrap_or_default();
    let spaced_after = tokens
        .get(j + 1)
        .map_or(true, |m| m.span.start > n.span.end);
    is_quote(c) && spaced_after && gap.len() <= 2 && gap.iter().all(|&b| b == b' ')
}

fn single_char(t: &str) -> Option<char> {
    let mut cs = t.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// `.`, `!`, `?`, `…`, their runs (`...`, `?!`) and CJK, Arabic, Devanagari full stops.
fn is_terminal(t: &str) -> bool {
    let Some(&first) = t.as_bytes().first() else {
        return false;
    };
    if first < 0x80 && !matches!(first, b'.' | b'!' | b'?') {
        return false;
    }
    t.chars().all(|c| {
        matches!(
            c,
            '.' | '!'
                | '?'
                | '…'
                | '。'
                | '！'
                | '？'
                | '｡'
                | '؟'
                | '۔'
                | '।'
                | '॥'
                | '‼'
                | '⁇'
                | '⁈'
                | '⁉'
        )
    })
}

fn is_cjk_terminal(t: &str) -> bool {
    t.chars().any(|c| matches!(c, '。' | '！' | '？' | '｡'))
}

/// `***`, `=====`, `____`: a separator line (between spaces).
fn is_separator(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 3 && matches!(b[0], b'*' | b'=' | b'_' | b'~' | b'#') && b.iter().all(|&c| c == b[0])
}

/// Whether the sentence ends after the terminal punctuation at `k`, whose closing marks
/// run up to `j` (exclusive).
fn ends_here(text: &str, tokens: &[Token], k: usize, j: usize) -> bool {
    let Some(next) = tokens.get(j) else {
        return true;
    };
    let term = tokens[k].span.slice(text);
    if is_cjk_terminal(term) {
        return true;
    }
    let last_end = tokens[j - 1].span.end;
    if next.span.start == last_end {
        // "Yahoo!Mail": nothing separates them; but "said.The" lost its space
        let glued = text.as_bytes().get(next.span.start..next.span.start + 2);
        return term == "."
            && glued.is_some_and(|g| g[0].is_ascii_uppercase() && g[1].is_ascii_lowercase());
    }
    // look past opening quotes and brackets: ‘“(The
    let mut m = j;
    while let Some(t) = tokens.get(m) {
        if single_char(t.span.slice(text)).is_some_and(is_opener) {
            m += 1;
        } else {
            break;
        }
    }
    let Some(word) = tokens.get(m) else {
        return true;
    };
    let w = word.span.slice(text);
    let Some(first) = w.chars().next() else {
        return true;
    };
    if is_terminal(w)
        || matches!(
            first,
            ',' | ';' | ':' | ')' | ']' | '}' | '-' | '–' | '—' | '%'
        )
    {
        return false;
    }
    if first.is_lowercase() {
        // "…interested. jill said": informal text starts sentences in lowercase; but an
        // ellipsis goes on ("wait ... and see"), and so does a quotation ("Why?” he asked)
        let ellipsis = term.contains("..") || term.contains('…');
        return !ellipsis && j == k + 1;
    }
    true
}

/// Whether a line break between `prev` and `tok` ends the sentence: always for a blank
/// line; for a single break unless the next line obviously continues the sentence.
fn line_break_ends(text: &str, lex: &Lexicon, prev: &Token, tok: &Token) -> bool {
    let gap = text.get(prev.span.end..tok.span.start).unwrap_or("");
    let mut breaks = 0;
    for c in gap.chars() {
        match c {
            '\n' | '\u{85}' | '\u{2028}' => breaks += 1,
            '\u{2029}' => breaks += 2,
            _ => {}
        }
    }
    if breaks >= 2 {
        return true;
    }
    if breaks == 0 {
        return false;
    }
    let next = tok.span.slice(text);
    if next.chars().next().is_some_and(|c| c.is_lowercase()) {
        return false;
    }
    let p = prev.span.slice(text);
    if matches!(
        p,
        "," | ";" | ":" | "(" | "[" | "-" | "–" | "—" | "&" | "/" | "“" | "‘"
    ) {
        return false;
    }
    if let Some(word) = p.strip_suffix('.') {
        if lex.abbreviation(word) == Some(AbbrevClass::Title) {
            return false;
        }
    }
    true
}
