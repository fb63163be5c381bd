//! Stage registry and TOML chain configuration.
//!
//! A [`Registry`] maps stage type names (`type = "quotes"`) to factories that turn a
//! stage's TOML options into a running stage. Built-in stages register themselves from the
//! `stages` crate; a third-party stage registers the same way and is then usable from a
//! config file.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::{Chain, ChainError, Cpu, RunnerOptions, Stage, SyncStage};

/// A factory building a stage from its options table (everything but `type`).
pub type StageFactory =
    Arc<dyn Fn(toml::Table) -> Result<Arc<dyn Stage>, String> + Send + Sync + 'static>;

/// Why a chain configuration was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The TOML does not parse or has the wrong shape. A parse error keeps toml's layout
    /// (the line of the file, a caret under the mistake) on several lines.
    #[error("{0}")]
    Syntax(String),
    /// A stage type that no one registered.
    #[error("stage {index} has unknown type `{name}`; valid types: {valid}")]
    UnknownStage {
        /// 1-based position in the chain.
        index: usize,
        /// The unknown type.
        name: String,
        /// The registered types.
        valid: String,
    },
    /// A `[[stage]]` entry without a `type`.
    #[error("stage {index} has no `type` key; valid types: {valid}")]
    MissingType {
        /// 1-based position in the chain.
        index: usize,
        /// The registered types.
        valid: String,
    },
    /// A stage refused its options (unknown key, wrong type…).
    #[error("stage {index} (`{stage}`): {message}")]
    StageOption {
        /// 1-based position in the chain.
        index: usize,
        /// Stage type.
        stage: String,
        /// What was wrong, naming the key and the valid keys.
        message: String,
    },
    /// The stages are in an impossible order or the runner options are invalid.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// The chain has no stage.
    #[error("the chain has no stage; valid types: {0}")]
    Empty(String),
}

struct Entry {
    summary: String,
    factory: StageFactory,
}

/// Stage types by name.
///
/// ```
/// use pipeline_core::{Document, Registry, StageError, SyncStage};
/// use serde::Deserialize;
///
/// #[derive(Deserialize, Default)]
/// #[serde(deny_unknown_fields, default)]
/// struct TagConfig { tag: String }
/// struct Tag(String);
/// impl SyncStage for Tag {
///     fn name(&self) -> &str { "tag" }
///     fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
///         doc.insert_field("tag", self.0.clone().into());
///         Ok(())
///     }
/// }
///
/// let mut registry = Registry::new();
/// registry.register_sync("tag", "adds a tag field", |c: TagConfig| Ok(Tag(c.tag)));
/// let (chain, _) = registry.chain_from_toml("[[stage]]\ntype = \"tag\"\ntag = \"wire\"\n").unwrap();
/// assert_eq!(chain.stage_names(), ["tag"]);
/// let err = registry.chain_from_toml("[[stage]]\ntype = \"tag\"\ncolour = 1\n").unwrap_err();
/// assert!(err.to_string().contains("unknown field `colour`, expected `tag`"));
/// ```
#[derive(Default)]
pub struct Registry {
    entries: BTreeMap<String, Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    runner: RunnerSection,
    #[serde(default)]
    stage: Vec<toml::Table>,
}

/// The `[runner]` section of a config file.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunnerSection {
    /// Capacity of the channels between stages.
    pub channel_capacity: Option<usize>,
    /// Documents processed at once per stage.
    pub jobs: Option<usize>,
}

impl RunnerSection {
    /// Applies the section over `base`.
    pub fn apply(&self, base: RunnerOptions) -> RunnerOptions {
        RunnerOptions {
            channel_capacity: self.channel_capacity.unwrap_or(base.channel_capacity),
            jobs: self.jobs.unwrap_or(base.jobs),
        }
    }
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Registry {
        Registry::default()
    }

    /// Registers a stage type with a factory over its raw options table.
    pub fn register(&mut self, name: &str, summary: &str, factory: StageFactory) {
        self.entries.insert(
            name.to_owned(),
            Entry {
                summary: summary.to_owned(),
                factory,
            },
        );
    }

