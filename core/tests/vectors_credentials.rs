//! Replays the shared JSON vectors `core/vectors/pins.json` (P1, P3, P8) and
//! `core/vectors/passwords.json` (K1–K4) against the crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::collections::HashSet;

use pbx_rules::{
    BlockReason, ContextKind, E164, HashPolicy, Hasher, Localized, PasswordContext, PasswordError,
    Pin, PinContext, PinError, Policy, StrengthLevel, change_password, change_pin, evaluate,
    mobile_app_check, validate_new_password, validate_new_pin,
};
use serde_json::Value;

fn cases(text: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(text).unwrap();
    assert_eq!(doc["schema"], 1);
    let cases = doc["cases"].as_array().unwrap().clone();
    let mut ids = HashSet::new();
    for case in &cases {
        assert!(
            ids.insert(case["id"].as_str().unwrap().to_owned()),
            "duplicate id {}",
            case["id"]
        );
        let rule = case["rule"].as_str().unwrap();
        assert!(
            ["P1", "P3", "P8", "K1", "K2", "K3", "K4"].contains(&rule),
            "{rule}"
        );
    }
    cases
}

fn s<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("{}: no {key}", case["id"]))
}

fn cheap_hasher() -> Hasher {
    let mut policy = HashPolicy::centrexx();
    policy.m_cost_kib = 64;
    policy.t_cost = 1;
    Hasher::new(policy)
}

fn finding_codes(findings: &[pbx_rules::TrivialPinFinding]) -> Vec<String> {
    findings.iter().map(|f| f.code().to_owned()).collect()
}

fn expected_findings(expect: &Value) -> Vec<String> {
    expect["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn pin_vectors() {
    let hasher = cheap_hasher();
    for case in cases(include_str!("../vectors/pins.json")) {
        let id = case["id"].as_str().unwrap();
        let policy = Policy::preset(s(&case, "policy")).unwrap().pin;
        let expect = &case["expect"];
        let verdict = s(expect, "verdict");
        let result: Result<Vec<String>, PinError> = match s(&case, "check") {
            "parse" => Pin::parse(s(&case, "pin"), &policy).map(|_| Vec::new()),
            "new" => validate_new_pin(
                s(&case, "pin"),
                s(&case, "confirmation"),
                &PinContext::default(),
                &policy,
            )
            .map(|a| finding_codes(&a.warnings)),
            "change" => {
                let stored = hasher.hash(s(&case, "stored").as_bytes()).unwrap();
                change_pin(
                    s(&case, "old"),
                    s(&case, "pin"),
                    s(&case, "confirmation"),
                    &stored,
                    &hasher,
                    &PinContext::default(),
                    &policy,
                )
                .map(|o| finding_codes(&o.accepted.warnings))
            }
            "mobile" => {
                let pin = Pin::parse(s(&case, "pin"), &policy).unwrap();
                let mobile = case["mobile"].as_str().map(|m| E164::parse(m).unwrap());
                mobile_app_check(&pin, mobile.as_ref(), &policy).map(|()| Vec::new())
            }
            "trivial" => {
                let names: Vec<&str> = case["names"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_str().unwrap())
                    .collect();
                let phone = case["phone_number"]
                    .as_str()
                    .map(|n| E164::parse(n).unwrap());
                let ctx = PinContext {
                    extension_digits: case["extension_digits"].as_str(),
                    names: &names,
                    phone_number: phone.as_ref(),
                };
                let pin = Pin::parse(s(&case, "pin"), &policy).unwrap();
                Ok(finding_codes(&pin.trivial_findings(&ctx, &policy)))
            }
            other => panic!("{id}: unknown check {other}"),
        };
        match (verdict, result) {
            ("accepted", Ok(warnings)) => assert!(warnings.is_empty(), "{id}: warned {warnings:?}"),
            ("warned" | "findings", Ok(findings)) => {
                assert_eq!(findings, expected_findings(expect), "{id}")
            }
            ("refused", Err(err)) => {
                assert_eq!(err.code(), s(expect, "code"), "{id}");
                if let PinError::Trivial { findings } = &err {
                    assert_eq!(finding_codes(findings), expected_findings(expect), "{id}");
                }
            }
            (verdict, got) => panic!("{id}: expected {verdict}, got {got:?}"),
        }
    }
}

fn level(name: &str) -> StrengthLevel {
    match name {
        "red" => StrengthLevel::Red,
        "orange" => StrengthLevel::Orange,
        "yellow" => StrengthLevel::Yellow,
        "light_green" => StrengthLevel::LightGreen,
        "green" => StrengthLevel::Green,
        other => panic!("unknown level {other}"),
    }
}

fn reason(name: &str) -> BlockReason {
    match name {
        "common_password" => BlockReason::CommonPassword,
        "head_number" => BlockReason::ContainsContext(ContextKind::HeadNumber),
        "company_name" => BlockReason::ContainsContext(ContextKind::CompanyName),
        "admin_email" => BlockReason::ContainsContext(ContextKind::AdminEmail),
        other => panic!("unknown reason {other}"),
    }
}

#[test]
fn password_vectors() {
    let hasher = cheap_hasher();
    for case in cases(include_str!("../vectors/passwords.json")) {
        let id = case["id"].as_str().unwrap();
        let policy = Policy::preset(s(&case, "policy")).unwrap().password;
        let expect = &case["expect"];
        let context = &case["context"];
        let ctx = PasswordContext {
            head_number: context["head_number"].as_str(),
            company_name: context["company_name"].as_str(),
            admin_email: context["admin_email"].as_str(),
            second_factor: case["second_factor"].as_bool().unwrap_or(false),
        };
        let result: Result<(), PasswordError> = match s(&case, "check") {
            "parse" => pbx_rules::Password::parse(s(&case, "password"), &policy, ctx.second_factor)
                .map(|_| ()),
            "new" => validate_new_password(
                s(&case, "password"),
                s(&case, "confirmation"),
                &ctx,
                &policy,
            )
            .map(|_| ()),
            "change" => {
                let stored = hasher.hash(s(&case, "stored").as_bytes()).unwrap();
                change_password(
                    s(&case, "old"),
                    s(&case, "password"),
                    s(&case, "confirmation"),
                    &stored,
                    &hasher,
                    &ctx,
                    &policy,
                )
                .map(|_| ())
            }
            "meter" => {
                let got = evaluate(s(&case, "password"), &ctx, &policy).level;
                if let Some(most) = expect["level_at_most"].as_str() {
                    assert!(got <= level(most), "{id}: {got:?}");
                }
                if let Some(least) = expect["level_at_least"].as_str() {
                    assert!(got >= level(least), "{id}: {got:?}");
                }
                assert_eq!(s(expect, "verdict"), "level");
                continue;
            }
            other => panic!("{id}: unknown check {other}"),
        };
        match (s(expect, "verdict"), result) {
            ("accepted", Ok(())) => {}
            ("refused", Err(err)) => {
                assert_eq!(err.code(), s(expect, "code"), "{id}");
                if let PasswordError::Blocklisted { reason: got } = err {
                    assert_eq!(got, reason(s(expect, "reason")), "{id}");
                }
            }
            (verdict, got) => panic!("{id}: expected {verdict}, got {got:?}"),
        }
    }
}
