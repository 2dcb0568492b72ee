//! Parsing typed secrets (P1, K1). The secrets themselves (`Pin`, `Password`,
//! `OneTimeCode`) are the core's pyclasses: `repr()`/`str()` show `***`, the plaintext
//! comes only from `expose()` (core `boundary/python.rs`).

use pbx_rules as rules;
use pyo3::prelude::*;

use crate::error::Result;
use crate::policy::{PasswordPolicy, PinPolicy, password_or_default, pin_or_default};
use pyo3_stub_gen::derive::gen_stub_pyfunction;

/// A PIN as typed, checked against P1; raises `PinError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (text, policy = None))]
pub fn parse_pin(text: &str, policy: Option<PyRef<'_, PinPolicy>>) -> Result<rules::Pin> {
    Ok(rules::Pin::parse(text, &pin_or_default(policy.as_deref()))?)
}

/// A password as typed, checked against K1; raises `PasswordError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (text, policy = None, second_factor = false))]
pub fn parse_password(
    text: &str,
    policy: Option<PyRef<'_, PasswordPolicy>>,
    second_factor: bool,
) -> Result<rules::Password> {
    let policy = password_or_default(policy.as_deref());
    Ok(rules::Password::parse(text, &policy, second_factor)?)
}
