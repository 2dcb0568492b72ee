//! Phone numbers (N1–N6): the numbering plan that normalises what a person types to E.164,
//! the number it returns, and the PBX base number that reads login identifiers.
//!
//! E.164 values and extension digits cross the boundary as strings; the core's validated
//! constructors (`E164::parse`, `ExtensionDigits::parse`) check them on the way in and
//! their refusals arrive as typed errors, never as a panic in a lift.

use std::sync::Arc;

use pbx_rules as core;

use crate::RuleError;

/// Reads typed numbers with a default region (N1).
#[derive(Debug, uniffi::Object)]
pub struct NumberPlan(pub(crate) core::NumberPlan);

/// A valid phone number and its display forms (N3).
#[derive(Debug, uniffi::Object)]
pub struct PhoneNumber(pub(crate) core::PhoneNumber);

/// A PBX base number (the number without extension digits), for login identifiers.
#[derive(Debug, uniffi::Object)]
pub struct BaseNumber(pub(crate) core::BaseNumber);

/// Checks stored data for E.164 form (`+` and 2 to 15 digits) and returns it unchanged.
///
/// # Errors
/// `NUMBER_NOT_E164`.
#[uniffi::export]
pub fn parse_e164(text: String) -> Result<String, RuleError> {
    Ok(core::E164::parse(&text)?.as_str().to_owned())
}

/// The `phonenumbers` version whose numbering metadata is embedded (`9.0.43`).
#[uniffi::export]
pub fn metadata_version() -> String {
    core::metadata_version().to_owned()
}

/// Extension digits from the boundary, checked by the core.
pub(crate) fn digits(text: &str) -> Result<core::ExtensionDigits, RuleError> {
    Ok(core::ExtensionDigits::parse(text)?)
}

#[uniffi::export]
impl NumberPlan {
    /// A plan for a default region (ISO 3166, `DE`).
    ///
    /// # Errors
    /// `NUMBER_UNKNOWN_REGION`.
    #[uniffi::constructor]
    pub fn new(region: String) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(core::NumberPlan::new(&region)?)))
    }

    /// Germany, as in the seed.
    #[uniffi::constructor]
    pub fn germany() -> Arc<Self> {
        Arc::new(Self(core::NumberPlan::germany()))
    }

    /// The default region.
    pub fn region(&self) -> String {
        self.0.region().to_owned()
    }

    /// Normalises what a person typed (N1, N2).
    ///
    /// # Errors
    /// `RuleError::Number` naming the reason.
    pub fn normalize(&self, input: String) -> Result<Arc<PhoneNumber>, RuleError> {
        Ok(Arc::new(PhoneNumber(self.0.normalize(&input)?)))
    }
}

#[uniffi::export]
impl PhoneNumber {
    /// The stored form, `+4917112345678`.
    pub fn e164(&self) -> String {
        self.0.e164().as_str().to_owned()
    }

    /// The kind of line, as libphonenumber names it (`MOBILE`, `FIXED_LINE`, …).
    pub fn kind(&self) -> String {
        self.0.kind().as_str().to_owned()
    }

    /// The region the number belongs to (`DE`).
    pub fn region(&self) -> String {
        self.0.region().to_owned()
    }

    /// The country calling code (`49`).
    pub fn country_code(&self) -> u16 {
        self.0.country_code()
    }

    /// The national significant number (`17112345678`).
    pub fn national_number(&self) -> String {
        self.0.national_number().to_owned()
    }

    /// International display form, `+49 171 12345678` (N3).
    pub fn international(&self) -> String {
        self.0.international()
    }

    /// National display form, `0171 12345678` (N3).
    pub fn national(&self) -> String {
        self.0.national()
    }
}

#[uniffi::export]
impl BaseNumber {
    /// The PBX base number as typed (`06131 62468`).
    ///
    /// # Errors
    /// `RuleError::Number` or `LOGIN_ID_NO_AREA_CODE`.
    #[uniffi::constructor]
    pub fn parse(plan: &NumberPlan, typed: String) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(core::BaseNumber::parse(&plan.0, &typed)?)))
    }

    /// The national area code with its trunk prefix (`06131`).
    pub fn area_code(&self) -> String {
        self.0.area_code().to_owned()
    }

    /// The subscriber part (`62468`).
    pub fn subscriber(&self) -> String {
        self.0.subscriber().to_owned()
    }

    /// The base number in E.164.
    pub fn e164(&self) -> String {
        self.0.e164().as_str().to_owned()
    }

    /// An extension's full number in E.164.
    ///
    /// # Errors
    /// `RuleError::LoginId` for bad or too long digits.
    pub fn extension_e164(&self, extension: String) -> Result<String, RuleError> {
        Ok(self
            .0
            .extension_e164(&digits(&extension)?)?
            .as_str()
            .to_owned())
    }

    /// An extension for display, `+49 6131 62468-10` (N3).
    ///
    /// # Errors
    /// `RuleError::LoginId` for bad digits.
    pub fn display_extension(&self, extension: String) -> Result<String, RuleError> {
        Ok(self.0.display_extension(&digits(&extension)?))
    }

    /// An extension's login identifier in the two-hyphen form, `06131-62468-10` (N4).
    ///
    /// # Errors
    /// `RuleError::LoginId` for bad digits.
    pub fn login_form(&self, extension: String) -> Result<String, RuleError> {
        Ok(self.0.login_form(&digits(&extension)?))
    }

    /// A user's login identifier (N4, N6); returns the extension digits.
    ///
    /// # Errors
    /// `RuleError::LoginId` naming the reason.
    pub fn user_login(&self, input: String) -> Result<String, RuleError> {
        Ok(self.0.user_login(&input)?.as_str().to_owned())
    }

    /// The admin's login identifier, the head number (N5, N6).
    ///
    /// # Errors
    /// `RuleError::LoginId` naming the reason.
    pub fn admin_login(&self, input: String, central: String) -> Result<(), RuleError> {
        Ok(self.0.admin_login(&input, &digits(&central)?)?)
    }
}
