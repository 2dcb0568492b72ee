//! The release, readable at run time: every package (crate, wheel, npm package, jar) has the
//! same version and reports it with this constant, and the embedded numbering data with
//! [`crate::metadata_version`], so a bug report can name both.

/// This release of pbx-rules; the Python, npm and JVM packages carry the same number.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
