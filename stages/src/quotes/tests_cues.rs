//! Unit tests of the quotes stage (cues), on sentences written for nlpipe.

use super::tests::{run, show};
use super::*;

#[test]
fn a_speech_verb_after_a_clause_is_its_cue() {
    let text = "The budget will pass next week, the spokeswoman said.";
    let qs = run(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].kind, QuoteKind::Indirect);
    let cue = qs[0].cue.as_ref().expect("a cue");
    assert_eq!(cue.slice(text), "said");
    assert_eq!(show(text, &qs)[0].2, "the spokeswoman");
}

/// (content, speaker mention, cue) of the only quote of `text`.
fn only(text: &str, qs: &[Quote]) -> (String, String, String) {
    assert_eq!(qs.len(), 1, "{:?}", show(text, qs));
    let q = &qs[0];
    let spk = q
        .speaker
        .as_ref()
        .map_or(String::new(), |s| s.span.slice(text).to_owned());
    let cue = q
        .cue
        .as_ref()
        .map_or(String::new(), |c| c.slice(text).to_owned());
    (q.span.slice(text).to_owned(), spk, cue)
}

fn run_with(text: &str, config: QuoteConfig) -> Vec<Quote> {
    let mut doc = Document::new("t", text);
    doc.set_lang_hint("en");
    crate::tokens::TokenStage::default()
        .apply(&mut doc)
        .unwrap();
    QuoteStage::new(config).apply(&mut doc).unwrap();
    doc.quotes().unwrap().to_vec()
}

#[test]
fn an_attribution_at_the_end_may_carry_an_addressee_and_adjuncts() {
    let t = "The budget will pass next week, the spokeswoman told reporters on Monday.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "The budget will pass next week".into(),
            "the spokeswoman".into(),
            "told".into()
        )
    );
    let t = "The ferry will resume service, the harbour master said in a statement.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "The ferry will resume service");
    assert_eq!(q.2, "said");
}

#[test]
fn an_inverted_attribution_may_end_with_an_appositive() {
    let t = "The levee failed, said Jo Marsh, a historian at Tulane.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        ("The levee failed".into(), "Jo Marsh".into(), "said".into())
    );
}

#[test]
fn told_with_an_addressee_then_a_pronoun_clause() {
    let t = "Marsh told the local paper last week she would run again.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        ("she would run again.".into(), "Marsh".into(), "told".into())
    );
    // an order is no statement
    assert!(run("Marsh told him to leave the room.").is_empty());
}

#[test]
fn speech_verbs_whose_object_is_what_was_said() {
    let t = "The governor explained the new rules to the council.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "the new rules to the council.".into(),
            "The governor".into(),
            "explained".into()
        )
    );
}

#[test]
fn a_preposition_after_a_speech_verb_opens_its_content() {
    let t = "The senator complained about the new tax rules.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "the new tax rules.".into(),
            "The senator".into(),
            "complained".into()
        )
    );
    // `said on Monday` is a time, not a topic
    let t = "The senator spoke on Monday.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_subject_without_a_determiner_can_speak() {
    let t = "Local farmers say the river has never been this low.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "the river has never been this low.".into(),
            "Local farmers".into(),
            "say".into()
        )
    );
}

#[test]
fn stances_only_when_asked_for() {
    let t = "The union supports the new contract.";
    assert!(run(t).is_empty());
    let config = QuoteConfig {
        stances: true,
        ..QuoteConfig::default()
    };
    let q = only(t, &run_with(t, config));
    assert_eq!(
        q,
        (
            "the new contract.".into(),
            "The union".into(),
            "supports".into()
        )
    );
}

#[test]
fn intentions_by_default_and_off_when_asked() {
    let t = "The company declined to comment on the merger.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "to comment on the merger.".into(),
            "The company".into(),
            "declined".into()
        )
    );
    let config = QuoteConfig {
        intentions: false,
        ..QuoteConfig::default()
    };
    assert!(run_with(t, config).is_empty());
}

