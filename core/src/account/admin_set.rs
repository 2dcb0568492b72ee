//! The admin sets a PIN without the old one (P4), which lifts a lock (P5, G5).

use chrono::{DateTime, Utc};

use super::{ExtensionAccount, PinOrigin};
use crate::refusal::{OrKeep, Refusal, Steps};
use crate::{
    AccountRef, Action, Actor, ChangeKind, Decision, Effect, Pin, PinError, Rules, authorize,
};

impl ExtensionAccount {
    /// The admin sets a new PIN, typed twice, that passes P1 (P4). It starts a new change
    /// window and lifts the P5 and throttle locks, and voids a pending forgot-PIN PIN; the
    /// user must change it at the next login (P5, P6). No P10 delay: the phone restarts. The admin may set the default PIN again (the seed lets the admin set
    /// any PIN); it then shows in P7's list.
    ///
    /// Effects: sync to voicemail and phonebook, restart the phone once (P9), notify.
    pub fn set_pin_by_admin(
        &self,
        actor: &Actor,
        new: &str,
        confirmation: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, ()> {
        Decision::of(
            self,
            self.admin_set_steps(actor, new, confirmation, now, rules),
        )
    }

    fn admin_set_steps(
        &self,
        actor: &Actor,
        new: &str,
        confirmation: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Steps<Self, ()> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        let extension = self.extension.clone();
        authorize(actor, &Action::SetPin { extension }).or_keep(self)?;
        let pin = Pin::parse_with(new, &policy.pin).or_keep(self)?;
        if !pin.matches(confirmation) {
            return Err(Refusal::keep(self, PinError::Mismatch));
        }
        let hash = hasher.hash(pin.expose().as_bytes()).or_keep(self)?;
        let next = self.with_pin(
            hash,
            pin.expose().len(),
            pin.is_default(&policy.pin),
            PinOrigin::Admin,
            now,
        );
        let extension = self.extension.clone();
        Ok(Decision::new(next, Ok(())).with([
            Effect::SyncPin {
                extension: extension.clone(),
                pin,
            },
            Effect::RestartPhone {
                extension: extension.clone(),
            },
            Effect::NotifyCredentialChanged {
                account: AccountRef::Extension(extension),
                how: ChangeKind::SetByAdmin,
            },
        ]))
    }
}
