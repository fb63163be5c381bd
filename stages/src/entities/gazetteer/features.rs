//! Per-token features for a tagger: which kind of gazetteer phrase a token is in, where in
//! it, and whether it is a given name.

use pipeline_core::Token;

use super::find::{T_CAPITAL, T_GIVEN};
use super::{Form, Gazetteer, GazetteerMatch, Kind};

/// One reading of a text by the gazetteer: its matches ([`Gazetteer::find`]) and the
/// per-token features ([`Gazetteer::token_features`]) made from them, for a caller that
/// needs both (the entity tagger and the actor finder read a document once).
///
/// ```
/// use stages::entities::gazetteer::{feature, Gazetteer};
/// use stages::tokens::tokenize;
/// let text = "Talks in Moscow.";
/// let tokens = tokenize(text);
/// let g = Gazetteer::builtin();
/// let reading = g.read(text, &tokens, Some("en"));
/// assert_eq!(reading.matches, g.find(text, &tokens, Some("en")));
/// assert_eq!(reading.features, g.token_features(text, &tokens, Some("en")));
/// assert_ne!(reading.features[2] & feature::CITY, 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GazetteerReading {
    /// The places and organisations named, as [`Gazetteer::find`] gives them.
    pub matches: Vec<GazetteerMatch>,
    /// One [`feature`] bit set a token, as [`Gazetteer::token_features`] gives them.
    pub features: Vec<u16>,
}

/// The bits of [`Gazetteer::token_features`].
///
/// ```
/// use stages::entities::gazetteer::{feature, Gazetteer};
/// use stages::tokens::tokenize;
/// let f = Gazetteer::builtin().token_features("NATO", &tokenize("NATO"), None);
/// assert_eq!(f, [feature::INTERNATIONAL | feature::BEGIN]);
/// ```
pub mod feature {
    /// In a country's name or metonym (`Russia`, `Kremlin`).
    pub const COUNTRY: u16 = 1;
    /// In a city's name (`Moscow`, `San Francisco`).
    pub const CITY: u16 = 1 << 1;
    /// In a region's, continent's or sea's name (`Bavaria`, `Europe`, `Black Sea`).
    pub const REGION: u16 = 1 << 2;
    /// In an international organisation's name (`United Nations`, `NATO`).
    pub const INTERNATIONAL: u16 = 1 << 3;
    /// A demonym (`Russian`).
    pub const DEMONYM: u16 = 1 << 4;
    /// A capital or metonym (`Moscow`, `White House`).
    pub const SEAT: u16 = 1 << 5;
    /// The first token of a gazetteer match.
    pub const BEGIN: u16 = 1 << 6;
    /// A token of a gazetteer match after its first.
    pub const INSIDE: u16 = 1 << 7;
    /// In a match flagged ambiguous.
    pub const AMBIGUOUS: u16 = 1 << 8;
    /// In a match reached through a case ending or proclitic.
    pub const INFLECTED: u16 = 1 << 9;
    /// A capitalised given name of the gazetteer's list (`Mark`).
    pub const GIVEN_NAME: u16 = 1 << 10;
}

impl Gazetteer {
    /// One bit set a token ([`feature`]): the kind of gazetteer match the token is in (the
    /// matches of [`Gazetteer::find`]), where in it, and whether it is a capitalised given
    /// name. One pass over the tokens, two allocations.
    ///
    /// ```
    /// use stages::entities::gazetteer::{feature, Gazetteer};
    /// use stages::tokens::tokenize;
    /// let text = "Mark flew to San Francisco.";
    /// let f = Gazetteer::builtin().token_features(text, &tokenize(text), Some("en"));
    /// assert_ne!(f[0] & feature::GIVEN_NAME, 0);
    /// assert_eq!(f[3] & (feature::CITY | feature::BEGIN), feature::CITY | feature::BEGIN);
    /// assert_eq!(f[4] & (feature::CITY | feature::INSIDE), feature::CITY | feature::INSIDE);
    /// assert_eq!(f[5], 0);
    /// ```
    pub fn token_features(&self, text: &str, tokens: &[Token], lang: Option<&str>) -> Vec<u16> {
        self.read(text, tokens, lang).features
    }

    /// The matches and the token features of a text in one pass ([`GazetteerReading`]).
    pub fn read(&self, text: &str, tokens: &[Token], lang: Option<&str>) -> GazetteerReading {
        let (look, matches) = self.look_up_and_match(text, tokens, lang);
        // one slot a token: straight over the slots, no index checks
        let mut out: Vec<u16> = look
            .slots
            .iter()
            .map(|&(_, _, flags)| {
                if flags & (T_GIVEN | T_CAPITAL) == T_GIVEN | T_CAPITAL {
                    feature::GIVEN_NAME
                } else {
                    0
                }
            })
            .collect();
        for m in &matches {
            let mut bits = match (m.kind, m.form) {
                (_, Form::Demonym) => feature::DEMONYM,
                (Kind::Country, _) => feature::COUNTRY,
                (Kind::City, _) => feature::CITY,
                (Kind::International, _) => feature::INTERNATIONAL,
                (Kind::Region | Kind::Continent | Kind::Water, _) => feature::REGION,
            };
            if matches!(m.form, Form::Capital | Form::Metonym) {
                bits |= feature::SEAT;
            }
            if m.ambiguous {
                bits |= feature::AMBIGUOUS;
            }
            if m.inflected {
                bits |= feature::INFLECTED;
            }
            for (k, t) in m.tokens.clone().enumerate() {
                if let Some(f) = out.get_mut(t) {
                    *f |= bits
                        | if k == 0 {
                            feature::BEGIN
                        } else {
                            feature::INSIDE
                        };
                }
            }
        }
        GazetteerReading {
            matches,
            features: out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::feature::*;
    use super::*;
    use crate::tokens::tokenize;

    fn features(text: &str, lang: Option<&str>) -> Vec<u16> {
        Gazetteer::builtin().token_features(text, &tokenize(text), lang)
    }

    #[test]
    fn kinds_and_positions() {
        // The · Russian · envoy · left · the · White · House · for · Bavaria · and · the · UN
        let f = features(
            "The Russian envoy left the White House for Bavaria and the UN",
            Some("en"),
        );
        assert_eq!(f[0], 0);
        assert_eq!(f[1], DEMONYM | BEGIN);
        assert_eq!(f[5], COUNTRY | SEAT | BEGIN);
        assert_eq!(f[6], COUNTRY | SEAT | INSIDE);
        assert_eq!(f[8] & (REGION | BEGIN), REGION | BEGIN);
        assert_eq!(f[11], INTERNATIONAL | BEGIN);
    }

    #[test]
    fn given_names_need_a_capital() {
        let f = features("Mark said mark", Some("en"));
        assert_eq!(f[0], GIVEN_NAME);
        assert_eq!(f[2], 0);
    }

    #[test]
    fn inflected_and_ambiguous_bits() {
        let f = features("Переговоры в Москве", Some("ru"));
        assert_eq!(f[2], CITY | SEAT | BEGIN | INFLECTED);
        let f = features("Jordan Peterson", Some("en"));
        assert_ne!(f[0] & AMBIGUOUS, 0);
    }

    #[test]
    fn one_feature_set_a_token() {
        let text = "Berlin, 12. März — la Russie, 俄罗斯 und https://example.com";
        assert_eq!(features(text, None).len(), tokenize(text).len());
    }
}
