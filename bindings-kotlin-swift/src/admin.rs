//! The admin account and its login steps (A1–A4, K3, K5, P7, G5).

use std::sync::Arc;
use std::time::SystemTime;

use pbx_rules as core;
use pbx_rules::AdminStep;

use crate::effect::{decision, instant, split, utc};
use crate::number::digits;
use crate::{Actor, Hasher, OneTimeCode, Password, PasswordContext, RuleError, Rules, Strength};

/// The stored admin account of a PBX.
#[derive(Debug, uniffi::Object)]
pub struct AdminAccount(pub(crate) core::AdminAccount);

/// One admin login in progress.
#[derive(Debug, uniffi::Object)]
pub struct AdminSession(pub(crate) core::AdminSession);

/// A remembered browser, as the admin account stores it (A2).
#[derive(Debug, uniffi::Object)]
pub struct RememberedDevice(pub(crate) core::RememberedDevice);

/// The step an admin login stands at (the core enum).
#[uniffi::remote(Enum)]
pub enum AdminStep {
    SecondFactor,
    PrivacyNotice,
    DefaultPins,
    MainMenu,
}

/// A new browser token (cookie), handed out once, and its record to store.
#[derive(Clone, Debug, uniffi::Record)]
pub struct DeviceToken {
    /// The token for the browser.
    pub token: Arc<OneTimeCode>,
    /// The record for [`AdminAccount::remember`].
    pub record: Arc<RememberedDevice>,
}

/// A changed password.
#[derive(Clone, Debug, uniffi::Record)]
pub struct PasswordChanged {
    /// When the new password takes effect (K5).
    pub effective_at: SystemTime,
    /// The meter's verdict (K2).
    pub strength: Strength,
}

/// The state a typed code leaves (F7): the session and the admin account, which counts
/// wrong codes over all sessions; store both.
#[derive(Clone, Debug, uniffi::Record)]
pub struct CodeConfirmState {
    /// The session.
    pub session: Arc<AdminSession>,
    /// The admin account.
    pub account: Arc<AdminAccount>,
}

type AdminState = Arc<AdminAccount>;
type SessionState = Arc<AdminSession>;
type Session = Arc<AdminSession>;
type MaybeToken = Option<DeviceToken>;
type Unit = ();

decision!(
    /// The decision of an admin login (A1, K5, G5): the session on success.
    AdminLoginDecision, AdminState, Session
);
decision!(
    /// The decision of a password change (K3, K5).
    PasswordChangeDecision, AdminState, PasswordChanged
);
decision!(
    /// The decision of a code request (A2).
    CodeRequestDecision, SessionState, Unit
);
decision!(
    /// The decision of a typed code (A2): a browser token when one was issued.
    CodeConfirmDecision, CodeConfirmState, MaybeToken
);

fn admin(a: core::AdminAccount) -> AdminState {
    Arc::new(AdminAccount(a))
}

fn session(s: core::AdminSession) -> SessionState {
    Arc::new(AdminSession(s))
}

#[uniffi::export]
impl AdminAccount {
    /// An admin account with a provisioned password, effective at once.
    ///
    /// # Errors
    /// `RuleError::Hash`.
    #[uniffi::constructor]
    pub fn create(
        password: &Password,
        now: SystemTime,
        hasher: &Hasher,
    ) -> Result<Arc<Self>, RuleError> {
        Ok(admin(core::AdminAccount::create(
            &password.0,
            utc(now),
            &hasher.0,
        )?))
    }

    /// The argon2id PHC string of the password.
    pub fn password_hash(&self) -> String {
        self.0.password_hash().to_owned()
    }

    /// When the current password takes effect (K5).
    pub fn effective_at(&self) -> SystemTime {
        instant(self.0.effective_at())
    }

    /// Consecutive failed logins (G5).
    pub fn failed_logins(&self) -> u32 {
        self.0.failed_logins()
    }

