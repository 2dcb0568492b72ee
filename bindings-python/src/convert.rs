//! Conversions across the boundary: enums mirrored one to one, and state as plain dicts.
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

/// A pyclass value as a Python object, for outcomes typed `object` on the Python side.
pub fn obj<T>(py: Python<'_>, value: T) -> PyResult<Py<PyAny>>
where
    T: pyo3::PyClass + Into<pyo3::PyClassInitializer<T>>,
{
    Ok(Py::new(py, value)?.into_any())
}

/// Mirrors a fieldless core enum as a Python enum-like class (`Lang.DE`), with conversions
/// both ways. Core enums marked `#[non_exhaustive]` name the fallback for variants added
/// later, so a newer core never makes the binding panic.
macro_rules! mirror_enum {
    (
        $(#[$meta:meta])*
        $py:ident as $name:literal <=> $core:path { $($var:ident = $pyname:literal),+ $(,)? }
        $(fallback $fb:ident)?
    ) => {
        $(#[$meta])*
        #[pyclass(name = $name, module = "pbx_rules", eq, eq_int, frozen, hash, from_py_object)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $py {
            $(
                #[allow(missing_docs)]
                #[pyo3(name = $pyname)]
                $var,
            )+
        }

        impl From<$core> for $py {
            #[allow(unreachable_patterns)]
            fn from(v: $core) -> Self {
                use $core as C;
                match v {
                    $(C::$var => Self::$var,)+
                    $(_ => Self::$fb,)?
                }
            }
        }

        impl From<$py> for $core {
            fn from(v: $py) -> Self {
                match v {
                    $($py::$var => <$core>::$var,)+
                }
            }
        }

        #[pymethods]
        impl $py {
            /// The member's name (`"RED"`), as `enum.Enum` has it.
            #[getter]
            fn name(&self) -> &'static str {
                match self {
                    $(Self::$var => $pyname,)+
                }
            }
        }
    };
}
pub(crate) use mirror_enum;

mirror_enum!(
    /// The language of a message (G2).
    Lang as "Lang" <=> pbx_rules::Lang { De = "DE", En = "EN" }
);
