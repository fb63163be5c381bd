//! A multilingual gazetteer of places and international organisations, read over the
//! tokens of a text: countries and territories, their capitals, demonyms and metonyms,
//! cities, regions, continents, seas, and international organisations.
//!
//! The data is generated from maintained sources by `tools/gazetteers/` (CLDR names in
//! fifteen languages and each country's own, GeoNames cities of ≥ 100,000 inhabitants and
//! first-level regions, world-countries demonyms and spellings; `data/README.md` lists the
//! sources, licences and the command that regenerates them) and embedded.
//!
//! | need | call |
//! | --- | --- |
//! | the built-in gazetteer (parsed once) | [`Gazetteer::builtin`] |
//! | the places and organisations named in tokens | [`Gazetteer::find`] → [`GazetteerMatch`] |
//! | per-token features for a tagger | [`Gazetteer::token_features`], bits in [`feature`] |
//! | an entity's canonical name, kind, country | [`Gazetteer::entity`], [`Gazetteer::country_of`] |
//! | an entity by canonical name | [`Gazetteer::entity_id`] |
//!
//! **Matching rules.** Longest match first, left to right, never overlapping. A word
//! capitalised in the gazetteer must be capitalised in the text (`Turkey`, not `turkey`),
//! an acronym must be all capitals (`US`, not `us`); scripts without case match as they
//! are. Elided articles and possessives stay outside the name (`l’Allemagne`, `Russia’s`:
//! [`GazetteerMatch::span`] is narrower than its tokens), as do free-standing articles
//! (`la Russie` → `Russie`). Russian, Ukrainian, Polish, Czech and German case endings
//! are undone by a table of endings (`data/inflections.txt`: `России`, `Polsce`,
//! `Deutschlands`), Arabic proclitics (`و`, `ب`, `ل`…) are stripped. Demonyms have their
//! own [`Form`]: `Cuban` in `Mark Cuban` is a demonym, and flagged ambiguous after a
//! given name. [`GazetteerMatch::ambiguous`] also marks forms that name two entities or a
//! person (`Georgia`, `Jordan`) or an ordinary word (`Nice`): the caller decides.
//!
//! ```
//! use stages::entities::gazetteer::{Form, Gazetteer, Kind};
//! use stages::tokens::tokenize;
//!
//! let g = Gazetteer::builtin();
//! let text = "Talks in Moscow: la Russie et l’Allemagne.";
//! let tokens = tokenize(text);
//! let found = g.find(text, &tokens, Some("fr"));
//! let names: Vec<&str> = found.iter().map(|m| g.entity(m.entity).0).collect();
//! assert_eq!(names, ["Moscow", "Russia", "Germany"]);
//! assert_eq!(found[0].form, Form::Capital);
//! assert_eq!(g.entity(g.country_of(found[0].entity).unwrap()), ("Russia", Kind::Country));
//! assert_eq!(found[2].span.slice(text), "Allemagne");
//! ```

mod binary;
mod features;
mod find;
mod index;
mod inflect;
mod load;
mod words;

#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::OnceLock;

use pipeline_core::{ActorKind, Span};
use rustc_hash::FxHashMap;

use index::{Sketch, WordIndex};

pub use features::{feature, GazetteerReading};
pub use load::GazetteerError;

use words::Case;

/// The places table (CLDR, GeoNames, hand-written metonyms and organisations).
const PLACES: &str = include_str!("../data/places.tsv");
/// Demonyms, official names and spellings (world-countries, ODbL).
const COUNTRIES: &str = include_str!("../data/countries.tsv");
/// English given names (PDDL / CC0).
const GIVEN_NAMES: &str = include_str!("../data/given_names.txt");
/// The three tables above, parsed and indexed ahead of time (`data/gazetteer.bin`, written
/// by the `build_gazetteer` example; a test checks that it is what the tables give).
const GAZETTEER_BIN: &[u8] = include_bytes!("../data/gazetteer.bin");

/// What an entity of the gazetteer is.
///
/// ```
/// use stages::entities::gazetteer::{Gazetteer, Kind};
/// let g = Gazetteer::builtin();
/// assert!(g.entity_id("Black Sea", Kind::Water).is_some());
/// assert!(g.entity_id("Europe", Kind::Continent).is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A country or dependent territory (`Russia`, `Hong Kong`, `Greenland`).
    Country,
    /// A city (`Moscow`, `San Francisco`).
    City,
    /// A region within or across countries (`Bavaria`, `Middle East`, `Latin America`).
    Region,
    /// A continent (`Europe`, `Africa`, `Americas`).
    Continent,
    /// A sea, ocean, gulf, strait or canal (`Black Sea`).
    Water,
    /// An international organisation or alliance (`United Nations`, `NATO`).
    International,
}

