//! The few JavaScript built-ins the browser modules call (errors, the records they read;
//! `RegExp` is in `regexp.rs`).
//!
//! Declared here rather than taken from `js-sys`: linking `js-sys` at all keeps every closure
//! adapter its declarations describe (typed arrays, promises) in the module's function table,
//! 4 KB raw that no export reaches (1.1 KB gzipped of the numbers module). Only the Node
//! build, which needs more of JS, links `js-sys`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A JS `Error`.
    #[wasm_bindgen(js_name = Error)]
    pub type Error;
    /// `new Error(message)`.
    #[wasm_bindgen(constructor, js_class = Error)]
    pub fn new(message: &str) -> Error;

    /// `Reflect.set(target, key, value)`.
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    pub fn set(target: &JsValue, key: &str, value: &JsValue) -> bool;

    /// `Object.defineProperty(target, key, { value })`, through a descriptor object.
    #[wasm_bindgen(js_namespace = Object, js_name = defineProperty)]
    pub fn define_property(target: &JsValue, key: &str, descriptor: &JsValue) -> JsValue;

    /// `Object.assign(target, source)`.
    #[wasm_bindgen(js_namespace = Object, js_name = assign)]
    pub fn assign(target: &JsValue, source: &JsValue) -> JsValue;

    /// `new Object()`.
    #[wasm_bindgen(js_name = Object)]
    pub fn object() -> JsValue;

    /// `JSON.parse(text)`, throwing on malformed text.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    pub fn parse_json(text: &str) -> Result<JsValue, JsValue>;

    /// `Reflect.get(target, key)`, throwing when `target` is not an object.
    #[cfg(any(feature = "meter", feature = "pins"))]
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    pub fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue>;

    /// A JS array.
    #[cfg(any(feature = "pins", feature = "account"))]
    pub type Array;
    /// `Array.isArray(value)`.
    #[cfg(any(feature = "pins", feature = "account"))]
    #[wasm_bindgen(static_method_of = Array, js_name = isArray)]
    pub fn is_array(value: &JsValue) -> bool;
    /// `array.length`.
    #[cfg(any(feature = "pins", feature = "account"))]
    #[wasm_bindgen(method, getter)]
    pub fn length(this: &Array) -> u32;
    /// `array[i]`.
    #[cfg(any(feature = "pins", feature = "account"))]
    #[wasm_bindgen(method, indexing_getter)]
    pub fn at(this: &Array, i: u32) -> JsValue;
}
