//! Every core error, as a Python exception (G2): the one place that maps them.
//!
//! Python gets one base class, `PbxRulesError(ValueError)`, carrying `.code`, `.message_en`,
//! `.message_de` and `.details`, with one subclass per core error family, as pydantic-core
//! does. Catching `ValueError` keeps working for scripts that know nothing of this package.
//! The class follows the Rust type, not the code: a number refused inside a backup edit is
//! still a `NumberError`, a refused role still `PermissionDenied`, so one `except` per
//! family catches it wherever it arises. `ERROR_CODES` hands Python the core's own `CODES`
//! lists so a test can check that every code of every family arrives as its class.

use pbx_rules as rules;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyType};
use pyo3_stub_gen::PyStubType;
use rules::{Lang, Localized};
use std::collections::HashMap;

pyo3_stub_gen::create_exception!(
    pbx_rules,
    PbxRulesError,
    PyValueError,
    "Base of every rejection: `.code` (stable), `.message_en`, `.message_de`, `.details`."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    NumberError,
    PbxRulesError,
    "A phone number was refused (N1, N2)."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    LoginIdError,
    PbxRulesError,
    "A login identifier or base number was refused (N4–N6)."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    BackupError,
    PbxRulesError,
    "A backup-number edit was refused (B2)."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    PermissionDenied,
    PbxRulesError,
    "The actor may not do this (B4, P4, A3, R3, V1)."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    PinError,
    PbxRulesError,
    "A PIN was refused (P1, P3, P8)."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    PasswordError,
    PbxRulesError,
    "An admin password was refused (K1–K3)."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    HashError,
    PbxRulesError,
    "Hashing failed or a stored hash is unusable (G4)."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    VerifyMismatchError,
    HashError,
    "`Hasher.verify`: the secret does not match the hash (argon2-cffi's `VerifyMismatchError`)."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    GenerateError,
    PbxRulesError,
    "No random secret could be made (R4)."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    LoginError,
    PbxRulesError,
    "A login or login step was refused (A1–A4, K5, P5, G5)."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    RecoveryError,
    PbxRulesError,
    "A forgot-PIN or forgot-password request was refused (R1–R3)."
);
pyo3_stub_gen::create_exception!(
    pbx_rules,
    PolicyError,
    PbxRulesError,
    "A policy value is outside its documented bounds (F6, G6)."
);