#[test]
fn an_intention_word_used_as_a_noun_is_no_cue() {
    for t in [
        "The two cities have plans to build a joint harbour.",
        "The mayor shelved the plan to build a harbour.",
        "The harbour plan will cost the cities dearly.",
    ] {
        assert!(run(t).is_empty(), "{t}");
    }
    let t = "The two cities plan to build a joint harbour.";
    assert!(only(t, &run(t)).1.ends_with("two cities"));
}

#[test]
fn appearances_only_when_asked_for_and_without_a_speaker() {
    let t = "The new bridge is expected to open in May.";
    assert!(run(t).is_empty());
    let config = QuoteConfig {
        appearances: true,
        ..QuoteConfig::default()
    };
    let qs = run_with(t, config.clone());
    let q = only(t, &qs);
    assert_eq!(
        q,
        (
            "The new bridge is expected to open in May.".into(),
            String::new(),
            "is expected".into()
        )
    );
    let t = "Even so, most voters seem unconvinced by the plan.";
    let q = only(t, &run_with(t, config.clone()));
    assert_eq!(q.0, "most voters seem unconvinced by the plan.");
    // appearing somewhere is no appearance of a view
    assert!(run_with("The mayor appeared on television.", config).is_empty());
}

#[test]
fn a_relative_clause_keeps_what_its_speaker_said() {
    // the content holds the antecedent that the reported clause lost to the relative
    let t = "The delay came from a dispute the ministry said was settled in March.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "a dispute the ministry said was settled in March.".into(),
            "the ministry".into(),
            "said".into()
        )
    );
    let t = "The board kept the rule, which it said was fair to all.";
    assert_eq!(only(t, &run(t)).0, "which it said was fair to all.");
    let t = "The survey counted residents who said they would leave the valley.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "they would leave the valley.".into(),
            "who".into(),
            "said".into()
        )
    );
}

#[test]
fn a_coordinated_verb_after_an_adverb_takes_the_sentence_subject() {
    let t = "The judge read the letter aloud, and then said the hearing was over.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "the hearing was over.".into(),
            "The judge".into(),
            "said".into()
        )
    );
}

#[test]
fn a_percentage_can_speak() {
    let t = "In the poll, 42% say the road should be rebuilt.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "the road should be rebuilt.".into(),
            "42%".into(),
            "say".into()
        )
    );
}

#[test]
fn more_speech_verbs_take_a_clause_without_that() {
    let t = "The coach admitted the team had played badly.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "the team had played badly.".into(),
            "The coach".into(),
            "admitted".into()
        )
    );
}

#[test]
fn a_clause_may_open_with_a_fronted_phrase() {
    let t = "Pence said in politics it takes time to build trust.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "in politics it takes time to build trust.".into(),
            "Pence".into(),
            "said".into()
        )
    );
    // a place or time alone is no content
    assert!(run("Pence said in Ohio on Monday.").is_empty());
}

#[test]
fn a_statement_noun_with_a_by_author_and_a_that_clause() {
    let t = "The charge by Jo Marsh that the vote was rigged drew scorn.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "that the vote was rigged drew scorn.".into(),
            "Jo Marsh".into(),
            "charge".into()
        )
    );
}

#[test]
fn a_conditional_after_said_opens_its_content() {
    let t = "Marsh said if the levee fails, the town will flood.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "if the levee fails, the town will flood.".into(),
            "Marsh".into(),
            "said".into()
        )
    );
}

#[test]
fn a_participle_of_saying_takes_the_subject_of_its_sentence() {
    let t = "The harbour office closed the pier, saying the storm had damaged it.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "the storm had damaged it.".into(),
            "The harbour office".into(),
            "saying".into()
        )
    );
}

#[test]
fn a_participle_of_claiming_takes_the_subject() {
    let t = "Jo Marsh spoke twice, claiming the levee would hold.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "the levee would hold.".into(),
            "Jo Marsh".into(),
            "claiming".into()
        )
    );
}

#[test]
fn a_coordinated_said_takes_a_description_subject() {
    let t = "The appeals court reversed the ruling and said the map was fair.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "the map was fair.".into(),
            "The appeals court".into(),
            "said".into()
        )
    );
}

