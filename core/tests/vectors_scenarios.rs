//! Replays the lifecycle scenarios of `core/vectors/scenarios.json` (P2–P9, K3, K5,
//! R1–R3, A1–A4, G5). The Python, Kotlin and JS bindings replay the same file.
//!
//! Each step's result is also written as one line of JSON, and the lines must equal
//! `core/vectors/parity.jsonl` byte for byte; the bindings' replays compare their lines
//! with the same file. `PBX_RULES_BLESS=1` rewrites the file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use pbx_rules::{
    Actor, AdminAccount, AdminSession, AdminStep, BaseNumber, ChangeForm, Decision, E164, Effect,
    ExtensionAccount, ExtensionDigits, ExtensionMasterData, Json, Localized, NumberPlan,
    PasswordContext, PbxMasterData, PinContext, Policy, Rules, SessionStamp, UserLogin,
    forgot_password, forgot_pin,
};
use serde::Serialize;
use serde_json::{Map, Value, json};

/// What one step produced, in the vocabulary of the file.
#[derive(Default)]
struct Got {
    error: Option<&'static str>,
    effects: Vec<&'static str>,
    fields: Map<String, Value>,
    /// The step's line of the parity file.
    line: String,
}

/// The parity line of an operation that returns a `Result`: `{"ok":…}` or `{"error":…}`.
fn result_line<T: Serialize, E: Clone + Into<pbx_rules::Error>>(result: &Result<T, E>) -> String {
    match result {
        Ok(value) => format!("{{\"ok\":{}}}", serde_json::to_string(value).unwrap()),
        Err(e) => format!("{{\"error\":{}}}", e.clone().into().to_json()),
    }
}

