//! Unit tests of the quotes stage (direct), on sentences written for nlpipe.

use super::tests::{run, show};
use super::*;

#[test]
fn a_quote_before_said_and_a_name_is_direct() {
    let text = "“We will not give up,” said Maria Lopez, the party leader.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].1, "We will not give up,");
    assert_eq!(shown[0].3, "Maria Lopez");
}

#[test]
fn a_question_ending_a_paragraph_does_not_take_the_next_subject() {
    let text = "“It has been ten years,” Ana Ruiz said, asked about the delay. “Why wait?”\n\n\
                The council said it was doing its best.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(
        shown[0].1,
        "It has been ten years,” Ana Ruiz said, asked about the delay. “Why wait?"
    );
    assert_eq!(shown[0].3, "Ana Ruiz");
    assert!(shown.iter().all(|s| s.1 != "Why wait?"));
}

#[test]
fn a_lowercase_quote_after_an_opening_phrase_is_partial() {
    let text = "Sooner or later, the mayor told reporters, “it will pay off.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(
        shown[0].1,
        "Sooner or later, the mayor told reporters, “it will pay off."
    );
    assert_eq!(shown[0].2, "the mayor");
}

#[test]
fn a_lowercase_quote_after_that_is_partial_from_that() {
    let text = "Lena Park told the board that if it wants a vote, “come and take one.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(shown[0].1, "if it wants a vote, “come and take one.");
    assert_eq!(shown[0].3, "Lena Park");
}

#[test]
fn a_sentence_opening_with_in_carries_its_fragment() {
    let text = "Tom Hale left the firm, and in doing so he “made a big mistake,” Rosa Diaz said.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(
        shown[0].1,
        "Tom Hale left the firm, and in doing so he “made a big mistake,"
    );
    assert_eq!(shown[0].3, "Rosa Diaz");
}

#[test]
fn a_job_before_the_name_belongs_to_the_speaker() {
    let text = "Her plan will carry “a lot of weight” with voters, party spokesman Dan Reyes said.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(
        shown[0].1,
        "Her plan will carry “a lot of weight” with voters"
    );
    assert_eq!(shown[0].2, "party spokesman Dan Reyes");
    assert_eq!(shown[0].3, "Dan Reyes");
}

#[test]
fn a_quote_after_adding_is_a_quote_of_its_own() {
    let text = "“The vote is over,” Kim Soto said, adding, “We won.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].1, "The vote is over,");
    assert_eq!(shown[1].0, QuoteKind::Direct);
    assert_eq!(shown[1].1, "We won.");
    assert_eq!(shown[1].3, "Kim Soto");
    assert_eq!(qs[1].cue.unwrap().slice(text), "adding");
}

#[test]
fn a_fragment_after_a_coordinated_said_takes_the_sentence_subject() {
    let text = "Nora Bell left the room and said the city had “no choice” at all.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(shown[0].1, "the city had “no choice” at all.");
    assert_eq!(shown[0].3, "Nora Bell");
}

#[test]
fn fragments_of_one_reported_clause_stay_one_partial_quote() {
    let text =
        "Ruth Kane said that the deal was “a good start” and that the talks were “far from over.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(
        shown[0].1,
        "that the deal was “a good start” and that the talks were “far from over.”"
    );
}

#[test]
fn a_coordinated_verb_starts_a_partial_quote_after_it() {
    let text = "Ruth Kane called the deal “a good start” and said the talks were “far from over.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].1, "the deal “a good start”");
    assert_eq!(shown[1].0, QuoteKind::Partial);
    assert_eq!(shown[1].1, "the talks were “far from over.”");
    assert_eq!(shown[1].3, "Ruth Kane");
}

#[test]
fn a_quote_after_a_quoting_sentence_carries_it_on() {
    let text = "“We lost,” Lina Ortiz said on Monday night. “The party is running out of time.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(
        shown[0].1,
        "We lost,” Lina Ortiz said on Monday night. “The party is running out of time."
    );
    assert_eq!(shown[0].3, "Lina Ortiz");
}

#[test]
fn a_quote_after_reported_speech_is_a_quote_of_its_own() {
    let text = "Omar Diaz said the talks had failed. “We tried everything we could think of.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].0, QuoteKind::Indirect);
    assert_eq!(shown[1].0, QuoteKind::Direct);
    assert_eq!(shown[1].1, "We tried everything we could think of.");
    assert_eq!(shown[1].3, "Omar Diaz");
}