#[test]
fn a_count_is_a_subject() {
    let t = "Among the farmers, six in 10 said the drought had cut their harvest.";
    let q = only(t, &run(t));
    assert_eq!(
        q,
        (
            "the drought had cut their harvest.".into(),
            "six in 10".into(),
            "said".into()
        )
    );
}

#[test]
fn an_infinitive_cue_reports_for_the_subject_of_its_verb_chain() {
    let text = "Most older voters are more likely to say that the roads matter most.\n\n\
                The senator continued to question whether the plan was legal.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].0, QuoteKind::Indirect);
    assert_eq!(shown[0].1, "that the roads matter most.");
    assert!(shown[0].2.ends_with("voters"));
    assert_eq!(shown[1].1, "whether the plan was legal.");
    assert_eq!(shown[1].2, "The senator");
}

#[test]
fn a_hope_or_a_vow_with_to_is_an_intention() {
    let text = "The coach hopes to win the cup next year.\n\nThe rebels vowed to fight on.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert_eq!(shown[0].1, "to win the cup next year.");
    assert_eq!(shown[0].2, "The coach");
    assert_eq!(shown[1].1, "to fight on.");
    assert_eq!(shown[1].2, "The rebels");
    // (a vow is a speech act too; a hope is only an intention)
    let config = QuoteConfig {
        intentions: false,
        ..QuoteConfig::default()
    };
    let t = "The coach hopes to win the cup next year.";
    assert!(run_with(t, config).is_empty());
}

#[test]
fn a_cue_word_used_as_a_noun_before_a_verb_reports_nothing() {
    for t in [
        "The morning show has not found a new host.",
        "Saturday’s tweet was a reminder of his temper.",
        "The strong jobs report has cleared the way for a rate rise.",
    ] {
        assert!(run(t).is_empty(), "{t}: {:?}", show(t, &run(t)));
    }
    // a relative clause keeps its cue: `the dispute the ministry said was settled`
    let t = "They raised the dispute the ministry said was settled.";
    assert_eq!(run(t).len(), 1, "{:?}", show(t, &run(t)));
}

#[test]
fn citing_a_source_names_it_and_citing_a_thing_is_a_speech_act() {
    let t = "The agency cut its forecast, citing officials in Berlin.";
    assert_eq!(
        only(t, &run(t)),
        (
            "The agency cut its forecast".into(),
            "officials".into(),
            "citing".into()
        )
    );
    let t = "The mayor resigned on Friday, citing the rising cost of housing.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the rising cost of housing.");
    assert_eq!(q.1, "The mayor");
}

#[test]
fn talking_about_and_discussing_a_topic_are_speech_acts() {
    let t = "The senator talked about the farm bill.";
    assert_eq!(
        only(t, &run(t)),
        (
            "the farm bill.".into(),
            "The senator".into(),
            "talked".into()
        )
    );
    let t = "The ministers discussed the new border checks.";
    assert_eq!(only(t, &run(t)).0, "the new border checks.");
    // a place or an addressee is no topic
    let t = "The senator talked to reporters at the airport.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_question_put_to_the_speaker_is_attributed_without_a_speaker() {
    let t = "Asked on Monday whether he would run again, the governor smiled.";
    let qs = run(t);
    let shown = show(t, &qs);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].1, "whether he would run again");
    assert!(qs[0].speaker.is_none());
    let t = "The mayor shrugged when asked about the delay.";
    let shown = show(t, &run(t));
    assert!(shown.iter().any(|s| s.1 == "about the delay"), "{shown:?}");
    // a named asker is left out
    let t = "Asked by a reporter whether he would run again, the governor smiled.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_title_case_headline_attributes_with_its_capitalised_verb() {
    let t = "Harbour Chief Says Ferries Will Run All Winter\n\nThe ferries will run, she said.";
    let shown = show(t, &run(t));
    assert!(
        shown
            .iter()
            .any(|s| s.1 == "Ferries Will Run All Winter" && s.2 == "Harbour Chief"),
        "{shown:?}"
    );
    // only a headline: a capitalised word in body text is no verb
    let t = "The report by Says Media was late.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_poll_opening_its_sentence_is_the_source_of_what_follows() {
    let t = "In a Harbour Gazette poll released Monday, most residents backed the ferry plan.";
    assert_eq!(
        only(t, &run(t)),
        (
            "most residents backed the ferry plan.".into(),
            "a Harbour Gazette poll".into(),
            "In".into()
        )
    );
    let t = "In a long interview last week, the mayor backed the ferry plan.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_kicker_before_a_headline_colon_is_no_source() {
    let t = "Just Leaked: Harbour Board Plans To Sell The Ferries\n\nThe board met on Monday.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
    let t = "Okafor: Harbour Board Will Sell The Ferries\n\nThe board met on Monday.";
    assert_eq!(show(t, &run(t))[0].2, "Okafor");
}

