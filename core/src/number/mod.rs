//! Phone numbers: what people type, what is stored, what is shown (N1–N6).
//!
//! Backup numbers are stored in E.164 ([`E164`]); people type them nationally or
//! internationally with the separators they are used to, and [`NumberPlan::normalize`]
//! turns that into the stored form, or a [`NumberError`] that names the reason (N1, N2).
//! Login identifiers are read against the PBX's [`BaseNumber`] (N4–N6).

mod base;
mod batch;
mod e164;
mod engine;
mod error;
#[cfg(feature = "host-regex")]
mod host_regex;
mod kind;
mod login_error;
mod phone;
mod plan;
mod tel_uri;
mod typed;
mod version;

pub use base::{BaseNumber, ExtensionDigits};
pub use batch::NumberBatch;
pub use e164::E164;
pub use error::NumberError;
#[cfg(feature = "host-regex")]
pub use host_regex::{HostRegex, use_host_regex};
pub use kind::NumberKind;
pub use login_error::LoginIdError;
pub use phone::PhoneNumber;
pub use plan::NumberPlan;
pub use version::metadata_version;
