//! Finding actors: gazetteer entities (countries with their names, demonyms, capitals and
//! metonyms; international organisations; armed groups and institutions), people
//! (capitalised name sequences, titles stripped, surnames and pronouns linked to the full
//! name) and other organisations (capitalised sequences with an organisation word).
//!
//! One pass a module, in the order [`find`] runs them: the entity tagger
//! ([`crate::entities`]) first; [`phrases`] (gazetteer phrases and hyphenated
//! compounds, except inside a person's name; later "the two countries"), [`people`]
//! (the tagger's people, organisations and places that no gazetteer phrase took;
//! surnames, first names and quote speakers linked to a person), [`pronouns`] (a pronoun to the person last mentioned); [`doc`] holds what
//! they share.

mod doc;
mod people;
mod phrases;
mod pronouns;
mod runs;

use pipeline_core::{Quote, Token};

use crate::entities::{EntityType, Recognizer};

use super::analysis::TokInfo;
use super::gazetteer::{Gazetteer, C_ORG};
use doc::Doc;
pub(crate) use doc::FoundActors;

/// Finds the actors of a document. `sentences` are token index ranges; `lang` is the
/// document's language code when known.
pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    toks: &[TokInfo],
    sentences: &[(usize, usize)],
    quotes: Option<&[Quote]>,
    gaz: &Gazetteer,
    lang: Option<&str>,
) -> FoundActors {
    let doc = Doc {
        text,
        tokens,
        toks,
        sentences,
        gaz,
        hashes: toks.iter().map(|t| t.base).collect(),
        cls: toks.iter().map(|t| t.classes).collect(),
    };
    let (entities, places) =
        Recognizer::builtin().recognize_with_places(text, tokens, sentences, lang);
    // the tokens of names of two words or more: "Mark Cuban" is no mention of Cuba, nor
    // "Gulf of Mexico" of Mexico
    let mut in_name = vec![phrases::NOT_IN_NAME; tokens.len()];
    for e in &entities {
        if e.tokens.len() < 2 {
            continue;
        }
        // "the Pakistani Army": an organisation word makes it no person's name
        let kind = match e.kind {
            EntityType::Person if !e.tokens.clone().any(|j| doc.has(j, C_ORG)) => {
                phrases::IN_PERSON
            }
            EntityType::Person => continue,
            _ => phrases::IN_OTHER_NAME,
        };
        in_name[e.tokens.clone()].iter_mut().for_each(|x| *x = kind);
    }
    let mut used = vec![false; tokens.len()];
    let mut out = FoundActors::default();
    phrases::gazetteer_mentions(&doc, &in_name, &mut used, &mut out);
    // in English, the capitalised runs the tagger left that look like names
    let mut entities = entities;
    if matches!(lang, None | Some("en")) {
        let mut covered = used.clone();
        for e in &entities {
            covered[e.tokens.clone()].iter_mut().for_each(|x| *x = true);
        }
        entities.extend(runs::untagged_names(&doc, &covered));
    }
    // the multilingual gazetteer names places and ties their forms to one entity (read
    // with the tagger's features: `places`)
    let runs = people::entity_runs(&doc, &entities, &places, &used, &mut out);
    let timeline = people::person_mentions(&doc, runs, quotes, &mut out);
    phrases::pairs_of_countries(&doc, &mut out);
    pronouns::link(&doc, timeline, &mut out);
    out
}
