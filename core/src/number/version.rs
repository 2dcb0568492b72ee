//! Which libphonenumber metadata the numbering rules (N1–N3) run on.
//!
//! Numbering plans change every few weeks (new mobile ranges, closed area codes), so a host
//! needs to know how old the embedded data is: to show it in an admin view, to log it beside
//! a refusal, or to notice that the browser and the server disagree because they were built
//! from different metadata. `core/metadata/generate.py refresh` updates it.

/// The version of Python `phonenumbers` whose libphonenumber metadata is embedded
/// (`9.0.43`), as named by the generated `core/metadata/PhoneNumberMetadata.xml`.
///
/// # Examples
/// ```
/// let version = pbx_rules::metadata_version();
/// assert!(version.split('.').all(|part| part.parse::<u32>().is_ok()));
/// ```
#[must_use]
pub fn metadata_version() -> &'static str {
    env!("PBX_RULES_METADATA_VERSION")
}
