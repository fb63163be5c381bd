//! # nlpipe for Python
//!
//! The Python module `nlpipe` (PyO3, built by maturin): the chain the CLI runs, the
//! records it writes, as Python dicts. It reuses the CLI's library code and nothing else:
//! chains come from [`stages::registry_from_env`] and [`pipeline_core::Registry`] (a
//! config dict is the TOML config's structure, [`pipeline_core::Registry::chain_from_table`]),
//! input items become documents through [`pipeline_core::InputOptions`], and records
//! become dicts straight from their serde view ([`pipeline_core::json::RecordView`], what
//! the CLI's writer writes) by [`objects::ToPy`], so a dict is the JSON object the CLI
//! writes, without a JSON line in between.
//!
//! Modules: [`config`] (Python values → the TOML config, the chain), [`items`] (an input
//! item → a record), [`objects`] (a record → a dict), [`run`] (the streaming iterator of
//! `Pipeline.run`), [`pipeline`] (the `Pipeline` class), [`runtime`] (the tokio runtime a pipeline
//! and its runs share).

use pyo3::prelude::*;
use pyo3::types::PyDict;

pub mod config;
pub mod items;
pub mod objects;
pub mod pipeline;
pub mod run;
pub mod runtime;

pyo3::create_exception!(
    nlpipe,
    ConfigError,
    pyo3::exceptions::PyValueError,
    "The chain cannot be built: an unknown stage, a bad option, an impossible order."
);
pyo3::create_exception!(
    nlpipe,
    DocumentError,
    pyo3::exceptions::PyValueError,
    "A document became an error record while `strict=True`; `.record` holds the record."
);

/// `nlpipe.stages()`: every stage type a chain can use, name → one-line summary.
#[pyfunction(name = "stages")]
fn stage_list(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let dict = PyDict::new(py);
    for (name, summary) in ::stages::registry_from_env().list() {
        dict.set_item(name, summary)?;
    }
    Ok(dict)
}

/// The module `nlpipe`.
#[pymodule]
fn nlpipe(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<pipeline::Pipeline>()?;
    m.add_class::<run::Records>()?;
    m.add_function(wrap_pyfunction!(stage_list, m)?)?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add("DocumentError", py.get_type::<DocumentError>())?;
    m.add("DEFAULT_STAGES", ::stages::DEFAULT_CHAIN.to_vec())?;
    let features: Vec<&str> = [("transformer", cfg!(feature = "transformer"))]
        .into_iter()
        .filter_map(|(name, on)| on.then_some(name))
        .collect();
    m.add("FEATURES", features)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
