//! `lang`: language identification.
//!
//! Requires nothing; provides [`LayerName::LANG`]. An input record's own `lang` field
//! (an ISO 639 code) wins over detection. Detection reads at most `max_bytes` of the text
//! (a long article does not need every byte read to know its language).
//!
//! ```toml
//! [[stage]]
//! type = "lang"
//! max_bytes = 2048   # bytes of text examined (default 2048)
//! ```
//!
//! Fails never: a text with no detectable language gets code `und`, `reliable: false`.
//!
//! ```
//! use pipeline_core::{Document, SyncStage};
//! use stages::lang::{LangConfig, LangStage};
//! let stage = LangStage::new(LangConfig::default());
//! let mut doc = Document::new("a", "The defence secretary said the talks went well and would continue.");
//! stage.apply(&mut doc).unwrap();
//! assert_eq!(doc.lang().unwrap().code, "en");
//! ```

use pipeline_core::{Document, Language, LayerName, StageError, SyncStage};
use serde::Deserialize;

mod codes;

pub use codes::{iso639_1, language_name};

/// Options of the `lang` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LangConfig {
    /// Bytes of text examined (rounded down to a character boundary).
    pub max_bytes: usize,
}

impl Default for LangConfig {
    fn default() -> Self {
        LangConfig { max_bytes: 2048 }
    }
}

/// The `lang` stage.
#[derive(Debug, Clone)]
pub struct LangStage {
    config: LangConfig,
}

impl LangStage {
    /// Builds the stage.
    pub fn new(config: LangConfig) -> LangStage {
        LangStage { config }
    }

    /// Detects the language of `text`.
    ///
    /// ```
    /// use stages::lang::{LangConfig, LangStage};
    /// let lang = LangStage::new(LangConfig::default()).detect("Der Minister sagte, die Gespräche seien gut verlaufen.");
    /// assert_eq!(lang.code, "de");
    /// assert_eq!(lang.name, "German");
    /// ```
    pub fn detect(&self, text: &str) -> Language {
        let sample = prefix(text, self.config.max_bytes);
        match whatlang::detect(sample) {
            Some(info) => {
                let code3 = info.lang().code();
                Language {
                    code: iso639_1(code3).unwrap_or(code3).to_owned(),
                    name: info.lang().eng_name().to_owned(),
                    script: info.script().name().to_owned(),
                    confidence: round3(info.confidence()),
                    reliable: info.is_reliable(),
                    source: "detected".to_owned(),
                }
            }
            None => undetermined(sample),
        }
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn undetermined(sample: &str) -> Language {
    Language {
        code: "und".to_owned(),
        name: "Undetermined".to_owned(),
        script: whatlang::detect_script(sample)
            .map_or_else(|| "Unknown".to_owned(), |s| s.name().to_owned()),
        confidence: 0.0,
        reliable: false,
        source: "detected".to_owned(),
    }
}

/// The longest prefix of `text` of at most `max` bytes ending on a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl SyncStage for LangStage {
    fn name(&self) -> &str {
        "lang"
    }

    fn provides(&self) -> Vec<LayerName> {
        vec![LayerName::LANG]
    }

    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        if doc.lang().is_some() {
            return Ok(());
        }
        let lang = match doc.lang_hint() {
            Some(code) => Language {
                code: code.to_owned(),
                name: language_name(code).unwrap_or("Unknown").to_owned(),
                script: whatlang::detect_script(prefix(doc.text(), self.config.max_bytes))
                    .map_or_else(|| "Unknown".to_owned(), |s| s.name().to_owned()),
                confidence: 1.0,
                reliable: true,
                source: "input".to_owned(),
            },
            None => self.detect(doc.text()),
        };
        doc.set_lang(lang);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(text: &str) -> Language {
        LangStage::new(LangConfig::default()).detect(text)
    }

    #[test]
    fn detects_common_news_languages() {
        assert_eq!(
            detect("Le ministre a déclaré que les négociations se poursuivraient demain.").code,
            "fr"
        );
        assert_eq!(
            detect("El ministro dijo que las negociaciones continuarían mañana por la tarde.").code,
            "es"
        );
        assert_eq!(
            detect("Министр заявил, что переговоры продолжатся завтра.").code,
            "ru"
        );
        assert_eq!(
            detect("وقال الوزير إن المفاوضات ستستمر غدا").script,
            "Arabic"
        );
    }

    #[test]
    fn input_hint_wins() {
        let mut doc = Document::new("a", "The minister said the talks would continue.");
        doc.set_lang_hint("fr");
        LangStage::new(LangConfig::default())
            .apply(&mut doc)
            .unwrap();
        let lang = doc.lang().unwrap();
        assert_eq!((lang.code.as_str(), lang.source.as_str()), ("fr", "input"));
        assert_eq!(lang.name, "French");
    }

    #[test]
    fn empty_and_symbol_text_is_undetermined_not_an_error() {
        assert_eq!(detect("").code, "und");
        assert_eq!(detect("12 345 ... !!!").code, "und");
    }

    #[test]
    fn prefix_stays_on_char_boundary() {
        let t = "ééééé";
        assert_eq!(prefix(t, 3), "é");
        assert_eq!(prefix(t, 100), t);
    }
}
