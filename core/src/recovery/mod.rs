//! Forgot password and forgot PIN (R1–R4).
//!
//! A new random secret replaces the old one, only its hash is stored, and the plaintext
//! leaves once, in the mail effect. Under the strict preset the requester gets the same
//! answer whether or not the account exists or has an e-mail (no enumeration); the seed's
//! explicit refusals stay under centrexx.

mod error;
mod password;
mod pending;
mod pin;

pub use error::RecoveryError;
pub use password::forgot_password;
pub(crate) use pending::{PendingReset, RecoveryLog};
pub use pin::forgot_pin;

use crate::{Decision, Error, PasswordContext, PinContext, Rules};

/// The kind of secret a recovery request mails.
#[derive(Clone, Copy)]
enum Mailed {
    Pin,
    Password,
}

/// A refusal as the policy lets the requester see it: named (centrexx), or the same
/// success-shaped answer as a granted request (strict), after the same work (F5).
fn answer<S>(state: S, error: RecoveryError, rules: &Rules, kind: Mailed) -> Decision<S, ()> {
    if rules.policy().recovery.uniform_answers {
        same_as_granted(state, rules, kind)
    } else {
        Decision::new(state, Err(Error::from(error)))
    }
}

/// The answer of a granted request without its mail: for requests past the hourly limit
/// (F3), and for every refusal under uniform answers. Under uniform answers it first does
/// the expensive work of a granted request (a random secret and its hash) and throws it
/// away, so the time taken does not tell an existing account from a missing one (F5).
fn same_as_granted<S>(state: S, rules: &Rules, kind: Mailed) -> Decision<S, ()> {
    if rules.policy().recovery.uniform_answers {
        equal_work(rules, kind);
    }
    Decision::new(state, Ok(()))
}

/// The work of a granted request, result discarded (F5). Failures do not matter here: the
/// real path would report them, this one only has to take as long.
fn equal_work(rules: &Rules, kind: Mailed) {
    let secret = match kind {
        Mailed::Pin => crate::generate_pin(&PinContext::default(), rules)
            .map(|p| p.expose().as_bytes().to_vec()),
        Mailed::Password => crate::generate_password(&PasswordContext::default(), rules)
            .map(|p| p.expose().as_bytes().to_vec()),
    };
    let bytes = zeroize::Zeroizing::new(secret.unwrap_or_default());
    let _ = std::hint::black_box(rules.hasher().hash(&bytes));
}
