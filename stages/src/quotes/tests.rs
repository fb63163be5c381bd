use super::*;
use crate::tokens::TokenStage;

pub(super) fn run(text: &str) -> Vec<Quote> {
    run_lang(text, "en")
}

fn run_lang(text: &str, lang: &str) -> Vec<Quote> {
    let mut doc = Document::new("t", text);
    doc.set_lang_hint(lang);
    TokenStage::default().apply(&mut doc).unwrap();
    QuoteStage::default().apply(&mut doc).unwrap();
    doc.quotes().unwrap().to_vec()
}

/// (kind, content, speaker mention, entity) of every quote.
pub(super) fn show(text: &str, qs: &[Quote]) -> Vec<(QuoteKind, String, String, String)> {
    qs.iter()
        .map(|q| {
            let (m, e) = q
                .speaker
                .as_ref()
                .map_or((String::new(), String::new()), |s| {
                    (s.span.slice(text).to_owned(), s.entity.clone())
                });
            (q.kind, q.span.slice(text).to_owned(), m, e)
        })
        .collect()
}

#[test]
fn direct_speaker_after() {
    let t = "“We will not give up,” Ambassador Jane Doe said.";
    let q = show(t, &run(t));
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].1, "We will not give up,");
    assert_eq!(q[0].3, "Jane Doe");
}

fn one(text: &str) -> (QuoteKind, String, String, String) {
    let q = show(text, &run(text));
    assert_eq!(q.len(), 1, "{q:?}");
    q.into_iter().next().unwrap()
}

#[test]
fn direct_speaker_after_inverted() {
    let t = "“The harbour will reopen in spring,” said Port Director Lena Okafor.";
    let q = one(t);
    assert_eq!(q.1, "The harbour will reopen in spring,");
    assert_eq!(q.2, "Port Director Lena Okafor");
    assert_eq!(q.3, "Lena Okafor");
}

#[test]
fn direct_speaker_before_with_colon() {
    let t = "Okafor said: “We expect the first ships in April.”";
    let q = one(t);
    assert_eq!(
        (q.0, q.1.as_str(), q.3.as_str()),
        (
            QuoteKind::Direct,
            "We expect the first ships in April.",
            "Okafor"
        )
    );
}

#[test]
fn direct_any_verb_form_and_straight_marks() {
    for verb in [
        "says",
        "added",
        "has warned",
        "told reporters",
        "explained on Monday",
    ] {
        let t = format!("\"Prices will fall,\" Okafor {verb}.");
        let q = one(&t);
        assert_eq!(q.1, "Prices will fall,", "{verb}");
        assert_eq!(q.3, "Okafor", "{verb}");
    }
}

#[test]
fn appositive_and_relative_clause_between_speaker_and_verb() {
    let t = "“There is always room for more trade,” Okafor, who is also a former naval officer, told the agency.";
    assert_eq!(one(t).2, "Okafor");
    let t = "“We will wait,” Okafor, the port director, said.";
    assert_eq!(one(t).2, "Okafor");
}

#[test]
fn partial_fragments_inside_reported_speech() {
    let t = "Okafor stressed that the port “respects every shipping line” and considers it “a reliable partner.”";
    let q = show(t, &run(t));
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q
        .iter()
        .all(|x| x.0 == QuoteKind::Partial && x.3 == "Okafor"));
    assert!(q[0].1.contains("respects every shipping line"));
    assert!(q[1].1.contains("a reliable partner."));
    assert!(!q[1].1.contains("respects"));
}

#[test]
fn indirect_said_that_and_bare() {
    let q = one("The minister said that the tariffs would be lifted next month.");
    assert_eq!(
        (q.0, q.1.as_str(), q.2.as_str()),
        (
            QuoteKind::Indirect,
            "that the tariffs would be lifted next month.",
            "The minister"
        )
    );
    let q = one("Okafor said the tariffs would be lifted next month.");
    assert_eq!(q.1, "the tariffs would be lifted next month.");
}

