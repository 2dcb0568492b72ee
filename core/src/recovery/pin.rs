//! Forgot PIN (R2, R3), which never takes the working PIN away (F3).

use crate::refusal::{OrKeep, Refusal, Steps};
use chrono::{DateTime, Utc};

use super::{Mailed, PendingReset, RecoveryError, answer, same_as_granted};
use crate::{
    Decision, Effect, ExtensionAccount, ExtensionMasterData, PbxMasterData, PermissionError,
    PinContext, Rules, Secret, SecretPurpose, generate_pin,
};

/// Forgot PIN (R2): the user typed the extension's number; the host looked up the
/// extension (`None` when there is none) with its master data, which must be this
/// extension's (I8: refused with [`PermissionError::MasterDataMismatch`] otherwise, so no
/// PIN reaches another extension's owner). Offered only while the admin allows
/// self-service reset for the PBX and for this extension (R3) and the extension has an
/// e-mail address; without one the admin contact is notified instead. A locked user login
/// (P5, G5) stays locked: only the admin lifts it.
///
/// The new random PIN is never `0000`, `1234` or trivial and goes to the user's e-mail.
/// The request proves nothing about the requester, so it takes nothing away (F3): the old
/// PIN keeps working (and keeps its failure count, F2), the mailed one is kept beside it
/// until the policy's lifetime ends. Its first login replaces the old PIN, reaches
/// voicemail and phonebook (P9) and counts as admin-set (P5); see
/// [`ExtensionAccount::login`]. Only the policy's number of requests per hour mails a PIN;
/// further ones get the same answer and change nothing. Under uniform answers every path
/// takes as long as a granted one (F5).
///
/// # Examples
/// ```
/// use pbx_rules::{
///     forgot_pin, BaseNumber, E164, Effect, ExtensionAccount, ExtensionDigits,
///     ExtensionMasterData, NumberPlan, PbxMasterData, Rules,
/// };
/// let rules = Rules::centrexx();
/// let now = "2026-01-05T09:00:00Z".parse()?;
/// let base = BaseNumber::parse(&NumberPlan::germany(), "06131 62468")?;
/// let pbx = PbxMasterData::new(base, ExtensionDigits::parse("0")?, E164::parse("+4961316246899")?);
/// let digits = ExtensionDigits::parse("10")?;
/// let mut master = ExtensionMasterData::new(digits.clone(), "Erika Muster");
/// master.email = Some("erika@example.com".into());
/// let account = ExtensionAccount::create(digits, now, &rules)?.account;
///
/// let request = forgot_pin(&pbx, Some((&master, &account)), now, &rules);
/// assert!(request.outcome.is_ok());
/// assert!(request.effects.iter().any(|e| matches!(e, Effect::SendSecret { .. })));
/// // The default PIN still works until the mailed one is first used (R5).
/// let account = request.state.ok_or("the extension exists")?;
/// assert!(account.login("0000", now, &rules).outcome.is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn forgot_pin(
    pbx: &PbxMasterData,
    extension: Option<(&ExtensionMasterData, &ExtensionAccount)>,
    now: DateTime<Utc>,
    rules: &Rules,
) -> Decision<Option<ExtensionAccount>, ()> {
    let before = extension.map(|(_, account)| account.clone());
    Decision::of(&before, request(pbx, extension, now, rules))
}

fn request(
    pbx: &PbxMasterData,
    extension: Option<(&ExtensionMasterData, &ExtensionAccount)>,
    now: DateTime<Utc>,
    rules: &Rules,
) -> Steps<Option<ExtensionAccount>, ()> {
    let (policy, hasher) = (rules.policy(), rules.hasher());
    let Some((master, account)) = extension else {
        return Ok(answer(
            None,
            RecoveryError::UnknownExtension,
            rules,
            Mailed::Pin,
        ));
    };
    if master.digits != account.extension {
        // A host bug, not a question of enumeration: named under every policy.
        return Err(Refusal::with(
            Some(account.clone()),
            PermissionError::MasterDataMismatch,
        ));
    }
    if account.is_locked(now, rules) {
        return Ok(answer(
            Some(account.clone()),
            RecoveryError::AccountLocked,
            rules,
            Mailed::Pin,
        ));
    }
    if !pbx.self_service_pin_reset() || !master.self_service_pin_reset() {
        return Ok(answer(
            Some(account.clone()),
            RecoveryError::SelfServiceOff,
            rules,
            Mailed::Pin,
        ));
    }
    if !account.recovery.allows(
        now,
        crate::policy::unsigned(policy.recovery.requests_per_hour),
    ) {
        return Ok(same_as_granted(Some(account.clone()), rules, Mailed::Pin));
    }
    let logged = ExtensionAccount {
        recovery: account.recovery.record(now),
        ..account.clone()
    };
    let Some(to) = master.email.as_deref().filter(|e| !e.trim().is_empty()) else {
        return Ok(
            answer(Some(logged), RecoveryError::NoUserEmail, rules, Mailed::Pin).with([
                Effect::NotifyAdminNoUserEmail {
                    extension: master.digits.clone(),
                },
            ]),
        );
    };
    let ctx = PinContext::for_extension(pbx, master);
    let unchanged = Some(account.clone());
    let pin = generate_pin(&ctx, rules).or_keep(&unchanged)?;
    let hash = hasher
        .hash_alike(pin.expose().as_bytes(), &account.pin_hash)
        .or_keep(&unchanged)?;
    let next = ExtensionAccount {
        pending_reset: Some(PendingReset {
            hash,
            len: pin.expose().len(),
            issued_at: now,
        }),
        ..logged
    };
    Ok(Decision::new(Some(next), Ok(())).with([Effect::SendSecret {
        to: to.to_owned(),
        purpose: SecretPurpose::PinReset,
        secret: Secret::Pin(pin),
    }]))
}
