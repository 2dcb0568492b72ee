//! The recovery part of a policy (R1, R2, F3, F5).

use serde::{Deserialize, Serialize};

/// How forgot-PIN and forgot-password answer the requester, how often they mail, and how
/// long a mailed secret lives.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecoveryPolicy {
    /// Answer every request the same way, whether or not the account exists or has an
    /// e-mail (OWASP ASVS 5.0 6.3.8: no enumeration). The seed names its refusals, so
    /// centrexx keeps them explicit. It also makes every path do the same expensive work
    /// (a random secret and one hash), so the answer's timing does not tell either (F5).
    pub uniform_answers: bool,
    /// Recovery requests per account and hour that mail a secret (F3); further requests in
    /// the hour get the same answer and change nothing. Bounds: `1..=60`.
    #[serde(default = "default_requests_per_hour")]
    pub requests_per_hour: u32,
    /// Seconds a mailed PIN or password stays usable (F3); until it is first used the old
    /// secret keeps working, after this it is void. Bounds: `300..=604_800` (5 minutes to
    /// 7 days).
    #[serde(default = "default_mailed_secret_lifetime_secs")]
    pub mailed_secret_lifetime_secs: u32,
}

fn default_requests_per_hour() -> u32 {
    RecoveryPolicy::centrexx().requests_per_hour
}

fn default_mailed_secret_lifetime_secs() -> u32 {
    RecoveryPolicy::centrexx().mailed_secret_lifetime_secs
}

impl RecoveryPolicy {
    /// Explicit refusals, as the seed describes them; 3 mails per hour, a mailed secret
    /// lives a day (the seed is silent on both).
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            uniform_answers: false,
            requests_per_hour: 3,
            mailed_secret_lifetime_secs: 86_400,
        }
    }

    /// One answer for every request; a mailed secret lives an hour.
    #[must_use]
    pub fn strict() -> Self {
        Self {
            uniform_answers: true,
            mailed_secret_lifetime_secs: 3_600,
            ..Self::centrexx()
        }
    }
}

impl RecoveryPolicy {
    /// The lifetime of a mailed secret as a duration.
    #[must_use]
    pub fn mailed_secret_lifetime(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::seconds(i64::from(self.mailed_secret_lifetime_secs))
    }
}
