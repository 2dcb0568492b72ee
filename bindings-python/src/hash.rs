//! Argon2id hashing (G4), shaped like argon2-cffi's `PasswordHasher`: `hash`, `verify`,
//! `needs_rehash` (alias `check_needs_rehash`), plus `hash_many` for imports.
//!
//! Every call releases the GIL: one hash costs tens of milliseconds of memory-hard work, and
//! a provisioning script hashing thousands of PINs should use every core. `verify` raises
//! `VerifyMismatchError` on a wrong secret, as argon2-cffi does; malformed hashes raise
//! `HashError`.

use pbx_rules as rules;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyType};
use pyo3_stub_gen::derive::{gen_stub_pyclass, gen_stub_pymethods};

use crate::error::{Result, verify_mismatch};
use crate::policy::HashPolicy;

/// Bytes as Python hands them over: `str` (taken as UTF-8) or `bytes`. Anything else is a
/// `TypeError` that says so (a secret or a pepper of another type is a caller's mistake, as
/// any argument of the wrong type).
pub enum TextOrBytes {
    Text(String),
    Bytes(Vec<u8>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for TextOrBytes {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        Self::read(obj, "a secret")
    }
}

impl TextOrBytes {
    /// `obj` as text or bytes; `what` names it in the `TypeError` for anything else.
    fn read(obj: Borrowed<'_, '_, PyAny>, what: &str) -> PyResult<Self> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            return Ok(Self::Bytes(bytes.as_bytes().to_vec()));
        }
        if obj.is_instance_of::<PyString>() {
            return Ok(Self::Text(obj.extract()?));
        }
        let type_name = obj.get_type().name()?;
        Err(PyTypeError::new_err(format!(
            "{what} must be str (UTF-8) or bytes, not {type_name}"
        )))
    }
}

/// A pepper (G4) as Python hands it over: `str` (its UTF-8 bytes) or `bytes`.
pub struct Pepper(TextOrBytes);

impl<'a, 'py> FromPyObject<'a, 'py> for Pepper {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        TextOrBytes::read(obj, "the pepper").map(Self)
    }
}

pyo3_stub_gen::impl_stub_type!(Pepper = String | pyo3::types::PyBytes);

impl Pepper {
    /// The bytes as the core's pepper.
    pub fn into_core(self) -> rules::Pepper {
        rules::Pepper::new(match self.0 {
            TextOrBytes::Text(s) => s.into_bytes(),
            TextOrBytes::Bytes(b) => b,
        })
    }
}

pyo3_stub_gen::impl_stub_type!(TextOrBytes = String | pyo3::types::PyBytes);

impl TextOrBytes {
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

impl Hasher {
    fn of(policy: rules::HashPolicy, pepper: Option<Pepper>) -> Self {
        let hasher = rules::Hasher::new(policy);
        Self(match pepper {
            Some(p) => hasher.with_pepper(p.into_core()),
            None => hasher,
        })
    }
}

impl crate::convert::ShowFields for Hasher {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::Attrs(&["policy"]);
}

crate::convert::handle!(repr Hasher {
    /// A hasher under `policy` (`HashPolicy.centrexx()`, `HashPolicy.strict()`, or a custom
    /// one), with an optional pepper (`str` as UTF-8, or `bytes`). The policy is required: a
    /// host that forgot its strict costs would silently hash under the seed's.
    #[new]
    #[pyo3(signature = (policy, pepper = None))]
    fn new(policy: PyRef<'_, HashPolicy>, pepper: Option<Pepper>) -> Self {
        Self::of(policy.0.clone(), pepper)
    }
    /// A hasher with the centrexx preset's costs (`Hasher(HashPolicy.centrexx(), pepper)`).
    #[classmethod]
    #[pyo3(signature = (pepper = None))]
    fn centrexx(_cls: &Bound<'_, PyType>, pepper: Option<Pepper>) -> Self {
        Self::of(rules::HashPolicy::centrexx(), pepper)
    }
    /// A hasher with the strict preset's costs (`Hasher(HashPolicy.strict(), pepper)`).
    #[classmethod]
    #[pyo3(signature = (pepper = None))]
    fn strict(_cls: &Bound<'_, PyType>, pepper: Option<Pepper>) -> Self {
        Self::of(rules::HashPolicy::strict(), pepper)
    }
    /// The hashing policy (G4).
    #[getter]
    fn policy(&self) -> HashPolicy {
        HashPolicy(self.0.policy().clone())
    }
    /// A PHC string with a fresh salt.
    fn hash(&self, py: Python<'_>, secret: TextOrBytes) -> Result<String> {
        Ok(py.detach(|| self.0.hash(secret.bytes()))?)
    }
    /// `True` when `secret` matches the stored PHC string (constant time); raises
    /// `VerifyMismatchError` (a `HashError`) when it does not, as argon2-cffi does, and
    /// `HashError` for an unusable hash.
    fn verify(&self, py: Python<'_>, hash: &str, secret: TextOrBytes) -> Result<bool> {
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
    fn hash_many(&self, py: Python<'_>, secrets: Vec<TextOrBytes>) -> HashBatch {
        let rows: Vec<&[u8]> = secrets.iter().map(TextOrBytes::bytes).collect();
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
