//! Every core error as a JS `Error` (G2). Its enumerable properties are the core's
//! JSON of the error, `family`, `code`, `message_de`, `message_en` and `details` when the
//! error carries data (retry time, findings, …), so `JSON.stringify(e)` prints exactly what
//! every other language prints; `name` is the family (`login_id` → `LoginIdError`) and
//! `message` the English message. Nothing here lists a family or a code: the core's
//! `Error::FAMILIES` is the one table.

use std::any::Any;

use pbx_rules::{Lang, Localized};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::js;

/// A core error on its way to JS; wasm-bindgen throws it.
#[derive(Debug)]
pub struct Error(JsValue);

impl From<Error> for JsValue {
    fn from(e: Error) -> Self {
        e.0
    }
}

/// One family's error (`PinError`, …) or the umbrella `pbx_rules::Error`. A family error is
/// built from its own code, messages and fields, not through the umbrella's serialisation,
/// which would link every family's messages into a browser module that raises one family.
impl<E> From<E> for Error
where
    E: Localized + Serialize + Into<pbx_rules::Error> + 'static,
{
    fn from(e: E) -> Self {
        if let Some(umbrella) = (&e as &dyn Any).downcast_ref::<pbx_rules::Error>() {
            return Error(throwable(umbrella));
        }
        let (code, de, en, details) = (
            e.code(),
            e.message(Lang::De),
            e.message(Lang::En),
            plain(&e),
        );
        Error(fields(e.into().family(), code, &de, &en, &details))
    }
}

/// The JS `Error` of one family's error from its parts (one copy for every family).
fn fields(family: &str, code: &str, de: &str, en: &str, details: &JsValue) -> JsValue {
    let error = named(en, family);
    set(&error, "family", &family.into());
    set(&error, "code", &code.into());
    set(&error, "message_de", &de.into());
    set(&error, "message_en", &en.into());
    if !details.is_null() {
        set(&error, "details", details);
    }
    error
}

/// The JS `Error` of a core error: the core's JSON fields on a real `Error`.
pub(crate) fn throwable(e: &pbx_rules::Error) -> JsValue {
    let error = named(&e.message(Lang::En), e.family());
    let fields = plain(e);
    if fields.is_object() {
        js::assign(&error, &fields);
    }
    error
}

fn set(object: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh object cannot fail.
    js::set(object, key, value);
}

/// A JS `Error` named after the family, its `name` not enumerable (as on `Error.prototype`),
/// so the enumerable properties are exactly the core's JSON.
fn named(message: &str, family: &str) -> JsValue {
    let error: JsValue = js::Error::new(message).into();
    let descriptor = js::object();
    set(&descriptor, "value", &name(family).into());
    js::define_property(&error, "name", &descriptor);
    error
}

/// `login_id` → `LoginIdError`: the JS convention for error names.
fn name(family: &str) -> String {
    let mut out = String::with_capacity(family.len() + 5);
    let mut upper = true;
    for b in family.bytes() {
        if b == b'_' {
            upper = true;
        } else {
            out.push(char::from(if upper { b.to_ascii_uppercase() } else { b }));
            upper = false;
        }
    }
    out.push_str("Error");
    out
}

/// A value in the core's JSON spelling as a JS value, so `JSON.stringify` of it is the core's
/// JSON (serde_json and `JSON.parse`: smaller in the browser modules than serde-wasm-bindgen).
pub(crate) fn plain<T: Serialize + ?Sized>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js::parse_json(&text).ok())
        .unwrap_or(JsValue::NULL)
}

/// A value from JS of the wrong shape: `STATE_MALFORMED` at line 0 ("the shape, not the
/// text, is wrong").
#[cfg(any(feature = "meter", feature = "pins", feature = "hash"))]
pub(crate) fn malformed() -> Error {
    pbx_rules::StateError::Malformed { line: 0, column: 0 }.into()
}

/// One row of a bulk call (the core's `Batch`) as `{ ok }` or `{ error }`, the shape of a
/// decision's outcome, so a bad row is read the same way as a refused operation.
#[cfg(feature = "account")]
pub(crate) fn row<T: Into<JsValue>, E: Into<Error>>(result: Result<T, E>) -> JsValue {
    let (key, value): (&str, JsValue) = match result {
        Ok(value) => ("ok", value.into()),
        Err(e) => ("error", Into::<Error>::into(e).into()),
    };
    let out = js::object();
    set(&out, key, &value);
    out
}

/// A tsify conversion that failed: the value's shape is wrong.
#[cfg(feature = "account")]
pub(crate) fn shape(_: tsify::Error) -> Error {
    malformed()
}

#[cfg(test)]
mod tests {
    use super::name;

    // G2: every family of the core's one table gets a distinct JS error name.
    #[test]
    fn every_family_has_a_distinct_error_name() {
        let names: Vec<String> = pbx_rules::Error::FAMILIES
            .iter()
            .map(|(family, _)| name(family))
            .collect();
        assert_eq!(names[1], "LoginIdError");
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        assert!(names.iter().all(|n| n.ends_with("Error") && n.len() > 5));
    }
}
