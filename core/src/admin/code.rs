//! Extended rights by a mailed code (A2, A3).
//!
//! The code is random, kept only as a hash, valid for the policy's lifetime (15 minutes in
//! centrexx: at 14:59 it works, at 15:00 it does not), used once, and void after too many
//! wrong entries. A resend replaces the code but not the count of wrong entries, and once
//! the session's entries are used up no further code is mailed (I4). Wrong codes also count
//! against the admin account over all sessions, with the throttle's delays and lock (F7).

use chrono::{DateTime, Utc};

use super::session::PendingCode;
use super::{AdminAccount, AdminSession, AdminStep, DeviceToken};
use crate::attempt::{Try, attempt};
use crate::deadline::valid_until;
use crate::refusal::{OrKeep, Refusal, Steps};
use crate::{
    Decision, Effect, Error, LoginError, RecoveryError, Rules, Secret, SecretPurpose, generate_code,
};

impl AdminSession {
    /// Mails a new code for extended rights to the admin address (A2), at the second-factor
    /// step or later in the session (A3: the admin may need them after all). Refused once
    /// the session's wrong entries are used up (I4): a new login starts afresh. No code is
    /// mailed that the PBX's admin `account` could not accept (S7): none while its wrong codes
    /// have locked it, none while its throttle waits past the code's lifetime.
    pub fn request_code(
        &self,
        account: &AdminAccount,
        admin_email: Option<&str>,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, ()> {
        Decision::of(self, self.request_steps(account, admin_email, now, rules))
    }

    fn request_steps(
        &self,
        account: &AdminAccount,
        admin_email: Option<&str>,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Steps<Self, ()> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        if self.code_failures >= crate::policy::unsigned(policy.session.max_code_failures) {
            return Err(Refusal::keep(self, LoginError::CodeAttemptsUsedUp));
        }
        let lifetime_end = valid_until(now, policy.second_factor.code_lifetime());
        let gate = account.code_throttle.check(
            now,
            crate::policy::unsigned(policy.second_factor.account_allowance),
            &policy.throttle,
        );
        match gate {
            Err(LoginError::Throttled { retry_at })
                if lifetime_end.is_some_and(|end| end > retry_at) => {}
            Err(refused) => return Err(Refusal::keep(self, refused)),
            Ok(()) => {}
        }
        let Some(to) = admin_email.filter(|e| !e.trim().is_empty()) else {
            return Err(Refusal::keep(self, RecoveryError::NoAdminEmail));
        };
        let code = generate_code(rules).or_keep(self)?;
        let hash = hasher.hash(code.expose().as_bytes()).or_keep(self)?;
        let next = Self {
            pending_code: Some(PendingCode {
                hash,
                issued_at: now,
            }),
            ..self.clone()
        };
        Ok(Decision::new(next, Ok(())).with([Effect::SendSecret {
            to: to.to_owned(),
            purpose: SecretPurpose::ExtendedRightsCode,
            secret: Secret::Code(code),
        }]))
    }

    /// Checks a typed code (A2) for the PBX's admin `account`. Right: the session gains
    /// extended rights; at the second-factor step it moves on, and the browser is
    /// remembered with a new token (the outcome; store its record with
    /// [`AdminAccount::remember`]). Only a confirmed code remembers a browser: continuing
    /// without extended rights checks no second factor, so it must not skip the step next
    /// time.
    ///
    /// Wrong codes count in the session (the code is void after the policy's number) and
    /// against the account (F7): past the throttle's free failures each try waits longer,
    /// and at the policy's account allowance no code is checked until a mailed password is
    /// used. A right code resets the account's count. The state is the session and the
    /// account, both to store.
    pub fn confirm_code(
        &self,
        account: &AdminAccount,
        code: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<(Self, AdminAccount), Option<DeviceToken>> {
        let before = (self.clone(), account.clone());
        Decision::of(&before, self.confirm_steps(&before, code, now, rules))
    }

    /// `before` is this session with the account.
    fn confirm_steps(
        &self,
        before: &(Self, AdminAccount),
        code: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Steps<(Self, AdminAccount), Option<DeviceToken>> {
        let policy = rules.policy();
        let account = &before.1;
        let Some(pending) = &self.pending_code else {
            return Err(Refusal::keep(before, LoginError::NoCodePending));
        };
        let voided = |error: LoginError| {
            let session = Self {
                pending_code: None,
                ..self.clone()
            };
            Refusal::with((session, account.clone()), error)
        };
        if self.code_failures >= crate::policy::unsigned(policy.session.max_code_failures) {
            return Err(voided(LoginError::NoCodePending));
        }
        let expired = pending
            .issued_at
            .checked_add_signed(policy.second_factor.code_lifetime())
            .is_none_or(|end| now >= end);
        if expired {
            return Err(voided(LoginError::CodeExpired));
        }
        let (code_throttle, verified) = attempt(
            &account.code_throttle,
            crate::policy::unsigned(policy.second_factor.account_allowance),
            now,
            rules,
            Try {
                // F10: far too long to be a code: wrong (and counted), at the same cost.
                typed: (!crate::pin::beyond_any_pin(code)).then_some(code.as_bytes()),
                current: &pending.hash,
                mailed: None,
                mailed_passes_lock: false,
            },
        );
        // A checked and wrong code raised the count; a throttled try was not checked.
        let counted = code_throttle.failures > account.code_throttle.failures;
        let account = AdminAccount {
            code_throttle,
            ..account.clone()
        };
        match verified {
            Ok(_) => self.with_extended_rights(account, now, rules),
            Err(Error::Login(LoginError::WrongCredentials)) if counted => Err(Refusal::with(
                (self.after_wrong_code(rules), account),
                LoginError::CodeWrong,
            )),
            Err(e) if counted => Err(Refusal::with((self.after_wrong_code(rules), account), e)),
            Err(e) => Err(Refusal::with((self.clone(), account), e)),
        }
    }

    /// The session after one more wrong code: void once the session's entries are used up.
    fn after_wrong_code(&self, rules: &Rules) -> Self {
        let failures = self.code_failures.saturating_add(1);
        let void = failures >= crate::policy::unsigned(rules.policy().session.max_code_failures);
        Self {
            code_failures: failures,
            pending_code: if void {
                None
            } else {
                self.pending_code.clone()
            },
            ..self.clone()
        }
    }

    fn with_extended_rights(
        &self,
        account: AdminAccount,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Steps<(Self, AdminAccount), Option<DeviceToken>> {
        let granted = Self {
            extended_rights: true,
            pending_code: None,
            code_failures: 0,
            ..self.clone()
        };
        if self.step != AdminStep::SecondFactor {
            return Ok(Decision::new((granted, account), Ok(None)));
        }
        let next = match granted.advance_from(AdminStep::SecondFactor) {
            Ok(next) => next,
            Err(e) => return Err(Refusal::with((self.clone(), account), e)),
        };
        // Extended rights hold even if no browser token could be drawn: the error reports it.
        let token = DeviceToken::issue(now, rules).map(Some);
        Ok(Decision::new((next, account), token))
    }
}
