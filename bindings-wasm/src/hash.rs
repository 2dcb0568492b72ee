//! Argon2id hashing (G4), for Node hosts and the tests: a browser form never sees a stored
//! hash, so the browser modules leave this (and argon2) out.

use pbx_rules as core;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::policy::Policy;

/// Hashes and verifies PINs and passwords under a policy's argon2id costs.
#[wasm_bindgen]
#[derive(Clone, Debug)]
pub struct Hasher(pub(crate) core::Hasher);

#[wasm_bindgen]
impl Hasher {
    /// A hasher with the policy's costs and no pepper.
    #[wasm_bindgen(constructor)]
    pub fn new(policy: &Policy) -> Hasher {
        Hasher(core::Hasher::new(policy.0.hashing.clone()))
    }

    /// The PHC string of a secret.
    ///
    /// # Errors
    /// A `HashError`.
    pub fn hash(&self, secret: &str) -> Result<String, Error> {
        Ok(self.0.hash(secret.as_bytes())?)
    }

    /// Whether a secret matches a stored PHC string (constant time). `(hash, secret)`, the
    /// order of every binding.
    ///
    /// # Errors
    /// A `HashError` for an unusable stored hash.
    pub fn verify(&self, hash: &str, secret: &str) -> Result<bool, Error> {
        Ok(self.0.verify(secret.as_bytes(), hash)?)
    }

    /// Whether a stored hash uses outdated parameters.
    ///
    /// # Errors
    /// A `HashError` for an unusable stored hash.
    #[wasm_bindgen(js_name = needsRehash)]
    pub fn needs_rehash(&self, stored: &str) -> Result<bool, Error> {
        Ok(self.0.needs_rehash(stored)?)
    }
}

/// The bulk call, for Node import scripts only (a browser form never hashes).
#[cfg(feature = "account")]
#[wasm_bindgen]
impl Hasher {
    /// The PHC string of each secret, one row per secret in input order (the core's
    /// `HashBatch`): `{ ok: hash }` or `{ error }` with the row's `HashError`, the shape of a
    /// decision's outcome. A bad row never stops the batch; nothing is thrown.
    #[wasm_bindgen(
        js_name = hashMany,
        unchecked_return_type = "Array<{ ok: string } | { error: PbxError }>"
    )]
    pub fn hash_many(&self, secrets: Vec<String>) -> js_sys::Array {
        // The plaintext copies are wiped once hashed.
        let secrets: Vec<_> = secrets.into_iter().map(zeroize::Zeroizing::new).collect();
        let rows = self.0.hash_many(&secrets).results.into_iter();
        rows.map(crate::error::row).collect()
    }
}
