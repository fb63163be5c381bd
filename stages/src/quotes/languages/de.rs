//! German: „ “ and » « quotes, no dialogue dashes.

use super::QuoteLanguage;

/// German: `dass` (`daß`) opens a reported clause.
pub(super) const GERMAN: QuoteLanguage = QuoteLanguage {
    code: "de",
    data: include_str!("../data/de.txt"),
    dialogue_dash: false,
    that_words: &["dass", "daß"],
    pro_drop: false,
    capitalised_nouns: true,
    split_turns: true,
    reported: true,
    uncued_quotations: true,
};

#[cfg(test)]
mod tests {
    use super::super::testing::check;
    use pipeline_core::QuoteKind::{Direct, Indirect};

    #[test]
    fn low_opening_mark_closes_with_a_straight_one() {
        check(
            "„Wir kommen wieder\", sagte Anna Berger am Abend.",
            "de",
            &[(Direct, "Wir kommen wieder", Some("Anna Berger"))],
        );
    }

    #[test]
    fn a_cue_before_the_colon_of_a_quote() {
        check(
            "Die Ministerin Anna Berger erklärte dazu am Montag: „Die Lage ist ernst.“",
            "de",
            &[(Direct, "Die Lage ist ernst.", Some("Anna Berger"))],
        );
    }

    #[test]
    fn subjunctive_after_an_inverted_cue_carries_on() {
        check(
            "Die Regierung sei bereit, sagte Kanzler Olaf Berg. Es gebe keine Alternative.",
            "de",
            &[
                (Indirect, "Die Regierung sei bereit", Some("Olaf Berg")),
                (Indirect, "Es gebe keine Alternative", Some("Olaf Berg")),
            ],
        );
    }

    #[test]
    fn subjunctive_after_a_semicolon_carries_on() {
        check(
            "Der Minister Paul Vogt erklärte, die Lage sei ernst; es gebe keine Reserven.",
            "de",
            &[
                (Indirect, "die Lage sei ernst", Some("Paul Vogt")),
                (Indirect, "es gebe keine Reserven", Some("Paul Vogt")),
            ],
        );
    }

    #[test]
    fn laut_takes_its_noun_phrase_only() {
        check(
            "Laut dem Minister kommt die Reform im Mai.",
            "de",
            &[(Indirect, "kommt die Reform im Mai", Some("Minister"))],
        );
    }

    #[test]
    fn so_with_a_speaker_but_not_so_weit() {
        check(
            "Die Gespräche seien gescheitert, so Anna Berger.",
            "de",
            &[(
                Indirect,
                "Die Gespräche seien gescheitert",
                Some("Anna Berger"),
            )],
        );
        check("Er kam, so weit wir wissen, erst am Abend.", "de", &[]);
    }

    #[test]
    fn nouns_of_saying_and_unwritten_speakers() {
        check(
            "Der Sprecher Paul Vogt machte die Mitteilung, dass die Sitzung ausfällt.",
            "de",
            &[(Indirect, "dass die Sitzung ausfällt", Some("Paul Vogt"))],
        );
        check(
            "Bemerkt muss werden, dass die Kammer zugestimmt hat.",
            "de",
            &[(Indirect, "dass die Kammer zugestimmt hat", None)],
        );
    }

    #[test]
    fn an_infinitive_clause_after_a_cue() {
        check(
            "Die Ministerin Anna Berger forderte die Gewerkschaften auf, die Streiks sofort zu beenden.",
            "de",
            &[(Indirect, "die Streiks sofort zu beenden", Some("Anna Berger"))],
        );
    }

    #[test]
    fn a_subject_before_the_cue_speaks_the_colon_quote_not_the_object_after_it() {
        check(
            "Die Ministerin Anna Berger schreibt über die Lage der Bahn: „Die Züge fahren wieder.“",
            "de",
            &[(Direct, "Die Züge fahren wieder.", Some("Anna Berger"))],
        );
    }

    #[test]
    fn a_cue_after_und_shares_the_subject_of_the_first_verb() {
        check(
            "Der „Kurier“ misst dem Streit große Bedeutung bei und schreibt, dass die Koalition wackelt.",
            "de",
            &[(Indirect, "dass die Koalition wackelt", Some("Kurier"))],
        );
        check(
            "Dann drehte sich der Trainer Paul Vogt um und sagte: „Wir haben verdient verloren.“",
            "de",
            &[(Direct, "Wir haben verdient verloren.", Some("Paul Vogt"))],
        );
    }

