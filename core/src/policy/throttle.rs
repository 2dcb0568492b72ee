//! The throttling part of a policy (G5).

use serde::{Deserialize, Serialize};

/// How failed logins slow an account down and finally lock it (G5).
///
/// A 4-digit PIN has only 10,000 values and no hash protects that, so the allowance of
/// consecutive failures grows with the PIN's length, as the Lync PIN policy does: it
/// doubles with each digit above the minimum, and never exceeds `hard_limit` (NIST SP
/// 800-63B caps consecutive failures at 100).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThrottlePolicy {
    /// Failures answered without delay (typos happen). Bounds: 0–`hard_limit`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 3))]
    pub free_failures: i32,
    /// The delay after the first failure past the free ones; it doubles with each further one.
    /// Bounds: 0–`max_delay_secs`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 30))]
    pub first_delay_secs: i32,
    /// The longest delay between two tries, in seconds. Bounds: 0–86400, less than
    /// `recovery.mailed_secret_lifetime_secs`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 900))]
    pub max_delay_secs: i32,
    /// Consecutive failures that lock a PIN of the policy's minimum length.
    /// Bounds: 1–`hard_limit`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 10))]
    pub pin_allowance_at_min_len: i32,
    /// Consecutive failures that lock an admin password. Bounds: 1–`hard_limit`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 20))]
    pub password_allowance: i32,
    /// No allowance exceeds this (NIST SP 800-63B: at most 100). Bounds: 1–100.
    #[cfg_attr(feature = "uniffi", uniffi(default = 100))]
    pub hard_limit: i32,
}

impl ThrottlePolicy {
    /// The seed names no numbers; these follow the Lync PIN policy's shape.
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            free_failures: 3,
            first_delay_secs: 30,
            max_delay_secs: 900,
            pin_allowance_at_min_len: 10,
            password_allowance: 20,
            hard_limit: 100,
        }
    }

    /// Fewer free tries and a lower password allowance.
    #[must_use]
    pub fn strict() -> Self {
        Self {
            free_failures: 2,
            password_allowance: 10,
            ..Self::centrexx()
        }
    }
}
