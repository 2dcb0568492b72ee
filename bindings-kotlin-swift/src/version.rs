//! The release, readable at run time: the jar, the crate, the wheel and the npm package
//! share one version.

/// This release of pbx-rules (`"0.1.0"`); the jar's manifest carries the same.
#[uniffi::export]
pub fn version() -> String {
    pbx_rules::VERSION.to_owned()
}

/// The libphonenumber metadata release the number rules embed (`"9.0.43"`).
#[uniffi::export]
pub fn metadata_version() -> String {
    pbx_rules::METADATA_VERSION.to_owned()
}
