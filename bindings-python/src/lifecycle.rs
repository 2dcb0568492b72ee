//! The lifecycle plumbing shared by accounts, admin logins and recovery (G1): `Rules`,
//! `Decision`, and preview mode (V1, V2).
//!
//! Every lifecycle operation of the core returns a `Decision` (state to save, effects to
//! carry out, outcome). Python gets one `Decision` class, generic in its state and outcome
//! types in the stub (`Decision[ExtensionAccount, UserLogin]`): `state`, `effects` (the core's
//! own `Effect` pyclass, secrets inside print as `***`), and either `outcome` or `error` (the
//! exception object, not raised, because a refusal may still change state: a failed login is
//! counted). `unwrap()` returns the outcome or raises the error. Time is an aware `datetime`
//! the caller passes; nothing here reads a clock.

use pbx_rules as rules;
use pyo3::prelude::*;
use pyo3_stub_gen::derive::{gen_stub_pyclass, gen_stub_pyfunction, gen_stub_pymethods};

use crate::error::{Error, Result};
use crate::hash::Pepper;
use crate::numbers::NumberPlan;
use crate::permission::Actor;
use crate::policy::Policy;
use pyo3::types::PyType;

/// A policy with its hasher (optionally peppered) and number plan: the one context every
/// check, generator, query, edit and lifecycle call takes.
#[gen_stub_pyclass]
#[pyclass(name = "Rules", module = "pbx_rules", frozen)]
pub struct Rules(pub rules::Rules);

impl Rules {
    fn of(policy: rules::Policy, pepper: Option<Pepper>) -> Result<Self> {
        let r = rules::Rules::new(policy)?;
        Ok(Self(match pepper {
            Some(p) => r.with_pepper(p.into_core()),
            None => r,
        }))
    }
}

#[gen_stub_pymethods]
#[pymethods]
impl Rules {
    /// Rules under `policy` (`Policy.centrexx()`, `Policy.strict()`, or a custom one), with
    /// an optional pepper (`str` as UTF-8, or `bytes`); `PolicyError` outside the bounds
    /// (F6). The policy is required: a host that forgot its strict rules would silently
    /// check under the seed's. `Rules.centrexx()` and `Rules.strict()` name a preset.
    #[new]
    #[pyo3(signature = (policy, pepper = None))]
    fn new(policy: PyRef<'_, Policy>, pepper: Option<Pepper>) -> Result<Self> {
        Self::of(policy.0.clone(), pepper)
    }
    /// The centrexx preset (the seed's rules), as `Rules(Policy.centrexx(), pepper)`.
    #[classmethod]
    #[pyo3(signature = (pepper = None))]
    fn centrexx(_cls: &Bound<'_, PyType>, pepper: Option<Pepper>) -> Result<Self> {
        Self::of(rules::Policy::centrexx(), pepper)
    }
    /// The strict preset, as `Rules(Policy.strict(), pepper)`.
    #[classmethod]
    #[pyo3(signature = (pepper = None))]
    fn strict(_cls: &Bound<'_, PyType>, pepper: Option<Pepper>) -> Result<Self> {
        Self::of(rules::Policy::strict(), pepper)
    }
    /// The policy these rules apply.
    #[getter]
    fn policy(&self) -> Policy {
        Policy(self.0.policy().clone())
    }
    /// The number plan of the policy's numbering section (N1, I2).
    #[getter]
    fn number_plan(&self) -> NumberPlan {
        NumberPlan(self.0.number_plan().clone())
    }
    /// The consecutive failures a PIN of `pin_len` digits survives before it locks (G5).
    fn pin_allowance(&self, pin_len: usize) -> u32 {
        self.0.pin_allowance(pin_len)
    }
    /// The consecutive failures an admin password survives before it locks (G5).
    fn password_allowance(&self) -> u32 {
        self.0.password_allowance()
    }
    /// Spends one verification's time, for a login whose identifier names no account (F5),
    /// with the GIL released.
    fn dummy_verify(&self, py: Python<'_>, typed: &str) {
        py.detach(|| self.0.dummy_verify(typed));
    }
    fn __repr__(&self) -> String {
        "Rules(...)".to_owned()
    }
}

/// The result of a lifecycle operation: save `state`, carry out `effects`, then look at
/// `outcome` / `error` (or call `unwrap()`).
#[gen_stub_pyclass]
#[pyclass(name = "Decision", module = "pbx_rules", frozen, generic)]
pub struct Decision {
    state: Py<PyAny>,
    effects: Vec<rules::Effect>,
    outcome: Option<Py<PyAny>>,
    error: Option<Py<PyAny>>,
    json: String,
}

