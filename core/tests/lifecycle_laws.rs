//! The account lifecycle's laws, checked over random histories (G5, G8, G9, G10, G11, R5,
//! R6, I5).
//!
//! A history interleaves an attacker, who knows only public data (the head number and the
//! extension number), with the owner of the extension, the PBX's admin, and time, under both
//! presets and random valid policies. After every step the laws are checked:
//!
//! - **L1, the owner always gets back in (G9):** from the state reached, the user logs in with
//!   a PIN the admin sets, and the admin with a mailed password, within a time the policy
//!   bounds, while the attacker keeps trying wrong secrets and requesting recovery.
//! - **L2, safety:** nothing the attacker does grants access or changes a credential; only a
//!   verified secret or the admin's set lowers a failure count (G8); a refusal changes no
//!   credential and asks the host for no credential effect; only the admin lifts a user lock.
//! - **L3, uniform work (G10):** every login costs exactly one hash evaluation, counted through
//!   the `instrument` feature; under uniform answers every recovery request costs one too,
//!   and every refusal the attacker sees is the one an unknown identifier gets.
//! - **L4, sessions (G11):** a stamp issued before a new credential is refused after it; a
//!   stamp under the current credential of an unlocked account within the policy's limits
//!   holds.
//!
//! And, as before: every change moves the revision on by exactly one (I5), and every state
//! reads back from its JSON.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::{digits, master, pbx, t0};
use pbx_rules::{
    Actor, AdminAccount, AdminSession, ChangeForm, Decision, Effect, ExtensionAccount, Json,
    Localized, PasswordContext, PbxMasterData, PinContext, Policy, Rules, SessionStamp,
    forgot_password, forgot_pin, hash_evaluations,
};
use std::cell::Cell;

use proptest::prelude::*;
use proptest::test_runner::TestRunner;

/// What the attacker types: never anyone's secret (owner PINs have 4, 6 or 8 digits and
/// passwords are long phrases), in the shapes that reach different paths.
#[derive(Clone, Copy, Debug)]
enum Typed {
    /// Five digits: a PIN-shaped wrong guess.
    Digits(u32),
    /// A hundred digits: beyond any PIN (F10).
    LongDigits,
    /// Ten thousand characters: beyond any password (F10).
    Huge,
    /// A password-shaped wrong guess.
    Phrase(u32),
}

impl Typed {
    fn text(self) -> String {
        match self {
            Self::Digits(n) => format!("{:05}", n % 100_000),
            Self::LongDigits => "7".repeat(100),
            Self::Huge => "x".repeat(10_000),
            Self::Phrase(n) => format!("Falsches Kennwort {n}!"),
        }
    }
}

#[derive(Clone, Debug)]
enum Op {
    Wait(i64),
    AttackerPin(Typed),
    AttackerMobile(Typed),
    AttackerPassword(Typed),
    /// A login whose identifier names no account: the host spends `dummy_verify`.
    AttackerUnknownLogin(Typed),
    AttackerForgotPin,
    AttackerForgotPinUnknown,
    AttackerForgotPassword,
    AttackerForgotPasswordUnknown,
    OwnerLogin,
    OwnerMailedPin,
    OwnerChangePin(usize),
    OwnerAdminLogin,
    OwnerMailedPassword,
    OwnerChangePassword(usize),
    AdminSetsPin(usize),
}

/// PINs the owner and the admin choose: 8 digits, valid and not trivial under both presets.
const PINS: [&str; 4] = ["47118259", "86429317", "25803691", "39517264"];
/// Passwords the admin chooses: 15 to 32 characters, strong enough under both presets.
const PASSWORDS: [&str; 3] = [
    "Segelboot Blaubeere Nordwind 42",
    "Leuchtturm Zimtstern Morgentau 7",
    "Kaffeetasse Nordwind 7! Regen",
];
const FIRST_PASSWORD: &str = "Kaffeetasse Nordwind 7! Sonne";
const HEAD: &str = "06131-624680";