#[test]
fn a_share_or_count_from_the_clause_start_is_a_subject() {
    let t = "The harvest was poor. Two in three said the rains came too late.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the rains came too late.");
    assert_eq!(q.1, "Two in three");
    let t = "Almost half of growers polled said prices would fall.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "prices would fall.");
    assert_eq!(q.1, "Almost half of growers polled");
    let t = "The mill closed in May, and most of them said they had liked the work.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "they had liked the work.");
    assert_eq!(q.1, "most of them");
    // (a count inside a phrase that does not open the clause is no subject)
    let t = "The report on two in three farms said nothing new.";
    assert!(show(t, &run(t)).iter().all(|s| s.2 != "two in three farms"));
}

#[test]
fn a_coordinated_subject_or_one_after_but_can_speak() {
    let t = "But small bakers and local grocers say they have lost customers.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "they have lost customers.");
    assert_eq!(q.1, "small bakers and local grocers");
    let t = "The bridge looks sound, but flood engineers say the piers are weak.";
    let qs = run(t);
    let shown = show(t, &qs);
    assert!(
        shown
            .iter()
            .any(|s| s.1 == "the piers are weak." && s.2 == "flood engineers"),
        "{shown:?}"
    );
}

#[test]
fn a_subject_with_an_inserted_example_or_count_speaks() {
    let t = "Several mayors, including Ortiz, said the tax would hurt shops.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the tax would hurt shops.");
    assert_eq!(q.1, "Several mayors");
    let t = "Just over a fifth, 21 percent, say they will stay home.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "they will stay home.");
    assert_eq!(q.2, "say");
}

#[test]
fn told_with_an_addressee_then_a_clause_opening_with_a_noun_phrase() {
    let t = "The coach told reporters this was his last season.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "this was his last season.");
    assert_eq!(q.1, "The coach");
    let t = "The coach told the paper her players never complained.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "her players never complained.");
    let t = "The coach told the paper she would stay.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "she would stay.");
    // (an object with its own relative clause is no statement)
    let t = "The coach told the team the story he had heard as a boy.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_reported_clause_may_open_with_a_share() {
    let t = "The auditors said about half of the grants were never used.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "about half of the grants were never used.");
    assert_eq!(q.1, "The auditors");
    // (a topic, not a share: `wrote about …`)
    let t = "The old survey wrote about tools used by sailors.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn time_words_or_a_long_adjunct_before_the_reported_clause() {
    let t = "The minister said on Friday he met the envoy twice.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "he met the envoy twice.");
    assert_eq!(q.1, "The minister");
    let t = "The minister said in a long interview with the evening paper last week that the \
             port would reopen.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "that the port would reopen.");
    // (far from the verb, a relative `that` opens no reported clause)
    let t = "The minister said in a long interview with the evening paper about equipment that \
             could help.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_question_put_without_its_asker_is_reported_without_a_speaker() {
    let t = "Asked whether the ferry would run again, the captain shrugged.";
    let qs = run(t);
    let shown = show(t, &qs);
    assert!(
        shown
            .iter()
            .any(|s| s.1 == "whether the ferry would run again" && s.2.is_empty()),
        "{shown:?}"
    );
    let t = "The captain shrugged when asked if the ferry would run again.";
    let shown = show(t, &run(t));
    assert!(
        shown
            .iter()
            .any(|s| s.1 == "if the ferry would run again" && s.2.is_empty()),
        "{shown:?}"
    );
    // (a named asker is left to the other rules; a plain `asked` needs no such rule)
    let t = "Asked by a clerk whether the ferry would run, the captain shrugged.";
    assert!(show(t, &run(t)).iter().all(|s| !s.2.is_empty()));
}