#[test]
fn indirect_clause_then_speaker() {
    let t = "The tariffs will be lifted next month, the officials said.";
    let q = one(t);
    assert_eq!(
        (q.1.as_str(), q.2.as_str(), q.3.as_str()),
        (
            "The tariffs will be lifted next month",
            "the officials",
            "officials"
        )
    );
    let t = "Lagos wants closer ties with Accra, Trade Secretary Musa Bello has told the agency.";
    let q = one(t);
    assert_eq!(
        (q.1.as_str(), q.3.as_str()),
        ("Lagos wants closer ties with Accra", "Musa Bello")
    );
}

#[test]
fn indirect_told_someone_that() {
    let t = "Bello told his hosts in Accra that the navy would not take sides.";
    let q = one(t);
    assert_eq!(
        (q.1.as_str(), q.3.as_str()),
        ("that the navy would not take sides.", "Bello")
    );
}

#[test]
fn indirect_according_to_and_as_per() {
    let q = one("According to Reuters, the deal is worth two billion dollars.");
    assert_eq!(
        (q.1.as_str(), q.3.as_str()),
        ("the deal is worth two billion dollars.", "Reuters")
    );
    let q = one("The deal is worth two billion dollars, according to the ministry.");
    assert_eq!(q.1, "The deal is worth two billion dollars");
    let t = "As per the statement by Mr. Musa Bello (Trade Secretary) during a visit in May, 2021, the port will expand.";
    let q = one(t);
    assert_eq!(
        (q.1.as_str(), q.3.as_str()),
        ("the port will expand.", "Musa Bello")
    );
}

#[test]
fn participle_takes_the_sentence_speaker() {
    let t =
        "“The talks went well,” the Foreign Office said, adding that a second round would follow.";
    let q = show(t, &run(t));
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].0, QuoteKind::Indirect);
    assert_eq!(q[1].1, "that a second round would follow.");
    assert_eq!(q[1].3, "Foreign Office");
}

#[test]
fn multi_paragraph_quote_is_one_quote() {
    let t = "“We will build the bridge.\n\n“And we will finish it on time,” Okafor said.";
    let q = one(t);
    assert!(
        q.1.starts_with("We will build") && q.1.ends_with("on time,"),
        "{q:?}"
    );
    assert_eq!(q.3, "Okafor");
}

#[test]
fn surname_pronoun_and_description_resolve_to_the_full_name() {
    let t = "Port Director Lena Okafor opened the terminal.\n\n“It is ready,” Okafor said.\n\n“It is safe,” she said.\n\n“It is big,” the director said.";
    let q = show(t, &run(t));
    assert_eq!(q.len(), 3, "{q:?}");
    assert!(q.iter().all(|x| x.3 == "Lena Okafor"), "{q:?}");
    assert_eq!(q[1].2, "she");
}

#[test]
fn organisations_and_metonyms_are_speakers() {
    let q = one("“Talks will resume,” the Foreign Office said.");
    assert_eq!(q.3, "Foreign Office");
    let q = one("According to Islamabad, the corridor could be extended.");
    assert_eq!(q.3, "Islamabad");
}

#[test]
fn same_surname_people_do_not_merge() {
    let t = "Prime Minister Nawaz Sharif met envoys. Army chief Gen. Raheel Sharif flew to Washington.\n\nGen. Sharif added that the army would not discriminate between militants.\n\n“We are united,” Nawaz Sharif said.";
    let q = show(t, &run(t));
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].3, "Raheel Sharif");
    assert_eq!(q[1].3, "Nawaz Sharif");
}

#[test]
fn scare_quotes_titles_and_apostrophes_get_no_speaker() {
    let t = "The pipeline is known as the ‘flagship venture’ in both capitals. The United Nations’ scope was discussed. He read “War and Peace” twice.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
    let stage = QuoteStage::new(QuoteConfig {
        unattributed: true,
        ..QuoteConfig::default()
    });
    let mut doc = Document::new("t", t);
    TokenStage::default().apply(&mut doc).unwrap();
    stage.apply(&mut doc).unwrap();
    let qs = doc.quotes().unwrap();
    assert!(!qs.is_empty() && qs.iter().all(|q| q.speaker.is_none()));
}

