//! Fuzzes the lifecycle on arbitrary stored state, policy and time (F6, G2): whatever serde
//! accepts and `Rules::new` lets through, no operation may panic.
//!
//! The input is a JSON object. Each part (`ext`, `admin`, `session`, `pbx`, `master`,
//! `policy`) is laid over a valid default value field by field, so a mutation of one field
//! still reaches the operations instead of failing to parse. `now` is an RFC 3339 string or
//! seconds since the epoch; `typed` lists the strings typed into the forms; `ops` is a
//! sequence of operation numbers run one after another on the evolving state, with
//! `advance` seconds added to `now` before each, so deep states (throttled, pending, locked)
//! are reached. Hashing costs are capped so a run stays fast; the costs themselves are
//! fuzzed by the `phc` target.
#![no_main]

use chrono::{DateTime, TimeDelta, Utc};
use libfuzzer_sys::fuzz_target;
use pbx_rules::{
    Action, Actor, AdminAccount, AdminSession, ChangeForm, ExtensionAccount, ExtensionDigits,
    ExtensionMasterData, NumberPlan, Password, PasswordContext, PbxMasterData, PinContext, Policy,
    Rules, authorize, forgot_password, forgot_pin,
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Map, Value};

/// `base` with every field of `over` laid over it, objects recursively.
fn overlay(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                overlay(b.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// `default` with the input's part `key` laid over it; the default when serde refuses it.
fn part<T: Serialize + DeserializeOwned + Clone>(input: &Map<String, Value>, key: &str, default: &T) -> T {
    let Some(over) = input.get(key) else {
        return default.clone();
    };
    let Ok(mut value) = serde_json::to_value(default) else {
        return default.clone();
    };
    overlay(&mut value, over);
    serde_json::from_value(value).unwrap_or_else(|_| default.clone())
}

fn time(value: Option<&Value>) -> Option<DateTime<Utc>> {
    match value? {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => DateTime::from_timestamp(n.as_i64()?, 0),
        _ => None,
    }
}

/// The policy of the input (over a preset), with argon2 cheap enough for fuzzing.
fn policy(input: &Map<String, Value>) -> Policy {
    let preset = input
        .get("preset")
        .and_then(Value::as_str)
        .and_then(Policy::preset)
        .unwrap_or_else(Policy::centrexx);
    let mut policy = part(input, "policy", &preset);
    let h = &mut policy.hashing;
    h.m_cost_kib = h.m_cost_kib.clamp(8, 64);
    h.t_cost = h.t_cost.min(1);
    h.p_cost = h.p_cost.min(1);
    h.max_m_cost_kib = h.max_m_cost_kib.min(256);
    h.max_t_cost = h.max_t_cost.min(2);
    h.max_p_cost = h.max_p_cost.min(2);
    policy
}

struct World {
    rules: Rules,
    pbx: PbxMasterData,
    master: ExtensionMasterData,
    ext: ExtensionAccount,
    admin: AdminAccount,
    session: AdminSession,
    typed: Vec<String>,
    now: DateTime<Utc>,
    turn: usize,
}

impl World {
    /// The next typed string, cycling through the input's list.
    fn typed(&mut self) -> String {
        let n = self.typed.len().max(1);
        let next = self.typed.get(self.turn % n).cloned().unwrap_or_default();
        self.turn = self.turn.wrapping_add(1);
        next
    }

    fn user(&self) -> Actor {
        Actor::User {
            extension: self.master.digits.clone(),
        }
    }

    /// Runs operation `op` at `self.now` and keeps the state it returns.
    fn run(&mut self, op: u64) {
        let (a, b) = (self.typed(), self.typed());
        let (now, rules) = (self.now, &self.rules);
        let admin_actor = Actor::Admin {
            extended_rights: op % 2 == 0,
        };
        match op % 16 {
            0 => {
                self.ext = self.ext.login(&a, now, rules).state;
            }
            1 => {
                self.ext = self.ext.mobile_login(&self.master, &a, now, rules).state;
            }
            2 | 3 => {
                let actor = if op % 16 == 2 { self.user() } else { admin_actor };
                let form = ChangeForm { old: &a, new: &b, confirmation: &b };
                let names = [self.master.name.as_str()];
                let ctx = PinContext {
                    phone_number: None,
                    extension_digits: Some(self.master.digits.as_str().to_owned()),
                    names: names.iter().map(|n| n.to_string()).collect(),
                };
                self.ext = self.ext.change_pin(&actor, form, &ctx, now, rules).state;
            }
            4 => {
                let actor = if op % 32 < 16 { admin_actor } else { self.user() };
                self.ext = self.ext.set_pin_by_admin(&actor, &a, &a, now, rules).state;
            }
            5 => {
                let found = (op % 32 < 16).then_some((&self.master, &self.ext));
                if let Some(ext) = forgot_pin(&self.pbx, found, now, rules).state {
                    self.ext = ext;
                }
            }
            6 => {
                let token = (!b.is_empty()).then_some(b.as_str());
                let exts = vec![self.master.digits.clone()];
                let d = self.admin.login(&a, token, exts, now, rules);
                self.admin = d.state;
                if let Ok(session) = d.outcome {
                    self.session = session;
                }
            }
            7 => {
                let form = ChangeForm { old: &a, new: &b, confirmation: &b };
                let ctx = PasswordContext::default();
                self.admin = self.admin.change_password(form, &ctx, now, rules).state;
            }
            8 => {
                let found = (op % 32 < 16).then_some((&self.pbx, &self.admin));
                if let Some(admin) = forgot_password(&a, found, now, rules).state {
                    self.admin = admin;
                }
            }
            9 => {
                let email = self.pbx.admin_email.clone();
                self.session = self.session.request_code(email.as_deref(), now, rules).state;
            }
            10 => {
                let d = self.session.confirm_code(&self.admin, &a, now, rules);
                (self.session, self.admin) = d.state;
                if let Ok(Some(token)) = d.outcome {
                    self.admin = self.admin.remember(token.record);
                }
            }
            11 => {
                let next = match op % 3 {
                    0 => self.session.continue_without_extended_rights(),
                    1 => self.session.confirm_privacy_notice(),
                    _ => self.session.acknowledge_default_pins(),
                };
                if let Ok(next) = next {
                    self.session = next;
                }
                if let Some(actor) = self.session.actor() {
                    let _ = authorize(&actor, &Action::SetCentralBackupNumber);
                }
            }
            12 => {
                let actor = if op % 32 < 16 { admin_actor } else { self.user() };
                if let Ok(m) = self.master.set_backup_number(&actor, &a, rules) {
                    self.master = m;
                }
                if let Ok(p) = self.pbx.set_central_backup_number(&actor, &b, rules) {
                    self.pbx = p;
                }
            }
            13 => {
                if let Ok(p) = self.pbx.set_self_service_pin_reset(&admin_actor, op % 32 < 16) {
                    self.pbx = p;
                }
                let actor = if op % 64 < 32 { admin_actor } else { self.user() };
                if let Ok(m) = self.master.set_self_service_pin_reset(&actor, op % 128 < 64) {
                    self.master = m;
                }
            }
            14 => {
                let _ = (
                    self.ext.is_locked(now, rules),
                    self.ext.change_deadline(rules),
                    self.ext.must_change_pin(),
                    self.admin.effective_at(),
                    self.session.step(),
                );
                rules.dummy_verify(&a);
            }
            _ => {
                // Everything survives a round trip through the host's storage.
                let again: Option<ExtensionAccount> = serde_json::to_string(&self.ext)
                    .ok()
                    .and_then(|s| serde_json::from_str(&s).ok());
                assert_eq!(again.as_ref(), Some(&self.ext));
            }
        }
    }
}

fn world(input: &Map<String, Value>) -> Option<World> {
    let rules = Rules::new(policy(input)).ok()?;
    let now = time(input.get("now")).unwrap_or(DateTime::UNIX_EPOCH);
    let t0: DateTime<Utc> = "2026-01-05T09:00:00Z".parse().ok()?;
    let plan = NumberPlan::germany();
    let base = pbx_rules::BaseNumber::parse(&plan, "06131 62468").ok()?;
    let digits = ExtensionDigits::parse("10").ok()?;
    let central = pbx_rules::E164::parse("+496131624680").ok()?;
    let mut pbx = PbxMasterData::new(base, ExtensionDigits::parse("0").ok()?, central);
    pbx.admin_email = Some("admin@beispiel.de".into());
    let mut master = ExtensionMasterData::new(digits.clone(), "Ada Lovelace");
    master.email = Some("ada@beispiel.de".into());
    let ext = ExtensionAccount::create(digits, t0, &rules).ok()?.account;
    let password = Password::parse("Kaffeetasse Nordwind 7!", false, &rules).ok()?;
    let admin = AdminAccount::create(&password, t0, &rules).ok()?;
    let session = admin
        .login("Kaffeetasse Nordwind 7!", None, vec![], t0, &rules)
        .outcome
        .ok()?;
    let typed = input
        .get("typed")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .unwrap_or_else(|| vec!["0000".into(), "Kaffeetasse Nordwind 7!".into()]);
    Some(World {
        pbx: part(input, "pbx", &pbx),
        master: part(input, "master", &master),
        ext: part(input, "ext", &ext),
        admin: part(input, "admin", &admin),
        session: part(input, "session", &session),
        rules,
        typed,
        now,
        turn: 0,
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(Value::Object(input)) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let Some(mut world) = world(&input) else {
        return;
    };
    let ops: Vec<u64> = match input.get("ops") {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_u64).take(64).collect(),
        _ => (0..16).collect(),
    };
    let advance: Vec<i64> = match input.get("advance") {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_i64).collect(),
        _ => Vec::new(),
    };
    for (i, op) in ops.into_iter().enumerate() {
        let secs = advance.get(i).copied().unwrap_or(0);
        if let Some(later) = TimeDelta::try_seconds(secs).and_then(|d| world.now.checked_add_signed(d)) {
            world.now = later;
        }
        world.run(op);
    }
});
