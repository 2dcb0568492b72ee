//! The rules in force (G4, G6): the policy, a record the host reads and changes field by
//! field, checked against its bounds when the rules are built; its hasher and number plan.
//! `Rules` is the one context every check, generator, query and operation takes.

use std::sync::Arc;

use pbx_rules::{HashPolicy, Json, Pepper, Policy};

use crate::batch::HashBatch;
use crate::error::{RuleError, rule_error};
use crate::number::NumberPlan;

/// A policy preset by name (`centrexx`, `strict`); `null`/`nil` for an unknown name. Start
/// from one and change any field (`policy.copy(pin = policy.pin.copy(minLen = 6u))`).
#[uniffi::export]
pub fn policy_preset(name: String) -> Option<Policy> {
    Policy::preset(&name)
}

/// The policy as JSON, the same in every language.
#[uniffi::export]
pub fn policy_to_json(policy: Policy) -> String {
    policy.to_json()
}

/// A policy from JSON, checked against its bounds (F6).
/// Throws `RuleError.State` for malformed JSON, `RuleError.Policy` out of bounds.
#[uniffi::export]
pub fn policy_from_json(text: String) -> Result<Policy, RuleError> {
    Ok(Policy::from_json(&text)?)
}

/// A policy with its hasher (optionally peppered) and its number plan.
#[derive(Debug, uniffi::Object)]
pub struct Rules(pub(crate) pbx_rules::Rules);

#[uniffi::export]
impl Rules {
    /// The rules of `policy`, after checking every field against its bounds (F6).
    /// Throws `RuleError.Policy` naming the field.
    #[uniffi::constructor]
    pub fn new(policy: Policy) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(
            pbx_rules::Rules::new(policy).map_err(rule_error)?,
        )))
    }

    /// The same with a server-side pepper mixed into every hash (G4).
    /// Throws `RuleError.Policy` naming the field.
    #[uniffi::constructor]
    pub fn with_pepper(policy: Policy, pepper: Vec<u8>) -> Result<Arc<Self>, RuleError> {
        let rules = pbx_rules::Rules::new(policy).map_err(rule_error)?;
        Ok(Arc::new(Self(rules.with_pepper(Pepper::new(pepper)))))
    }

    /// The policy.
    pub fn policy(&self) -> Policy {
        self.0.policy().clone()
    }

    /// The hasher.
    pub fn hasher(&self) -> Arc<Hasher> {
        Arc::new(Hasher(self.0.hasher().clone()))
    }

    /// The number plan of the policy's default region and backup-number kinds (N1, I2).
    pub fn number_plan(&self) -> Arc<NumberPlan> {
        Arc::new(NumberPlan(self.0.number_plan().clone()))
    }

    /// The consecutive failures a PIN of `pin_len` digits survives before it locks (G5); a
    /// length at or below the policy's minimum (also a negative one) gets the minimum's.
    /// Signed (Kotlin/Java `int`), so Java calls it by its plain name.
    pub fn pin_allowance(&self, pin_len: i32) -> i32 {
        signed(self.0.pin_allowance(usize::try_from(pin_len).unwrap_or(0)))
    }

    /// The consecutive failures an admin password survives before it locks (G5).
    pub fn password_allowance(&self) -> i32 {
        signed(self.0.password_allowance())
    }

    /// F5: spends one verification's time for a login whose identifier names no account,
    /// so the answer's timing does not tell whether the account exists.
    pub fn dummy_verify(&self, typed: String) {
        self.0.dummy_verify(&typed);
    }
}

/// argon2id hashing of PINs and passwords (G4), with the policy's costs; a peppered one is
/// `Rules.withPepper(…).hasher()`. Swift calls it `PasswordHasher` (Swift's standard
/// library has a `Hasher`; uniffi 0.32 does not rename the return type of a secondary
/// constructor, so this type has none).
#[derive(Debug, uniffi::Object)]
pub struct Hasher(pbx_rules::Hasher);

#[uniffi::export]
impl Hasher {
    /// A hasher with the policy's costs.
    #[uniffi::constructor]
    pub fn new(policy: HashPolicy) -> Arc<Self> {
        Arc::new(Self(pbx_rules::Hasher::new(policy)))
    }

    /// The PHC string of `secret`.
    /// Throws `RuleError.Hash`.
    pub fn hash(&self, secret: String) -> Result<String, RuleError> {
        self.0.hash(secret.as_bytes()).map_err(rule_error)
    }

    /// Many secrets at once, for imports (G4): one row per secret in input order, each the
    /// PHC string or the refusal `hash` would throw; the rows are hashed on several cores.
    pub fn hash_many(&self, secrets: Vec<String>) -> HashBatch {
        self.0.hash_many(&secrets).into()
    }

    /// Whether `secret` matches `hash`, in constant time: `(hash, secret)`, as argon2
    /// libraries order it.
    /// Throws `RuleError.Hash` for a hash that cannot be read.
    pub fn verify(&self, hash: String, secret: String) -> Result<bool, RuleError> {
        self.0.verify(secret.as_bytes(), &hash).map_err(rule_error)
    }

    /// Whether `hash` was made with other costs than the policy's.
    /// Throws `RuleError.Hash`.
    pub fn needs_rehash(&self, hash: String) -> Result<bool, RuleError> {
        self.0.needs_rehash(&hash).map_err(rule_error)
    }
}

/// An allowance as Kotlin/Java `int`: the policy's bounds keep it at most `hard_limit`
/// (NIST's 100), far below `i32::MAX`.
fn signed(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}
