//! Records as Python objects, built straight from the record's serde view
//! ([`pipeline_core::json::RecordView`]) by [`ToPy`], a serde serialiser: the dict is the
//! one `json.loads` makes of the CLI's line (the same keys in the same order, the same
//! values), without the line. Numbers follow the JSON text: an `f32` becomes the float
//! its shortest decimal reads as (the CLI writes `0.1`, not `0.10000000149011612`); a
//! number kept as text (`serde_json`'s arbitrary precision: passed-through input fields,
//! numeric ids) becomes an `int` when it is an integer, else a `float`; a non-finite
//! float is `None` (the CLI writes `null`). Keys are interned Python strings, made once
//! per run ([`Keys`]).

use std::fmt::Display;

use pipeline_core::{Failure, OutputOptions, Record};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
use rustc_hash::FxHashMap;
use serde::ser::{self, Serialize};

/// The struct name `serde_json` serialises an arbitrary-precision number under; its one
/// field holds the number's text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";
/// The struct name of a `serde_json` raw value; its one field holds the JSON text.
const RAW_TOKEN: &str = "$serde_json::private::RawValue";
/// Map keys up to this many bytes are cached.
const KEY_CACHE_BYTES: usize = 64;
/// The most map keys cached (the fields of input records are open-ended).
const KEY_CACHE_LEN: usize = 4096;

/// Why a value could not become a Python object.
#[derive(Debug, thiserror::Error)]
pub enum ToPyError {
    /// Python raised (out of memory, most likely).
    #[error("{0}")]
    Python(#[from] PyErr),
    /// The value has no JSON form (a map key that is not a string, a serialiser error).
    #[error("{0}")]
    Value(String),
}

impl From<std::convert::Infallible> for ToPyError {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

impl ser::Error for ToPyError {
    fn custom<T: Display>(msg: T) -> Self {
        ToPyError::Value(msg.to_string())
    }
}

/// The interned Python strings of the keys seen so far: struct fields by the address of
/// their `&'static str`, map keys by their text (short ones, a bounded number).
#[derive(Default)]
pub struct Keys {
    fields: FxHashMap<(usize, usize), Py<PyString>>,
    texts: FxHashMap<Box<str>, Py<PyString>>,
}

impl Keys {
    /// The Python string of the struct field `key`.
    fn field<'py>(&mut self, py: Python<'py>, key: &'static str) -> Bound<'py, PyString> {
        self.fields
            .entry((key.as_ptr() as usize, key.len()))
            .or_insert_with(|| PyString::intern(py, key).unbind())
            .bind(py)
            .clone()
    }

    /// The Python string of the map key `key`.
    fn text<'py>(&mut self, py: Python<'py>, key: &str) -> Bound<'py, PyString> {
        if let Some(k) = self.texts.get(key) {
            return k.bind(py).clone();
        }
        let k = PyString::intern(py, key);
        if key.len() <= KEY_CACHE_BYTES && self.texts.len() < KEY_CACHE_LEN {
            self.texts.insert(key.into(), k.clone().unbind());
        }
        k
    }
}

/// The dict (or, for a value that is no JSON object, the object) of `record` as
/// `output` writes it, and whether it is an error record. A record that cannot be built
/// becomes the `output` error record the CLI writes in its place (kind `panic` or
/// `unserialisable`).
pub fn record<'py>(
    py: Python<'py>,
    keys: &mut Keys,
    output: &OutputOptions,
    record: &Record,
) -> PyResult<(Bound<'py, PyAny>, bool)> {
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        output.view(record).serialize(ToPy { py, keys })
    }));
    let (kind, message) = match built {
        Ok(Ok(obj)) => return Ok((obj, record.is_err())),
        Ok(Err(ToPyError::Python(e))) => return Err(e),
        Ok(Err(ToPyError::Value(message))) => ("unserialisable", message),
        Err(payload) => ("panic", pipeline_core::panic_message(&*payload)),
    };
    let (id, number) = match record {
        Ok(d) => (d.id_arc(), d.id_is_number()),
        Err(f) => (std::sync::Arc::clone(&f.id), f.id_is_number),
    };
    let failure = Err(Failure::new(id, "output", kind, message).with_number_id(number));
    match output.view(&failure).serialize(ToPy { py, keys }) {
        Ok(obj) => Ok((obj, true)),
        Err(ToPyError::Python(e)) => Err(e),
        Err(ToPyError::Value(m)) => Err(pyo3::exceptions::PyRuntimeError::new_err(m)),
    }
}

/// The Python number of a JSON number's text, as `json.loads` reads it.
fn number<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let integer = !text.is_empty()
        && text
            .strip_prefix('-')
            .unwrap_or(text)
            .bytes()
            .all(|b| b.is_ascii_digit());
    if integer {
        if let Ok(n) = text.parse::<i64>() {
            return Ok(n.into_pyobject(py)?.into_any());
        }
        return py.get_type::<PyInt>().call1((text,));
    }
    match text.parse::<f64>() {
        Ok(f) => Ok(PyFloat::new(py, f).into_any()),
        Err(_) => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "not a JSON number: {text:?}"
        ))),
    }
}

