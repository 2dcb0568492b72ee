//! PIN rules for the app's forms (P1, P3, P8): a new PIN typed twice, the change with the
//! old PIN, and whether the mobile app may log in.

use std::sync::Arc;

use pbx_rules as core;

use crate::error::findings;
use crate::{Hasher, Pin, PinFinding, Policy, RuleError};

/// What the PIN checks may know about the user besides the PIN.
#[derive(Clone, Debug, Default, uniffi::Record)]
pub struct PinContext {
    /// The extension digits (`10`).
    #[uniffi(default)]
    pub extension_digits: Option<String>,
    /// Names of the user as typed in the master data.
    #[uniffi(default)]
    pub names: Vec<String>,
    /// The extension's full number in E.164 (its digits count as guessable).
    #[uniffi(default)]
    pub phone_number: Option<String>,
}

impl PinContext {
    /// Runs `f` with the core's borrowed form of this context.
    ///
    /// # Errors
    /// `NUMBER_NOT_E164` for a phone number that is not stored E.164.
    pub(crate) fn with<T>(
        &self,
        f: impl FnOnce(&core::PinContext<'_>) -> T,
    ) -> Result<T, RuleError> {
        let names: Vec<&str> = self.names.iter().map(String::as_str).collect();
        let phone = self
            .phone_number
            .as_deref()
            .map(core::E164::parse)
            .transpose()?;
        Ok(f(&core::PinContext {
            extension_digits: self.extension_digits.as_deref(),
            names: &names,
            phone_number: phone.as_ref(),
        }))
    }
}

/// A new PIN that passed every rule, with the findings the policy only warns about.
#[derive(Debug, uniffi::Record)]
pub struct AcceptedPin {
    /// The new PIN.
    pub pin: Arc<Pin>,
    /// Trivial-PIN findings under a warning policy.
    pub warnings: Vec<PinFinding>,
}

/// A PIN change that passed P3, ready to store.
#[derive(Debug, uniffi::Record)]
pub struct PinChangeOutcome {
    /// The new PIN (voicemail and phonebook use it too, P9).
    pub accepted: AcceptedPin,
    /// The argon2id PHC string to store.
    pub hash: String,
}

impl From<core::AcceptedPin> for AcceptedPin {
    fn from(a: core::AcceptedPin) -> Self {
        Self {
            warnings: findings(&a.warnings),
            pin: Arc::new(Pin(a.pin)),
        }
    }
}

impl From<core::PinChangeOutcome> for PinChangeOutcome {
    fn from(o: core::PinChangeOutcome) -> Self {
        Self {
            accepted: o.accepted.into(),
            hash: o.hash,
        }
    }
}

/// A new PIN typed twice: P1, equal confirmation, not the default, trivial-PIN checks.
///
/// # Errors
/// `RuleError::Pin` with the code of the first rule that fails.
#[uniffi::export]
pub fn validate_new_pin(
    new: String,
    confirmation: String,
    ctx: PinContext,
    policy: &Policy,
) -> Result<AcceptedPin, RuleError> {
    Ok(ctx
        .with(|c| core::validate_new_pin(&new, &confirmation, c, &policy.0.pin))??
        .into())
}

/// A user's PIN change (P3): the old PIN verifies against `stored_hash`, the new one passes
/// [`validate_new_pin`] and comes back hashed.
///
/// # Errors
/// `RuleError::Pin`: `PIN_OLD_WRONG` first, then the codes of [`validate_new_pin`];
/// `NUMBER_NOT_E164` for a context phone number that is not E.164.
#[uniffi::export]
pub fn change_pin(
    old: String,
    new: String,
    confirmation: String,
    stored_hash: String,
    hasher: &Hasher,
    ctx: PinContext,
    policy: &Policy,
) -> Result<PinChangeOutcome, RuleError> {
    Ok(ctx
        .with(|c| {
            core::change_pin(
                &old,
                &new,
                &confirmation,
                &stored_hash,
                &hasher.0,
                c,
                &policy.0.pin,
            )
        })??
        .into())
}

/// Whether the mobile app may log in with this PIN and mobile number (P8).
///
/// # Errors
/// `PIN_MOBILE_REFUSED`, `PIN_MOBILE_NUMBER_MISSING`, or `NUMBER_NOT_E164` for a mobile
/// number that is not stored E.164.
#[uniffi::export]
pub fn mobile_app_check(
    pin: &Pin,
    mobile: Option<String>,
    policy: &Policy,
) -> Result<(), RuleError> {
    let mobile = mobile.map(|m| core::E164::parse(&m)).transpose()?;
    Ok(core::mobile_app_check(
        &pin.0,
        mobile.as_ref(),
        &policy.0.pin,
    )?)
}
