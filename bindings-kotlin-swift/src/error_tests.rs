//! Every code of every core error family arrives in its own [`RuleError`] case (G2).
//!
//! The samples list one value per variant; comparing their codes with the family's `CODES`
//! makes this test fail when the core gains a variant the list (and so the review of the
//! mapping) has not seen.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use pbx_rules as core;
use pbx_rules::Localized;

use super::{BlockReason, RuleError};

fn family(e: &RuleError) -> &'static str {
    match e {
        RuleError::Number { .. } => "Number",
        RuleError::LoginId { .. } => "LoginId",
        RuleError::Backup { .. } => "Backup",
        RuleError::Permission { .. } => "Permission",
        RuleError::Pin { .. } => "Pin",
        RuleError::Password { .. } => "Password",
        RuleError::Hash { .. } => "Hash",
        RuleError::Generate { .. } => "Generate",
        RuleError::Login { .. } => "Login",
        RuleError::Recovery { .. } => "Recovery",
        RuleError::Policy { .. } => "Policy",
        RuleError::Other { .. } => "Other",
    }
}

/// Maps every sample, checks its family, code and messages, and that the samples cover
/// `codes` exactly.
fn check<E: core::Localized + Clone + Into<RuleError>>(samples: &[E], codes: &[&str], want: &str) {
    let mut seen = BTreeSet::new();
    for sample in samples {
        let mapped: RuleError = sample.clone().into();
        assert_eq!(family(&mapped), want, "{}", sample.code());
        assert_eq!(mapped.code(), sample.code());
        let (RuleError::Number {
            message_de,
            message_en,
            ..
        }
        | RuleError::LoginId {
            message_de,
            message_en,
            ..
        }
        | RuleError::Backup {
            message_de,
            message_en,
            ..
        }
        | RuleError::Permission {
            message_de,
            message_en,
            ..
        }
        | RuleError::Pin {
            message_de,
            message_en,
            ..
        }
        | RuleError::Password {
            message_de,
            message_en,
            ..
        }
        | RuleError::Hash {
            message_de,
            message_en,
            ..
        }
        | RuleError::Generate {
            message_de,
            message_en,
            ..
        }
        | RuleError::Login {
            message_de,
            message_en,
            ..
        }
        | RuleError::Recovery {
            message_de,
            message_en,
            ..
        }
        | RuleError::Policy {
            message_de,
            message_en,
            ..
        }
        | RuleError::Other {
            message_de,
            message_en,
            ..
        }) = &mapped;
        assert_eq!(*message_de, sample.message(core::Lang::De));
        assert_eq!(*message_en, sample.message(core::Lang::En));
        seen.insert(sample.code());
    }
    let want_codes: BTreeSet<&str> = codes.iter().copied().collect();
    assert_eq!(seen, want_codes, "{want}: samples and CODES differ");
}

#[test]
fn g2_number_errors_map() {
    use core::NumberError as E;
    let region = || "DE".to_owned();
    let samples = [
        E::Empty,
        E::Letters { letter: 'a' },
        E::InvalidCharacter { character: '#' },
        E::MisplacedPlus,
        E::TelExtension,
        E::TelSubaddress,
        E::TelPhoneContext,
        E::TelParameter {
            parameter: "tgrp".to_owned(),
        },
        E::TooShort,
        E::TooLong,
        E::UnknownCountryCode,
        E::Invalid { region: region() },
        E::UnknownRegion { region: region() },
        E::NotE164 { value: region() },
    ];
    check(&samples, E::CODES, "Number");
}

#[test]
fn g2_login_id_errors_map() {
    use core::LoginIdError as E;
    let example = || "06131-62468-10".to_owned();
    let samples = [
        E::Empty,
        E::BadCharacter { character: ' ' },
        E::BadHyphens { example: example() },
        E::OtherPbx,
        E::NoExtension,
        E::ExtensionTooLong,
        E::NotHeadNumber { example: example() },
        E::NoAreaCode,
    ];
    check(&samples, E::CODES, "LoginId");
}

#[test]
fn g2_permission_errors_map() {
    use core::PermissionError as E;
    let samples = [
        E::NotOwnExtension,
        E::AdminOnly,
        E::ExtendedRightsRequired,
        E::PreviewNotAllowed,
        E::OwnerOnly,
        E::MasterDataMismatch,
    ];
    check(&samples, E::CODES, "Permission");
}

#[test]
fn g2_hash_and_generate_errors_map() {
    use core::HashError as H;
    let samples = [
        H::Malformed { part: "salt" },
        H::Unsupported,
        H::ParamsOutOfRange,
        H::InvalidPolicy,
        H::InputTooLong,
        H::OutOfMemory,
        H::RandomUnavailable,
    ];
    check(&samples, H::CODES, "Hash");
    use core::GenerateError as G;
    check(
        &[G::RandomUnavailable, G::PolicyUnsatisfiable],
        G::CODES,
        "Generate",
    );
}

#[test]
fn g2_pin_errors_map_with_findings() {
    use core::{PinError as E, TrivialPinFinding as F};
    let samples = [
        E::NotDigits,
        E::TooShort { min: 4 },
        E::TooLong { max: 10 },
        E::OldWrong,
        E::Mismatch,
        E::IsDefault,
        E::SameAsOld,
        E::Trivial {
            findings: vec![F::Sequence, F::Year],
        },
        E::MobileRefused,
        E::MobileNumberMissing,
        E::StoredHash(core::HashError::Unsupported),
    ];
    check(&samples, E::CODES, "Pin");
    let RuleError::Pin { findings, .. } = RuleError::from(samples[7].clone()) else {
        unreachable!()
    };
    let codes: Vec<_> = findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["PIN_TRIVIAL_SEQUENCE", "PIN_TRIVIAL_YEAR"]);
    let all = [
        F::SameDigitRun,
        F::FewDistinctDigits,
        F::Sequence,
        F::RepeatedGroup,
        F::KeypadLine,
        F::ExtensionDigits,
        F::PhoneNumber,
        F::NameOnKeypad,
        F::Year,
        F::Date,
    ];
    let mapped: BTreeSet<String> = super::findings(&all).into_iter().map(|f| f.code).collect();
    assert_eq!(mapped, F::CODES.iter().map(|c| (*c).to_owned()).collect());
}

