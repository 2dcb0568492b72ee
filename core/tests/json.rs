//! Stored state, policies, decisions and errors as JSON (issue 11): one spelling, secrets
//! masked, and reading that yields the whole value or a typed error, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::collections::BTreeMap;

use common::*;
use pbx_rules::{
    AdminSession, Error, ExtensionAccount, Json, Localized, Policy, Rules, StateError, forgot_pin,
};
use proptest::prelude::*;

fn code_of<T: Json + std::fmt::Debug>(text: &str) -> &'static str {
    T::from_json(text).unwrap_err().code()
}

#[test]
fn i5_every_state_object_survives_its_json() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    assert_eq!(
        ExtensionAccount::from_json(&account.to_json()).unwrap(),
        account
    );
    let admin = admin(&rules);
    assert_eq!(
        pbx_rules::AdminAccount::from_json(&admin.to_json()).unwrap(),
        admin
    );
    let session = admin.login("Kaffeetasse Nordwind 7!", None, vec![], t0(), &rules);
    let session = session.outcome.unwrap();
    assert_eq!(
        AdminSession::from_json(&session.to_json()).unwrap(),
        session
    );
    let pbx = pbx();
    assert_eq!(
        pbx_rules::PbxMasterData::from_json(&pbx.to_json()).unwrap(),
        pbx
    );
    let master = master("10");
    assert_eq!(
        pbx_rules::ExtensionMasterData::from_json(&master.to_json()).unwrap(),
        master
    );
    for policy in [Policy::centrexx(), Policy::strict()] {
        assert_eq!(Policy::from_json(&policy.to_json()).unwrap(), policy);
    }
}

#[test]
fn malformed_json_is_a_typed_error_with_a_position() {
    for text in [
        "",
        "{",
        "[]",
        "null",
        "{\"version\": 2}",
        "{\"version\": \"2\"}",
    ] {
        assert_eq!(
            code_of::<ExtensionAccount>(text),
            "STATE_MALFORMED",
            "{text:?}"
        );
    }
    let Err(Error::State(StateError::Malformed { line, column })) =
        ExtensionAccount::from_json("{\n  \"version\": 2,\n  oops")
    else {
        panic!("not malformed")
    };
    assert_eq!((line, column), (3, 3));
}

#[test]
fn i5_a_newer_state_version_is_refused_with_its_own_code() {
    let account = extension("10", &rules("centrexx"));
    let newer = account
        .to_json()
        .replacen("\"version\":2", "\"version\":3", 1);
    let error = ExtensionAccount::from_json(&newer).unwrap_err();
    assert_eq!(error.code(), "STATE_VERSION_NEWER");
    assert_eq!(error.family(), "state");
    assert!(error.message(pbx_rules::Lang::De).contains("Version 3"));
    // The v1 sample of the I5 issue still reads: older versions are upgraded.
    let v1: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/state_v1.json")).unwrap();
    let upgraded = ExtensionAccount::from_json(&v1["extension_account"].to_string()).unwrap();
    assert!(upgraded.to_json().contains("\"version\":2"));
}

#[test]
fn f6_a_policy_out_of_bounds_does_not_read() {
    let mut policy: serde_json::Value = serde_json::from_str(&Policy::strict().to_json()).unwrap();
    policy["pin"]["min_len"] = 0.into();
    assert_eq!(
        code_of::<Policy>(&policy.to_string()),
        "POLICY_OUT_OF_RANGE"
    );
    policy["pin"]["min_len"] = "six".into();
    assert_eq!(code_of::<Policy>(&policy.to_string()), "STATE_MALFORMED");
}

#[test]
fn g3_a_decision_in_json_shows_no_secret_and_speaks_snake_case() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let d = forgot_pin(&pbx(), Some((&master("10"), &account)), t0(), &rules);
    let pin = mailed(&d);
    let json = d.to_json();
    assert!(!json.contains(&pin), "{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kinds: Vec<_> = value["effects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].clone())
        .collect();
    assert_eq!(kinds, ["send_secret"]);
    assert_eq!(value["effects"][0]["secret"], "***");
    assert_eq!(value["effects"][0]["purpose"], "pin_reset");
    assert_eq!(value["outcome"], serde_json::json!({"ok": null}));
}

