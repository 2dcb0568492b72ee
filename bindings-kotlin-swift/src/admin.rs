//! The admin account and an admin login in progress (A1–A4, K3, K5, R1, F7, I1): stored
//! state as handles, every operation returning a decision handle.

use std::sync::Arc;

use pbx_rules::{
    Actor, AdminAccountView, AdminSessionView, ChangeForm, ExtensionDigits, OneTimeCode,
    PasswordChanged, PasswordContext, RememberedDeviceView,
};

use crate::account::{Time, utc};
use crate::backup::PbxMasterData;
use crate::decision::{decision, same, unit};
use crate::error::{RuleError, rule_error};
use crate::json::json_handle;
use crate::rules::Rules;

/// The stored admin account of a PBX.
#[derive(Debug, uniffi::Object)]
pub struct AdminAccount(pbx_rules::AdminAccount);

/// One admin login in progress, and then the admin's session (G11).
#[derive(Debug, uniffi::Object)]
pub struct AdminSession(pbx_rules::AdminSession);

/// A remembered browser, as the admin account stores it (A2).
#[derive(Debug, uniffi::Object)]
pub struct RememberedDevice(pbx_rules::RememberedDevice);

/// A new browser token (cookie), handed out once, and its record to remember.
#[derive(Debug, uniffi::Object)]
pub struct DeviceToken {
    token: OneTimeCode,
    record: pbx_rules::RememberedDevice,
}

/// What a typed code leaves (F7): the session and the admin account, which counts wrong
/// codes over all sessions; store both.
#[derive(Debug, uniffi::Record)]
pub struct SessionAndAccount {
    /// The session.
    pub session: Arc<AdminSession>,
    /// The admin account.
    pub account: Arc<AdminAccount>,
}

json_handle!(AdminAccount, AdminSession, RememberedDevice);

fn admin(a: &pbx_rules::AdminAccount) -> Arc<AdminAccount> {
    Arc::new(AdminAccount(a.clone()))
}

fn maybe_admin(a: &Option<pbx_rules::AdminAccount>) -> Option<Arc<AdminAccount>> {
    a.as_ref().map(admin)
}

fn session(s: &pbx_rules::AdminSession) -> Arc<AdminSession> {
    Arc::new(AdminSession(s.clone()))
}

fn both(state: &(pbx_rules::AdminSession, pbx_rules::AdminAccount)) -> SessionAndAccount {
    SessionAndAccount {
        session: session(&state.0),
        account: admin(&state.1),
    }
}

fn token(t: &Option<pbx_rules::DeviceToken>) -> Option<Arc<DeviceToken>> {
    t.as_ref().map(|t| {
        Arc::new(DeviceToken {
            token: t.token.clone(),
            record: t.record.clone(),
        })
    })
}

decision!(
    /// The decision of an admin login (A1, K5, G5): the session on success.
    AdminLoginDecision: pbx_rules::AdminAccount => Arc<AdminAccount> = admin;
    pbx_rules::AdminSession => Arc<AdminSession> = session
);
decision!(
    /// The decision of a password change (K3, K5, I1).
    PasswordChangeDecision: pbx_rules::AdminAccount => Arc<AdminAccount> = admin;
    PasswordChanged => PasswordChanged = same
);
decision!(
    /// The decision of a code request (A2, I4).
    CodeRequestDecision: pbx_rules::AdminSession => Arc<AdminSession> = session;
    () => () = unit
);
decision!(
    /// The decision of a typed code (A2, F7): a browser token when one was issued.
    CodeConfirmDecision: (pbx_rules::AdminSession, pbx_rules::AdminAccount) => SessionAndAccount = both;
    Option<pbx_rules::DeviceToken> => Option<Arc<DeviceToken>> = token
);
decision!(
    /// The decision of a forgot-password request (R1, F2, F3).
    ForgotPasswordDecision: Option<pbx_rules::AdminAccount> => Option<Arc<AdminAccount>> = maybe_admin;
    () => () = unit
);

/// R1: a forgot-password request with the head number as typed.
#[uniffi::export]
pub fn forgot_password(
    typed_head_number: String,
    pbx: &PbxMasterData,
    account: &AdminAccount,
    now: Time,
    rules: &Rules,
) -> Arc<ForgotPasswordDecision> {
    let pair = Some((&pbx.0, &account.0));
    ForgotPasswordDecision::wrap(pbx_rules::forgot_password(
        &typed_head_number,
        pair,
        utc(now),
        &rules.0,
    ))
}

#[uniffi::export]
impl AdminAccount {
    /// An admin account with a provisioned password (K1), effective at once.
    /// Throws `RuleError.Password`, `RuleError.Hash`.
    #[uniffi::constructor]
    pub fn create(password: String, now: Time, rules: &Rules) -> Result<Arc<Self>, RuleError> {
        let created = pbx_rules::AdminAccount::create(&password, utc(now), &rules.0)?;
        Ok(Arc::new(Self(created)))
    }

    /// The account as seen at `now` under `rules`: revision, effective time, failures, the
    /// lock, a pending reset and the remembered browsers (K5, G5, F7, G9, F3, A2, I5). It
    /// holds no hash.
    pub fn view(&self, now: Time, rules: &Rules) -> AdminAccountView {
        self.0.view(utc(now), &rules.0)
    }