    /// The admin login (A1): the session starts at the first step due.
    ///
    /// # Errors
    /// `RuleError::LoginId` for bad digits in `default_pin_extensions`.
    pub fn login(
        &self,
        password: String,
        device_token: Option<String>,
        default_pin_extensions: Vec<String>,
        now: SystemTime,
        rules: &Rules,
    ) -> Result<Arc<AdminLoginDecision>, RuleError> {
        let defaults = default_pin_extensions
            .iter()
            .map(|d| digits(d))
            .collect::<Result<_, _>>()?;
        let d = self.0.login(
            &password,
            device_token.as_deref(),
            defaults,
            utc(now),
            &rules.0,
        );
        Ok(AdminLoginDecision::wrap(split(d, admin, session)))
    }

    /// Stores a remembered browser issued by a confirmed code.
    pub fn remember(&self, device: &RememberedDevice) -> Arc<Self> {
        admin(self.0.remember(device.0.clone()))
    }

    /// The password change (K3, K4, K5).
    pub fn change_password(
        &self,
        old: String,
        new: String,
        confirmation: String,
        ctx: PasswordContext,
        now: SystemTime,
        rules: &Rules,
    ) -> Arc<PasswordChangeDecision> {
        let form = core::ChangeForm {
            old: &old,
            new: &new,
            confirmation: &confirmation,
        };
        let d = self
            .0
            .change_password(form, &ctx.core(), utc(now), &rules.0);
        PasswordChangeDecision::wrap(split(d, admin, |c| PasswordChanged {
            effective_at: instant(c.effective_at),
            strength: c.strength.into(),
        }))
    }
}

#[uniffi::export]
impl AdminSession {
    /// The step the login stands at.
    pub fn step(&self) -> AdminStep {
        self.0.step()
    }

    /// Whether the session holds extended rights (A3).
    pub fn has_extended_rights(&self) -> bool {
        self.0.has_extended_rights()
    }

    /// The extensions still on the default PIN (P7).
    pub fn default_pin_extensions(&self) -> Vec<String> {
        self.0
            .default_pin_extensions()
            .iter()
            .map(|d| d.as_str().to_owned())
            .collect()
    }

    /// The actor for `authorize`, once at the main menu.
    pub fn actor(&self) -> Option<Actor> {
        self.0.actor().map(|a| Actor::from(&a))
    }

    /// Continues without extended rights (A2).
    ///
    /// # Errors
    /// `LOGIN_STEP_OUT_OF_ORDER`.
    pub fn continue_without_extended_rights(&self) -> Result<Arc<Self>, RuleError> {
        Ok(session(self.0.continue_without_extended_rights()?))
    }

    /// Confirms the privacy notice (A4).
    ///
    /// # Errors
    /// `LOGIN_STEP_OUT_OF_ORDER`.
    pub fn confirm_privacy_notice(&self) -> Result<Arc<Self>, RuleError> {
        Ok(session(self.0.confirm_privacy_notice()?))
    }

    /// Acknowledges the default-PIN list (P7).
    ///
    /// # Errors
    /// `LOGIN_STEP_OUT_OF_ORDER`.
    pub fn acknowledge_default_pins(&self) -> Result<Arc<Self>, RuleError> {
        Ok(session(self.0.acknowledge_default_pins()?))
    }

    /// Mails a code for extended rights to the admin address (A2).
    pub fn request_code(
        &self,
        admin_email: Option<String>,
        now: SystemTime,
        rules: &Rules,
    ) -> Arc<CodeRequestDecision> {
        CodeRequestDecision::wrap(split(
            self.0
                .request_code(admin_email.as_deref(), utc(now), &rules.0),
            session,
            |()| (),
        ))
    }

    /// Checks a typed code (A2) for the PBX's admin account (F7: wrong codes count there).
    pub fn confirm_code(
        &self,
        account: &AdminAccount,
        code: String,
        now: SystemTime,
        rules: &Rules,
    ) -> Arc<CodeConfirmDecision> {
        CodeConfirmDecision::wrap(split(
            self.0.confirm_code(&account.0, &code, utc(now), &rules.0),
            |(s, a)| CodeConfirmState {
                session: session(s),
                account: admin(a),
            },
            |t| {
                t.map(|t| DeviceToken {
                    token: Arc::new(OneTimeCode(t.token)),
                    record: Arc::new(RememberedDevice(t.record)),
                })
            },
        ))
    }
}

#[uniffi::export]
impl RememberedDevice {
    /// When the browser must pass the second factor again.
    pub fn expires_at(&self) -> SystemTime {
        instant(self.0.expires_at())
    }
}
