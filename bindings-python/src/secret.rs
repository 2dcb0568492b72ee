//! Parsing typed secrets (P1, K1). The secrets themselves (`Pin`, `Password`,
//! `OneTimeCode`) are the core's pyclasses: `repr()`/`str()` show `***`, the plaintext
//! comes only from `expose()` (core `boundary/python.rs`).

use pbx_rules as rules;
use pyo3::prelude::*;

use crate::error::Result;
use crate::lifecycle::Rules;
use pyo3_stub_gen::derive::gen_stub_pyfunction;

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
