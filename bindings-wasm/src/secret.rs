//! A secret handed to JavaScript (G3): a PIN, password or code the host must mail
//! or sync once. It is a handle, not a string: `toString()`, `toJSON()` and Node's
//! `util.inspect` show `***`, so `console.log(decision)` or `JSON.stringify(decision)` never
//! print it; the plaintext comes only from an explicit `expose()`.

use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

/// What every masked form of a secret shows.
const MASK: &str = "***";

/// A one-time secret: masked when printed, logged or serialised; `expose()` reads it.
#[wasm_bindgen]
#[derive(Clone)]
pub struct Secret(Zeroizing<String>);

#[wasm_bindgen]
impl Secret {
    /// The plaintext, for the mail or the phone and nothing else.
    pub fn expose(&self) -> String {
        self.0.to_string()
    }

    /// `***`: what `String(secret)` and template strings show.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_js_string(&self) -> String {
        MASK.to_owned()
    }

    /// `"***"`: what `JSON.stringify` writes, the core's JSON spelling of a secret.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> String {
        MASK.to_owned()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(MASK)
    }
}

impl Secret {
    /// Copies a core secret's plaintext into a handle (wiped when JS frees it).
    pub(crate) fn of(plaintext: &str) -> Self {
        Secret(Zeroizing::new(plaintext.to_owned()))
    }
}

/// A new `Secret` handle for JS. Node's `util.inspect` (and so `console.log`) asks the
/// symbol `nodejs.util.inspect.custom` for a custom view: the class prototype answers with the
/// mask, set on the first secret handed out.
pub(crate) fn secret(plaintext: &str) -> JsValue {
    let js: JsValue = Secret::of(plaintext).into();
    MASKED.with(|done| {
        if !done.replace(true) {
            let proto = js_sys::Object::get_prototype_of(&js);
            let symbol = js_sys::Symbol::for_("nodejs.util.inspect.custom");
            let view = js_sys::Function::new_no_args("return '***'");
            // Setting a property on the class prototype cannot fail.
            let _ = js_sys::Reflect::set(&proto, &symbol.into(), &view);
        }
    });
    js
}

thread_local! {
    static MASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}
