//! Choosing a new PIN (P3) and the mobile app's PIN check (P8).

#[cfg(feature = "lifecycle")]
use super::rules::beyond_any_pin;
#[cfg(feature = "lifecycle")]
use crate::Hasher;
use crate::{E164, Pin, PinContext, PinError, PinPolicy, Rules, TrivialPinFinding, TrivialPinMode};

/// A new PIN that passed every rule, with the findings the policy only warns about.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass,
    pyo3::pyclass(module = "pbx_rules", frozen, get_all)
)]
#[derive(Debug)]
#[non_exhaustive]
pub struct AcceptedPin {
    /// The new PIN.
    pub pin: Pin,
    /// Trivial-PIN findings under a warning policy (empty under a refusing one).
    pub warnings: Vec<TrivialPinFinding>,
}

/// A PIN change that passed P3, ready to store. Its `Debug` shows no hash (F9).
#[cfg(feature = "lifecycle")]
#[non_exhaustive]
pub(crate) struct PinChangeOutcome {
    /// The new PIN (for P9's voicemail and phonebook, which use the PIN too).
    pub accepted: AcceptedPin,
    /// The argon2id PHC string of the new PIN, to store in place of the old one.
    pub hash: String,
}

#[cfg(feature = "lifecycle")]
impl std::fmt::Debug for PinChangeOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PinChangeOutcome")
            .field("accepted", &self.accepted)
            .finish_non_exhaustive()
    }
}

/// Checks a new PIN typed twice: P1, equal confirmation, not the default PIN, and the
/// trivial-PIN checks (a warning or a refusal, by policy).
///
/// # Errors
/// The [`PinError`] of P1, then [`PinError::Mismatch`], [`PinError::IsDefault`],
/// [`PinError::Trivial`].
///
/// # Examples
/// ```
/// use pbx_rules::{Localized, PinContext, Rules, validate_new_pin};
/// let rules = Rules::centrexx();
/// let ok = validate_new_pin("4713", "4713", &PinContext::default(), &rules)?;
/// assert!(ok.warnings.is_empty());
/// let err = validate_new_pin("0000", "0000", &PinContext::default(), &rules).unwrap_err();
/// assert_eq!(err.code(), "PIN_IS_DEFAULT");
/// # Ok::<(), pbx_rules::PinError>(())
/// ```
pub fn validate_new_pin(
    new: &str,
    confirmation: &str,
    ctx: &PinContext,
    rules: &Rules,
) -> Result<AcceptedPin, PinError> {
    check_new_pin(new, confirmation, ctx, &rules.policy().pin)
}

/// [`validate_new_pin`] under the PIN section alone.
pub(crate) fn check_new_pin(
    new: &str,
    confirmation: &str,
    ctx: &PinContext,
    policy: &PinPolicy,
) -> Result<AcceptedPin, PinError> {
    let pin = Pin::parse_with(new, policy)?;
    if !pin.matches(confirmation) {
        return Err(PinError::Mismatch);
    }
    if pin.is_default(policy) {
        return Err(PinError::IsDefault);
    }
    let findings = pin.findings(ctx, policy);
    match policy.trivial {
        TrivialPinMode::Refuse if !findings.is_empty() => Err(PinError::Trivial { findings }),
        TrivialPinMode::Refuse => Ok(AcceptedPin {
            pin,
            warnings: Vec::new(),
        }),
        TrivialPinMode::Warn => Ok(AcceptedPin {
            pin,
            warnings: findings,
        }),
    }
}

/// A user's PIN change (P3): the old PIN must verify against the stored hash, then the new
/// PIN passes [`validate_new_pin`] and, if the policy says so, differs from the old one. The
/// new PIN comes back hashed under the hasher's policy.
///
/// # Errors
/// [`PinError::OldWrong`] first, then the errors of [`validate_new_pin`],
/// [`PinError::SameAsOld`], and [`PinError::StoredHash`] for an unusable stored hash.
#[cfg(feature = "lifecycle")]
pub(crate) fn change_pin(
    old: &str,
    new: &str,
    confirmation: &str,
    stored_hash: &str,
    hasher: &Hasher,
    ctx: &PinContext,
    policy: &PinPolicy,
) -> Result<PinChangeOutcome, PinError> {
    // F10: text far beyond any PIN cannot be the old one and is not hashed.
    if beyond_any_pin(old)
        || !hasher
            .verify(old.as_bytes(), stored_hash)
            .map_err(PinError::StoredHash)?
    {
        return Err(PinError::OldWrong);
    }
    let accepted = check_new_pin(new, confirmation, ctx, policy)?;
    if policy.refuse_same_as_old && accepted.pin.matches(old) {
        return Err(PinError::SameAsOld);
    }
    let hash = hasher
        .hash(accepted.pin.expose().as_bytes())
        .map_err(PinError::StoredHash)?;
    Ok(PinChangeOutcome { accepted, hash })
}