#[test]
fn a_paragraph_opening_quote_after_reported_speech_takes_its_speaker() {
    let text = "Omar Diaz said the talks had failed.\n\n“We tried everything we could think of.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[1].0, QuoteKind::Direct);
    assert_eq!(shown[1].3, "Omar Diaz");
}

#[test]
fn a_cue_word_after_an_article_is_a_speaker_noun() {
    let text = "The mayor spoke on Monday. The email said: “We will not close the school.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].1, "We will not close the school.");
    assert_eq!(shown[0].2, "The email");
}

#[test]
fn a_colon_after_an_opening_phrase_takes_the_sentence_subject() {
    let text = "After the vote, the city council issued a short statement:\n\n\
                “We thank every resident who took part.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].1, "We thank every resident who took part.");
    assert_eq!(shown[0].2, "the city council");
}

#[test]
fn a_participle_after_an_opening_phrase_takes_the_sentence_subject() {
    let text = "On Monday, Rosa Lind changed course, stating in an interview that the plan was “clearly dead.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(shown[0].1, "that the plan was “clearly dead.”");
    assert_eq!(shown[0].3, "Rosa Lind");
}

#[test]
fn a_cue_word_used_as_a_noun_does_not_stop_a_partial_start() {
    let text = "The secretary of state will play the “peace card,” Mia Holt said.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(
        shown[0].1,
        "The secretary of state will play the “peace card,"
    );
    assert_eq!(shown[0].3, "Mia Holt");
}

#[test]
fn a_signature_line_after_a_quote_names_its_speaker() {
    let text = "“We will fix the roads before winter.”\n\n- Anna Berg.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].1, "We will fix the roads before winter.");
    assert_eq!(shown[0].3, "Anna Berg");
}

#[test]
fn a_dash_and_a_name_after_a_quote_on_its_line_sign_it() {
    let text = "Readers wrote to us.\n\n“The buses never come on time.” ― Ines Moreno\n\
                “We need more trains.” — Paul Okafor. “Fix the roads first.”― Lea Brandt\n\n\
                “Nobody asked us.” - Tom Hale of the council, on Friday.";
    let qs = run(text);
    let shown = show(text, &qs);
    let signed: Vec<_> = shown.iter().map(|s| (s.1.as_str(), s.3.as_str())).collect();
    assert!(signed.contains(&("The buses never come on time.", "Ines Moreno")));
    assert!(signed.contains(&("Fix the roads first.", "Lea Brandt")));
    assert!(signed.contains(&("We need more trains.", "Paul Okafor")));
    // a name that runs on into its sentence signs nothing
    assert!(shown.iter().all(|s| s.3 != "Tom Hale"));
}

#[test]
fn an_adverb_between_speaker_and_verb_is_skipped() {
    let text = "Nick Ford firmly said, “We will not sell the farm.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].1, "We will not sell the farm.");
    assert_eq!(shown[0].3, "Nick Ford");
}

#[test]
fn any_past_tense_verb_after_a_quote_and_a_name_attributes_it() {
    let text = "“Would you sign it today?” Lia Moss pressed.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].1, "Would you sign it today?");
    assert_eq!(shown[0].3, "Lia Moss");
    assert_eq!(qs[0].cue.unwrap().slice(text), "pressed");
}

#[test]
fn a_present_tense_verb_with_a_particle_after_a_quote_attributes_it() {
    let text = "“They have never won here,” he points out.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "They have never won here,");
    assert_eq!(shown[0].2, "he");
    assert_eq!(qs[0].cue.unwrap().slice(text), "points");
}

#[test]
fn any_past_tense_verb_before_a_name_after_a_quote_attributes_it() {
    let text = "“It was a long night,” recalled Ivan Petrov.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].1, "It was a long night,");
    assert_eq!(shown[0].3, "Ivan Petrov");
}

#[test]
fn three_apostrophes_close_a_nested_quote_and_the_quote() {
    let text = "''He would ask me, 'Why bother?''' Eva Lunn said.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].1, "He would ask me, 'Why bother?'");
    assert_eq!(shown[0].3, "Eva Lunn");
}

#[test]
fn a_fragment_after_by_saying_takes_the_sentence_subject() {
    let text = "Dana Holt spoke first. Holt landed in trouble last week by saying that the \
                referee was “plainly unfair” in the final.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(
        shown[0].1,
        "that the referee was “plainly unfair” in the final."
    );
    assert_eq!(shown[0].3, "Dana Holt");
    assert_eq!(qs[0].cue.unwrap().slice(text), "saying");
}

