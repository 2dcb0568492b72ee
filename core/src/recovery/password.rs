//! Forgot password (R1).

use chrono::{DateTime, Utc};

use super::{RecoveryError, answer};
use crate::deadline::later_or_never;
use crate::{
    AccountRef, AdminAccount, ChangeKind, Decision, Effect, PasswordContext, PbxMasterData, Rules,
    Secret, SecretPurpose, generate_password,
};

/// Forgot password (R1): the admin typed the head number; the host looked up the PBX it
/// names (`None` when none has it). A new random password (K1, level green) goes to the
/// admin contact e-mail; it takes effect after the propagation delay (K5), resets the
/// throttle (G5) and forgets the remembered browsers.
pub fn forgot_password(
    typed_head_number: &str,
    pbx: Option<(&PbxMasterData, &AdminAccount)>,
    now: DateTime<Utc>,
    rules: &Rules,
) -> Decision<Option<AdminAccount>, ()> {
    let (policy, hasher) = (rules.policy(), rules.hasher());
    let Some((pbx, account)) = pbx.filter(|(p, _)| {
        p.base_number
            .admin_login(typed_head_number, &p.central_digits)
            .is_ok()
    }) else {
        return answer(None, RecoveryError::UnknownHeadNumber, policy);
    };
    let Some(to) = pbx.admin_email.as_deref().filter(|e| !e.trim().is_empty()) else {
        return answer(Some(account.clone()), RecoveryError::NoAdminEmail, policy);
    };
    let head = pbx.head_number().map(|h| h.to_string()).ok();
    let ctx = PasswordContext {
        head_number: head.as_deref(),
        company_name: Some(pbx.company_name.as_str()),
        admin_email: Some(to),
        second_factor: false,
    };
    let password = match generate_password(&policy.password, &ctx) {
        Ok(p) => p,
        Err(e) => return Decision::refuse(Some(account.clone()), e),
    };
    let hash = match hasher.hash(password.expose().as_bytes()) {
        Ok(h) => h,
        Err(e) => return Decision::refuse(Some(account.clone()), e),
    };
    let effective_at = later_or_never(now, policy.password.propagation_delay());
    let next = account.with_password(hash, effective_at, true);
    Decision::new(Some(next), Ok(())).with([
        Effect::SendSecret {
            to: to.to_owned(),
            purpose: SecretPurpose::PasswordReset,
            secret: Secret::Password(password),
        },
        Effect::NotifyCredentialChanged {
            account: AccountRef::Admin,
            how: ChangeKind::Reset,
        },
    ])
}
