//! Named entities: the people, organisations and places of a text, found by a learned
//! tagger, and the multilingual [`gazetteer`] of places and international organisations
//! that the tagger reads as features and the actor finder uses to tie mentions to
//! countries.
//!
//! The [`Recognizer`] is an averaged perceptron over word shape, affixes, context,
//! the document's other spellings of a word and gazetteer classes, decoding `B`/`I`/`O`
//! tags greedily from left to right (the design of spaCy v1 and of the taggers before
//! it). Lowercase words outside an entity are `O` without a look at the model, so most
//! tokens cost nothing. The model is trained by [`train`] (feature `train`, example
//! `train_entities`) and embedded: see `data/MODEL.md` for its data and licences.
//!
//! ```
//! use stages::entities::{EntityType, Recognizer};
//! use stages::tokens::{split_sentences, tokenize};
//! let text = "Officials of the World Bank met Shehbaz Sharif in Islamabad on Monday.";
//! let tokens = tokenize(text);
//! let entities = Recognizer::builtin().recognize_text(text, &tokens, Some("en"));
//! let found: Vec<(&str, EntityType)> =
//!     entities.iter().map(|e| (e.span.slice(text), e.kind)).collect();
//! assert!(found.contains(&("Shehbaz Sharif", EntityType::Person)));
//! assert!(found.contains(&("Islamabad", EntityType::Place)));
//! ```

mod document;
mod email;
mod english;
mod features;
pub mod gazetteer;
mod labels;
mod lists;
mod lowercase;
mod model;
mod rules;
#[cfg(feature = "train")]
pub mod train;

use std::ops::Range;
use std::sync::OnceLock;

use pipeline_core::{Span, Token};

pub use labels::EntityType;
pub use model::ModelError;

use features::views_with;
use gazetteer::{Gazetteer, GazetteerMatch};
use labels::{is_inside, type_of};
use model::{lang_hash, space_of, tag_document, Weights};

/// The embedded model (see `data/MODEL.md`).
const MODEL: &[u8] = include_bytes!("data/model.bin");

/// A named entity found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Where the entity's name lies (from its first token's start to its last token's
    /// end).
    pub span: Span,
    /// What kind of entity it is.
    pub kind: EntityType,
    /// The indices of its tokens.
    pub tokens: Range<usize>,
}

/// The entity tagger: a model and the code that runs it.
#[derive(Debug, Clone)]
pub struct Recognizer {
    weights: Weights,
}

