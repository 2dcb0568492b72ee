//! The policy presets (G6) and custom policies.
//!
//! Each policy class wraps the core struct. Fields read as attributes (`policy.pin.min_len`)
//! and change through `replace(**fields)`, which returns a new policy: both go through the
//! core's serde form, so the binding never repeats the list of fields and a field added to
//! the core appears here without a change.

use pbx_rules as rules;
use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use pyo3_stub_gen::derive::{gen_stub_pyclass, gen_stub_pymethods};

use crate::convert::{from_py, reduce, to_py};
use crate::error::{Error, Result};

macro_rules! policy_class {
    ($(#[$meta:meta])* $py:ident as $name:literal => $core:ty { $($preset:ident),+ }) => {
        $(#[$meta])*
        #[gen_stub_pyclass]
#[pyclass(name = $name, module = "pbx_rules", frozen, eq)]
        #[derive(Clone, PartialEq)]
        pub struct $py(pub $core);

        #[gen_stub_pymethods]
#[pymethods]
        impl $py {
            $(
                /// The preset of that name (`centrexx`: the seed's rules; `strict`: tighter).
                #[staticmethod]
                fn $preset() -> Self {
                    Self(<$core>::$preset())
                }
            )+
            /// Every field as the core's serde form.
            #[gen_stub(override_return_type(type_repr = "dict[str, typing.Any]"))]
            fn to_dict<'py>(&self, py: Python<'py>) -> Result<Bound<'py, PyAny>> {
                to_py(py, &self.0)
            }
            /// Reads what `to_dict()` gave; `StateError` for another shape.
            #[staticmethod]
            fn from_dict(#[gen_stub(override_type(type_repr = "dict[str, typing.Any]"))] state: &Bound<'_, PyAny>) -> Result<Self> {
                Ok(Self(from_py(state)?))
            }
            /// A copy with the given fields changed (`policy.replace(min_len=6)`).
            #[pyo3(signature = (**changes))]
            fn replace(&self, py: Python<'_>, changes: Option<&Bound<'_, PyDict>>) -> Result<Self> {
                Ok(Self(replaced(py, &self.0, changes)?))
            }
            /// Reads one field (`policy.pin.min_len`).
            fn __getattr__<'py>(&self, py: Python<'py>, field: &str) -> Result<Bound<'py, PyAny>> {
                field_of(py, &self.0, field)
            }
            #[gen_stub(skip)]
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Result<Bound<'py, PyTuple>> {
                reduce(slf.as_any(), &slf.get().0)
            }
            fn __repr__(&self) -> String {
                format!("{:?}", self.0)
            }
        }
    };
}

/// One field of a policy, read from its serde form.
fn field_of<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
    field: &str,
) -> Result<Bound<'py, PyAny>> {
    to_py(py, value)?
        .get_item(field)
        .map_err(|_| Error(PyAttributeError::new_err(field.to_owned())))
}

/// The policy with `changes` applied to its serde form; unknown fields are refused.
fn replaced<T>(py: Python<'_>, value: &T, changes: Option<&Bound<'_, PyDict>>) -> Result<T>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let state = to_py(py, value)?;
    if let Some(changes) = changes {
        for (k, v) in changes.iter() {
            if !state.contains(&k)? {
                return Err(Error(PyAttributeError::new_err(k.to_string())));
            }
            state.set_item(k, v)?;
        }
    }
    from_py(&state)
}

policy_class!(
    /// Phone numbers (N1): the default region.
    NumberPolicy as "NumberPolicy" => rules::NumberPolicy { centrexx }
);
policy_class!(
    /// User PINs (P1–P8, R2).
    PinPolicy as "PinPolicy" => rules::PinPolicy { centrexx, strict }
);
policy_class!(
    /// The admin password (K1–K5, R1).
    PasswordPolicy as "PasswordPolicy" => rules::PasswordPolicy { centrexx, strict }
);
policy_class!(
    /// Argon2id costs (G4).
    HashPolicy as "HashPolicy" => rules::HashPolicy { centrexx, strict }
);
policy_class!(
    /// The emailed second-factor code (A2).
    SecondFactorPolicy as "SecondFactorPolicy" => rules::SecondFactorPolicy { centrexx, strict }
);

policy_class!(
    /// Sessions and remembered browsers (A2).
    SessionPolicy as "SessionPolicy" => rules::SessionPolicy { centrexx, strict }
);
policy_class!(
    /// Failed-login throttling (G5).
    ThrottlePolicy as "ThrottlePolicy" => rules::ThrottlePolicy { centrexx, strict }
);
policy_class!(
    /// Forgot-PIN and forgot-password (R1–R3).
    RecoveryPolicy as "RecoveryPolicy" => rules::RecoveryPolicy { centrexx, strict }
);

/// Every number the rules use (G6): `Policy.centrexx()`, `Policy.strict()`,
/// `Policy.preset(name)`, with one attribute per area.
#[gen_stub_pyclass]
#[pyclass(name = "Policy", module = "pbx_rules", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct Policy(pub rules::Policy);

crate::convert::handle!(json Policy {
    /// The seed's rules.
    #[staticmethod]
    fn centrexx() -> Self {
        Self(rules::Policy::centrexx())
    }
    /// Tighter rules.
    #[staticmethod]
    fn strict() -> Self {
        Self(rules::Policy::strict())
    }
    /// A preset by name (`centrexx`, `strict`); `KeyError` for another name.
    #[staticmethod]
    fn preset(name: &str) -> Result<Self> {
        rules::Policy::preset(name)
            .map(Self)
            .ok_or_else(|| Error(pyo3::exceptions::PyKeyError::new_err(name.to_owned())))
    }
    /// Phone numbers (N1).
    #[getter]
    fn numbers(&self) -> NumberPolicy {
        NumberPolicy(self.0.numbers.clone())
    }
    /// User PINs.
    #[getter]
    fn pin(&self) -> PinPolicy {
        PinPolicy(self.0.pin.clone())
    }
    /// The admin password.
    #[getter]
    fn password(&self) -> PasswordPolicy {
        PasswordPolicy(self.0.password.clone())
    }
    /// Argon2id costs.
    #[getter]
    fn hashing(&self) -> HashPolicy {
        HashPolicy(self.0.hashing.clone())
    }
    /// The mailed second-factor code.
    #[getter]
    fn second_factor(&self) -> SecondFactorPolicy {
        SecondFactorPolicy(self.0.second_factor.clone())
    }
    /// Sessions and remembered browsers.
    #[getter]
    fn session(&self) -> SessionPolicy {
        SessionPolicy(self.0.session.clone())
    }
    /// Failed-login throttling.
    #[getter]
    fn throttle(&self) -> ThrottlePolicy {
        ThrottlePolicy(self.0.throttle.clone())
    }
    /// Forgot-PIN and forgot-password.
    #[getter]
    fn recovery(&self) -> RecoveryPolicy {
        RecoveryPolicy(self.0.recovery.clone())
    }
    /// A copy with the given areas or fields changed (`replace(pin=PinPolicy.strict())`,
    /// or a dict per area).
    #[pyo3(signature = (**changes))]
    fn replace(&self, py: Python<'_>, changes: Option<&Bound<'_, PyDict>>) -> Result<Self> {
        let changes = changes.map(|c| c.copy()).transpose()?;
        if let Some(c) = &changes {
            for (k, v) in c.iter() {
                if let Ok(dict) = v.call_method0("to_dict") {
                    c.set_item(k, dict)?;
                }
            }
        }
        Ok(Self(replaced(py, &self.0, changes.as_ref())?))
    }
    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }
});
