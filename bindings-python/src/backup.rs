//! Backup routing (B1–B6): master data, edits that return new master data, routes.

use pbx_rules as rules;
use pyo3::prelude::*;

use crate::error::Result;
use crate::lifecycle::Rules;
use crate::numbers::{BaseNumber, digits_of};
use crate::permission::Actor;
use pyo3_stub_gen::derive::{gen_stub_pyclass, gen_stub_pyfunction};

fn e164(text: &str) -> Result<rules::E164> {
    Ok(rules::E164::parse(text)?)
}

/// Master data of the PBX (B1). Edits return a new value; a refused edit changes nothing.
#[gen_stub_pyclass]
#[pyclass(name = "PbxMasterData", module = "pbx_rules", frozen, eq)]
#[derive(PartialEq)]
pub struct PbxMasterData(pub rules::PbxMasterData);

impl crate::convert::ShowFields for PbxMasterData {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::View;
}

crate::convert::handle!(json repr PbxMasterData {
    #[new]
    #[pyo3(signature = (base_number, central_backup_number, central_digits = "0", company_name = String::new(), admin_email = None))]
    fn new(
        base_number: &BaseNumber,
        central_backup_number: &str,
        central_digits: &str,
        company_name: String,
        admin_email: Option<String>,
    ) -> Result<Self> {
        let mut data = rules::PbxMasterData::new(
            base_number.0.clone(),
            digits_of(central_digits)?,
            e164(central_backup_number)?,
        );
        data.company_name = company_name;
        data.admin_email = admin_email;
        Ok(Self(data))
    }
    /// The base number (N4–N6).
    #[getter]
    fn base_number(&self) -> BaseNumber {
        BaseNumber(self.0.base_number.clone())
    }
    /// Every field and the head number (N5), for a form or an API.
    fn view(&self) -> rules::PbxMasterDataView {
        self.0.view()
    }
    /// Switches self-service PIN reset for all users (R3); admin only.
    fn set_self_service_pin_reset(&self, actor: &Actor, on: bool) -> Result<Self> {
        Ok(Self(self.0.set_self_service_pin_reset(&actor.0, on)?))
    }
    /// The head number in E.164 form (N5).
    fn head_number(&self) -> Result<String> {
        Ok(self.0.head_number()?.to_string())
    }
    /// A new central backup number (B2, B4, B6): the new master data, or an exception.
    fn set_central_backup_number(&self, actor: &Actor, typed: &str, rules: &Rules) -> Result<Self> {
        Ok(Self(self.0.set_central_backup_number(&actor.0, typed, &rules.0)?))
    }
});

/// Master data of one extension (B1, B5).
#[gen_stub_pyclass]
#[pyclass(name = "ExtensionMasterData", module = "pbx_rules", frozen, eq)]
#[derive(PartialEq)]
pub struct ExtensionMasterData(pub rules::ExtensionMasterData);

impl crate::convert::ShowFields for ExtensionMasterData {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::View;
}

crate::convert::handle!(json repr ExtensionMasterData {
    #[new]
    #[pyo3(signature = (digits, name, email = None, mobile_number = None))]
    fn new(
        digits: &str,
        name: String,
        email: Option<String>,
        mobile_number: Option<&str>,
    ) -> Result<Self> {
        let mut data = rules::ExtensionMasterData::new(digits_of(digits)?, name);
        data.email = email;
        data.mobile_number = mobile_number.map(e164).transpose()?;
        Ok(Self(data))
    }
    /// Every field, for a form or an API.
    fn view(&self) -> rules::ExtensionMasterDataView {
        self.0.view()
    }
    /// Sets, overwrites or clears (empty text) the backup number (B4, B5, B6).
    fn set_backup_number(&self, actor: &Actor, typed: &str, rules: &Rules) -> Result<Self> {
        Ok(Self(self.0.set_backup_number(&actor.0, typed, &rules.0)?))
    }
});

/// Where a call to `extension` goes when it is in `reachability`, and why (B3).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn route(
    pbx: &PbxMasterData,
    extension: &ExtensionMasterData,
    reachability: rules::Reachability,
) -> rules::Route {
    rules::Route::decide(&pbx.0, &extension.0, reachability)
}

/// The route of every extension should it become unreachable, in the order given (B3).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn routing_table(
    pbx: &PbxMasterData,
    extensions: Vec<PyRef<'_, ExtensionMasterData>>,
) -> Vec<rules::Route> {
    let exts: Vec<rules::ExtensionMasterData> = extensions.iter().map(|e| e.0.clone()).collect();
    rules::routing_table(&pbx.0, &exts)
}