impl Kind {
    /// The kinds, in the order of [`Kind::index`].
    pub const ALL: [Kind; 6] = [
        Kind::Country,
        Kind::City,
        Kind::Region,
        Kind::Continent,
        Kind::Water,
        Kind::International,
    ];

    /// The actor kind of the entity: countries are [`ActorKind::Country`], international
    /// organisations [`ActorKind::International`], every other place [`ActorKind::Place`].
    ///
    /// ```
    /// use pipeline_core::ActorKind;
    /// use stages::entities::gazetteer::Kind;
    /// assert_eq!(Kind::City.actor_kind(), ActorKind::Place);
    /// assert_eq!(Kind::International.actor_kind(), ActorKind::International);
    /// ```
    pub fn actor_kind(self) -> ActorKind {
        match self {
            Kind::Country => ActorKind::Country,
            Kind::International => ActorKind::International,
            Kind::City | Kind::Region | Kind::Continent | Kind::Water => ActorKind::Place,
        }
    }

    /// The kind's name in the data files (`country`, `city`, `region`, `continent`,
    /// `water`, `international`).
    ///
    /// ```
    /// use stages::entities::gazetteer::Kind;
    /// assert_eq!(Kind::parse(Kind::Water.as_str()), Some(Kind::Water));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::City => "city",
            Kind::Region => "region",
            Kind::Continent => "continent",
            Kind::Water => "water",
            Kind::International => "international",
        }
    }

    /// The kind named `s` in the data files, if any.
    ///
    /// ```
    /// use stages::entities::gazetteer::Kind;
    /// assert_eq!(Kind::parse("city"), Some(Kind::City));
    /// assert_eq!(Kind::parse("town"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind's position in [`Kind::ALL`].
    ///
    /// ```
    /// use stages::entities::gazetteer::Kind;
    /// assert_eq!(Kind::ALL[Kind::Region.index()], Kind::Region);
    /// ```
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How a form refers to its entity.
///
/// ```
/// use stages::entities::gazetteer::{Form, Gazetteer};
/// use stages::tokens::tokenize;
/// let text = "Russian officials in the Kremlin";
/// let forms: Vec<Form> = Gazetteer::builtin().find(text, &tokenize(text), Some("en")).iter().map(|m| m.form).collect();
/// assert_eq!(forms, [Form::Demonym, Form::Metonym]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// A name of the entity (`Russia`, `Russie`, `Россия`, `USA`).
    Name,
    /// The name of a city that is its country's capital (`Moscow`); the entity is the
    /// city, [`Gazetteer::country_of`] its country.
    Capital,
    /// A demonym (`Russian`, `Russe`): the entity is the country. Also a nationality, an
    /// adjective or a surname (`Mark Cuban`): the caller decides.
    Demonym,
    /// A seat of government standing for its country (`Kremlin`, `White House`); the
    /// entity is the country (or the organisation: `Brussels` for the EU).
    Metonym,
}

impl Form {
    /// The form's name in the data files (`name`, `capital`, `demonym`, `metonym`).
    ///
    /// ```
    /// use stages::entities::gazetteer::Form;
    /// assert_eq!(Form::parse(Form::Metonym.as_str()), Some(Form::Metonym));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Name => "name",
            Form::Capital => "capital",
            Form::Demonym => "demonym",
            Form::Metonym => "metonym",
        }
    }

    /// The form named `s` in the data files, if any.
    ///
    /// ```
    /// use stages::entities::gazetteer::Form;
    /// assert_eq!(Form::parse("demonym"), Some(Form::Demonym));
    /// assert_eq!(Form::parse("nickname"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Form> {
        [Form::Name, Form::Capital, Form::Demonym, Form::Metonym]
            .into_iter()
            .find(|f| f.as_str() == s)
    }
}

/// An entity of the gazetteer, as an index: [`Gazetteer::entity`] gives its name and kind.
///
/// ```
/// use stages::entities::gazetteer::{Gazetteer, Kind};
/// let g = Gazetteer::builtin();
/// let id = g.entity_id("Poland", Kind::Country).unwrap();
/// assert_eq!(g.entity(id).0, "Poland");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u32);

