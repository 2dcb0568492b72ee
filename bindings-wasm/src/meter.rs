//! The admin password (K1–K4): the live meter and the checks of the change form; the context
//! is the core's `PasswordContext` as a plain object (`src/record.rs`).

use pbx_rules as core;
use wasm_bindgen::prelude::*;

use crate::error::{Error, plain};
use crate::policy::{Lang, Rules};
use crate::record::password_context;

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
    pub fn score(&self) -> i32 {
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

    /// Whether the level meets the rules' minimum (K2; below it a new password is refused
    /// with `PASSWORD_TOO_WEAK`): what a form asks to enable its save button. The core
    /// compares, in its order of levels; the colour codes are not to be compared in JS.
    #[wasm_bindgen(js_name = meetsMinimum)]
    pub fn meets_minimum(&self, rules: &Rules) -> bool {
        self.0.meets_minimum(&rules.0)
    }
}

/// The meter's verdict as data, for Node hosts (`JSON.stringify`).
#[cfg(feature = "account")]
#[wasm_bindgen]
impl Strength {
    /// The core's JSON of the verdict as a plain object (`StrengthData`: `level`, `score`,
    /// `guesses_log10`, `warning`, `suggestions`): what `JSON.stringify(strength)` writes.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json_value(&self) -> tsify::Ts<core::Strength> {
        tsify::Ts::new_unchecked(plain(&self.0))
    }
}

/// Rates a password as the user types (K2, K4).
///
/// # Errors
/// `STATE_MALFORMED` for a context of the wrong shape.
#[wasm_bindgen(js_name = evaluatePassword)]
pub fn evaluate_password(
    password: &str,
    #[wasm_bindgen(unchecked_param_type = "PasswordContext")] context: JsValue,
    rules: &Rules,
) -> Result<Strength, Error> {
    let ctx = password_context(&context)?;
    Ok(Strength(core::evaluate(password, &ctx, &rules.0)))
}

/// Checks the shape of a password (K1).
///
/// # Errors
/// A `PasswordError` (`PASSWORD_TOO_SHORT`, …).
#[wasm_bindgen(js_name = parsePassword)]
pub fn parse_password(password: &str, second_factor: bool, rules: &Rules) -> Result<(), Error> {
    Ok(core::Password::parse(password, second_factor, &rules.0).map(drop)?)
}

/// Checks a new password typed twice (K1–K4) and returns the meter's verdict.
///
/// # Errors
/// A `PasswordError`; `reason` is set for `PASSWORD_BLOCKLISTED`. `STATE_MALFORMED` for a
/// context of the wrong shape.
#[wasm_bindgen(js_name = validateNewPassword)]
pub fn validate_new_password(
    password: &str,
    confirmation: &str,
    #[wasm_bindgen(unchecked_param_type = "PasswordContext")] context: JsValue,
    rules: &Rules,
) -> Result<Strength, Error> {
    let ctx = password_context(&context)?;
    let accepted = core::validate_new_password(password, confirmation, &ctx, &rules.0)?;
    Ok(Strength(accepted.strength))
}
