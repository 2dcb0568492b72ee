//! The admin login with head number and password (A1, K5, G5), into the first step due,
//! and the first use of a forgot-password password (F3).

use chrono::{DateTime, Utc};

use super::{AdminAccount, AdminSession, AdminStep};
use crate::password::comparable_password;
use crate::recovery::{Matched, verify_either};
use crate::refusal::{Refusal, Steps};
use crate::throttle::password_allowance;
use crate::{AccountRef, ChangeKind, Decision, Effect, ExtensionDigits, LoginError, Rules};

impl AdminAccount {
    /// Checks the admin's password at `now` (the head number was read with
    /// [`crate::BaseNumber::admin_login`]) and starts a session at the first step due: the
    /// second factor for a browser whose `device_token` is missing or no longer valid (A2),
    /// else the privacy notice (A4). `default_pin_extensions` are the extensions still on
    /// the default PIN, for P7 (see [`crate::ExtensionAccount::has_default_pin`]).
    ///
    /// Refused when throttled (G5), for a wrong password (counted), and while a new
    /// password propagates (K5): that refusal goes only to someone who typed the new
    /// password (I6), everyone else hears "wrong".
    ///
    /// A forgot-password password works too (F3), from the K5 delay after the request until
    /// its lifetime ends: its first use replaces the old password, forgets the remembered
    /// browsers (I1) and notifies the owner. Until then the old password keeps working.
    pub fn login(
        &self,
        password: &str,
        device_token: Option<&str>,
        default_pin_extensions: Vec<ExtensionDigits>,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, AdminSession> {
        let steps = self.login_steps(password, device_token, default_pin_extensions, now, rules);
        Decision::of(self, steps)
    }

    fn login_steps(
        &self,
        password: &str,
        device_token: Option<&str>,
        default_pin_extensions: Vec<ExtensionDigits>,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Steps<Self, AdminSession> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        let mailed = self
            .pending_reset
            .as_ref()
            .filter(|p| !p.is_void(now, &policy.recovery));
        let mut matched = None;
        let (throttle, verified) = self.throttle.attempt(
            now,
            password_allowance(&policy.throttle),
            &policy.throttle,
            // F4: compared in the form it was stored in (NFKC under strict); F10: text far
            // beyond the maximum cannot be the password and is neither normalised nor hashed.
            || {
                let Some(typed) = comparable_password(password, &policy.password) else {
                    return Ok(false);
                };
                matched = verify_either(hasher, &typed, &self.password_hash, mailed)?;
                Ok(matched.is_some())
            },
        );
        let next = Self {
            throttle,
            ..self.clone()
        };
        if let Err(e) = verified {
            return Err(Refusal::with(next, e));
        }
        let (next, effects) = match (matched, mailed) {
            (Some(Matched::Mailed), Some(p)) => {
                // K5 runs from the request: the mailed password is not usable before.
                let Some(from) = p
                    .usable_from(policy.password.propagation_delay())
                    .filter(|from| now >= *from)
                else {
                    let until = p
                        .usable_from(policy.password.propagation_delay())
                        .unwrap_or(DateTime::<Utc>::MAX_UTC);
                    return Err(Refusal::with(next, LoginError::PasswordPending { until }));
                };
                let replaced = Self {
                    code_throttle: crate::throttle::Throttle::default(),
                    ..next.with_password(p.hash.clone(), from)
                };
                let notice = Effect::NotifyCredentialChanged {
                    account: AccountRef::Admin,
                    how: ChangeKind::Reset,
                };
                (replaced, vec![notice])
            }
            _ => (next, Vec::new()),
        };
        if now < next.effective_at {
            let until = next.effective_at;
            return Err(Refusal::with(next, LoginError::PasswordPending { until }));
        }
        Ok(next
            .start_session(device_token, default_pin_extensions, now, rules)
            .with(effects))
    }

    /// The session after a right password: the second factor unless the browser is
    /// remembered (A2); expired browsers are dropped.
    fn start_session(
        &self,
        device_token: Option<&str>,
        default_pin_extensions: Vec<ExtensionDigits>,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, AdminSession> {
        let hasher = rules.hasher();
        let remembered =
            device_token.is_some_and(|t| self.devices.iter().any(|d| d.accepts(t, now, hasher)));
        let step = if remembered {
            AdminStep::PrivacyNotice
        } else {
            AdminStep::SecondFactor
        };
        let next = Self {
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

    /// Stores a remembered browser issued by [`AdminSession::confirm_code`].
    #[must_use]
    pub fn remember(&self, device: super::RememberedDevice) -> Self {
        let mut next = self.clone();
        next.devices.push(device);
        next.revision = self.revision.wrapping_add(1);
        next
    }
}
