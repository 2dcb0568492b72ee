//! Every core error as one uniffi error, [`RuleError`] (G2): a Kotlin `RuleException` with
//! one subclass per core family, a Swift `RuleError` with one case per family.
//!
//! The family, the code and both messages come from the core (`Error::family`, `code`,
//! `message`); this file only turns a core error into it, so Kotlin can
//! `catch (e: RuleException.Pin)` and Swift can `catch RuleError.Pin(...)`.
//!
//! The enum, its uniffi declaration and its methods are the core's (`pbx_rules::RuleError`,
//! feature `uniffi`, Kotlin `de.pbxrules.core.RuleException`): the core's custom types refuse
//! a malformed value handed back (the digits of an `Actor`, the E.164 in a `PinContext`) with
//! it while uniffi lifts the argument (uniffi throws a lift error that is the function's own
//! error type as that error), and uniffi exports methods (`code()`, `messageDe()`,
//! `messageEn()`, `details()`, `json()` on the base type) only in the crate that declares
//! the type.

pub use pbx_rules::RuleError;

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

    /// G2: the base type's accessors (Kotlin `e.code()` on any `RuleException`) return the
    /// fields of whichever case it is.
    #[test]
    fn g2_every_case_answers_code_and_messages_on_the_base_type() {
        let rules = pbx_rules::Rules::centrexx();
        let mut policy = pbx_rules::Policy::centrexx();
        policy.pin.min_len = 0;
        let errors: Vec<pbx_rules::Error> = vec![
            pbx_rules::Pin::parse("12a4", &rules).unwrap_err().into(),
            pbx_rules::E164::parse("0171 1234").unwrap_err().into(),
            pbx_rules::Rules::new(policy).unwrap_err().into(),
        ];
        for e in errors {
            let case = RuleError::from(e.clone());
            assert_eq!(case.code(), pbx_rules::Localized::code(&e));
            assert_eq!(
                case.message_de(),
                pbx_rules::Localized::message(&e, Lang::De)
            );
            assert_eq!(
                case.message_en(),
                pbx_rules::Localized::message(&e, Lang::En)
            );
            assert_eq!(case.json(), e.to_json());
            assert!(case.details().starts_with('{'), "{}", case.details());
        }
        let other = RuleError::Other {
            code: "X".into(),
            message_de: "de".into(),
            message_en: "en".into(),
            details: "{}".into(),
            json: "{}".into(),
        };
        assert_eq!(
            (other.code(), other.message_de(), other.message_en()),
            ("X".to_owned(), "de".to_owned(), "en".to_owned())
        );
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
