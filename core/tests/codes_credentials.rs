//! The stable codes of the credential errors (G2): unique within each family, with a German
//! and an English message for every variant we can build.
#![allow(clippy::unwrap_used, missing_docs)]

use std::collections::HashSet;

use pbx_rules::{
    GenerateError, HashError, Lang, Localized, PasswordError, PinError, TrivialPinFinding,
};

// G2
#[test]
fn g2_codes_are_unique_and_upper_snake_case() {
    for codes in [
        PinError::CODES,
        PasswordError::CODES,
        HashError::CODES,
        GenerateError::CODES,
        TrivialPinFinding::CODES,
    ] {
        let mut seen = HashSet::new();
        for code in codes {
            assert!(seen.insert(code), "{code}");
            assert!(
                code.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'),
                "{code}"
            );
        }
    }
}

// G2: the credential codes exist.
#[test]
fn g2_named_codes_exist() {
    for code in [
        "PIN_TOO_SHORT",
        "PIN_TOO_LONG",
        "PIN_NOT_DIGITS",
        "PIN_MISMATCH",
        "PIN_IS_DEFAULT",
        "PIN_OLD_WRONG",
        "PIN_TRIVIAL",
    ] {
        assert!(PinError::CODES.contains(&code), "{code}");
    }
    for code in [
        "PASSWORD_TOO_SHORT",
        "PASSWORD_TOO_LONG",
        "PASSWORD_CONTROL_CHARACTER",
        "PASSWORD_INVISIBLE_CHARACTER",
        "PASSWORD_TOO_WEAK",
        "PASSWORD_MISMATCH",
        "PASSWORD_OLD_WRONG",
        "PASSWORD_BLOCKLISTED",
    ] {
        assert!(PasswordError::CODES.contains(&code), "{code}");
    }
    assert!(HashError::CODES.contains(&"HASH_MALFORMED"));
}

// G2: every unit-like variant speaks both languages, differently.
#[test]
fn g2_messages_in_both_languages() {
    let errors: Vec<Box<dyn Localized>> = vec![
        Box::new(PinError::NotDigits),
        Box::new(PinError::TooShort { min: 4 }),
        Box::new(PinError::TooLong { max: 10 }),
        Box::new(PinError::OldWrong),
        Box::new(PinError::Mismatch),
        Box::new(PinError::IsDefault),
        Box::new(PinError::SameAsOld),
        Box::new(PinError::Trivial {
            findings: vec![TrivialPinFinding::Year, TrivialPinFinding::Sequence],
        }),
        Box::new(PinError::MobileRefused),
        Box::new(PinError::MobileNumberMissing),
        Box::new(PinError::StoredHash(HashError::Unsupported)),
        Box::new(PasswordError::ControlCharacter),
        Box::new(PasswordError::InvisibleCharacter),
        Box::new(PasswordError::TooShort { min: 8 }),
        Box::new(PasswordError::TooLong { max: 32 }),
        Box::new(PasswordError::OldWrong),
        Box::new(PasswordError::Mismatch),
        Box::new(HashError::Malformed { part: "salt" }),
        Box::new(HashError::ParamsOutOfRange),
        Box::new(GenerateError::PolicyUnsatisfiable),
    ];
    for e in errors {
        let (de, en) = (e.message(Lang::De), e.message(Lang::En));
        assert!(!de.is_empty() && !en.is_empty());
        assert_ne!(de, en, "{}", e.code());
    }
}
