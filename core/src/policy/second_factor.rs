//! The second-factor code part of a policy (A2).

use serde::{Deserialize, Serialize};

/// The emailed code that unlocks extended rights (A2).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SecondFactorPolicy {
    /// Seconds a code stays valid (A2: 15 minutes = 900). Bounds: 1–86400, at most
    /// `session.absolute_timeout_secs`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 900))]
    pub code_lifetime_secs: i32,
    /// Digits of a code (the seed is silent: 6, as in TOTP). Bounds: 4–20.
    #[cfg_attr(feature = "uniffi", uniffi(default = 6))]
    pub code_digits: usize,
    /// Consecutive wrong codes, over all sessions, after which the admin account can no
    /// longer gain extended rights until a mailed password is used (F7); the throttle's
    /// delays apply on the way. Bounds: `1..=100`, at most `throttle.hard_limit` and at
    /// least `session.max_code_failures`.
    #[serde(default = "default_account_allowance")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 20))]
    pub account_allowance: i32,
}

fn default_account_allowance() -> i32 {
    SecondFactorPolicy::centrexx().account_allowance
}

impl SecondFactorPolicy {
    /// The seed: 15 minutes, 6 digits.
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            code_lifetime_secs: 900,
            code_digits: 6,
            account_allowance: 20,
        }
    }

    /// NIST SP 800-63B rev. 4 out-of-band codes: at least 6 digits, 10 minutes.
    #[must_use]
    pub fn strict() -> Self {
        Self {
            code_lifetime_secs: 600,
            account_allowance: 10,
            ..Self::centrexx()
        }
    }

    /// The lifetime as a duration.
    #[must_use]
    pub fn code_lifetime(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::seconds(i64::from(self.code_lifetime_secs))
    }
}
