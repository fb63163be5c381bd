//! The options of the `quotes` stage.

use serde::Deserialize;

/// Options of the `quotes` stage.
///
/// ```
/// use stages::quotes::{QuoteConfig, QuoteStage};
/// let config = QuoteConfig { beliefs: false, ..QuoteConfig::default() };
/// let stage = QuoteStage::new(config);
/// # let _ = stage;
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuoteConfig {
    /// Also extract thoughts, beliefs and findings (`X believes that …`, `the poll found
    /// that …`) as indirect quotes (default: true).
    pub beliefs: bool,
    /// Also extract stances (`X supports the bill`, `opposed the deal`): the object is
    /// attributed (default: false).
    pub stances: bool,
    /// Also extract intentions and wishes (`X wants a recount`, `declined to comment`,
    /// `plans to run`): the object or `to` clause is attributed (default: true).
    pub intentions: bool,
    /// Also extract appearances and expectations (`the plan seems to work`, `she is
    /// expected to win`): the whole clause, without a speaker (default: false).
    pub appearances: bool,
    /// Keep quotations that have no speaker (scare quotes, titles), with a `null` speaker.
    pub unattributed: bool,
    /// Quotes below this confidence are dropped.
    pub min_confidence: f32,
}

impl Default for QuoteConfig {
    fn default() -> Self {
        QuoteConfig {
            beliefs: true,
            stances: false,
            intentions: true,
            appearances: false,
            unattributed: false,
            min_confidence: 0.0,
        }
    }
}