impl Decision {
    /// Converts a core decision; `state` and `outcome` wrap the typed parts in their
    /// handles (usually the handle's constructor: `Decision::from_core(py, d, Self, UserLogin)`).
    pub fn from_core<S, T, PS, PT>(
        py: Python<'_>,
        d: rules::Decision<S, T>,
        state: impl FnOnce(S) -> PS,
        outcome: impl FnOnce(T) -> PT,
    ) -> Result<Self>
    where
        S: serde::Serialize,
        T: serde::Serialize,
        PS: for<'py> IntoPyObject<'py>,
        PT: for<'py> IntoPyObject<'py>,
    {
        let json = d.to_json();
        let (outcome, error) = match d.outcome {
            Ok(t) => (Some(owned(py, outcome(t))?), None),
            Err(e) => (None, Some(Error::from(e).into_value(py))),
        };
        Ok(Self {
            state: owned(py, state(d.state))?,
            effects: d.effects,
            outcome,
            error,
            json,
        })
    }
}

/// A value as an owned Python object.
fn owned<T: for<'py> IntoPyObject<'py>>(py: Python<'_>, value: T) -> PyResult<Py<PyAny>> {
    pyo3::IntoPyObjectExt::into_py_any(value, py)
}

/// The outcome `None` of operations whose success carries nothing.
#[must_use]
pub fn nothing((): ()) -> Option<bool> {
    None
}

#[gen_stub_pymethods]
#[pymethods]
impl Decision {
    /// The state to save, whatever the outcome.
    #[getter]
    #[gen_stub(override_return_type(type_repr = "S"))]
    fn state(&self, py: Python<'_>) -> Py<PyAny> {
        self.state.clone_ref(py)
    }
    /// What the host must do, in order.
    #[getter]
    fn effects(&self) -> Vec<rules::Effect> {
        self.effects.clone()
    }
    /// The outcome, or `None` when refused.
    #[getter]
    #[gen_stub(override_return_type(type_repr = "T | None"))]
    fn outcome(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.outcome.as_ref().map(|o| o.clone_ref(py))
    }
    /// The refusal (a `PbxRulesError`), not raised; `None` when it went through.
    #[getter]
    #[gen_stub(override_return_type(type_repr = "PbxRulesError | None"))]
    fn error(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.error.as_ref().map(|e| e.clone_ref(py))
    }
    /// The core's JSON of the whole decision (`{"state":…,"effects":[…],"outcome":{"ok":…}}`
    /// or `…"outcome":{"error":…}`), secrets as `"***"`: the same text in every language.
    fn to_json(&self) -> &str {
        &self.json
    }
    /// Whether the operation went through.
    #[getter]
    fn ok(&self) -> bool {
        self.error.is_none()
    }
    /// The outcome, or the refusal raised.
    #[gen_stub(override_return_type(type_repr = "T"))]
    fn unwrap(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match (&self.error, &self.outcome) {
            (Some(e), _) => Err(PyErr::from_value(e.bind(py).clone())),
            (None, Some(o)) => Ok(o.clone_ref(py)),
            (None, None) => Ok(py.None()),
        }
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let code = self
            .error
            .as_ref()
            .and_then(|e| e.bind(py).getattr("code").ok());
        let error = code.map_or_else(|| "None".to_owned(), |c| format!("'{c}'"));
        let ok = if self.error.is_none() {
            "True"
        } else {
            "False"
        };
        format!(
            "Decision(ok={ok}, effects={}, error={error})",
            self.effects.len()
        )
    }
}

/// The footer for `actor` (`Preview: ja` / `Preview: nein`), or `None` for those who may
/// not switch (V1).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn preview_footer(mode: rules::PreviewMode, actor: &Actor) -> Option<&'static str> {
    mode.footer(&actor.0)
}

/// The other mode, for a click on the footer (V1); raises `PermissionDenied`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn preview_toggled(mode: rules::PreviewMode, actor: &Actor) -> Result<rules::PreviewMode> {
    Ok(mode.toggled(&actor.0)?)
}

/// Whether a feature is available in `mode` (V2).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn feature_available(name: String, preview_only: bool, mode: rules::PreviewMode) -> bool {
    rules::Feature { name, preview_only }.is_available(mode)
}
