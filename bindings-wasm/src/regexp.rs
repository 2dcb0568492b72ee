//! The browser's `RegExp` as the core's numbering regex engine (feature `host-regex`).
//!
//! A browser already carries a regex engine, so the numbers module ships none: the core
//! hands every metadata pattern, anchored, to [`JsRegExp`], registered when the module
//! starts. libphonenumber writes its patterns for Java and JavaScript alike, and
//! libphonenumber-js runs the same patterns on `RegExp`; the module's Node tests replay
//! every vector and the 100,000-line corpus to hold it to the native core's verdicts.
//!
//! JS objects cannot be shared across threads, so the compiled `RegExp`s stay in this
//! module's (only) thread and the core keeps their index.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A JS `RegExp`.
    type RegExp;
    /// `RegExp(pattern)`, throwing on a pattern JS cannot read.
    #[wasm_bindgen(catch, js_name = RegExp)]
    fn compile_regexp(pattern: &str) -> Result<RegExp, JsValue>;
    /// `re.test(text)`.
    #[wasm_bindgen(method)]
    fn test(this: &RegExp, text: &str) -> bool;
    /// `re.exec(text)`: the match's groups, or `null`.
    #[wasm_bindgen(method)]
    fn exec(this: &RegExp, text: &str) -> Option<Groups>;

    /// The array `exec` returns.
    type Groups;
    /// How many groups, the whole match included.
    #[wasm_bindgen(method, getter)]
    fn length(this: &Groups) -> u32;
    /// `groups[i]`: `undefined` for a group that took no part.
    #[wasm_bindgen(method, indexing_getter)]
    fn get(this: &Groups, i: u32) -> Option<String>;
}

thread_local! {
    static COMPILED: RefCell<Vec<RegExp>> = const { RefCell::new(Vec::new()) };
}

/// The host regex engine of this module: JS `RegExp` without flags (no `g`/`y` state, no
/// multi-line `$`, `\d` is `[0-9]`).
struct JsRegExp;

impl pbx_rules::HostRegex for JsRegExp {
    fn compile(&self, pattern: &str) -> Result<u32, String> {
        let re = compile_regexp(pattern).map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| "RegExp refused a pattern".into())
        })?;
        COMPILED.with(|all| {
            let mut all = all.borrow_mut();
            all.push(re);
            u32::try_from(all.len() - 1).map_err(|_| "too many patterns".to_owned())
        })
    }

    fn is_match(&self, handle: u32, haystack: &str) -> bool {
        with(handle, |re| re.test(haystack)).unwrap_or(false)
    }

    fn captures(&self, handle: u32, haystack: &str) -> Option<Vec<Option<String>>> {
        let groups = with(handle, |re| re.exec(haystack))??;
        // A group that took no part is `undefined`, which has no string.
        Some((0..groups.length()).map(|i| groups.get(i)).collect())
    }
}

/// Runs `f` on the compiled pattern `handle`.
fn with<T>(handle: u32, f: impl FnOnce(&RegExp) -> T) -> Option<T> {
    let index = usize::try_from(handle).ok()?;
    COMPILED.with(|all| all.borrow().get(index).map(f))
}

/// Registers [`JsRegExp`] when the module is instantiated, before any export runs.
#[wasm_bindgen(start)]
fn start() {
    pbx_rules::use_host_regex(&JsRegExp);
}
