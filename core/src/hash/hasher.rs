//! Argon2id hashing of PINs, passwords and codes (G4, R4).
//!
//! A [`Hasher`] takes its costs from a [`HashPolicy`] and an optional [`Pepper`] (argon2's
//! secret parameter). Each new hash gets a fresh random salt from the operating system (R4)
//! and is written as a PHC string. Verification recomputes the hash with the stored
//! parameters and compares in constant time; [`Hasher::needs_rehash`] reports stored
//! parameters that differ from the policy.
//!
//! Memory: each thread keeps one Argon2 block buffer of at most the policy's memory cost
//! and reuses it, so repeated hashing stays at one memory cost per hashing thread instead of
//! growing with the allocator's cache of freed 19 MiB blocks. A stored hash with a larger
//! memory cost (within the policy's verification limit) gets a buffer for that hash only.
//! Buffers are wiped after every use (they hold values derived from the secret). With the `parallel` feature of argon2 (on everywhere but
//! wasm32) the lanes of `p > 1` run on rayon's thread pool.

#[cfg(feature = "instrument")]
use std::cell::Cell;
use std::cell::RefCell;

use argon2::{Algorithm, Argon2, Block, Params, Version};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, Zeroizing};

use super::{HashError, PhcHash};
use crate::policy::unsigned;
use crate::{HashPolicy, Pepper};

thread_local! {
    /// One reusable block buffer per hashing thread.
    static BLOCKS: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

#[cfg(feature = "instrument")]
thread_local! {
    /// Argon2 evaluations run on this thread (feature `instrument`).
    static EVALUATIONS: Cell<u64> = const { Cell::new(0) };
}

/// How many argon2 evaluations (hashes and verifications) this thread has run so far.
///
/// For tests of uniform work (G10): under the strict preset every login and recovery path
/// spends the same number of evaluations, and a host can check that its own paths do too
/// (read the count before and after a request on one thread). Only with the feature
/// `instrument`; counting costs nothing measurable, but production builds need not carry it.
#[cfg(feature = "instrument")]
#[must_use]
pub fn hash_evaluations() -> u64 {
    EVALUATIONS.with(Cell::get)
}

/// Hashes and verifies credentials under one policy and pepper (G4).
///
/// # Examples
/// ```
/// use pbx_rules::{HashPolicy, Hasher, Pepper};
/// let hasher = Hasher::new(HashPolicy::centrexx()).with_pepper(Pepper::new(vec![7; 32]));
/// let stored = hasher.hash(b"4711")?;
/// assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
/// assert!(hasher.verify(b"4711", &stored)?);
/// assert!(!hasher.verify(b"4712", &stored)?);
/// assert!(!hasher.needs_rehash(&stored)?);
/// # Ok::<(), pbx_rules::HashError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Hasher {
    policy: HashPolicy,
    pepper: Option<Pepper>,
}

impl Hasher {
    /// A hasher without pepper.
    #[must_use]
    pub fn new(policy: HashPolicy) -> Self {
        Self {
            policy,
            pepper: None,
        }
    }

    /// The same hasher with a server-side pepper. Hashes made with a pepper verify only with
    /// the same pepper.
    #[must_use]
    pub fn with_pepper(mut self, pepper: Pepper) -> Self {
        self.pepper = Some(pepper);
        self
    }

    /// The policy this hasher follows.
    #[must_use]
    pub fn policy(&self) -> &HashPolicy {
        &self.policy
    }

    /// Hashes many secrets, spread over the machine's cores (one after the other on wasm32):
    /// the provisioning of a whole PBX. A failing row is reported at its index, not raised.
    ///
    /// # Examples
    /// ```
    /// let mut policy = pbx_rules::HashPolicy::centrexx();
    /// policy.m_cost_kib = 64; // cheap for the example
    /// let hasher = pbx_rules::Hasher::new(policy);
    /// let batch = hasher.hash_many(&["4711", "0815"]);
    /// assert_eq!(batch.ok_count(), 2);
    /// assert!(hasher.verify(b"0815", batch.results[1].as_ref().unwrap())?);
    /// # Ok::<(), pbx_rules::HashError>(())
    /// ```
    #[must_use]
    pub fn hash_many<S: AsRef<[u8]> + Sync>(&self, secrets: &[S]) -> super::HashBatch {
        crate::batch::spread(secrets, |s| self.hash(s.as_ref()))
    }