    #[test]
    fn an_object_after_the_cue_is_no_speaker() {
        check(
            "Der Richter Paul Vogt befahl den Wachen, dass sie den Saal räumen.",
            "de",
            &[(Indirect, "dass sie den Saal räumen", Some("Paul Vogt"))],
        );
    }

    #[test]
    fn the_old_spelling_of_the_subjunctive_carries_on() {
        check(
            "Der Abgeordnete Paul Vogt bekannte, der Antrag sey verfehlt. Er sey zu spät gekommen.",
            "de",
            &[
                (Indirect, "der Antrag sey verfehlt", Some("Paul Vogt")),
                (Indirect, "Er sey zu spät gekommen", Some("Paul Vogt")),
            ],
        );
    }

    #[test]
    fn a_fronted_subordinate_clause_before_an_inverted_cue_is_no_content() {
        check(
            "Als der Saal still war, sprach der Richter Paul Vogt: „Die Sitzung ist eröffnet.“",
            "de",
            &[(Direct, "Die Sitzung ist eröffnet.", Some("Paul Vogt"))],
        );
        check(
            "Die Reform komme im Mai, sagte der Minister Paul Vogt.",
            "de",
            &[(Indirect, "Die Reform komme im Mai", Some("Paul Vogt"))],
        );
    }

    #[test]
    fn reported_content_ends_before_a_main_clause_of_the_writer() {
        check(
            "Der Sprecher Paul Vogt sagte, dass die Sitzung ausfalle, und er verließ den Saal.",
            "de",
            &[(Indirect, "dass die Sitzung ausfalle", Some("Paul Vogt"))],
        );
        check(
            "Die Ministerin Anna Berger erklärte, die Kasse sei leer, und sie sei nicht bereit, mehr zu zahlen.",
            "de",
            &[(
                Indirect,
                "die Kasse sei leer, und sie sei nicht bereit, mehr zu zahlen",
                Some("Anna Berger"),
            )],
        );
    }

    #[test]
    fn turns_of_a_dialogue_are_quotes_of_their_own() {
        check(
            "Da sagte der Wirt Paul Vogt: „Die Rechnung ist offen!“ „Ich warte bis morgen.“",
            "de",
            &[
                (Direct, "Die Rechnung ist offen!", Some("Paul Vogt")),
                (Direct, "Ich warte bis morgen.", Some("Paul Vogt")),
            ],
        );
    }

    #[test]
    fn a_reply_to_a_question_is_the_addressee_s() {
        check(
            "„Wo ist der Schlüssel?“, fragte die Wirtin Anna Berger den Knecht Paul Vogt. „Im Stall.“",
            "de",
            &[
                (Direct, "Wo ist der Schlüssel?", Some("Anna Berger")),
                (Direct, "Im Stall.", Some("Paul Vogt")),
            ],
        );
        check(
            "„Kommst du mit?“, sagte Anna Berger zu ihrem Knecht Paul Vogt. „Nein, ich bleibe hier.“",
            "de",
            &[
                (Direct, "Kommst du mit?", Some("Anna Berger")),
                (Direct, "Nein, ich bleibe hier.", Some("Paul Vogt")),
            ],
        );
    }

    #[test]
    fn a_reply_without_an_addressee_is_the_other_speaker_s() {
        check(
            "„Wann fährt der Zug?“, fragte Anna Berger. „Um acht“, antwortete Paul Vogt. \
             „Kommst du mit?“ „Nein, ich bleibe.“",
            "de",
            &[
                (Direct, "Wann fährt der Zug?", Some("Anna Berger")),
                (Direct, "Um acht", Some("Paul Vogt")),
                (Direct, "Kommst du mit?", Some("Paul Vogt")),
                (Direct, "Nein, ich bleibe.", Some("Anna Berger")),
            ],
        );
    }

    #[test]
    fn bare_turns_of_an_exchange_alternate() {
        check(
            "„Kommst du mit?“, fragte die Wirtin Anna Berger den Knecht Paul Vogt. „Nein.“ \
             „Warum nicht?“ „Ich bin müde.“",
            "de",
            &[
                (Direct, "Kommst du mit?", Some("Anna Berger")),
                (Direct, "Nein.", Some("Paul Vogt")),
                (Direct, "Warum nicht?", Some("Anna Berger")),
                (Direct, "Ich bin müde.", Some("Paul Vogt")),
            ],
        );
    }