// What every exception carries, for the stub: set on each instance by `raise`.
pyo3_stub_gen::inventory::submit! {
    pyo3_stub_gen::type_info::PyMethodsInfo {
        struct_id: std::any::TypeId::of::<PbxRulesError>,
        attrs: &[
            member("code", "The stable code (`PIN_TOO_SHORT`).", || String::type_output()),
            member("message_en", "The English message.", || String::type_output()),
            member("message_de", "The German message.", || String::type_output()),
            member("details", "What the refusal carries beyond its code (retry time, findings, …).", || {
                HashMap::<String, pyo3::Py<pyo3::PyAny>>::type_output()
            }),
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
    /// The exception object, for batch calls that report a failing row instead of raising.
    pub fn into_value(self, py: Python<'_>) -> Py<PyAny> {
        self.0.into_value(py).into_any()
    }
}

/// Builds an exception of `class` carrying the core error's code and both messages. Never
/// the input: core errors carry no secret (G3), and this adds nothing to them.
fn raise<E: Localized>(
    class: fn(Python<'_>) -> Bound<'_, PyType>,
    e: &E,
    details: &[(&str, Py<PyAny>)],
) -> Error {
    Python::attach(|py| {
        let build = || -> PyResult<PyErr> {
            let err = PyErr::from_type(class(py), e.message(Lang::En));
            let value = err.value(py);
            value.setattr("code", e.code())?;
            value.setattr("message_en", e.message(Lang::En))?;
            value.setattr("message_de", e.message(Lang::De))?;
            let dict = PyDict::new(py);
            for (k, v) in details {
                dict.set_item(k, v)?;
            }
            value.setattr("details", dict)?;
            Ok(err)
        };
        Error(build().unwrap_or_else(|e| e))
    })
}

macro_rules! family {
    ($core:ty => $class:ident) => {
        impl From<$core> for Error {
            fn from(e: $core) -> Self {
                raise(|py| py.get_type::<$class>(), &e, &[])
            }
        }
    };
}

family!(rules::NumberError => NumberError);
family!(rules::LoginIdError => LoginIdError);
family!(rules::PermissionError => PermissionDenied);
family!(rules::HashError => HashError);
family!(rules::GenerateError => GenerateError);
family!(rules::RecoveryError => RecoveryError);
family!(rules::PolicyError => PolicyError);

impl From<rules::LoginError> for Error {
    fn from(e: rules::LoginError) -> Self {
        // The times a host shows ("try again after …") travel as aware datetimes.
        let when = match &e {
            rules::LoginError::Throttled { retry_at } => Some(("retry_at", *retry_at)),
            rules::LoginError::PasswordPending { until }
            | rules::LoginError::PinPending { until } => Some(("until", *until)),
            _ => None,
        };
        let details = Python::attach(|py| {
            when.and_then(|(k, t)| {
                t.into_pyobject(py)
                    .ok()
                    .map(|t| vec![(k, t.into_any().unbind())])
            })
            .unwrap_or_default()
        });
        raise(|py| py.get_type::<LoginError>(), &e, &details)
    }
}

/// The core's union of every family, as the lifecycle operations return it.
impl From<rules::Error> for Error {
    fn from(e: rules::Error) -> Self {
        use rules::Error as E;
        match e {
            E::Number(e) => e.into(),
            E::LoginId(e) => e.into(),
            E::Backup(e) => e.into(),
            E::Permission(e) => e.into(),
            E::Pin(e) => e.into(),
            E::Password(e) => e.into(),
            E::Hash(e) => e.into(),
            E::Generate(e) => e.into(),
            E::Login(e) => e.into(),
            E::Recovery(e) => e.into(),
            E::Policy(e) => e.into(),
            other => raise(|py| py.get_type::<PbxRulesError>(), &other, &[]),
        }
    }
}

impl From<rules::BaseNumberError> for Error {
    fn from(e: rules::BaseNumberError) -> Self {
        match e {
            rules::BaseNumberError::Number(e) => e.into(),
            rules::BaseNumberError::LoginId(e) => e.into(),
        }
    }
}

impl From<rules::BackupError> for Error {
    fn from(e: rules::BackupError) -> Self {
        match e {
            rules::BackupError::Number(e) => e.into(),
            rules::BackupError::Permission(e) => e.into(),
            other => raise(|py| py.get_type::<BackupError>(), &other, &[]),
        }
    }
}

impl From<rules::PinError> for Error {
    fn from(e: rules::PinError) -> Self {
        let findings: Vec<&str> = match &e {
            rules::PinError::Trivial { findings } => findings.iter().map(|f| f.code()).collect(),
            _ => Vec::new(),
        };
        let details = Python::attach(|py| {
            if findings.is_empty() {
                return Vec::new();
            }
            PyList::new(py, findings)
                .map(|l| vec![("findings", l.into_any().unbind())])
                .unwrap_or_default()
        });
        raise(|py| py.get_type::<PinError>(), &e, &details)
    }
}

impl From<rules::PasswordError> for Error {
    fn from(e: rules::PasswordError) -> Self {
        let reason = match &e {
            rules::PasswordError::Blocklisted { reason } => Some(block_reason(*reason)),
            _ => None,
        };
        let details = Python::attach(|py| {
            reason.map_or_else(Vec::new, |r| {
                vec![("reason", PyString::new(py, r).into_any().unbind())]
            })
        });
        raise(|py| py.get_type::<PasswordError>(), &e, &details)
    }
}

/// The blocklist reason as the shared vectors spell it.
fn block_reason(reason: rules::BlockReason) -> &'static str {
    use rules::{BlockReason as B, ContextKind as C};
    match reason {
        B::CommonPassword => "common_password",
        B::ContainsContext(C::HeadNumber) => "head_number",
        B::ContainsContext(C::CompanyName) => "company_name",
        B::ContainsContext(C::AdminEmail) => "admin_email",
        _ => "other",
    }
}

/// The one code the binding adds: a wrong secret in `Hasher.verify`, which the core answers
/// with `false` and Python raises, as argon2-cffi does (a caller who treats "no exception" as
/// "logged in" must not let every secret in).
pub const HASH_MISMATCH: &str = "HASH_MISMATCH";

/// `VerifyMismatchError` with its code and both messages.
pub fn verify_mismatch() -> Error {
    Python::attach(|py| {
        let err = VerifyMismatchError::new_err("The secret does not match the stored hash.");
        let value = err.value(py);
        let set = || -> PyResult<()> {
            value.setattr("code", HASH_MISMATCH)?;
            value.setattr("message_en", "The secret does not match the stored hash.")?;
            value.setattr(
                "message_de",
                "Das Geheimnis passt nicht zum gespeicherten Hash.",
            )?;
            value.setattr("details", PyDict::new(py))
        };
        Error(set().err().unwrap_or(err))
    })
}

/// Bad state handed back from Python (a dict that is not what `to_dict` gave out).
pub fn invalid_state(e: &serde_json::Error) -> Error {
    Error(PyValueError::new_err(format!("invalid state: {e}")))
}

/// Adds the exception classes and `ERROR_CODES` (class name → the core's `CODES`).
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("PbxRulesError", py.get_type::<PbxRulesError>())?;
    let families: [(&str, Bound<'_, PyType>, &[&str]); 11] = [
        (
            "NumberError",
            py.get_type::<NumberError>(),
            rules::NumberError::CODES,
        ),
        (
            "LoginIdError",
            py.get_type::<LoginIdError>(),
            rules::LoginIdError::CODES,
        ),
        (
            "BackupError",
            py.get_type::<BackupError>(),
            rules::BackupError::CODES,
        ),
        (
            "PermissionDenied",
            py.get_type::<PermissionDenied>(),
            rules::PermissionError::CODES,
        ),
        (
            "PinError",
            py.get_type::<PinError>(),
            rules::PinError::CODES,
        ),
        (
            "PasswordError",
            py.get_type::<PasswordError>(),
            rules::PasswordError::CODES,
        ),
        (
            "HashError",
            py.get_type::<HashError>(),
            rules::HashError::CODES,
        ),
        (
            "GenerateError",
            py.get_type::<GenerateError>(),
            rules::GenerateError::CODES,
        ),
        (
            "LoginError",
            py.get_type::<LoginError>(),
            rules::LoginError::CODES,
        ),
        (
            "RecoveryError",
            py.get_type::<RecoveryError>(),
            rules::RecoveryError::CODES,
        ),
        (
            "PolicyError",
            py.get_type::<PolicyError>(),
            rules::PolicyError::CODES,
        ),
    ];
    let codes = PyDict::new(py);
    for (name, class, list) in families {
        m.add(name, class)?;
        codes.set_item(name, PyList::new(py, list)?)?;
    }
    m.add("VerifyMismatchError", py.get_type::<VerifyMismatchError>())?;
    m.add("ERROR_CODES", codes)?;
    Ok(())
}
