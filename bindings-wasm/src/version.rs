//! The release, readable at run time from every module: the npm package, the crate, the
//! wheel and the jar share one version.

use wasm_bindgen::prelude::*;

/// This release of pbx-rules (`"0.1.0"`); the npm package's `version` is the same.
#[wasm_bindgen]
pub fn version() -> String {
    pbx_rules::VERSION.to_owned()
}

/// The libphonenumber metadata release the number rules embed (`"9.0.43"`).
#[cfg(feature = "numbers")]
#[wasm_bindgen(js_name = metadataVersion)]
pub fn metadata_version() -> String {
    pbx_rules::METADATA_VERSION.to_owned()
}
