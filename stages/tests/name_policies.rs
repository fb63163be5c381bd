//! Where the quotes and sentiment stages resolve a name differently on purpose. Both use
//! the shared core of `stages::text::names` (the fullest name ending with another, the
//! latest mention before a token) but keep their own title and surname policies, which
//! the output depends on; these tests pin the differences the module docs describe, so
//! that merging the policies is a deliberate, visible change.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use pipeline_core::{ActorKind, Document, RunnerOptions};

/// The speaker entity of the first quote and the first person with a mention overlapping
/// that speaker's span, after the default chain.
fn speaker_and_actor(text: &str) -> (String, String) {
    let chain = stages::registry()
        .chain_from_names(stages::DEFAULT_CHAIN, RunnerOptions::default())
        .expect("default chain builds");
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    // English: the language detector may take a sentence this short for another
    // language, and the name policies are what these tests pin
    let mut doc = Document::new("names", text);
    doc.set_lang_hint("en");
    let doc = rt.block_on(chain.process(doc)).expect("chain runs");
    let speaker = doc.quotes().expect("quotes layer")[0]
        .speaker
        .clone()
        .expect("a speaker");
    let actor = doc
        .actors()
        .expect("actors layer")
        .iter()
        .find(|a| {
            a.kind == ActorKind::Person && a.mentions.iter().any(|m| m.span.overlaps(&speaker.span))
        })
        .expect("an actor mentioned inside the speaker");
    (speaker.entity, actor.entity.clone())
}

#[test]
fn a_surname_before_any_full_name_follows_the_quotes_speaker_in_both() {
    // the actor finder takes a speaker's name from the quotes layer when the tagger
    // does not read the surname alone as a name
    let text = "“We will win,” Sharif said. Nawaz Sharif met Raheel Sharif later in Lahore.";
    let (speaker, actor) = speaker_and_actor(text);
    assert_eq!(speaker, "Raheel Sharif");
    assert_eq!(actor, "Raheel Sharif");
}

#[test]
fn an_unabbreviated_general_stays_in_the_quotes_speaker_only() {
    let text = "“Peace is near,” Army chief General Raheel Sharif said. Sharif smiled.";
    let (speaker, actor) = speaker_and_actor(text);
    assert_eq!(speaker, "General Raheel Sharif");
    assert_eq!(actor, "Raheel Sharif");
}

#[test]
fn a_tail_of_a_longer_name_resolves_to_it_in_both() {
    let text = "Mian Hilal Hussain arrived. “We are ready,” Hilal Hussain said.";
    let (speaker, actor) = speaker_and_actor(text);
    assert_eq!(speaker, "Mian Hilal Hussain");
    assert_eq!(actor, "Mian Hilal Hussain");
}
