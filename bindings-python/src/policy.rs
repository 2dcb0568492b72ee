//! The policy presets (G6) and custom policies.
//!
//! Each policy class wraps the core struct. Fields read as attributes (`policy.pin.min_len`)
//! and change through `replace(**fields)`, which returns a new policy: both go through the
//! core's serde form, so the binding never repeats the list of fields and a field added to
//! the core appears here without a change.

use pbx_rules as rules;
use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_stub_gen::derive::gen_stub_pyclass;

use crate::convert::{from_py, to_py};
use crate::error::{Error, Result};

macro_rules! policies {
    ($($(#[$meta:meta])* $area:ident: $py:ident => $core:ty { $($preset:ident),+ })+; $($policy:tt)*) => {
        $(
            $(#[$meta])*
            #[gen_stub_pyclass]
            #[pyclass(module = "pbx_rules", frozen, eq)]
            #[derive(Clone, PartialEq)]
            pub struct $py(pub $core);

            impl crate::convert::ShowFields for $py {
                const SHOWN: crate::convert::Shown = crate::convert::Shown::Dict(&[]);
            }

            crate::convert::handle!(dict repr $py {
                $(
                    /// The preset of that name (`centrexx`: the seed's rules; `strict`: tighter).
                    #[staticmethod]
                    fn $preset() -> Self {
                        Self(<$core>::$preset())
                    }
                )+
                /// A copy with the given fields changed (`policy.replace(min_len=6)`).
                #[pyo3(signature = (**changes))]
                fn replace(&self, py: Python<'_>, changes: Option<&Bound<'_, PyDict>>) -> Result<Self> {
                    Ok(Self(replaced(py, &self.0, changes)?))
                }
                /// Reads one field (`policy.pin.min_len`).
                fn __getattr__<'py>(&self, py: Python<'py>, field: &str) -> Result<Bound<'py, PyAny>> {
                    field_of(py, &self.0, field)
                }
            });
        )+

        /// Every number the rules use (G6): `Policy.centrexx()`, `Policy.strict()`,
        /// `Policy.preset(name)`, with one attribute per area.
        #[gen_stub_pyclass]
        #[pyclass(name = "Policy", module = "pbx_rules", frozen, eq)]
        #[derive(Clone, PartialEq)]
        pub struct Policy(pub rules::Policy);

        impl crate::convert::ShowFields for Policy {
            const SHOWN: crate::convert::Shown =
                crate::convert::Shown::Attrs(&[$(stringify!($area)),+]);
        }

        crate::convert::handle!(json repr Policy {
            $(
                $(#[$meta])*
                #[getter]
                fn $area(&self) -> $py {
                    $py(self.0.$area.clone())
                }
            )+
            $($policy)*
        });
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

policies! {
    /// Phone numbers (N1): the default region.
    numbers: NumberPolicy => rules::NumberPolicy { centrexx }
    /// User PINs (P1–P8, R2).
    pin: PinPolicy => rules::PinPolicy { centrexx, strict }
    /// The admin password (K1–K5, R1).
    password: PasswordPolicy => rules::PasswordPolicy { centrexx, strict }
    /// Argon2id costs (G4).
    hashing: HashPolicy => rules::HashPolicy { centrexx, strict }
    /// The emailed second-factor code (A2).
    second_factor: SecondFactorPolicy => rules::SecondFactorPolicy { centrexx, strict }
    /// Sessions and remembered browsers (A2).
    session: SessionPolicy => rules::SessionPolicy { centrexx, strict }
    /// Failed-login throttling (G5).
    throttle: ThrottlePolicy => rules::ThrottlePolicy { centrexx, strict }
    /// Forgot-PIN and forgot-password (R1–R3).
    recovery: RecoveryPolicy => rules::RecoveryPolicy { centrexx, strict };
    // `Policy`'s own methods, after its getters of the areas above:
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
}