    #[test]
    fn a_turn_after_a_statement_or_with_no_one_else_keeps_its_speaker() {
        check(
            "„Komm her“, sagte Anna Berger zu ihrem Knecht Paul Vogt. „Ich zeige dir den Weg.“",
            "de",
            &[
                (Direct, "Komm her", Some("Anna Berger")),
                (Direct, "Ich zeige dir den Weg.", Some("Anna Berger")),
            ],
        );
        check(
            "„Ist das alles?“, fragte Anna Berger. „Mehr gibt es nicht.“",
            "de",
            &[
                (Direct, "Ist das alles?", Some("Anna Berger")),
                (Direct, "Mehr gibt es nicht.", Some("Anna Berger")),
            ],
        );
    }

    #[test]
    fn a_paper_named_in_marks_before_its_verb_is_the_speaker_not_a_quote() {
        check(
            "Die „Abendpost“ schreibt über die Lage der Bauern: „Die Ernte ist verloren.“",
            "de",
            &[(Direct, "Die Ernte ist verloren.", Some("Abendpost"))],
        );
        check(
            "Das „Tageblatt“ meldet heute einen Brand im Hafen.",
            "de",
            &[],
        );
    }

    #[test]
    fn a_colon_cue_reaches_back_past_an_abbreviation() {
        check(
            "In dem Bericht heißt es u. a.: „Die Ernte ist in diesem Jahre verloren.“",
            "de",
            &[(
                Direct,
                "Die Ernte ist in diesem Jahre verloren.",
                Some("Bericht"),
            )],
        );
    }

    #[test]
    fn a_subjunctive_only_after_a_comma_does_not_carry_reported_speech_on() {
        check(
            "Der Minister Paul Vogt sagte, die Lage sei ernst. Anfänglich hatte es den Anschein, als wäre alles ruhig geblieben.",
            "de",
            &[(Indirect, "die Lage sei ernst", Some("Paul Vogt"))],
        );
    }

    #[test]
    fn meine_before_a_noun_is_a_possessive_not_a_cue() {
        check(
            "Am Abend untersuchten meine Begleiter die Höhle, um dort zu übernachten.",
            "de",
            &[],
        );
        check(
            "Der Arzt Paul Vogt meinte, dass die Kur nicht helfe.",
            "de",
            &[(Indirect, "dass die Kur nicht helfe", Some("Paul Vogt"))],
        );
    }

    #[test]
    fn an_ordinal_does_not_end_the_sentence_of_a_colon_cue() {
        check(
            "General Anton Huber hat bei der Entlassung des 23. Regiments folgenden Befehl erlassen: „Soldaten, ihr habt eure Pflicht getan.“",
            "de",
            &[(Direct, "Soldaten, ihr habt eure Pflicht getan.", Some("Anton Huber"))],
        );
    }

    #[test]
    fn the_particle_of_a_split_verb_of_saying_is_the_cue_of_its_clause() {
        check(
            "Der Minister Paul Vogt zeigte am Montag an, daß die Truppen morgen abziehen.",
            "de",
            &[(
                Indirect,
                "daß die Truppen morgen abziehen",
                Some("Paul Vogt"),
            )],
        );
        check(
            "Die Ärztin Anna Berger machte die Eltern darauf aufmerksam, dass die Impfung fehlt.",
            "de",
            &[(Indirect, "dass die Impfung fehlt", Some("Anna Berger"))],
        );
        // (a particle of a verb that does not say anything)
        check(
            "Bei der Ernte kommt es darauf an, daß das Wetter hält.",
            "de",
            &[],
        );
        check(
            "Das kalte Wetter trägt dazu bei, daß die Preise steigen.",
            "de",
            &[],
        );
    }

    #[test]
    fn reported_content_ends_at_a_full_stop_before_a_dash() {
        check(
            "Der Wirt Paul Vogt sagte, daß die Gäste spät kämen. -- Am Abend regnete es stark.",
            "de",
            &[(Indirect, "daß die Gäste spät kämen", Some("Paul Vogt"))],
        );
    }

    #[test]
    fn a_quotation_opened_after_a_colon_and_never_closed_runs_to_the_paragraph_end() {
        check(
            "Der Bürgermeister Paul Vogt schrieb an den Rath: „Die Brücke über den Fluß ist seit gestern gesperrt, und die Fähre fährt nicht.",
            "de",
            &[(
                Direct,
                "Die Brücke über den Fluß ist seit gestern gesperrt, und die Fähre fährt nicht",
                Some("Paul Vogt"),
            )],
        );
        // (an opening mark without a colon before it stays out)
        check(
            "Der Bürgermeister sprach von der „Brücke über den Fluß, die seit gestern gesperrt ist.",
            "de",
            &[],
        );
    }

