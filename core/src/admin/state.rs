//! What the host stores about the PBX's admin account.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{AdminSession, RememberedDevice};
use crate::account::STATE_VERSION;
use crate::recovery::{PendingReset, RecoveryLog};
use crate::revision::Revise;
use crate::{AccountRef, Error, Password, Rules, SessionError, SessionStamp, throttle::Throttle};

/// The stored admin account of a PBX: password hash, when it takes effect (K5), failed
/// logins (G5) and wrong codes (F7), the remembered browsers (A2), a mailed password
/// waiting for its first use and the recovery requests of the hour (F3). Its `Debug` shows
/// no hash (F9).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminAccount {
    #[serde(deserialize_with = "crate::account::known_version")]
    pub(crate) version: u32,
    /// One more on every change (I5).
    pub(crate) revision: u64,
    pub(crate) password_hash: String,
    pub(crate) effective_at: DateTime<Utc>,
    pub(crate) throttle: Throttle,
    pub(crate) devices: Vec<RememberedDevice>,
    /// Consecutive wrong second-factor codes over all sessions (F7).
    pub(crate) code_throttle: Throttle,
    /// A forgot-password password waiting for its first use (F3).
    #[serde(deserialize_with = "crate::json::required")]
    pub(crate) pending_reset: Option<PendingReset>,
    /// Forgot-password requests of the current hour (F3).
    pub(crate) recovery: RecoveryLog,
    /// One more on every new password (a change, a mailed password's first use): the
    /// sessions opened under an older epoch end (G11).
    pub(crate) credential_epoch: u64,
}

/// F9: no hash of the password, of a mailed one or of a remembered browser.
impl fmt::Debug for AdminAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdminAccount")
            .field("version", &self.version)
            .field("revision", &self.revision)
            .field("effective_at", &self.effective_at)
            .field("throttle", &self.throttle)
            .field("devices", &self.devices)
            .field("code_throttle", &self.code_throttle)
            .field("pending_reset", &self.pending_reset)
            .field("recovery", &self.recovery)
            .field("credential_epoch", &self.credential_epoch)
            .finish_non_exhaustive()
    }
}

impl AdminAccount {
    /// An admin account with a password chosen at provisioning, effective at once.
    ///
    /// # Errors
    /// [`Error::Password`] when the text is not a password (K1: length, control or invisible
    /// characters), [`Error::Hash`] when hashing fails.
    pub fn create(password: &str, now: DateTime<Utc>, rules: &Rules) -> Result<Self, Error> {
        let password = Password::parse(password, false, rules)?;
        Ok(Self {
            version: STATE_VERSION,
            revision: 0,
            password_hash: rules.hasher().hash(password.expose().as_bytes())?,
            effective_at: now,
            throttle: Throttle::default(),
            devices: Vec::new(),
            code_throttle: Throttle::default(),
            pending_reset: None,
            recovery: RecoveryLog::default(),
            credential_epoch: 0,
        })
    }

    /// The revision, one more on every change (I5): store with compare-and-swap on it.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Consecutive wrong second-factor codes over all sessions (F7).
    #[must_use]
    pub fn failed_codes(&self) -> u32 {
        self.code_throttle.failures
    }

    /// Whether a forgot-password password is waiting for its first use at `now` (F3).
    #[must_use]
    pub fn has_pending_reset(&self, now: DateTime<Utc>, rules: &Rules) -> bool {
        self.pending_reset
            .as_ref()
            .is_some_and(|p| !p.is_void(now, &rules.policy().recovery))
    }

    /// The argon2id PHC string of the password (G4).
    #[must_use]
    pub fn password_hash(&self) -> &str {
        &self.password_hash
    }

    /// When the current password takes effect (K5).
    #[must_use]
    pub fn effective_at(&self) -> DateTime<Utc> {
        self.effective_at
    }

    /// Consecutive failed logins (G5).
    #[must_use]
    pub fn failed_logins(&self) -> u32 {
        self.throttle.failures
    }

    /// Whether the admin account is locked: the failed logins (G5) or the wrong
    /// second-factor codes (F7) used up their allowance. A mailed password still gets in
    /// (S1, G9): its first use lifts both.
    #[must_use]
    pub fn is_locked(&self, rules: &Rules) -> bool {
        let policy = rules.policy();
        self.throttle.failures >= crate::throttle::password_allowance(&policy.throttle)
            || self.code_throttle.failures
                >= crate::policy::unsigned(policy.second_factor.account_allowance)
    }

    /// Whether an admin session still holds at `now` (G11): not after the password changed
    /// or a mailed one was first used, not while the account is locked, not past the
    /// policy's idle and absolute limits. Call it on every request of the session and keep
    /// the session it returns (it records this request for the idle limit).
    ///
    /// # Errors
    /// The [`SessionError`] that ended the session.
    pub fn check_session(
        &self,
        session: &AdminSession,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<AdminSession, SessionError> {
        let stamp = session.stamp.check(
            &AccountRef::Admin,
            self.credential_epoch,
            self.is_locked(rules),
            now,
            &rules.policy().session,
        )?;
        let seen = AdminSession {
            stamp,
            ..session.clone()
        };
        Ok(seen.revise(session))
    }

    /// A session under the current password, opened at `now` (G11).
    pub(crate) fn open_session(&self, now: DateTime<Utc>) -> SessionStamp {
        SessionStamp::open(AccountRef::Admin, self.credential_epoch, now)
    }

    /// The remembered browsers (A2).
    #[must_use]
    pub fn devices(&self) -> &[RememberedDevice] {
        &self.devices
    }

    /// This account with a new password hash taking effect at `effective_at` (K5): the
    /// throttle reset, no remembered browsers (I1: a browser remembered under the old
    /// password must pass the second factor again), no pending mailed password (R6), and a
    /// new credential epoch, which ends the sessions opened under the old password (G11).
    pub(crate) fn with_password(&self, hash: String, effective_at: DateTime<Utc>) -> Self {
        Self {
            password_hash: hash,
            effective_at,
            throttle: Throttle::default(),
            devices: Vec::new(),
            pending_reset: None,
            credential_epoch: self.credential_epoch.wrapping_add(1),
            ..self.clone()
        }
    }
}