/// A serde serialiser into Python objects.
pub struct ToPy<'k, 'py> {
    py: Python<'py>,
    keys: &'k mut Keys,
}

impl<'k, 'py> ToPy<'k, 'py> {
    fn reborrow(&mut self) -> ToPy<'_, 'py> {
        ToPy {
            py: self.py,
            keys: &mut *self.keys,
        }
    }

    fn none(&self) -> Bound<'py, PyAny> {
        self.py.None().into_bound(self.py)
    }

    /// `{variant: value}`, as serde_json writes an enum variant with data.
    fn variant(
        self,
        variant: &'static str,
        value: Bound<'py, PyAny>,
    ) -> Result<Bound<'py, PyAny>, ToPyError> {
        let dict = PyDict::new(self.py);
        dict.set_item(self.keys.field(self.py, variant), value)?;
        Ok(dict.into_any())
    }
}

/// A list being built.
pub struct ListOf<'k, 'py> {
    ser: ToPy<'k, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'k, 'py> ListOf<'k, 'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), ToPyError> {
        let item = value.serialize(self.ser.reborrow())?;
        self.items.push(item);
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>, ToPyError> {
        let list = PyList::new(self.ser.py, self.items)?.into_any();
        match self.variant {
            Some(v) => self.ser.variant(v, list),
            None => Ok(list),
        }
    }
}

/// What a dict being built turns into.
enum DictKind {
    /// A dict.
    Plain,
    /// `{variant: dict}`.
    Variant(&'static str),
    /// A `serde_json` arbitrary-precision number: its text, then the number.
    Number,
    /// A `serde_json` raw value: its JSON text, then its value.
    Raw,
}

/// A dict being built.
pub struct DictOf<'k, 'py> {
    ser: ToPy<'k, 'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyString>>,
    kind: DictKind,
    /// The text of a number or a raw value.
    text: Option<String>,
}

impl<'k, 'py> DictOf<'k, 'py> {
    fn new(ser: ToPy<'k, 'py>, kind: DictKind) -> Self {
        let dict = PyDict::new(ser.py);
        DictOf {
            ser,
            dict,
            key: None,
            kind,
            text: None,
        }
    }

    fn field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ToPyError> {
        if matches!(self.kind, DictKind::Number | DictKind::Raw) {
            let text = match serde_json::to_value(value) {
                Ok(serde_json::Value::String(s)) => s,
                _ => return Err(ToPyError::Value(format!("{key}: expected its text"))),
            };
            self.text = Some(text);
            return Ok(());
        }
        let k = self.ser.keys.field(self.ser.py, key);
        let v = value.serialize(self.ser.reborrow())?;
        self.dict.set_item(k, v)?;
        Ok(())
    }

    fn finish(mut self) -> Result<Bound<'py, PyAny>, ToPyError> {
        let py = self.ser.py;
        match self.kind {
            DictKind::Plain => Ok(self.dict.into_any()),
            DictKind::Variant(v) => self.ser.variant(v, self.dict.into_any()),
            DictKind::Number => Ok(number(py, self.text.as_deref().unwrap_or_default())?),
            DictKind::Raw => {
                let text = self.text.take().unwrap_or_default();
                let value: serde_json::Value = serde_json::from_str(&text)
                    .map_err(|e| ToPyError::Value(format!("raw JSON value: {e}")))?;
                value.serialize(self.ser)
            }
        }
    }
}

/// A map key as a Python string: strings, and numbers and booleans written as text (what
/// `serde_json` accepts as a key).
struct KeyOf<'a, 'k, 'py>(&'a mut ToPy<'k, 'py>);

impl<'a, 'k, 'py> KeyOf<'a, 'k, 'py> {
    fn text(self, s: &str) -> Result<Bound<'py, PyString>, ToPyError> {
        Ok(self.0.keys.text(self.0.py, s))
    }

    fn not_a_string<T>(what: &str) -> Result<T, ToPyError> {
        Err(ToPyError::Value(format!(
            "key must be a string, not {what}"
        )))
    }
}

macro_rules! key_as_text {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<Self::Ok, Self::Error> {
            self.text(&v.to_string())
        }
    )*};
}

impl<'a, 'k, 'py> ser::Serializer for KeyOf<'a, 'k, 'py> {
    type Ok = Bound<'py, PyString>;
    type Error = ToPyError;
    type SerializeSeq = ser::Impossible<Self::Ok, ToPyError>;
    type SerializeTuple = ser::Impossible<Self::Ok, ToPyError>;
    type SerializeTupleStruct = ser::Impossible<Self::Ok, ToPyError>;
    type SerializeTupleVariant = ser::Impossible<Self::Ok, ToPyError>;
    type SerializeMap = ser::Impossible<Self::Ok, ToPyError>;
    type SerializeStruct = ser::Impossible<Self::Ok, ToPyError>;
    type SerializeStructVariant = ser::Impossible<Self::Ok, ToPyError>;

