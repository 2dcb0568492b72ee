//! The lifecycle plumbing shared by accounts, admin logins and recovery (G1): `Rules`,
//! `Decision`, `Effect`, and preview mode (V1, V2).
//!
//! Every lifecycle operation of the core returns a `Decision` (state to save, effects to
//! carry out, outcome). Python gets one `Decision` class for all of them: `state` is the
//! operation's state object, `effects` a list of `Effect`, and the outcome either `outcome`
//! or `error` (the exception object, not raised, because a refusal may still change state:
//! a failed login is counted). `unwrap()` returns the outcome or raises the error.
//! Time is an aware `datetime` the caller passes; nothing here reads a clock.

use pbx_rules as rules;
use pyo3::prelude::*;

use crate::convert::mirror_enum;
use crate::error::{Error, Result};
use crate::permission::Actor;
use crate::policy::Policy;
use crate::secret::{OneTimeCode, Password, Pin};

/// A policy with its hasher (optionally peppered); every lifecycle call takes one.
#[pyclass(name = "Rules", module = "pbx_rules", frozen)]
pub struct Rules(pub rules::Rules);

#[pymethods]
impl Rules {
    #[new]
    #[pyo3(signature = (policy = None, pepper = None))]
    fn new(policy: Option<PyRef<'_, Policy>>, pepper: Option<Vec<u8>>) -> Result<Self> {
        let policy = policy.map_or_else(rules::Policy::centrexx, |p| p.0.clone());
        let r = rules::Rules::new(policy)?;
        Ok(Self(match pepper {
            Some(p) => r.with_pepper(rules::Pepper::new(p)),
            None => r,
        }))
    }
    #[getter]
    fn policy(&self) -> Policy {
        Policy(self.0.policy().clone())
    }
    fn __repr__(&self) -> String {
        "Rules(...)".to_owned()
    }
}

/// The result of a lifecycle operation: save `state`, carry out `effects`, then look at
/// `outcome` / `error` (or call `unwrap()`).
#[pyclass(name = "Decision", module = "pbx_rules", frozen)]
pub struct Decision {
    #[pyo3(get)]
    state: Py<PyAny>,
    effects: Vec<rules::Effect>,
    #[pyo3(get)]
    outcome: Option<Py<PyAny>>,
    #[pyo3(get)]
    error: Option<Py<PyAny>>,
}

impl Decision {
    /// Converts a core decision; `state` and `outcome` turn the typed parts into objects.
    pub fn from_core<S, T>(
        py: Python<'_>,
        d: rules::Decision<S, T>,
        state: impl FnOnce(S) -> PyResult<Py<PyAny>>,
        outcome: impl FnOnce(T) -> PyResult<Py<PyAny>>,
    ) -> Result<Self> {
        let (outcome, error) = match d.outcome {
            Ok(t) => (Some(outcome(t)?), None),
            Err(e) => (None, Some(Error::from(e).into_value(py))),
        };
        Ok(Self {
            state: state(d.state)?,
            effects: d.effects,
            outcome,
            error,
        })
    }
}

