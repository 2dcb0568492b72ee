//! A refused step of a lifecycle operation, so each operation reads as a straight line of
//! checks joined by `?`.
//!
//! A refusal still carries state: a wrong PIN is counted, so the account to save differs
//! from the one read. [`Decision::of`] turns the steps' result into the decision and
//! counts the revision (I5) in one place for every operation.

use crate::revision::Revise;
use crate::{Decision, Error};

/// Why an operation stopped, and the state to save all the same. Boxed, so the happy
/// path's `Result` stays small.
pub(crate) struct Refusal<S>(Box<(S, Error)>);

impl<S> Refusal<S> {
    /// Refused, saving `state` (a counted failure, a used-up code).
    pub(crate) fn with(state: S, error: impl Into<Error>) -> Self {
        Self(Box::new((state, error.into())))
    }
}

impl<S: Clone> Refusal<S> {
    /// Refused, nothing changed: `state` is saved as it was read.
    pub(crate) fn keep(state: &S, error: impl Into<Error>) -> Self {
        Self::with(state.clone(), error)
    }
}

/// What the steps of an operation return: the decision, or where and why they stopped.
pub(crate) type Steps<S, T> = Result<Decision<S, T>, Refusal<S>>;

/// `?` for a check whose failure refuses and keeps the state as it was.
pub(crate) trait OrKeep<T> {
    /// The value, or a refusal that saves `state` unchanged.
    fn or_keep<S: Clone>(self, state: &S) -> Result<T, Refusal<S>>;
}

impl<T, E: Into<Error>> OrKeep<T> for Result<T, E> {
    fn or_keep<S: Clone>(self, state: &S) -> Result<T, Refusal<S>> {
        self.map_err(|e| Refusal::keep(state, e))
    }
}

// The bound is crate-private on purpose: only this crate's operations revise state.
#[allow(private_bounds)]
impl<S: Revise, T> Decision<S, T> {
    /// The decision of an operation's steps on `before`: the refusal as a decision that
    /// saves its state, and either way one revision on if the state changed (I5).
    pub(crate) fn of(before: &S, steps: Steps<S, T>) -> Self {
        let decision = match steps {
            Ok(decision) => decision,
            Err(Refusal(refused)) => {
                let (state, error) = *refused;
                Decision::refuse(state, error)
            }
        };
        decision.revised(before)
    }
}
