//! `tokens`: tokenizer and sentence splitter.
//!
//! Requires nothing; provides [`LayerName::TOKENS`] and [`LayerName::SENTENCES`]. Every
//! token's span is a UTF-8 byte range of the untouched text; tokens never overlap and
//! whitespace is never inside a token.
//!
//! ```toml
//! [[stage]]
//! type = "tokens"
//! ```
//!
//! ```
//! use pipeline_core::{Document, SyncStage};
//! use stages::tokens::TokenStage;
//! let mut doc = Document::new("a", "Gen. Sharif didn't come. He said so.");
//! TokenStage::default().apply(&mut doc).unwrap();
//! let words: Vec<&str> = doc.tokens().unwrap().iter().map(|t| t.span.slice(doc.text())).collect();
//! assert_eq!(words, ["Gen.", "Sharif", "did", "n't", "come", ".", "He", "said", "so", "."]);
//! assert_eq!(doc.sentences().unwrap().len(), 2);
//! ```

use pipeline_core::{Document, LayerName, Sentence, Span, StageError, SyncStage, Token, TokenKind};
use serde::Deserialize;

/// Options of the `tokens` stage (none yet).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TokenConfig {}

/// The `tokens` stage.
#[derive(Debug, Clone, Default)]
pub struct TokenStage {
    _config: TokenConfig,
}

impl TokenStage {
    /// Builds the stage.
    pub fn new(config: TokenConfig) -> TokenStage {
        TokenStage { _config: config }
    }
}

impl SyncStage for TokenStage {
    fn name(&self) -> &str {
        "tokens"
    }

    fn provides(&self) -> Vec<LayerName> {
        vec![LayerName::TOKENS, LayerName::SENTENCES]
    }

    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        let tokens = tokenize(doc.text());
        let sentences = split_sentences(doc.text(), &tokens);
        doc.set_tokens(tokens)?;
        doc.set_sentences(sentences)?;
        Ok(())
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "st", "jr", "sr", "inc", "corp", "ltd", "co", "no", "vs", "etc", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g",
    "i.e", "ret", "mt", "ft", "rev", "hon", "pres", "gov't", "dept", "est", "approx",
];

const CLITICS: &[&str] = &[
    "n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
];

/// Splits `text` into tokens.
///
/// ```
/// let t = "$1.9 billion, 16% — see https://example.org/x.";
/// let toks: Vec<&str> = stages::tokens::tokenize(t).iter().map(|x| x.span.slice(t)).collect();
/// assert_eq!(toks, ["$", "1.9", "billion", ",", "16", "%", "—", "see", "https://example.org/x", "."]);
/// ```
#[allow(clippy::while_let_loop)]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        // URLs: from the scheme (or www.) to the next whitespace, minus final punctuation
        let rest = &text[i..];
        if rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.") {
            let chunk = rest.split(char::is_whitespace).next().unwrap_or(rest);
            let end = i + chunk
                .trim_end_matches(|c: char| ".,;:!?)\"'”’".contains(c))
                .len();
            tokens.push(Token::new(Span::unchecked(i, end), TokenKind::Url));
            i = end;
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            loop {
                let Some(n) = text[end..].chars().next() else {
                    break;
                };
                if n.is_alphanumeric() || is_mark(n) {
                    end += n.len_utf8();
                    continue;
                }
                // inner connectors: 1,100  2.5  anti-tank  O'Brien  U.S.
                if matches!(n, '-' | '.' | ',' | '\'' | '’' | '@' | '_') {
                    let after = text[end + n.len_utf8()..].chars().next();
                    let prev = text[..end].chars().next_back().unwrap_or(' ');
                    let ok = match (n, after) {
                        (',', Some(a)) => prev.is_ascii_digit() && a.is_ascii_digit(),
                        ('.', Some(a)) => {
                            a.is_alphanumeric()
                                && (prev.is_ascii_digit()
                                    || a.is_uppercase()
                                    || text[i..end].len() == 1
                                    || text[i..end].contains('.'))
                        }
                        ('@' | '_', Some(a)) => a.is_alphanumeric(),
                        (_, Some(a)) => a.is_alphanumeric(),
                        _ => false,
                    };
                    if ok {
                        end += n.len_utf8();
                        continue;
                    }
                }
                break;
            }
            // an abbreviation's final period: U.S. / Gen. / Mr.
            let word = &text[i..end];
            if bytes.get(end) == Some(&b'.') {
                let lower = word.to_lowercase();
                if ABBREVIATIONS.contains(&lower.as_str())
                    || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
                    || word.contains('.')
                {
                    end += 1;
                }
            }
            let word = &text[i..end];
            let kind = if word.contains('@') && word.contains('.') {
                TokenKind::Email
            } else if word.chars().any(char::is_alphabetic) {
                TokenKind::Word
            } else {
                TokenKind::Number
            };
            // contractions: split the clitic off as its own token
            if kind == TokenKind::Word {
                let lower = word.to_lowercase();
                if let Some(cl) = CLITICS
                    .iter()
                    .find(|cl| lower.ends_with(*cl) && lower.len() > cl.len())
                {
                    let split = end - cl.len();
                    if text.is_char_boundary(split) {
                        tokens.push(Token::new(Span::unchecked(i, split), kind));
                        tokens.push(Token::new(Span::unchecked(split, end), TokenKind::Word));
                        i = end;
                        continue;
                    }
                }
            }
            tokens.push(Token::new(Span::unchecked(i, end), kind));
            i = end;
            continue;
        }
        // runs of the same punctuation (..., --, !!) stay together
        let mut end = i + c.len_utf8();
        if matches!(c, '.' | '-' | '!' | '?') {
            while text[end..].starts_with(c) {
                end += c.len_utf8();
            }
        }
        // emoji with modifiers and ZWJ sequences
        let kind = if is_emoji(c) {
            loop {
                let Some(n) = text[end..].chars().next() else {
                    break;
                };
                if n == '\u{200d}'
                    || is_mark(n)
                    || ('\u{1f3fb}'..='\u{1f3ff}').contains(&n)
                    || n == '\u{fe0f}'
                {
                    end += n.len_utf8();
                    if n == '\u{200d}' {
                        if let Some(e) = text[end..].chars().next() {
                            end += e.len_utf8();
                        }
                    }
                } else {
                    break;
                }
            }
            TokenKind::Emoji
        } else if c.is_ascii_punctuation() && !"$+<=>^`|~".contains(c) || is_unicode_punct(c) {
            TokenKind::Punct
        } else if is_symbol(c) {
            TokenKind::Symbol
        } else {
            TokenKind::Other
        };
        tokens.push(Token::new(Span::unchecked(i, end), kind));
        i = end;
    }
    tokens
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
        || ('\u{900}'..='\u{d7f}').contains(&c) && !c.is_alphanumeric()
}

fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1f300}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{1f000}'..='\u{1f2ff}')
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '‚'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '—'
            | '–'
            | '…'
            | '、'
            | '。'
            | '，'
            | '！'
            | '？'
            | '：'
            | '；'
            | '·'
            | '•'
    )
}

fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '₹'
            | '+'
            | '<'
            | '='
            | '>'
            | '^'
            | '`'
            | '|'
            | '~'
            | '©'
            | '®'
            | '°'
            | '§'
            | '±'
            | '×'
            | '÷'
    )
}

/// Splits `text` into sentences, given its tokens.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut k = 0;
    while k < tokens.len() {
        let tok = &tokens[k];
        // a line break between the previous token and this one ends a sentence
        if let Some(s) = start {
            if text[last_end..tok.span.start].contains('\n') {
                sentences.push(Sentence {
                    span: Span::unchecked(s, last_end),
                });
                start = None;
            }
        }
        let s = *start.get_or_insert(tok.span.start);
        last_end = tok.span.end;
        k += 1;
        let t = tok.span.slice(text);
        let ends = matches!(t, "." | "..." | "…") || t.starts_with('!') || t.starts_with('?');
        if !ends {
            continue;
        }
        // absorb closing quotes and brackets attached to the final punctuation
        let mut j = k;
        while let Some(n) = tokens.get(j) {
            let nt = n.span.slice(text);
            if matches!(nt, "”" | "’" | "\"" | "'" | ")" | "]" | "»")
                && n.span.start == tokens[j - 1].span.end
            {
                j += 1;
            } else {
                break;
            }
        }
        let boundary = match tokens.get(j) {
            None => true,
            Some(n) => {
                let first = n.span.slice(text).chars().next().unwrap_or(' ');
                !first.is_lowercase()
            }
        };
        if boundary {
            let end = tokens[j - 1].span.end;
            sentences.push(Sentence {
                span: Span::unchecked(s, end),
            });
            start = None;
            last_end = end;
            k = j;
        }
    }
    if let Some(s) = start {
        sentences.push(Sentence {
            span: Span::unchecked(s, last_end),
        });
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|x| x.span.slice(t)).collect()
    }

    fn sents(t: &str) -> Vec<&str> {
        let tokens = tokenize(t);
        split_sentences(t, &tokens)
            .iter()
            .map(|s| s.span.slice(t))
            .collect()
    }

    #[test]
    fn splits_punctuation_and_keeps_numbers() {
        assert_eq!(
            toks("In 2018, 1,100 troops."),
            ["In", "2018", ",", "1,100", "troops", "."]
        );
    }

    #[test]
    fn quote_ends_sentence_inside_marks() {
        assert_eq!(
            sents("“It is fine.” He left. Mr. Khan stayed."),
            ["“It is fine.”", "He left.", "Mr. Khan stayed."]
        );
    }

    #[test]
    fn newline_ends_a_headline() {
        assert_eq!(
            sents("Talks Resume\nThe minister spoke."),
            ["Talks Resume", "The minister spoke."]
        );
    }
}
