//! Admin password rules (K1–K4) and the strength meter (K2). `Strength` and
//! `AcceptedPassword` are the core's pyclasses.

use pbx_rules as rules;
use pyo3::prelude::*;

use crate::backup::PbxMasterData;
use crate::error::Result;
use crate::lifecycle::Rules;
use pyo3_stub_gen::derive::gen_stub_pyfunction;

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
