//! The `Pipeline` class: a chain built once, a runtime with `jobs` workers, and the
//! input and output options every call starts from.

use std::sync::Arc;

use pipeline_core::json::LayerSelection;
use pipeline_core::{Chain, InputOptions, OffsetUnit, OutputOptions};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::items::document_error;
use crate::items::{self, Json, Position};
use crate::objects::{self, Keys};
use crate::run::Records;
use crate::runtime::Runtime;

/// A chain of stages, built once and reused: `annotate(text)` for one document,
/// `run(items)` to stream many.
///
/// Give the chain as `stages` (names in order, see `nlpipe.stages()`), or as `config`: the
/// path of a TOML config file (as `nlpipe run --config`) or a dict of the same structure,
/// `{"runner": {"jobs": 2}, "stage": [{"type": "quotes", "beliefs": False}, ...]}`, through
/// which every stage option is reachable. Neither: every built-in stage.
///
/// `jobs`: documents processed at once (default: the cores, or the config's). `offsets`:
/// `"chars"` (code points, as Python slices; the default) or `"bytes"`. `max_doc_bytes`:
/// larger documents become `too_large` error records. `text_field`, `id_field`: the keys
/// of a dict item's text and id. Raises `nlpipe.ConfigError` when the chain cannot be built.
#[pyclass(module = "nlpipe", frozen)]
pub struct Pipeline {
    chain: Chain,
    runtime: Arc<Runtime>,
    input: InputOptions,
    offsets: OffsetUnit,
    json: Json,
}

/// The offsets unit named `name` (`"chars"` or `"bytes"`).
fn offset_unit(name: &str) -> PyResult<OffsetUnit> {
    match name {
        "chars" => Ok(OffsetUnit::Chars),
        "bytes" => Ok(OffsetUnit::Bytes),
        other => Err(PyValueError::new_err(format!(
            "offsets must be \"chars\" or \"bytes\", not {other:?}"
        ))),
    }
}

/// The layers selected by `layers`: `None` (every layer), `"a,b"` or a list of names.
fn layer_selection(layers: Option<&Bound<'_, PyAny>>) -> PyResult<Option<LayerSelection>> {
    let Some(layers) = layers.filter(|l| !l.is_none()) else {
        return Ok(None);
    };
    let names: String = if let Ok(s) = layers.cast::<PyString>() {
        s.to_str()?.to_owned()
    } else if layers.is_instance_of::<PyList>() || layers.is_instance_of::<PyTuple>() {
        let names: Vec<String> = layers.extract()?;
        if names.is_empty() {
            return Err(PyValueError::new_err(format!(
                "layers: no layer given; the layers are: {}",
                LayerSelection::valid_names()
            )));
        }
        names.join(",")
    } else {
        return Err(PyTypeError::new_err(format!(
            "layers must be a list of names or a comma-separated str, not {}",
            items::type_name(layers)
        )));
    };
    names
        .parse()
        .map(Some)
        .map_err(|e: String| PyValueError::new_err(format!("layers: {e}")))
}

impl Pipeline {
    /// The input and output options of one call: its own `offsets` (else the pipeline's),
    /// `layers` and `text`.
    fn options(
        &self,
        layers: Option<&Bound<'_, PyAny>>,
        offsets: Option<&str>,
        text: bool,
    ) -> PyResult<(InputOptions, OutputOptions)> {
        let offsets = offsets.map_or(Ok(self.offsets), offset_unit)?;
        let input = InputOptions {
            offsets,
            ..self.input.clone()
        };
        let output = OutputOptions {
            offsets,
            no_text: !text,
            layers: layer_selection(layers)?,
        };
        Ok((input, output))
    }

    /// The chain one call runs: with `layers`, only the stages those layers need
    /// ([`Chain::only_for`]), as `nlpipe run --layers` does.
    fn chain_for(&self, output: &OutputOptions) -> Chain {
        match output.layers {
            Some(selection) => self.chain.only_for(|l| selection.keeps(l)),
            None => self.chain.clone(),
        }
    }

    /// The runtime's handle, or an error once it is gone.
    fn handle(&self) -> PyResult<tokio::runtime::Handle> {
        self.runtime
            .handle()
            .cloned()
            .ok_or_else(|| PyRuntimeError::new_err("the pipeline's runtime is gone"))
    }
}

