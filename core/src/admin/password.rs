//! The admin changes the password (K3), which takes effect after a delay (K5).

use chrono::{DateTime, Utc};

use super::AdminAccount;
use crate::deadline::later_or_never;
use crate::refusal::{OrKeep, Refusal, Steps};
use crate::throttle::password_allowance;
use crate::{
    AccountRef, ChangeForm, ChangeKind, Decision, Effect, PasswordContext, PasswordError, Rules,
    Strength, password::change_password,
};

/// A changed password.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass,
    pyo3::pyclass(module = "pbx_rules", frozen, get_all, eq)
)]
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct PasswordChanged {
    /// When the new password takes effect; login is refused until then (K5).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub effective_at: DateTime<Utc>,
    /// What the meter said about the new password (K2).
    #[cfg_attr(feature = "wasm", tsify(type = "StrengthData"))]
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
        ctx: &PasswordContext,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, PasswordChanged> {
        Decision::of(self, self.change_steps(form, ctx, now, rules))
    }

    fn change_steps(
        &self,
        form: ChangeForm<'_>,
        ctx: &PasswordContext,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Steps<Self, PasswordChanged> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        let allowance = password_allowance(&policy.throttle);
        (self.throttle)
            .check(now, allowance, &policy.throttle)
            .or_keep(self)?;
        let (old, new, confirmation) = (form.old, form.new, form.confirmation);
        let stored = &self.password_hash;
        let done = match change_password(
            old,
            new,
            confirmation,
            stored,
            hasher,
            ctx,
            &policy.password,
        ) {
            Err(PasswordError::OldWrong) => {
                let counted = Self {
                    throttle: self.throttle.failed(now),
                    ..self.clone()
                };
                return Err(Refusal::with(counted, PasswordError::OldWrong));
            }
            other => other.or_keep(self)?,
        };
        let effective_at = later_or_never(now, policy.password.propagation_delay());
        let next = self.with_password(done.hash, effective_at);
        let changed = PasswordChanged {
            effective_at,
            strength: done.accepted.strength,
        };
        Ok(
            Decision::new(next, Ok(changed)).with([Effect::NotifyCredentialChanged {
                account: AccountRef::Admin,
                how: ChangeKind::ChangedByOwner,
            }]),
        )
    }
}
