//! Argon2id hashing (G4), for Node hosts and the tests: a browser form never sees a stored
//! hash, so the browser modules leave this (and argon2) out.

use pbx_rules as core;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::policy::Policy;

/// The pepper a host hands over (G4): absent (`undefined`, `null`) or a `Uint8Array` (a Node
/// `Buffer` is one), checked at run time: wasm-bindgen copies any array-like as bytes, so a
/// string would arrive as zeros. Anything else is `STATE_MALFORMED`, the binding's error for
/// a value of the wrong shape.
pub(crate) fn read_pepper(
    value: Option<js_sys::Uint8Array>,
) -> Result<Option<core::Pepper>, Error> {
    let Some(value) = value else {
        return Ok(None);
    };
    if !JsValue::from(&value).is_instance_of::<js_sys::Uint8Array>() {
        return Err(crate::error::malformed());
    }
    Ok(Some(core::Pepper::new(value.to_vec())))
}

/// Hashes and verifies PINs and passwords under a policy's argon2id costs.
#[wasm_bindgen]
#[derive(Clone, Debug)]
pub struct Hasher(pub(crate) core::Hasher);

#[wasm_bindgen]
impl Hasher {
    /// A hasher with the policy's costs and, when given, a server-side pepper (G4): the
    /// pepper's bytes (`Buffer.from(…)` or any `Uint8Array`), mixed into every hash, so a
    /// hash made with it verifies only with the same pepper, in any language. Keep it out of
    /// the database; it is never shown (`util.inspect`, `toJSON`).
    ///
    /// # Errors
    /// `STATE_MALFORMED` for a pepper that is not a `Uint8Array` (a string would otherwise
    /// arrive as zero bytes).
    #[wasm_bindgen(constructor)]
    pub fn new(policy: &Policy, pepper: Option<js_sys::Uint8Array>) -> Result<Hasher, Error> {
        let hasher = core::Hasher::new(policy.0.hashing.clone());
        Ok(Hasher(match read_pepper(pepper)? {
            Some(pepper) => hasher.with_pepper(pepper),
            None => hasher,
        }))
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

/// The hashing costs as data, for Node hosts (`JSON.stringify`).
#[cfg(feature = "account")]
#[wasm_bindgen]
impl Hasher {
    /// The hasher's costs, the core's `HashPolicy` as a plain object: what
    /// `JSON.stringify(hasher)` writes. Never the pepper.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json_value(&self) -> tsify::Ts<core::HashPolicy> {
        tsify::Ts::new_unchecked(crate::error::plain(self.0.policy()))
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
