//! The admin password: its shape (K1), the strength meter (K2) with German words and the
//! account's guessable inputs (K4), changing it (K3), and the blocklist of strict policies.
//!
//! The [`Password`](crate::Password) type itself lives in `secret.rs`; this module gives it
//! its rules. Every number comes from [`PasswordPolicy`](crate::PasswordPolicy).

mod change;
mod error;
mod feedback;
pub mod guesses;
mod meter;
mod rules;
mod typed;

pub use change::{AcceptedPassword, validate_new_password};
pub(crate) use change::{change_password, check_new_password};
pub use error::{BlockReason, ContextKind, PasswordError};
pub use feedback::{Suggestion, Warning};
#[cfg(test)]
pub(crate) use meter::rate;
pub use meter::{PasswordContext, Strength, StrengthLevel, evaluate};
pub(crate) use typed::comparable as comparable_password;
