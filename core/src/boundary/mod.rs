//! What each binding technology needs on the core's own types, behind its feature (issue 11):
//! conversions and presentation only, never rule logic.

#[cfg(feature = "python")]
mod python;
