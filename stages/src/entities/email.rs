//! People as e-mail headers and signatures write them, where the tagger, which reads
//! running text, cuts or runs on:
//! - `"Hollis, Margaret" <addr>`: a surname, a comma and a given name between quotation
//!   marks is one name (any capitalised word when an address follows);
//! - `Helen Marsh@ACME`: a given name before a `Name@ORG` address of a mail
//!   system is one name, the address included;
//! - a person that runs on past the end of a name: into words in capitals (`Oliver
//!   Brandt WHO CAME EARLY`), over a dash set between spaces (`Nora Quill - ACME-EAST`), or
//!   into the next name of a header (`Nora Quill Peter Hale`, when the
//!   document names `Nora Quill` alone elsewhere) is cut there.

use pipeline_core::{Span, Token};
use rustc_hash::FxHashSet;

use super::features::{TokenView, ALLCAPS, CAP, LINE_START, WORD};
use super::gazetteer::feature;
use super::{Entity, EntityType};

/// The entities with the e-mail forms of names mended (see the module docs).
pub(super) fn header_names(
    text: &str,
    tokens: &[Token],
    v: &[TokenView],
    entities: Vec<Entity>,
) -> Vec<Entity> {
    let mut names = Vec::new();
    // most texts hold neither an address nor a quotation mark: one scan of the text each
    let bytes = text.as_bytes();
    let (at, quotes) = (
        bytes.contains(&b'@'),
        bytes.contains(&b'"') || text.contains('“'),
    );
    if at || quotes {
        for i in 0..tokens.len() {
            let found = quotes.then(|| last_first(text, tokens, v, i)).flatten();
            if let Some(r) = found.or_else(|| at.then(|| mail_system(text, tokens, v, i)).flatten())
            {
                names.push(r);
            }
        }
    }
    let mut out: Vec<Entity> = if names.is_empty() {
        entities
    } else {
        let mut kept: Vec<Entity> = entities
            .into_iter()
            .filter(|e| {
                !names
                    .iter()
                    .any(|r| e.tokens.start < r.end && r.start < e.tokens.end)
            })
            .collect();
        kept.extend(names.into_iter().map(|r| person(tokens, r)));
        kept.sort_by_key(|e| e.tokens.start);
        kept
    };
    cut_run_on_people(text, tokens, v, &mut out);
    out
}

/// A person over the token range `r`.
fn person(tokens: &[Token], r: std::ops::Range<usize>) -> Entity {
    Entity {
        span: Span::unchecked(tokens[r.start].span.start, tokens[r.end - 1].span.end),
        kind: EntityType::Person,
        tokens: r,
    }
}

/// Whether token `i` is a straight or curly double quotation mark.
fn is_quote(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| matches!(t.span.slice(text), "\"" | "“" | "”"))
}

/// A plain capitalised word (`Hollis`, not `HOLLIS` nor `hollis`).
fn capitalised(v: &TokenView) -> bool {
    v.flags & (WORD | CAP | ALLCAPS) == WORD | CAP
}

/// `"Surname, Given"` starting at the quotation mark `i`: the range of the name.
fn last_first(
    text: &str,
    tokens: &[Token],
    v: &[TokenView],
    i: usize,
) -> Option<std::ops::Range<usize>> {
    let given = u32::from(feature::GIVEN_NAME);
    let ok = i + 4 < tokens.len()
        && matches!(text.as_bytes()[tokens[i].span.start], b'"' | 0xE2)
        && is_quote(text, tokens, i)
        && capitalised(&v[i + 1])
        && tokens[i + 2].span.slice(text) == ","
        && capitalised(&v[i + 3])
        && (v[i + 3].gazetteer & given != 0
            || tokens.get(i + 5).is_some_and(|t| t.span.slice(text) == "<"))
        && is_quote(text, tokens, i + 4);
    ok.then_some(i + 1..i + 4)
}

/// `Given Surname@SYSTEM` whose address is token `i`: the range of the name.
fn mail_system(
    text: &str,
    tokens: &[Token],
    v: &[TokenView],
    i: usize,
) -> Option<std::ops::Range<usize>> {
    let given = u32::from(feature::GIVEN_NAME);
    if i == 0 || tokens[i].span.len() < 4 || !capitalised(&v[i - 1]) {
        return None;
    }
    let (name, system) = tokens[i].span.slice(text).split_once('@')?;
    let name_ok = name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().skip(1).all(char::is_lowercase)
        && name.len() > 1;
    let system_ok = system.len() > 1 && system.chars().all(|c| c.is_ascii_uppercase());
    let ok = name_ok
        && system_ok
        && i > 0
        && capitalised(&v[i - 1])
        && v[i - 1].gazetteer & given != 0
        && tokens[i - 1].span.end + 1 == tokens[i].span.start;
    ok.then_some(i - 1..i + 1)
}

