//! Credentials (P1, P3, P8, K1–K4, R1, R2, R4, A2): parsing, checking and generating PINs,
//! passwords and codes, the meter, and the contexts from the master data. The secrets,
//! contexts, accepted values and the meter's verdict are the core's pyclasses (`repr()` of a
//! secret shows `***`; the plaintext comes only from `expose()`).

use pbx_rules as rules;
use pyo3::prelude::*;
use pyo3_stub_gen::derive::gen_stub_pyfunction;

use crate::backup::{ExtensionMasterData, PbxMasterData};
use crate::error::Result;
use crate::lifecycle::Rules;

/// A PIN as typed, checked against P1; raises `PinError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn parse_pin(text: &str, rules: &Rules) -> Result<rules::Pin> {
    Ok(rules::Pin::parse(text, &rules.0)?)
}

/// A password as typed, checked against K1; raises `PasswordError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn parse_password(text: &str, second_factor: bool, rules: &Rules) -> Result<rules::Password> {
    Ok(rules::Password::parse(text, second_factor, &rules.0)?)
}

/// What the PIN checks know of an extension's user (P1): its digits, its full number under
/// the PBX's base number and the user's names, from the master data.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn pin_context_for_extension(
    pbx: &PbxMasterData,
    extension: &ExtensionMasterData,
) -> rules::PinContext {
    rules::PinContext::for_extension(&pbx.0, &extension.0)
}

/// A new PIN typed twice (P1, P3); raises `PinError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn validate_new_pin(
    new: &str,
    confirmation: &str,
    ctx: &rules::PinContext,
    rules: &Rules,
) -> Result<rules::AcceptedPin> {
    Ok(rules::validate_new_pin(new, confirmation, ctx, &rules.0)?)
}

/// Whether the mobile app may log in with this PIN (P8); raises `PinError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn mobile_app_check(pin: &rules::Pin, mobile: Option<&str>, rules: &Rules) -> Result<()> {
    let mobile = mobile.map(rules::E164::parse).transpose()?;
    Ok(rules::mobile_app_check(pin, mobile.as_ref(), &rules.0)?)
}

/// Every reason why the PIN is easy to guess; empty for a good PIN.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn trivial_pin_findings(
    pin: &rules::Pin,
    ctx: &rules::PinContext,
    rules: &Rules,
) -> Vec<rules::TrivialPinFinding> {
    pin.trivial_findings(ctx, &rules.0)
}

/// The meter for a password (K2, K4); never raises.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn evaluate(password: &str, ctx: &rules::PasswordContext, rules: &Rules) -> rules::Strength {
    rules::evaluate(password, ctx, &rules.0)
}

/// The K4 inputs of the PBX's master data: its head number, company name and admin e-mail.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (pbx, second_factor = false))]
pub fn password_context_for_pbx(
    pbx: &PbxMasterData,
    second_factor: bool,
) -> rules::PasswordContext {
    rules::PasswordContext::for_pbx(&pbx.0, second_factor)
}

/// A new password typed twice (K1–K4); raises `PasswordError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn validate_new_password(
    new: &str,
    confirmation: &str,
    ctx: &rules::PasswordContext,
    rules: &Rules,
) -> Result<rules::AcceptedPassword> {
    Ok(rules::validate_new_password(
        new,
        confirmation,
        ctx,
        &rules.0,
    )?)
}

/// A random PIN that is never the default, never refused by the app, never trivial (R2).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn generate_pin(ctx: &rules::PinContext, rules: &Rules) -> Result<rules::Pin> {
    Ok(rules::generate_pin(ctx, &rules.0)?)
}

/// A random password that passes K1 and reaches level green (R1).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn generate_password(ctx: &rules::PasswordContext, rules: &Rules) -> Result<rules::Password> {
    Ok(rules::generate_password(ctx, &rules.0)?)
}

/// A second-factor code (A2).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn generate_code(rules: &Rules) -> Result<rules::OneTimeCode> {
    Ok(rules::generate_code(&rules.0)?)
}
