//! Places written in lower case in English web text (`i live in kerala`, `flights to
//! san francisco`): the gazetteer asks capitals of a capitalised name and the tagger
//! scores no lower-case word, so both miss them. A run of at most three lower-case
//! words holding one that is no common English word ([`is_common_word`]) becomes a
//! place when, capitalised, it is exactly one unambiguous name of a country, city,
//! region, continent or sea (`Kerala`, `San Francisco`); not a demonym (`thai`), not a
//! word the gazetteer flags as ambiguous or ordinary (`nice`, `reading`); the word that
//! anchors the run is neither a common word of the training texts (`us`) nor an ordinary
//! English word that is also a place's word (`data/place_words.txt`, made by
//! `tools/place_words.py`: `china`, `turkey`, `buffalo`).

use pipeline_core::Token;

use super::features::{is_common_word, word_hashes, TokenView, ALLCAPS, CAP, UNCASED, WORD};
use super::gazetteer::{Form, Gazetteer, Kind};
use super::labels::{begin, inside, EntityType, O};
use crate::tokens::tokenize;

/// Words of place names that are ordinary English words (`data/place_words.txt`).
const PLACE_WORDS: &str = include_str!("data/place_words.txt");

/// Whether the lowercased word of hash `lower` is one of [`PLACE_WORDS`].
fn is_place_word(lower: u64) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<u64>> = std::sync::OnceLock::new();
    SET.get_or_init(|| word_hashes(PLACE_WORDS))
        .contains(&lower)
}

/// The longest run of words tried.
const MAX_WORDS: usize = 3;

/// Whether token `i` is a lower-case word (letters, no capital, a script with case).
#[inline]
fn lower_word(v: &TokenView) -> bool {
    v.flags & WORD != 0 && v.flags & (CAP | ALLCAPS | UNCASED) == 0
}

/// Tags as places (`B`/`I` of [`EntityType::Place`]) the lower-case place names of an
/// English document among the tokens the tagger left `O`.
// kept out of line so that profiles show its cost (about 1 % of a run on news)
#[inline(never)]
pub(crate) fn tag_places(text: &str, tokens: &[Token], v: &[TokenView], tags: &mut [u8]) {
    let mut i = 0;
    while i < tokens.len() {
        let free = |j: usize| tags[j] == O && lower_word(&v[j]);
        // an anchor: a lower-case word of three letters or more that is no common word
        let anchor = free(i)
            && tokens[i].span.len() >= 3
            && !is_common_word(v[i].lower)
            && !is_place_word(v[i].lower)
            && Gazetteer::builtin().has_word(tokens[i].span.slice(text));
        if !anchor {
            i += 1;
            continue;
        }
        let mut found = None;
        // the longest run around the anchor first, the anchor alone last
        'runs: for len in (1..=MAX_WORDS).rev() {
            for start in i.saturating_sub(len - 1)..=i {
                let end = start + len;
                if end > tokens.len() || !(start..end).all(free) {
                    continue;
                }
                if is_place(text, &tokens[start..end]) {
                    found = Some((start, end));
                    break 'runs;
                }
            }
        }
        match found {
            Some((start, end)) => {
                tags[start] = begin(EntityType::Place);
                tags[start + 1..end].fill(inside(EntityType::Place));
                i = end;
            }
            None => i += 1,
        }
    }
}

/// Whether the words of `run`, each capitalised and joined by single spaces, are exactly
/// one unambiguous place name of the gazetteer.
fn is_place(text: &str, run: &[Token]) -> bool {
    if run.len() > 1
        && !text[run[0].span.end..run[run.len() - 1].span.start]
            .chars()
            .all(|c| c == ' ')
    {
        return false;
    }
    let mut title = String::new();
    for (k, t) in run.iter().enumerate() {
        if k > 0 {
            title.push(' ');
        }
        let word = t.span.slice(text);
        let mut chars = word.chars();
        if let Some(c) = chars.next() {
            title.extend(c.to_uppercase());
            title.push_str(chars.as_str());
        }
    }
    let toks = tokenize(&title);
    let found = Gazetteer::builtin().find(&title, &toks, Some("en"));
    matches!(found.as_slice(), [m] if m.tokens == (0..toks.len())
        && !m.ambiguous
        && matches!(m.form, Form::Name | Form::Capital)
        && matches!(m.kind, Kind::Country | Kind::City | Kind::Region | Kind::Continent | Kind::Water))
}

#[cfg(test)]
mod tests {
    use super::super::features::views;
    use super::*;

    fn places(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        let v = views(text, &tokens, &[(0, tokens.len())], Some("en"));
        let mut tags = vec![O; tokens.len()];
        tag_places(text, &tokens, &v, &mut tags);
        super::super::spans(&tokens, &tags)
            .iter()
            .map(|e| e.span.slice(text))
            .collect()
    }

    #[test]
    fn lower_case_places_are_found() {
        assert_eq!(
            places("we flew from san francisco to kerala and then malaysia"),
            ["san francisco", "kerala", "malaysia"]
        );
    }

    #[test]
    fn common_words_demonyms_and_ambiguous_names_are_not_places() {
        assert!(places("a nice thai meal in a china bowl with turkey").is_empty());
        assert!(places("tell us about it").is_empty());
    }
}
