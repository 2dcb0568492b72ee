//! Phone numbers: what people type, what is stored, what is shown (N1–N6).
//!
//! Backup numbers are stored in E.164 ([`E164`]); people type them nationally or
//! internationally with the separators they are used to, and [`NumberPlan::normalize`]
//! turns that into the stored form, or a [`NumberError`] that names the reason (N1, N2).
//! Login identifiers are read against the PBX's [`BaseNumber`] (N4–N6).

// Always built: the stored forms and the errors, which PIN contexts, permissions and the
// error families use without the engine.
mod e164;
mod error;
mod extension;
mod kind;
mod login_error;

// Feature `numbers`: the engine, its metadata table and what reads typed numbers with it.
#[cfg(feature = "numbers")]
mod base;
#[cfg(feature = "numbers")]
mod batch;
#[cfg(feature = "numbers")]
mod engine;
#[cfg(all(feature = "numbers", feature = "host-regex"))]
mod host_regex;
#[cfg(feature = "numbers")]
mod phone;
#[cfg(feature = "numbers")]
mod plan;
#[cfg(feature = "numbers")]
mod tel_uri;
#[cfg(feature = "numbers")]
mod typed;
#[cfg(feature = "numbers")]
mod version;

#[cfg(feature = "numbers")]
pub use base::BaseNumber;
#[cfg(feature = "numbers")]
pub use batch::NumberBatch;
pub use e164::E164;
pub use error::NumberError;
pub use extension::ExtensionDigits;
#[cfg(all(feature = "numbers", feature = "host-regex"))]
pub use host_regex::{HostRegex, use_host_regex};
pub use kind::NumberKind;
pub use login_error::LoginIdError;
#[cfg(feature = "numbers")]
pub use phone::{PhoneNumber, PhoneNumberData};
#[cfg(feature = "numbers")]
pub use plan::NumberPlan;
#[cfg(feature = "numbers")]
pub use version::metadata_version;
