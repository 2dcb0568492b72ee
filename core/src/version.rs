//! The release and the data it carries, readable at run time: every package (crate, wheel,
//! npm package, jar) has the same version and reports it with these constants, so a bug
//! report can name both.

/// This release of pbx-rules; the Python, npm and JVM packages carry the same number.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The release of libphonenumber's metadata embedded in this build (exported from the
/// Python `phonenumbers` package of that version, see `core/metadata/`).
pub const METADATA_VERSION: &str = env!("PBX_RULES_METADATA_VERSION");

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded metadata is the release the number vectors were made from (N1).
    #[test]
    fn n1_metadata_version_is_the_vectors_reference() {
        let maker = include_str!("../vectors/make_numbers.py");
        assert!(
            maker.contains(&format!("REFERENCE = \"{METADATA_VERSION}\"")),
            "make_numbers.py and the metadata disagree: {METADATA_VERSION}"
        );
        assert_eq!(METADATA_VERSION.split('.').count(), 3);
    }
}
