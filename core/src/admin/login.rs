//! The admin login with head number and password (A1, K5, G5), into the first step due.

use chrono::{DateTime, Utc};

use super::{AdminAccount, AdminSession, AdminStep};
use crate::password::comparable_password;
use crate::throttle::password_allowance;
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
        // K5 first: during propagation no password is checked, so none is counted.
        if now < self.effective_at {
            return Decision::refuse(
                self.clone(),
                LoginError::PasswordPending {
                    until: self.effective_at,
                },
            );
        }
        let (throttle, verified) = self.throttle.attempt(
            now,
            password_allowance(&policy.throttle),
            &policy.throttle,
            // F4: compared in the form it was stored in (NFKC under strict); F10: text far
            // beyond the maximum cannot be the password and is neither normalised nor hashed.
            || match comparable_password(password, &policy.password) {
                Some(typed) => hasher.verify(typed.as_bytes(), &self.password_hash),
                None => Ok(false),
            },
        );
        match verified {
            Err(e) => Decision::refuse(
                Self {
                    throttle,
                    ..self.clone()
                },
                e,
            ),
            Ok(()) => {
                let remembered = device_token
                    .is_some_and(|t| self.devices.iter().any(|d| d.accepts(t, now, hasher)));
                let step = if remembered {
                    AdminStep::PrivacyNotice
                } else {
                    AdminStep::SecondFactor
                };
                let next = Self {
                    throttle,
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
