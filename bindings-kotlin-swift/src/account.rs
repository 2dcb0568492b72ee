//! The user account of one extension (P2, P4–P6, P8, P9, G5): stored state as an Object,
//! every operation returning a decision Object (see `effect.rs`).

use std::sync::Arc;
use std::time::SystemTime;

use pbx_rules as core;
use pbx_rules::PinOrigin;

use crate::effect::{decision, instant, split, utc};
use crate::number::digits;
use crate::{Actor, ExtensionMasterData, Pin, PinContext, PinFinding, Policy, RuleError, Rules};

/// The stored user account of one extension.
#[derive(Debug, uniffi::Object)]
pub struct ExtensionAccount(pub(crate) core::ExtensionAccount);

/// Who set the current PIN (the core enum).
#[uniffi::remote(Enum)]
pub enum PinOrigin {
    Initial,
    Admin,
    Reset,
    User,
}

/// A new account and, where the policy has no default PIN, its random first PIN.
#[derive(Debug, uniffi::Record)]
pub struct Created {
    /// The account to store.
    pub account: Arc<ExtensionAccount>,
    /// The first PIN to hand out once; `None` when the default PIN applies.
    pub initial_pin: Option<Arc<Pin>>,
}

/// Where a successful user login leads.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum UserLogin {
    /// Into the portal.
    LoggedIn,
    /// Only into the mandatory change-PIN step (P6).
    MustChangePin {
        /// When the user login locks unless the PIN is changed (P5).
        deadline: SystemTime,
    },
}

/// A changed PIN.
#[derive(Clone, Debug, uniffi::Record)]
pub struct PinChanged {
    /// Whether this change completes a login (P6).
    pub completes_login: bool,
    /// Trivial-PIN findings the policy only warns about.
    pub warnings: Vec<PinFinding>,
}

type AccountState = Arc<ExtensionAccount>;
type Unit = ();

decision!(
    /// The decision of a user login (P5, P6, G5).
    UserLoginDecision, AccountState, UserLogin
);
decision!(
    /// The decision of a PIN change (P3, P6, P9).
    PinChangeDecision, AccountState, PinChanged
);
decision!(
    /// The decision of an admin PIN set (P4) or a mobile app login (P8).
    AccountDecision, AccountState, Unit
);

fn state(a: core::ExtensionAccount) -> AccountState {
    Arc::new(ExtensionAccount(a))
}

fn user_login(l: core::UserLogin) -> UserLogin {
    match l {
        core::UserLogin::LoggedIn => UserLogin::LoggedIn,
        core::UserLogin::MustChangePin { deadline } => UserLogin::MustChangePin {
            deadline: instant(deadline),
        },
    }
}

fn pin_changed(c: core::PinChanged) -> PinChanged {
    PinChanged {
        completes_login: c.completes_login,
        warnings: crate::error::findings(&c.warnings),
    }
}

/// The account of a new extension with the default or a random first PIN (P2). A free
/// function because it returns the account together with the first PIN (uniffi
/// constructors return only the object).
///
/// # Errors
/// `RuleError::LoginId` for bad digits; `Pin`, `Generate`, `Hash` as the core says.
#[uniffi::export]
pub fn create_extension_account(
    extension: String,
    now: SystemTime,
    rules: &Rules,
) -> Result<Created, RuleError> {
    let created = core::ExtensionAccount::create(digits(&extension)?, utc(now), &rules.0)?;
    Ok(Created {
        account: state(created.account),
        initial_pin: created.initial_pin.map(|p| Arc::new(Pin(p))),
    })
}

#[uniffi::export]
impl ExtensionAccount {
    /// The extension digits.
    pub fn digits(&self) -> String {
        self.0.extension().as_str().to_owned()
    }

    /// The argon2id PHC string of the PIN.
    pub fn pin_hash(&self) -> String {
        self.0.pin_hash().to_owned()
    }

    /// Who set the current PIN.
    pub fn pin_origin(&self) -> PinOrigin {
        self.0.pin_origin()
    }

    /// When the current PIN was set.
    pub fn pin_set_at(&self) -> SystemTime {
        instant(self.0.pin_set_at())
    }

    /// Whether the PIN is the default PIN (P7).
    pub fn has_default_pin(&self) -> bool {
        self.0.has_default_pin()
    }

    /// Consecutive failed logins (G5).
    pub fn failed_logins(&self) -> u32 {
        self.0.failed_logins()
    }

    /// Whether the user must change the PIN (P5).
    pub fn must_change_pin(&self) -> bool {
        self.0.must_change_pin()
    }

    /// When the user login locks unless the PIN is changed (P5).
    pub fn change_deadline(&self, policy: &Policy) -> Option<SystemTime> {
        self.0.change_deadline(&policy.0).map(instant)
    }

    /// Whether the change window closed (P5).
    pub fn is_pin_expired(&self, now: SystemTime, policy: &Policy) -> bool {
        self.0.is_pin_expired(utc(now), &policy.0)
    }

    /// Whether the user login is locked (P5, G5).
    pub fn is_locked(&self, now: SystemTime, policy: &Policy) -> bool {
        self.0.is_locked(utc(now), &policy.0)
    }

    /// A user login with the PIN (P5, P6, G5).
    pub fn login(&self, pin: String, now: SystemTime, rules: &Rules) -> Arc<UserLoginDecision> {
        UserLoginDecision::wrap(split(
            self.0.login(&pin, utc(now), &rules.0),
            state,
            user_login,
        ))
    }

    /// The user changes the PIN with the old one (P3, P6, P9).
    ///
    /// # Errors
    /// `RuleError::LoginId` for bad digits in `actor`, `NUMBER_NOT_E164` for a bad context
    /// phone number; the rules' refusals are in the decision.
    #[allow(clippy::too_many_arguments)]
    pub fn change_pin(
        &self,
        actor: Actor,
        old: String,
        new: String,
        confirmation: String,
        ctx: PinContext,
        now: SystemTime,
        rules: &Rules,
    ) -> Result<Arc<PinChangeDecision>, RuleError> {
        let form = core::ChangeForm {
            old: &old,
            new: &new,
            confirmation: &confirmation,
        };
        let actor = (&actor).try_into()?;
        let d = ctx.with(|c| self.0.change_pin(&actor, form, c, utc(now), &rules.0))?;
        Ok(PinChangeDecision::wrap(split(d, state, pin_changed)))
    }

    /// The admin sets a PIN without the old one (P4, P9).
    ///
    /// # Errors
    /// `RuleError::LoginId` for bad digits in `actor`.
    pub fn set_pin_by_admin(
        &self,
        actor: Actor,
        new: String,
        confirmation: String,
        now: SystemTime,
        rules: &Rules,
    ) -> Result<Arc<AccountDecision>, RuleError> {
        let d = self.0.set_pin_by_admin(
            &(&actor).try_into()?,
            &new,
            &confirmation,
            utc(now),
            &rules.0,
        );
        Ok(AccountDecision::wrap(split(d, state, |()| ())))
    }

    /// The mobile app's login (P8).
    pub fn mobile_login(
        &self,
        master: &ExtensionMasterData,
        pin: String,
        now: SystemTime,
        rules: &Rules,
    ) -> Arc<AccountDecision> {
        AccountDecision::wrap(split(
            self.0.mobile_login(&master.0, &pin, utc(now), &rules.0),
            state,
            |()| (),
        ))
    }
}
