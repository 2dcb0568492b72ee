//! Kotlin and Swift bindings of pbx-rules through uniffi.
//!
//! The core's own types cross as they are: its enums and records carry uniffi derives behind
//! the core's `uniffi` feature (`core/src/boundary/uniffi.rs` holds the custom types for
//! times, digits, numbers and secrets), so they are generated once into the Kotlin package
//! `de.pbxrules.core` / the Swift module. This crate keeps only handles (objects whose methods
//! are one-line delegations to `pbx_rules`) and the mapping of each core error family to a
//! `RuleError` case.

// Every exported function returns its value to Kotlin or Swift, where `#[must_use]` has no
// effect; the attribute on each of them would be noise.
#![allow(clippy::must_use_candidate)]
// The docs reach Kotlin and Swift, where a `# Errors` heading means nothing: each fallible
// export says "Throws RuleError.X" in its summary instead.
#![allow(clippy::missing_errors_doc)]
// `RuleError` (five strings) is what every fallible export returns: uniffi lowers the error
// type by value, so it cannot be boxed, and the size costs nothing beside the FFI call.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!("pbx_rules");

mod access;
mod account;
mod admin;
mod backup;
mod batch;
mod credentials;
mod decision;
mod error;
mod json;
mod number;
mod rules;
mod version;

pub use error::RuleError;
