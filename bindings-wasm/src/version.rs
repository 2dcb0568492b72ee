//! The release, readable at run time from every module: the npm package, the crate, the
//! wheel and the jar share one version.

use wasm_bindgen::prelude::*;

/// This release of pbx-rules (`"0.1.0"`); the npm package's `version` is the same.
#[wasm_bindgen]
pub fn version() -> String {
    pbx_rules::VERSION.to_owned()
}