#[test]
fn a_speech_act_that_takes_a_clause_may_take_an_object() {
    let t = "The governor acknowledged the defeat of her party.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the defeat of her party.");
    assert_eq!(q.1, "The governor");
}

#[test]
fn an_as_attribution_before_a_comma_reports_the_clause_after_it() {
    let t = "As the gazette noted, the mill had closed twice before.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the mill had closed twice before.");
    assert_eq!(q.1, "the gazette");
    let t = "But as Ruiz reported on Monday, the vote was very close.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the vote was very close.");
    // (an `as` inside a clause compares, it reports nothing)
    let t = "The team played the match as the coach said.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn according_to_after_a_short_opener_reports_what_follows() {
    let t = "In addition, according to the ministry, many more clinics will open.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "many more clinics will open.");
    assert_eq!(q.1, "the ministry");
    // (a clause before the comma is what is reported)
    let t = "Sales rose, according to the firm.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "Sales rose");
}

#[test]
fn a_participle_of_saying_after_a_dash_takes_the_sentence_subject() {
    let t = "Ortiz changed his vote – saying he had misread the bill.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "he had misread the bill.");
    assert_eq!(q.1, "Ortiz");
}

#[test]
fn a_title_case_headline_with_says_reports_what_follows() {
    let t = "Mayor Ortiz Says The Old Bridge Will Reopen In May";
    let q = only(t, &run(t));
    assert_eq!(q.0, "The Old Bridge Will Reopen In May");
    assert_eq!(q.1, "Mayor Ortiz");
    assert_eq!(q.2, "Says");
    // (a game's name, nothing after it)
    let t = "The children played Simon Says.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_subject_with_an_insert_between_dashes_speaks() {
    let t = "Farmers — and some millers — say that the quota is too low.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "that the quota is too low.");
    assert_eq!(q.1, "Farmers");
    let t = "Ortiz — after a long pause — told me he had never felt so tired.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "he had never felt so tired.");
    assert_eq!(q.1, "Ortiz");
}

#[test]
fn however_between_the_verb_and_that_and_a_clause_opening_with_at_least() {
    let t = "The clerks told the paper, however, that the files were lost.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "that the files were lost.");
    assert_eq!(q.1, "The clerks");
    let t = "The station reported at least six small planes circled the stadium.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "at least six small planes circled the stadium.");
    // (`at least` with no clause after it)
    let t = "The station reported at least six small planes.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn an_inverted_attribution_may_end_with_a_relative_clause() {
    let t =
        "The harvest was poor, said Jo Ortiz, a grower near Lyon, who notes that rain came late.";
    let shown = show(t, &run(t));
    assert!(
        shown
            .iter()
            .any(|s| s.1 == "The harvest was poor" && s.2 == "Jo Ortiz"),
        "{shown:?}"
    );
}

#[test]
fn a_cue_word_after_an_article_is_a_noun() {
    let t = "The report prompted a sharp rebuke from the council.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
    let t = "The question here is whether the bridge will hold.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
    // (a verb after a possessive stays a nominal attribution: `the mayor’s call for …`)
    let t = "The council backed the mayor’s call for a new bridge.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "a new bridge.");
}

#[test]
fn a_speech_act_coordinated_with_the_cue_ends_the_reported_clause() {
    let t = "Ms. Ortiz said the mayor was wrong and criticized him for closing the bridge.";
    let shown = show(t, &run(t));
    assert!(
        shown
            .iter()
            .any(|s| s.1 == "the mayor was wrong" && s.2 == "Ms. Ortiz"),
        "{shown:?}"
    );
    // (a passive inside the content goes on)
    let t = "Ms. Ortiz said the clerk was arrested and criticized by the judge.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the clerk was arrested and criticized by the judge.");
}

