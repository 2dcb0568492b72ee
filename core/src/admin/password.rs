//! The admin changes the password (K3), which takes effect after a delay (K5).

use chrono::{DateTime, Utc};

use super::AdminAccount;
use crate::deadline::later_or_never;
use crate::throttle::password_allowance;
use crate::{
    AccountRef, ChangeForm, ChangeKind, Decision, Effect, PasswordContext, PasswordError, Rules,
    Strength, change_password,
};

/// A changed password.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct PasswordChanged {
    /// When the new password takes effect; login is refused until then (K5).
    pub effective_at: DateTime<Utc>,
    /// What the meter said about the new password (K2).
    pub strength: Strength,
}

impl AdminAccount {
    /// Changes the password: the old verifies, the new matches its confirmation and passes
    /// K1, the blocklist and the minimum strength with the PBX's guessable inputs (K3, K4).
    /// It takes effect after the policy's propagation delay (K5) and forgets every
    /// remembered browser (I1). A wrong old password counts as a failed login (G5).
    pub fn change_password(
        &self,
        form: ChangeForm<'_>,
        ctx: &PasswordContext<'_>,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, PasswordChanged> {
        self.change_steps(form, ctx, now, rules).revised(self)
    }

    fn change_steps(
        &self,
        form: ChangeForm<'_>,
        ctx: &PasswordContext<'_>,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, PasswordChanged> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        if let Err(e) =
            self.throttle
                .check(now, password_allowance(&policy.throttle), &policy.throttle)
        {
            return Decision::refuse(self.clone(), e);
        }
        match change_password(
            form.old,
            form.new,
            form.confirmation,
            &self.password_hash,
            hasher,
            ctx,
            &policy.password,
        ) {
            Err(PasswordError::OldWrong) => Decision::refuse(
                Self {
                    throttle: self.throttle.failed(now),
                    ..self.clone()
                },
                PasswordError::OldWrong,
            ),
            Err(e) => Decision::refuse(self.clone(), e),
            Ok(done) => {
                let effective_at = later_or_never(now, policy.password.propagation_delay());
                let next = self.with_password(done.hash, effective_at);
                let changed = PasswordChanged {
                    effective_at,
                    strength: done.accepted.strength,
                };
                Decision::new(next, Ok(changed)).with([Effect::NotifyCredentialChanged {
                    account: AccountRef::Admin,
                    how: ChangeKind::ChangedByOwner,
                }])
            }
        }
    }
}
