//! What the host stores about an extension's user account.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use crate::deadline::later_or_never;
use crate::{ExtensionDigits, Policy, throttle::Throttle};

/// The version of every stored state of this crate; bumped on incompatible changes, and
/// checked when state is read back.
pub const STATE_VERSION: u32 = 1;

/// Who set the current PIN. A PIN that is the default or was set by someone other than
/// the user must be changed by the user in time (P5).
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
/// module, which keep it consistent; read back with serde (the version is checked).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionAccount {
    #[serde(deserialize_with = "known_version")]
    pub(crate) version: u32,
    pub(crate) extension: ExtensionDigits,
    pub(crate) pin_hash: String,
    pub(crate) pin_origin: PinOrigin,
    /// Kept so the throttle can scale with the PIN's length (G5); the length alone says
    /// little about a PIN, far less than the hash.
    pub(crate) pin_len: usize,
    pub(crate) pin_is_default: bool,
    pub(crate) pin_set_at: DateTime<Utc>,
    pub(crate) throttle: Throttle,
}

/// Refuses state written by another schema version rather than misreading it.
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
    pub fn change_deadline(&self, policy: &Policy) -> Option<DateTime<Utc>> {
        self.must_change_pin()
            .then(|| later_or_never(self.pin_set_at, policy.pin.change_window()))
    }

    /// Whether the user login is locked at `now` because the PIN was not changed in time (P5).
    #[must_use]
    pub fn is_pin_expired(&self, now: DateTime<Utc>, policy: &Policy) -> bool {
        self.change_deadline(policy)
            .is_some_and(|deadline| now >= deadline)
    }

    /// Whether the user login is locked at `now`: the change window closed (P5) or the
    /// failures used up the allowance (G5). Only the admin lifts either, by setting a PIN.
    #[must_use]
    pub fn is_locked(&self, now: DateTime<Utc>, policy: &Policy) -> bool {
        self.is_pin_expired(now, policy) || self.throttle.failures >= self.allowance(policy)
    }

    /// The failures this account's PIN survives (G5).
    pub(crate) fn allowance(&self, policy: &Policy) -> u32 {
        crate::throttle::pin_allowance(self.pin_len, policy.pin.min_len, &policy.throttle)
    }

    /// This account with a new PIN hash from `origin` at `now`: new window, throttle reset.
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
            throttle: Throttle::default(),
            ..self.clone()
        }
    }
}