#[test]
fn an_adverb_between_subject_and_verb_keeps_the_subject() {
    let text = "Omar Diaz has steadily pushed his idea of “a fair deal for towns” this year.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(shown[0].1, "his idea of “a fair deal for towns” this year.");
    assert_eq!(shown[0].3, "Omar Diaz");
}

#[test]
fn hailed_as_a_quoted_word_is_a_label() {
    let text = "Lena Frost hailed the new budget as “historic” on Monday.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(shown[0].1, "the new budget as “historic”");
    assert_eq!(shown[0].3, "Lena Frost");
    assert_eq!(qs[0].cue.unwrap().slice(text), "hailed");
}

#[test]
fn a_participle_after_a_fragment_is_no_inverted_attribution() {
    let text = "Dana Holt has offered a spirited defense of “rural values,” saying the town \
                embodied the “heart and soul of the state.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(shown[0].1, "a spirited defense of “rural values,”");
    assert_eq!(shown[0].3, "Dana Holt");
    assert_eq!(shown[1].0, QuoteKind::Partial);
    assert_eq!(
        shown[1].1,
        "the town embodied the “heart and soul of the state.”"
    );
    assert_eq!(shown[1].3, "Dana Holt");
    assert_eq!(qs[1].cue.unwrap().slice(text), "saying");
}

#[test]
fn a_quote_after_an_infinitive_cue_takes_the_subject_of_its_verb_chain() {
    let text = "The hearing was so calm that Ms. Ortiz was moved to say, “I have never seen \
                such patience.”\n\nThe mayor went on to say, “We will open the bridge in May.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].2, "Ms. Ortiz");
    assert_eq!(shown[1].0, QuoteKind::Direct);
    assert_eq!(shown[1].2, "The mayor");
}

#[test]
fn a_quote_after_a_speaker_with_a_relative_clause_and_a_time_takes_the_speaker() {
    let text = "An aide who asked not to be named said Tuesday, “The vote will be close.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].1, "The vote will be close.");
    assert_eq!(shown[0].2, "An aide");
    // `asked not to be named` reports nothing
    assert!(shown.iter().all(|s| !s.1.contains("not to be named")));
}

#[test]
fn a_speaker_description_after_a_quote_may_hold_hyphenated_words() {
    let text = "The town voted. “The bridge is late again,” the left-leaning weekly wrote. \
                “Why did nobody tell us?” the 52-year-old asked.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].2, "the left-leaning weekly");
    assert_eq!(shown[1].0, QuoteKind::Direct);
    assert_eq!(shown[1].2, "the 52-year-old");
}

#[test]
fn a_quote_after_put_it_takes_the_subject_of_put() {
    let text = "The crowd left early. As the critic put it, “Nobody came for the second act.” \
                \n\nProfessor Lane put it: “The town has changed more than its roads.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].2, "the critic");
    assert_eq!(qs[0].cue.unwrap().slice(text), "put it");
    assert_eq!(shown[1].0, QuoteKind::Direct);
    assert_eq!(shown[1].2, "Professor Lane");
    assert_eq!(qs[1].cue.unwrap().slice(text), "put it");
}

#[test]
fn a_quote_after_a_cue_with_a_newspaper_and_a_written_statement_takes_the_subject() {
    let text = "The board met twice. Mayor Kent told the Valley Post in a written statement, \
                “We will reopen the library.”\n\nHer deputy said in a written statement, \
                “The budget is balanced.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].2, "Mayor Kent");
    assert_eq!(qs[0].cue.unwrap().slice(text), "told");
    assert_eq!(shown[1].0, QuoteKind::Direct);
    assert_eq!(shown[1].2, "Her deputy");
    assert_eq!(qs[1].cue.unwrap().slice(text), "said");
}

#[test]
fn a_title_in_the_attribution_does_not_continue_the_quote() {
    let text =
        "“We are ready for the winter,” Lena Park said on the radio program “Early Light.”\n\n\
                “Nobody will be left out,” Tom Reyes said in an interview with “Metro Tonight.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert_eq!(shown[0].1, "We are ready for the winter,");
    assert_eq!(shown[0].3, "Lena Park");
    assert_eq!(shown[1].1, "Nobody will be left out,");
    assert_eq!(shown[1].3, "Tom Reyes");
}

