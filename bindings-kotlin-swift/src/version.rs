//! The release, readable at run time: the jar, the crate, the wheel and the npm package
//! share one version (the metadata release is `metadataVersion()`, with the numbers).

/// This release of pbx-rules (`"0.1.0"`); the jar's manifest carries the same.
#[uniffi::export]
pub fn version() -> String {
    pbx_rules::VERSION.to_owned()
}
