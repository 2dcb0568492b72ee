//! The user account of one extension (P2–P9, R2, G5): stored state as a handle, every
//! operation returning a decision handle (see `decision.rs`).

use std::sync::Arc;

use pbx_rules::{ChangeForm, ExtensionAccountView, Pin, PinChanged, SessionStamp, UserLogin};

use crate::backup::{ExtensionMasterData, PbxMasterData};
use crate::decision::{decision, same, unit};
use crate::error::{RuleError, rule_error};
use crate::json::json_handle;
use crate::number::digits;
use crate::rules::Rules;
use pbx_rules::{Actor, PinContext};

/// Time across the boundary: Kotlin `Instant`, Swift `Date`.
pub(crate) type Time = std::time::SystemTime;

/// The stored user account of one extension.
#[derive(Debug, uniffi::Object)]
pub struct ExtensionAccount(pub(crate) pbx_rules::ExtensionAccount);

/// A new account and, where the policy has no default PIN, its random first PIN.
#[derive(Debug, uniffi::Object)]
pub struct Created(pbx_rules::Created);

json_handle!(ExtensionAccount);

fn account(a: &pbx_rules::ExtensionAccount) -> Arc<ExtensionAccount> {
    Arc::new(ExtensionAccount(a.clone()))
}

fn maybe_account(a: &Option<pbx_rules::ExtensionAccount>) -> Option<Arc<ExtensionAccount>> {
    a.as_ref().map(account)
}

decision!(
    /// The decision of a user login (P5, P6, G5).
    UserLoginDecision: pbx_rules::ExtensionAccount => Arc<ExtensionAccount> = account;
    UserLogin => UserLogin = same
);
decision!(
    /// The decision of a PIN change (P3, P6, P9).
    PinChangeDecision: pbx_rules::ExtensionAccount => Arc<ExtensionAccount> = account;
    PinChanged => PinChanged = same
);
decision!(
    /// The decision of an admin PIN set (P4).
    AccountDecision: pbx_rules::ExtensionAccount => Arc<ExtensionAccount> = account;
    () => () = unit
);
decision!(
    /// The decision of a mobile app login (P8): the session it opened (G11).
    MobileLoginDecision: pbx_rules::ExtensionAccount => Arc<ExtensionAccount> = account;
    SessionStamp => SessionStamp = same
);
decision!(
    /// The decision of a forgot-PIN request (R2, R3, F2, F3): the account when there is one.
    ForgotPinDecision: Option<pbx_rules::ExtensionAccount> => Option<Arc<ExtensionAccount>> = maybe_account;
    () => () = unit
);

pub(crate) fn utc(t: Time) -> chrono::DateTime<chrono::Utc> {
    t.into()
}

/// The account of a new extension with the default or a random first PIN (P2).
/// Throws `RuleError.LoginId` for bad digits; `Pin`, `Generate`, `Hash` as the core says.
#[uniffi::export]
pub fn create_extension_account(
    extension: String,
    now: Time,
    rules: &Rules,
) -> Result<Arc<Created>, RuleError> {
    let created = pbx_rules::ExtensionAccount::create(digits(&extension)?, utc(now), &rules.0);
    Ok(Arc::new(Created(created?)))
}

/// The account of a new extension with a PIN the admin chose, in one hash (P1, P4): it
/// counts as set by the admin (P5), so the user must change it at the next login.
/// Throws `RuleError.LoginId` for bad digits, `RuleError.Pin` for a PIN that breaks P1.
#[uniffi::export]
pub fn create_extension_account_with_pin(
    extension: String,
    pin: String,
    now: Time,
    rules: &Rules,
) -> Result<Arc<Created>, RuleError> {
    let created =
        pbx_rules::ExtensionAccount::create_with_pin(digits(&extension)?, &pin, utc(now), &rules.0);
    Ok(Arc::new(Created(created?)))
}

#[uniffi::export]
impl Created {
    /// The account to store.
    pub fn account(&self) -> Arc<ExtensionAccount> {
        account(&self.0.account)
    }

    /// The first PIN to hand out once; `null`/`nil` when the default PIN applies.
    pub fn initial_pin(&self) -> Option<Pin> {
        self.0.initial_pin.clone()
    }

