//! What each binding technology needs on the core's own types, behind its feature (issue 11):
//! one module per technology, conversions and presentation only, never rule logic.

#[cfg(feature = "python")]
mod python;
#[cfg(feature = "uniffi")]
pub mod uniffi;