    fn serialize_str(self, v: &str) -> Result<Self::Ok, Self::Error> {
        self.text(v)
    }
    key_as_text!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_char: char);
    fn serialize_f32(self, _v: f32) -> Result<Self::Ok, Self::Error> {
        Self::not_a_string("a float")
    }
    fn serialize_f64(self, _v: f64) -> Result<Self::Ok, Self::Error> {
        Self::not_a_string("a float")
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<Self::Ok, Self::Error> {
        Self::not_a_string("bytes")
    }
    fn serialize_none(self) -> Result<Self::Ok, Self::Error> {
        Self::not_a_string("null")
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<Self::Ok, Self::Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, Self::Error> {
        Self::not_a_string("null")
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Self::Error> {
        Self::not_a_string("null")
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Self::Error> {
        self.text(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        v: &T,
    ) -> Result<Self::Ok, Self::Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _v: &T,
    ) -> Result<Self::Ok, Self::Error> {
        Self::not_a_string("an enum variant with data")
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
        Self::not_a_string("a list")
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Self::Error> {
        Self::not_a_string("a list")
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Self::Error> {
        Self::not_a_string("a list")
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Self::Error> {
        Self::not_a_string("a list")
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
        Self::not_a_string("an object")
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        Self::not_a_string("an object")
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Self::Error> {
        Self::not_a_string("an object")
    }
}

macro_rules! int_to_py {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<Self::Ok, Self::Error> {
            Ok(v.into_pyobject(self.py)?.into_any())
        }
    )*};
}

impl<'k, 'py> ser::Serializer for ToPy<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    type SerializeSeq = ListOf<'k, 'py>;
    type SerializeTuple = ListOf<'k, 'py>;
    type SerializeTupleStruct = ListOf<'k, 'py>;
    type SerializeTupleVariant = ListOf<'k, 'py>;
    type SerializeMap = DictOf<'k, 'py>;
    type SerializeStruct = DictOf<'k, 'py>;
    type SerializeStructVariant = DictOf<'k, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, Self::Error> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    int_to_py!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128);
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, Self::Error> {
        if !v.is_finite() {
            return Ok(self.none());
        }
        // the float the CLI's shortest decimal of `v` reads as
        let mut buf = ryu::Buffer::new();
        let f = buf.format_finite(v).parse::<f64>().unwrap_or(f64::from(v));
        Ok(PyFloat::new(self.py, f).into_any())
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, Self::Error> {
        if !v.is_finite() {
            return Ok(self.none());
        }
        Ok(PyFloat::new(self.py, v).into_any())
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, Self::Error> {
        let mut buf = [0u8; 4];
        self.serialize_str(v.encode_utf8(&mut buf))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, Self::Error> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, Self::Error> {
        // serde_json writes bytes as a list of numbers
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok, Self::Error> {
        Ok(self.none())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<Self::Ok, Self::Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, Self::Error> {
        Ok(self.none())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Self::Error> {
        Ok(self.none())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Self::Error> {
        Ok(self.keys.field(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        v: &T,
    ) -> Result<Self::Ok, Self::Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<Self::Ok, Self::Error> {
        let value = v.serialize(self.reborrow())?;
        self.variant(variant, value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
        Ok(ListOf {
            ser: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Self::Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, Self::Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, Self::Error> {
        Ok(ListOf {
            ser: self,
            items: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
        Ok(DictOf::new(self, DictKind::Plain))
    }
    fn serialize_struct(
        self,
        name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        let kind = match name {
            NUMBER_TOKEN => DictKind::Number,
            RAW_TOKEN => DictKind::Raw,
            _ => DictKind::Plain,
        };
        Ok(DictOf::new(self, kind))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Self::Error> {
        Ok(DictOf::new(self, DictKind::Variant(variant)))
    }
}

impl<'py> ser::SerializeSeq for ListOf<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), ToPyError> {
        self.push(v)
    }
    fn end(self) -> Result<Self::Ok, ToPyError> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for ListOf<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), ToPyError> {
        self.push(v)
    }
    fn end(self) -> Result<Self::Ok, ToPyError> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for ListOf<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), ToPyError> {
        self.push(v)
    }
    fn end(self) -> Result<Self::Ok, ToPyError> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleVariant for ListOf<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), ToPyError> {
        self.push(v)
    }
    fn end(self) -> Result<Self::Ok, ToPyError> {
        self.finish()
    }
}

impl<'py> ser::SerializeMap for DictOf<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), ToPyError> {
        self.key = Some(key.serialize(KeyOf(&mut self.ser))?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), ToPyError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| ToPyError::Value("a map value without its key".to_owned()))?;
        let value = v.serialize(self.ser.reborrow())?;
        self.dict.set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, ToPyError> {
        self.finish()
    }
}

impl<'py> ser::SerializeStruct for DictOf<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), ToPyError> {
        self.field(key, v)
    }
    fn end(self) -> Result<Self::Ok, ToPyError> {
        self.finish()
    }
}

impl<'py> ser::SerializeStructVariant for DictOf<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), ToPyError> {
        self.field(key, v)
    }
    fn end(self) -> Result<Self::Ok, ToPyError> {
        self.finish()
    }
}
