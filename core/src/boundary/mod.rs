//! What each binding technology needs on the core's own types, behind its feature: one
//! module per technology, conversions only (no rule logic).

#[cfg(feature = "uniffi")]
pub mod uniffi;
