//! One sense per document: a name keeps its type through the document, as the
//! document-level label consistency of Stanford NER and spaCy users' entity rulers has
//! it. Once `Nora Quill` is a person, `Quill` and `Nora` alone are that
//! person, and in English also `debra` written in lower case (web text often is).

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{
    is_common_word, HashFilter, TokenView, ALLCAPS, CAP, LINE_START, LOWER_SEEN, WORD,
};
use super::labels::{self, is_inside, type_of, EntityType, O};
use super::spans_of_tags;

/// A capitalised word the tagger left out that is elsewhere a name of one word, or the
/// surname or first name of a person's full name (`Qadri`, `Amir` after `Amir Latif
/// Qadri`), gets that name's type; a one-word name typed otherwise that is such a
/// surname becomes a person. In English, a lower-case word that is not a common word
/// and is elsewhere a person's name (`marek` after `Marek Novak`) is that person.
pub(super) fn repeat_names(v: &[TokenView], lang: Option<&str>, tags: &mut [u8]) {
    let mut known: FxHashMap<u64, u8> = FxHashMap::default();
    let entities = spans_of_tags(tags);
    for (kind, range) in &entities {
        if range.len() == 1 || *kind == EntityType::Person {
            known
                .entry(v[range.end - 1].lower)
                .or_insert(labels::begin(*kind));
        }
    }
    for (kind, range) in &entities {
        let first = &v[range.start];
        if *kind == EntityType::Person && range.len() > 1 && first.flags & ALLCAPS == 0 {
            known
                .entry(first.lower)
                .or_insert(labels::begin(EntityType::Person));
        }
    }
    if known.is_empty() {
        return;
    }
    let mut maybe_known = HashFilter::new();
    for &h in known.keys() {
        maybe_known.insert(h);
    }
    // a one-word name typed otherwise that is the surname of a person's full name
    // (`Herrera` after `Tomas Herrera`) is that person
    let surnames: FxHashSet<u64> = entities
        .iter()
        .filter(|(kind, r)| *kind == EntityType::Person && r.len() > 1)
        .map(|(_, r)| v[r.end - 1].lower)
        .collect();
    for (kind, r) in &entities {
        if *kind != EntityType::Person && r.len() == 1 && surnames.contains(&v[r.start].lower) {
            tags[r.start] = labels::begin(EntityType::Person);
        }
    }
    let person = labels::begin(EntityType::Person);
    let english = lang == Some("en");
    for i in 0..tags.len() {
        let next_free = tags.get(i + 1).map_or(true, |&t| !is_inside(t));
        if tags[i] != O || !next_free {
            continue;
        }
        if i > 0 && tags[i - 1] != O {
            // `Vince Kaminski` after `Vince` and `Vincent Kaminski`: a surname of the
            // document right after a person's name goes on with it
            let after_person = type_of(tags[i - 1]) == Some(EntityType::Person);
            if after_person
                && surnames.contains(&v[i].lower)
                && v[i].flags & (CAP | WORD | LINE_START) == CAP | WORD
            {
                tags[i] = labels::inside(EntityType::Person);
            }
            continue;
        }
        if !maybe_known.may_contain(v[i].lower) {
            continue;
        }
        let Some(&tag) = known.get(&v[i].lower) else {
            continue;
        };
        let flags = v[i].flags;
        // a person's name also written in lower case: the name, unless a common word
        let capitalised = flags & (CAP | WORD | LOWER_SEEN) == CAP | WORD
            || (english && tag == person && flags & (CAP | WORD) == CAP | WORD && !v[i].common);
        let lower_name = english
            && tag == person
            && flags & (WORD | CAP | ALLCAPS) == WORD
            && !is_common_word(v[i].lower);
        if capitalised || lower_name {
            tags[i] = tag;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::views;
    use super::super::model::{lang_hash, space_of, tag_document};
    use super::*;
    use crate::entities::Recognizer;
    use crate::tokens::tokenize;

    /// The one-word people of `text` after the pass, given the tagger's tags.
    fn people(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let sentences = [(0, tokens.len())];
        let lang = Some("en");
        let v = views(text, &tokens, &sentences, lang);
        let mut tags = Vec::new();
        let w = &Recognizer::builtin().weights;
        tag_document(
            w,
            &v,
            &sentences,
            (lang_hash(lang), space_of(lang)),
            &mut tags,
        );
        repeat_names(&v, lang, &mut tags);
        spans_of_tags(&tags)
            .into_iter()
            .filter(|(k, r)| *k == EntityType::Person && r.len() == 1)
            .map(|(_, r)| tokens[r.start].span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn first_names_and_lower_case_names_repeat_a_full_name() {
        let found = people(
            "Yesterday we met Darlene Kowalczyk at the station. \
             Darlene said the train was late. later darlene went home.",
        );
        assert!(found.contains(&"Darlene".to_string()), "{found:?}");
        assert!(found.contains(&"darlene".to_string()), "{found:?}");
    }

    #[test]
    fn a_surname_after_a_first_name_goes_on_with_it() {
        // tags as a tagger might leave them: the second `Koss` left out
        let text = "Vera Koss wrote . Vera Koss came";
        let tokens = tokenize(text);
        let v = views(text, &tokens, &[(0, tokens.len())], Some("en"));
        let (b, i) = (person_begin(), labels::inside(EntityType::Person));
        let mut tags = vec![b, i, O, O, b, O, O];
        repeat_names(&v, Some("en"), &mut tags);
        assert_eq!(tags, [b, i, O, O, b, i, O]);
    }

    fn person_begin() -> u8 {
        labels::begin(EntityType::Person)
    }

    #[test]
    fn common_words_in_lower_case_are_no_names() {
        let found = people("Yesterday we met Will Kowalczyk at the station. I will go home.");
        assert!(!found.contains(&"will".to_string()), "{found:?}");
    }
}