/// The language a form belongs to: an ISO 639 code (two or three letters) or `*` for a
/// form of no particular language (GeoNames' city names).
///
/// ```
/// use stages::entities::gazetteer::Gazetteer;
/// use stages::tokens::tokenize;
/// let text = "La Russie";
/// let m = &Gazetteer::builtin().find(text, &tokenize(text), Some("fr"))[0];
/// assert_eq!(m.lang.as_str(), "fr");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang {
    bytes: [u8; 3],
    len: u8,
}

impl Lang {
    /// Any language (`*`).
    pub const ANY: Lang = Lang {
        bytes: [b'*', 0, 0],
        len: 1,
    };

    /// The language of code `code` (`en`, `fil`, `*`), if it is one to three ASCII
    /// letters or `*`.
    ///
    /// ```
    /// use stages::entities::gazetteer::Lang;
    /// assert_eq!(Lang::new("ru").unwrap().as_str(), "ru");
    /// assert_eq!(Lang::new("*"), Some(Lang::ANY));
    /// assert!(Lang::new("english").is_none());
    /// ```
    pub fn new(code: &str) -> Option<Lang> {
        let ok = code == "*"
            || (1..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if !ok {
            return None;
        }
        let mut bytes = [0; 3];
        bytes[..code.len()].copy_from_slice(code.as_bytes());
        Some(Lang {
            bytes,
            len: code.len() as u8,
        })
    }

    /// The code (`ru`, `*`).
    ///
    /// ```
    /// assert_eq!(stages::entities::gazetteer::Lang::ANY.as_str(), "*");
    /// ```
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("*")
    }
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.as_str())
    }
}

/// One place or organisation found in a text by [`Gazetteer::find`].
///
/// ```
/// use stages::entities::gazetteer::{Gazetteer, Kind};
/// use stages::tokens::tokenize;
/// let text = "Troops left Russia’s border.";
/// let m = &Gazetteer::builtin().find(text, &tokenize(text), Some("en"))[0];
/// assert_eq!((m.tokens.clone(), m.span.slice(text), m.kind), (2..3, "Russia", Kind::Country));
/// assert!(!m.inflected && !m.ambiguous);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerMatch {
    /// The tokens of the match: indices into the token slice, half-open.
    pub tokens: Range<usize>,
    /// The name's bytes in the text: the tokens' span less an elided article
    /// (`l’Allemagne`), a possessive (`Russia’s`) or an Arabic proclitic.
    pub span: Span,
    /// The entity named.
    pub entity: EntityId,
    /// The entity's kind.
    pub kind: Kind,
    /// How the words name it.
    pub form: Form,
    /// The language of the form that matched.
    pub lang: Lang,
    /// True when a word matched through a case ending or proclitic (`России`).
    pub inflected: bool,
    /// True when the form may name something else: another entity, a person (`Jordan`,
    /// a demonym or place after a given name: `Mark Cuban`), an ordinary word (`Nice`).
    pub ambiguous: bool,
}

/// One entity: canonical name, kind, country.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entity {
    name: Box<str>,
    kind: Kind,
    country: Option<EntityId>,
}

/// One form of the gazetteer: its words and what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Phrase {
    /// First of its words in [`Gazetteer::words`].
    start: u32,
    /// How many words.
    len: u16,
    /// Index into [`Gazetteer::langs`].
    lang: u16,
    entity: EntityId,
    form: Form,
    /// Lower wins when two forms match the same words: kind, then form.
    rank: u8,
    /// The data flags the form ambiguous.
    ambiguous: bool,
}

/// Word flag: a given name.
const W_GIVEN: u8 = 1;
/// Word flag: some form beginning with the word accepts it in lower case.
const W_FIRST_ANY_CASE: u8 = 2;
/// Word flag: some form begins with the word.
const W_BEGINS: u8 = 4;
/// Word flag: some form of two words or more begins with the word.
const W_BEGINS_MULTI: u8 = 8;

/// The key of a form's first two words in [`Gazetteer::pairs`].
#[inline]
fn pair_key(first: u32, second: u32) -> u64 {
    u64::from(first) << 32 | u64::from(second)
}

