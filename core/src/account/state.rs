//! What the host stores about an extension's user account.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use crate::deadline::later_or_never;
use crate::recovery::{PendingReset, RecoveryLog};
use crate::{
    AccountRef, ExtensionDigits, Policy, Rules, SessionError, SessionStamp, throttle::Throttle,
};

pub use crate::json::STATE_VERSION;

/// Who set the current PIN. A PIN that is the default or was set by someone other than
/// the user must be changed by the user in time (P5).
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PinOrigin {
    /// The PIN the extension was created with (P2).
    Initial,
    /// Set by the admin (P4).
    Admin,
    /// Set by forgot-PIN (R2); counts as admin-set (P5).
    Reset,
    /// Chosen by the user (P3, P6).
    User,
}

/// The stored user account of one extension. Changed only by the operations of this
/// module, which keep it consistent; read back with serde (the version is checked). Its
/// `Debug` shows neither the hash nor the PIN's length (F9).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionAccount {
    #[serde(deserialize_with = "known_version")]
    pub(crate) version: u32,
    /// One more on every change (I5); the host stores with compare-and-swap on it.
    pub(crate) revision: u64,
    pub(crate) extension: ExtensionDigits,
    pub(crate) pin_hash: String,
    pub(crate) pin_origin: PinOrigin,
    /// Kept so the throttle can scale with the PIN's length (G5); the length alone says
    /// little about a PIN, far less than the hash.
    pub(crate) pin_len: usize,
    pub(crate) pin_is_default: bool,
    pub(crate) pin_set_at: DateTime<Utc>,
    /// Until when login is refused after the user changed the PIN (P10).
    #[serde(deserialize_with = "crate::json::required")]
    pub(crate) pin_effective_at: Option<DateTime<Utc>>,
    pub(crate) throttle: Throttle,
    /// A forgot-PIN PIN waiting for its first use (F3).
    #[serde(deserialize_with = "crate::json::required")]
    pub(crate) pending_reset: Option<PendingReset>,
    /// Forgot-PIN requests of the current hour (F3).
    pub(crate) recovery: RecoveryLog,
    /// One more on every new PIN (a change, an admin set, a mailed PIN's first use): the
    /// sessions opened under an older epoch end (G11).
    pub(crate) credential_epoch: u64,
}

/// F9: no hash, no PIN length, no pending secret's hash.
impl fmt::Debug for ExtensionAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExtensionAccount")
            .field("version", &self.version)
            .field("revision", &self.revision)
            .field("extension", &self.extension)
            .field("pin_origin", &self.pin_origin)
            .field("pin_is_default", &self.pin_is_default)
            .field("pin_set_at", &self.pin_set_at)
            .field("pin_effective_at", &self.pin_effective_at)
            .field("throttle", &self.throttle)
            .field("pending_reset", &self.pending_reset)
            .field("recovery", &self.recovery)
            .field("credential_epoch", &self.credential_epoch)
            .finish_non_exhaustive()
    }
}

/// Refuses state of another schema version rather than misreading it: older versions are
/// upgraded by [`crate::Json::from_json`] before they get here (S3).
pub(crate) fn known_version<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let version = u32::deserialize(d)?;
    if version == STATE_VERSION {
        Ok(version)
    } else {
        Err(serde::de::Error::custom(format!(
            "state version {version} is not {STATE_VERSION}"
        )))
    }
}

impl ExtensionAccount {
    /// The revision, one more on every change (I5): store with compare-and-swap on it.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether a forgot-PIN PIN is waiting for its first use at `now` (F3).
    #[must_use]
    pub fn has_pending_reset(&self, now: DateTime<Utc>, rules: &Rules) -> bool {
        self.pending_reset
            .as_ref()
            .is_some_and(|p| !p.is_void(now, &rules.policy().recovery))
    }

    /// The extension digits.
    #[must_use]
    pub fn extension(&self) -> &ExtensionDigits {
        &self.extension
    }

