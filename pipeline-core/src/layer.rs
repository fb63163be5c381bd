//! Annotation layers: the typed results stages add to a [`Document`](crate::Document).
//!
//! Built-in layers have their own types below. A third-party stage adds its own layer by
//! implementing [`Layer`] for a serialisable type and calling
//! [`Document::insert_layer`](crate::Document::insert_layer); it is then serialised under
//! [`Layer::NAME`] without any change to this crate.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::Span;

/// The name of a layer, used by stages to declare what they require and provide.
///
/// ```
/// use pipeline_core::LayerName;
/// assert_eq!(LayerName::TOKENS.as_str(), "tokens");
/// let mine = LayerName::custom("entities_wikidata");
/// assert_eq!(mine.to_string(), "entities_wikidata");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LayerName(Cow<'static, str>);

impl LayerName {
    /// The detected (or given) language: [`Language`].
    pub const LANG: LayerName = LayerName(Cow::Borrowed("lang"));
    /// Sentence spans: [`Sentence`].
    pub const SENTENCES: LayerName = LayerName(Cow::Borrowed("sentences"));
    /// Token spans: [`Token`].
    pub const TOKENS: LayerName = LayerName(Cow::Borrowed("tokens"));
    /// Stems on the tokens ([`Token::stem`]).
    pub const STEMS: LayerName = LayerName(Cow::Borrowed("stems"));
    /// Quotations and reported speech: [`Quote`].
    pub const QUOTES: LayerName = LayerName(Cow::Borrowed("quotes"));
    /// Entities with their mentions and sentiment: [`Actor`].
    pub const ACTORS: LayerName = LayerName(Cow::Borrowed("actors"));
    /// Sentiment for spans the input asked for: [`Target`].
    pub const TARGETS: LayerName = LayerName(Cow::Borrowed("targets"));

    /// A layer name of a third-party stage.
    pub fn custom(name: impl Into<Cow<'static, str>>) -> LayerName {
        LayerName(name.into())
    }

    /// The name as written in output records.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LayerName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A typed layer a third-party stage can store on a document.
///
/// By convention, fields named `start` and `end` anywhere in a layer are byte offsets into
/// the text; the writer converts them when the user asks for character offsets.
///
/// ```
/// use pipeline_core::{Document, Layer};
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize, PartialEq, Debug)]
/// struct Shouting { words: usize }
/// impl Layer for Shouting { const NAME: &'static str = "shouting"; }
///
/// let mut doc = Document::new("d1", "LOUD news");
/// doc.insert_layer(&Shouting { words: 1 }).unwrap();
/// assert_eq!(doc.layer::<Shouting>().unwrap(), Some(Shouting { words: 1 }));
/// ```
pub trait Layer: Serialize + DeserializeOwned {
    /// The output field holding this layer; must not be a built-in field name.
    const NAME: &'static str;
}

/// The language of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code where one exists, else ISO 639-3.
    pub code: String,
    /// English name of the language.
    pub name: String,
    /// Writing system, e.g. `Latin`, `Cyrillic`.
    pub script: String,
    /// Detector confidence in `[0, 1]`; 1 for a language given in the input.
    pub confidence: f64,
    /// Whether the detector considers its answer reliable.
    pub reliable: bool,
    /// `detected` or `input`.
    #[serde(default = "detected")]
    pub source: String,
}

fn detected() -> String {
    "detected".to_owned()
}

/// A sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence lies in the text.
    #[serde(flatten)]
    pub span: Span,
}

/// What kind of thing a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or digits.
    Word,
    /// Digits, possibly with separators, decimal point, sign or percent.
    Number,
    /// Punctuation.
    Punct,
    /// Symbols: currency, math, other.
    Symbol,
    /// A URL.
    Url,
    /// An e-mail address.
    Email,
    /// An emoji, including ZWJ sequences and modifiers.
    Emoji,
    /// A social-media handle such as `@nlpipe`.
    Handle,
    /// A hashtag such as `#news`.
    Hashtag,
    /// Anything else that is not whitespace.
    Other,
}

impl TokenKind {
    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Emoji => "emoji",
            TokenKind::Handle => "handle",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Other => "other",
        }
    }
}

/// A token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where the token lies in the text; its text is exactly this slice.
    #[serde(flatten)]
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
    /// The stem of the lowercased token, when the stems stage ran and the language has
    /// a stemmer. Shared (`Arc<str>`): the many tokens with one stem hold one string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stem: Option<Arc<str>>,
}

impl Token {
    /// A token without stem.
    ///
    /// ```
    /// use pipeline_core::{Span, Token, TokenKind};
    /// let t = Token::new(Span::unchecked(0, 4), TokenKind::Word);
    /// assert!(t.stem.is_none());
    /// ```
    pub fn new(span: Span, kind: TokenKind) -> Token {
        Token {
            span,
            kind,
            stem: None,
        }
    }
}

/// How a quotation is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The whole statement is inside quote marks.
    Direct,
    /// A quoted fragment inside reported speech.
    Partial,
    /// Reported speech without quote marks.
    Indirect,
}

/// The mention that attributes a quote, and the entity it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention (a name, a pronoun, a description).
    #[serde(flatten)]
    pub span: Span,
    /// The canonical name: the fullest name used for the entity in the document.
    pub entity: String,
}

/// A quotation or reported statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted content, without the quote marks.
    #[serde(flatten)]
    pub span: Span,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Who said it, when found.
    pub speaker: Option<Speaker>,
    /// The reporting expression (`said`, `told`, `according to`), when found.
    pub cue: Option<Span>,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}

/// The polarity of a sentiment score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// Favourable.
    Positive,
    /// Unfavourable.
    Negative,
    /// Neither.
    Neutral,
}

/// Sentiment toward an actor, aggregated over its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentiment {
    /// Score in `[-1, 1]`.
    pub score: f32,
    /// Label of the score.
    pub label: Polarity,
    /// Mentions scored positive.
    pub positive: u32,
    /// Mentions scored negative.
    pub negative: u32,
    /// Mentions scored neutral.
    pub neutral: u32,
}

/// Sentiment toward an actor inside the quotes of one speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSentiment {
    /// The speaker entity.
    pub source: String,
    /// Score in `[-1, 1]`.
    pub score: f32,
    /// Label of the score.
    pub label: Polarity,
    /// Mentions inside this speaker's quotes.
    pub mentions: u32,
}

/// The kind of an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ActorKind {
    /// A country or state.
    Country,
    /// A person.
    Person,
    /// An organisation, company, party, armed group or institution.
    Organisation,
    /// An international organisation or alliance.
    International,
    /// A place that is not a country.
    Place,
    /// Anything else.
    Other,
}

/// One mention of an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where the mention lies.
    #[serde(flatten)]
    pub span: Span,
    /// Sentiment score of its context, in `[-1, 1]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
}

/// An entity the text talks about, with its mentions and how the text speaks of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name.
    pub entity: String,
    /// Country, person, organisation…
    #[serde(rename = "type")]
    pub kind: ActorKind,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Aggregated sentiment.
    pub sentiment: Sentiment,
    /// Sentiment inside quotes, by speaker.
    pub by_source: Vec<SourceSentiment>,
}

/// Sentiment of a span the input asked to score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetSentiment {
    /// Score in `[-1, 1]`.
    pub score: f32,
    /// Label of the score.
    pub label: Polarity,
}

/// A span the input asked the sentiment stage to score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The span given in the input.
    #[serde(flatten)]
    pub span: Span,
    /// Filled by the sentiment stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<TargetSentiment>,
}