#[test]
fn g2_password_errors_map_with_reason() {
    use core::{BlockReason as B, ContextKind as C, PasswordError as E, StrengthLevel as L};
    let samples = [
        E::ControlCharacter,
        E::InvisibleCharacter,
        E::TooShort { min: 8 },
        E::TooLong { max: 32 },
        E::TooWeak {
            level: L::Red,
            min: L::Yellow,
        },
        E::Blocklisted {
            reason: B::CommonPassword,
        },
        E::OldWrong,
        E::Mismatch,
        E::StoredHash(core::HashError::Unsupported),
    ];
    check(&samples, E::CODES, "Password");
    let reasons = [
        (B::CommonPassword, BlockReason::CommonPassword),
        (B::ContainsContext(C::HeadNumber), BlockReason::HeadNumber),
        (B::ContainsContext(C::CompanyName), BlockReason::CompanyName),
        (B::ContainsContext(C::AdminEmail), BlockReason::AdminEmail),
    ];
    for (core_reason, want) in reasons {
        let mapped = RuleError::from(E::Blocklisted {
            reason: core_reason,
        });
        assert!(matches!(mapped, RuleError::Password { reason: Some(r), .. } if r == want));
    }
}

#[test]
fn g2_backup_errors_map_to_their_own_family_or_the_wrapped_one() {
    use core::BackupError as E;
    let premium = E::KindRefused {
        kind: core::NumberKind::PremiumRate,
    };
    check(&[E::CentralRequired, premium], E::CODES, "Backup");
    let number = RuleError::from(E::Number(core::NumberError::TooShort));
    assert_eq!(family(&number), "Number");
    let permission = RuleError::from(E::Permission(core::PermissionError::AdminOnly));
    assert_eq!(family(&permission), "Permission");
    let base = RuleError::from(core::BaseNumberError::LoginId(
        core::LoginIdError::NoAreaCode,
    ));
    assert_eq!(family(&base), "LoginId");
}

#[test]
fn g2_login_errors_map_with_their_time() {
    use core::LoginError as E;
    let t = chrono::DateTime::from_timestamp(1_767_600_000, 0).unwrap();
    let samples = [
        E::WrongCredentials,
        E::Throttled { retry_at: t },
        E::ThrottleLocked,
        E::PinExpired { since: t },
        E::PasswordPending { until: t },
        E::NoCodePending,
        E::CodeExpired,
        E::CodeWrong,
        E::StepOutOfOrder,
        E::PinChangeRequired,
        E::PinPending { until: t },
        E::CodeAttemptsUsedUp,
    ];
    check(&samples, E::CODES, "Login");
    for (i, sample) in samples.iter().enumerate() {
        let RuleError::Login { at, .. } = RuleError::from(sample.clone()) else {
            unreachable!()
        };
        assert_eq!(
            at.is_some(),
            [1, 3, 4, 10].contains(&i),
            "{}",
            sample.code()
        );
        if let Some(at) = at {
            assert_eq!(chrono::DateTime::<chrono::Utc>::from(at), t);
        }
    }
}

#[test]
fn g2_recovery_errors_map() {
    use core::RecoveryError as E;
    let samples = [
        E::UnknownHeadNumber,
        E::NoAdminEmail,
        E::UnknownExtension,
        E::NoUserEmail,
        E::AccountLocked,
        E::SelfServiceOff,
    ];
    check(&samples, E::CODES, "Recovery");
}

#[test]
fn g2_policy_errors_map() {
    use core::PolicyError as E;
    let samples = [
        E::OutOfRange {
            field: "pin.min_len",
            min: 4,
            max: 20,
        },
        E::MinAboveMax {
            min_field: "pin.min_len",
            max_field: "pin.max_len",
        },
        E::InvalidPin {
            field: "pin.default_pin",
        },
        E::UnknownRegion {
            region: "XX".to_owned(),
        },
    ];
    check(&samples, E::CODES, "Policy");
}

/// The umbrella error sends every family to its own case, never to `Other`.
#[test]
fn g2_umbrella_error_keeps_the_family() {
    use core::Error as E;
    let samples = [
        (E::from(core::NumberError::TooShort), "Number"),
        (E::from(core::LoginIdError::Empty), "LoginId"),
        (E::from(core::BackupError::CentralRequired), "Backup"),
        (E::from(core::PermissionError::AdminOnly), "Permission"),
        (E::from(core::PinError::Mismatch), "Pin"),
        (E::from(core::PasswordError::Mismatch), "Password"),
        (E::from(core::HashError::Unsupported), "Hash"),
        (
            E::from(core::GenerateError::PolicyUnsatisfiable),
            "Generate",
        ),
        (E::from(core::LoginError::CodeWrong), "Login"),
        (E::from(core::RecoveryError::NoUserEmail), "Recovery"),
        (
            E::from(core::PolicyError::InvalidPin {
                field: "pin.default_pin",
            }),
            "Policy",
        ),
    ];
    for (sample, want) in samples {
        let code = core::Localized::code(&sample);
        let mapped = RuleError::from(sample);
        assert_eq!(family(&mapped), want, "{code}");
        assert_eq!(mapped.code(), code);
    }
}