    /// The argon2id PHC string of the PIN (G4).
    #[must_use]
    pub fn pin_hash(&self) -> &str {
        &self.pin_hash
    }

    /// Who set the current PIN.
    #[must_use]
    pub fn pin_origin(&self) -> PinOrigin {
        self.pin_origin
    }

    /// When the current PIN was set.
    #[must_use]
    pub fn pin_set_at(&self) -> DateTime<Utc> {
        self.pin_set_at
    }

    /// Whether the current PIN is the policy's default PIN (P7 lists these).
    #[must_use]
    pub fn has_default_pin(&self) -> bool {
        self.pin_is_default
    }

    /// Consecutive failed logins (G5).
    #[must_use]
    pub fn failed_logins(&self) -> u32 {
        self.throttle.failures
    }

    /// Whether the user must change the PIN: it is the default, or someone else set it (P5).
    #[must_use]
    pub fn must_change_pin(&self) -> bool {
        self.pin_is_default || self.pin_origin != PinOrigin::User
    }

    /// When the user login locks unless the PIN is changed; `None` for a user-chosen PIN (P5).
    #[must_use]
    pub fn change_deadline(&self, rules: &Rules) -> Option<DateTime<Utc>> {
        let window = rules.policy().pin.change_window();
        self.must_change_pin()
            .then(|| later_or_never(self.pin_set_at, window))
    }

    /// Whether the user login is locked at `now` because the PIN was not changed in time (P5).
    #[must_use]
    pub fn is_pin_expired(&self, now: DateTime<Utc>, rules: &Rules) -> bool {
        self.change_deadline(rules)
            .is_some_and(|deadline| now >= deadline)
    }

    /// Whether the user login is locked at `now`: the change window closed (P5) or the
    /// failures used up the allowance (G5). Only the admin lifts either, by setting a PIN.
    #[must_use]
    pub fn is_locked(&self, now: DateTime<Utc>, rules: &Rules) -> bool {
        self.is_pin_expired(now, rules) || self.throttle.failures >= self.allowance(rules.policy())
    }

    /// Whether a session this account's login opened still holds at `now` (G11): not after
    /// a new PIN (changed, set by the admin, or a mailed one used), not while the account is
    /// locked or its change window has lapsed (P5, G5), not past the policy's idle and
    /// absolute limits. Call it on every request of the session and keep the stamp it
    /// returns (it records this request for the idle limit).
    ///
    /// # Errors
    /// The [`SessionError`] that ended the session.
    pub fn check_session(
        &self,
        stamp: &SessionStamp,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<SessionStamp, SessionError> {
        stamp.check(
            &self.account_ref(),
            self.credential_epoch,
            self.is_locked(now, rules),
            now,
            &rules.policy().session,
        )
    }

    /// A session of this account under its current PIN, opened at `now` (G11).
    pub(crate) fn open_session(&self, now: DateTime<Utc>) -> SessionStamp {
        SessionStamp::open(self.account_ref(), self.credential_epoch, now)
    }

    fn account_ref(&self) -> AccountRef {
        AccountRef::Extension(self.extension.clone())
    }

    /// The failures this account's PIN survives (G5).
    pub(crate) fn allowance(&self, policy: &Policy) -> u32 {
        crate::throttle::pin_allowance(self.pin_len, policy.pin.min_len, &policy.throttle)
    }

    /// This account with a new PIN hash from `origin` at `now`: new window, throttle reset,
    /// no P10 delay, no pending forgot-PIN PIN (the new PIN supersedes it, S5), and a new
    /// credential epoch, which ends the sessions opened under the old PIN (G11).
    pub(crate) fn with_pin(
        &self,
        hash: String,
        len: usize,
        is_default: bool,
        origin: PinOrigin,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            pin_hash: hash,
            pin_origin: origin,
            pin_len: len,
            pin_is_default: is_default,
            pin_set_at: now,
            pin_effective_at: None,
            throttle: Throttle::default(),
            pending_reset: None,
            credential_epoch: self.credential_epoch.wrapping_add(1),
            ..self.clone()
        }
    }
}
