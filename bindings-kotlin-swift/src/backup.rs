//! Master data of the PBX and of one extension, and where calls go (B1–B6, R3): stored
//! state as handles, every edit returning the new state.

use std::sync::Arc;

use pbx_rules::{Actor, E164, ExtensionMasterDataView, PbxMasterDataView, Reachability, Route};

use crate::error::{RuleError, rule_error};
use crate::number::{BaseNumber, digits, e164};
use crate::rules::Rules;

/// The PBX's master data: base number, central digits, central backup number (B1, B2).
#[derive(Debug, uniffi::Object)]
pub struct PbxMasterData(pub(crate) pbx_rules::PbxMasterData);

/// One extension's master data: name, e-mail, mobile and backup number (B1, B5).
#[derive(Debug, uniffi::Object)]
pub struct ExtensionMasterData(pub(crate) pbx_rules::ExtensionMasterData);

crate::json::json_handle!(PbxMasterData, ExtensionMasterData);

fn pbx(m: pbx_rules::PbxMasterData) -> Arc<PbxMasterData> {
    Arc::new(PbxMasterData(m))
}

fn ext(m: pbx_rules::ExtensionMasterData) -> Arc<ExtensionMasterData> {
    Arc::new(ExtensionMasterData(m))
}

#[uniffi::export]
impl PbxMasterData {
    /// New master data (B2: the central backup number is required).
    /// Throws `RuleError.LoginId` for bad digits, `RuleError.Number` for a bad number.
    #[uniffi::constructor]
    pub fn new(
        base_number: &BaseNumber,
        central_digits: String,
        central_backup_number: String,
    ) -> Result<Arc<Self>, RuleError> {
        Ok(pbx(pbx_rules::PbxMasterData::new(
            base_number.0.clone(),
            digits(&central_digits)?,
            e164(&central_backup_number)?,
        )))
    }

    /// Every field and the head number, for a host's form or API (B1, B2, N5, K4, R1, R3).
    pub fn view(&self) -> PbxMasterDataView {
        self.0.view()
    }

    /// The head number: base number and central digits (N5).
    /// Throws `RuleError.LoginId`.
    pub fn head_number(&self) -> Result<E164, RuleError> {
        self.0.head_number().map_err(rule_error)
    }

    /// A copy with another company name.
    pub fn with_company_name(&self, name: String) -> Arc<Self> {
        let mut next = self.0.clone();
        next.company_name = name;
        pbx(next)
    }

    /// A copy with another admin e-mail.
    pub fn with_admin_email(&self, email: Option<String>) -> Arc<Self> {
        let mut next = self.0.clone();
        next.admin_email = email;
        pbx(next)
    }

    /// Switches self-service PIN reset for all users (R3: admin only).
    /// Throws `RuleError.Permission`.
    pub fn set_self_service_pin_reset(
        &self,
        actor: Actor,
        on: bool,
    ) -> Result<Arc<Self>, RuleError> {
        Ok(pbx(self
            .0
            .set_self_service_pin_reset(&actor, on)
            .map_err(rule_error)?))
    }

    /// Sets the central backup number from typed text (B2, B4, B6).
    /// Throws `RuleError.Permission`, `Number` or `Backup`.
    pub fn set_central_backup_number(
        &self,
        actor: Actor,
        typed: String,
        rules: &Rules,
    ) -> Result<Arc<Self>, RuleError> {
        let next = self.0.set_central_backup_number(&actor, &typed, &rules.0);
        Ok(pbx(next.map_err(rule_error)?))
    }
}

#[uniffi::export]
impl ExtensionMasterData {
    /// New master data of one extension.
    /// Throws `RuleError.LoginId` for bad digits.
    #[uniffi::constructor]
    pub fn new(extension: String, name: String) -> Result<Arc<Self>, RuleError> {
        Ok(ext(pbx_rules::ExtensionMasterData::new(
            digits(&extension)?,
            name,
        )))
    }

    /// Every field, for a host's form or API (B1, B5, R2, R3).
    pub fn view(&self) -> ExtensionMasterDataView {
        self.0.view()
    }

    /// A copy with another e-mail.
    pub fn with_email(&self, email: Option<String>) -> Arc<Self> {
        let mut next = self.0.clone();
        next.email = email;
        ext(next)
    }

    /// A copy with another mobile number (E.164).
    /// Throws `RuleError.Number`.
    pub fn with_mobile_number(&self, mobile: Option<String>) -> Result<Arc<Self>, RuleError> {
        let mut next = self.0.clone();
        next.mobile_number = mobile.as_deref().map(e164).transpose()?;
        Ok(ext(next))
    }

    /// Switches forgot-PIN for this extension (R3: admin only).
    /// Throws `RuleError.Permission`.
    pub fn set_self_service_pin_reset(
        &self,
        actor: Actor,
        on: bool,
    ) -> Result<Arc<Self>, RuleError> {
        Ok(ext(self
            .0
            .set_self_service_pin_reset(&actor, on)
            .map_err(rule_error)?))
    }

    /// Sets the backup number from typed text, mirrored into the mobile number (B4–B6).
    /// Throws `RuleError.Permission`, `Number` or `Backup`.
    pub fn set_backup_number(
        &self,
        actor: Actor,
        typed: String,
        rules: &Rules,
    ) -> Result<Arc<Self>, RuleError> {
        let next = self.0.set_backup_number(&actor, &typed, &rules.0);
        Ok(ext(next.map_err(rule_error)?))
    }
}

/// Where a call to one extension goes (B3).
#[uniffi::export]
pub fn decide_route(
    pbx: &PbxMasterData,
    extension: &ExtensionMasterData,
    reachability: Reachability,
) -> Route {
    Route::decide(&pbx.0, &extension.0, reachability)
}

/// The routing table of the PBX when every extension is unreachable (B3).
#[uniffi::export]
pub fn routing_table(pbx: &PbxMasterData, extensions: Vec<Arc<ExtensionMasterData>>) -> Vec<Route> {
    let list: Vec<_> = extensions.iter().map(|e| e.0.clone()).collect();
    pbx_rules::routing_table(&pbx.0, &list)
}
