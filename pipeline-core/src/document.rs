//! The document: an immutable text and the layers stages add to it.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::json::is_reserved_field;
use crate::{Actor, Language, Layer, Quote, Sentence, Span, SpanError, Target, Token};

/// Why a layer could not be stored on a document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LayerError {
    /// A span of the layer does not fit the text.
    #[error("layer `{layer}` item {index}: {source}")]
    Span {
        /// The layer.
        layer: String,
        /// Index of the offending item.
        index: usize,
        /// What is wrong with its span.
        #[source]
        source: SpanError,
    },
    /// A custom layer tried to use a built-in field name.
    #[error("layer name `{0}` is reserved for a built-in field")]
    Reserved(String),
    /// The layer could not be (de)serialised.
    #[error("layer `{layer}`: {source}")]
    Serde {
        /// The layer.
        layer: String,
        /// The serde error.
        #[source]
        source: serde_json::Error,
    },
}

/// A document: an id, an immutable text, the input's other fields, and annotation layers.
///
/// Stages only add layers; the text never changes, so every span stays valid. Layer
/// setters check every span against the text.
///
/// ```
/// use pipeline_core::{Document, Sentence, Span};
/// let mut doc = Document::new("a1", "One. Two.");
/// doc.set_sentences(vec![
///     Sentence { span: Span::unchecked(0, 4) },
///     Sentence { span: Span::unchecked(5, 9) },
/// ]).unwrap();
/// assert_eq!(doc.sentences().unwrap()[1].span.slice(doc.text()), "Two.");
/// // a span past the text is refused
/// assert!(doc.set_sentences(vec![Sentence { span: Span::unchecked(0, 99) }]).is_err());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Document {
    id: Arc<str>,
    id_is_number: bool,
    text: Arc<str>,
    fields: Map<String, Value>,
    lang_hint: Option<String>,
    lang: Option<Language>,
    sentences: Option<Vec<Sentence>>,
    tokens: Option<Vec<Token>>,
    quotes: Option<Vec<Quote>>,
    actors: Option<Vec<Actor>>,
    targets: Option<Vec<Target>>,
    extensions: BTreeMap<String, Value>,
}

macro_rules! layer_accessors {
    ($(#[$doc:meta] $field:ident, $mut_fn:ident, $set_fn:ident, $ty:ty, $name:literal;)*) => {$(
        #[$doc]
        pub fn $field(&self) -> Option<&[$ty]> {
            self.$field.as_deref()
        }

        /// Mutable access to the layer, when present. Changing spans here is unchecked:
        /// prefer the setter.
        pub fn $mut_fn(&mut self) -> Option<&mut Vec<$ty>> {
            self.$field.as_mut()
        }

        /// Stores the layer after checking every span against the text.
        pub fn $set_fn(&mut self, items: Vec<$ty>) -> Result<(), LayerError> {
            for (index, item) in items.iter().enumerate() {
                for span in item.spans() {
                    span.check(&self.text).map_err(|source| LayerError::Span {
                        layer: $name.to_owned(),
                        index,
                        source,
                    })?;
                }
            }
            self.$field = Some(items);
            Ok(())
        }
    )*};
}

/// Every span an item of a layer carries (for validation).
trait Spans {
    fn spans(&self) -> impl Iterator<Item = Span>;
}

impl Spans for Sentence {
    fn spans(&self) -> impl Iterator<Item = Span> {
        std::iter::once(self.span)
    }
}
impl Spans for Token {
    fn spans(&self) -> impl Iterator<Item = Span> {
        std::iter::once(self.span)
    }
}
impl Spans for Target {
    fn spans(&self) -> impl Iterator<Item = Span> {
        std::iter::once(self.span)
    }
}
impl Spans for Quote {
    fn spans(&self) -> impl Iterator<Item = Span> {
        std::iter::once(self.span)
            .chain(self.speaker.as_ref().map(|s| s.span))
            .chain(self.cue)
    }
}
impl Spans for Actor {
    fn spans(&self) -> impl Iterator<Item = Span> {
        self.mentions.iter().map(|m| m.span)
    }
}

