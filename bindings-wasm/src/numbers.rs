//! Phone numbers (N1–N6): the backup-number field and login identifiers.

use pbx_rules as core;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::policy::Policy;

/// How typed numbers are read: the default region (N1).
#[wasm_bindgen]
#[derive(Clone, Debug)]
pub struct NumberPlan(pub(crate) core::NumberPlan);

#[wasm_bindgen]
impl NumberPlan {
    /// The plan of a region (ISO 3166, `DE`).
    ///
    /// # Errors
    /// A `NumberError` (`NUMBER_UNKNOWN_REGION`).
    #[wasm_bindgen(constructor)]
    pub fn new(region: &str) -> Result<NumberPlan, Error> {
        Ok(NumberPlan(core::NumberPlan::new(region)?))
    }

    /// The plan of a policy's default region.
    ///
    /// # Errors
    /// A `NumberError` (`NUMBER_UNKNOWN_REGION`).
    #[wasm_bindgen(js_name = fromPolicy)]
    pub fn from_policy(policy: &Policy) -> Result<NumberPlan, Error> {
        Ok(NumberPlan(policy.0.numbers.plan()?))
    }

    /// The default region.
    #[wasm_bindgen(getter)]
    pub fn region(&self) -> String {
        self.0.region().to_owned()
    }

    /// A typed number as E.164 with its display forms (N1–N3).
    ///
    /// # Errors
    /// A `NumberError` naming the reason (N2).
    pub fn normalize(&self, input: &str) -> Result<PhoneNumber, Error> {
        Ok(PhoneNumber(self.0.normalize(input)?))
    }
}

/// A valid phone number (N1, N3).
#[wasm_bindgen]
#[derive(Clone, Debug)]
pub struct PhoneNumber(core::PhoneNumber);

#[wasm_bindgen]
impl PhoneNumber {
    /// The stored form, `+4917112345678`.
    #[wasm_bindgen(getter)]
    pub fn e164(&self) -> String {
        self.0.e164().as_str().to_owned()
    }

    /// `mobile`, `fixed_line`, … (`NumberKind::as_str`).
    #[wasm_bindgen(getter)]
    pub fn kind(&self) -> String {
        self.0.kind().as_str().to_owned()
    }

    /// The number's region (`DE`).
    #[wasm_bindgen(getter)]
    pub fn region(&self) -> String {
        self.0.region().to_owned()
    }

    /// The country calling code (`49`).
    #[wasm_bindgen(getter, js_name = countryCode)]
    pub fn country_code(&self) -> u16 {
        self.0.country_code()
    }

    /// `+49 171 12345678` (E.123).
    #[wasm_bindgen(getter)]
    pub fn international(&self) -> String {
        self.0.international()
    }

    /// `0171 12345678` (DIN 5008).
    #[wasm_bindgen(getter)]
    pub fn national(&self) -> String {
        self.0.national()
    }
}

/// The `phonenumbers` version whose numbering metadata is embedded (`"9.0.43"`).
#[wasm_bindgen(js_name = metadataVersion)]
pub fn metadata_version() -> String {
    core::metadata_version().to_owned()
}

/// Checks that a stored number is E.164 and returns it.
///
/// # Errors
/// A `NumberError` (`NUMBER_NOT_E164`).
#[wasm_bindgen(js_name = parseE164)]
pub fn parse_e164(text: &str) -> Result<String, Error> {
    Ok(core::E164::parse(text)?.as_str().to_owned())
}

/// The PBX base number that login identifiers are split against (N4–N6).
#[wasm_bindgen]
#[derive(Clone, Debug)]
pub struct BaseNumber(core::BaseNumber);

#[wasm_bindgen]
impl BaseNumber {
    /// Reads a base number as typed (`06131 62468`).
    ///
    /// # Errors
    /// A `NumberError` (`NUMBER_NO_AREA_CODE` when it has no area code to split at).
    #[wasm_bindgen(constructor)]
    pub fn new(plan: &NumberPlan, typed: &str) -> Result<BaseNumber, Error> {
        Ok(BaseNumber(core::BaseNumber::parse(&plan.0, typed)?))
    }

    /// A user's login identifier (N4, N6); returns the extension digits.
    ///
    /// # Errors
    /// A `LoginIdError`.
    #[wasm_bindgen(js_name = userLogin)]
    pub fn user_login(&self, input: &str) -> Result<String, Error> {
        Ok(self.0.user_login(input)?.into())
    }

    /// The admin's login identifier (N5) with the central answering point's digits.
    ///
    /// # Errors
    /// A `LoginIdError`.
    #[wasm_bindgen(js_name = adminLogin)]
    pub fn admin_login(&self, input: &str, central_digits: &str) -> Result<(), Error> {
        Ok(self
            .0
            .admin_login(input, &core::ExtensionDigits::parse(central_digits)?)?)
    }

    /// An extension for display, `+49 6131 62468-10` (N3).
    ///
    /// # Errors
    /// A `LoginIdError` for invalid extension digits.
    #[wasm_bindgen(js_name = displayExtension)]
    pub fn display_extension(&self, digits: &str) -> Result<String, Error> {
        Ok(self
            .0
            .display_extension(&core::ExtensionDigits::parse(digits)?))
    }
}

/// The values as data, for Node hosts (`JSON.stringify`); the browser numbers module, whose
/// size is budgeted, leaves them out.
#[cfg(feature = "account")]
#[wasm_bindgen]
impl PhoneNumber {
    /// The core's JSON of the number as a plain object (`PhoneNumberData`: `e164`, `kind`,
    /// `region`, `international`, `national`): what `JSON.stringify(number)` writes.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json_value(&self) -> tsify::Ts<core::PhoneNumberData> {
        tsify::Ts::new_unchecked(crate::error::plain(&self.0.data()))
    }
}

#[cfg(feature = "account")]
#[wasm_bindgen]
impl NumberPlan {
    /// The plan's numbering section as a plain object (`NumberPolicy`: `default_region`,
    /// `backup_kinds`): what `JSON.stringify(plan)` writes.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json_value(&self) -> tsify::Ts<core::NumberPolicy> {
        tsify::Ts::new_unchecked(crate::error::plain(&self.0.policy()))
    }
}

#[cfg(feature = "account")]
#[wasm_bindgen]
impl BaseNumber {
    /// The core's JSON of the base number as a plain object (`BaseNumberData`: `e164`,
    /// `area`, `subscriber`, `international`): what `JSON.stringify(base)` writes.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json_value(&self) -> tsify::Ts<core::BaseNumber> {
        tsify::Ts::new_unchecked(crate::error::plain(&self.0))
    }
}

/// The bulk call, for Node import scripts only: the browser numbers module, whose size is
/// budgeted, reads one field at a time.
#[cfg(feature = "account")]
#[wasm_bindgen]
impl NumberPlan {
    /// Each typed number as E.164 with its display forms, one row per input in input order
    /// (the core's `NumberBatch`): `{ ok: PhoneNumber }` or `{ error }` with the row's
    /// `NumberError`, the shape of a decision's outcome. A bad row never stops the batch;
    /// nothing is thrown.
    #[wasm_bindgen(
        js_name = normalizeMany,
        unchecked_return_type = "Array<{ ok: PhoneNumber } | { error: PbxError }>"
    )]
    pub fn normalize_many(&self, inputs: Vec<String>) -> js_sys::Array {
        let rows = self.0.normalize_many(&inputs).results.into_iter();
        rows.map(|r| crate::error::row(r.map(PhoneNumber)))
            .collect()
    }
}
