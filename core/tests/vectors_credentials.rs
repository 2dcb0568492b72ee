//! Replays the shared JSON vectors `core/vectors/pins.json` (P1, P3, P8) and
//! `core/vectors/passwords.json` (K1–K4) against the crate: the validation functions, and
//! the lifecycle operations for the `change` checks (the one credential-change path).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::collections::HashSet;

use chrono::{DateTime, TimeDelta, Utc};
use pbx_rules::{
    Actor, AdminAccount, BlockReason, ChangeForm, ContextKind, E164, Error, ExtensionAccount,
    ExtensionDigits, Localized, Password, PasswordContext, PasswordError, Pin, PinContext,
    PinError, Policy, Rules, StrengthLevel, evaluate, mobile_app_check, validate_new_password,
    validate_new_pin,
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

/// The preset named by the case, hashing cheaply (the vectors test rules, not argon2).
fn rules(case: &Value) -> Rules {
    let mut policy = Policy::preset(s(case, "policy")).unwrap();
    policy.hashing.m_cost_kib = 64;
    policy.hashing.t_cost = 1;
    policy.hashing.p_cost = 1;
    Rules::new(policy).unwrap()
}

fn t0() -> DateTime<Utc> {
    "2026-01-05T09:00:00Z".parse().unwrap()
}

/// P3 through the lifecycle: an account whose PIN is `stored` (the default PIN as created,
/// any other as set by the admin), changed by its user a minute later.
fn change_pin(case: &Value, rules: &Rules) -> Result<Vec<String>, Error> {
    let ten = ExtensionDigits::parse("10").unwrap();
    let mut account = ExtensionAccount::create(ten.clone(), t0(), rules)
        .unwrap()
        .account;
    let stored = s(case, "stored");
    if rules.policy().pin.default_pin.as_deref() != Some(stored) {
        let admin = Actor::Admin {
            extended_rights: false,
        };
        account = account
            .set_pin_by_admin(&admin, stored, stored, t0(), rules)
            .state;
    }
    let form = ChangeForm {
        old: s(case, "old"),
        new: s(case, "pin"),
        confirmation: s(case, "confirmation"),
    };
    let user = Actor::User { extension: ten };
    let later = t0() + TimeDelta::minutes(1);
    let d = account.change_pin(&user, form, &PinContext::default(), later, rules);
    d.outcome.map(|changed| finding_codes(&changed.warnings))
}

/// K3 through the lifecycle: an admin account with the password `stored`, changed a
/// minute later.
fn change_password(case: &Value, ctx: &PasswordContext, rules: &Rules) -> Result<(), Error> {
    let admin = AdminAccount::create(s(case, "stored"), t0(), rules).unwrap();
    let form = ChangeForm {
        old: s(case, "old"),
        new: s(case, "password"),
        confirmation: s(case, "confirmation"),
    };
    let later = t0() + TimeDelta::minutes(1);
    admin
        .change_password(form, ctx, later, rules)
        .outcome
        .map(|_| ())
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
    for case in cases(include_str!("../vectors/pins.json")) {
        let id = case["id"].as_str().unwrap();
        let rules = rules(&case);
        let expect = &case["expect"];
        let verdict = s(expect, "verdict");
        let result: Result<Vec<String>, Error> = match s(&case, "check") {
            "parse" => Pin::parse(s(&case, "pin"), &rules)
                .map(|_| Vec::new())
                .map_err(Error::from),
            "new" => validate_new_pin(
                s(&case, "pin"),
                s(&case, "confirmation"),
                &PinContext::default(),
                &rules,
            )
            .map(|a| finding_codes(&a.warnings))
            .map_err(Error::from),
            "change" => change_pin(&case, &rules),
            "mobile" => {
                let pin = Pin::parse(s(&case, "pin"), &rules).unwrap();
                let mobile = case["mobile"].as_str().map(|m| E164::parse(m).unwrap());
                mobile_app_check(&pin, mobile.as_ref(), &rules)
                    .map(|()| Vec::new())
                    .map_err(Error::from)
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
                    extension_digits: case["extension_digits"].as_str().map(str::to_owned),
                    names: names.iter().map(|n| n.to_string()).collect(),
                    phone_number: phone.clone(),
                };
                let pin = Pin::parse(s(&case, "pin"), &rules).unwrap();
                Ok(finding_codes(&pin.trivial_findings(&ctx, &rules)))
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
                if let Error::Pin(PinError::Trivial { findings }) = &err {
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
    for case in cases(include_str!("../vectors/passwords.json")) {
        let id = case["id"].as_str().unwrap();
        let rules = rules(&case);
        let expect = &case["expect"];
        let context = &case["context"];
        let ctx = PasswordContext {
            head_number: context["head_number"].as_str().map(str::to_owned),
            company_name: context["company_name"].as_str().map(str::to_owned),
            admin_email: context["admin_email"].as_str().map(str::to_owned),
            second_factor: case["second_factor"].as_bool().unwrap_or(false),
        };
        let result: Result<(), Error> = match s(&case, "check") {
            "parse" => Password::parse(s(&case, "password"), ctx.second_factor, &rules)
                .map(|_| ())
                .map_err(Error::from),
            "new" => {
                validate_new_password(s(&case, "password"), s(&case, "confirmation"), &ctx, &rules)
                    .map(|_| ())
                    .map_err(Error::from)
            }
            "change" => change_password(&case, &ctx, &rules),
            "meter" => {
                let got = evaluate(s(&case, "password"), &ctx, &rules).level;
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
                if let Error::Password(PasswordError::Blocklisted { reason: got }) = err {
                    assert_eq!(got, reason(s(expect, "reason")), "{id}");
                }
            }
            (verdict, got) => panic!("{id}: expected {verdict}, got {got:?}"),
        }
    }
}