#[test]
fn a_partial_in_a_fronted_while_clause_ends_at_its_comma() {
    let text =
        "While Mayor Ann Holt said the budget was “a disaster” for the schools, the council \
                approved it on Monday.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Partial);
    assert_eq!(shown[0].1, "the budget was “a disaster” for the schools");
    assert_eq!(shown[0].3, "Ann Holt");
    // a coordinated clause past the quoted words still belongs to them
    let text = "Mayor Ann Holt said the budget was “a disaster” for the schools, and she asked \
                the council to vote again.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert!(shown[0].1.ends_with("to vote again."));
}

#[test]
fn a_title_after_a_possessive_or_a_media_noun_is_no_quote() {
    let text = "Speaking Monday on KTV’s “Morning Desk,” Mayor Ann Holt said the budget was \
                balanced.\n\n“We cut nothing,” Holt wrote in her memoir, “Open Doors.” She did \
                not say more.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].0, QuoteKind::Indirect);
    assert_eq!(shown[0].1, "the budget was balanced.");
    assert_eq!(shown[1].0, QuoteKind::Direct);
    assert_eq!(shown[1].1, "We cut nothing,");
    assert_eq!(shown[1].3, "Ann Holt");
}

#[test]
fn an_inverted_cue_takes_a_lowercase_description_before_the_name() {
    let text = "The hall was full.\n\n“We will win,” said retired surgeon Ben Carlo, asked \
                about the polls.\n\n“We will lose,” said former secretary of state Ana Vidal, \
                who spoke first.\n\n“Not today,” Tom Reyes shot back.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 3);
    assert_eq!(shown[0].1, "We will win,");
    assert_eq!(shown[0].2, "retired surgeon Ben Carlo");
    assert_eq!(shown[0].3, "Ben Carlo");
    assert_eq!(shown[1].2, "former secretary of state Ana Vidal");
    assert_eq!(shown[1].3, "Ana Vidal");
    assert_eq!(shown[2].1, "Not today,");
    assert_eq!(shown[2].3, "Tom Reyes");
}

#[test]
fn a_quote_after_an_abbreviation_ending_the_attribution_continues_the_quote() {
    let text = "The race is close.\n\n\"We will win,\" said Rita Wool, 20, of Tampa, Fla. \"She \
                has the typical style.\"";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert!(shown[0].1.starts_with("We will win,"));
    assert!(shown[0].1.ends_with("the typical style."));
    assert_eq!(shown[0].3, "Rita Wool");
}

#[test]
fn a_narrative_sentence_between_two_quotes_keeps_them_apart() {
    let text = "The vote was close.\n\n“Those are small towns,” Tom Reyes said. The towns lie \
                far away from any big city. “It is a tough area.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].1, "Those are small towns,");
    assert_eq!(shown[1].0, QuoteKind::Direct);
    assert_eq!(shown[1].1, "It is a tough area.");
    assert_eq!(shown[1].3, "Tom Reyes");
    // only the attribution in between: one quotation
    let text = "The vote was close.\n\n“Those are small towns,” Tom Reyes said. “It is a \
                tough area.”";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert!(shown[0].1.ends_with("a tough area."));
}

#[test]
fn a_second_cue_chained_to_the_attribution_opens_a_quote_of_its_own() {
    for text in [
        "“The plan will fail,” Ana Vidal said before adding: “Nobody wants it.”",
        "“The plan will fail,” Ana Vidal said at a rally, and then predicted: “Nobody wants it.”",
        "“The plan will fail,” Ana Vidal said on “Morning Desk,” adding, “Nobody wants it.”",
    ] {
        let qs = run(text);
        let shown = show(text, &qs);
        assert_eq!(shown.len(), 2, "{text}");
        assert_eq!(shown[0].1, "The plan will fail,");
        assert_eq!(shown[1].0, QuoteKind::Direct);
        assert_eq!(shown[1].1, "Nobody wants it.");
        assert_eq!(shown[1].3, "Ana Vidal");
    }
}

