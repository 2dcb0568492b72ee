//! A mailed secret waiting for its first use, and the per-account count of recovery
//! requests (F3).
//!
//! A recovery request proves nothing about the requester, so it must not take a working
//! credential away: the mailed PIN or password is kept beside the current one until it is
//! first used (then it replaces the old one) or its lifetime ends (then it is void).

use std::fmt;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::RecoveryPolicy;

/// A mailed PIN or password, kept only as a hash, waiting for its first use. The hash has
/// the salt and costs of the secret in use, so a login checks both with one evaluation
/// (G10, see `Hasher::verify_pair`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PendingReset {
    pub(crate) hash: String,
    /// Digits of a mailed PIN, so the throttle scales once it is in use (G5); 0 for a
    /// password.
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
    #[serde(deserialize_with = "crate::json::required")]
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
    /// range counts (refusing to mail is the safe side), but one that starts after `now`
    /// does not: the clock went back or the record is damaged, and counting it would shut
    /// the admin's way back (G9) for as long as the record lies in the future. The next
    /// request opens a new window at `now`.
    fn in_window(&self, now: DateTime<Utc>) -> bool {
        self.window_start.is_some_and(|start| {
            start <= now
                && start
                    .checked_add_signed(TimeDelta::hours(1))
                    .is_none_or(|end| now < end)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: i64) -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH + TimeDelta::hours(h)
    }

    // F3: the hour's requests are counted; the next hour starts afresh.
    #[test]
    fn f3_requests_are_counted_per_hour() {
        let log = RecoveryLog::default().record(at(10)).record(at(10));
        assert!(log.allows(at(10), 3));
        assert!(!log.allows(at(10), 2));
        assert!(log.allows(at(11), 2));
    }

    // G9: a window that starts after now (the clock went back, or a damaged record) does not
    // keep recovery shut; one that ends past the end of time still counts.
    #[test]
    fn g9_a_window_in_the_future_does_not_shut_recovery() {
        let future = RecoveryLog {
            window_start: Some(DateTime::<Utc>::MAX_UTC),
            requests: u32::MAX,
        };
        assert!(future.allows(at(10), 1));
        assert_eq!(future.record(at(10)).requests, 1);
        let endless = RecoveryLog {
            window_start: Some(DateTime::<Utc>::MAX_UTC - TimeDelta::minutes(1)),
            requests: 5,
        };
        assert!(!endless.allows(DateTime::<Utc>::MAX_UTC, 5));
    }
}