fn typed() -> impl Strategy<Value = Typed> {
    prop_oneof![
        4 => any::<u32>().prop_map(Typed::Digits),
        1 => Just(Typed::LongDigits),
        1 => Just(Typed::Huge),
        3 => any::<u32>().prop_map(Typed::Phrase),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let pin = 0..PINS.len();
    prop_oneof![
        3 => prop_oneof![0i64..600, 0i64..200_000, 0i64..40_000_000].prop_map(Op::Wait),
        4 => typed().prop_map(Op::AttackerPin),
        1 => typed().prop_map(Op::AttackerMobile),
        4 => typed().prop_map(Op::AttackerPassword),
        1 => typed().prop_map(Op::AttackerUnknownLogin),
        2 => Just(Op::AttackerForgotPin),
        1 => Just(Op::AttackerForgotPinUnknown),
        2 => Just(Op::AttackerForgotPassword),
        1 => Just(Op::AttackerForgotPasswordUnknown),
        2 => Just(Op::OwnerLogin),
        1 => Just(Op::OwnerMailedPin),
        1 => pin.clone().prop_map(Op::OwnerChangePin),
        2 => Just(Op::OwnerAdminLogin),
        1 => Just(Op::OwnerMailedPassword),
        1 => (0..PASSWORDS.len()).prop_map(Op::OwnerChangePassword),
        1 => pin.prop_map(Op::AdminSetsPin),
    ]
}

/// A preset, or a random policy within every bound and relation, with argon2 costs low
/// enough for thousands of hashes.
fn policy() -> impl Strategy<Value = Policy> {
    let preset = prop_oneof![Just("centrexx"), Just("strict")];
    let throttle = (0i32..5, 0i32..120, 60i32..900, 1i32..12, 1i32..25);
    let recovery = (0i32..600, 1i32..5, 1_200i32..86_400, any::<bool>());
    let session = (60i32..3_600, 1i32..5);
    (preset, any::<bool>(), throttle, recovery, session).prop_map(
        |(preset, random, throttle, recovery, session)| {
            let mut p = Policy::preset(preset).unwrap();
            if random {
                let (free, first, max, pin_allowance, password_allowance) = throttle;
                p.throttle.free_failures = free;
                p.throttle.first_delay_secs = first.min(max);
                p.throttle.max_delay_secs = max;
                p.throttle.pin_allowance_at_min_len = pin_allowance;
                p.throttle.password_allowance = password_allowance;
                let (delay, per_hour, lifetime, uniform) = recovery;
                p.password.propagation_delay_secs = delay;
                p.recovery.requests_per_hour = per_hour;
                p.recovery.mailed_secret_lifetime_secs = lifetime;
                p.recovery.uniform_answers = uniform;
                let (idle, max_code_failures) = session;
                p.session.idle_timeout_secs = idle;
                p.session.max_code_failures = max_code_failures;
            }
            p.hashing.m_cost_kib = 16;
            p.hashing.t_cost = 1;
            p.hashing.p_cost = 1;
            p
        },
    )
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Who {
    Attacker,
    Owner,
    Admin,
    Time,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Login,
    Recovery,
    Other,
}

/// What one step did, as the laws look at it.
struct Step {
    who: Who,
    kind: Kind,
    code: &'static str,
    evaluations: u64,
    effects: Vec<Effect>,
}

#[derive(Clone)]
struct World {
    rules: std::sync::Arc<Rules>,
    pbx: PbxMasterData,
    user: ExtensionAccount,
    admin: AdminAccount,
    now: DateTime<Utc>,
    /// The owner's current PIN and the last PIN in the owner's mailbox.
    pin: String,
    mailed_pin: Option<String>,
    password: String,
    /// The last password in the admin mailbox, and when it was mailed.
    mailed_password: Option<(String, DateTime<Utc>)>,
    /// Sessions the owner holds, each with the credential hash it was opened under.
    user_stamps: Vec<(SessionStamp, String)>,
    admin_sessions: Vec<(AdminSession, String)>,
}

fn code_of<S, T>(d: &Decision<S, T>) -> &'static str {
    d.outcome.as_ref().err().map_or("OK", Localized::code)
}

fn mail(effects: &[Effect]) -> Option<String> {
    effects.iter().find_map(|e| match e {
        Effect::SendSecret { secret, .. } => Some(secret.expose().to_owned()),
        _ => None,
    })
}

fn credential_effect(e: &Effect) -> bool {
    matches!(
        e,
        Effect::SyncPin { .. }
            | Effect::RestartPhone { .. }
            | Effect::NotifyCredentialChanged { .. }
    )
}

impl World {
    fn new(policy: Policy) -> Option<Self> {
        let rules = Rules::new(policy).ok()?;
        let created = ExtensionAccount::create(digits("10"), t0(), &rules).unwrap();
        let pin = created.initial_pin.map_or_else(
            || rules.policy().pin.default_pin.clone().unwrap(),
            |p| p.expose().to_owned(),
        );
        let admin = AdminAccount::create(FIRST_PASSWORD, t0(), &rules).unwrap();
        Some(Self {
            rules: std::sync::Arc::new(rules),
            pbx: pbx(),
            user: created.account,
            admin,
            now: t0(),
            pin,
            mailed_pin: None,
            password: FIRST_PASSWORD.into(),
            mailed_password: None,
            user_stamps: Vec::new(),
            admin_sessions: Vec::new(),
        })
    }

    fn step(&mut self, op: &Op) -> Step {
        let before = hash_evaluations();
        let (who, kind, code, effects) = self.apply(op);
        Step {
            who,
            kind,
            code,
            evaluations: hash_evaluations() - before,
            effects,
        }
    }

    fn user_login(&mut self, pin: &str, who: Who) -> (Who, Kind, &'static str, Vec<Effect>) {
        let rules = self.rules.clone();
        let d = self.user.login(pin, self.now, &rules);
        if let Ok(login) = &d.outcome {
            self.user_stamps
                .push((login.session().clone(), d.state.pin_hash().to_owned()));
        }
        if d.outcome.is_ok() && who == Who::Owner && Some(pin) == self.mailed_pin.as_deref() {
            self.pin = pin.to_owned();
        }
        let code = code_of(&d);
        self.user = d.state;
        (who, Kind::Login, code, d.effects)
    }

    fn admin_login(&mut self, password: &str, who: Who) -> (Who, Kind, &'static str, Vec<Effect>) {
        let rules = self.rules.clone();
        let d = self.admin.login(password, None, vec![], self.now, &rules);
        if let Ok(session) = &d.outcome {
            self.admin_sessions
                .push((session.clone(), d.state.password_hash().to_owned()));
            if d.effects.iter().any(credential_effect) {
                self.password = password.to_owned();
            }
        }
        let code = code_of(&d);
        self.admin = d.state;
        (who, Kind::Login, code, d.effects)
    }

    fn apply(&mut self, op: &Op) -> (Who, Kind, &'static str, Vec<Effect>) {
        let rules = self.rules.clone();
        let rules = &*rules;
        let now = self.now;
        let master = master("10");
        match op {
            Op::Wait(secs) => {
                self.now = now
                    .checked_add_signed(TimeDelta::seconds(*secs))
                    .unwrap_or(now);
                (Who::Time, Kind::Other, "OK", Vec::new())
            }
            Op::AttackerPin(t) => self.user_login(&t.text(), Who::Attacker),
            Op::AttackerMobile(t) => {
                let d = self.user.mobile_login(&master, &t.text(), now, rules);
                let code = code_of(&d);
                self.user = d.state;
                (Who::Attacker, Kind::Login, code, d.effects)
            }
            Op::AttackerPassword(t) => self.admin_login(&t.text(), Who::Attacker),
            Op::AttackerUnknownLogin(t) => {
                rules.dummy_verify(&t.text());
                (
                    Who::Attacker,
                    Kind::Login,
                    "LOGIN_WRONG_CREDENTIALS",
                    Vec::new(),
                )
            }
            Op::AttackerForgotPin | Op::AttackerForgotPinUnknown => {
                let known = matches!(op, Op::AttackerForgotPin);
                let account = self.user.clone();
                let extension = known.then_some((&master, &account));
                let d = forgot_pin(&self.pbx, extension, now, rules);
                if let Some(pin) = mail(&d.effects) {
                    self.mailed_pin = Some(pin);
                }
                let code = code_of(&d);
                if let Some(next) = d.state {
                    self.user = next;
                }
                (Who::Attacker, Kind::Recovery, code, d.effects)
            }
            Op::AttackerForgotPassword | Op::AttackerForgotPasswordUnknown => {
                let known = matches!(op, Op::AttackerForgotPassword);
                let account = self.admin.clone();
                let pbx = known.then_some((&self.pbx, &account));
                let d = forgot_password(HEAD, pbx, now, rules);
                if let Some(password) = mail(&d.effects) {
                    self.mailed_password = Some((password, now));
                }
                let code = code_of(&d);
                if let Some(next) = d.state {
                    self.admin = next;
                }
                (Who::Attacker, Kind::Recovery, code, d.effects)
            }
            Op::OwnerLogin => self.user_login(&self.pin.clone(), Who::Owner),
            Op::OwnerMailedPin => match self.mailed_pin.clone() {
                Some(pin) => self.user_login(&pin, Who::Owner),
                None => (Who::Owner, Kind::Other, "OK", Vec::new()),
            },
            Op::OwnerChangePin(i) => {
                let user = Actor::User {
                    extension: digits("10"),
                };
                let old = self.pin.clone();
                let form = ChangeForm {
                    old: &old,
                    new: PINS[*i],
                    confirmation: PINS[*i],
                };
                let d = self
                    .user
                    .change_pin(&user, form, &PinContext::default(), now, rules);
                if let Ok(changed) = &d.outcome {
                    self.pin = PINS[*i].to_owned();
                    let stamp = changed.session.clone();
                    self.user_stamps
                        .push((stamp, d.state.pin_hash().to_owned()));
                }
                let code = code_of(&d);
                self.user = d.state;
                (Who::Owner, Kind::Other, code, d.effects)
            }
            Op::OwnerAdminLogin => self.admin_login(&self.password.clone(), Who::Owner),
            Op::OwnerMailedPassword => match self.mailed_password.clone() {
                Some((password, _)) => self.admin_login(&password, Who::Owner),
                None => (Who::Owner, Kind::Other, "OK", Vec::new()),
            },
            Op::OwnerChangePassword(i) => {
                let old = self.password.clone();
                let form = ChangeForm {
                    old: &old,
                    new: PASSWORDS[*i],
                    confirmation: PASSWORDS[*i],
                };
                let ctx = PasswordContext::default();
                let d = self.admin.change_password(form, &ctx, now, rules);
                if d.outcome.is_ok() {
                    self.password = PASSWORDS[*i].to_owned();
                }
                let code = code_of(&d);
                self.admin = d.state;
                (Who::Owner, Kind::Other, code, d.effects)
            }
            Op::AdminSetsPin(i) => {
                let admin = Actor::Admin {
                    extended_rights: false,
                };
                let d = self
                    .user
                    .set_pin_by_admin(&admin, PINS[*i], PINS[*i], now, rules);
                if d.outcome.is_ok() {
                    self.pin = PINS[*i].to_owned();
                }
                let code = code_of(&d);
                self.user = d.state;
                (Who::Admin, Kind::Other, code, d.effects)
            }
        }
    }
}

/// L2: what the attacker cannot do, and what a refusal cannot leave behind.
fn l2_safety(before: &World, after: &World, op: &Op, step: &Step) -> Result<(), TestCaseError> {
    let rules = &*after.rules;
    let same_pin = before.user.pin_hash() == after.user.pin_hash()
        && before.user.pin_origin() == after.user.pin_origin();
    let same_password = before.admin.password_hash() == after.admin.password_hash()
        && before.admin.effective_at() == after.admin.effective_at();
    if step.who == Who::Attacker {
        if step.kind == Kind::Login {
            prop_assert_ne!(step.code, "OK", "L2: {:?} granted access", op);
        }
        prop_assert!(same_pin && same_password, "L2: {op:?} changed a credential");
        prop_assert!(!step.effects.iter().any(credential_effect), "L2: {op:?}");
    }
    if step.code != "OK" {
        prop_assert!(
            same_pin && same_password,
            "L2: refused {op:?} changed a credential"
        );
        prop_assert!(
            !step.effects.iter().any(credential_effect),
            "L2: refused {op:?}"
        );
    }
    // G8: a failure count goes down only for a verified secret or the admin's set.
    let counts = |w: &World| {
        [
            w.user.failed_logins(),
            w.admin.failed_logins(),
            w.admin.failed_codes(),
        ]
    };
    let lowered = counts(before)
        .iter()
        .zip(counts(after))
        .any(|(b, a)| a < *b);
    if lowered {
        let verified = !matches!(
            step.code,
            "LOGIN_WRONG_CREDENTIALS" | "LOGIN_THROTTLED" | "LOGIN_THROTTLE_LOCKED"
        );
        prop_assert!(
            matches!(step.who, Who::Owner | Who::Admin) && verified,
            "L2: {op:?} ({}) lowered a failure count",
            step.code
        );
    }
    // R6: the owner's own login voids a waiting mailed secret.
    let voided = match op {
        Op::OwnerLogin => !after.user.has_pending_reset(after.now, rules),
        Op::OwnerAdminLogin => !after.admin.has_pending_reset(after.now, rules),
        _ => true,
    };
    prop_assert!(
        voided || step.code != "OK",
        "R6: {op:?} left a mailed secret waiting"
    );
    // Only the admin lifts a user lock (P5, G5); time alone lifts none.
    if before.user.is_locked(after.now, rules) && !after.user.is_locked(after.now, rules) {
        prop_assert_eq!(step.who, Who::Admin, "{:?} unlocked the user", op);
    }
    Ok(())
}

/// L3: one evaluation per login on every path; under uniform answers one per recovery
/// request, and the attacker hears only what an unknown identifier hears.
fn l3_uniform_work(world: &World, op: &Op, step: &Step) -> Result<(), TestCaseError> {
    let uniform = world.rules.policy().recovery.uniform_answers;
    match step.kind {
        Kind::Login => prop_assert_eq!(step.evaluations, 1, "L3: {:?} ({})", op, step.code),
        Kind::Recovery if uniform => {
            prop_assert_eq!(step.evaluations, 1, "L3: {:?}", op);
            prop_assert_eq!(step.code, "OK", "L3: {:?}", op);
        }
        _ => {}
    }
    if uniform && step.who == Who::Attacker && step.kind == Kind::Login {
        // The mobile app's own refusals come after a right PIN only (P8).
        prop_assert_eq!(step.code, "LOGIN_WRONG_CREDENTIALS", "L3: {:?}", op);
    }
    Ok(())
}

/// L4: stamps end with the credential and hold while nothing ended them; the owner keeps
/// using the sessions that hold.
fn l4_sessions(world: &mut World) -> Result<(), TestCaseError> {
    let rules = world.rules.clone();
    let (now, limits) = (world.now, &rules.policy().session);
    let within = |s: &SessionStamp| {
        now >= s.opened_at
            && s.opened_at
                .checked_add_signed(limits.absolute_timeout())
                .is_some_and(|e| now < e)
            && s.last_seen_at
                .checked_add_signed(limits.idle_timeout())
                .is_some_and(|e| now < e)
    };
    let mut kept = Vec::new();
    for (stamp, hash) in std::mem::take(&mut world.user_stamps) {
        let checked = world.user.check_session(&stamp, now, &rules);
        if world.user.pin_hash() != hash {
            prop_assert!(checked.is_err(), "L4: a user session outlived its PIN");
        } else if !world.user.is_locked(now, &rules) && within(&stamp) {
            prop_assert!(checked.is_ok(), "L4: {checked:?}");
        }
        if let Ok(seen) = checked {
            kept.push((seen, hash));
        }
    }
    world.user_stamps = kept;
    let mut kept = Vec::new();
    for (session, hash) in std::mem::take(&mut world.admin_sessions) {
        let checked = world.admin.check_session(&session, now, &rules);
        if world.admin.password_hash() != hash {
            prop_assert!(
                checked.is_err(),
                "L4: an admin session outlived its password"
            );
        } else if !world.admin.is_locked(&rules) && within(session.stamp()) {
            prop_assert!(checked.is_ok(), "L4: {checked:?}");
        }
        if let Ok(seen) = checked {
            kept.push((seen, hash));
        }
    }
    world.admin_sessions = kept;
    Ok(())
}

/// L1 for the user: the admin sets a PIN; after one more wrong try of the attacker the
/// owner logs in with it within the throttle's longest delay.
fn l1_user_gets_back_in(world: &World) -> Result<(), TestCaseError> {
    let rules = &*world.rules;
    let admin = Actor::Admin {
        extended_rights: false,
    };
    let pin = "36925814";
    let set = world
        .user
        .set_pin_by_admin(&admin, pin, pin, world.now, rules);
    prop_assert!(set.outcome.is_ok(), "L1: the admin could not set a PIN");
    let tried = set.state.login("13579", world.now, rules).state;
    let wait = TimeDelta::seconds(i64::from(rules.policy().throttle.max_delay_secs));
    let at = world.now.checked_add_signed(wait).unwrap_or(world.now);
    let back = tried.login(pin, at, rules);
    prop_assert!(
        back.outcome.is_ok(),
        "L1: user not back in: {:?}",
        back.outcome
    );
    Ok(())
}

/// L1 for the admin: with the mailed password, while the attacker keeps trying wrong
/// passwords and requesting recovery before each of the owner's tries. Bound: the hour's
/// requests may be used up, and once they renew each of the next hour's requests replaces
/// the mail before it is usable, so an hour plus `requests_per_hour` propagation delays,
/// less than two hours by the S4 relation (and a minute, as the owner looks every 30
/// seconds). The owner tries the newest mail in
/// the mailbox once it is usable; one that no longer works (replaced, or voided by a change)
/// is dropped, and the owner asks again.
fn l1_admin_gets_back_in(world: &World) -> Result<(), TestCaseError> {
    let rules = &*world.rules;
    let delay = rules.policy().password.propagation_delay();
    let lifetime = rules.policy().recovery.mailed_secret_lifetime();
    let mut admin = world.admin.clone();
    let mut mailbox = world.mailed_password.clone();
    let mut t = world.now;
    let requests = rules.policy().recovery.requests_per_hour;
    let deadline = t + TimeDelta::hours(1) + delay * requests + TimeDelta::minutes(1);
    let mut last = None;
    while t <= deadline {
        // The attacker, just before the owner: a wrong password and a recovery request.
        admin = admin
            .login("Falsches Kennwort!", None, vec![], t, rules)
            .state;
        let d = forgot_password(HEAD, Some((&world.pbx, &admin)), t, rules);
        if let Some(password) = mail(&d.effects) {
            mailbox = Some((password, t));
        }
        admin = d.state.unwrap();
        match mailbox.take() {
            Some((password, at)) if t < at + lifetime => {
                if t < at + delay {
                    t = at + delay;
                    mailbox = Some((password, at));
                    continue;
                }
                let back = admin.login(&password, None, vec![], t, rules);
                if back.outcome.is_ok() {
                    return Ok(());
                }
                last = Some(back.outcome.map(|_| ()));
                admin = back.state;
            }
            _ => {
                // No usable mail: the owner asks, or waits for the hour's requests to renew.
                let d = forgot_password(HEAD, Some((&world.pbx, &admin)), t, rules);
                match mail(&d.effects) {
                    Some(password) => mailbox = Some((password, t)),
                    None => t += TimeDelta::seconds(30),
                }
                admin = d.state.unwrap();
            }
        }
    }
    Err(TestCaseError::fail(format!(
        "L1: the admin did not get back in within the bound (last try: {last:?})"
    )))
}

/// I5 and storage: the revision moves by one exactly when a state changed, and every state
/// reads back from its JSON.
fn i5_revisions_and_json(before: &World, after: &World) -> Result<(), TestCaseError> {
    let step = u64::from(after.user != before.user);
    prop_assert_eq!(
        after.user.revision(),
        before.user.revision().wrapping_add(step)
    );
    let step = u64::from(after.admin != before.admin);
    prop_assert_eq!(
        after.admin.revision(),
        before.admin.revision().wrapping_add(step)
    );
    prop_assert_eq!(
        &ExtensionAccount::from_json(&after.user.to_json()).unwrap(),
        &after.user
    );
    prop_assert_eq!(
        &AdminAccount::from_json(&after.admin.to_json()).unwrap(),
        &after.admin
    );
    Ok(())
}

/// One history: the world under `policy`, the laws checked after every step. Returns the
/// steps run.
fn history(policy: Policy, ops: &[Op]) -> Result<u64, TestCaseError> {
    let Some(mut world) = World::new(policy) else {
        return Err(TestCaseError::reject("policy outside its relations"));
    };
    for op in ops {
        let before = world.clone();
        let step = world.step(op);
        l2_safety(&before, &world, op, &step)?;
        l3_uniform_work(&world, op, &step)?;
        i5_revisions_and_json(&before, &world)?;
        l4_sessions(&mut world)?;
        l1_user_gets_back_in(&world)?;
        l1_admin_gets_back_in(&world)?;
    }
    Ok(ops.len() as u64)
}

/// Runs the histories (256, or `PBX_RULES_LAW_CASES`) and prints how many histories and steps
/// ran, the figure the laws are reported with.
#[test]
fn account_laws_hold_over_random_histories() {
    let cases = std::env::var("PBX_RULES_LAW_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    let mut runner = TestRunner::new(ProptestConfig::with_cases(cases));
    let (histories, steps) = (Cell::new(0_u32), Cell::new(0_u64));
    let strategy = (policy(), prop::collection::vec(op(), 1..48));
    let result = runner.run(&strategy, |(policy, ops)| {
        let ran = history(policy, &ops)?;
        histories.set(histories.get() + 1);
        steps.set(steps.get() + ran);
        Ok(())
    });
    eprintln!(
        "account laws: {} histories, {} steps (with shrinking, if any)",
        histories.get(),
        steps.get()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(histories.get() >= cases, "every case ran");
}
