//! Spanish: « » and “ ” quotes, dialogue dashes (`—Ya está —dijo el ministro.`).

use super::QuoteLanguage;

/// Spanish: dialogue dashes open a quote; `que` opens a reported clause.
pub(super) const SPANISH: QuoteLanguage = QuoteLanguage {
    code: "es",
    data: include_str!("../data/es.txt"),
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
            "\"No vamos a subir los impuestos\", dijo el ministro de Hacienda, Javier Ortega, el lunes en Madrid.",
            "es",
            &[(Direct, "No vamos a subir los impuestos", Some("Javier Ortega"))],
        );
        check(
            "«Es una decisión histórica», declaró la presidenta del tribunal, Elena Vidal.",
            "es",
            &[(Direct, "Es una decisión histórica", Some("Elena Vidal"))],
        );
    }

    #[test]
    fn cues_without_a_subject_take_the_current_speaker() {
        check(
            "Carmen Ruiz visitó el hospital el martes. \"Los médicos hacen un trabajo enorme\", sostuvo. \"Necesitan más recursos\", agregó.",
            "es",
            &[
                (Direct, "Los médicos hacen un trabajo enorme", Some("Carmen Ruiz")),
                (Direct, "Necesitan más recursos", Some("Carmen Ruiz")),
            ],
        );
        check(
            "Javier Ortega habló ante el Congreso. Agregó: \"El déficit bajará en dos años\".",
            "es",
            &[(
                Direct,
                "El déficit bajará en dos años",
                Some("Javier Ortega"),
            )],
        );
    }

    #[test]
    fn alternating_speakers_get_one_quote_each() {
        check(
            "\"Vamos a ganar\", dijo Pedro Gil. \"No estoy tan seguro\", respondió Ana Soto.",
            "es",
            &[
                (Direct, "Vamos a ganar", Some("Pedro Gil")),
                (Direct, "No estoy tan seguro", Some("Ana Soto")),
            ],
        );
    }

    #[test]
    fn reported_speech_with_que_segun_and_after_its_clause() {
        check(
            "La alcaldesa de Sevilla, Carmen Ruiz, afirmó que la ciudad recibirá tres millones de euros.",
            "es",
            &[(Indirect, "que la ciudad recibirá tres millones de euros", Some("Carmen Ruiz"))],
        );
        check(
            "Según el informe del Banco Central, la economía crecerá un 2 % este año.",
            "es",
            &[(
                Indirect,
                "la economía crecerá un 2 % este año",
                Some("Banco Central"),
            )],
        );
        check(
            "La reforma llegará en junio, aseguró el portavoz del Gobierno, Luis Prieto.",
            "es",
            &[(Indirect, "La reforma llegará en junio", Some("Luis Prieto"))],
        );
    }

    #[test]
    fn no_quote_in_plain_news() {
        check(
            "La Bolsa de Madrid cerró con una subida del 1 % impulsada por los bancos.",
            "es",
            &[],
        );
    }

    #[test]
    fn an_organisation_labels_with_a_quoted_word() {
        check(
            "La patronal calificó la reforma de \"un error\" y pidió más diálogo.",
            "es",
            &[(
                pipeline_core::QuoteKind::Partial,
                "la reforma de \"un error",
                Some("patronal"),
            )],
        );
    }
}