    /// Hashes a secret with a fresh random salt into a PHC string.
    ///
    /// # Errors
    /// [`HashError::RandomUnavailable`] when the OS random source fails,
    /// [`HashError::InvalidPolicy`] for costs Argon2 refuses and for a salt or output length
    /// outside the policy's bounds (8–64 and 16–64 bytes), [`HashError::InputTooLong`],
    /// [`HashError::OutOfMemory`].
    pub fn hash(&self, secret: &[u8]) -> Result<String, HashError> {
        // F6: a hasher can be built from any policy; lengths outside the policy's bounds
        // would overflow or exhaust an allocation, so they are refused before one.
        let lengths_ok = crate::policy::SALT_LEN.contains(&self.policy.salt_len)
            && crate::policy::OUTPUT_LEN.contains(&self.policy.output_len);
        if !lengths_ok {
            return Err(HashError::InvalidPolicy);
        }
        let mut salt = vec![0_u8; self.policy.salt_len];
        getrandom::fill(&mut salt).map_err(|_| HashError::RandomUnavailable)?;
        let p = &self.policy;
        let hash = self.compute(
            secret,
            &salt,
            unsigned(p.m_cost_kib),
            unsigned(p.t_cost),
            unsigned(p.p_cost),
            p.output_len,
        )?;
        Ok(PhcHash {
            m_cost: unsigned(p.m_cost_kib),
            t_cost: unsigned(p.t_cost),
            p_cost: unsigned(p.p_cost),
            salt,
            hash: hash.to_vec(),
        }
        .to_phc_string())
    }

    /// Whether a secret matches a stored PHC string, compared in constant time.
    ///
    /// # Errors
    /// [`HashError::Malformed`] or [`HashError::Unsupported`] for a stored string that is not
    /// an argon2id PHC string; [`HashError::ParamsOutOfRange`] when it asks for more than
    /// the policy's limits.
    pub fn verify(&self, secret: &[u8], stored: &str) -> Result<bool, HashError> {
        let phc = self.readable(stored)?;
        let computed = self.compute_like(secret, &phc)?;
        Ok(computed.ct_eq(&phc.hash).into())
    }

    /// Compares typed text with the secret in use and, where one waits, a mailed secret, in
    /// one argon2 evaluation (G10): a mailed secret is hashed with the salt and costs of the
    /// one in use ([`Hasher::hash_alike`]), so one result answers both, and a login costs the
    /// same whether or not a mailed secret waits. `typed` is `None` for text far beyond any
    /// secret (F10): the evaluation still runs, on empty input, and matches nothing, so such
    /// text takes as long as a wrong secret. A mailed hash with a salt of its own (stored
    /// before mailed secrets shared the salt) costs a second evaluation.
    ///
    /// Returns whether the current and whether the mailed secret matched.
    #[cfg(feature = "lifecycle")]
    pub(crate) fn verify_pair(
        &self,
        typed: Option<&[u8]>,
        current: &str,
        mailed: Option<&str>,
    ) -> Result<(bool, bool), HashError> {
        let input = typed.unwrap_or_default();
        let found = |stored: &PhcHash, computed: &[u8]| {
            typed.is_some() && bool::from(computed.ct_eq(&stored.hash))
        };
        let mailed = mailed.map(|m| self.readable(m)).transpose()?;
        let phc = match (self.readable(current), &mailed) {
            (Ok(phc), _) => phc,
            // A stored hash that cannot be read matches nothing, but a mailed secret still
            // may: it is the owner's way back (G9).
            (Err(_), Some(other)) => {
                return Ok((false, found(other, &self.compute_like(input, other)?)));
            }
            (Err(e), None) => return Err(e),
        };
        let computed = self.compute_like(input, &phc)?;
        let by_mail = match &mailed {
            None => false,
            Some(other) if other.same_salt_and_costs(&phc) => found(other, &computed),
            Some(other) => found(other, &self.compute_like(input, other)?),
        };
        Ok((found(&phc, &computed), by_mail))
    }

