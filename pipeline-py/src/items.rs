//! Input items. An item is a `str` (the text; `bytes` are read as UTF-8) or a `dict` (a
//! JSON Lines record: `text`, `id`, `lang`, `targets` and fields passed through), read by
//! the CLI's own [`InputOptions`]: the dict is written as JSON by Python's `json.dumps` and
//! parsed as the CLI parses a line. Whatever an item is — a lone surrogate, a huge text,
//! `None`, a number — it becomes a record, never an exception. (Records become dicts in
//! `objects.rs`.)

use pipeline_core::{Failure, InputOptions, Record};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyString};

use crate::DocumentError;

/// The id an item gets when it has none of its own: its 0-based position in the input
/// (written as a JSON number), or the `id` given to `annotate`.
#[derive(Debug, Clone)]
pub struct Position {
    /// The id's text.
    pub id: String,
    /// Written as a JSON number.
    pub number: bool,
}

impl Position {
    /// The position `n` of an item in the input.
    pub fn nth(n: u64) -> Position {
        Position {
            id: n.to_string(),
            number: true,
        }
    }
}

/// Python's `json.dumps`, looked up once.
#[derive(Debug)]
pub struct Json {
    dumps: Py<PyAny>,
}

impl Json {
    /// Imports the `json` module's `dumps`.
    pub fn import(py: Python<'_>) -> PyResult<Json> {
        let json = py.import("json")?;
        Ok(Json {
            dumps: json.getattr("dumps")?.unbind(),
        })
    }

    /// The same function, for another owner.
    pub fn clone_ref(&self, py: Python<'_>) -> Json {
        Json {
            dumps: self.dumps.clone_ref(py),
        }
    }
}

/// The record of one input `item`: a document, or the `input` error record in its place.
pub fn record(
    py: Python<'_>,
    json: &Json,
    input: &InputOptions,
    item: &Bound<'_, PyAny>,
    position: &Position,
) -> Record {
    let fail = |kind: &str, message: String| {
        Err(Failure::new(position.id.as_str(), "input", kind, message)
            .with_number_id(position.number))
    };
    if let Ok(s) = item.cast::<PyString>() {
        return match s.to_str() {
            Ok(text) => text_record(input, text.to_owned(), position),
            Err(e) => fail(
                "invalid_utf8",
                format!("the text is not valid Unicode: {e}"),
            ),
        };
    }
    if let Ok(b) = item.cast::<PyBytes>() {
        return match std::str::from_utf8(b.as_bytes()) {
            Ok(text) => text_record(input, text.to_owned(), position),
            Err(e) => fail("invalid_utf8", format!("the bytes are not UTF-8: {e}")),
        };
    }
    if let Ok(dict) = item.cast::<PyDict>() {
        return dict_record(py, json, input, dict, position);
    }
    fail(
        "not_an_object",
        format!("expected a str or a dict, found {}", type_name(item)),
    )
}

/// A plain-text document, its id `position`.
fn text_record(input: &InputOptions, text: String, position: &Position) -> Record {
    let mut doc = input.text_document(position.id.as_str(), text)?;
    doc.set_id_is_number(position.number);
    Ok(doc)
}

/// A dict read as a JSON Lines record.
fn dict_record(
    py: Python<'_>,
    json: &Json,
    input: &InputOptions,
    dict: &Bound<'_, PyDict>,
    position: &Position,
) -> Record {
    let own_id = own_id(dict, &input.id_field);
    let (id, number) = own_id
        .clone()
        .unwrap_or_else(|| (position.id.clone(), position.number));
    let fail = |kind: &str, message: String| {
        Err(Failure::new(id.as_str(), "input", kind, message).with_number_id(number))
    };
    let kwargs = PyDict::new(py);
    let dumped = kwargs
        .set_item("ensure_ascii", false)
        .and_then(|()| kwargs.set_item("allow_nan", false))
        .and_then(|()| json.dumps.bind(py).call((dict,), Some(&kwargs)));
    let line = match dumped {
        Ok(line) => line,
        Err(e) => {
            return fail(
                "invalid_json",
                format!("the dict cannot be written as JSON: {e}"),
            )
        }
    };
    let line = match line.cast::<PyString>().map(|s| s.to_str()) {
        Ok(Ok(line)) => line.to_owned(),
        Ok(Err(e)) => {
            return fail(
                "invalid_utf8",
                format!("the dict is not valid Unicode: {e}"),
            )
        }
        Err(_) => return fail("invalid_json", "json.dumps returned no string".to_owned()),
    };
    let record = input.json_document(&position.id, &line);
    if own_id.is_some() {
        return record;
    }
    // no id of its own: the position's, a number like the position of a text
    match record {
        Ok(mut doc) => {
            doc.set_id_is_number(position.number);
            Ok(doc)
        }
        Err(f) => Err(f.with_number_id(position.number)),
    }
}

/// The dict's own id, as the JSON reader will take it: a string, or a number (not a
/// bool), and whether it is a number.
fn own_id(dict: &Bound<'_, PyDict>, field: &str) -> Option<(String, bool)> {
    let value = dict.get_item(field).ok()??;
    if let Ok(s) = value.cast::<PyString>() {
        return s.to_str().ok().map(|s| (s.to_owned(), false));
    }
    let number = !value.is_instance_of::<PyBool>()
        && (value.is_instance_of::<PyInt>() || value.is_instance_of::<PyFloat>());
    if number {
        return value.str().ok().map(|s| (s.to_string(), true));
    }
    None
}

/// The Python type name of `value`, for messages.
pub fn type_name(value: &Bound<'_, PyAny>) -> String {
    if value.is_none() {
        return "None".to_owned();
    }
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// `nlpipe.DocumentError` for an error record `record` (a dict), the record attached.
pub fn document_error(record: &Bound<'_, PyAny>) -> PyErr {
    let get = |key: &str| -> String {
        record
            .get_item("error")
            .and_then(|e| e.get_item(key))
            .and_then(|v| v.str().map(|s| s.to_string()))
            .unwrap_or_default()
    };
    let id = record
        .get_item("id")
        .and_then(|v| v.repr().map(|s| s.to_string()))
        .unwrap_or_default();
    let message = format!(
        "document {id}: {} {}: {}",
        get("stage"),
        get("kind"),
        get("message")
    );
    let err = DocumentError::new_err(message);
    let py = record.py();
    if let Err(e) = err.value(py).setattr("record", record) {
        return e;
    }
    err
}
