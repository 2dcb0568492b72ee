//! PIN rules (P1, P3, P8): new PINs typed twice, the app check, trivial-PIN findings.

use pbx_rules as rules;
use pyo3::prelude::*;

use crate::backup::{ExtensionMasterData, PbxMasterData};
use crate::error::Result;
use crate::lifecycle::Rules;
use pyo3_stub_gen::derive::gen_stub_pyfunction;

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
