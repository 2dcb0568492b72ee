//! The admin login with head number and password (A1, K5, G5), into the first step due,
//! and the first use of a forgot-password password (F3).

use chrono::{DateTime, Utc};

use super::{AdminAccount, AdminSession, AdminStep};
use crate::attempt::{Matched, Try, attempt, shown};
use crate::password::comparable_password;
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
    /// password (I6), everyone else hears "wrong". Every path hashes once (G10); under
    /// uniform answers a throttled or locked account answers "wrong" like an unknown one.
    ///
    /// A forgot-password password works too (R1, R5), from the K5 delay after the request
    /// until its lifetime ends, even while the account is throttled or locked (G9: the owner
    /// always gets back in; see [`crate::forgot_password`]): its first use replaces the old
    /// password, lifts the locks, forgets the remembered browsers (I1) and notifies the owner.
    /// Until then the old password keeps working, and a login with it voids the mailed one
    /// (R6). The session's stamp ends with the password (G11).
    ///
    /// # Examples
    /// ```
    /// use pbx_rules::{AdminAccount, AdminStep, Localized, Rules};
    /// let rules = Rules::centrexx();
    /// let now = "2026-01-05T09:00:00Z".parse()?;
    /// let admin = AdminAccount::create("Fjord-Kastanie-71", now, &rules)?;
    ///
    /// let wrong = admin.login("not the password", None, vec![], now, &rules);
    /// assert_eq!(wrong.outcome.unwrap_err().code(), "LOGIN_WRONG_CREDENTIALS");
    ///
    /// // A browser without a remembered-device token starts at the second factor (A2).
    /// let right = wrong.state.login("Fjord-Kastanie-71", None, vec![], now, &rules);
    /// assert_eq!(right.outcome?.step(), AdminStep::SecondFactor);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
        let policy = rules.policy();
        let mailed = self
            .pending_reset
            .as_ref()
            .filter(|p| !p.is_void(now, &policy.recovery));
        // F4: compared in the form it was stored in (NFKC under strict); F10: text far beyond
        // the maximum cannot be the password and is neither normalised nor compared.
        let typed = comparable_password(password, &policy.password);
        let (throttle, matched) = attempt(
            &self.throttle,
            password_allowance(&policy.throttle),
            now,
            rules,
            Try {
                typed: typed.as_ref().map(|t| t.as_bytes()),
                current: &self.password_hash,
                mailed: mailed.map(|p| p.hash.as_str()),
                mailed_passes_lock: true,
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
        let (next, effects) = match (matched, mailed) {
            (Matched::Mailed, Some(p)) => {
                // K5 runs from the request: the mailed password is not usable before.
                let from = p.usable_from(policy.password.propagation_delay());
                let Some(from) = from.filter(|from| now >= *from) else {
                    let until = from.unwrap_or(DateTime::<Utc>::MAX_UTC);
                    return Err(Refusal::with(next, LoginError::PasswordPending { until }));
                };
                // S1: its first use lifts the password and code locks too.
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
            // R6: the owner's own password voids a mailed one nobody asked for any more.
            _ => (
                Self {
                    pending_reset: None,
                    ..next
                },
                Vec::new(),
            ),
        };
        if now < next.effective_at {
            let until = next.effective_at;
            return Err(Refusal::with(next, LoginError::PasswordPending { until }));
        }
        Ok(next
            .start_session(device_token, default_pin_extensions, now)
            .with(effects))
    }

    /// The session after a right password: the second factor unless the browser is
    /// remembered (A2); expired browsers are dropped.
    fn start_session(
        &self,
        device_token: Option<&str>,
        default_pin_extensions: Vec<ExtensionDigits>,
        now: DateTime<Utc>,
    ) -> Decision<Self, AdminSession> {
        let remembered =
            device_token.is_some_and(|t| self.devices.iter().any(|d| d.accepts(t, now)));
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
        let session = AdminSession::start(step, default_pin_extensions, next.open_session(now));
        Decision::new(next, Ok(session))
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
