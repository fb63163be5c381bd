//! The chain of a `Pipeline`: from a list of stage names, a TOML config file, or a config
//! dict — the same structure as the file (`{"runner": {...}, "stage": [{"type": ...}]}`),
//! converted to TOML values and built by the same [`Registry`] code as the CLI's
//! `--config`, so every stage option the file takes the dict takes, checked the same way.

use std::path::PathBuf;

use pipeline_core::error::chain_line;
use pipeline_core::{Chain, ConfigError as CoreConfigError, Registry, RunnerOptions};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

use crate::ConfigError;

/// Builds the chain a `Pipeline(...)` asks for: `config` (a dict, or the path of a TOML
/// file), else `stages` (names), else every built-in stage; `jobs` wins over the config's
/// `[runner] jobs`, as `--jobs` does over the file's.
pub fn build_chain(
    stages: Option<Vec<String>>,
    config: Option<&Bound<'_, PyAny>>,
    jobs: Option<usize>,
) -> PyResult<Chain> {
    let registry = stages::registry_from_env();
    let base = RunnerOptions::default();
    let chain = match (stages, config) {
        (Some(_), Some(_)) => {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "give either `stages` or `config`, not both",
            ))
        }
        (_, Some(config)) if config.is_instance_of::<PyDict>() => {
            let toml::Value::Table(table) = to_toml(config, "config")? else {
                return Err(ConfigError::new_err("config: a dict converts to a table"));
            };
            let (chain, _) = registry
                .chain_from_table(table, base)
                .map_err(|e| config_error("config", &e))?;
            chain
        }
        (_, Some(config)) => from_file(&registry, config, base)?,
        (Some(names), None) => registry
            .chain_from_names(&names, base)
            .map_err(|e| config_error("stages", &e))?,
        (None, None) => registry
            .chain_from_names(stages::DEFAULT_CHAIN, base)
            .map_err(|e| config_error("stages", &e))?,
    };
    let Some(jobs) = jobs else {
        return Ok(chain);
    };
    chain
        .with_options(RunnerOptions {
            jobs,
            ..chain.options()
        })
        .map_err(|e| config_error("jobs", &CoreConfigError::from(e)))
}

/// The chain of the TOML file at the path `config` (a `str` or an `os.PathLike`).
fn from_file(
    registry: &Registry,
    config: &Bound<'_, PyAny>,
    base: RunnerOptions,
) -> PyResult<Chain> {
    let path: PathBuf = config.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(format!(
            "config must be a dict or the path of a TOML file, not {}",
            type_name(config)
        ))
    })?;
    let src = std::fs::read_to_string(&path)
        .map_err(|e| ConfigError::new_err(format!("config {}: {e}", path.display())))?;
    let (chain, _) = registry
        .chain_from_toml_with(&src, base)
        .map_err(|e| config_error(&format!("config {}", path.display()), &e))?;
    Ok(chain)
}

/// `nlpipe.ConfigError` with `what` (`config x.toml`, `stages`) and the error's causes, as
/// the CLI prints them (a TOML syntax error keeps its layout).
fn config_error(what: &str, e: &CoreConfigError) -> PyErr {
    let message = match e {
        CoreConfigError::Syntax(text) => text.clone(),
        other => chain_line(other),
    };
    ConfigError::new_err(format!("{what}: {message}"))
}

/// The Python type name of `value`, for messages.
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// Converts a Python value of a config dict to TOML: `dict` (string keys) → table,
/// `list`/`tuple` → array, `str` and `os.PathLike` → string, `bool`, `int`, `float`.
/// Anything else (`None` included: leave a key out for its default) is a
/// `nlpipe.ConfigError` naming where it is (`config['stage'][1]['model']`).
pub fn to_toml(value: &Bound<'_, PyAny>, at: &str) -> PyResult<toml::Value> {
    if value.is_instance_of::<PyBool>() {
        return Ok(toml::Value::Boolean(value.extract()?));
    }
    if value.is_instance_of::<PyInt>() {
        let n: i64 = value
            .extract()
            .map_err(|_| ConfigError::new_err(format!("{at}: integer out of range")))?;
        return Ok(toml::Value::Integer(n));
    }
    if value.is_instance_of::<PyFloat>() {
        return Ok(toml::Value::Float(value.extract()?));
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(toml::Value::String(s.to_str()?.to_owned()));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut table = toml::Table::new();
        for (k, v) in dict.iter() {
            let key: String = k.extract().map_err(|_| {
                ConfigError::new_err(format!(
                    "{at}: keys must be strings, found {}",
                    type_name(&k)
                ))
            })?;
            let item = to_toml(&v, &format!("{at}[{key:?}]"))?;
            table.insert(key, item);
        }
        return Ok(toml::Value::Table(table));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, v) in value.try_iter()?.enumerate() {
            items.push(to_toml(&v?, &format!("{at}[{i}]"))?);
        }
        return Ok(toml::Value::Array(items));
    }
    if value.hasattr("__fspath__")? {
        let path: PathBuf = value.extract()?;
        return Ok(toml::Value::String(path.to_string_lossy().into_owned()));
    }
    let hint = if value.is_none() {
        " (leave the key out for its default)"
    } else {
        ""
    };
    Err(ConfigError::new_err(format!(
        "{at}: {} has no TOML equivalent{hint}",
        type_name(value)
    )))
}
