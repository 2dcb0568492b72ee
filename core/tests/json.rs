//! Stored state, policies, decisions and errors as JSON: one spelling, secrets
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

/// Today's stored shape, committed: every state object as a host stores it now must read
/// back and write the same text, so a change of the shape cannot pass without a new
/// `STATE_VERSION` and its migration. `PBX_RULES_BLESS=1` rewrites the sample.
#[test]
fn i5_todays_stored_json_reads_and_writes_back_unchanged() {
    let path = format!(
        "{}/tests/fixtures/state_v{}.json",
        env!("CARGO_MANIFEST_DIR"),
        pbx_rules::STATE_VERSION
    );
    if std::env::var_os("PBX_RULES_BLESS").is_some() {
        let rules = rules("centrexx");
        let account = extension("10", &rules);
        let admin = admin(&rules);
        let session = admin.login(ADMIN_PASSWORD, None, vec![digits("10")], t0(), &rules);
        let session = session
            .outcome
            .unwrap()
            .request_code(&admin, Some("a@b.de"), t0(), &rules)
            .state;
        let admin = admin.login("wrong", None, vec![], t0(), &rules).state;
        let sample = serde_json::json!({
            "extension_account": serde_json::from_str::<serde_json::Value>(&account.to_json()).unwrap(),
            "admin_account": serde_json::from_str::<serde_json::Value>(&admin.to_json()).unwrap(),
            "admin_session": serde_json::from_str::<serde_json::Value>(&session.to_json()).unwrap(),
        });
        std::fs::write(&path, serde_json::to_string_pretty(&sample).unwrap() + "\n").unwrap();
    }
    let sample: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let stored = |key: &str| sample[key].to_string();
    let value = |json: String| serde_json::from_str::<serde_json::Value>(&json).unwrap();
    let account = ExtensionAccount::from_json(&stored("extension_account")).unwrap();
    assert_eq!(value(account.to_json()), sample["extension_account"]);
    let admin = pbx_rules::AdminAccount::from_json(&stored("admin_account")).unwrap();
    assert_eq!(value(admin.to_json()), sample["admin_account"]);
    let session = AdminSession::from_json(&stored("admin_session")).unwrap();
    assert_eq!(value(session.to_json()), sample["admin_session"]);
    assert!(
        session.to_json().contains("pending_code\":{"),
        "the sample holds a code"
    );
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
    let version = pbx_rules::STATE_VERSION;
    let newer = account.to_json().replacen(
        &format!("\"version\":{version}"),
        &format!("\"version\":{}", version + 1),
        1,
    );
    let error = ExtensionAccount::from_json(&newer).unwrap_err();
    assert_eq!(error.code(), "STATE_VERSION_NEWER");
    assert_eq!(error.family(), "state");
    let named = format!("Version {}", version + 1);
    assert!(error.message(pbx_rules::Lang::De).contains(&named));
    // The v1 sample still reads: older versions are upgraded.
    let v1: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/state_v1.json")).unwrap();
    let upgraded = ExtensionAccount::from_json(&v1["extension_account"].to_string()).unwrap();
    assert!(
        upgraded
            .to_json()
            .contains(&format!("\"version\":{version}"))
    );
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

/// The stored samples of every version, by state: today's and the older ones.
fn sample(version: u32) -> serde_json::Value {
    let path = format!(
        "{}/tests/fixtures/state_v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Reads one state of a sample through its `Json` impl; the code of the refusal, or `OK`.
fn read_code(key: &str, value: &serde_json::Value) -> &'static str {
    let text = value.to_string();
    let result = match key {
        "extension_account" => ExtensionAccount::from_json(&text).map(|_| ()),
        "admin_account" => pbx_rules::AdminAccount::from_json(&text).map(|_| ()),
        _ => AdminSession::from_json(&text).map(|_| ()),
    };
    result.err().map_or("OK", |e| e.code())
}

const STATES: [&str; 3] = ["extension_account", "admin_account", "admin_session"];

// S3: from its own version on every field of a state is required; defaults fill in only
// what an older version did not have. Each field of today's sample and of the version-2
// sample, removed alone, makes the state unreadable.
#[test]
fn s3_every_field_of_a_version_is_required() {
    for version in [2, pbx_rules::STATE_VERSION] {
        let sample = sample(version);
        for key in STATES {
            assert_eq!(read_code(key, &sample[key]), "OK", "v{version} {key}");
            let fields: Vec<String> = sample[key].as_object().unwrap().keys().cloned().collect();
            for field in fields {
                let mut value = sample[key].clone();
                value.as_object_mut().unwrap().remove(&field);
                assert_eq!(
                    read_code(key, &value),
                    "STATE_MALFORMED",
                    "v{version} {key} without {field}"
                );
            }
        }
    }
}

// S3: a key named twice anywhere is refused, not read as its last copy.
#[test]
fn s3_duplicate_keys_are_refused() {
    let rules = rules("centrexx");
    let json = extension("10", &rules).to_json();
    let top = json.replacen(
        "\"throttle\":",
        "\"throttle\":{\"failures\":9,\"last_failure\":null},\"throttle\":",
        1,
    );
    let nested = json.replacen("\"failures\":0", "\"failures\":9,\"failures\":0", 1);
    for twice in [top, nested] {
        assert_ne!(twice, json);
        let Err(Error::State(StateError::Malformed { line, column })) =
            ExtensionAccount::from_json(&twice)
        else {
            panic!("read {twice}")
        };
        assert!(line == 1 && column > 0);
    }
    let policy = Policy::strict().to_json();
    let twice = policy.replacen("\"pin\":{", "\"pin\":{\"min_len\":4,", 1);
    assert_eq!(code_of::<Policy>(&twice), "STATE_MALFORMED");
}

// S3, G11: a version-2 sample upgrades to today's shape; its admin session has ended (it
// was opened before sessions had stamps), its accounts read as they were.
#[test]
fn s3_version_2_state_upgrades_and_its_sessions_have_ended() {
    let rules = rules("centrexx");
    let v2 = sample(2);
    let text = |key: &str| v2[key].to_string();
    let account = ExtensionAccount::from_json(&text("extension_account")).unwrap();
    let admin = pbx_rules::AdminAccount::from_json(&text("admin_account")).unwrap();
    let session = AdminSession::from_json(&text("admin_session")).unwrap();
    for json in [account.to_json(), admin.to_json(), session.to_json()] {
        let version = format!("\"version\":{}", pbx_rules::STATE_VERSION);
        assert!(json.contains(&version), "{json}");
    }
    assert_eq!(account.failed_logins(), 0);
    let ended = admin.check_session(&session, t0(), &rules).unwrap_err();
    assert_eq!(ended.code(), "SESSION_EXPIRED");
}
