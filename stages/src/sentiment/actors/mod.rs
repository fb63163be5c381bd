//! Finding actors: gazetteer entities (countries with their names, demonyms, capitals and
//! metonyms; international organisations; armed groups and institutions), people
//! (capitalised name sequences, titles stripped, surnames and pronouns linked to the full
//! name) and other organisations (capitalised sequences with an organisation word).
//!
//! One pass a module, in the order [`find`] runs them: [`phrases`] (gazetteer phrases
//! and hyphenated compounds; later "the two countries"), [`people`] (capitalised runs:
//! people and other organisations; surnames, titled names and quote speakers linked to
//! a person), [`pronouns`] (a pronoun to the person last mentioned); [`doc`] holds what
//! they share.

mod doc;
mod people;
mod phrases;
mod pronouns;

use pipeline_core::{Quote, Token};

use super::analysis::TokInfo;
use super::gazetteer::Gazetteer;
use doc::Doc;
pub(crate) use doc::FoundActors;

/// Finds the actors of a document. `sentences` are token index ranges.
pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    toks: &[TokInfo],
    sentences: &[(usize, usize)],
    quotes: Option<&[Quote]>,
    gaz: &Gazetteer,
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
    let mut used = vec![false; tokens.len()];
    let mut out = FoundActors::default();
    phrases::gazetteer_mentions(&doc, &mut used, &mut out);
    let runs = people::capitalised_runs(&doc, &used, &mut out);
    let timeline = people::person_mentions(&doc, runs, quotes, &mut out);
    phrases::pairs_of_countries(&doc, &mut out);
    pronouns::link(&doc, timeline, &mut out);
    out
}
