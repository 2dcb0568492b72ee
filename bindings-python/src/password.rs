//! Admin password rules (K1–K4) and the strength meter (K2).

use pbx_rules as rules;
use pyo3::prelude::*;

use crate::backup::PbxMasterData;
use crate::convert::to_py;
use crate::error::Result;
use crate::lifecycle::Rules;
use pyo3_stub_gen::derive::{gen_stub_pyclass, gen_stub_pyfunction};
use rules::Lang;

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
pub fn evaluate(password: &str, ctx: &rules::PasswordContext, rules: &Rules) -> Strength {
    Strength(rules::evaluate(password, ctx, &rules.0))
}

/// The K4 inputs of the PBX's master data: its head number, company name and admin e-mail.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
#[pyo3(signature = (pbx, second_factor = false))]
pub fn password_context_for_pbx(
    pbx: &PbxMasterData,
    second_factor: bool,
) -> rules::PasswordContext {
    rules::PasswordContext::for_pbx(&pbx.0, second_factor)
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

/// A new password typed twice (K1–K4); raises `PasswordError`.
#[gen_stub_pyfunction(module = "pbx_rules")]
#[pyfunction]
pub fn validate_new_password(
    new: &str,
    confirmation: &str,
    ctx: &rules::PasswordContext,
    rules: &Rules,
) -> Result<AcceptedPassword> {
    let accepted = rules::validate_new_password(new, confirmation, ctx, &rules.0)?;
    Ok(AcceptedPassword(accepted))
}