/// Whether the mobile app may log in with this PIN (P8): not one of the refused PINs
/// (`0000`, `1234`), and the extension has a mobile number (B5).
///
/// # Errors
/// [`PinError::MobileRefused`], then [`PinError::MobileNumberMissing`].
///
/// # Examples
/// ```
/// use pbx_rules::{E164, Localized, Pin, Rules, mobile_app_check};
/// let rules = Rules::centrexx();
/// let mobile = E164::parse("+4917112345678")?;
/// let pin = Pin::parse("1234", &rules).unwrap();
/// assert_eq!(mobile_app_check(&pin, Some(&mobile), &rules).unwrap_err().code(), "PIN_MOBILE_REFUSED");
/// # Ok::<(), pbx_rules::NumberError>(())
/// ```
pub fn mobile_app_check(pin: &Pin, mobile: Option<&E164>, rules: &Rules) -> Result<(), PinError> {
    let policy = &rules.policy().pin;
    if policy
        .mobile_refused
        .iter()
        .any(|refused| pin.matches(refused))
    {
        return Err(PinError::MobileRefused);
    }
    if mobile.is_none() {
        return Err(PinError::MobileNumberMissing);
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    #[cfg(feature = "lifecycle")]
    use crate::HashPolicy;

    #[cfg(feature = "lifecycle")]
    fn hasher() -> Hasher {
        let mut policy = HashPolicy::centrexx();
        policy.m_cost_kib = 64;
        policy.t_cost = 1;
        Hasher::new(policy)
    }

    #[cfg(feature = "lifecycle")]
    #[test]
    fn p3_change_order_of_checks() {
        let policy = PinPolicy::centrexx();
        let h = hasher();
        let stored = h.hash(b"0000").unwrap();
        let ctx = PinContext::default();
        let change = |old, new, confirm| change_pin(old, new, confirm, &stored, &h, &ctx, &policy);
        assert_eq!(
            change("1111", "4713", "4713").unwrap_err(),
            PinError::OldWrong
        );
        assert_eq!(
            change("0000", "471", "471").unwrap_err(),
            PinError::TooShort { min: 4 }
        );
        assert_eq!(
            change("0000", "4713", "4714").unwrap_err(),
            PinError::Mismatch
        );
        assert_eq!(
            change("0000", "0000", "0000").unwrap_err(),
            PinError::IsDefault
        );
        let done = change("0000", "4713", "4713").unwrap();
        assert!(h.verify(b"4713", &done.hash).unwrap());
        assert!(done.accepted.warnings.is_empty());
        let warned = change("0000", "1984", "1984").unwrap();
        assert_eq!(warned.accepted.warnings, [TrivialPinFinding::Year]);
    }

    #[cfg(feature = "lifecycle")]
    #[test]
    fn p3_same_as_old_and_strict_trivial() {
        let policy = PinPolicy::strict();
        let h = hasher();
        let stored = h.hash(b"583029").unwrap();
        let ctx = PinContext::default();
        let change = |old, new, confirm| change_pin(old, new, confirm, &stored, &h, &ctx, &policy);
        assert_eq!(
            change("583029", "583029", "583029").unwrap_err(),
            PinError::SameAsOld
        );
        assert_eq!(
            change("583029", "123456", "123456").unwrap_err(),
            PinError::Trivial {
                findings: vec![TrivialPinFinding::Sequence, TrivialPinFinding::KeypadLine]
            }
        );
    }

    #[cfg(feature = "lifecycle")]
    #[test]
    fn p3_stored_hash_malformed() {
        let policy = PinPolicy::centrexx();
        let err = change_pin(
            "0000",
            "4713",
            "4713",
            "garbage",
            &hasher(),
            &PinContext::default(),
            &policy,
        );
        assert!(matches!(err, Err(PinError::StoredHash(_))));
    }

    #[test]
    fn p8_mobile_app() {
        let rules = crate::Rules::centrexx();
        let policy = PinPolicy::centrexx();
        let mobile = E164::parse("+4917112345678").unwrap();
        for refused in ["0000", "1234"] {
            let pin = Pin::parse_with(refused, &policy).unwrap();
            assert_eq!(
                mobile_app_check(&pin, Some(&mobile), &rules),
                Err(PinError::MobileRefused)
            );
        }
        let pin = Pin::parse_with("4713", &policy).unwrap();
        assert_eq!(
            mobile_app_check(&pin, None, &rules),
            Err(PinError::MobileNumberMissing)
        );
        assert_eq!(mobile_app_check(&pin, Some(&mobile), &rules), Ok(()));
        let longer = Pin::parse_with("12340", &policy).unwrap();
        assert_eq!(mobile_app_check(&longer, Some(&mobile), &rules), Ok(()));
    }
}
