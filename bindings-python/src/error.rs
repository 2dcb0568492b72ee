//! Every core error as a Python exception (G2): the one place that maps them.
//!
//! Python gets one base class, `PbxRulesError(ValueError)`, carrying `.code`, `.message_en`,
//! `.message_de` and `.details`, with one subclass per core error family, as pydantic-core
//! does. Catching `ValueError` keeps working for scripts that know nothing of this package.
//! The family, code, messages and details are the core's (`pbx_rules::Error`, its JSON form):
//! this file only names the class of each family. `ERROR_CODES` hands Python the core's own
//! table (`Error::FAMILIES`) by class name.

use pbx_rules as rules;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyType};
use pyo3_stub_gen::PyStubType;
use rules::Localized;
use std::collections::HashMap;

macro_rules! exceptions {
    ($($class:ident => $family:literal, $doc:literal;)+) => {
        $(pyo3_stub_gen::create_exception!(pbx_rules, $class, PbxRulesError, $doc);)+

        /// The class of a core error family.
        fn class_of<'py>(py: Python<'py>, family: &str) -> Bound<'py, PyType> {
            match family {
                $($family => py.get_type::<$class>(),)+
                _ => py.get_type::<PbxRulesError>(),
            }
        }

        /// The class name of a core error family, for `ERROR_CODES`.
        fn class_name(family: &str) -> &'static str {
            match family {
                $($family => stringify!($class),)+
                _ => "PbxRulesError",
            }
        }

        /// Adds the exception classes to the module.
        fn add_classes(m: &Bound<'_, PyModule>) -> PyResult<()> {
            let py = m.py();
            m.add("PbxRulesError", py.get_type::<PbxRulesError>())?;
            $(m.add(stringify!($class), py.get_type::<$class>())?;)+
            m.add("VerifyMismatchError", py.get_type::<VerifyMismatchError>())
        }
    };
}

pyo3_stub_gen::create_exception!(
    pbx_rules,
    PbxRulesError,
    PyValueError,
    "Base of every rejection: `.code` (stable), `.message_en`, `.message_de`, `.details`."
);

exceptions! {
    NumberError => "number", "A phone number was refused (N1, N2).";
    LoginIdError => "login_id", "A login identifier or base number was refused (N4–N6).";
    BackupError => "backup", "A backup-number edit was refused (B2, B6, I2).";
    PermissionDenied => "permission", "The actor may not do this (B4, P4, A3, R3, V1, F1, I8).";
    PinError => "pin", "A PIN was refused (P1, P3, P8).";
    PasswordError => "password", "An admin password was refused (K1–K4).";
    HashError => "hash", "Hashing failed or a stored hash is unusable (G4).";
    GenerateError => "generate", "No random secret could be made (R4).";
    LoginError => "login", "A login or login step was refused (A1–A4, K5, P5, P10, G5).";
    RecoveryError => "recovery", "A forgot-PIN or forgot-password request was refused (R1–R3, F3).";
    SessionError => "session", "A session no longer holds: new credential, lock, idle or absolute limit (G11).";
    PolicyError => "policy", "A policy value is outside its documented bounds (F6, G6).";
    StateError => "state", "Stored JSON could not be read: damaged, of the wrong kind, or newer.";
}

pyo3_stub_gen::create_exception!(
    pbx_rules,
    VerifyMismatchError,
    HashError,
    "`Hasher.verify`: the secret does not match the hash (argon2-cffi's `VerifyMismatchError`)."
);

// What every exception carries, for the stub: set on each instance by `raise`.
pyo3_stub_gen::inventory::submit! {
    pyo3_stub_gen::type_info::PyMethodsInfo {
        struct_id: std::any::TypeId::of::<PbxRulesError>,
        attrs: &[
            member("code", "The stable code (`PIN_TOO_SHORT`).", String::type_output),
            member("message_en", "The English message.", String::type_output),
            member("message_de", "The German message.", String::type_output),
            member("family", "The core's error family (`pin`, `login`, …).", String::type_output),
            member(
                "json",
                "The core's JSON of the error (`{\"family\":…,\"code\":…,…}`), the same in every language.",
                String::type_output,
            ),
            member(
                "details",
                "What the refusal carries beyond its code (retry time, findings, …), as the core's JSON has it.",
                HashMap::<String, pyo3::Py<pyo3::PyAny>>::type_output,
            ),
        ],
        getters: &[],
        setters: &[],
        methods: &[],
        file: file!(),
        line: line!(),
        column: column!(),
    }
}