/// Random salts, device ids and token digests differ per run: the parity file shows them as placeholders.
fn normalized(json: &str) -> String {
    let hash = regex::Regex::new(r#""\$(argon2|blake2b)[^"]*""#).unwrap();
    let id = regex::Regex::new(r#""id":"[^"]*""#).unwrap();
    let json = hash.replace_all(json, r#""<hash>""#);
    id.replace_all(&json, r#""id":"<id>""#).into_owned()
}

struct World {
    rules: Rules,
    pbx: PbxMasterData,
    fixture: Value,
    accounts: BTreeMap<String, ExtensionAccount>,
    admin: AdminAccount,
    session: Option<AdminSession>,
    /// The session each extension's last successful login, change or check left (G11).
    stamps: BTreeMap<String, SessionStamp>,
    mailed: Option<String>,
    device: Option<String>,
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("missing {key} in {v}"))
}

fn time(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn effect_name(e: &Effect) -> &'static str {
    match e {
        Effect::SendSecret { .. } => "send_secret",
        Effect::NotifyAdminNoUserEmail { .. } => "notify_admin_no_user_email",
        Effect::SyncPin { .. } => "sync_pin",
        Effect::RestartPhone { .. } => "restart_phone",
        Effect::NotifyCredentialChanged { .. } => "notify_credential_changed",
        _ => "unknown",
    }
}

fn step_name(step: AdminStep) -> &'static str {
    match step {
        AdminStep::SecondFactor => "second_factor",
        AdminStep::PrivacyNotice => "privacy_notice",
        AdminStep::DefaultPins => "default_pins",
        AdminStep::MainMenu => "main_menu",
    }
}

impl World {
    fn new(fixture: &Value, preset: &str) -> Self {
        let mut policy = Policy::preset(preset).unwrap();
        let hashing = &fixture["hashing"];
        policy.hashing.m_cost_kib = i32::try_from(hashing["m_cost_kib"].as_u64().unwrap()).unwrap();
        policy.hashing.t_cost = i32::try_from(hashing["t_cost"].as_u64().unwrap()).unwrap();
        policy.hashing.p_cost = i32::try_from(hashing["p_cost"].as_u64().unwrap()).unwrap();
        let rules = Rules::new(policy).unwrap();
        let plan = NumberPlan::new(s(fixture, "region")).unwrap();
        let base = BaseNumber::parse(&plan, s(fixture, "base_number")).unwrap();
        let central = ExtensionDigits::parse(s(fixture, "central_digits")).unwrap();
        let mut pbx = PbxMasterData::new(
            base,
            central,
            E164::parse(s(fixture, "central_backup_number")).unwrap(),
        );
        pbx.company_name = s(fixture, "company_name").to_owned();
        pbx.admin_email = Some(s(fixture, "admin_email").to_owned());
        let start = time("2026-01-05T09:00:00Z");
        let admin = AdminAccount::create(s(fixture, "admin_password"), start, &rules).unwrap();
        Self {
            rules,
            pbx,
            fixture: fixture.clone(),
            accounts: BTreeMap::new(),
            admin,
            session: None,
            stamps: BTreeMap::new(),
            mailed: None,
            device: None,
        }
    }

    /// Saves and loads every state through its JSON between steps, as a host does.
    fn reload(&mut self) {
        fn again<T: Json>(value: &T) -> T {
            T::from_json(&value.to_json()).unwrap()
        }
        self.admin = again(&self.admin);
        self.pbx = again(&self.pbx);
        self.session = self.session.as_ref().map(again);
        for account in self.accounts.values_mut() {
            *account = again(account);
        }
        for stamp in self.stamps.values_mut() {
            *stamp = again(stamp);
        }
    }

    fn actor(text: &str) -> Actor {
        match text.split_once(':') {
            Some(("user", d)) => Actor::User {
                extension: ExtensionDigits::parse(d).unwrap(),
            },
            _ => Actor::Admin {
                extended_rights: false,
            },
        }
    }

    /// `$mailed` stands for the secret of the last mail effect, `$device` for the last token.
    fn resolve(&self, text: &str) -> String {
        match text {
            "$mailed" => self.mailed.clone().expect("no secret was mailed"),
            "$device" => self.device.clone().expect("no device token"),
            other => other.to_owned(),
        }
    }

    fn master(&self, ext: &str, step: &Value) -> ExtensionMasterData {
        let mut m = ExtensionMasterData::new(
            ExtensionDigits::parse(ext).unwrap(),
            s(&self.fixture, "user_name"),
        );
        m.email = match step.get("email") {
            Some(Value::Null) => None,
            _ => Some(s(&self.fixture, "user_email").to_owned()),
        };
        m.mobile_number = step
            .get("mobile")
            .and_then(Value::as_str)
            .map(|m| E164::parse(m).unwrap());
        m
    }

    /// Records effects and the outcome's error; keeps the mailed secret for later steps.
    fn note<T: Serialize>(&mut self, got: &mut Got, d: &Decision<impl Serialize, T>) {
        got.error = d.outcome.as_ref().err().map(Localized::code);
        got.line = d.to_json();
        for e in &d.effects {
            if let Effect::SendSecret { secret, .. } = e {
                self.mailed = Some(secret.expose().to_owned());
            }
            got.effects.push(effect_name(e));
        }
    }

    fn run(&mut self, step: &Value) -> Got {
        let now = time(s(step, "at"));
        let mut got = Got::default();
        let op = s(step, "op");
        match op {
            "create_extension" => {
                let created = ExtensionAccount::create(
                    ExtensionDigits::parse(s(step, "extension")).unwrap(),
                    now,
                    &self.rules,
                );
                got.line = result_line(&created);
                let created = created.unwrap();
                got.fields.insert(
                    "default_pin".into(),
                    json!(created.account.has_default_pin()),
                );
                self.accounts
                    .insert(s(step, "extension").to_owned(), created.account);
            }
            "user_login" | "change_pin" | "admin_set_pin" | "mobile_login" => {
                self.extension_op(op, step, now, &mut got)
            }
            "forgot_pin" => {
                let ext = s(step, "extension");
                let master = self.master(ext, step);
                let account = self.accounts.get(ext).cloned();
                let d = forgot_pin(
                    &self.pbx,
                    account.as_ref().map(|a| (&master, a)),
                    now,
                    &self.rules,
                );
                self.note(&mut got, &d);
                if let Some(next) = d.state {
                    self.accounts.insert(ext.to_owned(), next);
                }
            }
            "check_session" => self.check_session(step, now, &mut got),
            "set_self_service_pin_reset" => {
                let next = self.pbx.set_self_service_pin_reset(
                    &Self::actor(s(step, "actor")),
                    step["on"].as_bool().unwrap(),
                );
                got.line = result_line(&next);
                match next {
                    Ok(next) => self.pbx = next,
                    Err(e) => got.error = Some(e.code()),
                }
            }
            _ => self.admin_op(op, step, now, &mut got),
        }
        got
    }

    /// Whether the session of an extension (`"extension"`) or the admin's (`"admin": true`)
    /// still holds (G11); a session that does is kept as the check returns it.
    fn check_session(&mut self, step: &Value, now: DateTime<Utc>, got: &mut Got) {
        let rules = &self.rules;
        let error = match step.get("extension").and_then(Value::as_str) {
            Some(ext) => {
                let checked = self.accounts[ext].check_session(&self.stamps[ext], now, rules);
                got.line = result_line(&checked);
                checked.map(|stamp| _ = self.stamps.insert(ext.to_owned(), stamp))
            }
            None => {
                let session = self.session.as_ref().expect("no admin session");
                let checked = self.admin.check_session(session, now, rules);
                got.line = result_line(&checked);
                checked.map(|session| self.session = Some(session))
            }
        };
        got.error = error.err().map(|e| e.code());
    }

    fn extension_op(&mut self, op: &str, step: &Value, now: DateTime<Utc>, got: &mut Got) {
        let ext = s(step, "extension").to_owned();
        let account = self.accounts[&ext].clone();
        let rules = &self.rules;
        let next = match op {
            "user_login" => {
                let d = account.login(&self.resolve(s(step, "pin")), now, rules);
                if let Ok(login) = &d.outcome {
                    self.stamps.insert(ext.clone(), login.session().clone());
                }
                match &d.outcome {
                    Ok(UserLogin::LoggedIn { .. }) => {
                        _ = got.fields.insert("outcome".into(), json!("logged_in"))
                    }
                    Ok(UserLogin::MustChangePin { deadline, .. }) => {
                        got.fields
                            .insert("outcome".into(), json!("must_change_pin"));
                        got.fields
                            .insert("deadline".into(), json!(deadline.to_rfc3339()));
                    }
                    Err(pbx_rules::Error::Login(pbx_rules::LoginError::Throttled { retry_at })) => {
                        _ = got
                            .fields
                            .insert("retry_at".into(), json!(retry_at.to_rfc3339()));
                    }
                    Err(_) => {}
                }
                self.note(got, &d);
                d.state
            }
            "change_pin" => {
                let form = ChangeForm {
                    old: s(step, "old"),
                    new: s(step, "new"),
                    confirmation: s(step, "confirmation"),
                };
                let d = account.change_pin(
                    &Self::actor(s(step, "actor")),
                    form,
                    &PinContext::default(),
                    now,
                    rules,
                );
                if let Ok(changed) = &d.outcome {
                    got.fields
                        .insert("completes_login".into(), json!(changed.completes_login));
                    self.stamps.insert(ext.clone(), changed.session.clone());
                }
                self.note(got, &d);
                d.state
            }
            "admin_set_pin" => {
                let pin = s(step, "pin");
                let d =
                    account.set_pin_by_admin(&Self::actor(s(step, "actor")), pin, pin, now, rules);
                self.note(got, &d);
                d.state
            }
            _ => {
                let master = self.master(&ext, step);
                let d = account.mobile_login(&master, s(step, "pin"), now, rules);
                if let Ok(stamp) = &d.outcome {
                    self.stamps.insert(ext.clone(), stamp.clone());
                }
                self.note(got, &d);
                d.state
            }
        };
        self.accounts.insert(ext, next);
    }

    fn admin_op(&mut self, op: &str, step: &Value, now: DateTime<Utc>, got: &mut Got) {
        let rules = &self.rules;
        let session = || self.session.clone().expect("no admin session");
        let set_step = |got: &mut Got, s: &AdminSession| {
            got.fields
                .insert("outcome".into(), json!(step_name(s.step())));
            got.fields
                .insert("extended_rights".into(), json!(s.has_extended_rights()));
            let list: Vec<_> = s
                .default_pin_extensions()
                .iter()
                .map(|d| d.as_str().to_owned())
                .collect();
            got.fields
                .insert("default_pin_extensions".into(), json!(list));
        };
        match op {
            "admin_login" => {
                let defaults = self
                    .accounts
                    .values()
                    .filter(|a| a.has_default_pin())
                    .map(|a| a.extension().clone())
                    .collect();
                let token = step
                    .get("device")
                    .and_then(Value::as_str)
                    .map(|t| self.resolve(t));
                let d = self.admin.login(
                    &self.resolve(s(step, "password")),
                    token.as_deref(),
                    defaults,
                    now,
                    rules,
                );
                if let Ok(session) = &d.outcome {
                    set_step(got, session);
                    self.session = Some(session.clone());
                }
                self.note(got, &d);
                self.admin = d.state;
            }
            "request_code" => {
                let d = session().request_code(
                    &self.admin,
                    self.pbx.admin_email.as_deref(),
                    now,
                    rules,
                );
                self.note(got, &d);
                self.session = Some(d.state);
            }
            "confirm_code" => {
                let d =
                    session().confirm_code(&self.admin, &self.resolve(s(step, "code")), now, rules);
                if let Ok(token) = &d.outcome {
                    set_step(got, &d.state.0);
                    got.fields
                        .insert("device_token".into(), json!(token.is_some()));
                }
                self.note(got, &d);
                let (session, admin) = d.state;
                self.session = Some(session);
                self.admin = admin;
                if let Ok(Some(token)) = &d.outcome {
                    self.device = Some(token.token.expose().to_owned());
                    self.admin = self.admin.remember(token.record.clone());
                }
            }
            "continue_without_extended_rights"
            | "confirm_privacy_notice"
            | "acknowledge_default_pins" => {
                let current = session();
                let next = match op {
                    "continue_without_extended_rights" => {
                        current.continue_without_extended_rights()
                    }
                    "confirm_privacy_notice" => current.confirm_privacy_notice(),
                    _ => current.acknowledge_default_pins(),
                };
                got.line = result_line(&next);
                match next {
                    Ok(next) => {
                        set_step(got, &next);
                        self.session = Some(next);
                    }
                    Err(e) => got.error = Some(e.code()),
                }
            }
            "change_password" => {
                let ctx = PasswordContext::for_pbx(&self.pbx, false);
                let new = s(step, "new");
                let d = self.admin.change_password(
                    ChangeForm {
                        old: s(step, "old"),
                        new,
                        confirmation: new,
                    },
                    &ctx,
                    now,
                    rules,
                );
                if let Ok(changed) = &d.outcome {
                    got.fields.insert(
                        "effective_at".into(),
                        json!(changed.effective_at.to_rfc3339()),
                    );
                }
                self.note(got, &d);
                self.admin = d.state;
            }
            "forgot_password" => {
                let d =
                    forgot_password(s(step, "head"), Some((&self.pbx, &self.admin)), now, rules);
                self.note(got, &d);
                if let Some(next) = d.state {
                    self.admin = next;
                }
            }
            other => panic!("unknown op {other}"),
        }
    }
}

/// Compares one step's result with its `expect` object; returns what differs.
fn differences(got: &Got, expect: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (key, want) in expect.as_object().unwrap() {
        let ok = match key.as_str() {
            "ok" => got.error.is_none(),
            "error" => got.error == want.as_str(),
            "effects" => *want == json!(got.effects),
            "deadline" | "retry_at" | "effective_at" => {
                got.fields.get(key).and_then(Value::as_str).map(time) == want.as_str().map(time)
            }
            _ => got.fields.get(key) == Some(want),
        };
        if !ok {
            out.push(format!(
                "{key}: want {want}, got error={:?} effects={:?} fields={:?}",
                got.error, got.effects, got.fields
            ));
        }
    }
    out
}

#[test]
fn lifecycle_scenario_vectors() {
    let path = format!("{}/vectors/scenarios.json", env!("CARGO_MANIFEST_DIR"));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut failures = Vec::new();
    let mut steps = 0;
    let mut lines = String::new();
    for case in doc["cases"].as_array().unwrap() {
        let mut world = World::new(&doc["fixture"], s(case, "policy"));
        for (i, step) in case["steps"].as_array().unwrap().iter().enumerate() {
            steps += 1;
            let got = world.run(step);
            world.reload();
            assert!(
                !got.line.is_empty(),
                "{} step {i}: no parity line",
                s(case, "id")
            );
            lines.push_str(&normalized(&got.line));
            lines.push('\n');
            for d in differences(&got, &step["expect"]) {
                failures.push(format!(
                    "{} step {i} ({}): {d}",
                    s(case, "id"),
                    s(step, "op")
                ));
            }
        }
    }
    assert!(steps > 80);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    check_parity_file(&lines);
}

/// The bindings compare their replays with this file, so it must be what the core says now.
fn check_parity_file(lines: &str) {
    let path = format!("{}/vectors/parity.jsonl", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("PBX_RULES_BLESS").is_some() {
        std::fs::write(&path, lines).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == lines,
        "{path} is stale: rerun with PBX_RULES_BLESS=1 and review the diff"
    );
}
