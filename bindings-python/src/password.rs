//! Admin password rules (K1–K4) and the strength meter (K2).

use pbx_rules as rules;
use pyo3::prelude::*;

use crate::convert::to_py;
use crate::error::Result;
use crate::hash::Hasher;
use crate::policy::{PasswordPolicy, password_or_default};
use pyo3_stub_gen::derive::{gen_stub_pyclass, gen_stub_pyfunction};
use rules::Lang;

/// The guessable inputs of K4 as keyword arguments, in the core's borrowed form.
pub fn context<'a>(
    head_number: Option<&'a str>,
    company_name: Option<&'a str>,
    admin_email: Option<&'a str>,
    second_factor: bool,
) -> rules::PasswordContext<'a> {
    rules::PasswordContext {
        head_number,
        company_name,
        admin_email,
        second_factor,
    }
}

/// What the meter says about a password: level, score 0–4, warning and suggestions (K2).
#[gen_stub_pyclass]
#[pyclass(name = "Strength", module = "pbx_rules", frozen)]
pub struct Strength(pub rules::Strength);

crate::convert::handle!(repr Strength {
    /// The colour (K2).
    #[getter]
    fn level(&self) -> rules::StrengthLevel {
        self.0.level
    }
    /// zxcvbn's score 0–4.
    #[getter]
    fn score(&self) -> u8 {
        self.0.score
    }
    /// The level's colour name in the given language (`"gelb"`).
    #[pyo3(signature = (lang = Lang::En))]
    fn level_name(&self, lang: Lang) -> &'static str {
        self.0.level.name(lang)
    }
    /// The warning in `lang`, if any.
    #[pyo3(signature = (lang = Lang::En))]
    fn warning_text(&self, lang: Lang) -> Option<&'static str> {
        self.0.warning_text(lang)
    }
    /// The suggestions in `lang`.
    #[pyo3(signature = (lang = Lang::En))]
    fn suggestion_texts(&self, lang: Lang) -> Vec<&'static str> {
        self.0.suggestion_texts(lang)
    }
    /// The warning's stable code (`"top10_password"`), if any.
    #[getter]
    fn warning_code(&self) -> Option<&'static str> {
        self.0.warning_code()
    }
    /// The suggestions' stable codes (`"add_another_word"`).
    #[getter]
    fn suggestion_codes(&self) -> Vec<&'static str> {
        self.0.suggestion_codes()
    }
    /// Level, score, warning and suggestions as the core serialises them.
    #[gen_stub(override_return_type(type_repr = "dict[str, typing.Any]"))]
    fn to_dict<'py>(&self, py: Python<'py>) -> Result<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }
});

/// The meter for a password (K2, K4); never raises.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (password, policy = None, *, head_number = None, company_name = None, admin_email = None, second_factor = false))]
pub fn evaluate(
    password: &str,
    policy: Option<PyRef<'_, PasswordPolicy>>,
    head_number: Option<&str>,
    company_name: Option<&str>,
    admin_email: Option<&str>,
    second_factor: bool,
) -> Strength {
    let ctx = context(head_number, company_name, admin_email, second_factor);
    Strength(rules::evaluate(
        password,
        &ctx,
        &password_or_default(policy.as_deref()),
    ))
}

/// A password that passed K1–K4, with its strength.
#[gen_stub_pyclass]
#[pyclass(name = "AcceptedPassword", module = "pbx_rules", frozen)]
pub struct AcceptedPassword(rules::AcceptedPassword);

crate::convert::handle!(repr AcceptedPassword {
    /// The password, masked (`expose()` for the text).
    #[getter]
    fn password(&self) -> rules::Password {
        self.0.password.clone()
    }
    /// The meter's verdict (K2).
    #[getter]
    fn strength(&self) -> Strength {
        Strength(self.0.strength.clone())
    }
});

/// A completed password change: the accepted password and its hash to store (K3).
#[gen_stub_pyclass]
#[pyclass(name = "PasswordChangeOutcome", module = "pbx_rules", frozen)]
pub struct PasswordChangeOutcome(rules::PasswordChangeOutcome);

crate::convert::handle!(repr PasswordChangeOutcome {
    /// The new password, masked.
    #[getter]
    fn password(&self) -> rules::Password {
        self.0.accepted.password.clone()
    }
    /// The meter's verdict (K2).
    #[getter]
    fn strength(&self) -> Strength {
        Strength(self.0.accepted.strength.clone())
    }
    /// The PHC string to store.
    #[getter]
    fn hash(&self) -> &str {
        &self.0.hash
    }
});

/// A new password typed twice (K1–K4); raises `PasswordError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (new, confirmation, policy = None, *, head_number = None, company_name = None, admin_email = None, second_factor = false))]
#[allow(clippy::too_many_arguments)]
pub fn validate_new_password(
    new: &str,
    confirmation: &str,
    policy: Option<PyRef<'_, PasswordPolicy>>,
    head_number: Option<&str>,
    company_name: Option<&str>,
    admin_email: Option<&str>,
    second_factor: bool,
) -> Result<AcceptedPassword> {
    let ctx = context(head_number, company_name, admin_email, second_factor);
    let policy = password_or_default(policy.as_deref());
    Ok(AcceptedPassword(rules::validate_new_password(
        new,
        confirmation,
        &ctx,
        &policy,
    )?))
}

/// A password change with the old password (K3), hashing with the GIL released.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (old, new, confirmation, stored_hash, hasher, policy = None, *, head_number = None, company_name = None, admin_email = None, second_factor = false))]
#[allow(clippy::too_many_arguments)]
pub fn change_password(
    py: Python<'_>,
    old: &str,
    new: &str,
    confirmation: &str,
    stored_hash: &str,
    hasher: &Hasher,
    policy: Option<PyRef<'_, PasswordPolicy>>,
    head_number: Option<&str>,
    company_name: Option<&str>,
    admin_email: Option<&str>,
    second_factor: bool,
) -> Result<PasswordChangeOutcome> {
    let policy = password_or_default(policy.as_deref());
    let outcome = py.detach(|| {
        let ctx = context(head_number, company_name, admin_email, second_factor);
        rules::change_password(
            old,
            new,
            confirmation,
            stored_hash,
            &hasher.0,
            &ctx,
            &policy,
        )
    });
    Ok(PasswordChangeOutcome(outcome?))
}
