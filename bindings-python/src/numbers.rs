//! Phone numbers and login identifiers (N1–N6): `NumberPlan`, `PhoneNumber`, `E164`,
//! `BaseNumber`, and the bulk call `NumberPlan.normalize_many`.

use pbx_rules as rules;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::error::{Error, Result};
use pyo3_stub_gen::derive::{gen_stub_pyclass, gen_stub_pyfunction, gen_stub_pymethods};

/// The `phonenumbers` version whose numbering metadata is embedded (`"9.0.43"`).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn metadata_version() -> &'static str {
    rules::metadata_version()
}

/// The numbering context of one PBX: its default region (N1).
#[gen_stub_pyclass]
#[pyclass(name = "NumberPlan", module = "pbx_rules", frozen)]
pub struct NumberPlan(pub rules::NumberPlan);

impl crate::convert::ShowFields for NumberPlan {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::Attrs(&["region"]);
}

crate::convert::handle!(repr NumberPlan {
    #[new]
    #[pyo3(signature = (region = "DE"))]
    fn new(region: &str) -> Result<Self> {
        Ok(Self(rules::NumberPlan::new(region)?))
    }

    /// The default region (`DE`).
    #[getter]
    fn region(&self) -> &str {
        self.0.region()
    }

    /// One typed number to its stored form, or `NumberError` (N1, N2).
    fn normalize(&self, input: &str) -> Result<PhoneNumber> {
        Ok(PhoneNumber(self.0.normalize(input)?))
    }

    /// Many numbers on every core with the GIL released; bad rows are reported, not raised.
    fn normalize_many(&self, py: Python<'_>, inputs: Vec<String>) -> NumberBatch {
        NumberBatch(py.detach(|| self.0.normalize_many(&inputs)))
    }
});

/// A valid number: its E.164 form, kind, region and display forms (N1, N3).
#[gen_stub_pyclass]
#[pyclass(name = "PhoneNumber", module = "pbx_rules", frozen, eq)]
#[derive(PartialEq)]
pub struct PhoneNumber(pub rules::PhoneNumber);

impl crate::convert::ShowFields for PhoneNumber {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::Attrs(&["e164", "kind", "region"]);
}

crate::convert::handle!(repr PhoneNumber {
    /// The stored form (`+4917112345678`).
    #[getter]
    fn e164(&self) -> &str {
        self.0.e164().as_str()
    }
    /// The kind of line.
    #[getter]
    fn kind(&self) -> rules::NumberKind {
        self.0.kind()
    }
    /// The region (`DE`).
    #[getter]
    fn region(&self) -> &str {
        self.0.region()
    }
    /// The country calling code (`49`).
    #[getter]
    fn country_code(&self) -> u16 {
        self.0.country_code()
    }
    /// The national significant number.
    #[getter]
    fn national_number(&self) -> &str {
        self.0.national_number()
    }
    /// The international display form (E.123).
    #[getter]
    fn international(&self) -> String {
        self.0.international()
    }
    /// The national display form (DIN 5008).
    #[getter]
    fn national(&self) -> String {
        self.0.national()
    }
    /// The core's serde form.
    #[gen_stub(override_return_type(type_repr = "dict[str, typing.Any]"))]
    fn to_dict<'py>(&self, py: Python<'py>) -> Result<Bound<'py, PyAny>> {
        crate::convert::to_py(py, &self.0)
    }
    fn __str__(&self) -> &str {
        self.0.e164().as_str()
    }
    fn __hash__(&self) -> u64 {
        hash_str(self.0.e164().as_str())
    }
});