/// Cuts people that run on past their name (see the module docs).
fn cut_run_on_people(text: &str, tokens: &[Token], v: &[TokenView], entities: &mut Vec<Entity>) {
    // the full names of two or three words the document writes alone
    let full: FxHashSet<Vec<u64>> = entities
        .iter()
        .filter(|e| e.kind == EntityType::Person && (2..=3).contains(&e.tokens.len()))
        .map(|e| e.tokens.clone().map(|j| v[j].lower).collect())
        .collect();
    let mut out = Vec::with_capacity(entities.len());
    for e in entities.drain(..) {
        if e.kind != EntityType::Person || e.tokens.len() < 3 {
            out.push(e);
            continue;
        }
        let r = e.tokens.clone();
        // words in capitals after a name in ordinary case
        let mut end = r.end;
        let roman = |j: usize| {
            let w = tokens[j].span.slice(text);
            w.chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
        };
        while end > r.start + 2 && v[end - 1].flags & ALLCAPS != 0 && !roman(end - 1) {
            end -= 1;
        }
        if end < r.end && !r.clone().take(end - r.start).all(|j| capitalised(&v[j])) {
            end = r.end;
        }
        // a dash between spaces
        if let Some(d) = (r.start + 1..end).find(|&j| {
            matches!(tokens[j].span.slice(text), "-" | "–" | "—")
                && tokens[j - 1].span.end < tokens[j].span.start
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| tokens[j].span.end < n.span.start)
        }) {
            end = d;
        }
        // a full name the document writes alone, and the next name after it
        let head = (2..=3).filter(|&n| r.start + n < end).find(|&n| {
            full.contains(
                &(r.start..r.start + n)
                    .map(|j| v[j].lower)
                    .collect::<Vec<_>>(),
            )
        });
        match head {
            Some(n) if next_name(text, tokens, v, r.start + n..end) => {
                out.push(person(tokens, r.start..r.start + n));
                out.push(person(tokens, r.start + n..end));
            }
            _ => out.push(person(tokens, r.start..end)),
        }
    }
    *entities = out;
}

/// Whether the words `rest` after a full name are the next name of a header: a given
/// name and a surname (`Peter K Hale`), or a given name alone addressed at the end
/// of its line (`Kathleen,⏎`), not the end of a longer name (`Nancy Davis Reagan`).
fn next_name(text: &str, tokens: &[Token], v: &[TokenView], rest: std::ops::Range<usize>) -> bool {
    let given = capitalised(&v[rest.start])
        && v[rest.start].gazetteer & u32::from(feature::GIVEN_NAME) != 0;
    let addressed = || {
        tokens
            .get(rest.end)
            .is_some_and(|t| t.span.slice(text) == ",")
            && tokens
                .get(rest.end + 1)
                .map_or(true, |_| v[rest.end + 1].flags & LINE_START != 0)
    };
    given && (rest.len() >= 2 || addressed())
}

#[cfg(test)]
mod tests {
    use super::super::features::views;
    use super::*;
    use crate::tokens::tokenize;

    /// The people of `text` after the rules, given the tagger's people as byte ranges
    /// of words.
    fn mend(text: &str, people: &[&str]) -> Vec<String> {
        let tokens = tokenize(text);
        let v = views(text, &tokens, &[(0, tokens.len())], Some("en"));
        let entities = people
            .iter()
            .map(|p| {
                let start = text.find(p).expect("the name is in the text");
                let a = tokens.iter().position(|t| t.span.start == start).unwrap();
                let b = tokens
                    .iter()
                    .position(|t| t.span.end == start + p.len())
                    .unwrap();
                person(&tokens, a..b + 1)
            })
            .collect();
        header_names(text, &tokens, &v, entities)
            .iter()
            .map(|e| e.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn surname_comma_given_name_in_quotes_is_one_name() {
        let text = "\"Hollis, Margaret\" <mh@example.org> 04/02/2003 wrote:";
        assert_eq!(mend(text, &["Hollis", "Margaret"]), ["Hollis, Margaret"]);
        let text = "\"Hollis, Zandria\" <zh@example.org> wrote:";
        assert_eq!(mend(text, &["Hollis"]), ["Hollis, Zandria"]);
        // not without the quotation marks, nor with a word that is no given name
        let text = "Hollis, Margaret and the others came.";
        assert_eq!(mend(text, &["Hollis", "Margaret"]), ["Hollis", "Margaret"]);
    }

    #[test]
    fn a_name_before_its_mail_system_is_one_name() {
        let text = "Helen Marsh@ACME 09/12/2002 10:15 AM";
        assert_eq!(mend(text, &["Helen"]), ["Helen Marsh@ACME"]);
        let text = "write to Helen at marsh@acme.org";
        assert_eq!(mend(text, &["Helen"]), ["Helen"]);
    }

    #[test]
    fn people_running_on_are_cut() {
        let text = "Thanks to Oliver Brandt WHO CAME EARLY today.";
        assert_eq!(
            mend(text, &["Oliver Brandt WHO CAME EARLY"]),
            ["Oliver Brandt"]
        );
        let text = "Regards, Nora Quill - ACME-EAST";
        assert_eq!(mend(text, &["Nora Quill - ACME-EAST"]), ["Nora Quill"]);
        let text = "Nora Quill wrote. Nora Quill Peter Hale 01/02/2003 09:00 AM";
        assert_eq!(
            mend(text, &["Nora Quill", "Nora Quill Peter Hale"]),
            ["Nora Quill", "Nora Quill", "Peter Hale"]
        );
        let text = "Nora Quill wrote. Nora Quill Martha,\nthanks.";
        assert_eq!(
            mend(text, &["Nora Quill", "Nora Quill Martha"]),
            ["Nora Quill", "Nora Quill", "Martha"]
        );
        // a surname after a shorter name of the same person stays with it
        let text = "Nancy Davis came. Nancy Davis Reagan left.";
        assert_eq!(
            mend(text, &["Nancy Davis", "Nancy Davis Reagan"]),
            ["Nancy Davis", "Nancy Davis Reagan"]
        );
        // a long name the document never writes shorter stays whole
        let text = "Nora Quill Peter Hale came.";
        assert_eq!(
            mend(text, &["Nora Quill Peter Hale"]),
            ["Nora Quill Peter Hale"]
        );
    }
}
