//! The user changes the PIN with the old one (P3), also as the forced step of P6; the
//! change reaches voicemail and phonebook (P9).

use chrono::{DateTime, Utc};

use super::{ExtensionAccount, PinOrigin};
use crate::refusal::{OrKeep, Refusal, Steps};
use crate::{
    AccountRef, Action, Actor, ChangeForm, ChangeKind, Decision, Effect, LoginError, PinContext,
    PinError, Rules, SessionStamp, TrivialPinFinding, authorize, pin::change_pin,
};

/// A changed PIN.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass,
    pyo3::pyclass(module = "pbx_rules", frozen, get_all, eq)
)]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct PinChanged {
    /// Whether this change was the mandatory step of a login (P6), which it now completes.
    pub completes_login: bool,
    /// Trivial-PIN findings the policy only warns about.
    pub warnings: Vec<TrivialPinFinding>,
    /// The session that made the change, under the new PIN: every other session of the
    /// account ends with the old PIN (G11); keep this one in place of the old stamp.
    pub session: SessionStamp,
}

impl ExtensionAccount {
    /// Changes the PIN: the old PIN verifies, the new one is typed twice and passes P1 and is
    /// not the default PIN (P3). Only the owner may (F1): the admin sets a PIN instead (P4).
    /// After an expired window only the admin can help (P5). A wrong old PIN counts as a
    /// failed login (G5); a right one is a successful verification and resets the count.
    /// Login is refused for the policy's delay after the change (P10).
    ///
    /// Effects: sync the new PIN to voicemail and phonebook (P9), notify the owner.
    pub fn change_pin(
        &self,
        actor: &Actor,
        form: ChangeForm<'_>,
        ctx: &PinContext,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, PinChanged> {
        Decision::of(self, self.change_steps(actor, form, ctx, now, rules))
    }

    fn change_steps(
        &self,
        actor: &Actor,
        form: ChangeForm<'_>,
        ctx: &PinContext,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Steps<Self, PinChanged> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        let extension = self.extension.clone();
        authorize(actor, &Action::ChangePin { extension }).or_keep(self)?;
        let allowance = self.allowance(policy);
        (self.throttle)
            .check(now, allowance, &policy.throttle)
            .or_keep(self)?;
        if let Some(since) = self.change_deadline(rules).filter(|d| now >= *d) {
            return Err(Refusal::keep(self, LoginError::PinExpired { since }));
        }
        let (old, new, confirmation) = (form.old, form.new, form.confirmation);
        let done = match change_pin(
            old,
            new,
            confirmation,
            &self.pin_hash,
            hasher,
            ctx,
            &policy.pin,
        ) {
            Err(PinError::OldWrong) => {
                let counted = Self {
                    throttle: self.throttle.failed(now),
                    ..self.clone()
                };
                return Err(Refusal::with(counted, PinError::OldWrong));
            }
            other => other.or_keep(self)?,
        };
        let pin = done.accepted.pin;
        // P10: an overflowing end reads as "pending for ever", the safe side.
        let until = now
            .checked_add_signed(policy.pin.propagation_delay())
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        let next = Self {
            pin_effective_at: Some(until),
            ..self.with_pin(done.hash, pin.expose().len(), false, PinOrigin::User, now)
        };
        let changed = PinChanged {
            completes_login: self.must_change_pin(),
            warnings: done.accepted.warnings,
            session: next.open_session(now),
        };
        Ok(Decision::new(next, Ok(changed)).with([
            Effect::SyncPin {
                extension: self.extension.clone(),
                pin,
            },
            Effect::NotifyCredentialChanged {
                account: AccountRef::Extension(self.extension.clone()),
                how: ChangeKind::ChangedByOwner,
            },
        ]))
    }
}
