//! `backend = "whatlang"`: the [`whatlang`] crate (0.18, trigram profiles of 69 languages)
//! in place of our letter n-gram model. Its ISO 639-3 codes are mapped to the ISO 639-1
//! codes the `lang` layer uses ([`iso639_1`]); its names and scripts are written as ours
//! are. Languages whatlang lacks (bs, eu, ga, is, kk, lg, mi, mn, ms, nn, so, sq, st, sw, tn,
//! ts, xh, yo, …) are simply never predicted.

use pipeline_core::Language;

use super::codes::{iso639_1, language_name};
use super::{round3, undetermined_named};

/// The ISO code nlpipe writes for a whatlang language.
fn code(lang: whatlang::Lang) -> &'static str {
    let code3 = lang.code();
    iso639_1(code3).unwrap_or(code3)
}

/// The ISO codes of every language whatlang can predict, sorted.
pub fn languages() -> Vec<&'static str> {
    let mut codes: Vec<&str> = whatlang::Lang::all().iter().map(|&l| code(l)).collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// The language of `sample` according to whatlang.
pub(super) fn detect(sample: &str) -> Language {
    match whatlang::detect(sample) {
        Some(info) => {
            let code = code(info.lang());
            Language {
                code: code.to_owned(),
                name: language_name(code)
                    .unwrap_or_else(|| info.lang().eng_name())
                    .to_owned(),
                script: info.script().name().to_owned(),
                confidence: round3(info.confidence()),
                reliable: info.is_reliable(),
                source: "detected".to_owned(),
            }
        }
        None => {
            let script = whatlang::detect_script(sample);
            undetermined_named(script.as_ref().map(whatlang::Script::name))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_whatlang_language_has_a_two_letter_code_and_a_name() {
        let codes = languages();
        assert!(codes.len() >= 60, "{codes:?}");
        for lang in whatlang::Lang::all() {
            let c = code(*lang);
            assert_eq!(c.len(), 2, "{} has no ISO 639-1 code", lang.code());
            assert!(language_name(c).is_some(), "{c}");
        }
        // mapped, not passed through: whatlang's Mandarin and Persian codes
        assert!(codes.contains(&"zh") && codes.contains(&"fa") && codes.contains(&"nb"));
        // languages it lacks are never among its answers
        for missing in ["bs", "eu", "ms", "nn", "sw", "yo"] {
            assert!(!codes.contains(&missing), "{missing}");
        }
    }

    #[test]
    fn detects_news_sentences_with_our_codes() {
        for (text, want, script) in [
            ("The finance minister told reporters on Tuesday that the budget would reach parliament next month.", "en", "Latin"),
            ("Der Finanzminister sagte am Dienstag, der Haushalt werde im nächsten Monat dem Parlament vorgelegt.", "de", "Latin"),
            ("Министр финансов заявил во вторник, что бюджет будет внесён в парламент в следующем месяце.", "ru", "Cyrillic"),
            ("财政部长星期二对记者说，预算将于下个月提交议会。", "zh", "Mandarin"),
        ] {
            let lang = detect(text);
            assert_eq!((lang.code.as_str(), lang.script.as_str()), (want, script), "{text}");
            assert_eq!(lang.source, "detected");
            assert!((0.0..=1.0).contains(&lang.confidence));
        }
        assert_eq!(detect("Der Minister sagte das.").name, "German");
    }

    #[test]
    fn text_without_letters_is_undetermined() {
        for text in ["", "12345 67", "!!! ???"] {
            let lang = detect(text);
            assert_eq!(
                (lang.code.as_str(), lang.confidence, lang.reliable),
                ("und", 0.0, false),
                "{text:?}"
            );
        }
    }
}
