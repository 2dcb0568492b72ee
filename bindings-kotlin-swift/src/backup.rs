//! Backup routing (B1–B6): master data as immutable Objects (every edit returns a new one,
//! as in the core), and the routing decision with the rule that applied.

use std::sync::Arc;

use pbx_rules as core;
use pbx_rules::{Reachability, RouteRule};

use crate::number::digits;
use crate::{Actor, BaseNumber, NumberPlan, RuleError};

/// Master data of the PBX; the central backup number is always set (B1).
#[derive(Debug, uniffi::Object)]
pub struct PbxMasterData(pub(crate) core::PbxMasterData);

/// Master data of one extension.
#[derive(Debug, uniffi::Object)]
pub struct ExtensionMasterData(pub(crate) core::ExtensionMasterData);

/// Where a call to one extension goes, and why (B3).
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Route {
    /// The extension called.
    pub extension: String,
    /// The E.164 number the call is rerouted to; `None` when it rings at the extension.
    pub reroute_to: Option<String>,
    /// The rule that decided.
    pub rule: RouteRule,
}

/// Whether the extension can take calls right now (the core enum).
#[uniffi::remote(Enum)]
pub enum Reachability {
    Reachable,
    Unreachable,
}

/// Which rule of B3 decided a route (the core enum).
#[uniffi::remote(Enum)]
pub enum RouteRule {
    Reachable,
    IndividualBackup,
    CentralBackup,
}

impl From<core::Route> for Route {
    fn from(r: core::Route) -> Self {
        Self {
            extension: r.extension.as_str().to_owned(),
            reroute_to: r.reroute_to.map(|n| n.as_str().to_owned()),
            rule: r.rule,
        }
    }
}

fn e164_text(n: Option<&core::E164>) -> Option<String> {
    n.map(|n| n.as_str().to_owned())
}

#[uniffi::export]
impl PbxMasterData {
    /// Master data of a PBX with its required central backup number (B1, stored E.164).
    ///
    /// # Errors
    /// `RuleError::LoginId` for bad central digits, `NUMBER_NOT_E164`.
    #[uniffi::constructor]
    pub fn new(
        base_number: &BaseNumber,
        central_digits: String,
        central_backup_number: String,
    ) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(core::PbxMasterData::new(
            base_number.0.clone(),
            digits(&central_digits)?,
            core::E164::parse(&central_backup_number)?,
        ))))
    }

    /// The central backup number in E.164.
    pub fn central_backup_number(&self) -> String {
        self.0.central_backup_number().as_str().to_owned()
    }

    /// The head number in E.164 (N5).
    ///
    /// # Errors
    /// `LOGIN_ID_EXTENSION_TOO_LONG`.
    pub fn head_number(&self) -> Result<String, RuleError> {
        Ok(self.0.head_number()?.as_str().to_owned())
    }

    /// The company name (a guessable input of the meter, K4).
    pub fn company_name(&self) -> String {
        self.0.company_name.clone()
    }

    /// The admin contact e-mail (R1, A2).
    pub fn admin_email(&self) -> Option<String> {
        self.0.admin_email.clone()
    }

    /// A copy with another company name.
    pub fn with_company_name(&self, name: String) -> Arc<Self> {
        let mut next = self.0.clone();
        next.company_name = name;
        Arc::new(Self(next))
    }

    /// A copy with another admin contact e-mail.
    pub fn with_admin_email(&self, email: Option<String>) -> Arc<Self> {
        let mut next = self.0.clone();
        next.admin_email = email;
        Arc::new(Self(next))
    }

    /// Whether users may reset their PIN themselves (R2, R3).
    pub fn self_service_pin_reset(&self) -> bool {
        self.0.self_service_pin_reset()
    }

    /// Switches self-service PIN reset for all users (R3).
    ///
    /// # Errors
    /// `PERMISSION_ADMIN_ONLY`; `RuleError::LoginId` for bad digits in `actor`.
    pub fn set_self_service_pin_reset(
        &self,
        actor: Actor,
        on: bool,
    ) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(
            self.0
                .set_self_service_pin_reset(&(&actor).try_into()?, on)?,
        )))
    }

    /// Saves a new central backup number (B2, B4, B6); returns the new master data.
    ///
    /// # Errors
    /// `RuleError::Permission`, `BACKUP_CENTRAL_REQUIRED`, `BACKUP_NUMBER_KIND_REFUSED`,
    /// `RuleError::Number`.
    pub fn set_central_backup_number(
        &self,
        plan: &NumberPlan,
        actor: Actor,
        typed: String,
    ) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(self.0.set_central_backup_number(
            &plan.0,
            &(&actor).try_into()?,
            &typed,
        )?)))
    }
}