#[test]
fn a_sentence_quoted_after_a_verb_and_its_comma_takes_the_clause_subject() {
    let cases = [
        (
            "Asked on Monday whether he would stay, Mrs. Vidal shook her head and said, “No.”",
            "No.",
            "Vidal",
        ),
        (
            "Asked which county was his favorite, he demurred: “Whichever one I am in.”",
            "Whichever one I am in.",
            "he",
        ),
        (
            "The editor I was talking to, Tom Reyes, interrupted me in mid-sentence to \
             announce, “And there goes the deal.”",
            "And there goes the deal.",
            "Tom Reyes",
        ),
        (
            "Holt was joined on stage by Sen. Ann Vidal and joked, “You are being \
             ridiculous,” drawing jeers.",
            "You are being ridiculous,",
            "Holt",
        ),
        (
            "Ned circled the boat as his friends jeered, “Goodbye!”",
            "Goodbye!",
            "his friends",
        ),
    ];
    for (text, quote, speaker) in cases {
        let qs = run(text);
        let shown = show(text, &qs);
        let q = shown.iter().find(|s| s.0 == QuoteKind::Direct).expect(text);
        assert_eq!(q.1, quote, "{text}");
        assert!(q.2.ends_with(speaker), "{text}: {q:?}");
    }
    // a lowercase fragment after the comma is no sentence of its own
    let text = "In 2010, the family moved to Texas and, “we never looked back.”";
    let shown = show(text, &run(text));
    assert!(shown.iter().all(|s| s.0 != QuoteKind::Direct), "{shown:?}");
}

#[test]
fn a_document_named_by_a_cue_noun_can_speak_after_the_quote() {
    for (text, speaker) in [
        ("“The town must act now,” the report stated.", "the report"),
        ("“You will lose the vote,” the email said.", "the email"),
        ("“See you at the hall,” the note says.", "the note"),
    ] {
        let qs = run(text);
        let shown = show(text, &qs);
        assert_eq!(shown.len(), 1, "{text}");
        assert_eq!(shown[0].0, QuoteKind::Direct);
        assert_eq!(shown[0].2, speaker);
    }
}

#[test]
fn a_closing_mark_set_where_a_quote_opens_opens_it() {
    let text =
        "The post drew replies.\n\n\u{202a}”Stay strong, we are with you!” posted Ana Vidal.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "Stay strong, we are with you!");
    assert_eq!(shown[0].3, "Ana Vidal");
    let text = "The paper was blunt.\n\n” … the mayor has lost his way,” the editors wrote.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, QuoteKind::Direct);
    assert!(shown[0].1.ends_with("lost his way,"));
    // a stray closing mark inside a sentence opens nothing
    let text = "He was “tired” ” and sad, Tom Reyes said.";
    let shown = show(text, &run(text));
    assert!(shown.iter().all(|s| s.0 != QuoteKind::Direct), "{shown:?}");
}

#[test]
fn a_title_after_a_media_noun_is_no_direct_quote_from_any_pass() {
    let text = "The meeting was led by Ben Carlo, star of the cable reality show “Cake Kings.”";
    let shown = show(text, &run(text));
    assert!(shown.iter().all(|s| s.0 != QuoteKind::Direct), "{shown:?}");
    // the speech of its star still is one
    let text = "“It is too early to tell,” said Ben Carlo, the host of the show “Cake Kings.”";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "It is too early to tell,");
    assert_eq!(shown[0].3, "Ben Carlo");
}

#[test]
fn the_same_curly_mark_nested_in_a_quote_does_not_close_it() {
    let text = "Ann Vidal wrote, “If you want people to care, you have to act even when “your \
                side” is wrong. Otherwise it rings hollow.”";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
    assert!(shown[0].1.starts_with("If you want"));
    assert!(shown[0].1.ends_with("it rings hollow."), "{shown:?}");
    assert_eq!(shown[0].3, "Ann Vidal");
    // one closing mark only: the second mark opens a quote of its own
    let text = "“Fine,” he said. “Go,” Ann Vidal said.";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[1].1, "Go,");
}

#[test]
fn a_cue_that_introduces_the_next_quote_does_not_attribute_the_one_before() {
    let text = "The thread is short.\n\nAna Vidal answers Tom Reyes with, “Why now? Was that \
                on my way home?” Reyes then writes back, “You look tired.”";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert_eq!(shown[0].1, "Why now? Was that on my way home?");
    assert_eq!(shown[1].1, "You look tired.");
    assert_eq!(shown[1].3, "Tom Reyes");
    // an interrupted quotation still reads as one
    let text = "“Fine,” Tom Reyes said, “go on.”";
    let shown = show(text, &run(text));
    assert_eq!(shown.len(), 1);
}
