//! PIN and password rules, the strength meter and random secrets (P1, P3, P8, K1–K4, R4).
//! Typed secrets cross as strings; accepted and generated ones come back opaque
//! (`SecretText`: `toString()` is `***`, the plaintext only through `expose()`). The input
//! contexts are the core's own records (`PinContext`, `PasswordContext`), built by hand or
//! from the master data.

use pbx_rules::{
    AcceptedPassword, AcceptedPin, E164, Lang, OneTimeCode, Password, PasswordContext, Pin,
    PinContext, Strength, Suggestion, TrivialPinFinding, Warning,
};

use crate::backup::{ExtensionMasterData, PbxMasterData};
use crate::error::{RuleError, rule_error};
use crate::rules::Rules;

/// P3: what the master data tells about the extension's user (digits, full number, names).
#[uniffi::export]
pub fn pin_context_for_extension(
    pbx: &PbxMasterData,
    extension: &ExtensionMasterData,
) -> PinContext {
    PinContext::for_extension(&pbx.0, &extension.0)
}

/// K4: the PBX's head number, company name and admin e-mail, and the second factor.
#[uniffi::export]
pub fn password_context_for_pbx(pbx: &PbxMasterData, second_factor: bool) -> PasswordContext {
    PasswordContext::for_pbx(&pbx.0, second_factor)
}

/// P1: the shape of a PIN.
/// Throws `RuleError.Pin`.
#[uniffi::export]
pub fn parse_pin(text: String, rules: &Rules) -> Result<Pin, RuleError> {
    Pin::parse(&text, &rules.0).map_err(rule_error)
}

/// P3: every reason why a PIN is easy to guess (empty for a good one).
/// Throws `RuleError.Number` only for a malformed `ctx.phoneNumber`.
#[uniffi::export]
pub fn trivial_pin_findings(
    pin: Pin,
    ctx: PinContext,
    rules: &Rules,
) -> Result<Vec<TrivialPinFinding>, RuleError> {
    Ok(pin.trivial_findings(&ctx, &rules.0))
}

/// P1, P3: a new PIN typed twice, with the trivial-PIN checks.
/// Throws `RuleError.Pin` (`PIN_TRIVIAL` with its findings in `details`).
#[uniffi::export]
pub fn validate_new_pin(
    new: String,
    confirmation: String,
    ctx: PinContext,
    rules: &Rules,
) -> Result<AcceptedPin, RuleError> {
    pbx_rules::validate_new_pin(&new, &confirmation, &ctx, &rules.0).map_err(rule_error)
}

/// P8: whether the mobile app may log in with this PIN and mobile number.
/// Throws `RuleError.Pin`.
#[uniffi::export]
pub fn mobile_app_check(pin: Pin, mobile: Option<E164>, rules: &Rules) -> Result<(), RuleError> {
    pbx_rules::mobile_app_check(&pin, mobile.as_ref(), &rules.0).map_err(rule_error)
}

/// K1: the shape of a password.
/// Throws `RuleError.Password`.
#[uniffi::export]
pub fn parse_password(
    text: String,
    second_factor: bool,
    rules: &Rules,
) -> Result<Password, RuleError> {
    Password::parse(&text, second_factor, &rules.0).map_err(rule_error)
}

/// K2: the meter's colour, score, warning and suggestions.
#[uniffi::export]
pub fn evaluate_password(password: String, ctx: PasswordContext, rules: &Rules) -> Strength {
    pbx_rules::evaluate(&password, &ctx, &rules.0)
}

/// K1–K4: a new password typed twice, with the blocklist and the minimum strength.
/// Throws `RuleError.Password`.
#[uniffi::export]
pub fn validate_new_password(
    new: String,
    confirmation: String,
    ctx: PasswordContext,
    rules: &Rules,
) -> Result<AcceptedPassword, RuleError> {
    pbx_rules::validate_new_password(&new, &confirmation, &ctx, &rules.0).map_err(rule_error)
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
pub fn generate_pin(ctx: PinContext, rules: &Rules) -> Result<Pin, RuleError> {
    pbx_rules::generate_pin(&ctx, &rules.0).map_err(rule_error)
}

/// R4: a random password the policy accepts.
/// Throws `RuleError.Generate`.
#[uniffi::export]
pub fn generate_password(ctx: PasswordContext, rules: &Rules) -> Result<Password, RuleError> {
    pbx_rules::generate_password(&ctx, &rules.0).map_err(rule_error)
}

/// A random second-factor code (A2).
/// Throws `RuleError.Generate`.
#[uniffi::export]
pub fn generate_code(rules: &Rules) -> Result<OneTimeCode, RuleError> {
    pbx_rules::generate_code(&rules.0).map_err(rule_error)
}
