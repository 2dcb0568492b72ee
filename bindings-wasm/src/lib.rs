//! WebAssembly binding of `pbx-rules` (issue 7).
//!
//! No rule logic lives here: every export is a one-line delegation to the core, and every
//! core error arrives in JS as an `Error` with `name`, `code`, `messageDe` and `messageEn`
//! (see [`error`]). The crate is built once per feature area (`meter`, `numbers`, `pins`,
//! `hash`) so that a page downloads only the rules it uses: the linker drops the phone
//! metadata from a meter-only module and the password dictionaries from a numbers-only one.
//! `full` is the Node build the tests replay the shared vectors against.
#![forbid(unsafe_code)]
// JS callers cannot see `#[must_use]`; the core carries it where it matters.
#![allow(clippy::must_use_candidate)]

#[cfg(feature = "account")]
mod account;
pub mod error;
mod lang;
mod policy;

#[cfg(feature = "hash")]
mod hash;
#[cfg(feature = "meter")]
mod meter;
#[cfg(feature = "numbers")]
mod numbers;
#[cfg(feature = "pins")]
mod pins;

pub use policy::{Lang, Policy};
