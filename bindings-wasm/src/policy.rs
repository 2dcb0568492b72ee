//! The policy presets (G6) and the rules in force, shared by every module.

use pbx_rules::Policy as CorePolicy;
use wasm_bindgen::prelude::*;

pub use crate::lang::Lang;

/// Every number the rules use (G6). Start from a preset.
#[wasm_bindgen]
#[derive(Clone, Debug)]
// A build without any area (the crate's default) reads no field of it.
#[cfg_attr(
    not(any(feature = "meter", feature = "numbers", feature = "pins")),
    allow(dead_code)
)]
pub struct Policy(pub(crate) CorePolicy);

#[wasm_bindgen]
impl Policy {
    /// The rules of the seed, number for number.
    pub fn centrexx() -> Policy {
        Policy(CorePolicy::centrexx())
    }

    /// NIST SP 800-63B rev. 4 and OWASP ASVS 5.0. (Not in the numbers module: its number
    /// rules are the same in both presets, and the module's size is its goal.)
    #[cfg(any(feature = "meter", feature = "pins"))]
    pub fn strict() -> Policy {
        Policy(CorePolicy::strict())
    }

    /// Fewest PIN digits (P1).
    #[cfg(feature = "pins")]
    #[wasm_bindgen(getter, js_name = pinMinLen)]
    pub fn pin_min_len(&self) -> usize {
        self.0.pin.min_len
    }

    /// Most PIN digits (P1).
    #[cfg(feature = "pins")]
    #[wasm_bindgen(getter, js_name = pinMaxLen)]
    pub fn pin_max_len(&self) -> usize {
        self.0.pin.max_len
    }

    /// Fewest password characters without a second factor (K1).
    #[cfg(feature = "meter")]
    #[wasm_bindgen(getter, js_name = passwordMinLen)]
    pub fn password_min_len(&self) -> usize {
        self.0.password.min_len
    }

    /// Most password characters (K1).
    #[cfg(feature = "meter")]
    #[wasm_bindgen(getter, js_name = passwordMaxLen)]
    pub fn password_max_len(&self) -> usize {
        self.0.password.max_len
    }

    /// The weakest meter level that may be saved (K2), as a colour code (`yellow`).
    #[cfg(feature = "meter")]
    #[wasm_bindgen(getter, js_name = minLevel, unchecked_return_type = "string")]
    pub fn min_level(&self) -> JsValue {
        crate::error::plain(&self.0.password.min_level)
    }

    /// The region of numbers typed without `+` or `00` (N1).
    #[cfg(feature = "numbers")]
    #[wasm_bindgen(getter, js_name = defaultRegion)]
    pub fn default_region(&self) -> String {
        self.0.numbers.default_region.clone()
    }

    /// Sets the region of numbers typed without `+` or `00` (N1; per PBX).
    #[cfg(feature = "numbers")]
    #[wasm_bindgen(setter, js_name = defaultRegion)]
    pub fn set_default_region(&mut self, region: String) {
        self.0.numbers.default_region = region;
    }
}

/// The rules in force: a policy with its hasher and number plan, the one context every
/// check and operation takes.
#[cfg(any(feature = "meter", feature = "pins"))]
#[wasm_bindgen]
pub struct Rules(pub(crate) pbx_rules::Rules);

#[cfg(any(feature = "meter", feature = "pins"))]
#[wasm_bindgen]
impl Rules {
    /// The rules of the seed ([`Policy::centrexx`]).
    pub fn centrexx() -> Rules {
        Rules(pbx_rules::Rules::centrexx())
    }

    /// NIST SP 800-63B rev. 4 and OWASP ASVS 5.0 ([`Policy::strict`]).
    pub fn strict() -> Rules {
        Rules(pbx_rules::Rules::strict())
    }

    /// The policy, for the limits a form shows.
    #[wasm_bindgen(getter)]
    pub fn policy(&self) -> Policy {
        Policy(self.0.policy().clone())
    }

