//! Every core error as one uniffi error, [`RuleError`] (G2): a Kotlin `RuleException` with
//! one subclass per core family, a Swift `RuleError` with one case per family.
//!
//! The family, the code and both messages come from the core (`Error::family`, `code`,
//! `message`); this file only says which case a family becomes, so Kotlin can
//! `catch (e: RuleException.Pin)` and Swift can `catch RuleError.Pin(...)`.

use pbx_rules::{Lang, Localized};

/// The fields every case carries, generated once per family.
macro_rules! families {
    ($($(#[$doc:meta])* $case:ident = $family:literal),* $(,)?) => {
        /// A refusal from the rules: stable `code`, German and English message, and
        /// `details` (the core's JSON object of the error's data: retry time, findings …;
        /// `{}` when it has none) and `json` (the core's JSON of the whole error).
        #[derive(Clone, Debug, thiserror::Error, uniffi::Error)]
        pub enum RuleError {
            $(
                $(#[$doc])*
                #[error("{code}: {message_en}")]
                $case {
                    /// Stable machine code (`PIN_TOO_SHORT`).
                    code: String,
                    /// German message.
                    message_de: String,
                    /// English message.
                    message_en: String,
                    /// The error's data as a JSON object.
                    details: String,
                    /// The core's JSON of the whole error, as every language shows it.
                    json: String,
                },
            )*
        }

        /// The core families that have their own case.
        #[cfg(test)]
        const CASES: &[&str] = &[$($family),*];

        impl From<pbx_rules::Error> for RuleError {
            fn from(e: pbx_rules::Error) -> Self {
                let (code, message_de, message_en) =
                    (e.code().to_owned(), e.message(Lang::De), e.message(Lang::En));
                let json = e.to_json();
                let details = details(&json);
                match e.family() {
                    $($family => Self::$case { code, message_de, message_en, details, json },)*
                    _ => Self::Other { code, message_de, message_en, details, json },
                }
            }
        }
    };
}

families! {
    /// A phone number (N1, N2, B6).
    Number = "number",
    /// A login identifier or base number (N4–N6).
    LoginId = "login_id",
    /// A backup-number edit (B1, B2).
    Backup = "backup",
    /// The actor may not do this (B4, P4, A3, R3, V1).
    Permission = "permission",
    /// A PIN (P1, P3, P8).
    Pin = "pin",
    /// A password (K1–K4).
    Password = "password",
    /// A stored hash (G4).
    Hash = "hash",
    /// Random generation (R4).
    Generate = "generate",
    /// A login or login step (A1–A4, K5, P5, P6, G5).
    Login = "login",
    /// A forgot-PIN or forgot-password request (R1–R3).
    Recovery = "recovery",
    /// A session that no longer holds: new credential, lock, idle or absolute limit (G11).
    Session = "session",
    /// A policy outside its bounds (F6, G6).
    Policy = "policy",
    /// Stored state or policy JSON that cannot be read.
    State = "state",
    /// A family the core added after this binding: code and messages still arrive.
    Other = "",
}

/// The `details` object of the core's JSON of the error (`{}` when it carries no data).
fn details(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v.get("details").map(ToString::to_string))
        .unwrap_or_else(|| "{}".to_owned())
}

/// Any core family error as a [`RuleError`], for `map_err`.
pub(crate) fn rule_error(e: impl Into<pbx_rules::Error>) -> RuleError {
    RuleError::from(e.into())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// G2: every family of the core's table has its own case, so no current code arrives
    /// as `Other`.
    #[test]
    fn g2_every_core_family_has_its_own_case() {
        for (family, codes) in pbx_rules::Error::FAMILIES {
            assert!(CASES.contains(family), "no RuleError case for {family}");
            assert!(!codes.is_empty(), "{family} has no codes");
        }
    }

    /// G2: code, both messages and the details arrive from the core.
    #[test]
    fn g2_a_core_error_keeps_code_messages_and_details() {
        let e = pbx_rules::Pin::parse("12a4", &pbx_rules::Rules::centrexx()).unwrap_err();
        let RuleError::Pin {
            code,
            message_de,
            message_en,
            details,
            json,
        } = rule_error(e.clone())
        else {
            unreachable!("a PIN error is RuleError::Pin")
        };
        assert_eq!(code, pbx_rules::Localized::code(&e));
        assert_eq!(message_de, pbx_rules::Localized::message(&e, Lang::De));
        assert_eq!(message_en, pbx_rules::Localized::message(&e, Lang::En));
        assert!(details.starts_with('{'), "{details}");
        assert_eq!(json, pbx_rules::Error::from(e).to_json());
    }
}