    /// `secret` hashed with the salt and costs of the stored hash `like`, so that
    /// [`Hasher::verify_pair`] checks both with one evaluation (a mailed secret beside the
    /// one in use). Sharing a salt within one account costs nothing: the salt's job is to
    /// make every account's hashes differ. When `like` cannot be read, a fresh hash.
    ///
    /// # Errors
    /// As [`Hasher::hash`].
    #[cfg(feature = "lifecycle")]
    pub(crate) fn hash_alike(&self, secret: &[u8], like: &str) -> Result<String, HashError> {
        let Ok(phc) = self.readable(like) else {
            return self.hash(secret);
        };
        let hash = self.compute_like(secret, &phc)?.to_vec();
        Ok(PhcHash { hash, ..phc }.to_phc_string())
    }

    /// A stored hash parsed and within the policy's verification limits.
    fn readable(&self, stored: &str) -> Result<PhcHash, HashError> {
        let phc = PhcHash::parse(stored)?;
        let p = &self.policy;
        if phc.m_cost > unsigned(p.max_m_cost_kib)
            || phc.t_cost > unsigned(p.max_t_cost)
            || phc.p_cost > unsigned(p.max_p_cost)
        {
            return Err(HashError::ParamsOutOfRange);
        }
        Ok(phc)
    }

    /// `secret` hashed with the salt, costs and output length of `phc`.
    fn compute_like(&self, secret: &[u8], phc: &PhcHash) -> Result<Zeroizing<Vec<u8>>, HashError> {
        self.compute(
            secret,
            &phc.salt,
            phc.m_cost,
            phc.t_cost,
            phc.p_cost,
            phc.hash.len(),
        )
        .map_err(|e| match e {
            HashError::InvalidPolicy => HashError::Malformed { part: "params" },
            other => other,
        })
    }

    /// Whether a stored hash was made with other costs or lengths than the policy's; rehash
    /// it at the next successful login.
    ///
    /// # Errors
    /// [`HashError::Malformed`] or [`HashError::Unsupported`] for an unreadable string.
    pub fn needs_rehash(&self, stored: &str) -> Result<bool, HashError> {
        let phc = PhcHash::parse(stored)?;
        let p = &self.policy;
        Ok(phc.m_cost != unsigned(p.m_cost_kib)
            || phc.t_cost != unsigned(p.t_cost)
            || phc.p_cost != unsigned(p.p_cost)
            || phc.salt.len() != p.salt_len
            || phc.hash.len() != p.output_len)
    }

    fn compute(
        &self,
        secret: &[u8],
        salt: &[u8],
        m_cost: u32,
        t_cost: u32,
        p_cost: u32,
        output_len: usize,
    ) -> Result<Zeroizing<Vec<u8>>, HashError> {
        let params = Params::new(m_cost, t_cost, p_cost, Some(output_len))
            .map_err(|_| HashError::InvalidPolicy)?;
        #[cfg(feature = "instrument")]
        EVALUATIONS.with(|n| n.set(n.get().saturating_add(1)));
        let blocks = params.block_count();
        let argon = match &self.pepper {
            Some(pepper) => Argon2::new_with_secret(
                pepper.expose(),
                Algorithm::Argon2id,
                Version::V0x13,
                params,
            )
            .map_err(|_| HashError::InputTooLong)?,
            None => Argon2::new(Algorithm::Argon2id, Version::V0x13, params),
        };
        let mut out = Zeroizing::new(vec![0_u8; output_len]);
        let run = |buffer: &mut [Block], out: &mut [u8]| {
            let result = argon.hash_password_into_with_memory(secret, salt, out, &mut *buffer);
            buffer.iter_mut().for_each(Zeroize::zeroize);
            result.map_err(|e| match e {
                argon2::Error::OutOfMemory => HashError::OutOfMemory,
                argon2::Error::PwdTooLong
                | argon2::Error::SecretTooLong
                | argon2::Error::SaltTooLong
                | argon2::Error::AdTooLong => HashError::InputTooLong,
                _ => HashError::InvalidPolicy,
            })
        };
        let configured = usize::try_from(self.policy.m_cost_kib).unwrap_or(usize::MAX);
        if blocks > configured {
            // An old record with a larger memory cost: a buffer for this hash only, so the
            // thread does not keep more than the policy's memory cost.
            let mut once = allocate(blocks)?;
            run(&mut once, &mut out)?;
            return Ok(out);
        }
        BLOCKS.with(|cell| {
            let mut buffer = cell.try_borrow_mut().map_err(|_| HashError::OutOfMemory)?;
            if buffer.len() < blocks {
                *buffer = allocate(blocks)?;
            }
            run(&mut buffer[..blocks], &mut out)
        })?;
        Ok(out)
    }
}

