//! The user account of one extension (P2–P9, G5): create, log in, change or set the PIN,
//! the mobile app login. Each operation returns a `Decision`.

use chrono::{DateTime, Utc};
use pbx_rules as rules;
use pyo3::prelude::*;

use crate::backup::ExtensionMasterData;
use pyo3_stub_gen::derive::{gen_stub_pyclass, gen_stub_pymethods};

use crate::error::Result;
use crate::lifecycle::{Decision, Rules, nothing};
use crate::numbers::digits_of;
use crate::permission::Actor;

/// The stored user account of one extension. Save `to_json()`; read back with `from_json()`.
#[gen_stub_pyclass]
#[pyclass(name = "ExtensionAccount", module = "pbx_rules", frozen, eq)]
#[derive(PartialEq)]
pub struct ExtensionAccount(pub rules::ExtensionAccount);

/// A new account and, where the policy has no default PIN, its random first PIN.
#[gen_stub_pyclass]
#[pyclass(name = "Created", module = "pbx_rules", frozen)]
pub struct Created {
    /// The account to store.
    #[pyo3(get)]
    account: Py<ExtensionAccount>,
    /// The random first PIN to hand out once; `None` when the default PIN applies.
    #[pyo3(get)]
    initial_pin: Option<rules::Pin>,
    json: String,
}

impl Created {
    fn of(py: Python<'_>, created: rules::Created) -> Result<Self> {
        let json = serde_json::to_string(&created)
            .map_err(|e| crate::error::Error::from(rules::StateError::from(&e)))?;
        Ok(Self {
            json,
            account: Py::new(py, ExtensionAccount(created.account))?,
            initial_pin: created.initial_pin,
        })
    }
}

#[gen_stub_pymethods]
#[pymethods]
impl Created {
    /// The core's JSON (`{"account":…,"initial_pin":"***"}`), the PIN masked.
    fn to_json(&self) -> &str {
        &self.json
    }
    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        let fields = [
            (
                "account".to_owned(),
                self.account.bind(py).clone().into_any(),
            ),
            (
                "initial_pin".to_owned(),
                self.initial_pin.clone().into_pyobject(py)?.into_any(),
            ),
        ];
        Ok(pbx_rules::python::repr_with("Created", fields)?)
    }
}

/// Where a successful user login leads: the portal, or only the change-PIN step (P6), and
/// the session it opened (G11).
#[gen_stub_pyclass]
#[pyclass(name = "UserLogin", module = "pbx_rules", frozen)]
pub struct UserLogin(rules::UserLogin);

impl crate::convert::ShowFields for UserLogin {
    const SHOWN: crate::convert::Shown =
        crate::convert::Shown::Attrs(&["must_change_pin", "deadline", "session"]);
}

crate::convert::handle!(repr UserLogin {
    /// Whether the login leads only to the change-PIN step (P6).
    #[getter]
    fn must_change_pin(&self) -> bool {
        matches!(self.0, rules::UserLogin::MustChangePin { .. })
    }
    /// When the user login locks if the PIN is not changed (P5).
    #[getter]
    fn deadline(&self) -> Option<DateTime<Utc>> {
        match self.0 {
            rules::UserLogin::MustChangePin { deadline, .. } => Some(deadline),
            rules::UserLogin::LoggedIn { .. } => None,
        }
    }
    /// The session this login opened (G11): keep it with the host's session and check it on
    /// every request (`ExtensionAccount.check_session`).
    #[getter]
    fn session(&self) -> rules::SessionStamp {
        self.0.session().clone()
    }
});

impl crate::convert::ShowFields for ExtensionAccount {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::Dict(&[
        "revision",
        "extension",
        "pin_origin",
        "pin_is_default",
        "pin_set_at",
        "credential_epoch",
    ]);
}

crate::convert::handle!(json repr ExtensionAccount {
    /// The account of a new extension with the default PIN, or a random one (P2).
    #[staticmethod]
    fn create(
        py: Python<'_>,
        extension: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Created> {
        let digits = digits_of(extension)?;
        let created = py.detach(|| rules::ExtensionAccount::create(digits, now, &rules.0))?;
        Created::of(py, created)
    }
    /// The account of a new extension with a PIN the admin chose, in one hash (P1, P4): it
    /// counts as set by the admin (P5), so the user must change it at the next login, within
    /// the window from `now`. `PinError` for a PIN that breaks P1; `initial_pin` is `None`.
    #[staticmethod]
    fn create_with_pin(
        py: Python<'_>,
        extension: &str,
        pin: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Created> {
        let digits = digits_of(extension)?;
        let created =
            py.detach(|| rules::ExtensionAccount::create_with_pin(digits, pin, now, &rules.0))?;
        Created::of(py, created)
    }
    /// The account as seen at `now`: revision, PIN origin and dates, counts, locks (one
    /// record for every fact a host shows or stores by).
    fn view(&self, now: DateTime<Utc>, rules: &Rules) -> rules::ExtensionAccountView {
        self.0.view(now, &rules.0)
    }
    /// Whether a session this account's login opened still holds at `now` (G11); the stamp
    /// to keep in its place (it records this request for the idle limit). Raises
    /// `SessionError` once the PIN changed, the account is locked, or a time limit passed.
    fn check_session(
        &self,
        stamp: &rules::SessionStamp,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<rules::SessionStamp> {
        Ok(self.0.check_session(stamp, now, &rules.0)?)
    }
    /// A user login with the PIN (P5, P6, G5); outcome `UserLogin`.
    #[gen_stub(override_return_type(type_repr = "Decision[ExtensionAccount, UserLogin]"))]
    fn login(
        &self,
        py: Python<'_>,
        pin: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Decision> {
        let d = py.detach(|| self.0.login(pin, now, &rules.0));
        Decision::from_core(py, d, Self, UserLogin)
    }
    /// The user changes the PIN with the old one (P3, P6, P9); outcome `PinChanged`, whose
    /// `session` replaces the changer's stamp (every other session ends, G11).
    #[gen_stub(override_return_type(type_repr = "Decision[ExtensionAccount, PinChanged]"))]
    #[allow(clippy::too_many_arguments)]
    fn change_pin(
        &self,
        py: Python<'_>,
        actor: &Actor,
        old: &str,
        new: &str,
        confirmation: &str,
        ctx: &rules::PinContext,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Decision> {
        let form = rules::ChangeForm { old, new, confirmation };
        let d = py.detach(|| self.0.change_pin(&actor.0, form, ctx, now, &rules.0));
        Decision::from_core(py, d, Self, |o| o)
    }
    /// The admin sets a PIN without the old one (P4, P5, P9); outcome `None`.
    #[gen_stub(override_return_type(type_repr = "Decision[ExtensionAccount, None]"))]
    #[allow(clippy::too_many_arguments)]
    fn set_pin_by_admin(
        &self,
        py: Python<'_>,
        actor: &Actor,
        new: &str,
        confirmation: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Decision> {
        let d = py.detach(|| {
            self.0
                .set_pin_by_admin(&actor.0, new, confirmation, now, &rules.0)
        });
        Decision::from_core(py, d, Self, nothing)
    }
    /// The mobile app's login (P8); outcome the `SessionStamp` it opened (G11).
    #[gen_stub(override_return_type(type_repr = "Decision[ExtensionAccount, SessionStamp]"))]
    fn mobile_login(
        &self,
        py: Python<'_>,
        master: &ExtensionMasterData,
        pin: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Decision> {
        let d = py.detach(|| self.0.mobile_login(&master.0, pin, now, &rules.0));
        Decision::from_core(py, d, Self, |o| o)
    }
});
