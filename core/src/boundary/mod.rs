//! What each binding technology needs beyond the derives on the core's own types (issue 11):
//! one module per technology, each behind its cargo feature.

#[cfg(feature = "wasm")]
pub mod wasm;