#[test]
fn unbalanced_marks_recover_at_the_next_paragraph() {
    let t = "He called it “a story that never closes\n\n“Prices will fall,” Okafor said.";
    let q = show(t, &run(t));
    assert!(
        q.iter()
            .any(|x| x.1 == "Prices will fall," && x.3 == "Okafor"),
        "{q:?}"
    );
}

#[test]
fn many_unbalanced_marks_are_linear_and_harmless() {
    let t = "“ ‘ \" « „ ".repeat(20_000);
    let _ = run(&t);
    // spaced: the tokenizer is slow on long runs of punctuation without spaces
    let t = "“ ".repeat(100_000);
    assert!(run(&t).is_empty());
}

#[test]
fn confidence_is_in_range() {
    let t = "“Prices will fall,” Okafor said. He said the port was ready. According to him, it is.";
    for q in run(t) {
        assert!((0.0..=1.0).contains(&q.confidence));
    }
}

#[test]
fn french_german_spanish_direct_quotes() {
    let t = "« Nous allons signer l'accord », a déclaré le ministre Jean Dupont.";
    let q = show(t, &run_lang(t, "fr"));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Nous allons signer l'accord");
    assert_eq!(
        q[0].3,
        "ministre Jean Dupont"
            .split(' ')
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
    );
    let t = "„Wir werden das Abkommen unterzeichnen“, sagte Ministerin Anna Schmidt.";
    let q = show(t, &run_lang(t, "de"));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Wir werden das Abkommen unterzeichnen");
    assert_eq!(q[0].3, "Anna Schmidt");
    let t = "«Vamos a firmar el acuerdo», dijo el ministro Juan Pérez.";
    let q = show(t, &run_lang(t, "es"));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Vamos a firmar el acuerdo");
}

#[test]
fn dialogue_dashes_in_spanish_and_french() {
    let t = "—Vamos a firmar mañana —dijo Pedro.";
    let q = show(t, &run_lang(t, "es"));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Vamos a firmar mañana");
    assert_eq!(q[0].3, "Pedro");
    let t = "— Nous signerons demain, dit-il.";
    let q = show(t, &run_lang(t, "fr"));
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Nous signerons demain");
}

#[test]
fn missing_layers_are_an_error() {
    let mut doc = Document::new("t", "text");
    assert!(matches!(
        QuoteStage::default().apply(&mut doc),
        Err(StageError::MissingLayer(_))
    ));
}

#[test]
fn bare_clause_with_lowercase_subject_carries_partial() {
    let t = "Senator Ann Vole said history has proved the need for a “firm hand” in such wars.";
    let q = one(t);
    assert_eq!(q.0, QuoteKind::Partial);
    assert_eq!(
        q.1,
        "history has proved the need for a “firm hand” in such wars."
    );
    assert_eq!(q.3, "Ann Vole");
    let t = "Vole said it’s naive to hope that “the sea will protect us.”";
    assert_eq!(one(t).0, QuoteKind::Partial);
    let t = "Vole said farmers wanted “fair prices” this year.";
    assert_eq!(one(t).1, "farmers wanted “fair prices” this year.");
}

#[test]
fn bare_clause_needs_a_verb_after_a_lowercase_word() {
    let t = "Vole said goodbye to the old guard on Friday.";
    assert!(run(t).is_empty());
    let t = "Vole said history has shown the way.";
    assert_eq!(one(t).1, "history has shown the way.");
}

#[test]
fn headline_source_before_colon() {
    let t =
        "Ann Vole: Tax Plan ‘Will Ruin Farmers’ by Spring.\n\nSenator Ann Vole spoke on Monday.";
    let q = one(t);
    assert_eq!(q.0, QuoteKind::Partial);
    assert_eq!(q.1, "Tax Plan ‘Will Ruin Farmers’ by Spring");
    assert_eq!(q.3, "Ann Vole");
    let t = "Vole: The tax plan will ruin farmers.\n\nThe senator spoke on Monday.";
    assert_eq!(one(t).0, QuoteKind::Indirect);
    assert_eq!(one(t).1, "The tax plan will ruin farmers");
}