#[pymethods]
impl Pipeline {
    /// Builds the chain.
    #[new]
    #[pyo3(signature = (stages=None, *, config=None, jobs=None, offsets="chars", max_doc_bytes=16 << 20, text_field="text", id_field="id"))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        stages: Option<Vec<String>>,
        config: Option<&Bound<'_, PyAny>>,
        jobs: Option<usize>,
        offsets: &str,
        max_doc_bytes: usize,
        text_field: &str,
        id_field: &str,
    ) -> PyResult<Pipeline> {
        let offsets = offset_unit(offsets)?;
        let chain = crate::config::build_chain(stages, config.filter(|c| !c.is_none()), jobs)?;
        let runtime = Arc::new(Runtime::new(chain.options().jobs)?);
        Ok(Pipeline {
            chain,
            runtime,
            input: InputOptions {
                text_field: text_field.to_owned(),
                id_field: id_field.to_owned(),
                offsets,
                max_doc_bytes,
            },
            offsets,
            json: Json::import(py)?,
        })
    }

    /// The stage names of the chain, in order.
    #[getter]
    fn stages(&self) -> Vec<String> {
        self.chain.stage_names()
    }

    /// Documents processed at once.
    #[getter]
    fn jobs(&self) -> usize {
        self.chain.options().jobs
    }

    /// Runs the chain on one document (a str, or a dict as in JSON Lines input) and
    /// returns its record: the dict of the JSON object the CLI writes.
    ///
    /// `id`: the record's id when the item has none (default 0). `layers`: the layers to
    /// write (a list or "a,b"; default all); `with_text=False` leaves the text out;
    /// `offsets` overrides the pipeline's unit. A document that cannot be processed gives
    /// an error record `{"id", "error": {"stage", "kind", "message"}}`, or raises
    /// `nlpipe.DocumentError` with `strict=True`. The GIL is released while the chain runs.
    #[pyo3(signature = (text, id=None, *, layers=None, offsets=None, with_text=true, strict=false))]
    #[allow(clippy::too_many_arguments)]
    fn annotate<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        id: Option<&Bound<'py, PyAny>>,
        layers: Option<&Bound<'py, PyAny>>,
        offsets: Option<&str>,
        with_text: bool,
        strict: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (input, output) = self.options(layers, offsets, with_text)?;
        let position = match id.filter(|i| !i.is_none()) {
            None => Position::nth(0),
            Some(id) if id.is_instance_of::<pyo3::types::PyBool>() => {
                return Err(PyTypeError::new_err("id must be a str or an int, not bool"))
            }
            Some(id) => match (id.extract::<String>(), id.extract::<i128>()) {
                (Ok(s), _) => Position {
                    id: s,
                    number: false,
                },
                (_, Ok(n)) => Position {
                    id: n.to_string(),
                    number: true,
                },
                _ => {
                    return Err(PyTypeError::new_err(format!(
                        "id must be a str or an int, not {}",
                        items::type_name(id)
                    )))
                }
            },
        };
        let record = items::record(py, &self.json, &input, text, &position);
        let handle = self.handle()?;
        let chain = &self.chain_for(&output);
        let record = py.detach(|| match record {
            Ok(doc) => handle.block_on(chain.process(doc)),
            Err(f) => Err(f),
        });
        let (dict, failed) = objects::record(py, &mut Keys::default(), &output, &record)?;
        if failed && strict {
            return Err(document_error(&dict));
        }
        Ok(dict)
    }

    /// Streams `items` (any iterable of str or dict) through the chain and returns an
    /// iterator of records, in input order, exactly one per item, `jobs` documents
    /// processed at once with the GIL released. The input is read a bounded window ahead,
    /// so a generator of any length runs in flat memory.
    ///
    /// An item without an id gets its 0-based position. An item that cannot be processed
    /// (not a str or a dict, a lone surrogate, too large, a stage error) gives an error
    /// record as the CLI writes it, or with `strict=True` raises `nlpipe.DocumentError` and
    /// ends the run. An exception raised by `items` comes after the records before it.
    /// `layers`, `offsets`, `with_text` as for `annotate`.
    #[pyo3(signature = (items, *, layers=None, offsets=None, with_text=true, strict=false))]
    fn run(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        layers: Option<&Bound<'_, PyAny>>,
        offsets: Option<&str>,
        with_text: bool,
        strict: bool,
    ) -> PyResult<Records> {
        let (input, output) = self.options(layers, offsets, with_text)?;
        let source = items.try_iter().map_err(|_| {
            PyTypeError::new_err(format!(
                "run() takes an iterable of str or dict, not {}",
                items::type_name(items)
            ))
        })?;
        Records::start(
            &self.chain_for(&output),
            Arc::clone(&self.runtime),
            self.handle()?,
            source.unbind(),
            input,
            output,
            strict,
            self.json.clone_ref(py),
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Pipeline(stages={:?}, jobs={})",
            self.chain.stage_names(),
            self.chain.options().jobs
        )
    }
}
