//! The core's input records (`PinContext`, `PasswordContext`) from the plain objects JS hands
//! over, read field by field into the core's own struct (a field added in the core does not
//! compile until it is read here). Not serde: its deserialiser, with the float formatting of
//! its messages, more than doubled the PIN module. A field of the wrong type is
//! `STATE_MALFORMED`; `undefined`, `null` and a missing field are empty.

use pbx_rules as core;
use wasm_bindgen::prelude::*;

use crate::error::{Error, malformed};
use crate::js;

/// A field of a plain object (`Reflect.get` throws on anything else), `None` when absent.
fn field(js: &JsValue, key: &str) -> Result<Option<JsValue>, Error> {
    if js.is_undefined() || js.is_null() {
        return Ok(None);
    }
    let value = js::get(js, key).map_err(|_| malformed())?;
    Ok(Some(value).filter(|v| !v.is_undefined() && !v.is_null()))
}

fn text(js: &JsValue, key: &str) -> Result<Option<String>, Error> {
    let value = field(js, key)?;
    value
        .map(|v| v.as_string().ok_or_else(malformed))
        .transpose()
}

/// The core's `PinContext` (P3) from `{ extension_digits, names, phone_number }`.
///
/// # Errors
/// `STATE_MALFORMED` for a field of the wrong type, `NUMBER_NOT_E164` for a phone number
/// not in E.164 form.
#[cfg(any(feature = "pins", feature = "account"))]
pub(crate) fn pin_context(js: &JsValue) -> Result<core::PinContext, Error> {
    let names = match field(js, "names")? {
        None => Vec::new(),
        Some(v) if js::Array::is_array(&v) => {
            let names = v.unchecked_into::<js::Array>();
            (0..names.length())
                .map(|i| names.at(i).as_string().ok_or_else(malformed))
                .collect::<Result<_, _>>()?
        }
        Some(_) => return Err(malformed()),
    };
    Ok(core::PinContext {
        extension_digits: text(js, "extension_digits")?,
        names,
        phone_number: text(js, "phone_number")?
            .as_deref()
            .map(core::E164::parse)
            .transpose()?,
    })
}

/// The core's `PasswordContext` (K4) from `{ head_number, company_name, admin_email,
/// second_factor }`.
///
/// # Errors
/// `STATE_MALFORMED` for a field of the wrong type.
#[cfg(feature = "meter")]
pub(crate) fn password_context(js: &JsValue) -> Result<core::PasswordContext, Error> {
    let second_factor = field(js, "second_factor")?.map(|v| v.as_bool().ok_or_else(malformed));
    Ok(core::PasswordContext {
        head_number: text(js, "head_number")?,
        company_name: text(js, "company_name")?,
        admin_email: text(js, "admin_email")?,
        second_factor: second_factor.transpose()?.unwrap_or(false),
    })
}
