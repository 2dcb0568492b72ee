//! The user PIN: its shape (P1), the default PIN (P2), changing it (P3), the mobile app's
//! check (P8), and trivial-PIN detection.
//!
//! The [`Pin`](crate::Pin) type itself lives in `secret.rs` with the other secrets; this
//! module gives it its rules. Every number comes from [`PinPolicy`](crate::PinPolicy).

mod change;
mod error;
mod rules;
mod trivial;

#[cfg(feature = "lifecycle")]
pub(crate) use change::change_pin;
pub use change::{AcceptedPin, mobile_app_check, validate_new_pin};
pub use error::PinError;
#[cfg(feature = "lifecycle")]
pub(crate) use rules::beyond_any_pin;
pub use trivial::{PinContext, TrivialPinFinding};
