//! The admin account and the admin login steps (A1–A4, K3, K5, P7, G5).

use chrono::{DateTime, Utc};
use pbx_rules as rules;
use pyo3::prelude::*;

use pyo3_stub_gen::derive::gen_stub_pyclass;

use crate::error::Result;
use crate::lifecycle::{Decision, Rules, nothing};
use crate::numbers::digits_of;
use crate::permission::Actor;

/// The stored admin account of a PBX. Save `to_json()`; read back with `from_json()`.
#[gen_stub_pyclass]
#[pyclass(name = "AdminAccount", module = "pbx_rules", frozen, eq)]
#[derive(PartialEq)]
pub struct AdminAccount(pub rules::AdminAccount);

/// A remembered browser's record, kept in the admin account (A2).
#[gen_stub_pyclass]
#[pyclass(name = "RememberedDevice", module = "pbx_rules", frozen, eq)]
#[derive(PartialEq)]
pub struct RememberedDevice(rules::RememberedDevice);

/// A new remembered-browser token (for the cookie, once) and its record.
#[gen_stub_pyclass]
#[pyclass(name = "DeviceToken", module = "pbx_rules", frozen)]
pub struct DeviceToken(rules::DeviceToken);

/// One admin login in progress, stored between requests, and then the admin's session
/// (G11).
#[gen_stub_pyclass]
#[pyclass(name = "AdminSession", module = "pbx_rules", frozen, eq)]
#[derive(PartialEq)]
pub struct AdminSession(pub rules::AdminSession);

impl crate::convert::ShowFields for AdminAccount {
    const SHOWN: crate::convert::Shown =
        crate::convert::Shown::Dict(&["revision", "effective_at", "credential_epoch"]);
}

crate::convert::handle!(json repr AdminAccount {
    /// A new admin account with this password, checked against K1 first.
    #[staticmethod]
    fn create(
        py: Python<'_>,
        password: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Self> {
        Ok(Self(py.detach(|| {
            rules::AdminAccount::create(password, now, &rules.0)
        })?))
    }
    /// The account as seen at `now`: revision, when the password takes effect, counts,
    /// lock, a waiting mailed password and the remembered browsers.
    fn view(&self, now: DateTime<Utc>, rules: &Rules) -> rules::AdminAccountView {
        self.0.view(now, &rules.0)
    }
    /// Whether an admin session still holds at `now` (G11); the session to store in its place
    /// (it records this request for the idle limit). Raises `SessionError` once the password
    /// changed, the account is locked, or a time limit passed.
    fn check_session(
        &self,
        session: &AdminSession,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<AdminSession> {
        Ok(AdminSession(self.0.check_session(&session.0, now, &rules.0)?))
    }
    /// Head number already read (`BaseNumber.admin_login`); the password (A1), then the
    /// steps of `AdminSession`; outcome `AdminSession`.
    #[gen_stub(override_return_type(type_repr = "Decision[AdminAccount, AdminSession]"))]
    #[pyo3(signature = (password, now, rules, *, device_token = None, default_pin_extensions = Vec::new()))]
    fn login(
        &self,
        py: Python<'_>,
        password: &str,
        now: DateTime<Utc>,
        rules: &Rules,
        device_token: Option<&str>,
        default_pin_extensions: Vec<String>,
    ) -> Result<Decision> {
        let defaults = default_pin_extensions
            .iter()
            .map(|d| digits_of(d))
            .collect::<Result<Vec<_>>>()?;
        let d = py.detach(|| {
            self.0
                .login(password, device_token, defaults, now, &rules.0)
        });
        Decision::from_core(py, d, Self, AdminSession)
    }
    /// The account with a remembered browser added.
    fn remember(&self, device: &RememberedDevice) -> Self {
        Self(self.0.remember(device.0.clone()))
    }
    /// The admin changes the password (K3, K4, K5); outcome `PasswordChanged`.
    #[gen_stub(override_return_type(type_repr = "Decision[AdminAccount, PasswordChanged]"))]
    #[allow(clippy::too_many_arguments)]
    fn change_password(
        &self,
        py: Python<'_>,
        old: &str,
        new: &str,
        confirmation: &str,
        ctx: &rules::PasswordContext,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Decision> {
        let form = rules::ChangeForm { old, new, confirmation };
        let d = py.detach(|| self.0.change_password(form, ctx, now, &rules.0));
        Decision::from_core(py, d, Self, |o| o)
    }
});

impl crate::convert::ShowFields for AdminSession {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::View;
}

crate::convert::handle!(json repr AdminSession {
    /// The login as it stands: revision, step, rights, the default-PIN list, the stamp.
    fn view(&self) -> rules::AdminSessionView {
        self.0.view()
    }
    /// The actor for `authorize` once the main menu is reached; `None` before.
    fn actor(&self) -> Option<Actor> {
        self.0.actor().map(Actor)
    }
    /// Skips the second factor (A2).
    fn continue_without_extended_rights(&self) -> Result<Self> {
        Ok(Self(self.0.continue_without_extended_rights()?))
    }
    /// Confirms the privacy notice (A4).
    fn confirm_privacy_notice(&self) -> Result<Self> {
        Ok(Self(self.0.confirm_privacy_notice()?))
    }
    /// Acknowledges the default-PIN list (P7).
    fn acknowledge_default_pins(&self) -> Result<Self> {
        Ok(Self(self.0.acknowledge_default_pins()?))
    }
    /// Mails a code for extended rights (A2); the `SEND_SECRET` effect carries it. No code
    /// is mailed that the PBX's admin `account` could not accept (its wrong codes locked it,
    /// or its throttle waits past the code's lifetime).
    #[gen_stub(override_return_type(type_repr = "Decision[AdminSession, None]"))]
    fn request_code(
        &self,
        py: Python<'_>,
        account: &AdminAccount,
        admin_email: Option<&str>,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Decision> {
        let d = py.detach(|| self.0.request_code(&account.0, admin_email, now, &rules.0));
        Decision::from_core(py, d, Self, nothing)
    }
    /// Checks a mailed code (A2) for the PBX's admin account, which counts wrong codes over
    /// all sessions (F7); state `(session, account)`, both to store; outcome a `DeviceToken`
    /// to remember the browser, or `None`.
    #[gen_stub(override_return_type(
        type_repr = "Decision[tuple[AdminSession, AdminAccount], DeviceToken | None]"
    ))]
    fn confirm_code(
        &self,
        py: Python<'_>,
        account: &AdminAccount,
        code: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Decision> {
        let d = py.detach(|| self.0.confirm_code(&account.0, code, now, &rules.0));
        Decision::from_core(
            py,
            d,
            |(s, a)| (Self(s), AdminAccount(a)),
            |o| o.map(DeviceToken),
        )
    }
});

impl crate::convert::ShowFields for RememberedDevice {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::View;
}

crate::convert::handle!(json repr RememberedDevice {
    /// What a host may show of the browser: when it must pass the second factor again.
    fn view(&self) -> rules::RememberedDeviceView {
        self.0.view()
    }
});

impl crate::convert::ShowFields for DeviceToken {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::Attrs(&["record", "token"]);
}

crate::convert::handle!(repr DeviceToken {
    /// The cookie value, handed out once; prints as `***`.
    #[getter]
    fn token(&self) -> rules::OneTimeCode {
        self.0.token.clone()
    }
    /// The record to keep in the admin account (`AdminAccount.remember`).
    #[getter]
    fn record(&self) -> RememberedDevice {
        RememberedDevice(self.0.record.clone())
    }
});
