//! The user login with the PIN (P5, P6, P10, G5), and the first use of a forgot-PIN PIN (F3).

use chrono::{DateTime, Utc};

use super::{ExtensionAccount, PinOrigin};
use crate::pin::beyond_any_pin;
use crate::recovery::{Matched, verify_either};
use crate::{AccountRef, ChangeKind, Decision, Effect, LoginError, Pin, Policy, Rules};

/// Where a successful user login leads; `{"kind": "logged_in"}` in JSON.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
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
    /// one is counted, G5), then the P10 delay after the user's own change (shown only to
    /// someone who typed the new PIN, I6), then the change window (P5: a right PIN on an
    /// expired window is refused, so the lock does not tell an attacker anything without
    /// the PIN).
    ///
    /// A forgot-PIN PIN that is still valid works too (F3): its first use replaces the old
    /// PIN (effects: sync to voicemail and phonebook, notify the owner), and it must then be
    /// changed like an admin-set PIN (P5, P6).
    pub fn login(&self, pin: &str, now: DateTime<Utc>, rules: &Rules) -> Decision<Self, UserLogin> {
        self.login_steps(pin, now, rules).revised(self)
    }

    fn login_steps(
        &self,
        pin: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, UserLogin> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        let mailed = self
            .pending_reset
            .as_ref()
            .filter(|p| p.usable(now, chrono::TimeDelta::zero(), &policy.recovery));
        let mut matched = None;
        let (throttle, verified) =
            self.throttle
                .attempt(now, self.allowance(policy), &policy.throttle, || {
                    // F10: far too long to be a PIN: wrong (and counted) without hashing.
                    if beyond_any_pin(pin) {
                        return Ok(false);
                    }
                    matched = verify_either(hasher, pin, &self.pin_hash, mailed)?;
                    Ok(matched.is_some())
                });
        let next = Self {
            throttle,
            ..self.clone()
        };
        match (verified, matched, mailed) {
            (Err(e), _, _) => Decision::refuse(next, e),
            // A lapsed window stays locked (P5): a PIN mailed before the lapse does not lift it;
            // the right PIN hears the lock like the old one would (only the admin helps).
            (Ok(()), Some(Matched::Mailed), Some(_)) if self.is_pin_expired(now, policy) => {
                next.after_right_pin(now, policy)
            }
            (Ok(()), Some(Matched::Mailed), Some(p)) => {
                let now_reset = next.with_pin(p.hash.clone(), p.len, false, PinOrigin::Reset, now);
                now_reset.after_right_pin(now, policy).with([
                    Effect::SyncPin {
                        extension: self.extension.clone(),
                        pin: Pin::from_checked(pin.to_owned()),
                    },
                    Effect::NotifyCredentialChanged {
                        account: AccountRef::Extension(self.extension.clone()),
                        how: ChangeKind::Reset,
                    },
                ])
            }
            (Ok(()), _, _) => next.after_right_pin(now, policy),
        }
    }

    fn after_right_pin(&self, now: DateTime<Utc>, policy: &Policy) -> Decision<Self, UserLogin> {
        let outcome = match (self.pin_effective_at, self.change_deadline(policy)) {
            (Some(until), _) if now < until => Err(LoginError::PinPending { until }.into()),
            (_, Some(since)) if now >= since => Err(LoginError::PinExpired { since }.into()),
            (_, Some(deadline)) => Ok(UserLogin::MustChangePin { deadline }),
            (_, None) => Ok(UserLogin::LoggedIn),
        };
        Decision::new(self.clone(), outcome)
    }
}
