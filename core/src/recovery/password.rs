//! Forgot password (R1), which never takes the working password away (F3).

use crate::refusal::{OrKeep, Steps};
use chrono::{DateTime, Utc};

use super::{Mailed, PendingReset, RecoveryError, answer, same_as_granted};
use crate::{
    AdminAccount, Decision, Effect, PasswordContext, PbxMasterData, Rules, Secret, SecretPurpose,
    generate_password,
};

/// Forgot password (R1): the admin typed the head number; the host looked up the PBX it
/// names (`None` when none has it). A new random password (K1, level green) goes to the
/// admin contact e-mail.
///
/// The request proves nothing about the requester, so it takes nothing away (F3): the old
/// password keeps working, and the mailed one is kept beside it. The mailed one works from
/// the propagation delay after the request (K5) until the policy's lifetime ends; its first
/// use replaces the old password, resets the throttle and forgets the remembered browsers
/// (see [`AdminAccount::login`]). Only the policy's number of requests per hour mails a
/// password; further ones get the same answer and change nothing. Under uniform answers
/// every path takes as long as a granted one (F5).
pub fn forgot_password(
    typed_head_number: &str,
    pbx: Option<(&PbxMasterData, &AdminAccount)>,
    now: DateTime<Utc>,
    rules: &Rules,
) -> Decision<Option<AdminAccount>, ()> {
    let before = pbx.map(|(_, account)| account.clone());
    Decision::of(&before, request(typed_head_number, pbx, now, rules))
}

fn request(
    typed_head_number: &str,
    pbx: Option<(&PbxMasterData, &AdminAccount)>,
    now: DateTime<Utc>,
    rules: &Rules,
) -> Steps<Option<AdminAccount>, ()> {
    let (policy, hasher) = (rules.policy(), rules.hasher());
    let Some((pbx, account)) = pbx.filter(|(p, _)| {
        p.base_number
            .admin_login(typed_head_number, &p.central_digits)
            .is_ok()
    }) else {
        return Ok(answer(
            None,
            RecoveryError::UnknownHeadNumber,
            rules,
            Mailed::Password,
        ));
    };
    if !account.recovery.allows(
        now,
        crate::policy::unsigned(policy.recovery.requests_per_hour),
    ) {
        return Ok(same_as_granted(
            Some(account.clone()),
            rules,
            Mailed::Password,
        ));
    }
    let logged = AdminAccount {
        recovery: account.recovery.record(now),
        ..account.clone()
    };
    let Some(to) = pbx.admin_email.as_deref().filter(|e| !e.trim().is_empty()) else {
        return Ok(answer(
            Some(logged),
            RecoveryError::NoAdminEmail,
            rules,
            Mailed::Password,
        ));
    };
    let ctx = PasswordContext::for_pbx(pbx, false);
    let unchanged = Some(account.clone());
    let password = generate_password(&ctx, rules).or_keep(&unchanged)?;
    let hash = hasher
        .hash_alike(password.expose().as_bytes(), &account.password_hash)
        .or_keep(&unchanged)?;
    let next = AdminAccount {
        pending_reset: Some(PendingReset {
            hash,
            len: 0,
            issued_at: now,
        }),
        ..logged
    };
    Ok(Decision::new(Some(next), Ok(())).with([Effect::SendSecret {
        to: to.to_owned(),
        purpose: SecretPurpose::PasswordReset,
        secret: Secret::Password(password),
    }]))
}
