//! Random secrets from the OS CSPRNG (R1, R2, R4, A2).

use pbx_rules as rules;
use pyo3::prelude::*;

use crate::error::Result;
use crate::lifecycle::Rules;
use pyo3_stub_gen::derive::gen_stub_pyfunction;

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