#[pymethods]
impl Decision {
    #[getter]
    fn ok(&self) -> bool {
        self.error.is_none()
    }
    #[getter]
    fn effects(&self) -> Vec<Effect> {
        self.effects.iter().cloned().map(Effect).collect()
    }
    /// The outcome, or the refusal raised.
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

mirror_enum!(
    /// What an `Effect` asks the host to do.
    EffectKind as "EffectKind" <=> EffectTag {
        SendSecret = "SEND_SECRET", NotifyAdminNoUserEmail = "NOTIFY_ADMIN_NO_USER_EMAIL",
        SyncPin = "SYNC_PIN", RestartPhone = "RESTART_PHONE",
        NotifyCredentialChanged = "NOTIFY_CREDENTIAL_CHANGED", Other = "OTHER",
    }
);

/// The fieldless tag of a core effect, so `EffectKind` can mirror it.
#[derive(Clone, Copy)]
pub enum EffectTag {
    SendSecret,
    NotifyAdminNoUserEmail,
    SyncPin,
    RestartPhone,
    NotifyCredentialChanged,
    Other,
}

/// Something the host must carry out (mail a secret, sync a PIN, restart a phone, …).
/// Secrets inside are `Pin` / `Password` / `OneTimeCode` objects that print as `***`.
#[pyclass(name = "Effect", module = "pbx_rules", frozen)]
pub struct Effect(rules::Effect);

#[pymethods]
impl Effect {
    #[getter]
    fn kind(&self) -> EffectKind {
        use rules::Effect as E;
        match self.0 {
            E::SendSecret { .. } => EffectTag::SendSecret,
            E::NotifyAdminNoUserEmail { .. } => EffectTag::NotifyAdminNoUserEmail,
            E::SyncPin { .. } => EffectTag::SyncPin,
            E::RestartPhone { .. } => EffectTag::RestartPhone,
            E::NotifyCredentialChanged { .. } => EffectTag::NotifyCredentialChanged,
            _ => EffectTag::Other,
        }
        .into()
    }
    /// The address to mail (`SEND_SECRET`).
    #[getter]
    fn to(&self) -> Option<&str> {
        match &self.0 {
            rules::Effect::SendSecret { to, .. } => Some(to),
            _ => None,
        }
    }
    /// Why the secret is mailed: `password_reset`, `pin_reset`, `extended_rights_code`,
    /// `initial_pin`.
    #[getter]
    fn purpose(&self) -> Option<&'static str> {
        use rules::SecretPurpose as P;
        match &self.0 {
            rules::Effect::SendSecret { purpose, .. } => Some(match purpose {
                P::PasswordReset => "password_reset",
                P::PinReset => "pin_reset",
                P::ExtendedRightsCode => "extended_rights_code",
                P::InitialPin => "initial_pin",
            }),
            _ => None,
        }
    }
    /// The secret to mail once, or the PIN to sync.
    #[getter]
    fn secret(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        use rules::Secret as S;
        Ok(match &self.0 {
            rules::Effect::SendSecret {
                secret: S::Pin(p), ..
            }
            | rules::Effect::SyncPin { pin: p, .. } => {
                Some(Py::new(py, Pin(p.clone()))?.into_any())
            }
            rules::Effect::SendSecret {
                secret: S::Password(p),
                ..
            } => Some(Py::new(py, Password(p.clone()))?.into_any()),
            rules::Effect::SendSecret {
                secret: S::Code(c), ..
            } => Some(Py::new(py, OneTimeCode(c.clone()))?.into_any()),
            _ => None,
        })
    }
    /// The extension concerned, where there is one.
    #[getter]
    fn extension(&self) -> Option<&str> {
        use rules::Effect as E;
        match &self.0 {
            E::NotifyAdminNoUserEmail { extension }
            | E::SyncPin { extension, .. }
            | E::RestartPhone { extension } => Some(extension.as_str()),
            E::NotifyCredentialChanged {
                account: rules::AccountRef::Extension(e),
                ..
            } => Some(e.as_str()),
            _ => None,
        }
    }
    /// How a credential changed (`NOTIFY_CREDENTIAL_CHANGED`): `changed_by_owner`,
    /// `set_by_admin`, `reset`.
    #[getter]
    fn how(&self) -> Option<&'static str> {
        use rules::ChangeKind as C;
        match &self.0 {
            rules::Effect::NotifyCredentialChanged { how, .. } => Some(match how {
                C::ChangedByOwner => "changed_by_owner",
                C::SetByAdmin => "set_by_admin",
                C::Reset => "reset",
            }),
            _ => None,
        }
    }
    fn __repr__(&self) -> String {
        // The core's Debug prints secrets as `***` (G3).
        format!("Effect({:?})", self.0)
    }
}

mirror_enum!(
    /// Standard or Preview portal (V1).
    PreviewMode as "PreviewMode" <=> rules::PreviewMode { Standard = "STANDARD", Preview = "PREVIEW" }
);

/// The footer for `actor` (`Preview: ja` / `Preview: nein`), or `None` for those who may
/// not switch (V1).
#[pyfunction]
pub fn preview_footer(mode: PreviewMode, actor: &Actor) -> Option<&'static str> {
    rules::PreviewMode::from(mode).footer(&actor.0)
}

/// The other mode, for a click on the footer (V1); raises `PermissionDenied`.
#[pyfunction]
pub fn preview_toggled(mode: PreviewMode, actor: &Actor) -> Result<PreviewMode> {
    Ok(rules::PreviewMode::from(mode).toggled(&actor.0)?.into())
}

/// Whether a feature is available in `mode` (V2).
#[pyfunction]
pub fn feature_available(name: String, preview_only: bool, mode: PreviewMode) -> bool {
    rules::Feature { name, preview_only }.is_available(mode.into())
}
