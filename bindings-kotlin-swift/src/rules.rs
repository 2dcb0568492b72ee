//! The rules in force: a policy and its hasher, set up once per process (G4, G6).

use std::sync::Arc;

use pbx_rules as core;

use crate::{Hasher, Policy, RuleError};

/// A policy with its hasher (optionally peppered).
#[derive(Debug, uniffi::Object)]
pub struct Rules(pub(crate) core::Rules);

#[uniffi::export]
impl Rules {
    /// The rules of `policy`, hashing with its costs.
    ///
    /// # Errors
    /// `RuleError::Policy` for a policy value outside its documented bounds (F6).
    #[uniffi::constructor]
    pub fn new(policy: &Policy) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(core::Rules::new(policy.0.clone())?)))
    }

    /// The same with a server-side pepper mixed into every hash.
    ///
    /// # Errors
    /// `RuleError::Policy` for a policy value outside its documented bounds (F6).
    #[uniffi::constructor]
    pub fn with_pepper(policy: &Policy, pepper: Vec<u8>) -> Result<Arc<Self>, RuleError> {
        let rules = core::Rules::new(policy.0.clone())?;
        Ok(Arc::new(Self(rules.with_pepper(core::Pepper::new(pepper)))))
    }

    /// The policy.
    pub fn policy(&self) -> Arc<Policy> {
        Arc::new(Policy(self.0.policy().clone()))
    }

    /// The hasher.
    pub fn hasher(&self) -> Arc<Hasher> {
        Arc::new(Hasher(self.0.hasher().clone()))
    }
}