const fn member(
    name: &'static str,
    doc: &'static str,
    r#type: fn() -> pyo3_stub_gen::TypeInfo,
) -> pyo3_stub_gen::type_info::MemberInfo {
    pyo3_stub_gen::type_info::MemberInfo {
        name,
        r#type,
        doc,
        default: None,
        deprecated: None,
    }
}

pyo3_stub_gen::module_variable!("pbx_rules", "ERROR_CODES", HashMap<String, Vec<String>>);

/// A Python exception on its way out of a binding function. The `From` impls below let every
/// method be `Ok(self.0.f(args)?)`; pyo3 raises it.
#[derive(Debug)]
pub struct Error(pub PyErr);

/// What binding functions return.
pub type Result<T> = std::result::Result<T, Error>;

impl From<Error> for PyErr {
    fn from(e: Error) -> Self {
        e.0
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Self(e)
    }
}

impl Error {
    /// The exception object, for batch calls and decisions that report an error unraised.
    pub fn into_value(self, py: Python<'_>) -> Py<PyAny> {
        self.0.into_value(py).into_any()
    }
}

/// An exception of `class` from the core's error JSON: `family`, `code`, both messages and
/// `details` (a dict, empty when the error carries nothing) become attributes, the text itself
/// `json`. Never the input: core errors carry no secret (G3), and this adds nothing to them.
fn raise(class: Bound<'_, PyType>, json: &str) -> Error {
    let py = class.py();
    let build = || -> PyResult<PyErr> {
        let fields = py.import("json")?.call_method1("loads", (json,))?;
        let err = PyErr::from_type(class.clone(), (fields.get_item("message_en")?.unbind(),));
        let value = err.value(py);
        for key in ["family", "code", "message_en", "message_de"] {
            value.setattr(key, fields.get_item(key)?)?;
        }
        let details = fields.call_method1("get", ("details",))?;
        if details.is_none() {
            value.setattr("details", PyDict::new(py))?;
        } else {
            value.setattr("details", details)?;
        }
        value.setattr("json", json)?;
        Ok(err)
    };
    Error(build().unwrap_or_else(|e| e))
}

/// The core's error as the exception class of the family whose codes hold its code in the
/// core's table (`Error::FAMILIES`): a number refused inside a backup edit is a
/// `NumberError`, so one `except` per family catches it wherever it arises.
impl From<rules::Error> for Error {
    fn from(e: rules::Error) -> Self {
        let family = rules::Error::FAMILIES
            .iter()
            .find(|(_, codes)| codes.contains(&e.code()))
            .map_or_else(|| e.family(), |(family, _)| family);
        Python::attach(|py| raise(class_of(py, family), &e.to_json()))
    }
}

/// A core error as the exception of its family, for the core's argument conversions
/// (`pbx_rules::python::set_error_type`).
pub fn to_pyerr(e: rules::Error) -> PyErr {
    Error::from(e).0
}

macro_rules! via_core_error {
    ($($core:ident),+) => {$(
        impl From<rules::$core> for Error {
            fn from(e: rules::$core) -> Self {
                rules::Error::from(e).into()
            }
        }
    )+};
}

via_core_error!(
    NumberError,
    LoginIdError,
    BackupError,
    PermissionError,
    PinError,
    PasswordError,
    HashError,
    GenerateError,
    LoginError,
    RecoveryError,
    SessionError,
    PolicyError,
    StateError
);

/// The one code the binding adds: a wrong secret in `Hasher.verify`, which the core answers
/// with `false` and Python raises, as argon2-cffi does (a caller who treats "no exception" as
/// "logged in" must not let every secret in).
pub const HASH_MISMATCH: &str = "HASH_MISMATCH";

/// `VerifyMismatchError` with its code and both messages, in the core's error JSON shape.
pub fn verify_mismatch() -> Error {
    let json = serde_json::json!({
        "family": "hash",
        "code": HASH_MISMATCH,
        "message_de": "Das Geheimnis passt nicht zum gespeicherten Hash.",
        "message_en": "The secret does not match the stored hash.",
    });
    Python::attach(|py| raise(py.get_type::<VerifyMismatchError>(), &json.to_string()))
}

/// Adds the exception classes and `ERROR_CODES` (class name → the core's codes of that family).
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    add_classes(m)?;
    let codes = PyDict::new(m.py());
    for (family, list) in rules::Error::FAMILIES {
        codes.set_item(class_name(family), PyList::new(m.py(), *list)?)?;
    }
    m.add("ERROR_CODES", codes)
}
