//! The recovery part of a policy (R1, R2).

use serde::{Deserialize, Serialize};

/// How forgot-PIN and forgot-password answer the requester.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecoveryPolicy {
    /// Answer every request the same way, whether or not the account exists or has an
    /// e-mail (OWASP ASVS 5.0 6.3.8: no enumeration). The seed names its refusals, so
    /// centrexx keeps them explicit.
    pub uniform_answers: bool,
}

impl RecoveryPolicy {
    /// Explicit refusals, as the seed describes them.
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            uniform_answers: false,
        }
    }

    /// One answer for every request.
    #[must_use]
    pub fn strict() -> Self {
        Self {
            uniform_answers: true,
        }
    }
}
