//! Conversions across the boundary: stored state as the core's JSON (`pbx_rules::Json`), and
//! values without a `Json` impl (actors, sub-policies, routes) as their serde form in a dict.
//! Enums, effects, outcomes and secrets are the core's own pyclasses (feature `python`), so
//! nothing is mirrored here.

use pyo3::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// JSON text as a Python dict (or list, str, …).
pub fn loads<'py>(py: Python<'py>, text: &str) -> Result<Bound<'py, PyAny>> {
    Ok(py.import("json")?.call_method1("loads", (text,))?)
}

/// A Python dict as JSON text.
pub fn dumps(obj: &Bound<'_, PyAny>) -> Result<String> {
    Ok(obj
        .py()
        .import("json")?
        .call_method1("dumps", (obj,))?
        .extract()?)
}

/// A core value as a Python dict in its serde form.
pub fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> Result<Bound<'py, PyAny>> {
    let text =
        serde_json::to_string(value).map_err(|e| Error::from(pbx_rules::StateError::from(&e)))?;
    loads(py, &text)
}

/// A dict as given by [`to_py`], read back: a wrong shape is the core's `STATE_MALFORMED`.
pub fn from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>) -> Result<T> {
    let text = dumps(obj)?;
    serde_json::from_str(&text).map_err(|e| Error::from(pbx_rules::StateError::from(&e)))
}

/// `[(index, exception), …]` for the failed rows of a batch, reported rather than raised.
pub fn failures<'py, T, E: Clone + Into<Error>>(
    py: Python<'py>,
    rows: &[std::result::Result<T, E>],
) -> Result<Bound<'py, pyo3::types::PyList>> {
    let failed = rows.iter().enumerate().filter_map(|(i, r)| {
        let e = r.as_ref().err()?;
        Some((i, e.clone().into().into_value(py)))
    });
    Ok(pyo3::types::PyList::new(py, failed)?)
}

/// `(cls.from_dict, (state,))`: what `__reduce__` returns so pickle and copy work.
pub fn reduce<'py, T: Serialize>(
    slf: &Bound<'py, PyAny>,
    value: &T,
) -> Result<Bound<'py, pyo3::types::PyTuple>> {
    let py = slf.py();
    let from_dict = slf.get_type().getattr("from_dict")?;
    let state = pyo3::types::PyTuple::new(py, [to_py(py, value)?])?;
    Ok(pyo3::types::PyTuple::new(
        py,
        [from_dict, state.into_any()],
    )?)
}

/// What `repr()` shows of a handle, in Python's style (`ExtensionAccount(revision=0,
/// extension='10', …)`, each value its own `repr()`): named fields only, so a hash never
/// shows (F9) and a secret only as `Pin('***')` (G3).
pub enum Shown {
    /// These attributes of the handle.
    Attrs(&'static [&'static str]),
    /// These keys of `to_dict()` (every key when empty): for stored state, whose dict also
    /// holds the hashes, always a list.
    Dict(&'static [&'static str]),
    /// The fields of `view()`, under the handle's name.
    View,
}

/// The fields a handle's `repr()` shows (see [`Shown`]).
pub trait ShowFields {
    const SHOWN: Shown;
}

/// `repr()` of a handle, as [`Shown`] says.
pub fn repr(slf: &Bound<'_, PyAny>, shown: &Shown) -> Result<String> {
    let name = slf.get_type().qualname()?.to_string();
    let fields = match shown {
        Shown::Attrs(names) => names
            .iter()
            .map(|n| Ok(((*n).to_owned(), slf.getattr(*n)?)))
            .collect::<Result<Vec<_>>>()?,
        Shown::Dict(keys) => {
            let dict = slf.call_method0("to_dict")?;
            let dict = dict.cast::<pyo3::types::PyDict>().map_err(PyErr::from)?;
            if keys.is_empty() {
                dict.iter()
                    .map(|(k, v)| Ok((k.extract::<String>()?, v)))
                    .collect::<Result<Vec<_>>>()?
            } else {
                keys.iter()
                    .filter_map(|k| {
                        dict.get_item(*k)
                            .ok()
                            .flatten()
                            .map(|v| ((*k).to_owned(), v))
                    })
                    .collect()
            }
        }
        Shown::View => {
            let view = slf.call_method0("view")?;
            let text: String = view.repr()?.extract()?;
            let view_name = view.get_type().qualname()?.to_string();
            return Ok(format!(
                "{name}{}",
                text.strip_prefix(&view_name).unwrap_or(&text)
            ));
        }
    };
    Ok(pbx_rules::python::repr_with(&name, fields)?)
}

