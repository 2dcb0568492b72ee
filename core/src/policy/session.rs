//! The admin-session part of a policy (A2, K5).

use serde::{Deserialize, Serialize};

/// Lifetimes around the admin login (A2) and how many wrong codes a code survives.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionPolicy {
    /// How long a remembered browser skips the second-factor step, in days. Bounds: 0–3650
    /// (0: no browser is remembered).
    pub device_token_lifetime_days: u32,
    /// Wrong entries after which a mailed code is void and a new one must be requested.
    /// Bounds: 1–100.
    pub max_code_failures: u32,
}

impl SessionPolicy {
    /// The seed names no numbers here: a remembered browser for 90 days, 5 tries per code.
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            device_token_lifetime_days: 90,
            max_code_failures: 5,
        }
    }

    /// A remembered browser for 30 days, 3 tries per code.
    #[must_use]
    pub fn strict() -> Self {
        Self {
            device_token_lifetime_days: 30,
            max_code_failures: 3,
        }
    }
}