    #[test]
    fn a_reply_to_a_pronoun_s_question_is_the_other_party_s_and_turns_alternate() {
        check(
            "„Ich bin müde“, sagte der Händler Karl Brandt. \
             Als ihn der Wirt Paul Vogt am Abend fragte, sagte er: „Wie viele Gäste kommen heute?“ \
             „Etwa zwanzig.“ „Und wie viele Betten haben wir?“ „Nur zwölf.“ \
             „Sind das genug?“ „Nein.“",
            "de",
            &[
                (Direct, "Ich bin müde", Some("Karl Brandt")),
                (Direct, "Wie viele Gäste kommen heute?", Some("Karl Brandt")),
                (Direct, "Etwa zwanzig.", Some("Paul Vogt")),
                (
                    Direct,
                    "Und wie viele Betten haben wir?",
                    Some("Karl Brandt"),
                ),
                (Direct, "Nur zwölf.", Some("Paul Vogt")),
                (Direct, "Sind das genug?", Some("Karl Brandt")),
                (Direct, "Nein.", Some("Paul Vogt")),
            ],
        );
    }

    #[test]
    fn nach_with_a_noun_of_saying_opens_a_sentence_with_its_source() {
        check(
            "Nach dem Bericht hat die Kommission den Antrag der Bauern abgelehnt.",
            "de",
            &[(
                Indirect,
                "hat die Kommission den Antrag der Bauern abgelehnt",
                Some("Bericht"),
            )],
        );
        check(
            "Nach den amtlichen Meldungen der Polizei verloren die Diebe ihre ganze Beute.",
            "de",
            &[(
                Indirect,
                "verloren die Diebe ihre ganze Beute",
                Some("Polizei"),
            )],
        );
        // (`nach` before a noun that says nothing is time or place)
        check(
            "Nach dem Essen gingen die Gäste in den Garten hinaus.",
            "de",
            &[],
        );
    }

    #[test]
    fn a_subject_after_an_opening_adverb_and_before_its_relative_clause_speaks() {
        check(
            "Auch Graf Anton Huber, der das Theater leitete, verfügte, daß die Kasse geprüft werde.",
            "de",
            &[(Indirect, "daß die Kasse geprüft werde", Some("Anton Huber"))],
        );
    }

    #[test]
    fn a_subject_with_a_genitive_before_its_relative_clause_speaks_inside_a_dass_clause() {
        check(
            "Es stellte sich heraus, daß der Kassierer der städtischen Sparkasse, bei der die Gelder lagen, erklärte, daß die Konten leer seien.",
            "de",
            &[(Indirect, "daß die Konten leer seien", Some("Kassierer"))],
        );
    }

    #[test]
    fn a_low_mark_quotation_inside_another_keeps_the_outer_one_whole() {
        check(
            "Der Bürgermeister Paul Vogt sagte am Abend: „Bei einer Abstimmung würde man ein klares „Nein“ hören, fürchte ich.“ Dann ging er.",
            "de",
            &[(
                Direct,
                "Bei einer Abstimmung würde man ein klares „Nein“ hören, fürchte ich.",
                Some("Paul Vogt"),
            )],
        );
    }

    #[test]
    fn a_noun_phrase_after_a_preposition_before_the_cue_is_no_speaker() {
        check(
            "In der Sitzung sagte der Bürgermeister, daß die Kasse leer sei.",
            "de",
            &[(Indirect, "daß die Kasse leer sei", Some("Bürgermeister"))],
        );
        check(
            "Über die Wahl schreibt der Bürgermeister: „Die Lage ist ernst.“",
            "de",
            &[(Direct, "Die Lage ist ernst.", Some("Bürgermeister"))],
        );
        check(
            "Dr. Paul Vogt aus Bern stellt den Antrag, die Direktion möge die Frage prüfen.",
            "de",
            &[(
                Indirect,
                "die Direktion möge die Frage prüfen",
                Some("Paul Vogt"),
            )],
        );
    }

    #[test]
    fn the_genitive_after_a_noun_of_saying_speaks_its_colon_quote() {
        check(
            "Im Vertrauen auf die Worte Lessings: „Der Zweifel ist der Anfang der Weisheit.“",
            "de",
            &[(
                Direct,
                "Der Zweifel ist der Anfang der Weisheit.",
                Some("Lessings"),
            )],
        );
    }