#[test]
fn headline_labels_and_questions_are_not_sources() {
    for t in [
        "BREAKING: Tax Plan ‘Will Ruin Farmers’ by Spring.\n\nMore soon.",
        "The Latest: Tax Plan ‘Will Ruin Farmers’ by Spring.\n\nMore soon.",
        "Ann Vole: Reformer or ‘Career Politician’ at heart?\n\nMore soon.",
    ] {
        assert!(run(t).is_empty(), "{t}");
    }
}

#[test]
fn speaker_with_lowercase_job_before_name() {
    let t = "“The ferry will run all winter,” said former harbour director Ines Marlowe.";
    let q = one(t);
    assert_eq!(q.2, "former harbour director Ines Marlowe");
    assert_eq!(q.3, "Ines Marlowe");
    let t = "“Prices will fall,” chief economist Tomas Vell said on Monday.";
    let q = one(t);
    assert_eq!(q.2, "chief economist Tomas Vell");
    assert_eq!(q.3, "Tomas Vell");
}

#[test]
fn no_speaker_through_a_verb_before_a_name() {
    // `beat` is not a job: the speaker is not `Dunmore beat Ames`
    let t = "Dunmore beat Ames in the vote, said: “It was close.”";
    let q = show(t, &run(t));
    assert!(q.iter().all(|x| x.2 != "Dunmore beat Ames"), "{q:?}");
}

#[test]
fn hyphenated_surname() {
    let t = "“We are ready,” Garcia-Lindqvist said at the bridge.";
    let q = one(t);
    assert_eq!(q.2, "Garcia-Lindqvist");
    assert_eq!(q.3, "Garcia-Lindqvist");
}

#[test]
fn mixed_curly_and_straight_marks_pair() {
    let t = "“The roads are closed,\" Mayor Ruth Adeyemi said.";
    let q = one(t);
    assert_eq!(q.1, "The roads are closed,");
    assert_eq!(q.3, "Ruth Adeyemi");
}

#[test]
fn speaker_group_with_modifier() {
    let t = "“The filing is late,” federal prosecutors wrote on Friday.";
    let q = one(t);
    assert_eq!(q.2, "federal prosecutors");
}

#[test]
fn speaker_job_by_its_ending() {
    let t = "“The script is done,” screenwriter Alma Ruiz wrote.";
    let q = one(t);
    assert_eq!(q.2, "screenwriter Alma Ruiz");
    assert_eq!(q.3, "Alma Ruiz");
}

#[test]
fn full_sentence_quote_then_attribution_sentence() {
    let t = "The hall went quiet. “We will rebuild the bridge by May.” Okafor said.";
    let q = one(t);
    assert_eq!(q.1, "We will rebuild the bridge by May.");
    assert_eq!(q.2, "Okafor");
    // a new sentence that goes on is not an attribution of the quote before it
    let t = "The hall went quiet. “We will rebuild the bridge by May.” Okafor said, “Thank you.”";
    let q = show(t, &run(t));
    assert!(
        q.iter()
            .all(|x| x.1 != "We will rebuild the bridge by May."),
        "{q:?}"
    );
}

#[test]
fn indirect_bare_clause_opening_with_a_noun() {
    let t = "The mayor said harbour fees would rise in spring.";
    let q = one(t);
    assert_eq!(q.0, QuoteKind::Indirect);
    assert_eq!(q.1, "harbour fees would rise in spring.");
    assert_eq!(q.2, "The mayor");
    // an adverb or an object pronoun does not open a clause
    let t = "The mayor said quietly goodbye to them.";
    assert!(run(t).is_empty());
}

#[test]
fn indirect_with_coordinated_verb() {
    let t = "Okafor paid the fine, but said the ruling was unfair to the port.";
    let q = one(t);
    assert_eq!(q.1, "the ruling was unfair to the port.");
    assert_eq!(q.2, "Okafor");
}

