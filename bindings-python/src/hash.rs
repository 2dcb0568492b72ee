//! Argon2id hashing (G4), shaped like argon2-cffi's `PasswordHasher`: `hash`, `verify`,
//! `needs_rehash` (alias `check_needs_rehash`), plus `hash_many` for imports.
//!
//! Every call releases the GIL: one hash costs tens of milliseconds of memory-hard work, and
//! a provisioning script hashing thousands of PINs should use every core. `verify` raises
//! `VerifyMismatchError` on a wrong secret, as argon2-cffi does; malformed hashes raise
//! `HashError`.

use pbx_rules as rules;
use pyo3::prelude::*;
use pyo3::types::PyList;
use pyo3_stub_gen::derive::{gen_stub_pyclass, gen_stub_pymethods};

use crate::error::{Result, verify_mismatch};
use crate::policy::HashPolicy;

/// A secret as Python hands it over: `str` (hashed as UTF-8) or `bytes`.
#[derive(FromPyObject)]
pub enum Secret {
    Text(String),
    Bytes(Vec<u8>),
}

pyo3_stub_gen::impl_stub_type!(Secret = String | pyo3::types::PyBytes);

impl Secret {
    fn bytes(&self) -> &[u8] {
        match self {
            Self::Text(s) => s.as_bytes(),
            Self::Bytes(b) => b,
        }
    }
}

/// Hashes and verifies credentials under a hashing policy, with an optional pepper.
#[gen_stub_pyclass]
#[pyclass(name = "Hasher", module = "pbx_rules", frozen)]
pub struct Hasher(pub rules::Hasher);

crate::convert::handle!(repr Hasher {
    #[new]
    #[pyo3(signature = (policy = None, pepper = None))]
    fn new(policy: Option<PyRef<'_, HashPolicy>>, pepper: Option<Vec<u8>>) -> Self {
        let policy = policy.map_or_else(rules::HashPolicy::centrexx, |p| p.0.clone());
        let hasher = rules::Hasher::new(policy);
        Self(match pepper {
            Some(p) => hasher.with_pepper(rules::Pepper::new(p)),
            None => hasher,
        })
    }
    /// The hashing policy (G4).
    #[getter]
    fn policy(&self) -> HashPolicy {
        HashPolicy(self.0.policy().clone())
    }
    /// A PHC string with a fresh salt.
    fn hash(&self, py: Python<'_>, secret: Secret) -> Result<String> {
        Ok(py.detach(|| self.0.hash(secret.bytes()))?)
    }
    /// `True` when `secret` matches the stored PHC string (constant time); raises
    /// `VerifyMismatchError` (a `HashError`) when it does not, as argon2-cffi does, and
    /// `HashError` for an unusable hash.
    fn verify(&self, py: Python<'_>, hash: &str, secret: Secret) -> Result<bool> {
        if py.detach(|| self.0.verify(secret.bytes(), hash))? {
            Ok(true)
        } else {
            Err(verify_mismatch())
        }
    }
    /// Whether the stored hash was made with other costs than the policy's.
    fn needs_rehash(&self, hash: &str) -> Result<bool> {
        Ok(self.0.needs_rehash(hash)?)
    }
    /// argon2-cffi's name for `needs_rehash`.
    fn check_needs_rehash(&self, hash: &str) -> Result<bool> {
        Ok(self.0.needs_rehash(hash)?)
    }
    /// Many secrets on every core with the GIL released; a failing row is reported in
    /// `HashBatch.failures()`, not raised.
    fn hash_many(&self, py: Python<'_>, secrets: Vec<Secret>) -> HashBatch {
        let rows: Vec<&[u8]> = secrets.iter().map(Secret::bytes).collect();
        HashBatch(py.detach(|| self.0.hash_many(&rows)))
    }
});

/// The outcome of `hash_many`: one PHC string per input, or the row's error.
#[gen_stub_pyclass]
#[pyclass(name = "HashBatch", module = "pbx_rules", frozen)]
pub struct HashBatch(rules::HashBatch);

#[gen_stub_pymethods]
#[pymethods]
impl HashBatch {
    fn __len__(&self) -> usize {
        self.0.len()
    }
    /// The PHC string per row, `None` for a failed row.
    fn hashes(&self) -> Vec<Option<&str>> {
        self.0.results.iter().map(|r| r.as_deref().ok()).collect()
    }
    /// `(index, HashError)` for every failed row.
    #[gen_stub(override_return_type(type_repr = "list[tuple[int, HashError]]"))]
    fn failures<'py>(&self, py: Python<'py>) -> Result<Bound<'py, PyList>> {
        crate::convert::failures(py, &self.0.results)
    }
    fn __repr__(&self) -> String {
        format!("HashBatch(rows={}, ok={})", self.0.len(), self.0.ok_count())
    }
}