#[test]
fn g2_an_error_in_json_has_family_code_both_messages_and_details() {
    let rules = rules("centrexx");
    let mut account = extension("10", &rules);
    let mut last = String::new();
    for minute in 0..6 {
        let d = account.login("9999", t0() + chrono::TimeDelta::seconds(minute), &rules);
        last = d.to_json();
        account = d.state;
    }
    let value: serde_json::Value = serde_json::from_str(&last).unwrap();
    let error = &value["outcome"]["error"];
    assert_eq!(error["family"], "login");
    assert_eq!(error["code"], "LOGIN_THROTTLED");
    assert!(
        error["message_de"]
            .as_str()
            .unwrap()
            .starts_with("Zu viele")
    );
    assert!(
        error["message_en"]
            .as_str()
            .unwrap()
            .starts_with("Too many")
    );
    assert!(error["details"]["retry_at"].is_string());
    let wrong: serde_json::Value =
        serde_json::from_str(&Error::from(pbx_rules::LoginError::WrongCredentials).to_json())
            .unwrap();
    assert!(wrong.get("details").is_none(), "{wrong}");
}

#[test]
fn g2_every_code_belongs_to_exactly_one_family() {
    let mut seen = BTreeMap::new();
    for (family, codes) in Error::FAMILIES {
        assert!(!codes.is_empty(), "{family}");
        for code in *codes {
            if let Some(other) = seen.insert(*code, *family) {
                panic!("{code} is in {other} and {family}");
            }
        }
    }
    assert!(seen.contains_key("STATE_VERSION_NEWER"));
    assert!(seen.contains_key("HASH_RANDOM_UNAVAILABLE"));
}

#[test]
fn every_enum_in_data_is_snake_case() {
    use pbx_rules::{
        ChangeKind, NumberKind, PinOrigin, SecretPurpose, StrengthLevel, TrivialPinFinding,
    };
    let codes = [
        serde_json::to_string(&ChangeKind::ChangedByOwner).unwrap(),
        serde_json::to_string(&NumberKind::FixedLineOrMobile).unwrap(),
        serde_json::to_string(&PinOrigin::Initial).unwrap(),
        serde_json::to_string(&SecretPurpose::ExtendedRightsCode).unwrap(),
        serde_json::to_string(&StrengthLevel::LightGreen).unwrap(),
        serde_json::to_string(&TrivialPinFinding::KeypadLine).unwrap(),
    ];
    assert_eq!(
        codes,
        [
            "\"changed_by_owner\"",
            "\"fixed_line_or_mobile\"",
            "\"initial\"",
            "\"extended_rights_code\"",
            "\"light_green\"",
            "\"keypad_line\"",
        ]
    );
    assert_eq!(
        NumberKind::FixedLineOrMobile.as_str(),
        "fixed_line_or_mobile"
    );
    // Policies stored before the snake_case codes still read.
    let old: Vec<NumberKind> = serde_json::from_str("[\"PREMIUM_RATE\", \"mobile\"]").unwrap();
    assert_eq!(old, [NumberKind::PremiumRate, NumberKind::Mobile]);
}

proptest! {
    /// Stored text may be anything: reading it never panics, and whatever reads writes back
    /// to text that reads as the same value.
    #[test]
    fn reading_any_text_never_panics(text in ".{0,200}") {
        if let Ok(account) = ExtensionAccount::from_json(&text) {
            prop_assert_eq!(ExtensionAccount::from_json(&account.to_json()).unwrap(), account);
        }
        let _ = Policy::from_json(&text);
        let _ = AdminSession::from_json(&text);
    }

    /// Damaging a real state anywhere gives the state back or a typed error, never a panic.
    #[test]
    fn a_damaged_state_reads_or_is_refused(cut in 0usize..400, byte in any::<u8>()) {
        static STORED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let stored = STORED.get_or_init(|| extension("10", &Rules::centrexx()).to_json());
        let mut text = stored.clone().into_bytes();
        let at = cut % text.len();
        text[at] = byte;
        if let Ok(text) = String::from_utf8(text) {
            match ExtensionAccount::from_json(&text) {
                Ok(_) => {}
                Err(e) => prop_assert!(matches!(e.family(), "state" | "policy"), "{}", e.code()),
            }
        }
    }
}