#[test]
fn indirect_with_a_share_as_speaker() {
    let t = "In the survey, 46 percent said they would take the ferry.";
    let q = one(t);
    assert_eq!(q.2, "46 percent");
}

#[test]
fn speech_act_with_its_object() {
    let t = "Senator Ann Vole accused the port authority of hiding the costs.";
    let q = one(t);
    assert_eq!(q.0, QuoteKind::Indirect);
    assert_eq!(q.1, "the port authority of hiding the costs.");
    assert_eq!(q.3, "Ann Vole");
    let t = "The union called for a recount of the ballots.";
    assert_eq!(one(t).1, "a recount of the ballots.");
}

#[test]
fn label_verb_needs_a_quoted_label() {
    let t = "Okafor called the bridge plan “a waste of money” on Monday.";
    let q = one(t);
    assert_eq!(q.0, QuoteKind::Partial);
    assert!(
        q.1.starts_with("the bridge plan “a waste of money”"),
        "{q:?}"
    );
    // without a quote, `called` is not an attribution; `called on` is a visit
    assert!(run("Okafor called the mayor twice.").is_empty());
    assert!(run("Okafor called on the mayor in Lagos.").is_empty());
}

#[test]
fn stances_are_not_statements() {
    assert!(run("The senator supports the new port tax.").is_empty());
}

#[test]
fn asked_whether() {
    let t = "A reporter asked whether the ferry would run in winter.";
    let q = one(t);
    assert_eq!(q.1, "whether the ferry would run in winter.");
    assert_eq!(q.2, "A reporter");
}

#[test]
fn label_with_coordinated_labels_and_relative_pronoun() {
    let t = "Vole called the new tolls “unfair” and “greedy” in a speech.";
    let q = one(t);
    assert_eq!(q.0, QuoteKind::Partial);
    assert_eq!(q.1, "the new tolls “unfair” and “greedy”");
    let t = "The levy, which Okafor had called a “tax on sailors,” was dropped.";
    let q = one(t);
    assert_eq!(q.1, "which Okafor had called a “tax on sailors,”");
    assert_eq!(q.2, "Okafor");
}

#[test]
fn beliefs_by_default_and_off_on_request() {
    let t = "The harbour master believes that the storm will pass by noon.";
    let q = one(t);
    assert_eq!(q.0, QuoteKind::Indirect);
    assert_eq!(q.1, "that the storm will pass by noon.");
    let toks = crate::tokens::tokenize(t);
    let sents = crate::tokens::split_sentences(t, &toks);
    let stage = QuoteStage::new(QuoteConfig {
        beliefs: false,
        ..QuoteConfig::default()
    });
    assert!(stage.find(t, &toks, &sents, Some("en")).is_empty());
}

#[test]
fn continuation_joins_past_an_attribution_in_between() {
    let t = "“The port is full,” Vole told Ames, after Ames said that ships were waiting. “We need a second pier.”";
    let q = show(t, &run(t));
    let direct: Vec<_> = q.iter().filter(|x| x.0 == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 1, "{q:?}");
    assert!(direct[0].1.starts_with("The port is full,"));
    assert!(direct[0].1.ends_with("We need a second pier."));
}

#[test]
fn continuation_after_a_long_one_sentence_attribution() {
    let t =
        "“Tolls will rise,” said Ines Marlowe, co-director of the harbour council of the northern \
             district and a former pilot who has worked on the river for more than twenty years \
             in every season. “Nobody likes it.”";
    let q = one(t);
    assert!(q.1.ends_with("Nobody likes it."), "{q:?}");
}

#[test]
fn a_weekday_is_no_speaker() {
    let t = "The council released a statement Wednesday saying the “bridge is safe.”";
    let q = show(t, &run(t));
    assert!(q.iter().all(|x| x.2 != "Wednesday"), "{q:?}");
    // a time adverbial between the speaker and the verb is skipped
    let t = "Senator Ann Vole on Friday accused the council of hiding the costs.";
    let q = one(t);
    assert_eq!(q.3, "Ann Vole");
}

