//! The session part of a policy (A2, G11).

use serde::{Deserialize, Serialize};

/// Lifetimes around logins: remembered browsers and code tries of the admin login (A2), and
/// how long a session lasts (G11).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionPolicy {
    /// How long a remembered browser skips the second-factor step, in days. Bounds: 0–3650
    /// (0: no browser is remembered).
    #[cfg_attr(feature = "uniffi", uniffi(default = 90))]
    pub device_token_lifetime_days: i32,
    /// Wrong entries after which a mailed code is void and a new one must be requested.
    /// Bounds: 1–100, at most `second_factor.account_allowance`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 5))]
    pub max_code_failures: i32,
    /// Seconds without a request after which a session ends (G11). Bounds: 60–86400, at most
    /// `absolute_timeout_secs`. Policies stored without it read the centrexx value.
    #[serde(default = "default_idle_timeout_secs")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 3600))]
    pub idle_timeout_secs: i32,
    /// Seconds after the login at which a session ends however active it is (G11). Bounds:
    /// 300–2592000 (30 days), at least `second_factor.code_lifetime_secs`. Policies stored
    /// without it read the centrexx value.
    #[serde(default = "default_absolute_timeout_secs")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 86400))]
    pub absolute_timeout_secs: i32,
}

fn default_idle_timeout_secs() -> i32 {
    SessionPolicy::centrexx().idle_timeout_secs
}

fn default_absolute_timeout_secs() -> i32 {
    SessionPolicy::centrexx().absolute_timeout_secs
}

impl SessionPolicy {
    /// The seed names no numbers here: a remembered browser for 90 days, 5 tries per code;
    /// sessions end after an hour without a request and after a day (NIST SP 800-63B rev. 4
    /// at AAL2).
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            device_token_lifetime_days: 90,
            max_code_failures: 5,
            idle_timeout_secs: 3_600,
            absolute_timeout_secs: 86_400,
        }
    }

    /// A remembered browser for 30 days, 3 tries per code; sessions end after 15 minutes
    /// without a request and after 12 hours (NIST SP 800-63B rev. 4 at AAL3).
    #[must_use]
    pub fn strict() -> Self {
        Self {
            device_token_lifetime_days: 30,
            max_code_failures: 3,
            idle_timeout_secs: 900,
            absolute_timeout_secs: 43_200,
        }
    }

    /// The idle limit as a duration.
    #[must_use]
    pub fn idle_timeout(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::seconds(i64::from(self.idle_timeout_secs))
    }

    /// The absolute limit as a duration.
    #[must_use]
    pub fn absolute_timeout(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::seconds(i64::from(self.absolute_timeout_secs))
    }
}
