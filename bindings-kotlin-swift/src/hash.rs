//! Argon2id hashing (G4) as an Object, and its cost policy as a Record the host may tune.

use std::sync::Arc;

use pbx_rules as core;

use crate::RuleError;
use crate::policy::{u32_of, usize_of};

/// Argon2id costs for new hashes and limits for stored ones (mirror of the core's
/// `HashPolicy`, so the app or a test can pick its own costs).
#[derive(Clone, Debug, uniffi::Record)]
pub struct HashPolicy {
    /// Memory cost in KiB.
    pub m_cost_kib: u32,
    /// Passes over memory.
    pub t_cost: u32,
    /// Lanes.
    pub p_cost: u32,
    /// Bytes of salt per record.
    pub salt_len: u32,
    /// Bytes of hash output.
    pub output_len: u32,
    /// Largest memory cost a stored hash may ask for.
    pub max_m_cost_kib: u32,
    /// Largest time cost a stored hash may ask for.
    pub max_t_cost: u32,
    /// Most lanes a stored hash may ask for.
    pub max_p_cost: u32,
}

impl From<core::HashPolicy> for HashPolicy {
    fn from(p: core::HashPolicy) -> Self {
        Self {
            m_cost_kib: p.m_cost_kib,
            t_cost: p.t_cost,
            p_cost: p.p_cost,
            salt_len: u32_of(p.salt_len),
            output_len: u32_of(p.output_len),
            max_m_cost_kib: p.max_m_cost_kib,
            max_t_cost: p.max_t_cost,
            max_p_cost: p.max_p_cost,
        }
    }
}

impl From<HashPolicy> for core::HashPolicy {
    fn from(p: HashPolicy) -> Self {
        // The core struct is non-exhaustive: start from a preset, then set every field.
        let mut out = Self::centrexx();
        out.m_cost_kib = p.m_cost_kib;
        out.t_cost = p.t_cost;
        out.p_cost = p.p_cost;
        out.salt_len = usize_of(p.salt_len);
        out.output_len = usize_of(p.output_len);
        out.max_m_cost_kib = p.max_m_cost_kib;
        out.max_t_cost = p.max_t_cost;
        out.max_p_cost = p.max_p_cost;
        out
    }
}

/// Hashes and verifies credentials as argon2id PHC strings (G4).
#[derive(Debug, uniffi::Object)]
pub struct Hasher(pub(crate) core::Hasher);

#[uniffi::export]
impl Hasher {
    /// A hasher with these costs and no pepper.
    #[uniffi::constructor]
    pub fn new(policy: HashPolicy) -> Arc<Self> {
        Arc::new(Self(core::Hasher::new(policy.into())))
    }

    /// A hasher with these costs and a server-side pepper.
    #[uniffi::constructor]
    pub fn with_pepper(policy: HashPolicy, pepper: Vec<u8>) -> Arc<Self> {
        Arc::new(Self(
            core::Hasher::new(policy.into()).with_pepper(core::Pepper::new(pepper)),
        ))
    }

    /// Hashes a secret with a fresh salt.
    ///
    /// # Errors
    /// `RuleError::Hash`.
    pub fn hash(&self, secret: String) -> Result<String, RuleError> {
        Ok(self.0.hash(secret.as_bytes())?)
    }

    /// Whether `secret` matches the stored PHC string (constant time).
    ///
    /// # Errors
    /// `RuleError::Hash` for an unusable stored hash.
    pub fn verify(&self, secret: String, stored: String) -> Result<bool, RuleError> {
        Ok(self.0.verify(secret.as_bytes(), &stored)?)
    }

    /// Whether the stored hash uses outdated costs and should be replaced at next login.
    ///
    /// # Errors
    /// `RuleError::Hash` for an unusable stored hash.
    pub fn needs_rehash(&self, stored: String) -> Result<bool, RuleError> {
        Ok(self.0.needs_rehash(&stored)?)
    }
}
