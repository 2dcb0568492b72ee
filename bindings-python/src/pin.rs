//! PIN rules (P1, P3, P8): new PINs typed twice, changes with the old PIN, the app check.
//!
//! Trivial-PIN findings cross as their stable codes (`PIN_TRIVIAL_YEAR`), the same strings
//! the shared vectors and `PinError.details["findings"]` use.

use pbx_rules as rules;
use pyo3::prelude::*;
use rules::Localized;

use crate::error::Result;
use crate::hash::Hasher;
use crate::policy::{PinPolicy, pin_or_default};
use pyo3_stub_gen::derive::{gen_stub_pyclass, gen_stub_pyfunction};

fn codes(findings: &[rules::TrivialPinFinding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code()).collect()
}

/// A PIN that passed P1 and P3, with the trivial-PIN findings a `Warn` policy lets through.
#[gen_stub_pyclass]
#[pyclass(name = "AcceptedPin", module = "pbx_rules", frozen)]
pub struct AcceptedPin(rules::AcceptedPin);

crate::convert::handle!(repr AcceptedPin {
    /// The PIN, masked (`expose()` for the text).
    #[getter]
    fn pin(&self) -> rules::Pin {
        self.0.pin.clone()
    }
    /// The trivial-PIN findings the policy only warns about, as codes.
    #[getter]
    fn warnings(&self) -> Vec<&'static str> {
        codes(&self.0.warnings)
    }
});

/// A completed PIN change: the accepted PIN and its new hash to store (P3).
#[gen_stub_pyclass]
#[pyclass(name = "PinChangeOutcome", module = "pbx_rules", frozen)]
pub struct PinChangeOutcome(rules::PinChangeOutcome);

crate::convert::handle!(repr PinChangeOutcome {
    /// The new PIN, masked.
    #[getter]
    fn pin(&self) -> rules::Pin {
        self.0.accepted.pin.clone()
    }
    /// The trivial-PIN findings the policy only warns about, as codes.
    #[getter]
    fn warnings(&self) -> Vec<&'static str> {
        codes(&self.0.accepted.warnings)
    }
    /// The PHC string to store.
    #[getter]
    fn hash(&self) -> &str {
        &self.0.hash
    }
});

/// A new PIN typed twice (P1, P3); raises `PinError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (new, confirmation, policy = None, *, extension_digits = None, names = Vec::new()))]
pub fn validate_new_pin(
    new: &str,
    confirmation: &str,
    policy: Option<PyRef<'_, PinPolicy>>,
    extension_digits: Option<&str>,
    names: Vec<String>,
) -> Result<AcceptedPin> {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let ctx = rules::PinContext {
        extension_digits,
        names: &names,
        phone_number: None,
    };
    let policy = pin_or_default(policy.as_deref());
    Ok(AcceptedPin(rules::validate_new_pin(
        new,
        confirmation,
        &ctx,
        &policy,
    )?))
}

/// A PIN change with the old PIN (P3), hashing with the GIL released; raises `PinError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (old, new, confirmation, stored_hash, hasher, policy = None, *, extension_digits = None, names = Vec::new()))]
#[allow(clippy::too_many_arguments)]
pub fn change_pin(
    py: Python<'_>,
    old: &str,
    new: &str,
    confirmation: &str,
    stored_hash: &str,
    hasher: &Hasher,
    policy: Option<PyRef<'_, PinPolicy>>,
    extension_digits: Option<&str>,
    names: Vec<String>,
) -> Result<PinChangeOutcome> {
    let policy = pin_or_default(policy.as_deref());
    let outcome = py.detach(|| {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let ctx = rules::PinContext {
            extension_digits,
            names: &names,
            phone_number: None,
        };
        rules::change_pin(
            old,
            new,
            confirmation,
            stored_hash,
            &hasher.0,
            &ctx,
            &policy,
        )
    });
    Ok(PinChangeOutcome(outcome?))
}

/// Whether the mobile app may log in with this PIN (P8); raises `PinError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (pin, mobile, policy = None))]
pub fn mobile_app_check(
    pin: &rules::Pin,
    mobile: Option<&str>,
    policy: Option<PyRef<'_, PinPolicy>>,
) -> Result<()> {
    let mobile = mobile.map(rules::E164::parse).transpose()?;
    Ok(rules::mobile_app_check(
        pin,
        mobile.as_ref(),
        &pin_or_default(policy.as_deref()),
    )?)
}

/// Every reason why the PIN is easy to guess, as codes; empty for a good PIN.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (pin, policy = None, *, extension_digits = None, names = Vec::new(), phone_number = None))]
pub fn trivial_pin_findings(
    pin: &rules::Pin,
    policy: Option<PyRef<'_, PinPolicy>>,
    extension_digits: Option<&str>,
    names: Vec<String>,
    phone_number: Option<&str>,
) -> Result<Vec<&'static str>> {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let phone_number = phone_number.map(rules::E164::parse).transpose()?;
    let ctx = rules::PinContext {
        extension_digits,
        names: &names,
        phone_number: phone_number.as_ref(),
    };
    Ok(codes(&pin.trivial_findings(
        &ctx,
        &pin_or_default(policy.as_deref()),
    )))
}

/// Whether the PIN is the policy's default PIN (P2).
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (pin, policy = None))]
pub fn is_default_pin(pin: &rules::Pin, policy: Option<PyRef<'_, PinPolicy>>) -> bool {
    pin.is_default(&pin_or_default(policy.as_deref()))
}
