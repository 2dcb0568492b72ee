//! Every core error as one uniffi error, [`RuleError`] (G2): a Kotlin `RuleException` with
//! one subclass per core family, a Swift `RuleError` with one case per family.
//!
//! The family, the code and both messages come from the core (`Error::family`, `code`,
//! `message`); this file only says which case a family becomes, so Kotlin can
//! `catch (e: RuleException.Pin)` and Swift can `catch RuleError.Pin(...)`.
//!
//! The enum itself is the core's (`pbx_rules::RuleError`, feature `uniffi`), so that the
//! core's custom types can refuse a malformed value handed back (the digits of an `Actor`, the
//! E.164 in a `PinContext`) with it while uniffi lifts the argument: uniffi throws a lift
//! error that is the function's own error type as that error. This crate declares it to
//! uniffi (`#[uniffi::remote(Error)]`), which keeps it in this crate's package; the compiler
//! checks that the declaration matches the core's.

pub use pbx_rules::RuleError;

/// A refusal from the rules: stable `code`, German and English message, and `details` (the
/// core's JSON object of the error's data: retry time, findings …; `{}` when it has none)
/// and `json` (the core's JSON of the whole error).
#[uniffi::remote(Error)]
pub enum RuleError {
    /// A phone number (N1, N2, B6), also an E.164 handed back in a record.
    Number {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// A login identifier or base number (N4–N6), also the extension digits handed back in
    /// an `Actor`, `Action`, `Route` or session stamp.
    LoginId {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// A backup-number edit (B1, B2).
    Backup {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// The actor may not do this (B4, P4, A3, R3, V1).
    Permission {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// A PIN (P1, P3, P8).
    Pin {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// A password (K1–K4).
    Password {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// A stored hash (G4).
    Hash {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// Random generation (R4).
    Generate {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// A login or login step (A1–A4, K5, P5, P6, G5).
    Login {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// A forgot-PIN or forgot-password request (R1–R3).
    Recovery {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// A session that no longer holds: new credential, lock, idle or absolute limit (G11).
    Session {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// A policy outside its bounds (F6, G6).
    Policy {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// Stored state or policy JSON that cannot be read.
    State {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
    /// A family the core added after this binding: code and messages still arrive.
    Other {
        code: String,
        message_de: String,
        message_en: String,
        details: String,
        json: String,
    },
}

/// Any core family error as a [`RuleError`], for `map_err`.
pub(crate) fn rule_error(e: impl Into<pbx_rules::Error>) -> RuleError {
    RuleError::from(e.into())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use pbx_rules::Lang;

    /// G2: every family of the core's table has its own case, so no current code arrives
    /// as `Other`.
    #[test]
    fn g2_every_core_family_has_its_own_case() {
        for (family, codes) in pbx_rules::Error::FAMILIES {
            assert!(
                RuleError::CASES.contains(family),
                "no RuleError case for {family}"
            );
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

    /// A malformed value handed back is refused while uniffi lifts it, as the `RuleError` of
    /// the parser's family: the error uniffi throws as the function's own, not as an internal
    /// one.
    #[test]
    fn g2_a_lift_refusal_is_the_parsers_family() {
        fn lifted<T>(text: &str) -> RuleError
        where
            T: uniffi::Lift<crate::UniFfiTag, FfiType = uniffi::RustBuffer>,
        {
            let buffer = <String as uniffi::Lower<crate::UniFfiTag>>::lower(text.to_owned());
            let refusal = T::try_lift(buffer).err().unwrap();
            refusal.downcast::<RuleError>().unwrap()
        }
        let digits = lifted::<pbx_rules::ExtensionDigits>("1a");
        let RuleError::LoginId { code, .. } = &digits else {
            unreachable!("digits are the login-id family: {digits:?}")
        };
        assert_eq!(code, "LOGIN_ID_BAD_CHARACTER");
        let number = lifted::<pbx_rules::E164>("0171 1234");
        let RuleError::Number {
            code,
            message_de,
            message_en,
            ..
        } = &number
        else {
            unreachable!("an E.164 is the number family: {number:?}")
        };
        assert_eq!(code, "NUMBER_NOT_E164");
        assert!(!message_de.is_empty() && message_de != message_en);
    }
}
