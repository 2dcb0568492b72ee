//! Random secrets from the OS CSPRNG (R1, R2, R4, A2).

use pbx_rules as rules;
use pyo3::prelude::*;

use crate::error::Result;
use crate::password::context;
use crate::policy::{
    PasswordPolicy, PinPolicy, SecondFactorPolicy, password_or_default, pin_or_default,
};
use pyo3_stub_gen::derive::gen_stub_pyfunction;

/// A random PIN that is never the default, never refused by the app, never trivial (R2).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (policy = None, *, extension_digits = None, names = Vec::new()))]
pub fn generate_pin(
    policy: Option<PyRef<'_, PinPolicy>>,
    extension_digits: Option<&str>,
    names: Vec<String>,
) -> Result<rules::Pin> {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let ctx = rules::PinContext {
        extension_digits,
        names: &names,
        phone_number: None,
    };
    Ok(rules::generate_pin(
        &pin_or_default(policy.as_deref()),
        &ctx,
    )?)
}

/// A random password that passes K1 and reaches level green (R1).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (policy = None, *, head_number = None, company_name = None, admin_email = None, second_factor = false))]
pub fn generate_password(
    policy: Option<PyRef<'_, PasswordPolicy>>,
    head_number: Option<&str>,
    company_name: Option<&str>,
    admin_email: Option<&str>,
    second_factor: bool,
) -> Result<rules::Password> {
    let ctx = context(head_number, company_name, admin_email, second_factor);
    Ok(rules::generate_password(
        &password_or_default(policy.as_deref()),
        &ctx,
    )?)
}

/// A second-factor code (A2).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (policy = None))]
pub fn generate_code(policy: Option<PyRef<'_, SecondFactorPolicy>>) -> Result<rules::OneTimeCode> {
    let policy = policy.map_or_else(rules::SecondFactorPolicy::centrexx, |p| p.0.clone());
    Ok(rules::generate_code(&policy)?)
}
