//! Revisions of stored state, for the host's compare-and-swap (I5).
//!
//! Two requests that read the same state and both write back lose one of the changes (two
//! parallel failed logins would store one failure). Every stored state therefore carries a
//! `revision` that every change increments: the host writes only where the stored revision
//! is still the one it read, and retries the request otherwise.

use crate::{AdminAccount, AdminSession, Decision, ExtensionAccount};

/// A stored state that counts its changes: the revision a host's compare-and-swap checks
/// (I5). Every lifecycle state has it, so one generic store serves them all (the portal
/// example's `db::Write::of`).
pub trait Revised {
    /// One more after every change the core makes; unchanged when nothing changed.
    #[must_use]
    fn revision(&self) -> u64;
}

/// State that counts its changes.
pub(crate) trait Revise: Sized {
    /// `self` as the state after an operation on `before`: one revision on if it changed.
    #[must_use]
    fn revise(self, before: &Self) -> Self;
}

/// The lifecycle states: each counts its changes (`Revise`) and names its revision
/// (`Revised`).
macro_rules! revised {
    ($($ty:ty),+) => {$(
        impl Revised for $ty {
            fn revision(&self) -> u64 {
                self.revision
            }
        }

        impl Revise for $ty {
            fn revise(mut self, before: &Self) -> Self {
                if self != *before {
                    // Wrapping, not saturating: after u64::MAX comes 0, which still differs
                    // from the revision a stale writer read.
                    self.revision = before.revision.wrapping_add(1);
                }
                self
            }
        }
    )+};
}
revised!(ExtensionAccount, AdminAccount, AdminSession);

impl<S: Revise> Revise for Option<S> {
    fn revise(self, before: &Self) -> Self {
        match (self, before) {
            (Some(after), Some(before)) => Some(after.revise(before)),
            (after, _) => after,
        }
    }
}

impl<A: Revise, B: Revise> Revise for (A, B) {
    fn revise(self, before: &Self) -> Self {
        (self.0.revise(&before.0), self.1.revise(&before.1))
    }
}

// The bound is crate-private on purpose: only this crate's operations revise state, and
// the method itself is `pub(crate)`.
#[allow(private_bounds)]
impl<S: Revise, T> Decision<S, T> {
    /// The decision with its state one revision past `before` if it changed.
    pub(crate) fn revised(self, before: &S) -> Self {
        Self {
            state: self.state.revise(before),
            ..self
        }
    }
}