    /// Registers a synchronous stage built from a typed config `C` (use
    /// `#[serde(deny_unknown_fields, default)]` on it so typos are reported).
    pub fn register_sync<C, S, F>(&mut self, name: &str, summary: &str, build: F)
    where
        C: DeserializeOwned + 'static,
        S: SyncStage,
        F: Fn(C) -> Result<S, String> + Send + Sync + 'static,
    {
        let factory: StageFactory = Arc::new(move |options: toml::Table| {
            let config: C = deserialize(options)?;
            let stage = build(config)?;
            Ok(Arc::new(Cpu::new(stage)) as Arc<dyn Stage>)
        });
        self.register(name, summary, factory);
    }

    /// Registered stage types and their one-line summaries, sorted by name.
    pub fn list(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries
            .iter()
            .map(|(k, v)| (k.as_str(), v.summary.as_str()))
    }

    /// True when `name` is registered.
    pub fn contains(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    fn valid(&self) -> String {
        self.entries
            .keys()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Builds one stage. `index` is its 1-based position, for messages.
    pub fn build_stage(
        &self,
        index: usize,
        name: &str,
        options: toml::Table,
    ) -> Result<Arc<dyn Stage>, ConfigError> {
        let entry = self
            .entries
            .get(name)
            .ok_or_else(|| ConfigError::UnknownStage {
                index,
                name: name.to_owned(),
                valid: self.valid(),
            })?;
        (entry.factory)(options).map_err(|message| ConfigError::StageOption {
            index,
            stage: name.to_owned(),
            message,
        })
    }

    /// Builds a chain of stages with default options, by name.
    ///
    /// ```
    /// use pipeline_core::{Registry, RunnerOptions};
    /// let err = Registry::new().chain_from_names(&["nope"], RunnerOptions::default()).unwrap_err();
    /// assert!(err.to_string().contains("unknown type `nope`"));
    /// ```
    pub fn chain_from_names<S: AsRef<str>>(
        &self,
        names: &[S],
        options: RunnerOptions,
    ) -> Result<Chain, ConfigError> {
        if names.is_empty() {
            return Err(ConfigError::Empty(self.valid()));
        }
        let mut builder = Chain::builder().options(options);
        for (i, name) in names.iter().enumerate() {
            builder = builder.stage_arc(self.build_stage(
                i + 1,
                name.as_ref().trim(),
                toml::Table::new(),
            )?);
        }
        Ok(builder.build()?)
    }

    /// Builds a chain from a TOML config (see the contract); returns the chain and the
    /// `[runner]` section as given, so callers can tell what was set explicitly.
    pub fn chain_from_toml(&self, src: &str) -> Result<(Chain, RunnerSection), ConfigError> {
        self.chain_from_toml_with(src, RunnerOptions::default())
    }

    /// Like [`Registry::chain_from_toml`], with `base` options under the `[runner]` section.
    pub fn chain_from_toml_with(
        &self,
        src: &str,
        base: RunnerOptions,
    ) -> Result<(Chain, RunnerSection), ConfigError> {
        let table: toml::Table = toml::from_str(src)
            .map_err(|e| ConfigError::Syntax(e.to_string().trim_end().into()))?;
        self.chain_from_table(table, base)
    }

    /// Like [`Registry::chain_from_toml_with`], from the config already parsed: the same
    /// structure as the file (`[runner]`, `[[stage]]`), built by hand or converted from
    /// another language's values (the Python bindings' config dict).
    ///
    /// ```
    /// use pipeline_core::{Registry, RunnerOptions};
    /// let table: toml::Table = toml::from_str("[[stage]]\ntype = \"nope\"\n").unwrap();
    /// let err = Registry::new().chain_from_table(table, RunnerOptions::default()).unwrap_err();
    /// assert!(err.to_string().contains("unknown type `nope`"));
    /// ```
    pub fn chain_from_table(
        &self,
        table: toml::Table,
        base: RunnerOptions,
    ) -> Result<(Chain, RunnerSection), ConfigError> {
        let file: ConfigFile = deserialize(table).map_err(ConfigError::Syntax)?;
        if file.stage.is_empty() {
            return Err(ConfigError::Empty(self.valid()));
        }
        let mut builder = Chain::builder().options(file.runner.apply(base));
        for (i, mut table) in file.stage.into_iter().enumerate() {
            let name = match table.remove("type") {
                Some(toml::Value::String(s)) => s,
                _ => {
                    return Err(ConfigError::MissingType {
                        index: i + 1,
                        valid: self.valid(),
                    })
                }
            };
            builder = builder.stage_arc(self.build_stage(i + 1, &name, table)?);
        }
        Ok((builder.build()?, file.runner))
    }
}

/// Deserialises a TOML table into `T`, naming the offending key in the error
/// (`max_bytes: invalid type: string "ten", expected usize`).
fn deserialize<T: DeserializeOwned>(table: toml::Table) -> Result<T, String> {
    serde_path_to_error::deserialize(toml::Value::Table(table)).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().message().trim().to_owned();
        if path == "." || inner.contains(&format!("`{path}`")) {
            inner
        } else {
            format!("{path}: {inner}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, LayerName, StageError};

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields, default)]
    struct Empty {}

    struct Provider(&'static str, Vec<LayerName>, Vec<LayerName>);
    impl SyncStage for Provider {
        fn name(&self) -> &str {
            self.0
        }
        fn requires(&self) -> Vec<LayerName> {
            self.1.clone()
        }
        fn provides(&self) -> Vec<LayerName> {
            self.2.clone()
        }
        fn apply(&self, _: &mut Document) -> Result<(), StageError> {
            Ok(())
        }
    }

    fn registry() -> Registry {
        let mut r = Registry::new();
        r.register_sync("tokens", "t", |_: Empty| {
            Ok(Provider("tokens", vec![], vec![LayerName::TOKENS]))
        });
        r.register_sync("quotes", "q", |_: Empty| {
            Ok(Provider(
                "quotes",
                vec![LayerName::TOKENS],
                vec![LayerName::QUOTES],
            ))
        });
        r
    }

    #[test]
    fn wrong_order_is_a_build_error_naming_the_provider() {
        let err = registry()
            .chain_from_names(&["quotes", "tokens"], RunnerOptions::default())
            .unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("`quotes` requires layer `tokens`"), "{msg}");
        assert!(msg.contains("`tokens`"), "{msg}");
    }

    #[test]
    fn config_errors_name_stage_and_key() {
        let r = registry();
        let e = r
            .chain_from_toml(
                "[[stage]]\ntype = \"tokens\"\n[[stage]]\ntype = \"quotes\"\nfoo = 1\n",
            )
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("stage 2 (`quotes`): unknown field `foo`"),
            "{e}"
        );
        let e = r
            .chain_from_toml("[[stage]]\ntype = \"lemmas\"\n")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "stage 1 has unknown type `lemmas`; valid types: `quotes`, `tokens`"
        );
        let e = r
            .chain_from_toml("[runner]\njobs = \"two\"\n[[stage]]\ntype=\"tokens\"\n")
            .unwrap_err();
        assert!(e.to_string().contains("jobs"), "{e}");
        assert!(!e.to_string().contains('\n'));
        let e = r
            .chain_from_toml("[runer]\n[[stage]]\ntype=\"tokens\"\n")
            .unwrap_err();
        assert!(e.to_string().contains("unknown field `runer`"), "{e}");
    }

    #[test]
    fn runner_section_overrides_base() {
        let (chain, section) = registry()
            .chain_from_toml(
                "[runner]\njobs = 3\nchannel_capacity = 8\n[[stage]]\ntype = \"tokens\"\n",
            )
            .unwrap();
        assert_eq!(section.jobs, Some(3));
        assert_eq!(chain.options().jobs, 3);
        assert_eq!(chain.options().channel_capacity, 8);
    }
}
