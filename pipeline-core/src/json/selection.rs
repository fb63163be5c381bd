//! [`LayerSelection`]: the layers a writer writes (`nlpipe run --layers a,b`), by name of
//! the [`BUILTIN_LAYERS`].

use super::layers::BUILTIN_LAYERS;
use crate::LayerName;

/// The layers a writer writes: a set of built-in layers, given by name (`--layers a,b`).
/// `id`, `text` (see [`OutputOptions::no_text`](super::OutputOptions)), the passed-through
/// input fields and error records are not layers and always written; third-party layers
/// cannot be named, so a selection leaves them out. `stems` is the `stem` of each token:
/// selecting it requires `tokens`, and `tokens` without `stems` writes tokens without stems.
///
/// ```
/// use pipeline_core::json::LayerSelection;
/// let s: LayerSelection = "quotes,actors".parse().unwrap();
/// assert!(s.contains("quotes") && !s.contains("tokens"));
/// assert!("quotes,nope".parse::<LayerSelection>().unwrap_err().contains("lang, sentences"));
/// assert!("stems".parse::<LayerSelection>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LayerSelection {
    /// Bit `i` set: `BUILTIN_LAYERS[i]` is written.
    bits: u32,
}

impl LayerSelection {
    /// Whether the built-in layer `name` is selected.
    pub fn contains(&self, name: &str) -> bool {
        BUILTIN_LAYERS
            .iter()
            .position(|l| l.name.as_str() == name)
            .is_some_and(|i| self.bits & (1 << i) != 0)
    }

    /// Whether a writer with this selection writes layer `name`, or may: a built-in layer
    /// when selected; a third-party layer always counts (its stage may act otherwise), so
    /// [`Chain::only_for`](crate::Chain::only_for) keeps its stage.
    ///
    /// ```
    /// use pipeline_core::json::LayerSelection;
    /// use pipeline_core::LayerName;
    /// let s: LayerSelection = "quotes".parse().unwrap();
    /// assert!(s.keeps(&LayerName::QUOTES) && !s.keeps(&LayerName::STEMS));
    /// assert!(s.keeps(&LayerName::custom("topics")));
    /// ```
    pub fn keeps(&self, name: &LayerName) -> bool {
        match BUILTIN_LAYERS.iter().position(|l| &l.name == name) {
            Some(i) => self.bits & (1 << i) != 0,
            None => true,
        }
    }

    /// The names a selection accepts: those of [`BUILTIN_LAYERS`], comma-separated.
    pub fn valid_names() -> String {
        let names: Vec<_> = BUILTIN_LAYERS.iter().map(|l| l.name.as_str()).collect();
        names.join(", ")
    }
}

impl std::str::FromStr for LayerSelection {
    type Err = String;

    /// Parses `a,b,c`: built-in layer names; an unknown name, an empty list or `stems`
    /// without `tokens` is an error naming what is valid.
    fn from_str(s: &str) -> Result<Self, String> {
        let mut bits = 0u32;
        for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match BUILTIN_LAYERS.iter().position(|l| l.name.as_str() == name) {
                Some(i) => bits |= 1 << i,
                None => {
                    return Err(format!(
                        "unknown layer `{name}`; the layers are: {} (third-party layers cannot be selected)",
                        Self::valid_names()
                    ))
                }
            }
        }
        let sel = LayerSelection { bits };
        if bits == 0 {
            return Err(format!(
                "no layer given; the layers are: {}",
                Self::valid_names()
            ));
        }
        if sel.contains(LayerName::STEMS.as_str()) && !sel.contains(LayerName::TOKENS.as_str()) {
            return Err("`stems` is written inside `tokens`: select `tokens` too".to_owned());
        }
        Ok(sel)
    }
}
