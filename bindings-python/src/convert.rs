//! Conversions across the boundary: state as plain dicts. Enums, effects and secrets are the
//! core's own pyclasses (feature `python` of the core), so nothing is mirrored here.
//!
//! State (master data, policies, actors, routes) crosses as the core's own serde form, turned
//! into Python dicts by the `json` module: what `to_dict()` gives out, `from_dict()` reads
//! back unchanged, so a host can store it, pickle it or edit a policy field by field. This is
//! a data format for values, not a command bus: every operation is still a typed method.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Result, invalid_state};

/// A core value as a Python dict (or list, str, …) in the core's serde form.
pub fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> Result<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| invalid_state(&e))?;
    Ok(py.import("json")?.call_method1("loads", (text,))?)
}

/// A Python dict as produced by [`to_py`], read back into the core type.
pub fn from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>) -> Result<T> {
    let text: String = obj
        .py()
        .import("json")?
        .call_method1("dumps", (obj,))?
        .extract()?;
    serde_json::from_str(&text).map_err(|e| invalid_state(&e))
}

/// `(cls.from_dict, (state,))`: what `__reduce__` returns so pickle and copy work.
pub fn reduce<'py, T: Serialize>(
    slf: &Bound<'py, PyAny>,
    value: &T,
) -> Result<Bound<'py, PyTuple>> {
    let py = slf.py();
    let from_dict = slf.get_type().getattr("from_dict")?;
    let state = PyTuple::new(py, [to_py(py, value)?])?;
    Ok(PyTuple::new(py, [from_dict, state.into_any()])?)
}
