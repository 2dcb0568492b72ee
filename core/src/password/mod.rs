//! The admin password: its shape (K1), the strength meter (K2) with German words and the
//! account's guessable inputs (K4), changing it (K3), and the blocklist of strict policies.
//!
//! The [`Password`](crate::Password) type itself lives in `secret.rs`; this module gives it
//! its rules. Every number comes from [`PasswordPolicy`](crate::PasswordPolicy).

// Always built: the password's shape (K1), its errors and the levels a policy names.
mod error;
mod level;
mod rules;
mod typed;

// Feature `meter`: the estimator with its word lists, the meter and the checks that need it.
#[cfg(feature = "meter")]
mod change;
#[cfg(feature = "meter")]
mod feedback;
#[cfg(feature = "meter")]
pub mod guesses;
#[cfg(feature = "meter")]
mod meter;

#[cfg(feature = "lifecycle")]
pub(crate) use change::change_password;
#[cfg(feature = "meter")]
pub(crate) use change::check_new_password;
#[cfg(feature = "meter")]
pub use change::{AcceptedPassword, validate_new_password};
pub use error::{BlockReason, ContextKind, PasswordError};
#[cfg(feature = "meter")]
pub use feedback::{Suggestion, Warning};
pub use level::StrengthLevel;
#[cfg(all(test, feature = "meter"))]
pub(crate) use meter::rate;
#[cfg(feature = "meter")]
pub use meter::{PasswordContext, Strength, evaluate};
#[cfg(feature = "lifecycle")]
pub(crate) use typed::comparable as comparable_password;
