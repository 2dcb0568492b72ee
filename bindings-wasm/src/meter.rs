//! The admin password (K1–K4): the live meter and the checks of the change form.

use pbx_rules as core;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::error::plain;
use crate::policy::{Lang, Policy};

/// The guessable inputs of K4 and whether the account has a second factor.
#[wasm_bindgen]
#[derive(Clone, Debug, Default)]
pub struct PasswordContext {
    head_number: Option<String>,
    company_name: Option<String>,
    admin_email: Option<String>,
    second_factor: bool,
}

#[wasm_bindgen]
impl PasswordContext {
    /// The head number, company name and admin email (each optional), and whether the
    /// account uses a second factor.
    #[wasm_bindgen(constructor)]
    pub fn new(
        head_number: Option<String>,
        company_name: Option<String>,
        admin_email: Option<String>,
        second_factor: Option<bool>,
    ) -> PasswordContext {
        PasswordContext {
            head_number,
            company_name,
            admin_email,
            second_factor: second_factor.unwrap_or(false),
        }
    }
}

impl PasswordContext {
    pub(crate) fn core(&self) -> core::PasswordContext<'_> {
        core::PasswordContext {
            head_number: self.head_number.as_deref(),
            company_name: self.company_name.as_deref(),
            admin_email: self.admin_email.as_deref(),
            second_factor: self.second_factor,
        }
    }
}

/// What the meter says about a password (K2).
#[wasm_bindgen]
#[derive(Clone, Debug)]
pub struct Strength(core::Strength);

#[wasm_bindgen]
impl Strength {
    /// The colour, the core's code (`red`, `orange`, `yellow`, `light_green`, `green`).
    #[wasm_bindgen(getter, unchecked_return_type = "string")]
    pub fn level(&self) -> JsValue {
        plain(&self.0.level)
    }

    /// zxcvbn's score 0–4.
    #[wasm_bindgen(getter)]
    pub fn score(&self) -> u8 {
        self.0.score
    }

    /// log10 of zxcvbn's guess estimate.
    #[wasm_bindgen(getter, js_name = guessesLog10)]
    pub fn guesses_log10(&self) -> f64 {
        self.0.guesses_log10
    }

    /// The colour's name for a person (`gelb`, `yellow`).
    #[wasm_bindgen(js_name = levelName)]
    pub fn level_name(&self, lang: Lang) -> String {
        self.0.level.name(lang.into()).to_owned()
    }

    /// What is wrong, if anything.
    pub fn warning(&self, lang: Lang) -> Option<String> {
        self.0.warning_text(lang.into()).map(str::to_owned)
    }

    /// The warning's stable code (`top10_password`), for programs.
    #[wasm_bindgen(getter, js_name = warningCode)]
    pub fn warning_code(&self) -> Option<String> {
        self.0.warning_code().map(str::to_owned)
    }

    /// The suggestions' stable codes (`add_another_word`), for programs.
    #[wasm_bindgen(getter, js_name = suggestionCodes)]
    pub fn suggestion_codes(&self) -> Vec<String> {
        self.0
            .suggestion_codes()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// How to do better.
    pub fn suggestions(&self, lang: Lang) -> Vec<String> {
        self.0
            .suggestion_texts(lang.into())
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
}

/// Rates a password as the user types (K2, K4).
#[wasm_bindgen(js_name = evaluatePassword)]
pub fn evaluate_password(password: &str, context: &PasswordContext, policy: &Policy) -> Strength {
    Strength(core::evaluate(
        password,
        &context.core(),
        &policy.0.password,
    ))
}

/// Checks the shape of a password (K1).
///
/// # Errors
/// A `PasswordError` (`PASSWORD_TOO_SHORT`, …).
#[wasm_bindgen(js_name = parsePassword)]
pub fn parse_password(password: &str, policy: &Policy, second_factor: bool) -> Result<(), Error> {
    Ok(core::Password::parse(password, &policy.0.password, second_factor).map(drop)?)
}

/// Checks a new password typed twice (K1–K4) and returns the meter's verdict.
///
/// # Errors
/// A `PasswordError`; `reason` is set for `PASSWORD_BLOCKLISTED`.
#[wasm_bindgen(js_name = validateNewPassword)]
pub fn validate_new_password(
    password: &str,
    confirmation: &str,
    context: &PasswordContext,
    policy: &Policy,
) -> Result<Strength, Error> {
    let ctx = context.core();
    Ok(Strength(
        core::validate_new_password(password, confirmation, &ctx, &policy.0.password)?.strength,
    ))
}

/// The admin's password change (K3) against the stored hash; returns the new hash.
///
/// # Errors
/// A `PasswordError` (`PASSWORD_OLD_WRONG` first).
#[cfg(feature = "hash")]
#[wasm_bindgen(js_name = changePassword)]
pub fn change_password(
    old: &str,
    password: &str,
    confirmation: &str,
    stored_hash: &str,
    hasher: &crate::hash::Hasher,
    context: &PasswordContext,
    policy: &Policy,
) -> Result<String, Error> {
    let ctx = context.core();
    let p = &policy.0.password;
    Ok(core::change_password(old, password, confirmation, stored_hash, &hasher.0, &ctx, p)?.hash)
}
