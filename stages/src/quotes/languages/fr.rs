//! French: « » quotes (with or without non-breaking spaces), dialogue dashes, the speech
//! verb often after the quote with subject inversion (`dit-il`).

use super::QuoteLanguage;

/// French: dialogue dashes open a quote; `que` / `qu'` open a reported clause.
pub(super) const FRENCH: QuoteLanguage = QuoteLanguage {
    code: "fr",
    data: include_str!("../data/fr.txt"),
    dialogue_dash: true,
    that_words: &["que", "qu'", "qu’"],
    pro_drop: false,
    capitalised_nouns: false,
    split_turns: true,
    reported: true,
    uncued_quotations: false,
};

#[cfg(test)]
mod tests {
    use super::super::testing::check;
    use pipeline_core::QuoteKind::{Direct, Indirect, Partial};

    #[test]
    fn inverted_cue_after_a_quote_takes_the_appositive_name() {
        check(
            "« Nous sommes prêts à négocier », a déclaré mardi la ministre du Travail, Claire Dubois.",
            "fr",
            &[(Direct, "Nous sommes prêts à négocier", Some("Claire Dubois"))],
        );
    }

    #[test]
    fn a_cue_before_its_colon() {
        check(
            "Le maire de Lyon, Paul Mercier, a annoncé : « Le pont rouvrira en septembre. »",
            "fr",
            &[(
                Direct,
                "Le pont rouvrira en septembre.",
                Some("Paul Mercier"),
            )],
        );
    }

    #[test]
    fn a_cue_inside_one_sentence_keeps_one_quote() {
        check(
            "« Les travaux ont pris du retard », a reconnu Paul Mercier, « mais le budget est tenu ».",
            "fr",
            &[(
                Direct,
                "Les travaux ont pris du retard », a reconnu Paul Mercier, « mais le budget est tenu",
                Some("Paul Mercier"),
            )],
        );
    }

    #[test]
    fn alternating_speakers_get_one_quote_each() {
        check(
            "« Il faut agir vite », a expliqué Sophie Martin. « Nous n'avons plus le temps », a estimé Karim Benali.",
            "fr",
            &[
                (Direct, "Il faut agir vite", Some("Sophie Martin")),
                (Direct, "Nous n'avons plus le temps", Some("Karim Benali")),
            ],
        );
    }

    #[test]
    fn a_turn_after_its_attribution_sentence_is_a_quote_of_its_own() {
        check(
            "Mme Sophie Martin dirige l'agence depuis 2019. « Nous avons doublé nos effectifs », a-t-elle dit. « Et nous continuerons. »",
            "fr",
            &[
                (Direct, "Nous avons doublé nos effectifs", Some("Sophie Martin")),
                (Direct, "Et nous continuerons.", Some("Sophie Martin")),
            ],
        );
    }

    #[test]
    fn partial_quotes_inside_reported_words() {
        check(
            "La sénatrice Anne Leroy a dénoncé un projet « mal préparé » et « injuste pour les familles ».",
            "fr",
            &[(
                Partial,
                "un projet « mal préparé » et « injuste pour les familles »",
                Some("Anne Leroy"),
            )],
        );
    }

    #[test]
    fn reported_speech_with_que_and_after_its_clause() {
        check(
            "Le Premier ministre Marc Aubert a déclaré que la France était prête à augmenter son aide.",
            "fr",
            &[(Indirect, "que la France était prête à augmenter son aide", Some("Marc Aubert"))],
        );
        check(
            "La France est prête à aider l'Ukraine, a affirmé le ministre des Armées, Luc Girard.",
            "fr",
            &[(
                Indirect,
                "La France est prête à aider l'Ukraine",
                Some("Luc Girard"),
            )],
        );
    }

    #[test]
    fn selon_takes_the_whole_source() {
        check(
            "Selon le rapport de la Cour des comptes, la dette publique dépassera 3 000 milliards d'euros.",
            "fr",
            &[(Indirect, "la dette publique dépassera 3 000 milliards d'euros", Some("Cour des comptes"))],
        );
    }

    #[test]
    fn no_quote_in_plain_news() {
        check(
            "La Bourse de Paris a clôturé en hausse lundi, portée par les valeurs bancaires.",
            "fr",
            &[],
        );
    }

    #[test]
    fn a_reply_to_a_question_is_the_addressee_s() {
        check(
            "« Où étais-tu ? » demanda Anne Morel à Paul Girard. « À la cave. »",
            "fr",
            &[
                (Direct, "Où étais-tu ?", Some("Anne Morel")),
                (Direct, "À la cave.", Some("Paul Girard")),
            ],
        );
    }
}