/// One `#[pymethods]` block for a handle (pyo3 allows one per class without its
/// `multiple-pymethods` feature, whose registry would pull Python symbols into every binary
/// of the workspace that links the core): the handle's own methods, plus
/// - `json`: `to_json` / `from_json` (the core's `Json`: a wrong shape or a newer version is
///   a `StateError`, a policy out of bounds a `PolicyError`), `to_dict` / `from_dict` (the
///   same JSON as a dict) and pickling through that JSON;
/// - `dict`: `to_dict` / `from_dict` in the core's serde form and pickling through it, for
///   values the core does not store as versioned JSON (actors, actions, sub-policies);
/// - `repr`: `repr()` in Python's style with the fields the handle's [`ShowFields`] names,
///   never a secret, hash or salt (G3, F9).
macro_rules! handle {
    (json repr $handle:ident { $($body:tt)* }) => {
        $crate::convert::handle!(json $handle {
            $($body)*
            fn __repr__(slf: &pyo3::Bound<'_, Self>) -> $crate::error::Result<String> {
                $crate::convert::repr(
                    pyo3::Bound::as_any(slf),
                    &<Self as $crate::convert::ShowFields>::SHOWN,
                )
            }
        });
    };
    (dict repr $handle:ident { $($body:tt)* }) => {
        $crate::convert::handle!(repr $handle {
            $($body)*
            /// The core's serde form.
            #[gen_stub(override_return_type(type_repr = "dict[str, typing.Any]"))]
            fn to_dict<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> $crate::error::Result<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::convert::to_py(py, &self.0)
            }
            /// Reads what `to_dict()` gave; `StateError` for another shape.
            #[staticmethod]
            fn from_dict(#[gen_stub(override_type(type_repr = "dict[str, typing.Any]"))] state: &pyo3::Bound<'_, pyo3::PyAny>) -> $crate::error::Result<Self> {
                Ok(Self($crate::convert::from_py(state)?))
            }
            #[gen_stub(skip)]
            fn __reduce__<'py>(
                slf: &pyo3::Bound<'py, Self>,
            ) -> $crate::error::Result<pyo3::Bound<'py, pyo3::types::PyTuple>> {
                $crate::convert::reduce(slf.as_any(), &slf.get().0)
            }
        });
    };
    (repr $handle:ident { $($body:tt)* }) => {
        #[pyo3_stub_gen::derive::gen_stub_pymethods]
        #[pyo3::pymethods]
        impl $handle {
            $($body)*
            fn __repr__(slf: &pyo3::Bound<'_, Self>) -> $crate::error::Result<String> {
                $crate::convert::repr(
                    pyo3::Bound::as_any(slf),
                    &<Self as $crate::convert::ShowFields>::SHOWN,
                )
            }
        }
    };
    (json $handle:ident { $($body:tt)* }) => {
        #[pyo3_stub_gen::derive::gen_stub_pymethods]
        #[pyo3::pymethods]
        impl $handle {
            $($body)*
            /// The core's JSON to store, the same in every language (secrets as `"***"`).
            fn to_json(&self) -> String {
                pbx_rules::Json::to_json(&self.0)
            }
            /// Reads stored JSON: `StateError` for damaged, foreign or newer data, never a
            /// half-read object.
            #[staticmethod]
            fn from_json(text: &str) -> $crate::error::Result<Self> {
                Ok(Self(pbx_rules::Json::from_json(text)?))
            }
            /// `to_json()` as a dict.
            #[gen_stub(override_return_type(type_repr = "dict[str, typing.Any]"))]
            fn to_dict<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> $crate::error::Result<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::convert::loads(py, &self.to_json())
            }
            /// `from_json()` from a dict.
            #[staticmethod]
            fn from_dict(#[gen_stub(override_type(type_repr = "dict[str, typing.Any]"))] state: &pyo3::Bound<'_, pyo3::PyAny>) -> $crate::error::Result<Self> {
                Self::from_json(&$crate::convert::dumps(state)?)
            }
            #[gen_stub(skip)]
            fn __reduce__<'py>(
                slf: &pyo3::Bound<'py, Self>,
            ) -> $crate::error::Result<pyo3::Bound<'py, pyo3::types::PyTuple>> {
                use pyo3::types::PyAnyMethods;
                let from_json = slf.get_type().getattr("from_json")?;
                let text = pyo3::types::PyTuple::new(slf.py(), [slf.get().to_json()])?;
                Ok(pyo3::types::PyTuple::new(slf.py(), [from_json, text.into_any()])?)
            }
        }
    };
}
pub(crate) use handle;