/// The gazetteer: entities, their forms, and the word index that finds them.
///
/// ```
/// use stages::entities::gazetteer::Gazetteer;
/// use stages::tokens::tokenize;
/// let text = "Из Варшавы в Москву";
/// let found = Gazetteer::builtin().find(text, &tokenize(text), Some("ru"));
/// assert_eq!(found.len(), 2);
/// ```
#[derive(Debug, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    /// Entity ids sorted by kind ([`Kind::index`]) then canonical name.
    by_name: Vec<EntityId>,
    /// The languages of the forms; index 0 is `*`.
    langs: Vec<Lang>,
    /// Word key → word id.
    vocab: WordIndex,
    /// The words that begin a form in lower case (`mer` of `mer Noire`): the part of
    /// `vocab` a lower-case word not after a candidate is looked up in.
    lower_first: WordIndex,
    /// The keys of `lower_first`, sketched: most lower-case words skip the lookup.
    lower_sketch: Sketch,
    /// Per word id: `W_*` flags.
    word_flags: Vec<u8>,
    /// Per word id: the range of [`Gazetteer::starts`] holding the one-word forms it is.
    singles: Vec<(u32, u32)>,
    /// First two words ([`pair_key`]) → the range of [`Gazetteer::starts`] holding the
    /// longer forms beginning with them.
    pairs: FxHashMap<u64, (u32, u32)>,
    /// Phrase indices: one-word forms by word, then longer forms by their first two
    /// words, longest and best-ranked first.
    starts: Vec<u32>,
    phrases: Vec<Phrase>,
    /// The words of every phrase: word id and case rule.
    words: Vec<(u32, Case)>,
    /// Case-ending rules of the inflecting languages, with their index in `langs`.
    rules: Vec<(u16, inflect::Rules)>,
}

