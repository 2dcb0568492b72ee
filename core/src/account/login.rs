//! The user login with the PIN (P5, P6, G5).

use chrono::{DateTime, Utc};

use super::ExtensionAccount;
use crate::pin::beyond_any_pin;
use crate::{Decision, LoginError, Policy, Rules};

/// Where a successful user login leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserLogin {
    /// Into the portal.
    LoggedIn,
    /// Only into the mandatory change-PIN step (P6); changing the PIN completes the login.
    MustChangePin {
        /// When the user login locks if the PIN is not changed (P5).
        deadline: DateTime<Utc>,
    },
}

impl ExtensionAccount {
    /// Checks a user's PIN at `now` (the login identifier was read with
    /// [`crate::BaseNumber::user_login`]).
    ///
    /// Order: the throttle first (a throttled try is not counted), then the PIN (a wrong
    /// one is counted, G5), then the change window (P5: a right PIN on an expired window is
    /// refused, so the lock does not tell an attacker anything without the PIN).
    pub fn login(&self, pin: &str, now: DateTime<Utc>, rules: &Rules) -> Decision<Self, UserLogin> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        let (throttle, verified) =
            self.throttle
                .attempt(now, self.allowance(policy), &policy.throttle, || {
                    // F10: far too long to be a PIN: wrong (and counted) without hashing.
                    if beyond_any_pin(pin) {
                        return Ok(false);
                    }
                    hasher.verify(pin.as_bytes(), &self.pin_hash)
                });
        let next = Self {
            throttle,
            ..self.clone()
        };
        match verified {
            Err(e) => Decision::refuse(next, e),
            Ok(()) => next.after_right_pin(now, policy),
        }
    }

    fn after_right_pin(&self, now: DateTime<Utc>, policy: &Policy) -> Decision<Self, UserLogin> {
        let outcome = match self.change_deadline(policy) {
            Some(since) if now >= since => Err(LoginError::PinExpired { since }.into()),
            Some(deadline) => Ok(UserLogin::MustChangePin { deadline }),
            None => Ok(UserLogin::LoggedIn),
        };
        Decision::new(self.clone(), outcome)
    }
}
