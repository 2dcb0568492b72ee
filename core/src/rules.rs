//! The rules in force: a policy, the hasher its hashing section describes and the number
//! plan of its numbering section.
//!
//! The hasher is there with feature `hashing`, the number plan with `numbers`: a build
//! without the area has no use for them, and the policy keeps every section either way.
//!
//! Every operation and query needs some of them, and a host sets them up once per process,
//! so they travel together as the one context every call takes. Time is not part of it: each operation takes `now` (G1).

#[cfg(feature = "numbers")]
use crate::NumberPlan;
#[cfg(feature = "hashing")]
use crate::{Hasher, Pepper};
use crate::{Policy, PolicyError};

/// A policy with its hasher (optionally peppered, G4) and its number plan (N1, I2). The policy was checked against its
/// documented bounds when the rules were built (F6), so no operation meets a value that
/// overflows a time, an allocation or a count.
///
/// # Examples
/// ```
/// use pbx_rules::{Localized, Policy, Rules};
/// let rules = Rules::centrexx();
/// assert_eq!(rules.policy().pin.change_window_days, 42);
///
/// let mut policy = Policy::strict();
/// policy.hashing.salt_len = usize::MAX;
/// assert_eq!(Rules::new(policy).unwrap_err().code(), "POLICY_OUT_OF_RANGE");
/// ```
#[derive(Debug)]
pub struct Rules {
    policy: Policy,
    #[cfg(feature = "hashing")]
    hasher: Hasher,
    #[cfg(feature = "numbers")]
    plan: NumberPlan,
}

impl Rules {
    /// The rules of `policy`, hashing with its parameters, once every field is within its
    /// bounds.
    ///
    /// # Errors
    /// The [`PolicyError`] of [`Policy::validate`], naming the first field out of bounds.
    pub fn new(policy: Policy) -> Result<Self, PolicyError> {
        policy.validate()?;
        Ok(Self::checked(policy))
    }

    /// The rules of the seed ([`Policy::centrexx`]); a preset is within its bounds (tested).
    #[must_use]
    pub fn centrexx() -> Self {
        Self::checked(Policy::centrexx())
    }

    /// NIST SP 800-63B rev. 4 and OWASP ASVS 5.0 ([`Policy::strict`]); within its bounds
    /// (tested).
    #[must_use]
    pub fn strict() -> Self {
        Self::checked(Policy::strict())
    }

    fn checked(policy: Policy) -> Self {
        #[cfg(feature = "hashing")]
        let hasher = Hasher::new(policy.hashing.clone());
        // `validate` has checked the region, so the fallback is never taken.
        #[cfg(feature = "numbers")]
        let plan = policy
            .numbers
            .plan()
            .unwrap_or_else(|_| NumberPlan::germany());
        Self {
            policy,
            #[cfg(feature = "hashing")]
            hasher,
            #[cfg(feature = "numbers")]
            plan,
        }
    }

    /// The same rules with a server-side secret mixed into every hash (G4).
    #[cfg(feature = "hashing")]
    #[must_use]
    pub fn with_pepper(self, pepper: Pepper) -> Self {
        Self {
            hasher: self.hasher.with_pepper(pepper),
            ..self
        }
    }

    /// The policy.
    #[must_use]
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The hasher.
    #[cfg(feature = "hashing")]
    #[must_use]
    pub fn hasher(&self) -> &Hasher {
        &self.hasher
    }

    /// The number plan: the policy's default region and backup-number kinds.
    #[cfg(feature = "numbers")]
    #[must_use]
    pub fn number_plan(&self) -> &NumberPlan {
        &self.plan
    }

    /// The consecutive failures a PIN of `pin_len` digits survives before it locks (G5): the
    /// allowance at the minimum length, doubled per extra digit, never above the hard limit.
    #[cfg(feature = "lifecycle")]
    #[must_use]
    pub fn pin_allowance(&self, pin_len: usize) -> u32 {
        let policy = &self.policy;
        crate::throttle::pin_allowance(pin_len, policy.pin.min_len, &policy.throttle)
    }

    /// The consecutive failures an admin password survives before it locks (G5).
    #[cfg(feature = "lifecycle")]
    #[must_use]
    pub fn password_allowance(&self) -> u32 {
        crate::throttle::password_allowance(&self.policy.throttle)
    }

    /// Spends the time of one verification at the policy's costs, for a login whose
    /// identifier names no account (F5, ASVS 6.3.8): call it where the login of an existing
    /// account would verify, and answer "wrong" as usual, so the time taken does not tell
    /// whether the account exists. `typed` is hashed and thrown away.
    #[cfg(feature = "hashing")]
    pub fn dummy_verify(&self, typed: &str) {
        // One argon2 hash at the policy's costs takes as long as one verification at them.
        let _ = std::hint::black_box(self.hasher.hash(typed.as_bytes()));
    }
}

/// A change form as the portal shows it: the old secret and the new one typed twice (P3, K3).
#[cfg(feature = "lifecycle")]
#[derive(Clone, Copy)]
pub struct ChangeForm<'a> {
    /// The current PIN or password.
    pub old: &'a str,
    /// The new one.
    pub new: &'a str,
    /// The new one again.
    pub confirmation: &'a str,
}

#[cfg(feature = "lifecycle")]
impl std::fmt::Debug for ChangeForm<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChangeForm { old: ***, new: ***, confirmation: *** }")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // F6: the presets are within their bounds, so the infallible constructors are sound.
    #[test]
    fn f6_presets_pass_their_own_bounds() {
        assert_eq!(Policy::centrexx().validate(), Ok(()));
        assert_eq!(Policy::strict().validate(), Ok(()));
        assert_eq!(Rules::centrexx().policy(), &Policy::centrexx());
        assert_eq!(Rules::strict().policy(), &Policy::strict());
    }
}
