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
    /// e-mail (OWASP ASVS 5.0 6.3.8: no enumeration); and every login too: a throttled or
    /// locked account answers "wrong", as an identifier that names no account does (G10).
    /// The seed names its refusals, so centrexx keeps them explicit. Every recovery path then
    /// does the same expensive work (a random secret and one hash), and every login path does
    /// one hash evaluation under either preset, so timing does not tell either (F5, G10).
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub uniform_answers: bool,
    /// Recovery requests per account and hour that mail a secret (F3); further requests in
    /// the hour get the same answer and change nothing. Bounds: `1..=60`, and times
    /// `password.propagation_delay_secs` less than an hour (G9: each request replaces the
    /// waiting password, so the hour's last one must become usable within the hour).
    #[serde(default = "default_requests_per_hour")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 3))]
    pub requests_per_hour: i32,
    /// Seconds a mailed PIN or password stays usable (F3); until it is first used the old
    /// secret keeps working, after this it is void. Bounds: `300..=604_800` (5 minutes to
    /// 7 days), and more than `password.propagation_delay_secs` and
    /// `throttle.max_delay_secs` (a mailed secret must become usable, and triable, in its
    /// life).
    #[serde(default = "default_mailed_secret_lifetime_secs")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 86400))]
    pub mailed_secret_lifetime_secs: i32,
}

fn default_requests_per_hour() -> i32 {
    RecoveryPolicy::centrexx().requests_per_hour
}

fn default_mailed_secret_lifetime_secs() -> i32 {
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