    /// Rules under a policy, checked against its bounds (Node only: presets in the browser),
    /// and, when given, a server-side pepper (G4): its bytes (`Buffer.from(…)` or any
    /// `Uint8Array`), mixed into every hash the rules make or verify (the core's
    /// `Rules::with_pepper`), as in every other language. It is never shown.
    ///
    /// # Errors
    /// A `PolicyError` for a policy value outside its documented bounds (F6);
    /// `STATE_MALFORMED` for a pepper that is not a `Uint8Array`.
    #[cfg(feature = "account")]
    #[wasm_bindgen(constructor)]
    pub fn new(policy: &Policy, pepper: Option<js_sys::Uint8Array>) -> Result<Rules, Error> {
        let pepper = crate::hash::read_pepper(pepper)?;
        let rules = pbx_rules::Rules::new(policy.0.clone())?;
        Ok(Rules(match pepper {
            Some(pepper) => rules.with_pepper(pepper),
            None => rules,
        }))
    }

    /// The policy's JSON as a plain object (`PolicyFields`): what `JSON.stringify(rules)`
    /// writes. Never the pepper.
    #[cfg(feature = "account")]
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json_value(&self) -> tsify::Ts<CorePolicy> {
        tsify::Ts::new_unchecked(crate::error::plain(self.0.policy()))
    }

    /// The number plan of the policy's default region and backup-number kinds (N1, I2).
    #[cfg(all(feature = "account", feature = "numbers"))]
    #[wasm_bindgen(getter, js_name = numberPlan)]
    pub fn number_plan(&self) -> crate::numbers::NumberPlan {
        crate::numbers::NumberPlan(self.0.number_plan().clone())
    }

    /// The consecutive failures a PIN of `pin_len` digits survives before it locks (G5).
    #[cfg(feature = "account")]
    #[wasm_bindgen(js_name = pinAllowance)]
    pub fn pin_allowance(&self, pin_len: usize) -> u32 {
        self.0.pin_allowance(pin_len)
    }

    /// The consecutive failures an admin password survives before it locks (G5).
    #[cfg(feature = "account")]
    #[wasm_bindgen(js_name = passwordAllowance)]
    pub fn password_allowance(&self) -> u32 {
        self.0.password_allowance()
    }
}

/// Every field (Node build): read them all, start from a preset and change any,
/// to and from the core's JSON. Out-of-range values are a `PolicyError` (F6).
#[cfg(feature = "account")]
use crate::error::Error;

#[cfg(feature = "account")]
#[wasm_bindgen]
impl Policy {
    /// Every field as a plain object (`PolicyFields`, the core's names), to change and
    /// hand to `Policy.fromFields`.
    ///
    /// # Errors
    /// None in practice: every field has a JS form.
    #[wasm_bindgen(getter)]
    pub fn fields(&self) -> Result<tsify::Ts<CorePolicy>, Error> {
        tsify::Ts::from_rust(&self.0).map_err(crate::error::shape)
    }

    /// A policy from its fields, checked against the documented bounds.
    ///
    /// # Errors
    /// `STATE_MALFORMED` for a wrong shape, a `PolicyError` for a value out of bounds.
    #[wasm_bindgen(js_name = fromFields)]
    pub fn from_fields(fields: tsify::Ts<CorePolicy>) -> Result<Policy, Error> {
        let policy = fields.to_rust().map_err(crate::error::shape)?;
        policy.validate()?;
        Ok(Policy(policy))
    }

    /// The core's JSON of the policy, the same in every language.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        pbx_rules::Json::to_json(&self.0)
    }

    /// The core's JSON as a plain object (`PolicyFields`), for `JSON.stringify`.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json_value(&self) -> tsify::Ts<CorePolicy> {
        tsify::Ts::new_unchecked(crate::error::plain(&self.0))
    }

    /// A policy from the core's JSON.
    ///
    /// # Errors
    /// `STATE_MALFORMED` (`StateError`) for malformed JSON, a `PolicyError` for a value
    /// out of bounds.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Policy, Error> {
        Ok(Policy(pbx_rules::Json::from_json(text)?))
    }
}