#[test]
fn a_named_poll_after_its_finding_is_its_source() {
    let t = "The race was tight last week. Ms. Ortiz had 38 percent support in a new Gazette poll.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "Ms. Ortiz had 38 percent support");
    assert_eq!(q.1, "a new Gazette poll");
    // (the polls in general are no source)
    let t = "The race was tight last week. Ms. Ortiz is still ahead in the polls.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_label_without_marks_after_a_pronoun_object() {
    let t = "Ms. Ortiz called him a reckless gambler with their money.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "him a reckless gambler with their money.");
    assert_eq!(q.2, "called");
    // (a phone call, a call back)
    let t = "Ms. Ortiz called him on Monday.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_bare_plural_group_keeps_its_modifiers() {
    let t = "The bridge will stay closed until June, county transport officials said.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "The bridge will stay closed until June");
    assert_eq!(q.1, "county transport officials");
    let t = "Harbor police officials said the pier was safe.";
    let q = only(t, &run(t));
    assert_eq!(q.1, "Harbor police officials");
}

#[test]
fn said_with_a_condition_without_its_comma_or_a_bare_answer() {
    let t = "At the rally, Okafor said if elected mayor she would reopen the pier.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "if elected mayor she would reopen the pier.");
    assert_eq!(q.1, "Okafor");
    let t = "Asked about the tolls, every council member said yes.";
    let shown = show(t, &run(t));
    assert!(shown.iter().any(|s| s.1 == "yes"), "{shown:?}");
    let t = "Okafor said no to the new tolls.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "no to the new tolls.");
    // (`no` opening a clause is no answer)
    let t = "Okafor said no ship came.";
    let shown = show(t, &run(t));
    assert!(!shown.iter().any(|s| s.1 == "no"), "{shown:?}");
}

#[test]
fn the_speakers_are_the_group_not_its_complement() {
    let t = "Critics of Mayor Okafor say the tolls are too high.";
    let q = only(t, &run(t));
    assert_eq!(q.1, "Critics of Mayor Okafor");
    let t = "Some of his aides said the tolls were too high.";
    assert_eq!(only(t, &run(t)).1, "Some of his aides");
    let t = "The mayor of Lyon said the tolls were too high.";
    assert_eq!(only(t, &run(t)).1, "The mayor of Lyon");
    // (the critics are not Okafor)
    let t = "Mayor Jo Okafor opened the pier. Critics of Okafor said the tolls were too high.";
    let qs = run(t);
    let q = qs
        .iter()
        .find(|q| q.span.slice(t).starts_with("the tolls"))
        .unwrap();
    assert_ne!(q.speaker.as_ref().unwrap().entity, "Jo Okafor");
}

#[test]
fn a_bare_plural_noun_with_modifiers_can_speak() {
    let t = "Harbor freight advocates say the new tolls will cost jobs.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the new tolls will cost jobs.");
    assert_eq!(q.1, "Harbor freight advocates");
    // (a plural alone, with no modifier, is not enough)
    let t = "Tolls say little about the harbor.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_view_with_its_object_and_as() {
    let t = "Harbor developers see the old pier as wasted space.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the old pier as wasted space.");
    assert_eq!(q.1, "Harbor developers");
    assert_eq!(q.2, "see");
    // (seeing a thing is no view)
    let t = "The Okafors saw gorillas on the trip.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn a_fronted_speech_participle_takes_the_speaker_after_its_comma() {
    let t = "Noting that turnout fell in May, Okafor added a warning about the harbor.";
    let shown = show(t, &run(t));
    assert!(
        shown
            .iter()
            .any(|s| s.1 == "that turnout fell in May" && s.2 == "Okafor"),
        "{shown:?}"
    );
}

#[test]
fn called_on_someone_to_act_is_an_appeal_not_a_visit() {
    let t = "Sen. Ortiz called on Mayor Okafor to resign over the harbor tolls.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "Mayor Okafor to resign over the harbor tolls.");
    assert_eq!(q.2, "called on");
    // (a courtesy call, with `to` inside a title)
    let t = "Mr Sato later called on Adviser to the Prime Minister Jo Okafor.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
}

#[test]
fn sentence_adverbs_between_speaker_and_cue_are_skipped() {
    for t in [
        "Okafor however said the harbor tolls would stay.",
        "Okafor has long said the harbor tolls would stay.",
        "Okafor now says the harbor tolls would stay.",
        "Okafor nonetheless insisted the harbor tolls would stay.",
    ] {
        let q = only(t, &run(t));
        assert_eq!(q.0, "the harbor tolls would stay.", "{t}");
        assert_eq!(q.1, "Okafor", "{t}");
    }
}

