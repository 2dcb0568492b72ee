//! The stamp of a session: whose, under which credential, since when (G11).

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::SessionError;
use crate::deadline::valid_until;
use crate::{AccountRef, SessionPolicy};

/// A session opened by a successful login, as the host keeps it (G11). It holds no secret:
/// the host's cookie names the session, the stamp says whether it may go on. Ask the account
/// on every request ([`crate::ExtensionAccount::check_session`],
/// [`crate::AdminAccount::check_session`]) and keep the stamp it returns, which carries the
/// time of this request for the idle limit.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass,
    pyo3::pyclass(module = "pbx_rules", frozen, get_all, eq, from_py_object)
)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionStamp {
    /// Whose session.
    pub account: AccountRef,
    /// The account's credential epoch at the login: every change, admin set or first use of
    /// a mailed secret moves it on, which ends the sessions opened before. Signed, so
    /// Kotlin and Java read a plain `long`; a negative one matches no account.
    pub epoch: i64,
    /// When the login opened the session (for the absolute limit).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub opened_at: DateTime<Utc>,
    /// When the session was last checked (for the idle limit).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub last_seen_at: DateTime<Utc>,
}

impl SessionStamp {
    /// A session of `account` at credential `epoch`, opened at `now`.
    pub(crate) fn open(account: AccountRef, epoch: u64, now: DateTime<Utc>) -> Self {
        Self {
            account,
            epoch: i64::try_from(epoch).unwrap_or(i64::MAX),
            opened_at: now,
            last_seen_at: now,
        }
    }

    /// This stamp checked at `now` against the account it names: its current credential
    /// `epoch` and whether it is `locked`. Still valid: the stamp seen at `now`.
    pub(crate) fn check(
        &self,
        account: &AccountRef,
        epoch: u64,
        locked: bool,
        now: DateTime<Utc>,
        policy: &SessionPolicy,
    ) -> Result<Self, SessionError> {
        if self.account != *account {
            return Err(SessionError::OtherAccount);
        }
        if u64::try_from(self.epoch).ok() != Some(epoch) {
            return Err(SessionError::CredentialChanged);
        }
        if locked {
            return Err(SessionError::AccountLocked);
        }
        if let Some(since) = reached(self.opened_at, policy.absolute_timeout(), now) {
            return Err(SessionError::Expired { since });
        }
        if let Some(since) = reached(self.last_seen_at, policy.idle_timeout(), now) {
            return Err(SessionError::Idle { since });
        }
        Ok(Self {
            last_seen_at: now.max(self.last_seen_at),
            ..self.clone()
        })
    }
}

/// When `start + span` lies at or before `now`: that time; `None` while it is ahead. A sum
/// past the end of time reads as reached, the safe side: a corrupt stamp ends rather than
/// lasting for ever.
fn reached(start: DateTime<Utc>, span: TimeDelta, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    match valid_until(start, span) {
        Some(end) if now < end => None,
        Some(end) => Some(end),
        None => Some(DateTime::<Utc>::MAX_UTC),
    }
}
