//! Phone numbers (N1–N6): the numbering plan that normalises what a person types to E.164,
//! the number it returns, and the PBX base number that reads login identifiers.
//!
//! Typed text crosses as strings and is parsed here by the core's constructors, so a bad
//! value is a typed `RuleError`; E.164 numbers and extension digits come back as strings.

use std::sync::Arc;

use pbx_rules::{E164, ExtensionDigits, NumberKind};

use crate::batch::NumberBatch;
use crate::error::{RuleError, rule_error};

/// A numbering plan with the PBX's default region (N1).
#[derive(Debug, uniffi::Object)]
pub struct NumberPlan(pub(crate) pbx_rules::NumberPlan);

/// A valid phone number in E.164 with its display forms (N1, N3).
#[derive(Debug, uniffi::Object)]
pub struct PhoneNumber(pub(crate) pbx_rules::PhoneNumber);

/// The PBX base number that login identifiers are read against (N4–N6).
#[derive(Debug, uniffi::Object)]
pub struct BaseNumber(pub(crate) pbx_rules::BaseNumber);

/// Extension digits typed by a person, checked by the core.
pub(crate) fn digits(text: &str) -> Result<ExtensionDigits, RuleError> {
    ExtensionDigits::parse(text).map_err(rule_error)
}

/// An E.164 number as stored (`+4961316246810`), checked by the core.
pub(crate) fn e164(text: &str) -> Result<E164, RuleError> {
    E164::parse(text).map_err(rule_error)
}

/// Checks a stored E.164 number and returns it (N2).
/// Throws `RuleError.Number` when it is not E.164.
#[uniffi::export]
pub fn parse_e164(text: String) -> Result<E164, RuleError> {
    e164(&text)
}

/// The libphonenumber metadata release embedded in this build.
#[uniffi::export]
pub fn metadata_version() -> String {
    pbx_rules::metadata_version().to_owned()
}

#[uniffi::export]
impl NumberPlan {
    /// The plan for a default region (`DE`).
    /// Throws `RuleError.Number` for an unknown region.
    #[uniffi::constructor]
    pub fn new(region: String) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(
            pbx_rules::NumberPlan::new(&region).map_err(rule_error)?,
        )))
    }

    /// The plan for Germany.
    #[uniffi::constructor]
    pub fn germany() -> Arc<Self> {
        Arc::new(Self(pbx_rules::NumberPlan::germany()))
    }

    /// The default region.
    pub fn region(&self) -> String {
        self.0.region().to_owned()
    }

    /// What a person typed, normalised to E.164 (N1, N2).
    /// Throws `RuleError.Number` naming the reason.
    pub fn normalize(&self, input: String) -> Result<Arc<PhoneNumber>, RuleError> {
        Ok(Arc::new(PhoneNumber(
            self.0.normalize(&input).map_err(rule_error)?,
        )))
    }

    /// Many inputs at once, for imports (N1, N2): one row per input in input order, each the
    /// number or the refusal `normalize` would throw; a bad row never stops the batch.
    pub fn normalize_many(&self, inputs: Vec<String>) -> NumberBatch {
        self.0.normalize_many(&inputs).into()
    }
}

#[uniffi::export]
impl PhoneNumber {
    /// The stored form (`+4917112345678`).
    pub fn e164(&self) -> E164 {
        self.0.e164().clone()
    }

    /// Mobile, fixed line, …
    pub fn kind(&self) -> NumberKind {
        self.0.kind()
    }

    /// The number's region (`DE`).
    pub fn region(&self) -> String {
        self.0.region().to_owned()
    }

    /// The country calling code (`49`), as Kotlin/Java `int`.
    pub fn country_code(&self) -> i32 {
        i32::from(self.0.country_code())
    }

    /// The national significant number.
    pub fn national_number(&self) -> String {
        self.0.national_number().to_owned()
    }

    /// E.123 international form (`+49 171 12345678`).
    pub fn international(&self) -> String {
        self.0.international()
    }

    /// National form (`0171 12345678`).
    pub fn national(&self) -> String {
        self.0.national()
    }
}

#[uniffi::export]
impl BaseNumber {
    /// The base number as typed (N4).
    /// Throws `RuleError.Number` or `RuleError.LoginId`.
    #[uniffi::constructor]
    pub fn parse(plan: &NumberPlan, typed: String) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(
            pbx_rules::BaseNumber::parse(&plan.0, &typed).map_err(rule_error)?,
        )))
    }

    /// The area code.
    pub fn area_code(&self) -> String {
        self.0.area_code().to_owned()
    }

    /// The subscriber part.
    pub fn subscriber(&self) -> String {
        self.0.subscriber().to_owned()
    }

    /// The base number in E.164.
    pub fn e164(&self) -> E164 {
        self.0.e164().clone()
    }

    /// An extension's full number in E.164.
    /// Throws `RuleError.LoginId`.
    pub fn extension_e164(&self, extension: String) -> Result<E164, RuleError> {
        self.0
            .extension_e164(&digits(&extension)?)
            .map_err(rule_error)
    }

    /// An extension in DIN 5008 form (`+49 6131 62468-10`) (N3).
    /// Throws `RuleError.LoginId` for bad digits.
    pub fn display_extension(&self, extension: String) -> Result<String, RuleError> {
        Ok(self.0.display_extension(&digits(&extension)?))
    }

    /// The user login form (`06131-62468-10`) (N4).
    /// Throws `RuleError.LoginId` for bad digits.
    pub fn login_form(&self, extension: String) -> Result<String, RuleError> {
        Ok(self.0.login_form(&digits(&extension)?))
    }

    /// The extension a user login identifier names (N4, N6).
    /// Throws `RuleError.LoginId`.
    pub fn user_login(&self, input: String) -> Result<ExtensionDigits, RuleError> {
        self.0.user_login(&input).map_err(rule_error)
    }

    /// Checks an admin login identifier (N5, N6).
    /// Throws `RuleError.LoginId`.
    pub fn admin_login(&self, input: String, central: String) -> Result<(), RuleError> {
        self.0
            .admin_login(&input, &digits(&central)?)
            .map_err(rule_error)
    }
}