impl Gazetteer {
    /// The built-in gazetteer, read on first use from its pre-built binary form (about a
    /// millisecond: the tables are parsed and indexed ahead of time) and shared.
    ///
    /// ```
    /// let g = stages::entities::gazetteer::Gazetteer::builtin();
    /// assert!(g.len() > 5_000);
    /// ```
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(Gazetteer::read_builtin)
    }

    /// Reads the built-in gazetteer from its pre-built binary form anew (what
    /// [`Gazetteer::builtin`] does once; for measuring the read).
    ///
    /// ```
    /// let g = stages::entities::gazetteer::Gazetteer::read_builtin();
    /// assert_eq!(g.len(), stages::entities::gazetteer::Gazetteer::parse_builtin().len());
    /// ```
    pub fn read_builtin() -> Gazetteer {
        // The binary is generated from the tables and checked against them by the tests:
        // a failure here is a broken build, not bad input.
        #[allow(clippy::expect_used)]
        binary::from_bytes(GAZETTEER_BIN).expect(
            "data/gazetteer.bin is a gazetteer (rebuild it with the build_gazetteer example)",
        )
    }

    /// The gazetteer in the binary form [`Gazetteer::builtin`] reads (`data/gazetteer.bin`
    /// is `Gazetteer::parse_builtin().to_bytes()`; the `build_gazetteer` example writes it).
    ///
    /// ```
    /// use stages::entities::gazetteer::Gazetteer;
    /// let g = Gazetteer::parse(&["Atlantis\ten\tcountry\tAtlantis\t-\tname\t-\n"], "").unwrap();
    /// assert!(g.to_bytes().starts_with(b"NLPGZ"));
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        binary::to_bytes(self)
    }

    /// Parses the built-in tables anew (what the `build_gazetteer` example writes into
    /// the binary form; for the tests and for measuring the parse).
    ///
    /// ```
    /// let g = stages::entities::gazetteer::Gazetteer::parse_builtin();
    /// assert_eq!(g.len(), stages::entities::gazetteer::Gazetteer::builtin().len());
    /// ```
    pub fn parse_builtin() -> Gazetteer {
        // The built-in files are generated and checked by the tests: a failure here is a
        // broken build, not bad input.
        #[allow(clippy::expect_used)]
        Gazetteer::parse(&[PLACES, COUNTRIES], GIVEN_NAMES)
            .expect("the built-in gazetteer data parses")
    }

    /// A gazetteer from tables in the format of `data/places.tsv` (`form lang kind id
    /// country how flags`, tab-separated; `#` comment lines) and a list of given names
    /// (one a line).
    ///
    /// ```
    /// use stages::entities::gazetteer::{Gazetteer, Kind};
    /// let g = Gazetteer::parse(&["Atlantis\ten\tcountry\tAtlantis\t-\tname\t-\n"], "Ann\n").unwrap();
    /// let id = g.entity_id("Atlantis", Kind::Country).unwrap();
    /// assert_eq!(g.entity(id), ("Atlantis", Kind::Country));
    /// assert!(Gazetteer::parse(&["Atlantis\ten\tcontinent?\n"], "").is_err());
    /// ```
    pub fn parse(tables: &[&str], given_names: &str) -> Result<Gazetteer, GazetteerError> {
        load::parse(tables, given_names)
    }

    /// How many entities the gazetteer holds.
    ///
    /// ```
    /// assert!(!stages::entities::gazetteer::Gazetteer::builtin().is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when the gazetteer holds no entity.
    ///
    /// ```
    /// assert!(stages::entities::gazetteer::Gazetteer::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The canonical English name and the kind of an entity (`("", Country)` for an id
    /// of another gazetteer that is out of range).
    ///
    /// ```
    /// use stages::entities::gazetteer::{Gazetteer, Kind};
    /// let g = Gazetteer::builtin();
    /// let id = g.entity_id("Russia", Kind::Country).unwrap();
    /// assert_eq!(g.entity(id), ("Russia", Kind::Country));
    /// ```
    pub fn entity(&self, id: EntityId) -> (&str, Kind) {
        self.entities
            .get(id.0 as usize)
            .map_or(("", Kind::Country), |e| (&e.name, e.kind))
    }

    /// The country an entity belongs to: a city's or region's country, a country itself.
    ///
    /// ```
    /// use stages::entities::gazetteer::{Gazetteer, Kind};
    /// let g = Gazetteer::builtin();
    /// let kyiv = g.entity_id("Kyiv", Kind::City).unwrap();
    /// let ukraine = g.entity_id("Ukraine", Kind::Country).unwrap();
    /// assert_eq!(g.country_of(kyiv), Some(ukraine));
    /// assert_eq!(g.country_of(ukraine), Some(ukraine));
    /// ```
    pub fn country_of(&self, id: EntityId) -> Option<EntityId> {
        let e = self.entities.get(id.0 as usize)?;
        if e.kind == Kind::Country {
            Some(id)
        } else {
            e.country
        }
    }

    /// The entity of canonical name `name` and kind `kind`, if any.
    ///
    /// ```
    /// use stages::entities::gazetteer::{Gazetteer, Kind};
    /// assert!(Gazetteer::builtin().entity_id("NATO", Kind::International).is_some());
    /// assert!(Gazetteer::builtin().entity_id("Atlantis", Kind::Country).is_none());
    /// ```
    pub fn entity_id(&self, name: &str, kind: Kind) -> Option<EntityId> {
        let entry = |id: &EntityId| {
            let e = &self.entities[id.0 as usize];
            (e.kind.index(), &*e.name)
        };
        let at = self
            .by_name
            .binary_search_by(|id| entry(id).cmp(&(kind.index(), name)))
            .ok()?;
        Some(self.by_name[at])
    }

    /// True when `word` is a given name of the gazetteer's list (any case).
    ///
    /// ```
    /// let g = stages::entities::gazetteer::Gazetteer::builtin();
    /// assert!(g.is_given_name("Mark"));
    /// assert!(!g.is_given_name("Moscow"));
    /// ```
    pub fn is_given_name(&self, word: &str) -> bool {
        self.word_id(word)
            .is_some_and(|w| self.word_flags[w as usize] & W_GIVEN != 0)
    }

    /// True when `word` (any case) is a word of some form or a given name: a cheap test
    /// before [`find`](Self::find) on a word that is most likely none.
    ///
    /// ```
    /// let g = stages::entities::gazetteer::Gazetteer::builtin();
    /// assert!(g.has_word("kerala"));
    /// assert!(!g.has_word("zxqv"));
    /// ```
    pub fn has_word(&self, word: &str) -> bool {
        self.word_id(word).is_some()
    }

    /// The id of the word whose key is `word`'s, if any.
    fn word_id(&self, word: &str) -> Option<u32> {
        let mut stack = [0; words::ASCII_KEY_MAX];
        if let Some(k) = words::ascii_key(word.as_bytes(), &mut stack) {
            return self.vocab.get_bytes(k);
        }
        let mut buf = String::new();
        self.vocab.get(words::key(&mut buf, word))
    }

    /// Index of language `lang` among the forms' languages.
    fn lang_index(&self, lang: &str) -> Option<u16> {
        self.langs
            .iter()
            .position(|l| l.as_str() == lang)
            .map(|i| i as u16)
    }
}