/// A zeroed block buffer, or [`HashError::OutOfMemory`] instead of an abort.
fn allocate(blocks: usize) -> Result<Vec<Block>, HashError> {
    let mut buffer = Vec::new();
    buffer
        .try_reserve_exact(blocks)
        .map_err(|_| HashError::OutOfMemory)?;
    buffer.resize(blocks, Block::default());
    Ok(buffer)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn cheap() -> HashPolicy {
        let mut policy = HashPolicy::centrexx();
        policy.m_cost_kib = 64;
        policy.t_cost = 1;
        policy
    }

    // G4
    #[test]
    fn g4_hash_verifies_and_salts_differ() {
        let hasher = Hasher::new(cheap());
        let a = hasher.hash(b"4711").unwrap();
        let b = hasher.hash(b"4711").unwrap();
        assert_ne!(a, b);
        assert!(hasher.verify(b"4711", &a).unwrap());
        assert!(hasher.verify(b"4711", &b).unwrap());
        assert!(!hasher.verify(b"4712", &a).unwrap());
    }

    // G4: PHC strings written by argon2-cffi 25.1 (the reference C implementation), one
    // with p = 4 so the parallel lanes are covered.
    #[test]
    fn g4_verifies_known_answers_from_argon2_cffi() {
        let mut policy = cheap();
        policy.max_p_cost = 4;
        let hasher = Hasher::new(policy);
        let p1 =
            "$argon2id$v=19$m=64,t=2,p=1$c29tZXNhbHQ$FqGkmHNGCd0BRW2kBt6fPZ2pPmyGwwChL8FGUhTOSSI";
        assert!(hasher.verify(b"password", p1).unwrap());
        assert!(!hasher.verify(b"passwort", p1).unwrap());
        let p4 = "$argon2id$v=19$m=256,t=1,p=4$c2FsdHNhbHRzYWx0c2FsdA$FzSZk2WvKR2POnGyygb4m4IHWfTzJQZ2gB7mKWnM9SY";
        assert!(hasher.verify(b"4711", p4).unwrap());
        assert!(!hasher.verify(b"4712", p4).unwrap());
    }

    // G4: an old record with a larger memory cost than the policy's still verifies (through
    // a one-off buffer) and is due for a rehash.
    #[test]
    fn g4_verifies_records_with_larger_memory_cost() {
        let old = Hasher::new(cheap());
        let stored = old.hash(b"4711").unwrap();
        let mut smaller = cheap();
        smaller.m_cost_kib = 32;
        let hasher = Hasher::new(smaller);
        assert!(hasher.verify(b"4711", &stored).unwrap());
        assert!(!hasher.verify(b"4712", &stored).unwrap());
        assert!(hasher.needs_rehash(&stored).unwrap());
    }

    // G4
    #[test]
    fn g4_pepper_is_part_of_the_hash() {
        let plain = Hasher::new(cheap());
        let peppered = Hasher::new(cheap()).with_pepper(Pepper::new(vec![1; 32]));
        let other = Hasher::new(cheap()).with_pepper(Pepper::new(vec![2; 32]));
        let stored = peppered.hash(b"Geheim!2024").unwrap();
        assert!(peppered.verify(b"Geheim!2024", &stored).unwrap());
        assert!(!plain.verify(b"Geheim!2024", &stored).unwrap());
        assert!(!other.verify(b"Geheim!2024", &stored).unwrap());
    }

    // G4
    #[test]
    fn g4_needs_rehash_when_costs_change() {
        let old = Hasher::new(cheap());
        let stored = old.hash(b"4711").unwrap();
        assert!(!old.needs_rehash(&stored).unwrap());
        let mut newer = cheap();
        newer.t_cost = 3;
        assert!(Hasher::new(newer).needs_rehash(&stored).unwrap());
        assert!(
            Hasher::new(HashPolicy::centrexx())
                .needs_rehash(&stored)
                .unwrap()
        );
    }

    // G4
    #[test]
    fn g4_tampered_costs_are_refused_before_allocating() {
        let hasher = Hasher::new(cheap());
        let huge = "$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";
        assert_eq!(hasher.verify(b"x", huge), Err(HashError::ParamsOutOfRange));
        let invalid = "$argon2id$v=19$m=1,t=0,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";
        assert_eq!(
            hasher.verify(b"x", invalid),
            Err(HashError::Malformed { part: "params" })
        );
    }
}
