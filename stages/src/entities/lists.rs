//! Lists of names written without separators, as e-mails and minutes write them
//! (`Attendees: Pam Butler Renee Ratcliff Larry Lewis`): the tagger reads one long
//! person. A person of four words or more, each a capitalised word and the first of
//! each pair a given name, is a list of two-word names; a capitalised common word at
//! its end (`… Gerald Nemec These look fine`) is no part of it.

use pipeline_core::{Span, Token};

use super::features::{TokenView, ALLCAPS, CAP, WORD};
use super::gazetteer::feature;
use super::{Entity, EntityType};

/// The people of `entities` that are lists of names, split into their names.
pub(super) fn split_name_lists(
    text: &str,
    tokens: &[Token],
    v: &[TokenView],
    entities: Vec<Entity>,
) -> Vec<Entity> {
    let mut out = Vec::with_capacity(entities.len());
    for e in entities {
        match names_of_list(text, tokens, v, &e) {
            Some(names) => out.extend(names),
            None => out.push(e),
        }
    }
    out
}

/// The two-word names of the list `e`, if it is one.
fn names_of_list(text: &str, tokens: &[Token], v: &[TokenView], e: &Entity) -> Option<Vec<Entity>> {
    let r = e.tokens.clone();
    if e.kind != EntityType::Person || r.len() < 4 {
        return None;
    }
    let plain = |j: usize| v[j].flags & (WORD | CAP | ALLCAPS) == WORD | CAP;
    let spaced = r.clone().skip(1).all(|j| {
        text[tokens[j - 1].span.end..tokens[j].span.start]
            .chars()
            .all(|c| c == ' ')
    });
    if !spaced || !r.clone().all(plain) {
        return None;
    }
    // a capitalised common word at the end is the sentence going on
    let end = if r.len() % 2 == 1 && v[r.end - 1].common {
        r.end - 1
    } else {
        r.end
    };
    let given = |j: usize| v[j].gazetteer & u32::from(feature::GIVEN_NAME) != 0;
    if (end - r.start) % 2 == 1 || !(r.start..end).step_by(2).all(given) {
        return None;
    }
    Some(
        (r.start..end)
            .step_by(2)
            .map(|a| Entity {
                span: Span::unchecked(tokens[a].span.start, tokens[a + 1].span.end),
                kind: EntityType::Person,
                tokens: a..a + 2,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::super::features::views;
    use super::*;
    use crate::tokens::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        let v = views(text, &tokens, &[(0, tokens.len())], Some("en"));
        let whole = Entity {
            span: Span::unchecked(tokens[0].span.start, tokens[tokens.len() - 1].span.end),
            kind: EntityType::Person,
            tokens: 0..tokens.len(),
        };
        split_name_lists(text, &tokens, &v, vec![whole])
            .iter()
            .map(|e| e.span.slice(text))
            .collect()
    }

    #[test]
    fn lists_of_names_are_split_into_names() {
        assert_eq!(
            split("Anna Kowalski Robert Haines Mary Dunne"),
            ["Anna Kowalski", "Robert Haines", "Mary Dunne"]
        );
        assert_eq!(
            split("Anna Kowalski Robert Haines These"),
            ["Anna Kowalski", "Robert Haines"]
        );
    }

    #[test]
    fn one_long_name_stays_whole() {
        assert_eq!(split("Abdul Rahman Al Saud"), ["Abdul Rahman Al Saud"]);
        assert_eq!(
            split("Anna Kowalski, Robert Haines"),
            ["Anna Kowalski, Robert Haines"]
        );
        assert_eq!(split("Anna Kowalski Haines"), ["Anna Kowalski Haines"]);
    }
}
