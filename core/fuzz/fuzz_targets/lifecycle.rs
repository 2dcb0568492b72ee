//! Fuzzes the lifecycle on arbitrary stored state, policy and time (F6, G2): whatever serde
//! accepts and `Rules::new` lets through, no operation may panic, and the account laws that
//! hold for any state hold after every operation (`core/tests/lifecycle_laws.rs` checks all
//! of them over histories from valid states):
//!
//! - L2: a refusal changes no credential and asks for no credential effect; a failure count
//!   goes down only for a verified secret or the admin's set (G8);
//! - L3: a user or admin login costs exactly one hash evaluation, two only while a mailed
//!   secret waits whose hash has a salt of its own (G10);
//! - L4: a session stamp opened under a PIN no longer holds once the PIN changed (G11);
//! - L1: at the end, when the PBX has an admin e-mail and its own head number, the admin gets
//!   back in with a mailed password while an attacker keeps trying wrong passwords and
//!   requesting recovery (G9); not within a mailed password's lifetime of the end of
//!   chrono's time, where a lifetime that would end past it reads as over;
//! - I5: a state changes its revision by one exactly when it changes.
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
    Action, Actor, AdminAccount, AdminSession, ChangeForm, Decision, Effect, Error,
    ExtensionAccount, ExtensionDigits, ExtensionMasterData, Localized, NumberPlan, Password,
    PasswordContext, PbxMasterData, PinContext, Policy, Rules, SessionStamp, authorize,
    forgot_password, forgot_pin, hash_evaluations,
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

/// What an operation did, as the laws look at it.
#[derive(Default)]
struct Ran {
    /// A user or admin login (the L3 count applies).
    login: bool,
    /// The refusal's code, if refused.
    refused: Option<&'static str>,
    /// The effects asked of the host.
    effects: Vec<Effect>,
}

impl Ran {
    fn of<S, T>(login: bool, d: &Decision<S, T>) -> Self {
        Self {
            login,
            refused: d.outcome.as_ref().err().map(Localized::code),
            effects: d.effects.clone(),
        }
    }
}

#[derive(Clone)]
struct World {
    rules: std::sync::Arc<Rules>,
    pbx: PbxMasterData,
    master: ExtensionMasterData,
    ext: ExtensionAccount,
    admin: AdminAccount,
    session: AdminSession,
    typed: Vec<String>,
    now: DateTime<Utc>,
    turn: usize,
    /// User sessions opened in this run, with the PIN hash they were opened under.
    stamps: Vec<(SessionStamp, String)>,
    /// The head number as the admin types it, while the PBX's numbers are the sample's.
    head: Option<String>,
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

