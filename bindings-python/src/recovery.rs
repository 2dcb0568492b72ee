//! Forgot password and forgot PIN (R1–R3): the new secret travels only in the
//! `SEND_SECRET` effect; the state holds its hash.

use chrono::{DateTime, Utc};
use pbx_rules as rules;
use pyo3::prelude::*;

use crate::account::ExtensionAccount;
use crate::admin::AdminAccount;
use crate::backup::{ExtensionMasterData, PbxMasterData};
use crate::error::Result;
use crate::lifecycle::{Decision, Rules, nothing};
use pyo3_stub_gen::derive::gen_stub_pyfunction;

/// Forgot password (R1): `pbx` is the PBX found for the typed head number, or `None`;
/// `state` is the new `AdminAccount` (or `None` when refused).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[gen_stub(override_return_type(type_repr = "Decision[AdminAccount | None, None]"))]
#[pyo3(signature = (typed_head_number, pbx, now, rules))]
pub fn forgot_password(
    py: Python<'_>,
    typed_head_number: &str,
    pbx: Option<(PyRef<'_, PbxMasterData>, PyRef<'_, AdminAccount>)>,
    now: DateTime<Utc>,
    rules: &Rules,
) -> Result<Decision> {
    let found = pbx.as_ref().map(|(p, a)| (&p.0, &a.0));
    let d = rules::forgot_password(typed_head_number, found, now, &rules.0);
    Decision::from_core(py, d, |s| s.map(AdminAccount), nothing)
}

/// Forgot PIN (R2, R3): `extension` is the extension found for the typed number, or `None`;
/// `state` is the new `ExtensionAccount` (or `None` when refused).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[gen_stub(override_return_type(type_repr = "Decision[ExtensionAccount | None, None]"))]
#[pyo3(signature = (pbx, extension, now, rules))]
pub fn forgot_pin(
    py: Python<'_>,
    pbx: &PbxMasterData,
    extension: Option<(PyRef<'_, ExtensionMasterData>, PyRef<'_, ExtensionAccount>)>,
    now: DateTime<Utc>,
    rules: &Rules,
) -> Result<Decision> {
    let found = extension.as_ref().map(|(m, a)| (&m.0, &a.0));
    let d = rules::forgot_pin(&pbx.0, found, now, &rules.0);
    Decision::from_core(py, d, |s| s.map(ExtensionAccount), nothing)
}
