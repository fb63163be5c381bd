//! Portuguese: “ ” and « » quotes, dialogue dashes, subjects often left out (`"…",
//! afirmou.`).

use super::QuoteLanguage;

/// Portuguese: dialogue dashes open a quote; `que` opens a reported clause.
pub(super) const PORTUGUESE: QuoteLanguage = QuoteLanguage {
    code: "pt",
    data: include_str!("../data/pt.txt"),
    dialogue_dash: true,
    that_words: &["que"],
    pro_drop: true,
    capitalised_nouns: false,
    split_turns: false,
    reported: true,
    uncued_quotations: false,
};

#[cfg(test)]
mod tests {
    use super::super::testing::check;
    use pipeline_core::QuoteKind::{Direct, Indirect};

    #[test]
    fn inverted_cue_after_a_quote_takes_the_appositive_name() {
        check(
            "\"Não vamos aumentar os impostos\", disse o ministro das Finanças, João Pereira, nesta segunda-feira.",
            "pt",
            &[(Direct, "Não vamos aumentar os impostos", Some("João Pereira"))],
        );
    }

    #[test]
    fn cues_without_a_subject_take_the_current_speaker() {
        check(
            "Ana Costa visitou a escola na terça-feira. \"Os professores merecem mais\", afirmou. \"Vamos investir\", acrescentou.",
            "pt",
            &[
                (Direct, "Os professores merecem mais", Some("Ana Costa")),
                (Direct, "Vamos investir", Some("Ana Costa")),
            ],
        );
    }

    #[test]
    fn a_cue_before_its_colon() {
        check(
            "O presidente Paulo Santos declarou: \"O país está no caminho certo\".",
            "pt",
            &[(Direct, "O país está no caminho certo", Some("Paulo Santos"))],
        );
    }

    #[test]
    fn reported_speech_with_que_segundo_and_after_its_clause() {
        check(
            "A prefeita de Porto Alegre, Ana Costa, afirmou que a cidade vai receber novos ônibus.",
            "pt",
            &[(
                Indirect,
                "que a cidade vai receber novos ônibus",
                Some("Ana Costa"),
            )],
        );
        check(
            "Segundo o relatório do Banco Central, a inflação deve cair no próximo ano.",
            "pt",
            &[(
                Indirect,
                "a inflação deve cair no próximo ano",
                Some("Banco Central"),
            )],
        );
        check(
            "A reforma será votada em junho, declarou o porta-voz do governo, Carlos Lima.",
            "pt",
            &[(
                Indirect,
                "A reforma será votada em junho",
                Some("Carlos Lima"),
            )],
        );
    }

    #[test]
    fn no_quote_in_plain_news() {
        check(
            "A Bolsa de São Paulo fechou em alta nesta terça-feira, puxada pelos bancos.",
            "pt",
            &[],
        );
    }

    #[test]
    fn an_organisation_labels_with_a_quoted_word() {
        check(
            "O governo classificou a greve de \"ilegal\" e chamou os líderes.",
            "pt",
            &[(
                pipeline_core::QuoteKind::Partial,
                "a greve de \"ilegal",
                Some("governo"),
            )],
        );
    }
}
