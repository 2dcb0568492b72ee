//! User PINs (P1, P3, P8): the change-PIN form and the trivial-PIN findings.

use pbx_rules as core;
use wasm_bindgen::prelude::*;

use crate::error::{Error, plain};
use crate::policy::Policy;

/// What the PIN checks may know about the user: extension digits, names and the
/// extension's full number.
#[wasm_bindgen]
#[derive(Clone, Debug, Default)]
pub struct PinContext {
    extension_digits: Option<String>,
    names: Vec<String>,
    phone_number: Option<core::E164>,
}

#[wasm_bindgen]
impl PinContext {
    /// The extension digits (`10`), the user's names and the extension's number in E.164
    /// (`+4961316246810`), all optional.
    ///
    /// # Errors
    /// A `NumberError` (`NUMBER_NOT_E164`) for a phone number not in E.164 form.
    #[wasm_bindgen(constructor)]
    pub fn new(
        extension_digits: Option<String>,
        names: Option<Vec<String>>,
        phone_number: Option<String>,
    ) -> Result<PinContext, Error> {
        Ok(PinContext {
            extension_digits,
            names: names.unwrap_or_default(),
            phone_number: phone_number.as_deref().map(core::E164::parse).transpose()?,
        })
    }
}

impl PinContext {
    fn with<T>(&self, f: impl FnOnce(&core::PinContext<'_>) -> T) -> T {
        let names: Vec<&str> = self.names.iter().map(String::as_str).collect();
        f(&core::PinContext {
            extension_digits: self.extension_digits.as_deref(),
            names: &names,
            phone_number: self.phone_number.as_ref(),
        })
    }
}

/// Checks the shape of a PIN (P1).
///
/// # Errors
/// A `PinError` (`PIN_TOO_SHORT`, `PIN_TOO_LONG`, `PIN_NOT_DIGITS`).
#[wasm_bindgen(js_name = parsePin)]
pub fn parse_pin(pin: &str, policy: &Policy) -> Result<(), Error> {
    Ok(core::Pin::parse(pin, &policy.0.pin).map(drop)?)
}

/// Checks a new PIN typed twice (P1, P3); returns the trivial-PIN findings a warning
/// policy only warns about (the core's codes: `sequence`, `year`, …).
///
/// # Errors
/// A `PinError`; `findings` is set for `PIN_TRIVIAL`.
#[wasm_bindgen(js_name = validateNewPin, unchecked_return_type = "string[]")]
pub fn validate_new_pin(
    pin: &str,
    confirmation: &str,
    context: &PinContext,
    policy: &Policy,
) -> Result<JsValue, Error> {
    let p = &policy.0.pin;
    let accepted = context.with(|ctx| core::validate_new_pin(pin, confirmation, ctx, p))?;
    Ok(plain(&accepted.warnings))
}

/// Every reason why a PIN is easy to guess (the core's codes, empty for a good one).
///
/// # Errors
/// A `PinError` when the PIN fails P1.
#[wasm_bindgen(js_name = trivialFindings, unchecked_return_type = "string[]")]
pub fn trivial_findings(
    pin: &str,
    context: &PinContext,
    policy: &Policy,
) -> Result<JsValue, Error> {
    let pin = core::Pin::parse(pin, &policy.0.pin)?;
    Ok(context.with(|ctx| plain(&pin.trivial_findings(ctx, &policy.0.pin))))
}

/// Whether the mobile app may log in with this PIN and mobile number (P8).
///
/// # Errors
/// A `PinError` (`PIN_MOBILE_REFUSED`, `PIN_MOBILE_NUMBER_MISSING`, P1), or a `NumberError`
/// when the mobile number is not E.164.
#[wasm_bindgen(js_name = mobileAppCheck)]
pub fn mobile_app_check(pin: &str, mobile: Option<String>, policy: &Policy) -> Result<(), Error> {
    let pin = core::Pin::parse(pin, &policy.0.pin)?;
    let mobile = mobile.as_deref().map(core::E164::parse).transpose()?;
    Ok(core::mobile_app_check(
        &pin,
        mobile.as_ref(),
        &policy.0.pin,
    )?)
}

/// A PIN change that passed P3: the hash to store and the findings only warned about.
#[cfg(feature = "hash")]
#[wasm_bindgen]
#[derive(Clone, Debug)]
pub struct PinChange {
    hash: String,
    warnings: JsValue,
}

#[cfg(feature = "hash")]
#[wasm_bindgen]
impl PinChange {
    /// The argon2id PHC string of the new PIN.
    #[wasm_bindgen(getter)]
    pub fn hash(&self) -> String {
        self.hash.clone()
    }

    /// Trivial-PIN findings under a warning policy.
    #[wasm_bindgen(getter, unchecked_return_type = "string[]")]
    pub fn warnings(&self) -> JsValue {
        self.warnings.clone()
    }
}

/// A user's PIN change (P3) against the stored hash.
///
/// # Errors
/// A `PinError` (`PIN_OLD_WRONG` first).
#[cfg(feature = "hash")]
#[wasm_bindgen(js_name = changePin)]
#[allow(clippy::too_many_arguments)]
pub fn change_pin(
    old: &str,
    pin: &str,
    confirmation: &str,
    stored_hash: &str,
    hasher: &crate::hash::Hasher,
    context: &PinContext,
    policy: &Policy,
) -> Result<PinChange, Error> {
    let (p, h) = (&policy.0.pin, &hasher.0);
    let o = context.with(|ctx| core::change_pin(old, pin, confirmation, stored_hash, h, ctx, p))?;
    Ok(PinChange {
        hash: o.hash,
        warnings: plain(&o.accepted.warnings),
    })
}
