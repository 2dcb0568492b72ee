//! The hashing part of a policy (G4).

use serde::{Deserialize, Serialize};

/// Argon2id costs for new hashes, and the limits a stored hash may ask for on verification.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HashPolicy {
    /// Memory cost in KiB (OWASP: 19456 = 19 MiB). Bounds: 8 × `p_cost`–`max_m_cost_kib`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 19456))]
    pub m_cost_kib: i32,
    /// Passes over memory (OWASP: 2). Bounds: 1–`max_t_cost`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 2))]
    pub t_cost: i32,
    /// Lanes (OWASP: 1). Bounds: 1–`max_p_cost`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 1))]
    pub p_cost: i32,
    /// Bytes of salt per record (16, as RFC 9106 recommends). Bounds: 8–64.
    #[cfg_attr(feature = "uniffi", uniffi(default = 16))]
    pub salt_len: usize,
    /// Bytes of hash output (32). Bounds: 16–64.
    #[cfg_attr(feature = "uniffi", uniffi(default = 32))]
    pub output_len: usize,
    /// The largest memory cost a stored hash may ask for before verification refuses it, so
    /// a tampered record cannot make the server allocate gigabytes. Bounds: 8–4194304 (4 GiB).
    #[cfg_attr(feature = "uniffi", uniffi(default = 262144))]
    pub max_m_cost_kib: i32,
    /// The largest time cost a stored hash may ask for. Bounds: 1–64.
    #[cfg_attr(feature = "uniffi", uniffi(default = 16))]
    pub max_t_cost: i32,
    /// The most lanes a stored hash may ask for. Bounds: 1–64.
    #[cfg_attr(feature = "uniffi", uniffi(default = 16))]
    pub max_p_cost: i32,
}

impl HashPolicy {
    /// OWASP's first argon2id option: m = 19456 KiB, t = 2, p = 1.
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            m_cost_kib: 19_456,
            t_cost: 2,
            p_cost: 1,
            salt_len: 16,
            output_len: 32,
            max_m_cost_kib: 262_144,
            max_t_cost: 16,
            max_p_cost: 16,
        }
    }

    /// RFC 9106's second recommended option: m = 64 MiB, t = 3, p = 4.
    #[must_use]
    pub fn strict() -> Self {
        Self {
            m_cost_kib: 65_536,
            t_cost: 3,
            p_cost: 4,
            ..Self::centrexx()
        }
    }
}