    /// The argon2id PHC string of the password, for hosts that keep the hash in a column of
    /// its own; the view leaves it out (F9) and the state JSON carries it anyway.
    pub fn password_hash(&self) -> String {
        self.0.password_hash().to_owned()
    }

    /// Whether an admin session still holds (G11); the session to store in its place (it
    /// records this request for the idle limit).
    /// Throws `RuleError.Session` once the password changed, the account is locked, or a
    /// time limit passed.
    pub fn check_session(
        &self,
        session: &AdminSession,
        now: Time,
        rules: &Rules,
    ) -> Result<Arc<AdminSession>, RuleError> {
        let checked = self.0.check_session(&session.0, utc(now), &rules.0);
        Ok(Arc::new(AdminSession(checked.map_err(rule_error)?)))
    }

    /// An admin login (A1, A2, A4, K5, G5) with the extensions still on the default PIN (P7).
    /// Throws `RuleError.LoginId` only for malformed digits in `default_pin_extensions` (the
    /// refusals of the login itself are in the decision).
    pub fn login(
        &self,
        password: String,
        device_token: Option<String>,
        default_pin_extensions: Vec<ExtensionDigits>,
        now: Time,
        rules: &Rules,
    ) -> Result<Arc<AdminLoginDecision>, RuleError> {
        let d = self.0.login(
            &password,
            device_token.as_deref(),
            default_pin_extensions,
            utc(now),
            &rules.0,
        );
        Ok(AdminLoginDecision::wrap(d))
    }

    /// The account with a browser remembered (A2).
    pub fn remember(&self, device: &RememberedDevice) -> Arc<Self> {
        Arc::new(Self(self.0.remember(device.0.clone())))
    }

    /// Changes the password with the old one (K3, K4, K5, I1).
    pub fn change_password(
        &self,
        old: String,
        new: String,
        confirmation: String,
        ctx: PasswordContext,
        now: Time,
        rules: &Rules,
    ) -> Arc<PasswordChangeDecision> {
        let form = ChangeForm {
            old: &old,
            new: &new,
            confirmation: &confirmation,
        };
        let d = self.0.change_password(form, &ctx, utc(now), &rules.0);
        PasswordChangeDecision::wrap(d)
    }
}

#[uniffi::export]
impl AdminSession {
    /// The login as it stands: revision, step, extended rights, the default-PIN list, wrong
    /// codes and the session stamp `AdminAccount.checkSession` checks (A2–A4, P7, F7, G11).
    pub fn view(&self) -> AdminSessionView {
        self.0.view()
    }

    /// The actor for permission checks, once in the main menu.
    pub fn actor(&self) -> Option<Actor> {
        self.0.actor()
    }

    /// A2: on without extended rights.
    /// Throws `RuleError.Login` at another step.
    pub fn continue_without_extended_rights(&self) -> Result<Arc<Self>, RuleError> {
        Ok(session(
            &self
                .0
                .continue_without_extended_rights()
                .map_err(rule_error)?,
        ))
    }

    /// A4: the privacy notice confirmed.
    /// Throws `RuleError.Login` at another step.
    pub fn confirm_privacy_notice(&self) -> Result<Arc<Self>, RuleError> {
        Ok(session(
            &self.0.confirm_privacy_notice().map_err(rule_error)?,
        ))
    }

    /// P7: the default-PIN list acknowledged.
    /// Throws `RuleError.Login` at another step.
    pub fn acknowledge_default_pins(&self) -> Result<Arc<Self>, RuleError> {
        Ok(session(
            &self.0.acknowledge_default_pins().map_err(rule_error)?,
        ))
    }

    /// A2: mails a code for extended rights to the admin address; none that the PBX's admin
    /// `account` could not accept (its wrong codes locked it, or its throttle waits past the
    /// code's lifetime).
    pub fn request_code(
        &self,
        account: &AdminAccount,
        admin_email: Option<String>,
        now: Time,
        rules: &Rules,
    ) -> Arc<CodeRequestDecision> {
        let email = admin_email.as_deref();
        CodeRequestDecision::wrap(self.0.request_code(&account.0, email, utc(now), &rules.0))
    }

    /// A2, F7: the typed code, counted against the admin account.
    pub fn confirm_code(
        &self,
        account: &AdminAccount,
        code: String,
        now: Time,
        rules: &Rules,
    ) -> Arc<CodeConfirmDecision> {
        CodeConfirmDecision::wrap(self.0.confirm_code(&account.0, &code, utc(now), &rules.0))
    }
}

#[uniffi::export]
impl RememberedDevice {
    /// What a host may show of the browser: when it is forgotten (A2).
    pub fn view(&self) -> RememberedDeviceView {
        self.0.view()
    }
}

#[uniffi::export]
impl DeviceToken {
    /// The token for the browser's cookie, handed out once.
    pub fn token(&self) -> OneTimeCode {
        self.token.clone()
    }

    /// The record for `AdminAccount.remember`.
    pub fn record(&self) -> Arc<RememberedDevice> {
        Arc::new(RememberedDevice(self.record.clone()))
    }
}
