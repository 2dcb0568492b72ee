//! The Python side of the core's values (feature `python`): how the types that carry
//! `#[pyclass]` in the core convert and present themselves in Python. No rule logic here:
//! the binding (`bindings-python/`) holds the handles and delegates to the core.

use pyo3::prelude::*;
use pyo3::types::PyString;
use pyo3_stub_gen::derive::gen_stub_pymethods;

use crate::{
    AccountRef, AdminStep, ChangeKind, Effect, ExtensionDigits, Lang, Localized, NumberKind,
    OneTimeCode, Password, Pin, PinOrigin, PreviewMode, Reachability, RouteRule, Secret,
    SecretPurpose, StrengthLevel, TrivialPinFinding,
};

/// Extension digits cross as the text they are (`"10"`).
impl<'py> IntoPyObject<'py> for ExtensionDigits {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyString::new(py, self.as_str()))
    }
}

/// Text read as extension digits; a `ValueError` naming the code when they are not.
impl<'a, 'py> FromPyObject<'a, 'py> for ExtensionDigits {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let text: String = obj.extract()?;
        Self::parse(&text)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("{}: {e}", e.code())))
    }
}

pyo3_stub_gen::impl_stub_type!(ExtensionDigits = String);

/// Whose credential changed, as text: `"admin"`, or the extension's digits (`"10"`). A
/// complex pyclass enum cannot hold the unit variant `Admin`, and digits are never `admin`.
impl<'py> IntoPyObject<'py> for AccountRef {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyString::new(
            py,
            match &self {
                Self::Admin => "admin",
                Self::Extension(digits) => digits.as_str(),
            },
        ))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for AccountRef {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.extract::<&str>().is_ok_and(|t| t == "admin") {
            return Ok(Self::Admin);
        }
        Ok(Self::Extension(obj.extract()?))
    }
}

pyo3_stub_gen::impl_stub_type!(AccountRef = String);

/// The Python face of a secret (G3): `repr`/`str` show `***`, pickling is refused, and the
/// text comes only from `expose()`. `==` is the core's constant-time comparison (`eq`).
macro_rules! secret_methods {
    ($name:ident) => {
        #[gen_stub_pymethods]
        #[pymethods]
        impl $name {
            /// The plaintext, for hashing or handing out once. Python cannot wipe the `str`:
            /// keep it short-lived.
            #[pyo3(name = "expose")]
            fn py_expose(&self) -> &str {
                self.expose()
            }
            /// Constant-time comparison with typed text.
            #[pyo3(name = "matches")]
            fn py_matches(&self, typed: &str) -> bool {
                self.matches(typed)
            }
            fn __repr__(&self) -> String {
                format!("{self:?}")
            }
            fn __str__(&self) -> String {
                self.to_string()
            }
            /// Refused: pickling would write the plaintext where it does not belong.
            #[gen_stub(skip)]
            fn __reduce__(&self) -> PyResult<()> {
                Err(pyo3::exceptions::PyTypeError::new_err(concat!(
                    stringify!($name),
                    " cannot be pickled"
                )))
            }
        }
    };
}

secret_methods!(Pin);
secret_methods!(Password);
secret_methods!(OneTimeCode);

/// `.code` on an enum: its value as the core's JSON spells it (`"light_green"`), the same in
/// every language.
macro_rules! enum_code {
    ($($name:ident),+) => {$(
        #[gen_stub_pymethods]
        #[pymethods]
        impl $name {
            /// The value as the core's JSON spells it, the same in every language.
            #[getter]
            fn code(&self) -> String {
                match serde_json::to_value(self) {
                    Ok(serde_json::Value::String(code)) => code,
                    _ => format!("{self:?}"),
                }
            }
        }
    )+};
}

enum_code!(
    AdminStep,
    ChangeKind,
    SecretPurpose,
    Lang,
    NumberKind,
    PinOrigin,
    PreviewMode,
    Reachability,
    RouteRule,
    StrengthLevel,
    TrivialPinFinding
);

#[gen_stub_pymethods]
#[pymethods]
impl Secret {
    /// The plaintext, for the mail and nothing else.
    #[pyo3(name = "expose")]
    fn py_expose(&self) -> &str {
        self.expose()
    }
    fn __repr__(&self) -> String {
        format!("{self:?}")
    }
}

#[gen_stub_pymethods]
#[pymethods]
impl Effect {
    /// The effect with every secret as `***` (the core's `Debug`).
    fn __repr__(&self) -> String {
        format!("{self:?}")
    }
}
