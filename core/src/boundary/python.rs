//! The Python side of the core's values (feature `python`): how the types that carry
//! `#[pyclass]` in the core convert and present themselves in Python. No rule logic here:
//! the binding (`bindings-python/`) holds the handles and delegates to the core.

use pyo3::prelude::*;
use pyo3::types::PyString;
use pyo3_stub_gen::derive::gen_stub_pymethods;

use crate::{
    AcceptedPassword, AcceptedPin, AccountRef, AdminStep, ChangeKind, E164, Effect,
    ExtensionDigits, Lang, Localized, NumberKind, OneTimeCode, Password, PasswordChanged,
    PasswordContext, Pin, PinContext, PinOrigin, PreviewMode, Reachability, Route, RouteRule,
    Secret, SecretPurpose, Strength, StrengthLevel, Suggestion, TrivialPinFinding, Warning,
};

/// Values that are checked text cross as that text: extension digits (`"10"`) and E.164
/// numbers in records (`PinContext.phone_number`). Text read back is checked by the core's
/// `parse`; a `ValueError` naming the code when it fails.
macro_rules! as_text {
    ($($name:ident),+) => {$(
        impl<'py> IntoPyObject<'py> for $name {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::new(py, self.as_str()))
            }
        }

        impl<'a, 'py> FromPyObject<'a, 'py> for $name {
            type Error = PyErr;

            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
                let text: String = obj.extract()?;
                Self::parse(&text).map_err(|e| {
                    pyo3::exceptions::PyValueError::new_err(format!("{}: {e}", e.code()))
                })
            }
        }

        pyo3_stub_gen::impl_stub_type!($name = String);
    )+};
}

as_text!(ExtensionDigits, E164);

/// The input records build from keywords (`PinContext(extension_digits="10")`); they are
/// frozen, so a field is never changed on a copy by mistake (`ctx.names` is a new list on
/// every read: build a new context instead).
#[gen_stub_pymethods]
#[pymethods]
impl PinContext {
    #[new]
    #[pyo3(signature = (*, extension_digits = None, names = Vec::new(), phone_number = None))]
    fn py_new(
        extension_digits: Option<String>,
        names: Vec<String>,
        phone_number: Option<E164>,
    ) -> Self {
        Self {
            extension_digits,
            names,
            phone_number,
        }
    }
    fn __repr__(&self) -> String {
        format!("{self:?}")
    }
}

#[gen_stub_pymethods]
#[pymethods]
impl PasswordContext {
    #[new]
    #[pyo3(signature = (*, head_number = None, company_name = None, admin_email = None, second_factor = false))]
    fn py_new(
        head_number: Option<String>,
        company_name: Option<String>,
        admin_email: Option<String>,
        second_factor: bool,
    ) -> Self {
        Self {
            head_number,
            company_name,
            admin_email,
            second_factor,
        }
    }
    fn __repr__(&self) -> String {
        format!("{self:?}")
    }
}

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
            #[getter(code)]
            fn json_code(&self) -> String {
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
    Suggestion,
    TrivialPinFinding,
    Warning
);

/// `repr()` as the core's `Debug`, which masks every secret (G3): for the records that have
/// no other methods.
macro_rules! debug_repr {
    ($($name:ident),+) => {$(
        #[gen_stub_pymethods]
        #[pymethods]
        impl $name {
            fn __repr__(&self) -> String {
                format!("{self:?}")
            }
        }
    )+};
}

debug_repr!(AcceptedPin, AcceptedPassword, PasswordChanged, Route);

/// The meter's texts in a language, and its codes as text (`"top10_password"`).
#[gen_stub_pymethods]
#[pymethods]
impl Strength {
    /// The level's colour name in `lang` (`"gelb"`).
    #[pyo3(signature = (lang = Lang::En))]
    fn level_name(&self, lang: Lang) -> &'static str {
        self.level.name(lang)
    }
    /// The warning in `lang`, if any.
    #[pyo3(name = "warning_text", signature = (lang = Lang::En))]
    fn py_warning_text(&self, lang: Lang) -> Option<&'static str> {
        self.warning_text(lang)
    }
    /// The suggestions in `lang`.
    #[pyo3(name = "suggestion_texts", signature = (lang = Lang::En))]
    fn py_suggestion_texts(&self, lang: Lang) -> Vec<&'static str> {
        self.suggestion_texts(lang)
    }
    /// The warning's stable code (`"top10_password"`), if any.
    #[getter(warning_code)]
    fn py_warning_code(&self) -> Option<&'static str> {
        self.warning_code()
    }
    /// The suggestions' stable codes (`"add_another_word"`).
    #[getter(suggestion_codes)]
    fn py_suggestion_codes(&self) -> Vec<&'static str> {
        self.suggestion_codes()
    }
    fn __repr__(&self) -> String {
        format!("{self:?}")
    }
}

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
