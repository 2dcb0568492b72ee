//! The admin login with head number and password (A1, K5, G5), into the first step due.

use chrono::{DateTime, Utc};

use super::{AdminAccount, AdminSession, AdminStep};
use crate::throttle::{Throttle, password_allowance};
use crate::{Decision, ExtensionDigits, LoginError, Rules};

impl AdminAccount {
    /// Checks the admin's password at `now` (the head number was read with
    /// [`crate::BaseNumber::admin_login`]) and starts a session at the first step due: the
    /// second factor for a browser whose `device_token` is missing or no longer valid (A2),
    /// else the privacy notice (A4). `default_pin_extensions` are the extensions still on
    /// the default PIN, for P7 (see [`crate::ExtensionAccount::has_default_pin`]).
    ///
    /// Refused while a new password propagates (K5), when throttled (G5), or for a wrong
    /// password (counted).
    pub fn login(
        &self,
        password: &str,
        device_token: Option<&str>,
        default_pin_extensions: Vec<ExtensionDigits>,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, AdminSession> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        let allowance = password_allowance(&policy.throttle);
        if let Err(e) = self.throttle.check(now, allowance, &policy.throttle) {
            return Decision::refuse(self.clone(), e);
        }
        if now < self.effective_at {
            return Decision::refuse(
                self.clone(),
                LoginError::PasswordPending {
                    until: self.effective_at,
                },
            );
        }
        match hasher.verify(password.as_bytes(), &self.password_hash) {
            Err(e) => Decision::refuse(self.clone(), e),
            Ok(false) => {
                let next = Self {
                    throttle: self.throttle.failed(now),
                    ..self.clone()
                };
                let error = next.throttle.refusal(allowance, &policy.throttle);
                Decision::refuse(next, error)
            }
            Ok(true) => {
                let remembered = device_token
                    .is_some_and(|t| self.devices.iter().any(|d| d.accepts(t, now, hasher)));
                let step = if remembered {
                    AdminStep::PrivacyNotice
                } else {
                    AdminStep::SecondFactor
                };
                let next = Self {
                    throttle: Throttle::default(),
                    devices: self
                        .devices
                        .iter()
                        .filter(|d| now < d.expires_at())
                        .cloned()
                        .collect(),
                    ..self.clone()
                };
                Decision::new(next, Ok(AdminSession::start(step, default_pin_extensions)))
            }
        }
    }

    /// Stores a remembered browser issued by [`AdminSession::confirm_code`].
    #[must_use]
    pub fn remember(&self, device: super::RememberedDevice) -> Self {
        let mut next = self.clone();
        next.devices.push(device);
        next
    }
}