fn hash_str(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// The outcome of `normalize_many`: one result per input, in input order. Rows become Python
/// objects only when asked for, so a 100,000-row import pays only for what it reads.
#[gen_stub_pyclass]
#[pyclass(name = "NumberBatch", module = "pbx_rules", frozen)]
pub struct NumberBatch(pub rules::NumberBatch);

#[gen_stub_pymethods]
#[pymethods]
impl NumberBatch {
    fn __len__(&self) -> usize {
        self.0.results.len()
    }

    /// How many rows are valid numbers.
    #[getter]
    fn ok_count(&self) -> usize {
        self.0.ok_count()
    }

    /// The E.164 form per row, `None` for a failed row.
    fn e164s(&self) -> Vec<Option<&str>> {
        self.0
            .results
            .iter()
            .map(|r| r.as_ref().ok().map(|n| n.e164().as_str()))
            .collect()
    }

    /// The valid numbers per row, `None` for a failed row.
    fn numbers(&self) -> Vec<Option<PhoneNumber>> {
        self.0
            .results
            .iter()
            .map(|r| r.as_ref().ok().map(|n| PhoneNumber(n.clone())))
            .collect()
    }

    /// `(index, NumberError)` for every failed row.
    #[gen_stub(override_return_type(type_repr = "list[tuple[int, NumberError]]"))]
    fn failures<'py>(&self, py: Python<'py>) -> Result<Bound<'py, PyList>> {
        crate::convert::failures(py, &self.0.results)
    }

    /// Row `index`: its `PhoneNumber`, or its `NumberError` raised.
    fn __getitem__(&self, index: usize) -> Result<PhoneNumber> {
        match self.0.results.get(index) {
            Some(Ok(n)) => Ok(PhoneNumber(n.clone())),
            Some(Err(e)) => Err(e.clone().into()),
            None => Err(Error(pyo3::exceptions::PyIndexError::new_err(index))),
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "NumberBatch(rows={}, ok={})",
            self.0.results.len(),
            self.0.ok_count()
        )
    }
}

/// A number in E.164 form, as stored (N1). Checks the form only.
#[gen_stub_pyclass]
#[pyclass(name = "E164", module = "pbx_rules", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct E164(pub rules::E164);

impl crate::convert::ShowFields for E164 {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::Attrs(&["digits"]);
}

crate::convert::handle!(repr E164 {
    #[new]
    fn new(text: &str) -> Result<Self> {
        Ok(Self(rules::E164::parse(text)?))
    }
    /// The digits without the `+`.
    #[getter]
    fn digits(&self) -> &str {
        self.0.digits()
    }
    fn __str__(&self) -> &str {
        self.0.as_str()
    }
});

/// The PBX number without extension digits, split at the area code (N4–N6).
#[gen_stub_pyclass]
#[pyclass(name = "BaseNumber", module = "pbx_rules", frozen)]
pub struct BaseNumber(pub rules::BaseNumber);

impl crate::convert::ShowFields for BaseNumber {
    const SHOWN: crate::convert::Shown = crate::convert::Shown::Attrs(&["e164"]);
}

crate::convert::handle!(repr BaseNumber {
    #[new]
    #[pyo3(signature = (typed, plan = None))]
    fn new(typed: &str, plan: Option<PyRef<'_, NumberPlan>>) -> Result<Self> {
        let germany = rules::NumberPlan::germany();
        let plan = plan.as_ref().map_or(&germany, |p| &p.0);
        Ok(Self(rules::BaseNumber::parse(plan, typed)?))
    }
    /// The area code without the national prefix.
    #[getter]
    fn area_code(&self) -> &str {
        self.0.area_code()
    }
    /// The subscriber part without extension digits.
    #[getter]
    fn subscriber(&self) -> &str {
        self.0.subscriber()
    }
    /// The base number in E.164 form.
    #[getter]
    fn e164(&self) -> &str {
        self.0.e164().as_str()
    }
    /// The E.164 number of an extension.
    fn extension_e164(&self, digits: &str) -> Result<String> {
        Ok(self.0.extension_e164(&digits_of(digits)?)?.to_string())
    }
    /// An extension as people write it (`06131 62468-10`).
    fn display_extension(&self, digits: &str) -> Result<String> {
        Ok(self.0.display_extension(&digits_of(digits)?))
    }
    /// The login identifier of an extension (`06131-62468-10`, N4).
    fn login_form(&self, digits: &str) -> Result<String> {
        Ok(self.0.login_form(&digits_of(digits)?))
    }
    /// A user's login identifier to the extension digits, or `LoginIdError` (N4, N6).
    fn user_login(&self, input: &str) -> Result<String> {
        Ok(self.0.user_login(input)?.to_string())
    }
    /// An admin's login identifier, which must be the head number (N5); raises otherwise.
    #[pyo3(signature = (input, central = "0"))]
    fn admin_login(&self, input: &str, central: &str) -> Result<()> {
        Ok(self.0.admin_login(input, &digits_of(central)?)?)
    }
});

/// Extension digits typed as text, checked by the core.
pub fn digits_of(text: &str) -> Result<rules::ExtensionDigits> {
    Ok(rules::ExtensionDigits::parse(text)?)
}
