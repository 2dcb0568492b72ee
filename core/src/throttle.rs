//! Failed-login throttling (G5): growing delays, then a lock.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::deadline::later_or_never;
use crate::policy::unsigned;
use crate::{LoginError, ThrottlePolicy};

/// Consecutive failed logins of one account. Part of the account's state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Throttle {
    /// Consecutive failures since the last success or reset.
    pub failures: u32,
    /// When the last failure happened.
    #[serde(deserialize_with = "crate::json::required")]
    pub last_failure: Option<DateTime<Utc>>,
}

impl Throttle {
    /// Whether a try is allowed now, given the account's allowance of failures.
    ///
    /// # Errors
    /// [`LoginError::ThrottleLocked`] once the allowance is used up;
    /// [`LoginError::Throttled`] with the time of the next allowed try while a delay runs.
    pub fn check(
        &self,
        now: DateTime<Utc>,
        allowance: u32,
        policy: &ThrottlePolicy,
    ) -> Result<(), LoginError> {
        if self.failures >= allowance {
            return Err(LoginError::ThrottleLocked);
        }
        let retry_at = self
            .last_failure
            .zip(delay(self.failures, policy))
            .map(|(last, delay)| later_or_never(last, delay));
        match retry_at {
            Some(retry_at) if now < retry_at => Err(LoginError::Throttled { retry_at }),
            _ => Ok(()),
        }
    }

    /// The state after one more failure at `now`.
    #[must_use]
    pub fn failed(&self, now: DateTime<Utc>) -> Self {
        Self {
            failures: self.failures.saturating_add(1),
            last_failure: Some(now),
        }
    }

    /// The refusal to report right after a failure: the lock once the allowance is used
    /// up, else the wrong credentials themselves (a delay shows only on the next try).
    pub(crate) fn refusal(&self, allowance: u32) -> LoginError {
        if self.failures >= allowance {
            LoginError::ThrottleLocked
        } else {
            LoginError::WrongCredentials
        }
    }
}

/// The wait after `failures` consecutive failures: none for the free ones, then the first
/// delay doubling per failure up to the maximum.
fn delay(failures: u32, policy: &ThrottlePolicy) -> Option<TimeDelta> {
    let past_free = failures
        .checked_sub(unsigned(policy.free_failures))
        .filter(|n| *n > 0)?;
    let factor = 1u64 << (past_free - 1).min(32);
    let secs = u64::from(unsigned(policy.first_delay_secs))
        .saturating_mul(factor)
        .min(u64::from(unsigned(policy.max_delay_secs)));
    Some(TimeDelta::seconds(i64::try_from(secs).unwrap_or(i64::MAX)))
}

/// The failures a PIN of `len` digits survives: the allowance at the policy's minimum
/// length, doubled per extra digit, never above the hard limit (G5).
#[must_use]
pub(crate) fn pin_allowance(len: usize, min_len: usize, policy: &ThrottlePolicy) -> u32 {
    let extra = u32::try_from(len.saturating_sub(min_len))
        .unwrap_or(u32::MAX)
        .min(16);
    unsigned(policy.pin_allowance_at_min_len)
        .saturating_mul(1 << extra)
        .min(unsigned(policy.hard_limit))
}

/// The failures an admin password survives.
#[must_use]
pub(crate) fn password_allowance(policy: &ThrottlePolicy) -> u32 {
    unsigned(policy.password_allowance).min(unsigned(policy.hard_limit))
}