impl Document {
    /// A document with the given id and text and no layers.
    pub fn new(id: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// The document id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The id, cheaply clonable.
    pub fn id_arc(&self) -> Arc<str> {
        Arc::clone(&self.id)
    }

    /// Whether the id is written as a JSON number (it was one in the input) rather than a
    /// string.
    pub fn id_is_number(&self) -> bool {
        self.id_is_number
    }

    /// Writes the id as a JSON number when `yes` and the id is the text of one (`5`,
    /// `-2.5e3`); returns whether it will be. A JSON input's numeric id is kept a number
    /// this way.
    ///
    /// ```
    /// use pipeline_core::Document;
    /// let mut doc = Document::new("42", "text");
    /// assert!(doc.set_id_is_number(true));
    /// assert!(!Document::new("A-1", "text").set_id_is_number(true));
    /// ```
    pub fn set_id_is_number(&mut self, yes: bool) -> bool {
        self.id_is_number = yes && crate::record::is_json_number(&self.id);
        self.id_is_number
    }

    /// The text. It never changes once the document is built.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text, cheaply clonable: lets a stage read the text while it mutates a layer.
    ///
    /// ```
    /// use pipeline_core::Document;
    /// let doc = Document::new("a", "shared");
    /// assert_eq!(&*doc.text_arc(), "shared");
    /// ```
    pub fn text_arc(&self) -> Arc<str> {
        Arc::clone(&self.text)
    }

    /// The input's other fields, passed through to the output unchanged.
    pub fn fields(&self) -> &Map<String, Value> {
        &self.fields
    }

    /// Adds a pass-through field.
    ///
    /// ```
    /// use pipeline_core::Document;
    /// let mut doc = Document::new("a", "text");
    /// doc.insert_field("source", "wire".into());
    /// assert_eq!(doc.fields()["source"], "wire");
    /// ```
    pub fn insert_field(&mut self, key: impl Into<String>, value: Value) {
        self.fields.insert(key.into(), value);
    }

    /// The language code the input gave (its `lang` field), if any.
    pub fn lang_hint(&self) -> Option<&str> {
        self.lang_hint.as_deref()
    }

    /// Sets the language code the input gave.
    pub fn set_lang_hint(&mut self, code: impl Into<String>) {
        self.lang_hint = Some(code.into());
    }

    /// The language layer.
    pub fn lang(&self) -> Option<&Language> {
        self.lang.as_ref()
    }

    /// Sets the language layer.
    pub fn set_lang(&mut self, lang: Language) {
        self.lang = Some(lang);
    }

    /// The best known language code: the `lang` layer's, else the input's hint.
    ///
    /// ```
    /// use pipeline_core::Document;
    /// let mut doc = Document::new("a", "Guten Tag");
    /// doc.set_lang_hint("de");
    /// assert_eq!(doc.lang_code(), Some("de"));
    /// ```
    pub fn lang_code(&self) -> Option<&str> {
        self.lang
            .as_ref()
            .map(|l| l.code.as_str())
            .or(self.lang_hint.as_deref())
    }

    layer_accessors! {
        /// The sentence layer.
        sentences, sentences_mut, set_sentences, Sentence, "sentences";
        /// The token layer.
        tokens, tokens_mut, set_tokens, Token, "tokens";
        /// The quote layer.
        quotes, quotes_mut, set_quotes, Quote, "quotes";
        /// The actor layer.
        actors, actors_mut, set_actors, Actor, "actors";
        /// The targets: spans the input asked to score, with their sentiment once scored.
        targets, targets_mut, set_targets, Target, "targets";
    }

    /// Stores a third-party layer under [`Layer::NAME`].
    pub fn insert_layer<L: Layer>(&mut self, layer: &L) -> Result<(), LayerError> {
        if is_reserved_field(L::NAME) {
            return Err(LayerError::Reserved(L::NAME.to_owned()));
        }
        let value = serde_json::to_value(layer).map_err(|source| LayerError::Serde {
            layer: L::NAME.to_owned(),
            source,
        })?;
        self.extensions.insert(L::NAME.to_owned(), value);
        Ok(())
    }

    /// Reads back a third-party layer, if present.
    pub fn layer<L: Layer>(&self) -> Result<Option<L>, LayerError> {
        self.extensions
            .get(L::NAME)
            .map(|v| {
                serde_json::from_value(v.clone()).map_err(|source| LayerError::Serde {
                    layer: L::NAME.to_owned(),
                    source,
                })
            })
            .transpose()
    }

    /// Third-party layers, serialised, by name.
    pub fn extensions(&self) -> &BTreeMap<String, Value> {
        &self.extensions
    }

    /// True when the named layer is present on this document.
    ///
    /// ```
    /// use pipeline_core::{Document, LayerName};
    /// let doc = Document::new("a", "text");
    /// assert!(!doc.has_layer(&LayerName::TOKENS));
    /// assert!(!doc.has_layer(&LayerName::custom("entities_wikidata")));
    /// ```
    pub fn has_layer(&self, name: &crate::LayerName) -> bool {
        match crate::json::BUILTIN_LAYERS.iter().find(|l| l.name == *name) {
            Some(layer) => layer.is_present(self),
            None => self.extensions.contains_key(name.as_str()),
        }
    }

    /// Takes the pass-through fields out (used by the input reader while building).
    pub(crate) fn fields_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.fields
    }
}