#[test]
fn reported_content_with_a_quote_ends_where_the_writer_comments_on_it() {
    for (t, want) in [
        (
            "Okafor said the tolls were “a disgrace” — a rare rebuke from a mayor.",
            "the tolls were “a disgrace”",
        ),
        (
            "Okafor said the tolls were “a disgrace,” a charge the port denied.",
            "the tolls were “a disgrace,”",
        ),
        (
            "Okafor told Mayor Lund the tolls were “a disgrace,” which angered the port.",
            "the tolls were “a disgrace,”",
        ),
    ] {
        let q = only(t, &run(t));
        assert_eq!(q.0, want, "{t}");
        assert_eq!(q.1, "Okafor", "{t}");
    }
    // (with no quoted words, a relative clause still belongs to the report)
    let t = "Okafor said the tolls hurt Lund, which relies on the port.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the tolls hurt Lund, which relies on the port.");
    // (a hyphen inside a word is no dash)
    let t = "Okafor said the tolls were “a disgrace” for first-time drivers.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the tolls were “a disgrace” for first-time drivers.");
}

#[test]
fn reported_content_with_a_quote_ends_at_the_writers_participle() {
    let t = "Okafor said the tolls were “a disgrace,” adding that the port had misled drivers.";
    let shown = show(t, &run(t));
    assert!(
        shown
            .iter()
            .any(|s| s.1 == "the tolls were “a disgrace,”" && s.2 == "Okafor"),
        "{shown:?}"
    );
    // (`including` keeps its list inside the report)
    let t = "Okafor said the tolls hit “everyone,” including the fishermen.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the tolls hit “everyone,” including the fishermen.");
}

#[test]
fn a_fronted_participle_phrase_is_not_the_subject_of_a_coordinated_cue() {
    let t = "Speaking on Monday, Okafor visited the harbor and said the tolls were unfair.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the tolls were unfair.");
    assert_eq!(q.1, "Okafor");
}

#[test]
fn a_lowercase_quote_after_a_coordinated_speaker_is_direct() {
    let t = "At the pier, a driver waved at the car and Okafor said, “as long as it is quick.”";
    let q = only(t, &run(t));
    assert_eq!(q.0, "as long as it is quick.");
    assert_eq!(q.1, "Okafor");
    // (words fronted before the speaker's comma belong to the quoted sentence)
    let t = "The truth is, the mayor added, “nobody reads the toll signs.”";
    let shown = show(t, &run(t));
    assert!(
        shown
            .iter()
            .any(|s| s.1.starts_with("The truth is") && s.2 == "the mayor"),
        "{shown:?}"
    );
}

#[test]
fn a_colon_after_a_statement_takes_the_subject_with_its_job() {
    let t = "In response to the flooding, Harbor Commissioner Jo Okafor issued the following statement:\n\n“Our thoughts are with the families. The pier will reopen.”";
    let q = only(t, &run(t));
    assert_eq!(
        q.0,
        "Our thoughts are with the families. The pier will reopen."
    );
    assert_eq!(q.1, "Harbor Commissioner Jo Okafor");
}

#[test]
fn an_aside_between_commas_before_the_cue_is_skipped() {
    let t = "Supporters of the harbor plan, however, say the tolls will fall.";
    let q = only(t, &run(t));
    assert_eq!(q.0, "the tolls will fall.");
    assert_eq!(q.1, "Supporters of the harbor plan");
    let t = "Ferry captains, for instance, argue that the tolls will fall.";
    let q = only(t, &run(t));
    assert_eq!(q.1, "Ferry captains");
}

#[test]
fn a_party_member_description_speaks_for_a_coordinated_cue() {
    let t = "The Ohio Republican criticized the harbor plan and said voters were “angry.”";
    let shown = show(t, &run(t));
    assert!(
        shown
            .iter()
            .any(|s| s.1 == "voters were “angry.”" && s.2 == "The Ohio Republican"),
        "{shown:?}"
    );
}