    /// Runs operation `op` at `self.now`, keeps the state it returns, and says what it did.
    fn run(&mut self, op: u64) -> Ran {
        let (a, b) = (self.typed(), self.typed());
        let rules = self.rules.clone();
        let (now, rules) = (self.now, &*rules);
        let admin_actor = Actor::Admin {
            extended_rights: op % 2 == 0,
        };
        match op % 16 {
            0 => {
                let d = self.ext.login(&a, now, rules);
                if let Ok(login) = &d.outcome {
                    self.stamps.push((login.session().clone(), d.state.pin_hash().to_owned()));
                }
                let ran = Ran::of(true, &d);
                self.ext = d.state;
                return ran;
            }
            1 => {
                let d = self.ext.mobile_login(&self.master, &a, now, rules);
                let ran = Ran::of(false, &d);
                self.ext = d.state;
                return ran;
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
                let d = self.ext.change_pin(&actor, form, &ctx, now, rules);
                let ran = Ran::of(false, &d);
                self.ext = d.state;
                return ran;
            }
            4 => {
                let actor = if op % 32 < 16 { admin_actor } else { self.user() };
                let d = self.ext.set_pin_by_admin(&actor, &a, &a, now, rules);
                let ran = Ran::of(false, &d);
                self.ext = d.state;
                return ran;
            }
            5 => {
                let found = (op % 32 < 16).then_some((&self.master, &self.ext));
                let d = forgot_pin(&self.pbx, found, now, rules);
                let ran = Ran::of(false, &d);
                if let Some(ext) = d.state {
                    self.ext = ext;
                }
                return ran;
            }
            6 => {
                let token = (!b.is_empty()).then_some(b.as_str());
                let exts = vec![self.master.digits.clone()];
                let d = self.admin.login(&a, token, exts, now, rules);
                let ran = Ran::of(true, &d);
                self.admin = d.state;
                if let Ok(session) = d.outcome {
                    self.session = session;
                }
                return ran;
            }
            7 => {
                let form = ChangeForm { old: &a, new: &b, confirmation: &b };
                let ctx = PasswordContext::default();
                let d = self.admin.change_password(form, &ctx, now, rules);
                let ran = Ran::of(false, &d);
                self.admin = d.state;
                return ran;
            }
            8 => {
                let found = (op % 32 < 16).then_some((&self.pbx, &self.admin));
                let d = forgot_password(&a, found, now, rules);
                let ran = Ran::of(false, &d);
                if let Some(admin) = d.state {
                    self.admin = admin;
                }
                return ran;
            }
            9 => {
                let email = self.pbx.admin_email.clone();
                let d = self.session.request_code(&self.admin, email.as_deref(), now, rules);
                let ran = Ran::of(false, &d);
                self.session = d.state;
                return ran;
            }
            10 => {
                let d = self.session.confirm_code(&self.admin, &a, now, rules);
                let ran = Ran::of(false, &d);
                (self.session, self.admin) = d.state;
                if let Ok(Some(token)) = d.outcome {
                    self.admin = self.admin.remember(token.record);
                }
                return ran;
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
        Ran::default()
    }

    /// The laws that hold for any state, after operation `op` took `before` to `self`.
    fn check(&mut self, before: &World, op: u64, ran: &Ran, evaluations: u64) {
        let credential_effect = |e: &Effect| {
            matches!(
                e,
                Effect::SyncPin { .. }
                    | Effect::RestartPhone { .. }
                    | Effect::NotifyCredentialChanged { .. }
            )
        };
        // L2: a refusal changes no credential and asks for no credential effect.
        if ran.refused.is_some() {
            assert_eq!(self.ext.pin_hash(), before.ext.pin_hash(), "L2: op {op}");
            assert_eq!(self.admin.password_hash(), before.admin.password_hash(), "L2: op {op}");
            assert!(!ran.effects.iter().any(credential_effect), "L2: op {op}");
        }
        // G8: only a verified secret or the admin's set lowers a failure count.
        let counts = |w: &World| [w.ext.failed_logins(), w.admin.failed_logins(), w.admin.failed_codes()];
        if counts(before).iter().zip(counts(self)).any(|(b, a)| a < *b) {
            assert!(
                !matches!(
                    ran.refused,
                    Some("LOGIN_WRONG_CREDENTIALS" | "LOGIN_THROTTLED" | "LOGIN_THROTTLE_LOCKED")
                ),
                "G8: op {op} lowered a count without a verified secret"
            );
        }
        // L3: one evaluation per login, two only beside a mailed hash with its own salt.
        let hash_error = ran.refused.is_some_and(|code| code.starts_with("HASH_"));
        if ran.login && !hash_error {
            let waiting = before.ext.has_pending_reset(before.now, &self.rules)
                || before.admin.has_pending_reset(before.now, &self.rules);
            let most = if waiting { 2 } else { 1 };
            assert!((1..=most).contains(&evaluations), "L3: op {op} took {evaluations}");
        }
        // I5: one revision on exactly when the state changed.
        for (changed, was, is) in [
            (self.ext != before.ext, before.ext.revision(), self.ext.revision()),
            (self.admin != before.admin, before.admin.revision(), self.admin.revision()),
        ] {
            assert_eq!(is, was.wrapping_add(u64::from(changed)), "I5: op {op}");
        }
        // L4: a session opened under another PIN no longer holds.
        let (now, rules) = (self.now, self.rules.clone());
        for (stamp, hash) in &self.stamps {
            if self.ext.pin_hash() != hash {
                assert!(self.ext.check_session(stamp, now, &rules).is_err(), "L4: op {op}");
            }
        }
    }

    /// L1: with an admin e-mail, the mailed password gets the admin in within an hour and
    /// the hour's requests' propagation delays, while an attacker keeps trying wrong
    /// passwords (and, first, after every request, requests again).
    fn admin_gets_back_in(&self) {
        let rules = &*self.rules;
        let has_mail = self.pbx.admin_email.as_deref().is_some_and(|e| !e.trim().is_empty());
        let (true, Some(head)) = (has_mail, self.head.as_deref()) else {
            return;
        };
        let delay = rules.policy().password.propagation_delay();
        let per_hour = i32::try_from(rules.policy().recovery.requests_per_hour).unwrap_or(60);
        let Some(deadline) = self
            .now
            .checked_add_signed(TimeDelta::hours(1) + delay * per_hour + TimeDelta::minutes(1))
        else {
            return;
        };
        // A mailed password's lifetime must end within chrono's time: one that ends past it
        // reads as already over (the safe side), so at the very end of time there is no
        // way back to check.
        let lifetime = rules.policy().recovery.mailed_secret_lifetime();
        if deadline.checked_add_signed(lifetime).is_none() {
            return;
        }
        let (mut admin, mut t, mut mailbox) = (self.admin.clone(), self.now, None);
        let mut last = None;
        while t <= deadline {
            admin = admin.login("attacker", None, vec![], t, rules).state;
            let d = forgot_password(head, Some((&self.pbx, &admin)), t, rules);
            if let Some(Effect::SendSecret { secret, .. }) = d.effects.first() {
                mailbox = Some((secret.expose().to_owned(), t));
            }
            admin = d.state.unwrap_or(admin);
            if let Some((password, at)) = mailbox.clone() {
                let usable = at.checked_add_signed(delay).unwrap_or(DateTime::<Utc>::MAX_UTC);
                if t < usable {
                    t = usable;
                    continue;
                }
                let back = admin.login(&password, None, vec![], t, rules);
                if back.outcome.is_ok() {
                    return;
                }
                assert!(
                    !matches!(back.outcome, Err(Error::Hash(_))),
                    "L1: {:?}",
                    back.outcome
                );
                mailbox = None;
                last = Some((t, back.outcome.map(|_| ())));
                admin = back.state;
            }
            t += TimeDelta::seconds(30);
        }
        panic!("L1: the admin did not get back in (last try: {last:?}; {admin:?})");
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
    let admin = AdminAccount::create("Kaffeetasse Nordwind 7!", t0, &rules).ok()?;
    let session = admin
        .login("Kaffeetasse Nordwind 7!", None, vec![], t0, &rules)
        .outcome
        .ok()?;
    let typed = input
        .get("typed")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .unwrap_or_else(|| vec!["0000".into(), "Kaffeetasse Nordwind 7!".into()]);
    let fuzzed_pbx: PbxMasterData = part(input, "pbx", &pbx);
    let same_numbers = fuzzed_pbx.base_number == pbx.base_number
        && fuzzed_pbx.central_digits == pbx.central_digits;
    Some(World {
        stamps: Vec::new(),
        head: same_numbers.then(|| "06131624680".to_owned()),
        pbx: fuzzed_pbx,
        master: part(input, "master", &master),
        ext: part(input, "ext", &ext),
        admin: part(input, "admin", &admin),
        session: part(input, "session", &session),
        rules: std::sync::Arc::new(rules),
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
        let before = world.clone();
        let counted = hash_evaluations();
        let ran = world.run(op);
        let evaluations = hash_evaluations() - counted;
        world.check(&before, op, &ran, evaluations);
    }
    world.admin_gets_back_in();
});
