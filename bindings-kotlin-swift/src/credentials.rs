//! PIN and password rules, the strength meter and random secrets (P1, P3, P8, K1–K4, R4).
//! Typed secrets cross as strings; accepted and generated ones come back opaque
//! (`SecretText`: `toString()` is `***`, the plaintext only through `expose()`).

use std::sync::Arc;

use pbx_rules::{
    AcceptedPassword, AcceptedPin, E164, Lang, OneTimeCode, Password, Pin, Policy, Strength,
    Suggestion, TrivialPinFinding, Warning,
};

use crate::error::{RuleError, rule_error};
use crate::number::e164;

/// What the PIN checks may know about the user besides the PIN (P3): extension digits,
/// names and the extension's full number.
#[derive(Debug, uniffi::Object)]
pub struct PinContext {
    extension_digits: Option<String>,
    names: Vec<String>,
    phone_number: Option<E164>,
}

/// The guessable inputs of K4 and whether the account has a second factor.
#[derive(Debug, uniffi::Object)]
pub struct PasswordContext {
    head_number: Option<String>,
    company_name: Option<String>,
    admin_email: Option<String>,
    second_factor: bool,
}

#[uniffi::export]
impl PinContext {
    /// A context; every part optional.
    /// Throws `RuleError.Number` for a phone number that is not E.164.
    #[uniffi::constructor(default(extension_digits = None, names = [], phone_number = None))]
    pub fn new(
        extension_digits: Option<String>,
        names: Vec<String>,
        phone_number: Option<String>,
    ) -> Result<Arc<Self>, RuleError> {
        let phone_number = phone_number.as_deref().map(e164).transpose()?;
        Ok(Arc::new(Self {
            extension_digits,
            names,
            phone_number,
        }))
    }
}

impl PinContext {
    pub(crate) fn with<T>(&self, f: impl FnOnce(&pbx_rules::PinContext<'_>) -> T) -> T {
        let names: Vec<&str> = self.names.iter().map(String::as_str).collect();
        f(&pbx_rules::PinContext {
            extension_digits: self.extension_digits.as_deref(),
            names: &names,
            phone_number: self.phone_number.as_ref(),
        })
    }
}

#[uniffi::export]
impl PasswordContext {
    /// A context; every part optional.
    #[uniffi::constructor(default(
        head_number = None,
        company_name = None,
        admin_email = None,
        second_factor = false
    ))]
    pub fn new(
        head_number: Option<String>,
        company_name: Option<String>,
        admin_email: Option<String>,
        second_factor: bool,
    ) -> Arc<Self> {
        Arc::new(Self {
            head_number,
            company_name,
            admin_email,
            second_factor,
        })
    }
}

impl PasswordContext {
    pub(crate) fn core(&self) -> pbx_rules::PasswordContext<'_> {
        pbx_rules::PasswordContext {
            head_number: self.head_number.as_deref(),
            company_name: self.company_name.as_deref(),
            admin_email: self.admin_email.as_deref(),
            second_factor: self.second_factor,
        }
    }
}

/// P1: the shape of a PIN.
/// Throws `RuleError.Pin`.
#[uniffi::export]
pub fn parse_pin(text: String, policy: Policy) -> Result<Pin, RuleError> {
    Pin::parse(&text, &policy.pin).map_err(rule_error)
}

/// P3: every reason why a PIN is easy to guess (empty for a good one).
#[uniffi::export]
pub fn trivial_pin_findings(pin: Pin, ctx: &PinContext, policy: Policy) -> Vec<TrivialPinFinding> {
    ctx.with(|c| pin.trivial_findings(c, &policy.pin))
}

/// P1, P3: a new PIN typed twice, with the trivial-PIN checks.
/// Throws `RuleError.Pin` (`PIN_TRIVIAL` with its findings in `details`).
#[uniffi::export]
pub fn validate_new_pin(
    new: String,
    confirmation: String,
    ctx: &PinContext,
    policy: Policy,
) -> Result<AcceptedPin, RuleError> {
    ctx.with(|c| pbx_rules::validate_new_pin(&new, &confirmation, c, &policy.pin))
        .map_err(rule_error)
}

/// P8: whether the mobile app may log in with this PIN and mobile number.
/// Throws `RuleError.Pin`.
#[uniffi::export]
pub fn mobile_app_check(pin: Pin, mobile: Option<E164>, policy: Policy) -> Result<(), RuleError> {
    pbx_rules::mobile_app_check(&pin, mobile.as_ref(), &policy.pin).map_err(rule_error)
}

/// K1: the shape of a password.
/// Throws `RuleError.Password`.
#[uniffi::export]
pub fn parse_password(
    text: String,
    policy: Policy,
    second_factor: bool,
) -> Result<Password, RuleError> {
    Password::parse(&text, &policy.password, second_factor).map_err(rule_error)
}

/// K2: the meter's colour, score, warning and suggestions.
#[uniffi::export]
pub fn evaluate_password(password: String, ctx: &PasswordContext, policy: Policy) -> Strength {
    pbx_rules::evaluate(&password, &ctx.core(), &policy.password)
}

/// K1–K4: a new password typed twice, with the blocklist and the minimum strength.
/// Throws `RuleError.Password`.
#[uniffi::export]
pub fn validate_new_password(
    new: String,
    confirmation: String,
    ctx: &PasswordContext,
    policy: Policy,
) -> Result<AcceptedPassword, RuleError> {
    pbx_rules::validate_new_password(&new, &confirmation, &ctx.core(), &policy.password)
        .map_err(rule_error)
}

/// The meter's warning as the user reads it.
#[uniffi::export]
pub fn warning_text(warning: Warning, lang: Lang) -> String {
    warning.message(lang).to_owned()
}

/// A suggestion of the meter as the user reads it.
#[uniffi::export]
pub fn suggestion_text(suggestion: Suggestion, lang: Lang) -> String {
    suggestion.message(lang).to_owned()
}

/// R4: a random PIN the policy accepts.
/// Throws `RuleError.Generate`.
#[uniffi::export]
pub fn generate_pin(policy: Policy, ctx: &PinContext) -> Result<Pin, RuleError> {
    ctx.with(|c| pbx_rules::generate_pin(&policy.pin, c))
        .map_err(rule_error)
}

/// R4: a random password the policy accepts.
/// Throws `RuleError.Generate`.
#[uniffi::export]
pub fn generate_password(policy: Policy, ctx: &PasswordContext) -> Result<Password, RuleError> {
    pbx_rules::generate_password(&policy.password, &ctx.core()).map_err(rule_error)
}

/// A random second-factor code (A2).
/// Throws `RuleError.Generate`.
#[uniffi::export]
pub fn generate_code(policy: Policy) -> Result<OneTimeCode, RuleError> {
    pbx_rules::generate_code(&policy.second_factor).map_err(rule_error)
}
