//! Secrets as Python objects that never print (G3): `Pin`, `Password`, `OneTimeCode`.
//!
//! `repr()` and `str()` show `***`; the plaintext comes only from an explicit `expose()`, as
//! in the core. Once exposed it is an ordinary Python `str`, which Python cannot wipe: keep
//! the exposed text short-lived (mail it, hash it, drop it).

use pbx_rules as rules;
use pyo3::prelude::*;

use crate::error::Result;
use crate::policy::{PasswordPolicy, PinPolicy, password_or_default, pin_or_default};

macro_rules! secret_class {
    ($(#[$meta:meta])* $py:ident as $name:literal => $core:ty) => {
        $(#[$meta])*
        #[pyclass(name = $name, module = "pbx_rules", frozen)]
        pub struct $py(pub $core);

        #[pymethods]
        impl $py {
            /// The plaintext, for hashing or handing out once.
            fn expose(&self) -> &str {
                self.0.expose()
            }
            /// Constant-time comparison with typed text.
            fn matches(&self, typed: &str) -> bool {
                self.0.matches(typed)
            }
            fn __eq__(&self, other: &Self) -> bool {
                self.0 == other.0
            }
            fn __repr__(&self) -> String {
                format!("{:?}", self.0)
            }
            fn __str__(&self) -> String {
                self.0.to_string()
            }
            /// Refused: pickling would write the plaintext where it does not belong.
            fn __reduce__(&self) -> PyResult<()> {
                Err(pyo3::exceptions::PyTypeError::new_err(concat!($name, " cannot be pickled")))
            }
        }
    };
}

secret_class!(
    /// A user PIN that passed P1.
    Pin as "Pin" => rules::Pin
);
secret_class!(
    /// An admin password that passed K1.
    Password as "Password" => rules::Password
);
secret_class!(
    /// A second-factor code (A2).
    OneTimeCode as "OneTimeCode" => rules::OneTimeCode
);

/// A PIN as typed, checked against P1; raises `PinError`.
#[pyfunction]
#[pyo3(signature = (text, policy = None))]
pub fn parse_pin(text: &str, policy: Option<PyRef<'_, PinPolicy>>) -> Result<Pin> {
    Ok(Pin(rules::Pin::parse(
        text,
        &pin_or_default(policy.as_deref()),
    )?))
}

/// A password as typed, checked against K1; raises `PasswordError`.
#[pyfunction]
#[pyo3(signature = (text, policy = None, second_factor = false))]
pub fn parse_password(
    text: &str,
    policy: Option<PyRef<'_, PasswordPolicy>>,
    second_factor: bool,
) -> Result<Password> {
    let policy = password_or_default(policy.as_deref());
    Ok(Password(rules::Password::parse(
        text,
        &policy,
        second_factor,
    )?))
}
