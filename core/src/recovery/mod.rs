//! Forgot password and forgot PIN (R1–R4).
//!
//! A new random secret replaces the old one, only its hash is stored, and the plaintext
//! leaves once, in the mail effect. Under the strict preset the requester gets the same
//! answer whether or not the account exists or has an e-mail (no enumeration); the seed's
//! explicit refusals stay under centrexx.

mod error;
mod password;
mod pin;

pub use error::RecoveryError;
pub use password::forgot_password;
pub use pin::forgot_pin;

use crate::{Decision, Error, Policy};

/// A refusal as the policy lets the requester see it: named (centrexx), or the same
/// success-shaped answer as a granted request (strict).
fn answer<S>(state: S, error: RecoveryError, policy: &Policy) -> Decision<S, ()> {
    let outcome = if policy.recovery.uniform_answers {
        Ok(())
    } else {
        Err(Error::from(error))
    };
    Decision::new(state, outcome)
}