    #[test]
    fn a_colon_quote_takes_a_cue_further_back_when_the_nearest_has_no_speaker() {
        check(
            "Darauf sagte der Förster Paul Vogt, ohne lange zu erzählen: „Der Wald ist krank.“",
            "de",
            &[(Direct, "Der Wald ist krank.", Some("Paul Vogt"))],
        );
    }

    #[test]
    fn a_verb_of_saying_with_an_impersonal_es_sich_says_nothing() {
        check(
            "Daraus erklärt es sich, daß die Preise im Winter steigen.",
            "de",
            &[],
        );
        check("Es fragt sich, ob der Plan gelingt.", "de", &[]);
        check(
            "Der Minister Paul Vogt erklärte, daß die Preise steigen.",
            "de",
            &[(Indirect, "daß die Preise steigen", Some("Paul Vogt"))],
        );
    }

    #[test]
    fn a_full_stop_and_a_dash_end_the_sentence_of_the_next_speaker() {
        check(
            "Es regnete den ganzen Tag. -- Der Bauer Paul Vogt bekannte dem Arzt, daß er krank sei.",
            "de",
            &[(Indirect, "daß er krank sei", Some("Paul Vogt"))],
        );
    }

    #[test]
    fn a_cue_after_a_comma_shares_the_subject_of_the_first_verb() {
        check(
            "Das Tagblatt weist den Vorwurf zurück, führt den Lesern vor Augen, daß die Partei treu blieb.",
            "de",
            &[(Indirect, "daß die Partei treu blieb", Some("Tagblatt"))],
        );
    }

    #[test]
    fn an_abbreviated_title_does_not_end_the_reported_clause() {
        check(
            "Der Minister Paul Vogt erklärte, daß der Vertrag des Hrn. Weber gelte.",
            "de",
            &[(
                Indirect,
                "daß der Vertrag des Hrn. Weber gelte",
                Some("Paul Vogt"),
            )],
        );
    }

    #[test]
    fn a_paper_named_in_marks_before_its_cue_speaks() {
        check(
            "Der „Landbote“ meint, in den Erklärungen des Ministers liege ein Fortschritt.",
            "de",
            &[(
                Indirect,
                "in den Erklärungen des Ministers liege ein Fortschritt",
                Some("Landbote"),
            )],
        );
    }

    #[test]
    fn reported_infinitive_clauses_end_after_their_last_infinitive() {
        check(
            "Der Minister Paul Vogt bat den Wirt, ein gutes Wort für ihn einzulegen, der aber schwieg.",
            "de",
            &[(Indirect, "ein gutes Wort für ihn einzulegen", Some("Paul Vogt"))],
        );
        check(
            "Der Minister Paul Vogt bat den Wirt, im Haus zu bleiben, dann die Pferde zu holen, die draußen standen.",
            "de",
            &[(
                Indirect,
                "im Haus zu bleiben, dann die Pferde zu holen",
                Some("Paul Vogt"),
            )],
        );
    }

    #[test]
    fn carried_subjunctive_speech_ends_before_a_main_clause_of_the_writer() {
        check(
            "Der Minister Paul Vogt erklärte, er sei krank. Er sei aber bereit, zu helfen, und am Abend eröffnete er die Sitzung.",
            "de",
            &[
                (Indirect, "er sei krank", Some("Paul Vogt")),
                (Indirect, "Er sei aber bereit, zu helfen", Some("Paul Vogt")),
            ],
        );
    }

    #[test]
    fn reported_content_ends_before_an_auxiliary_after_a_comma() {
        check(
            "Der Brief, von dem der Minister Paul Vogt sagte, daß er gefälscht sei, war verschwunden.",
            "de",
            &[(Indirect, "daß er gefälscht sei", Some("Paul Vogt"))],
        );
    }

    #[test]
    fn a_possessive_in_an_object_case_after_the_cue_is_no_speaker() {
        check(
            "Der Kammerdiener Paul Vogt sah auf und bemerkte Seiner Hoheit, daß es spät sei.",
            "de",
            &[(Indirect, "daß es spät sei", Some("Paul Vogt"))],
        );
    }

    #[test]
    fn a_split_cue_after_und_shares_the_subject_of_the_first_verb() {
        check(
            "Der Bauer Karl Vogt stand lange auf dem Feld, und gab die Sorge zu erkennen, daß die Ernte verderbe.",
            "de",
            &[(Indirect, "daß die Ernte verderbe", Some("Karl Vogt"))],
        );
    }
}
