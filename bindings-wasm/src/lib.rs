//! WebAssembly binding of `pbx-rules`.
//!
//! No rule logic lives here: every export is a one-line delegation to the core, and every
//! core error arrives in JS as an `Error` with `name`, `code`, `messageDe` and `messageEn`
//! (see [`error`]). The crate is built once per feature area (`meter`, `numbers`, `pins`,
//! `hash`) so that a page downloads only the rules it uses: each area turns on only the
//! core's feature of that area, so a meter-only module does not even compile the phone
//! metadata, nor a numbers-only one the password dictionaries (the PIN rules need none).
//! `account` adds the lifecycle (Node hosts); `host-regex` runs the core's numbering engine on
//! the browser's `RegExp` (every browser module, see `src/regexp.rs`). `full` is the Node
//! build the tests replay every shared vector against.
#![forbid(unsafe_code)]
// JS callers cannot see `#[must_use]`; the core carries it where it matters.
#![allow(clippy::must_use_candidate)]

pub mod error;
mod js;
mod lang;
mod policy;
#[cfg(any(feature = "meter", feature = "pins"))]
mod record;
#[cfg(feature = "account")]
mod secret;
mod version;

#[cfg(feature = "account")]
mod account;
#[cfg(feature = "hash")]
mod hash;
#[cfg(feature = "meter")]
mod meter;
#[cfg(feature = "numbers")]
mod numbers;
#[cfg(feature = "pins")]
mod pins;
// Only where the core's numbering engine is built (the core's `numbers`).
#[cfg(all(feature = "host-regex", any(feature = "numbers", feature = "account")))]
mod regexp;

pub use policy::{Lang, Policy};

/// The allocator of a module built with feature `talc` (the browser numbers module): talc,
/// for single-threaded wasm32, smaller than std's dlmalloc.
#[cfg(all(
    feature = "talc",
    target_family = "wasm",
    not(target_feature = "atomics")
))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