#[uniffi::export]
impl ExtensionMasterData {
    /// A new extension with no backup or mobile number.
    ///
    /// # Errors
    /// `RuleError::LoginId` for bad digits.
    #[uniffi::constructor]
    pub fn new(extension: String, name: String) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(core::ExtensionMasterData::new(
            digits(&extension)?,
            name,
        ))))
    }

    /// The extension digits.
    pub fn digits(&self) -> String {
        self.0.digits.as_str().to_owned()
    }

    /// The user's name.
    pub fn name(&self) -> String {
        self.0.name.clone()
    }

    /// The user's e-mail address (R2).
    pub fn email(&self) -> Option<String> {
        self.0.email.clone()
    }

    /// A copy with another e-mail address (R2).
    pub fn with_email(&self, email: Option<String>) -> Arc<Self> {
        let mut next = self.0.clone();
        next.email = email;
        Arc::new(Self(next))
    }

    /// A copy with another mobile number, stored E.164 (P8); usually set through the
    /// backup number (B5).
    ///
    /// # Errors
    /// `NUMBER_NOT_E164`.
    pub fn with_mobile_number(&self, mobile: Option<String>) -> Result<Arc<Self>, RuleError> {
        let mut next = self.0.clone();
        next.mobile_number = mobile.map(|m| core::E164::parse(&m)).transpose()?;
        Ok(Arc::new(Self(next)))
    }

    /// The own backup number in E.164, if set (B1).
    pub fn backup_number(&self) -> Option<String> {
        e164_text(self.0.backup_number())
    }

    /// The mobile number in E.164, if set (B5, P8).
    pub fn mobile_number(&self) -> Option<String> {
        e164_text(self.0.mobile_number.as_ref())
    }

    /// Sets, overwrites or clears (empty input) the backup number (B4–B6); returns the new
    /// master data, with the number mirrored as the mobile number (B5).
    ///
    /// # Errors
    /// `RuleError::Permission`, `RuleError::Number`, `BACKUP_NUMBER_KIND_REFUSED` for a kind
    /// the plan's policy does not allow (premium rate, shared cost, UAN under centrexx, I2).
    pub fn set_backup_number(
        &self,
        plan: &NumberPlan,
        actor: Actor,
        typed: String,
    ) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(self.0.set_backup_number(
            &plan.0,
            &(&actor).try_into()?,
            &typed,
        )?)))
    }
}

/// Where a call to `extension` goes (B3).
#[uniffi::export]
pub fn decide_route(
    pbx: &PbxMasterData,
    extension: &ExtensionMasterData,
    reachability: Reachability,
) -> Route {
    core::Route::decide(&pbx.0, &extension.0, reachability).into()
}

/// The backup route of every extension should it become unreachable (B3).
#[uniffi::export]
pub fn routing_table(pbx: &PbxMasterData, extensions: Vec<Arc<ExtensionMasterData>>) -> Vec<Route> {
    let list: Vec<_> = extensions.iter().map(|e| e.0.clone()).collect();
    core::routing_table(&pbx.0, &list)
        .into_iter()
        .map(Route::from)
        .collect()
}
