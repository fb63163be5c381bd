//! The `quotes` stage: builds the word lists once, runs the passes on each document and
//! resolves the speakers.

use std::sync::Arc;

use pipeline_core::{Document, LayerName, Quote, StageError, SyncStage, Token};

use super::analysis::{Analyzer, Buffers};
use super::config::QuoteConfig;
use super::lexicon::Lexicons;
use super::resolve;

/// The `quotes` stage. Building it parses the word lists once; cloning is cheap.
///
/// ```
/// use pipeline_core::SyncStage;
/// let stage = stages::quotes::QuoteStage::default();
/// assert_eq!(stage.name(), "quotes");
/// ```
#[derive(Debug, Clone)]
pub struct QuoteStage {
    config: QuoteConfig,
    lex: Arc<Lexicons>,
}

impl Default for QuoteStage {
    fn default() -> Self {
        QuoteStage::new(QuoteConfig::default())
    }
}

impl QuoteStage {
    /// Builds the stage.
    pub fn new(config: QuoteConfig) -> QuoteStage {
        // the gender tables that speaker resolution reads, built now rather than inside
        // the first document's `find`
        crate::text::gender::given_name("a");
        crate::text::gender::title("a");
        QuoteStage {
            config,
            lex: Arc::new(Lexicons::load()),
        }
    }

    /// Finds the quotes of a text, given its tokens and sentences, for a language code.
    ///
    /// ```
    /// use stages::{quotes::QuoteStage, tokens};
    /// let text = "According to Dawn, the talks failed.";
    /// let toks = tokens::tokenize(text);
    /// let sents = tokens::split_sentences(text, &toks);
    /// let q = QuoteStage::default().find(text, &toks, &sents, Some("en"));
    /// assert_eq!(q[0].span.slice(text), "the talks failed.");
    /// assert_eq!(q[0].speaker.as_ref().unwrap().entity, "Dawn");
    /// ```
    pub fn find(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[pipeline_core::Sentence],
        lang: Option<&str>,
    ) -> Vec<Quote> {
        // (each thread keeps the last document's tables for the next)
        thread_local! {
            static BUFFERS: std::cell::Cell<Buffers> = std::cell::Cell::default();
        }
        let lex = self.lex.get(lang);
        let buffers = BUFFERS.with(std::cell::Cell::take);
        let mut a = Analyzer::new(
            text,
            tokens,
            sentences,
            lex,
            &self.lex,
            &self.config,
            buffers,
        );
        a.run();
        let mut out = resolve::resolve(&a);
        BUFFERS.with(|b| b.set(a.into_buffers()));
        out.retain(|q| q.confidence >= self.config.min_confidence);
        out
    }
}

impl SyncStage for QuoteStage {
    fn name(&self) -> &str {
        "quotes"
    }

    fn requires(&self) -> Vec<LayerName> {
        vec![LayerName::TOKENS, LayerName::SENTENCES]
    }

    /// The language (its word lists, its quotation marks) is the `lang` layer's when
    /// present (else the input's `lang` field), so a `lang` stage must come before.
    fn uses(&self) -> Vec<LayerName> {
        vec![LayerName::LANG]
    }

    fn provides(&self) -> Vec<LayerName> {
        vec![LayerName::QUOTES]
    }

    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        let tokens = doc
            .tokens()
            .ok_or(StageError::MissingLayer(LayerName::TOKENS))?;
        let sentences = doc
            .sentences()
            .ok_or(StageError::MissingLayer(LayerName::SENTENCES))?;
        let quotes = self.find(doc.text(), tokens, sentences, doc.lang_code());
        doc.set_quotes(quotes)?;
        Ok(())
    }
}
