//! The admin password (K1–K4): the strength meter the form shows while typing, a new
//! password typed twice, and the change with the old one.

use std::sync::Arc;

use pbx_rules as core;
use pbx_rules::{Lang, StrengthLevel};

use crate::{Hasher, Password, Policy, RuleError};

/// The guessable inputs of K4 and whether the account has a second factor.
#[derive(Clone, Debug, Default, uniffi::Record)]
pub struct PasswordContext {
    /// The head number as stored or typed.
    #[uniffi(default)]
    pub head_number: Option<String>,
    /// The company name.
    #[uniffi(default)]
    pub company_name: Option<String>,
    /// The admin contact email.
    #[uniffi(default)]
    pub admin_email: Option<String>,
    /// Whether the account uses a second factor.
    #[uniffi(default)]
    pub second_factor: bool,
}

impl PasswordContext {
    /// The core's borrowed form of this context.
    pub(crate) fn core(&self) -> core::PasswordContext<'_> {
        core::PasswordContext {
            head_number: self.head_number.as_deref(),
            company_name: self.company_name.as_deref(),
            admin_email: self.admin_email.as_deref(),
            second_factor: self.second_factor,
        }
    }
}

/// What the meter says (K2): level, score and feedback in German and English.
#[derive(Clone, Debug, uniffi::Record)]
pub struct Strength {
    /// The colour.
    pub level: StrengthLevel,
    /// zxcvbn's score 0–4.
    pub score: u8,
    /// log10 of the guess estimate.
    pub guesses_log10: f64,
    /// What is wrong, in German.
    pub warning_de: Option<String>,
    /// What is wrong, in English.
    pub warning_en: Option<String>,
    /// How to do better, in German.
    pub suggestions_de: Vec<String>,
    /// How to do better, in English.
    pub suggestions_en: Vec<String>,
    /// The warning's stable code (`top10_password`), for programs.
    pub warning_code: Option<String>,
    /// The suggestions' stable codes (`add_another_word`).
    pub suggestion_codes: Vec<String>,
}

/// A new password that passed every rule, with the meter's verdict.
#[derive(Debug, uniffi::Record)]
pub struct AcceptedPassword {
    /// The new password.
    pub password: Arc<Password>,
    /// The meter's verdict.
    pub strength: Strength,
}

/// A password change that passed K3, ready to store.
#[derive(Debug, uniffi::Record)]
pub struct PasswordChangeOutcome {
    /// The accepted password and its strength.
    pub accepted: AcceptedPassword,
    /// The argon2id PHC string to store.
    pub hash: String,
}

fn texts(list: Vec<&'static str>) -> Vec<String> {
    list.into_iter().map(str::to_owned).collect()
}

impl From<core::Strength> for Strength {
    fn from(s: core::Strength) -> Self {
        Self {
            warning_de: s.warning_text(Lang::De).map(str::to_owned),
            warning_en: s.warning_text(Lang::En).map(str::to_owned),
            suggestions_de: texts(s.suggestion_texts(Lang::De)),
            suggestions_en: texts(s.suggestion_texts(Lang::En)),
            warning_code: s.warning_code().map(str::to_owned),
            suggestion_codes: texts(s.suggestion_codes()),
            level: s.level,
            score: s.score,
            guesses_log10: s.guesses_log10,
        }
    }
}

impl From<core::AcceptedPassword> for AcceptedPassword {
    fn from(a: core::AcceptedPassword) -> Self {
        Self {
            password: Arc::new(Password(a.password)),
            strength: a.strength.into(),
        }
    }
}

impl From<core::PasswordChangeOutcome> for PasswordChangeOutcome {
    fn from(o: core::PasswordChangeOutcome) -> Self {
        Self {
            accepted: o.accepted.into(),
            hash: o.hash,
        }
    }
}

/// The strength meter (K2, K4); never fails.
#[uniffi::export]
pub fn evaluate_password(password: String, ctx: PasswordContext, policy: &Policy) -> Strength {
    core::evaluate(&password, &ctx.core(), &policy.0.password).into()
}

/// A new password typed twice (K1–K4).
///
/// # Errors
/// `RuleError::Password` with the code of the first rule that fails.
#[uniffi::export]
pub fn validate_new_password(
    new: String,
    confirmation: String,
    ctx: PasswordContext,
    policy: &Policy,
) -> Result<AcceptedPassword, RuleError> {
    Ok(core::validate_new_password(&new, &confirmation, &ctx.core(), &policy.0.password)?.into())
}

/// The admin's password change (K3): the old one verifies, the new one comes back hashed.
///
/// # Errors
/// `RuleError::Password`: `PASSWORD_OLD_WRONG` first, then the codes of
/// [`validate_new_password`].
#[uniffi::export]
pub fn change_password(
    old: String,
    new: String,
    confirmation: String,
    stored_hash: String,
    hasher: &Hasher,
    ctx: PasswordContext,
    policy: &Policy,
) -> Result<PasswordChangeOutcome, RuleError> {
    Ok(core::change_password(
        &old,
        &new,
        &confirmation,
        &stored_hash,
        &hasher.0,
        &ctx.core(),
        &policy.0.password,
    )?
    .into())
}