#[test]
fn attribution_inside_its_sentence() {
    let t = "The goal, Okafor said, is a second pier by the end of the year.";
    let q = one(t);
    assert_eq!(q.0, QuoteKind::Indirect);
    assert_eq!(q.1, t);
    assert_eq!(q.2, "Okafor");
}

#[test]
fn findings_of_records_and_surveys() {
    let t = "Harbour records show the tolls doubled in two years.";
    let q = one(t);
    assert_eq!(q.1, "the tolls doubled in two years.");
    // (a bare plural keeps its modifiers)
    assert_eq!(q.2, "Harbour records");
}

#[test]
fn according_to_before_a_number() {
    let t = "According to the port office, 571 ships docked in May, more than ever.";
    let q = one(t);
    assert_eq!(q.1, "571 ships docked in May, more than ever.");
    let t = "According to the port office during a visit in May, 2021, the tolls doubled.";
    assert_eq!(one(t).1, "the tolls doubled.");
}

#[test]
fn transcript_speaker_labels() {
    let t = "A talk about ports.\n\nHOST: Welcome to the show about the harbour.\n\n\
             VOLE: The harbour needs a second pier soon.\n\nHOST: Thank you for coming today.";
    let q = show(t, &run(t));
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[1].1, "The harbour needs a second pier soon");
    assert_eq!(q[1].2, "VOLE");
}

#[test]
fn dateline_and_labels_are_no_speakers() {
    let t = "Port deal signed.\n\nLAGOS: The two ports signed a deal on Tuesday.\n\n\
             Watch: the ships leave the harbour at dawn.";
    assert!(run(t).is_empty(), "{:?}", show(t, &run(t)));
    let t = "Port deal.\n\nOkafor: The new tolls are fair to every sailor.";
    assert_eq!(one(t).2, "Okafor");
}

#[test]
fn referring_to() {
    let t = "“We met the core team,” Okafor said, referring to the three pilots.";
    let q = show(t, &run(t));
    assert!(
        q.iter()
            .any(|x| x.1 == "the three pilots." && x.2 == "Okafor"),
        "{q:?}"
    );
}

#[test]
fn coordinated_said_with_a_verb_subject() {
    let t = "He said that the tolls are “too high” and said that the pier is “falling apart.”";
    let q = show(t, &run(t));
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|x| x.2 == "He"));
    // a sentence that ends with its own attribution keeps it
    let t = "The port is busy, and believes more ships will come, the harbour master has told the Gazette.";
    let q = show(t, &run(t));
    assert!(q.iter().all(|x| x.2 != "The port"), "{q:?}");
}

#[test]
fn relative_who_as_speaker_mention() {
    let t = "The plan won support from Ines Marlowe, who declared at the meeting, “It is time to build.”";
    let q = one(t);
    assert_eq!(q.1, "It is time to build.");
    assert_eq!(q.2, "who");
    assert_eq!(q.3, "Ines Marlowe");
}

#[test]
fn more_verbs_of_saying() {
    let t = "“Why would anyone pay that toll?” Okafor fumed.";
    assert_eq!(one(t).2, "Okafor");
}

#[test]
fn one_word_title_inside_an_attribution() {
    let t = "“The pier is full,” Okafor told Radio’s “Morning” on Monday. “We need more room.”";
    let q = one(t);
    assert_eq!(q.0, QuoteKind::Direct);
    assert!(q.1.ends_with("We need more room."), "{q:?}");
}

#[test]
fn pronouns_skip_organisations() {
    let t = "Ines Marlowe runs the port. “Ships are late,” the Foreign Office said. “We know,” he said.";
    let q = show(t, &run(t));
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].3, "Foreign Office");
    assert_eq!(q[1].3, "Ines Marlowe");
}

