//! Shared fixtures of the lifecycle tests: a sample PBX, cheap hashing, fixed times.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use chrono::{DateTime, TimeDelta, Utc};
use pbx_rules::{
    AdminAccount, BaseNumber, E164, ExtensionAccount, ExtensionDigits, ExtensionMasterData,
    NumberPlan, PbxMasterData, Policy, Rules,
};

/// The policy of a preset with argon2 costs low enough for hundreds of hashes per test;
/// the costs themselves are tested in the hashing tests.
pub fn rules(preset: &str) -> Rules {
    let mut policy = Policy::preset(preset).unwrap();
    policy.hashing.m_cost_kib = 64;
    policy.hashing.t_cost = 1;
    policy.hashing.p_cost = 1;
    Rules::new(policy).unwrap()
}

pub fn t0() -> DateTime<Utc> {
    "2026-01-05T09:00:00Z".parse().unwrap()
}

pub fn days(d: i64) -> TimeDelta {
    TimeDelta::days(d)
}

pub fn digits(d: &str) -> ExtensionDigits {
    ExtensionDigits::parse(d).unwrap()
}

pub fn pbx() -> PbxMasterData {
    let base = BaseNumber::parse(&NumberPlan::germany(), "06131 62468").unwrap();
    let mut pbx = PbxMasterData::new(base, digits("0"), E164::parse("+496131624680").unwrap());
    pbx.company_name = "Beispiel GmbH".into();
    pbx.admin_email = Some("admin@beispiel.de".into());
    pbx
}

pub fn extension(d: &str, rules: &Rules) -> ExtensionAccount {
    ExtensionAccount::create(digits(d), t0(), rules)
        .unwrap()
        .account
}

pub fn master(d: &str) -> ExtensionMasterData {
    let mut m = ExtensionMasterData::new(digits(d), "Ada Lovelace");
    m.email = Some("ada@beispiel.de".into());
    m
}

pub const ADMIN_PASSWORD: &str = "Kaffeetasse Nordwind 7!";

pub fn admin(rules: &Rules) -> AdminAccount {
    AdminAccount::create(ADMIN_PASSWORD, t0(), rules).unwrap()
}

/// The code of a decision's error, or `OK`.
pub fn code<S, T>(d: &pbx_rules::Decision<S, T>) -> &'static str {
    use pbx_rules::Localized;
    d.outcome.as_ref().err().map_or("OK", Localized::code)
}

/// The plaintext secret of the mail effect of a decision.
pub fn mailed<S, T>(d: &pbx_rules::Decision<S, T>) -> String {
    d.effects
        .iter()
        .find_map(|e| match e {
            pbx_rules::Effect::SendSecret { secret, .. } => Some(secret.expose().to_owned()),
            _ => None,
        })
        .expect("a mail effect")
}