impl Recognizer {
    /// The embedded model, read on first use.
    ///
    /// ```
    /// assert!(stages::entities::Recognizer::builtin().table_bits() >= 16);
    /// ```
    pub fn builtin() -> &'static Recognizer {
        static MODEL_CELL: OnceLock<Recognizer> = OnceLock::new();
        MODEL_CELL.get_or_init(|| {
            // the embedded file is tested (`builtin_model_reads`); an unreadable one
            // would be a build defect, so an empty model stands in rather than a panic
            Recognizer::from_bytes(MODEL).unwrap_or_else(|_| Recognizer {
                weights: Weights::quantise(8, &vec![[0.0; 8]; 1 << 8]),
            })
        })
    }

    /// A model from the bytes of a model file (as `train_entities` writes it).
    ///
    /// ```
    /// assert!(stages::entities::Recognizer::from_bytes(b"not a model").is_err());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, ModelError> {
        Ok(Recognizer {
            weights: Weights::from_bytes(bytes)?,
        })
    }

    /// The bytes of the model file (what [`Recognizer::from_bytes`] reads).
    ///
    /// ```
    /// use stages::entities::Recognizer;
    /// let bytes = Recognizer::builtin().to_bytes();
    /// assert_eq!(Recognizer::from_bytes(&bytes).unwrap().table_bits(), Recognizer::builtin().table_bits());
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes()
    }

    /// The size of the weight table, as a power of two.
    pub fn table_bits(&self) -> u32 {
        self.weights.bits()
    }

    /// The entities of a text, given its tokens, the sentences as token index ranges
    /// and the language code (`en`, `de`…) when known.
    ///
    /// ```
    /// use stages::entities::{EntityType, Recognizer};
    /// use stages::tokens::tokenize;
    /// let text = "Angela Merkel visited Paris.";
    /// let tokens = tokenize(text);
    /// let e = Recognizer::builtin().recognize(text, &tokens, &[(0, tokens.len())], Some("en"));
    /// assert_eq!(e[0].span.slice(text), "Angela Merkel");
    /// assert_eq!(e[0].kind, EntityType::Person);
    /// ```
    pub fn recognize(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[(usize, usize)],
        lang: Option<&str>,
    ) -> Vec<Entity> {
        self.recognize_with_places(text, tokens, sentences, lang).0
    }

    /// [`recognize`](Self::recognize), and the places and organisations the built-in
    /// gazetteer finds in the text ([`Gazetteer::find`]): the tagger reads them anyway,
    /// and a caller that needs both (the actor finder) saves a second reading.
    ///
    /// ```
    /// use stages::entities::gazetteer::Gazetteer;
    /// use stages::entities::Recognizer;
    /// use stages::tokens::tokenize;
    /// let text = "Angela Merkel visited Paris.";
    /// let tokens = tokenize(text);
    /// let sentences = [(0, tokens.len())];
    /// let r = Recognizer::builtin();
    /// let (entities, places) = r.recognize_with_places(text, &tokens, &sentences, Some("en"));
    /// assert_eq!(entities, r.recognize(text, &tokens, &sentences, Some("en")));
    /// assert_eq!(places, Gazetteer::builtin().find(text, &tokens, Some("en")));
    /// ```
    pub fn recognize_with_places(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[(usize, usize)],
        lang: Option<&str>,
    ) -> (Vec<Entity>, Vec<GazetteerMatch>) {
        let reading = Gazetteer::builtin().read(text, tokens, lang);
        let v = views_with(text, tokens, sentences, &reading.features, lang);
        let mut tags = Vec::new();
        tag_document(
            &self.weights,
            &v,
            sentences,
            (lang_hash(lang), space_of(lang)),
            &mut tags,
        );
        document::repeat_names(&v, lang, &mut tags);
        if lang == Some("en") {
            lowercase::tag_places(text, tokens, &v, &mut tags);
        }
        let entities = rules::refine(text, tokens, &v, lang, spans(tokens, &tags));
        let entities = lists::split_name_lists(text, tokens, &v, entities);
        let mut entities = email::header_names(text, tokens, &v, entities);
        if lang == Some("en") {
            entities = english::refine(text, tokens, &v, entities);
        }
        (entities, reading.matches)
    }

    /// [`recognize`](Self::recognize) with the sentences found by the tokens stage's
    /// splitter.
    pub fn recognize_text(&self, text: &str, tokens: &[Token], lang: Option<&str>) -> Vec<Entity> {
        let sentences = sentence_ranges(tokens, &crate::tokens::split_sentences(text, tokens));
        self.recognize(text, tokens, &sentences, lang)
    }
}

/// The sentences of a document as token index ranges.
///
/// ```
/// use stages::entities::sentence_ranges;
/// use stages::tokens::{split_sentences, tokenize};
/// let text = "One. Two three.";
/// let tokens = tokenize(text);
/// assert_eq!(sentence_ranges(&tokens, &split_sentences(text, &tokens)), [(0, 2), (2, 5)]);
/// ```
pub fn sentence_ranges(
    tokens: &[Token],
    sentences: &[pipeline_core::Sentence],
) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut i = 0;
    for s in sentences {
        while i < tokens.len() && tokens[i].span.start < s.span.start {
            i += 1;
        }
        let a = i;
        while i < tokens.len() && tokens[i].span.end <= s.span.end {
            i += 1;
        }
        if i > a {
            out.push((a, i));
        }
    }
    out
}

/// The `(type, token range)` of each entity of a tag sequence.
pub(crate) fn spans_of_tags(tags: &[u8]) -> Vec<(EntityType, Range<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let Some(kind) = type_of(tags[i]).filter(|_| !is_inside(tags[i])) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len() && is_inside(tags[j]) {
            j += 1;
        }
        out.push((kind, i..j));
        i = j;
    }
    out
}

/// The entities of a tag sequence.
fn spans(tokens: &[Token], tags: &[u8]) -> Vec<Entity> {
    spans_of_tags(tags)
        .into_iter()
        .map(|(kind, r)| Entity {
            span: Span::unchecked(tokens[r.start].span.start, tokens[r.end - 1].span.end),
            kind,
            tokens: r,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_model_reads() {
        assert!(Recognizer::from_bytes(MODEL).is_ok());
    }

    #[test]
    fn spans_follow_the_tags() {
        let text = "a b c d";
        let tokens = crate::tokens::tokenize(text);
        let e = spans(&tokens, &[1, 2, labels::O, 5]);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].span.slice(text), "a b");
        assert_eq!(e[0].kind, EntityType::Person);
        assert_eq!(e[1].tokens, 3..4);
    }
}
