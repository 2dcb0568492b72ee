//! One try of a secret at a login (G5, G9, G10): the throttle, one hash evaluation on every
//! path, and the answer the policy lets the person at the keyboard see.
//!
//! Every login (user PIN, admin password, second-factor code) goes through [`attempt`], so
//! the rules hold the same way on each: a throttled or locked account is not counted, a
//! wrong secret is, a right one resets the count; and the work is the same whatever the
//! account's state, because the hash runs even where its result is not needed (text far
//! too long, a throttled account). Under uniform answers a refusal that only a known account
//! could give (throttled, locked) reads as "wrong", like an unknown identifier's.

use chrono::{DateTime, Utc};

use crate::throttle::Throttle;
use crate::{Error, LoginError, Rules};

/// What was typed, and what it is compared with.
pub(crate) struct Try<'a> {
    /// The typed secret in its stored form; `None` for text far beyond any secret (F10),
    /// which matches nothing but costs the same evaluation.
    pub(crate) typed: Option<&'a [u8]>,
    /// The stored hash of the secret in use.
    pub(crate) current: &'a str,
    /// The stored hash of a mailed secret that may be used now.
    pub(crate) mailed: Option<&'a str>,
    /// Whether a right mailed secret passes a throttled or locked account. True for the
    /// admin's mailed password (S1, G9): it proves control of the admin mailbox, which is
    /// what forgot-password trusts, and it is long and random, so no throttle protects it;
    /// without this, anyone who knows the public head number could lock the admin out for
    /// good. False for a mailed PIN: few digits need the throttle, and the user's way back
    /// is the admin.
    pub(crate) mailed_passes_lock: bool,
}

/// Which stored secret a typed one matched.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Matched {
    /// The secret in use.
    Current,
    /// The mailed one waiting for its first use.
    Mailed,
}

/// One try under `throttle` with an allowance of `allowance` failures. Returns the throttle
/// to store and what matched, or the refusal; a login shows it through [`shown`].
///
/// - Exactly one hash evaluation on every path (G10; two only for a mailed hash stored before
///   mailed secrets shared the salt).
/// - Throttled or locked: not counted, nothing compared but a mailed secret that passes the
///   lock (S1).
/// - Wrong: counted (G5). The current secret right: the count starts again (G8). A mailed
///   secret right: the count stays until the caller puts it in use.
pub(crate) fn attempt(
    throttle: &Throttle,
    allowance: u32,
    now: DateTime<Utc>,
    rules: &Rules,
    t: Try<'_>,
) -> (Throttle, Result<Matched, Error>) {
    let policy = rules.policy();
    let gate = throttle.check(now, allowance, &policy.throttle);
    let (current, mailed) = match rules.hasher().verify_pair(t.typed, t.current, t.mailed) {
        Ok(found) => found,
        Err(e) => return (throttle.clone(), Err(e.into())),
    };
    match gate {
        Err(_) if mailed && t.mailed_passes_lock => (throttle.clone(), Ok(Matched::Mailed)),
        Err(locked) => (throttle.clone(), Err(locked.into())),
        Ok(()) if current => (Throttle::default(), Ok(Matched::Current)),
        Ok(()) if mailed => (throttle.clone(), Ok(Matched::Mailed)),
        Ok(()) => {
            let counted = throttle.failed(now);
            let refusal = counted.refusal(allowance);
            (counted, Err(refusal.into()))
        }
    }
}

/// A login refusal as the requester may see it: under uniform answers a throttle's refusal
/// is "wrong", as for an identifier that names no account (G10); else as it is.
pub(crate) fn shown(error: Error, rules: &Rules) -> Error {
    let throttle_only = matches!(
        error,
        Error::Login(LoginError::Throttled { .. } | LoginError::ThrottleLocked)
    );
    if throttle_only && rules.policy().recovery.uniform_answers {
        LoginError::WrongCredentials.into()
    } else {
        error
    }
}
