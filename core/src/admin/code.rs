//! Extended rights by a mailed code (A2, A3).
//!
//! The code is random, kept only as a hash, valid for the policy's lifetime (15 minutes in
//! centrexx: at 14:59 it works, at 15:00 it does not), used once, and void after too many
//! wrong entries. A resend replaces the code but not the count of wrong entries.

use chrono::{DateTime, Utc};

use super::session::PendingCode;
use super::{AdminSession, AdminStep, DeviceToken};
use crate::deadline::valid_until;
use crate::{
    Decision, Effect, LoginError, RecoveryError, Rules, Secret, SecretPurpose, generate_code,
};

impl AdminSession {
    /// Mails a new code for extended rights to the admin address (A2), at the second-factor
    /// step or later in the session (A3: the admin may need them after all).
    pub fn request_code(
        &self,
        admin_email: Option<&str>,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, ()> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        let Some(to) = admin_email.filter(|e| !e.trim().is_empty()) else {
            return Decision::refuse(self.clone(), RecoveryError::NoAdminEmail);
        };
        let code = match generate_code(&policy.second_factor) {
            Ok(code) => code,
            Err(e) => return Decision::refuse(self.clone(), e),
        };
        let hash = match hasher.hash(code.expose().as_bytes()) {
            Ok(hash) => hash,
            Err(e) => return Decision::refuse(self.clone(), e),
        };
        let next = Self {
            pending_code: Some(PendingCode {
                hash,
                issued_at: now,
            }),
            ..self.clone()
        };
        Decision::new(next, Ok(())).with([Effect::SendSecret {
            to: to.to_owned(),
            purpose: SecretPurpose::ExtendedRightsCode,
            secret: Secret::Code(code),
        }])
    }

    /// Checks a typed code (A2). Right: the session gains extended rights; at the
    /// second-factor step it moves on, and the browser is remembered with a new token
    /// (the outcome; store its record with [`super::AdminAccount::remember`]). Only a
    /// confirmed code remembers a browser: continuing without extended rights checks no
    /// second factor, so it must not skip the step next time.
    pub fn confirm_code(
        &self,
        code: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, Option<DeviceToken>> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        let Some(pending) = &self.pending_code else {
            return Decision::refuse(self.clone(), LoginError::NoCodePending);
        };
        if self.code_failures >= policy.session.max_code_failures {
            return Decision::refuse(
                Self {
                    pending_code: None,
                    ..self.clone()
                },
                LoginError::NoCodePending,
            );
        }
        let expires_at = valid_until(pending.issued_at, policy.second_factor.code_lifetime());
        if expires_at.is_none_or(|at| now >= at) {
            return Decision::refuse(
                Self {
                    pending_code: None,
                    ..self.clone()
                },
                LoginError::CodeExpired,
            );
        }
        // F10: far too long to be a code: wrong (and counted) without hashing.
        let verified = if crate::pin::beyond_any_pin(code) {
            Ok(false)
        } else {
            hasher.verify(code.as_bytes(), &pending.hash)
        };
        match verified {
            Err(e) => Decision::refuse(self.clone(), e),
            Ok(false) => {
                let failures = self.code_failures.saturating_add(1);
                let void = failures >= policy.session.max_code_failures;
                let pending_code = if void {
                    None
                } else {
                    self.pending_code.clone()
                };
                Decision::refuse(
                    Self {
                        code_failures: failures,
                        pending_code,
                        ..self.clone()
                    },
                    LoginError::CodeWrong,
                )
            }
            Ok(true) => self.with_extended_rights(now, rules),
        }
    }

    fn with_extended_rights(
        &self,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, Option<DeviceToken>> {
        let (_policy, _hasher) = (rules.policy(), rules.hasher());
        let granted = Self {
            extended_rights: true,
            pending_code: None,
            code_failures: 0,
            ..self.clone()
        };
        if self.step != AdminStep::SecondFactor {
            return Decision::new(granted, Ok(None));
        }
        let next = match granted.advance_from(AdminStep::SecondFactor) {
            Ok(next) => next,
            Err(e) => return Decision::refuse(self.clone(), e),
        };
        match DeviceToken::issue(now, rules) {
            Ok(token) => Decision::new(next, Ok(Some(token))),
            Err(e) => Decision::new(next, Err(e)),
        }
    }
}
