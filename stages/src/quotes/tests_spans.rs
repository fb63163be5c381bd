//! Unit tests of the quotes stage (spans), on sentences written for nlpipe.

use super::tests::{run, show};

#[test]
fn an_indirect_clause_is_the_words_after_its_cue() {
    let text = "The minister said the talks had failed.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "the talks had failed.");
}

#[test]
fn a_that_clause_keeps_its_that() {
    let text = "The minister said that the talks had failed.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "that the talks had failed.");
}

#[test]
fn a_fronted_subordinate_clause_ends_at_its_comma() {
    let text = "While the mayor said the budget was balanced, the council voted against it.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "the budget was balanced");
}

#[test]
fn a_relative_clause_holding_the_cue_ends_at_its_comma() {
    let text = "The senator, who said the count was rigged, left the hall early.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "the count was rigged");
}

#[test]
fn a_comma_before_in_or_as_does_not_end_the_clause() {
    let text = "The coach said the team would win the cup, in spite of the injuries.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(
        shown[0].1,
        "the team would win the cup, in spite of the injuries."
    );
}

#[test]
fn a_source_phrase_inside_the_sentence_takes_the_whole_sentence() {
    let text = "At the heart of the dispute, according to the envoy, was a quarrel over water.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, text);
}

#[test]
fn an_object_ends_before_a_coordinated_verb() {
    let text = "The senator praised the new plan and thanked its authors.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].1, "the new plan");
    assert_eq!(shown[1].1, "its authors.");
}

#[test]
fn a_one_word_object_is_kept() {
    let text = "The governor endorsed Smith and praised his record.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].1, "Smith");
}

#[test]
fn a_nested_indirect_quote_is_held_by_the_outer_one() {
    let text = "The aide said that the senator believes the plan will fail.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "that the senator believes the plan will fail.");
    assert_eq!(shown[0].3, "aide");
}

#[test]
fn a_clause_ends_where_another_attribution_begins() {
    let text = "The mayor said the budget was balanced, and the treasurer said it was not.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].1, "the budget was balanced");
    assert_eq!(shown[1].1, "it was not.");
}

#[test]
fn a_that_past_the_clause_start_is_no_complementizer() {
    let text = "The aide said he had heard that rumour before.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "he had heard that rumour before.");
}

#[test]
fn but_that_continues_the_reported_clause() {
    let text = "The coach said that the team was tired, but that it would play on.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(
        shown[0].1,
        "that the team was tired, but that it would play on."
    );
}

#[test]
fn a_progressive_cue_takes_the_subject_before_its_be() {
    let text = "The governor is telling farmers in the valley that the drought is “nearly over.”";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "that the drought is “nearly over.”");
    let text = "The mayor has been saying the bridge will be “ready by spring.”";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "the bridge will be “ready by spring.”");
}

#[test]
fn a_clause_with_coordinated_fragments_stays_one_partial() {
    let text = "The mayor argued that the budget was “a fantasy” of his rivals, and that the city would “pay for it later.”";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(
        shown[0].1,
        "that the budget was “a fantasy” of his rivals, and that the city would “pay for it later.”"
    );
    let text = "The mayor said the plan was “a fantasy” and we should “start again.”";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
}

#[test]
fn a_later_cue_before_a_fragment_reports_it() {
    let text =
        "The firm rejected the claims in a letter, dismissing the critic as “a bitter rival.”";
    let shown = show(text, &run(text));
    let spans: Vec<&str> = shown.iter().map(|s| s.1.as_str()).collect();
    assert!(
        spans.contains(&"the critic as “a bitter rival.”"),
        "{spans:?}"
    );
    let text = "The coach said the team was “in good shape” and Smith calling it “a fine season.”";
    let shown = show(text, &run(text));
    let spans: Vec<&str> = shown.iter().map(|s| s.1.as_str()).collect();
    assert!(spans.contains(&"the team was “in good shape”"), "{spans:?}");
    assert!(spans.contains(&"it “a fine season.”"), "{spans:?}");
    // (a relative opens the reported words)
    let text = "The mayor said the vote was close, which she called “a real contest” for the city.";
    let shown = show(text, &run(text));
    let spans: Vec<&str> = shown.iter().map(|s| s.1.as_str()).collect();
    assert!(
        spans.contains(&"which she called “a real contest” for the city."),
        "{spans:?}"
    );
}

#[test]
fn an_asked_clause_may_hold_a_fragment() {
    let text = "Asked whether the mayor is “fit to lead the city,” 60 percent of voters said yes.";
    let shown = show(text, &run(text));
    let spans: Vec<&str> = shown.iter().map(|s| s.1.as_str()).collect();
    assert!(
        spans.contains(&"whether the mayor is “fit to lead the city,”"),
        "{spans:?}"
    );
    // (a title is no fragment)
    let text =
        "Asked why he left during an interview on “Morning News Today,” the mayor said nothing.";
    let shown = show(text, &run(text));
    assert!(
        shown.iter().all(|s| s.0 != super::QuoteKind::Partial),
        "{shown:?}"
    );
}

#[test]
fn a_fragment_inside_a_sentence_before_its_attribution_is_partial() {
    let text = "Nothing the council said “will calm the neighbours,” the mayor said on Friday.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, super::QuoteKind::Partial);
    assert!(
        shown[0]
            .1
            .starts_with("Nothing the council said “will calm"),
        "{shown:?}"
    );
}

#[test]
fn a_bare_noun_after_of_ends_a_speaker_group() {
    let text = "The former secretary of defense said the base was “far too small” for the fleet.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "the base was “far too small” for the fleet.");
    assert_eq!(shown[0].2, "The former secretary of defense");
}

#[test]
fn a_topic_opener_before_the_speaker_makes_the_quote_partial() {
    let text = "Of the new stadium, the mayor said, “It is far too big.”";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, super::QuoteKind::Partial);
    assert!(
        shown[0].1.starts_with("Of the new stadium, the mayor said"),
        "{shown:?}"
    );
    let text = "Asked about the stadium, the mayor said, “It is far too big.”";
    let shown = show(text, &run(text));
    assert!(
        shown.iter().any(|s| s.0 == super::QuoteKind::Direct),
        "{shown:?}"
    );
}
