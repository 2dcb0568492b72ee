//! The user login with the PIN (P5, P6, P10, G5, G10, G11), and the first use of a
//! forgot-PIN PIN (R2, R5).

use chrono::{DateTime, Utc};

use super::{ExtensionAccount, PinOrigin};
use crate::attempt::{Matched, Try, attempt, shown};
use crate::pin::beyond_any_pin;
use crate::refusal::{Refusal, Steps};
use crate::{AccountRef, ChangeKind, Decision, Effect, LoginError, Pin, Rules, SessionStamp};

/// Where a successful user login leads; `{"kind": "logged_in", "session": …}` in JSON.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UserLogin {
    /// Into the portal.
    LoggedIn {
        /// The session this login opened (G11).
        session: SessionStamp,
    },
    /// Only into the mandatory change-PIN step (P6); changing the PIN completes the login.
    MustChangePin {
        /// When the user login locks if the PIN is not changed (P5).
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        deadline: DateTime<Utc>,
        /// The session this login opened, for the change step only (G11).
        session: SessionStamp,
    },
}

impl UserLogin {
    /// The session the login opened.
    #[must_use]
    pub fn session(&self) -> &SessionStamp {
        match self {
            Self::LoggedIn { session } | Self::MustChangePin { session, .. } => session,
        }
    }
}

impl ExtensionAccount {
    /// Checks a user's PIN at `now` (the login identifier was read with
    /// [`crate::BaseNumber::user_login`]).
    ///
    /// Order: the throttle first (a throttled try is not counted), then the PIN (a wrong
    /// one is counted, G5), then the P10 delay after the user's own change (shown only to
    /// someone who typed the new PIN, I6), then the change window (P5: a right PIN on an
    /// expired window is refused, so the lock does not tell an attacker anything without
    /// the PIN). Every path hashes once (G10); under uniform answers a throttled or locked
    /// account answers "wrong" like an unknown one.
    ///
    /// A forgot-PIN PIN that is still valid works too (R5): its first use replaces the old
    /// PIN (effects: sync to voicemail and phonebook, notify the owner), and it must then be
    /// changed like an admin-set PIN (P5, P6). A login with the current PIN voids a waiting
    /// mailed one (R6). A successful login opens a session (G11).
    ///
    /// # Examples
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use pbx_rules::{ExtensionAccount, ExtensionDigits, Localized, Rules, UserLogin};
    /// let rules = Rules::centrexx();
    /// let now = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    /// let account = ExtensionAccount::create(ExtensionDigits::parse("10")?, now, &rules)?.account;
    /// let wrong = account.login("1234", now, &rules);
    /// assert_eq!(wrong.outcome.unwrap_err().code(), "LOGIN_WRONG_CREDENTIALS");
    /// assert_eq!(wrong.state.failed_logins(), 1);
    /// // The default PIN (P2) logs in only to the change step (P6).
    /// let right = wrong.state.login("0000", now, &rules);
    /// assert!(matches!(right.outcome, Ok(UserLogin::MustChangePin { .. })));
    /// # Ok::<(), pbx_rules::Error>(())
    /// ```
    pub fn login(&self, pin: &str, now: DateTime<Utc>, rules: &Rules) -> Decision<Self, UserLogin> {
        Decision::of(self, self.login_steps(pin, now, rules))
    }

    fn login_steps(&self, pin: &str, now: DateTime<Utc>, rules: &Rules) -> Steps<Self, UserLogin> {
        let policy = rules.policy();
        let mailed = self
            .pending_reset
            .as_ref()
            .filter(|p| p.usable(now, chrono::TimeDelta::zero(), &policy.recovery));
        let (throttle, matched) = attempt(
            &self.throttle,
            self.allowance(policy),
            now,
            rules,
            Try {
                // F10: far too long to be a PIN: wrong (and counted), at the same cost.
                typed: (!beyond_any_pin(pin)).then_some(pin.as_bytes()),
                current: &self.pin_hash,
                mailed: mailed.map(|p| p.hash.as_str()),
                mailed_passes_lock: false,
            },
        );
        let next = Self {
            throttle,
            ..self.clone()
        };
        let matched = match matched {
            Ok(matched) => matched,
            Err(e) => return Err(Refusal::with(next, shown(e, rules))),
        };
        Ok(match (matched, mailed) {
            // A lapsed window stays locked (P5): a PIN mailed before the lapse does not lift it;
            // the right PIN hears the lock like the old one would (only the admin helps).
            (Matched::Mailed, Some(_)) if self.is_pin_expired(now, rules) => {
                next.after_right_pin(now, rules)
            }
            (Matched::Mailed, Some(p)) => {
                let now_reset = next.with_pin(p.hash.clone(), p.len, false, PinOrigin::Reset, now);
                now_reset.after_right_pin(now, rules).with([
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
            // R6: the owner's own PIN voids a mailed one nobody asked for any more.
            _ => Self {
                pending_reset: None,
                ..next
            }
            .after_right_pin(now, rules),
        })
    }

    fn after_right_pin(&self, now: DateTime<Utc>, rules: &Rules) -> Decision<Self, UserLogin> {
        let session = self.open_session(now);
        let outcome = match (self.pin_effective_at, self.change_deadline(rules)) {
            (Some(until), _) if now < until => Err(LoginError::PinPending { until }.into()),
            (_, Some(since)) if now >= since => Err(LoginError::PinExpired { since }.into()),
            (_, Some(deadline)) => Ok(UserLogin::MustChangePin { deadline, session }),
            (_, None) => Ok(UserLogin::LoggedIn { session }),
        };
        Decision::new(self.clone(), outcome)
    }
}
