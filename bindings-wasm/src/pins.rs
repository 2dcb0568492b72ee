//! User PINs (P1, P3, P8): the change-PIN form and the trivial-PIN findings; the context is
//! the core's `PinContext` as a plain object (`src/record.rs`).

use pbx_rules as core;
use wasm_bindgen::prelude::*;

use crate::error::{Error, plain};
use crate::policy::Rules;
use crate::record::pin_context;

/// Checks the shape of a PIN (P1).
///
/// # Errors
/// A `PinError` (`PIN_TOO_SHORT`, `PIN_TOO_LONG`, `PIN_NOT_DIGITS`).
#[wasm_bindgen(js_name = parsePin)]
pub fn parse_pin(pin: &str, rules: &Rules) -> Result<(), Error> {
    Ok(core::Pin::parse(pin, &rules.0).map(drop)?)
}

/// Checks a new PIN typed twice (P1, P3); returns the trivial-PIN findings a warning
/// policy only warns about (the core's codes: `sequence`, `year`, …).
///
/// # Errors
/// A `PinError`; `findings` is set for `PIN_TRIVIAL`. `STATE_MALFORMED` for a context of
/// the wrong shape.
#[wasm_bindgen(js_name = validateNewPin, unchecked_return_type = "string[]")]
pub fn validate_new_pin(
    pin: &str,
    confirmation: &str,
    #[wasm_bindgen(unchecked_param_type = "PinContext")] context: JsValue,
    rules: &Rules,
) -> Result<JsValue, Error> {
    let ctx = pin_context(&context)?;
    let accepted = core::validate_new_pin(pin, confirmation, &ctx, &rules.0)?;
    Ok(plain(&accepted.warnings))
}

/// Every reason why a PIN is easy to guess (the core's codes, empty for a good one).
///
/// # Errors
/// A `PinError` when the PIN fails P1; `STATE_MALFORMED` for a context of the wrong shape.
#[wasm_bindgen(js_name = trivialFindings, unchecked_return_type = "string[]")]
pub fn trivial_findings(
    pin: &str,
    #[wasm_bindgen(unchecked_param_type = "PinContext")] context: JsValue,
    rules: &Rules,
) -> Result<JsValue, Error> {
    let pin = core::Pin::parse(pin, &rules.0)?;
    let ctx = pin_context(&context)?;
    Ok(plain(&pin.trivial_findings(&ctx, &rules.0)))
}

/// Whether the mobile app may log in with this PIN and mobile number (P8).
///
/// # Errors
/// A `PinError` (`PIN_MOBILE_REFUSED`, `PIN_MOBILE_NUMBER_MISSING`, P1), or a `NumberError`
/// when the mobile number is not E.164.
#[wasm_bindgen(js_name = mobileAppCheck)]
pub fn mobile_app_check(pin: &str, mobile: Option<String>, rules: &Rules) -> Result<(), Error> {
    let pin = core::Pin::parse(pin, &rules.0)?;
    let mobile = mobile.as_deref().map(core::E164::parse).transpose()?;
    Ok(core::mobile_app_check(&pin, mobile.as_ref(), &rules.0)?)
}
