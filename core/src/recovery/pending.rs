//! A mailed secret waiting for its first use, and the per-account count of recovery
//! requests (F3).
//!
//! A recovery request proves nothing about the requester, so it must not take a working
//! credential away: the mailed PIN or password is kept beside the current one until it is
//! first used (then it replaces the old one) or its lifetime ends (then it is void).

use std::fmt;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::{HashError, Hasher, RecoveryPolicy};

/// A mailed PIN or password, kept only as a hash, waiting for its first use.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PendingReset {
    pub(crate) hash: String,
    /// Digits of a mailed PIN, so the throttle scales once it is in use (G5); 0 for a
    /// password.
    #[serde(default)]
    pub(crate) len: usize,
    pub(crate) issued_at: DateTime<Utc>,
}

impl PendingReset {
    /// Whether the mailed secret may be used at `now`: from `delay` after the request (K5
    /// for a password, none for a PIN) until its lifetime ends. Overflowing times read as
    /// "not usable", the safe side: the old secret keeps working.
    pub(crate) fn usable(
        &self,
        now: DateTime<Utc>,
        delay: TimeDelta,
        policy: &RecoveryPolicy,
    ) -> bool {
        !self.is_void(now, policy) && self.usable_from(delay).is_some_and(|from| now >= from)
    }

    /// When the mailed secret becomes usable; `None` if that lies past chrono's range.
    pub(crate) fn usable_from(&self, delay: TimeDelta) -> Option<DateTime<Utc>> {
        self.issued_at.checked_add_signed(delay)
    }

    /// Whether its lifetime is over at `now` (an overflowing end reads as over).
    pub(crate) fn is_void(&self, now: DateTime<Utc>, policy: &RecoveryPolicy) -> bool {
        self.issued_at
            .checked_add_signed(policy.mailed_secret_lifetime())
            .is_none_or(|end| now >= end)
    }
}

/// Which stored secret a typed one matched.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Matched {
    /// The secret in use.
    Current,
    /// The mailed one waiting for its first use.
    Mailed,
}

/// Verifies `typed` against the secret in use and, when one waits, the mailed one. Both
/// checks run whenever a mailed secret waits, so the time taken does not tell which one
/// matched.
pub(crate) fn verify_either(
    hasher: &Hasher,
    typed: &str,
    current: &str,
    mailed: Option<&PendingReset>,
) -> Result<Option<Matched>, HashError> {
    let current = hasher.verify(typed.as_bytes(), current)?;
    let by_mail = match mailed {
        Some(p) => hasher.verify(typed.as_bytes(), &p.hash)?,
        None => false,
    };
    Ok(match (current, by_mail) {
        (true, _) => Some(Matched::Current),
        (false, true) => Some(Matched::Mailed),
        (false, false) => None,
    })
}

/// F9: the hash and the PIN's length never print.
impl fmt::Debug for PendingReset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingReset")
            .field("issued_at", &self.issued_at)
            .finish_non_exhaustive()
    }
}

/// Recovery requests of one account in the current hour (F3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RecoveryLog {
    window_start: Option<DateTime<Utc>>,
    requests: u32,
}

impl RecoveryLog {
    /// Whether one more request may mail a secret at `now`.
    pub(crate) fn allows(&self, now: DateTime<Utc>, per_hour: u32) -> bool {
        !self.in_window(now) || self.requests < per_hour
    }

    /// The log after one more request at `now`.
    #[must_use]
    pub(crate) fn record(&self, now: DateTime<Utc>) -> Self {
        if self.in_window(now) {
            Self {
                requests: self.requests.saturating_add(1),
                ..self.clone()
            }
        } else {
            Self {
                window_start: Some(now),
                requests: 1,
            }
        }
    }

    /// Whether `now` falls in the hour the log counts. A window that ends past chrono's
    /// range, or starts after `now`, still counts: refusing to mail is the safe side.
    fn in_window(&self, now: DateTime<Utc>) -> bool {
        self.window_start.is_some_and(|start| {
            start
                .checked_add_signed(TimeDelta::hours(1))
                .is_none_or(|end| now < end)
        })
    }
}
