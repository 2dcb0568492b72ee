//! Forgot PIN (R2, R3).

use chrono::{DateTime, Utc};

use super::{RecoveryError, answer};
use crate::account::PinOrigin;
use crate::{
    AccountRef, ChangeKind, Decision, Effect, ExtensionAccount, ExtensionMasterData, PbxMasterData,
    PinContext, Rules, Secret, SecretPurpose, generate_pin,
};

/// Forgot PIN (R2): the user typed the extension's number; the host looked up the
/// extension (`None` when there is none). Offered only while the admin allows self-service
/// reset (R3) and the extension has an e-mail address; without one the admin contact is
/// notified instead. The new random PIN is never `0000`, `1234` or trivial, goes to the
/// user's e-mail, reaches voicemail and phonebook (P9), and counts as admin-set (P5). A
/// locked user login (P5, G5) stays locked: only the admin lifts it.
pub fn forgot_pin(
    pbx: &PbxMasterData,
    extension: Option<(&ExtensionMasterData, &ExtensionAccount)>,
    now: DateTime<Utc>,
    rules: &Rules,
) -> Decision<Option<ExtensionAccount>, ()> {
    let (policy, hasher) = (rules.policy(), rules.hasher());
    let Some((master, account)) = extension else {
        return answer(None, RecoveryError::UnknownExtension, policy);
    };
    if account.is_locked(now, policy) {
        return answer(Some(account.clone()), RecoveryError::AccountLocked, policy);
    }
    if !pbx.self_service_pin_reset() {
        return answer(Some(account.clone()), RecoveryError::SelfServiceOff, policy);
    }
    let Some(to) = master.email.as_deref().filter(|e| !e.trim().is_empty()) else {
        return answer(Some(account.clone()), RecoveryError::NoUserEmail, policy).with([
            Effect::NotifyAdminNoUserEmail {
                extension: master.digits.clone(),
            },
        ]);
    };
    let names: Vec<&str> = master
        .name
        .split_whitespace()
        .chain([master.name.as_str()])
        .collect();
    let ctx = PinContext {
        extension_digits: Some(master.digits.as_str()),
        names: &names,
    };
    let pin = match generate_pin(&policy.pin, &ctx) {
        Ok(p) => p,
        Err(e) => return Decision::refuse(Some(account.clone()), e),
    };
    let hash = match hasher.hash(pin.expose().as_bytes()) {
        Ok(h) => h,
        Err(e) => return Decision::refuse(Some(account.clone()), e),
    };
    let next = account.with_pin(hash, pin.expose().len(), false, PinOrigin::Reset, now);
    let ext = master.digits.clone();
    Decision::new(Some(next), Ok(())).with([
        Effect::SendSecret {
            to: to.to_owned(),
            purpose: SecretPurpose::PinReset,
            secret: Secret::Pin(pin.clone()),
        },
        Effect::SyncPin {
            extension: ext.clone(),
            pin,
        },
        Effect::NotifyCredentialChanged {
            account: AccountRef::Extension(ext),
            how: ChangeKind::Reset,
        },
    ])
}