    /// The core's JSON: `{"account":{…},"initial_pin":"***"|null}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }
}

/// R2, R3: a forgot-PIN request for `extension` (`None` for digits without an account).
#[uniffi::export]
pub fn forgot_pin(
    pbx: &PbxMasterData,
    extension: Option<Arc<ExtensionMasterData>>,
    account: Option<Arc<ExtensionAccount>>,
    now: Time,
    rules: &Rules,
) -> Arc<ForgotPinDecision> {
    let pair = extension
        .as_ref()
        .zip(account.as_ref())
        .map(|(m, a)| (&m.0, &a.0));
    ForgotPinDecision::wrap(pbx_rules::forgot_pin(&pbx.0, pair, utc(now), &rules.0))
}

#[uniffi::export]
impl ExtensionAccount {
    /// The account as seen at `now` under `rules`: revision, PIN origin and dates, the
    /// change window, the lock, the failures, a pending reset (P5, G5, F3, I5). One record
    /// instead of a method per fact, so every binding shows the same facts; it holds no hash.
    pub fn view(&self, now: Time, rules: &Rules) -> ExtensionAccountView {
        self.0.view(utc(now), &rules.0)
    }

    /// The argon2id PHC string of the PIN, for hosts that keep the hash in a column of its
    /// own; the view leaves it out (F9) and the state JSON carries it anyway.
    pub fn pin_hash(&self) -> String {
        self.0.pin_hash().to_owned()
    }

    /// Whether a session this account's login opened still holds (G11); the stamp to keep
    /// in its place (it records this request for the idle limit).
    /// Throws `RuleError.Session` once the PIN changed, the account is locked, or a time
    /// limit passed.
    pub fn check_session(
        &self,
        stamp: SessionStamp,
        now: Time,
        rules: &Rules,
    ) -> Result<SessionStamp, RuleError> {
        self.0
            .check_session(&stamp, utc(now), &rules.0)
            .map_err(rule_error)
    }

    /// A user login with the PIN (P5, P6, G5); the outcome carries the session it opened.
    pub fn login(&self, pin: String, now: Time, rules: &Rules) -> Arc<UserLoginDecision> {
        UserLoginDecision::wrap(self.0.login(&pin, utc(now), &rules.0))
    }

    /// The user changes the PIN with the old one (P3, P6, P9, F1).
    /// Throws `RuleError.LoginId` or `.Number` only for a malformed value handed back in
    /// `actor` or `ctx` (the refusals of the change itself are in the decision).
    #[allow(clippy::too_many_arguments)]
    pub fn change_pin(
        &self,
        actor: Actor,
        old: String,
        new: String,
        confirmation: String,
        ctx: PinContext,
        now: Time,
        rules: &Rules,
    ) -> Result<Arc<PinChangeDecision>, RuleError> {
        let form = ChangeForm {
            old: &old,
            new: &new,
            confirmation: &confirmation,
        };
        let d = self.0.change_pin(&actor, form, &ctx, utc(now), &rules.0);
        Ok(PinChangeDecision::wrap(d))
    }

    /// The admin sets a PIN without the old one (P4, P9).
    /// Throws `RuleError.LoginId` only for malformed extension digits in `actor` (the
    /// refusals of the change itself are in the decision).
    pub fn set_pin_by_admin(
        &self,
        actor: Actor,
        new: String,
        confirmation: String,
        now: Time,
        rules: &Rules,
    ) -> Result<Arc<AccountDecision>, RuleError> {
        let d = self
            .0
            .set_pin_by_admin(&actor, &new, &confirmation, utc(now), &rules.0);
        Ok(AccountDecision::wrap(d))
    }

    /// The mobile app's login (P8); the outcome is the session it opened (G11).
    pub fn mobile_login(
        &self,
        master: &ExtensionMasterData,
        pin: String,
        now: Time,
        rules: &Rules,
    ) -> Arc<MobileLoginDecision> {
        MobileLoginDecision::wrap(self.0.mobile_login(&master.0, &pin, utc(now), &rules.0))
    }
}