#[test]
fn no_inheritance_across_a_sentence_about_someone_else() {
    let t = "“The pier is full,” Vole said. Ames disagreed with her. “There is room for two more ships.”";
    let q = one(t);
    assert_eq!(q.1, "The pier is full,");
    // the same speaker's sentence in between keeps the speaker, but the quote after
    // the narrative is one of its own
    let t = "“The pier is full,” Vole said. Vole pointed at the water. “There is no room left.”";
    let q = show(t, &run(t));
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "There is no room left.");
    assert_eq!(q[1].3, "Vole");
}

#[test]
fn speaker_with_party_tag_and_appositive() {
    let t = "Rep. Ann Vole (D-Va.), one of the bill's authors, said she fully supports the deal.";
    let q = one(t);
    assert_eq!(q.1, "she fully supports the deal.");
    assert_eq!(q.3, "Ann Vole");
}

#[test]
fn participle_takes_a_job_description_subject() {
    let t = "The veteran lawyer began by thanking the court, saying that the tolls are “plainly unlawful.”";
    let q = one(t);
    assert_eq!(q.0, QuoteKind::Partial);
    assert_eq!(q.2, "The veteran lawyer");
    // the description ends at its verb
    let t = "The veteran lawyer opened the hearing, saying that the tolls are “plainly unlawful.”";
    assert_eq!(one(t).2, "The veteran lawyer");
}

#[test]
fn commas_before_a_verb_at_the_start_do_not_panic() {
    // found by the conformance property test
    for t in [
        ", ,  said ",
        ", , said",
        ") , said that",
        ", who said",
        ":\"¹\"",
        ", „“",
    ] {
        let _ = run(t);
    }
    // an empty quote after the writer's words: no span may come out reversed
    let t = "», «Hussain said Gen. Gen. ““ told Reuters";
    for q in run(t) {
        assert!(q.span.start <= q.span.end);
    }
}

#[test]
fn a_quote_opening_right_after_a_leading_comma_does_not_panic() {
    for t in [", »«", ",“x”", ": “Yes,” he said."] {
        let _ = run(t);
        let _ = run_lang(t, "fr");
    }
}

#[test]
fn indirect_clause_ends_at_a_new_clause() {
    for (t, want) in [
        (
            "The mayor said the bridge would reopen in May; the council disagreed.",
            "the bridge would reopen in May",
        ),
        (
            "The mayor said the bridge would reopen in May, but nobody believed him.",
            "the bridge would reopen in May",
        ),
        (
            "The mayor said the bridge would reopen in May, and she left the room.",
            "the bridge would reopen in May",
        ),
    ] {
        let q = show(t, &run(t));
        assert_eq!(q.len(), 1, "{t} {q:?}");
        assert_eq!(q[0].0, QuoteKind::Indirect);
        assert_eq!(q[0].1, want);
        assert_eq!(q[0].2, "The mayor");
    }
}

#[test]
fn indirect_according_to_any_source() {
    let t = "Turnout rose sharply in the north, according to early returns.";
    let q = one(t);
    assert_eq!(q.0, QuoteKind::Indirect);
    assert_eq!(q.1, "Turnout rose sharply in the north");
    assert_eq!(q.2, "early returns");
}

#[test]
fn attack_and_states_as_nouns_report_nothing() {
    for t in [
        "Residents cheered the mayor’s attacks on the new tax plan.",
        "The council welcomed Jenkins’ attacks on the budget office.",
        "The governor launched a fierce attack against the unions last spring.",
        "The nine states that vote next month hold many delegates.",
        "Northern states that border the lake have cleaner beaches.",
    ] {
        let q = show(t, &run(t));
        assert!(q.is_empty(), "{t} {q:?}");
    }
    // the verbs stay: a pronoun or a relative before them
    let t = "The memo states that the depot will close in June.";
    let q = one(t);
    assert_eq!(q.1, "that the depot will close in June.");
}

#[test]
fn knew_and_find_are_not_cues() {
    for t in [
        "Open the town website and you will find a list of every bus route.",
        "The coach knew the old stadium would be torn down in the fall.",
    ] {
        let q = show(t, &run(t));
        assert!(q.is_empty(), "{t} {q:?}");
    }
}
