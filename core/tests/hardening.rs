//! Regression tests of the security review's lifecycle findings (F1–F3, F5, F7,
//! F9, I1, I4–I6, I8) and of the two seed rules it found missing (P10, R3 per extension).
//! Each test failed on the code before the fix.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::*;
use pbx_rules::{
    Actor, AdminAccount, AdminSession, ChangeForm, Effect, ExtensionAccount, Json, Lang, Localized,
    LoginError, PasswordContext, PermissionError, PinContext, PinOrigin, Revised, Rules, UserLogin,
    forgot_password, forgot_pin,
};

const ADMIN: Actor = Actor::Admin {
    extended_rights: false,
};

fn user(d: &str) -> Actor {
    Actor::User {
        extension: digits(d),
    }
}

fn minutes(m: i64) -> TimeDelta {
    TimeDelta::minutes(m)
}

fn change<'a>(old: &'a str, new: &'a str) -> ChangeForm<'a> {
    ChangeForm {
        old,
        new,
        confirmation: new,
    }
}

/// Extension 10 on a user-chosen PIN `4711`, past the P10 delay.
fn on_own_pin(rules: &Rules) -> ExtensionAccount {
    extension("10", rules)
        .change_pin(
            &user("10"),
            change("0000", "4711"),
            &PinContext::default(),
            t0(),
            rules,
        )
        .state
}

fn forgot(
    account: &ExtensionAccount,
    at: DateTime<Utc>,
    rules: &Rules,
) -> pbx_rules::Decision<Option<ExtensionAccount>, ()> {
    forgot_pin(&pbx(), Some((&master("10"), account)), at, rules)
}

// F1
#[test]
fn f1_an_admin_cannot_make_an_admin_known_pin_permanent() {
    let rules = rules("centrexx");
    let set = extension("10", &rules)
        .set_pin_by_admin(&ADMIN, "4711", "4711", t0(), &rules)
        .state;
    let d = set.change_pin(
        &ADMIN,
        change("4711", "5823"),
        &PinContext::default(),
        t0(),
        &rules,
    );
    assert_eq!(code(&d), "PERMISSION_OWNER_ONLY");
    assert!(d.effects.is_empty());
    assert_eq!(d.state, set, "nothing changes");
    assert_eq!(d.state.pin_origin(), PinOrigin::Admin);
    // Years later the admin-set PIN is still refused: it had to be changed (P5).
    let late = set.login("4711", t0() + days(3650), &rules);
    assert_eq!(code(&late), "LOGIN_PIN_EXPIRED");
    assert_eq!(
        code(&set.login("5823", t0() + days(1), &rules)),
        "LOGIN_WRONG_CREDENTIALS"
    );
}

// F2
#[test]
fn f2_forgot_pin_keeps_the_failure_count() {
    let rules = rules("centrexx");
    let mut account = on_own_pin(&rules);
    let mut at = t0();
    let mut rounds = 0;
    // Three wrong guesses an hour apart (no delay in the way), then a forgot-PIN request.
    while !account.is_locked(at, &rules) && rounds < 20 {
        for _ in 0..3 {
            at += TimeDelta::hours(1);
            account = account.login("9999", at, &rules).state;
        }
        let before = account.failed_logins();
        account = forgot(&account, at, &rules).state.unwrap();
        assert_eq!(
            account.failed_logins(),
            before,
            "F2: forgot-PIN keeps the count"
        );
        rounds += 1;
    }
    assert!(account.is_locked(at, &rules), "locked, not 60 guesses on");
    assert_eq!(
        account.failed_logins(),
        10,
        "after the allowance of a 4-digit PIN"
    );
    assert_eq!(
        code(&account.login("4711", at + days(1), &rules)),
        "LOGIN_THROTTLE_LOCKED"
    );
}

// F3
#[test]
fn f3_forgot_pin_keeps_the_working_pin_until_the_mailed_one_is_used() {
    let rules = rules("centrexx");
    let account = on_own_pin(&rules);
    let d = forgot(&account, t0(), &rules);
    let pin = mailed(&d);
    assert!(
        !d.effects
            .iter()
            .any(|e| matches!(e, Effect::SyncPin { .. })),
        "voicemail keeps the working PIN"
    );
    let asked = d.state.unwrap();
    assert_eq!(asked.pin_hash(), account.pin_hash());
    let old = asked.login("4711", t0() + minutes(5), &rules);
    assert!(
        matches!(old.outcome.unwrap(), UserLogin::LoggedIn { .. }),
        "the old PIN still works"
    );
    // R6: and the owner's login voids the mailed one (see `s5_…` in recovery.rs).
    assert!(!old.state.has_pending_reset(t0() + minutes(5), &rules));
    assert!(asked.has_pending_reset(t0() + minutes(6), &rules));
    let first_use = asked.login(&pin, t0() + minutes(6), &rules);
    assert!(matches!(
        first_use.outcome,
        Ok(UserLogin::MustChangePin { .. })
    ));
    assert!(matches!(
        first_use.effects.as_slice(),
        [
            Effect::SyncPin { .. },
            Effect::NotifyCredentialChanged { .. }
        ]
    ));
    let replaced = first_use.state;
    assert_eq!(replaced.pin_origin(), PinOrigin::Reset);
    assert_eq!(
        code(&replaced.login("4711", t0() + minutes(7), &rules)),
        "LOGIN_WRONG_CREDENTIALS"
    );
}

// F3
#[test]
fn f3_a_mailed_pin_is_void_after_its_lifetime() {
    let rules = rules("centrexx");
    let account = on_own_pin(&rules);
    let d = forgot(&account, t0(), &rules);
    let pin = mailed(&d);
    let asked = d.state.unwrap();
    let end = t0() + rules.policy().recovery.mailed_secret_lifetime();
    let in_time = asked.login(&pin, end - TimeDelta::seconds(1), &rules);
    assert!(in_time.outcome.is_ok());
    let late = asked.login(&pin, end, &rules);
    assert_eq!(code(&late), "LOGIN_WRONG_CREDENTIALS");
    assert!(!asked.has_pending_reset(end, &rules));
    assert!(matches!(
        asked.login("4711", end, &rules).outcome.unwrap(),
        UserLogin::LoggedIn { .. }
    ));
}

// F3, P5: a PIN mailed the day before the window closes does not lift the lock.
#[test]
fn f3_p5_a_mailed_pin_does_not_lift_a_lapsed_window() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let d = forgot(&account, t0() + days(41) + TimeDelta::hours(1), &rules);
    let pin = mailed(&d);
    let asked = d.state.unwrap();
    let lapsed = asked.login(&pin, t0() + days(42) + minutes(1), &rules);
    assert_eq!(code(&lapsed), "LOGIN_PIN_EXPIRED");
    assert!(lapsed.effects.is_empty());
    assert_eq!(lapsed.state.pin_hash(), account.pin_hash(), "not replaced");
    assert!(lapsed.state.is_locked(t0() + days(42), &rules));
}

// F3
#[test]
fn f3_recovery_requests_are_throttled_per_account() {
    let rules = rules("centrexx");
    let per_hour = rules.policy().recovery.requests_per_hour;
    let mut account = on_own_pin(&rules);
    for i in 0..per_hour {
        let d = forgot(&account, t0() + minutes(i64::from(i)), &rules);
        assert_eq!(d.effects.len(), 1, "request {i} mails");
        account = d.state.unwrap();
    }
    let extra = forgot(&account, t0() + minutes(30), &rules);
    assert_eq!(code(&extra), "OK", "the same answer");
    assert!(extra.effects.is_empty(), "no mail");
    assert_eq!(extra.state.as_ref(), Some(&account), "nothing changes");
    let next_hour = forgot(&account, t0() + minutes(60), &rules);
    assert_eq!(next_hour.effects.len(), 1);
}

// F3
#[test]
fn f3_repeated_forgot_password_never_locks_the_admin_out() {
    let rules = rules("centrexx");
    let mut account = admin(&rules);
    let mut at = t0();
    for _ in 0..20 {
        let d = forgot_password("06131-624680", Some((&pbx(), &account)), at, &rules);
        account = d.state.unwrap();
        let login = account.login(
            ADMIN_PASSWORD,
            None,
            vec![],
            at + TimeDelta::seconds(1),
            &rules,
        );
        assert!(login.outcome.is_ok(), "{:?}", login.outcome);
        account = login.state;
        at += TimeDelta::seconds(179);
    }
}

// F3, I1
#[test]
fn f3_i1_the_mailed_password_replaces_the_old_one_at_its_first_use() {
    let rules = rules("centrexx");
    let remembered = with_remembered_browser(&rules);
    let d = forgot_password("06131-624680", Some((&pbx(), &remembered)), t0(), &rules);
    let password = mailed(&d);
    assert_eq!(d.effects.len(), 1, "only the mail");
    let asked = d.state.unwrap();
    assert_eq!(asked.devices().len(), 1, "a mere request forgets nothing");
    let k5 = t0() + rules.policy().password.propagation_delay();
    let early = asked.login(&password, None, vec![], k5 - TimeDelta::seconds(1), &rules);
    assert_eq!(code(&early), "LOGIN_PASSWORD_PENDING");
    let used = asked.login(&password, None, vec![], k5, &rules);
    assert!(used.outcome.is_ok());
    assert!(matches!(
        used.effects.as_slice(),
        [Effect::NotifyCredentialChanged { .. }]
    ));
    assert!(
        used.state.devices().is_empty(),
        "I1: a reset forgets the browsers"
    );
    let old = used.state.login(ADMIN_PASSWORD, None, vec![], k5, &rules);
    assert_eq!(code(&old), "LOGIN_WRONG_CREDENTIALS");
}

/// An admin account with one remembered browser.
fn with_remembered_browser(rules: &Rules) -> AdminAccount {
    let account = admin(rules);
    let session = account
        .login(ADMIN_PASSWORD, None, vec![], t0(), rules)
        .outcome
        .unwrap();
    let requested = session.request_code(&account, Some("a@b.de"), t0(), rules);
    let d = requested
        .state
        .confirm_code(&account, &mailed(&requested), t0(), rules);
    let token = d.outcome.unwrap().unwrap();
    let account = d.state.1.remember(token.record);
    assert_eq!(account.devices().len(), 1);
    account
}

// I1
#[test]
fn i1_a_password_change_forgets_every_remembered_browser() {
    let rules = rules("centrexx");
    let account = with_remembered_browser(&rules);
    let d = account.change_password(
        change(ADMIN_PASSWORD, "Segelboot Blaubeere 42?"),
        &PasswordContext::default(),
        t0(),
        &rules,
    );
    assert!(d.outcome.is_ok());
    assert!(d.state.devices().is_empty());
}

// F7
#[test]
fn f7_wrong_codes_count_against_the_account_across_sessions() {
    let rules = rules("centrexx");
    let allowance = rules.policy().second_factor.account_allowance;
    let mut account = admin(&rules);
    let mut at = t0();
    let mut wrong = 0;
    for _ in 0..allowance * 2 {
        at += TimeDelta::hours(1);
        let login = account.login(ADMIN_PASSWORD, None, vec![], at, &rules);
        account = login.state;
        let session = login.outcome.unwrap();
        let requested = session.request_code(&account, Some("a@b.de"), at, &rules);
        let d = requested
            .state
            .confirm_code(&account, "000000x", at, &rules);
        let refusal = code(&d);
        account = d.state.1;
        if refusal != "LOGIN_CODE_WRONG" {
            assert_eq!(refusal, "LOGIN_THROTTLE_LOCKED");
            break;
        }
        wrong += 1;
    }
    assert_eq!(wrong + 1, allowance, "the last allowed wrong code locks");
    assert_eq!(i64::from(account.failed_codes()), i64::from(allowance));
    // No code is mailed any more, in a new session (S7), and a code mailed before the lock
    // is not checked.
    let session = account
        .login(ADMIN_PASSWORD, None, vec![], at + days(1), &rules)
        .outcome
        .unwrap();
    let requested = session.request_code(&account, Some("a@b.de"), at + days(1), &rules);
    assert_eq!(code(&requested), "LOGIN_THROTTLE_LOCKED");
    assert!(requested.effects.is_empty());
    let before_lock = session.request_code(&admin(&rules), Some("a@b.de"), at, &rules);
    let right = before_lock
        .state
        .confirm_code(&account, &mailed(&before_lock), at, &rules);
    assert_eq!(code(&right), "LOGIN_THROTTLE_LOCKED");
    assert!(!right.state.0.has_extended_rights());
}

// F7
#[test]
fn f7_quick_wrong_codes_are_delayed_and_a_right_code_resets_the_count() {
    let rules = rules("centrexx");
    let free = rules.policy().throttle.free_failures;
    let mut account = admin(&rules);
    let mut sessions = Vec::new();
    for _ in 0..=free + 1 {
        let login = account.login(ADMIN_PASSWORD, None, vec![], t0(), &rules);
        account = login.state;
        sessions.push(login.outcome.unwrap());
    }
    // One past the free failures starts the delay.
    for session in &sessions[..=free as usize] {
        let requested = session.request_code(&account, Some("a@b.de"), t0(), &rules);
        account = requested
            .state
            .confirm_code(&account, "bad", t0(), &rules)
            .state
            .1;
    }
    let requested =
        sessions[free as usize + 1].request_code(&account, Some("a@b.de"), t0(), &rules);
    let right = mailed(&requested);
    let quick = requested.state.confirm_code(&account, &right, t0(), &rules);
    assert_eq!(code(&quick), "LOGIN_THROTTLED");
    let later = requested
        .state
        .confirm_code(&account, &right, t0() + minutes(1), &rules);
    assert!(later.outcome.is_ok());
    assert_eq!(later.state.1.failed_codes(), 0);
}

// I4
#[test]
fn i4_request_code_refuses_once_the_sessions_code_tries_are_used_up() {
    let rules = rules("centrexx");
    let max = rules.policy().session.max_code_failures;
    let mut account = admin(&rules);
    let mut session = account
        .login(ADMIN_PASSWORD, None, vec![], t0(), &rules)
        .outcome
        .unwrap();
    for i in 0..max {
        let at = t0() + minutes(2 * i64::from(i));
        let requested = session.request_code(&account, Some("a@b.de"), at, &rules);
        assert_eq!(code(&requested), "OK");
        (session, account) = requested
            .state
            .confirm_code(&account, "bad", at, &rules)
            .state;
    }
    let refused = session.request_code(&account, Some("a@b.de"), t0() + minutes(30), &rules);
    assert_eq!(code(&refused), "LOGIN_CODE_ATTEMPTS_USED_UP");
    assert!(refused.effects.is_empty(), "no mail");
}

// I5, G7: every change counts, so the host can compare-and-swap
#[test]
fn i5_every_change_increments_the_revision_so_a_stale_write_is_detectable() {
    let rules = rules("centrexx");
    let stored = on_own_pin(&rules);
    let r = stored.revision();
    // Two parallel requests read the same state; both fail.
    let first = stored.login("9999", t0() + minutes(10), &rules).state;
    let second = stored.login("9998", t0() + minutes(10), &rules).state;
    assert_eq!((first.revision(), second.revision()), (r + 1, r + 1));
    // The host's compare-and-swap: store only over the revision that was read.
    let mut db = stored.clone();
    let mut cas = |read: u64, new: ExtensionAccount| {
        let ok = db.revision() == read;
        if ok {
            db = new;
        }
        ok
    };
    assert!(cas(r, first));
    assert!(!cas(r, second), "the stale write is refused");
    // Nothing changed, nothing to store: a throttled try keeps the revision.
    let mut locked = stored.clone();
    for i in 0..4 {
        locked = locked.login("9999", t0() + minutes(10 + i), &rules).state;
    }
    let throttled = locked.login("9999", t0() + minutes(13) + TimeDelta::seconds(10), &rules);
    assert_eq!(code(&throttled), "LOGIN_THROTTLED");
    assert_eq!(throttled.state.revision(), locked.revision());
}

// I5, G7
#[test]
fn i5_admin_account_and_session_count_their_changes_too() {
    let rules = rules("centrexx");
    let account = admin(&rules);
    let login = account.login(ADMIN_PASSWORD, None, vec![], t0(), &rules);
    let session = login.outcome.unwrap();
    let requested = session.request_code(&account, Some("a@b.de"), t0(), &rules);
    assert_eq!(requested.state.revision(), session.revision() + 1);
    let wrong = requested.state.confirm_code(&account, "bad", t0(), &rules);
    assert_eq!(wrong.state.0.revision(), requested.state.revision() + 1);
    assert_eq!(wrong.state.1.revision(), account.revision() + 1);
    let next = session.continue_without_extended_rights().unwrap();
    assert_eq!(next.revision(), session.revision() + 1);
    let asked = forgot_password("06131-624680", Some((&pbx(), &account)), t0(), &rules);
    assert_eq!(asked.state.unwrap().revision(), account.revision() + 1);
}

// I5: state written before revisions existed still reads (through `Json::from_json`, which
// upgrades it).
#[test]
fn i5_version_1_state_reads_with_revision_0() {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/state_v1.json")).unwrap();
    let read = |key: &str| fixture[key].to_string();
    let ext = ExtensionAccount::from_json(&read("extension_account")).unwrap();
    let admin = AdminAccount::from_json(&read("admin_account")).unwrap();
    let session = AdminSession::from_json(&read("admin_session")).unwrap();
    assert_eq!(
        (ext.revision(), admin.revision(), session.revision()),
        (0, 0, 0)
    );
    let written = serde_json::to_value(&ext).unwrap();
    assert_eq!(written["version"], pbx_rules::STATE_VERSION);
    assert_eq!(written["revision"], 0);
    let rules = rules("centrexx");
    // The fixture's PIN is the default one, hashed with the test costs.
    assert!(ext.login("0000", t0(), &rules).outcome.is_ok());
}

// I6
#[test]
fn i6_the_k5_delay_is_shown_only_to_someone_who_typed_the_new_password() {
    let rules = rules("centrexx");
    let changed = admin(&rules)
        .change_password(
            change(ADMIN_PASSWORD, "Segelboot Blaubeere 42?"),
            &PasswordContext::default(),
            t0(),
            &rules,
        )
        .state;
    let at = t0() + minutes(1);
    for guess in ["anything at all", ADMIN_PASSWORD] {
        let d = changed.login(guess, None, vec![], at, &rules);
        assert_eq!(code(&d), "LOGIN_WRONG_CREDENTIALS", "{guess}");
        assert_eq!(d.state.failed_logins(), 1, "counted");
    }
    let d = changed.login("Segelboot Blaubeere 42?", None, vec![], at, &rules);
    assert_eq!(code(&d), "LOGIN_PASSWORD_PENDING");
}

// I8
#[test]
fn i8_master_data_of_another_extension_are_refused() {
    let rules = rules("centrexx");
    let ten = on_own_pin(&rules);
    let mut eleven = master("11");
    eleven.mobile_number = Some(pbx_rules::E164::parse("+4917112345678").unwrap());
    let d = forgot_pin(&pbx(), Some((&eleven, &ten)), t0(), &rules);
    assert_eq!(code(&d), "PERMISSION_MASTER_DATA_MISMATCH");
    assert!(d.effects.is_empty(), "no PIN to the wrong owner");
    assert_eq!(d.state.as_ref(), Some(&ten));
    let strict = rules_with(|p| p.recovery.uniform_answers = true);
    assert_eq!(
        code(&forgot_pin(&pbx(), Some((&eleven, &ten)), t0(), &strict)),
        "PERMISSION_MASTER_DATA_MISMATCH",
        "a host bug is named under every policy"
    );
    let app = ten.mobile_login(&eleven, "4711", t0() + minutes(5), &rules);
    assert_eq!(code(&app), "PERMISSION_MASTER_DATA_MISMATCH");
}

fn rules_with(change: impl FnOnce(&mut pbx_rules::Policy)) -> Rules {
    let mut policy = rules("centrexx").policy().clone();
    change(&mut policy);
    Rules::new(policy).expect("a valid policy")
}

// P10
#[test]
fn p10_login_waits_after_the_users_own_change() {
    let rules = rules("centrexx");
    let account = on_own_pin(&rules);
    let delay = rules.policy().pin.propagation_delay();
    let until = t0() + delay;
    let early = account.login("4711", until - TimeDelta::seconds(1), &rules);
    assert_eq!(
        early.outcome.unwrap_err(),
        pbx_rules::Error::Login(LoginError::PinPending { until })
    );
    let wrong = account.login("9999", until - TimeDelta::seconds(1), &rules);
    assert_eq!(
        code(&wrong),
        "LOGIN_WRONG_CREDENTIALS",
        "shown only with the PIN (I6)"
    );
    assert!(matches!(
        account.login("4711", until, &rules).outcome.unwrap(),
        UserLogin::LoggedIn { .. }
    ));
    // The admin's set has no delay: the phone restarts instead (P9).
    let set = account
        .set_pin_by_admin(&ADMIN, "2580", "2580", until, &rules)
        .state;
    assert!(set.login("2580", until, &rules).outcome.is_ok());
    let msg = LoginError::PinPending { until };
    assert!(msg.message(Lang::De).contains("wirksam") && msg.message(Lang::En).contains("effect"));
}

// R3
#[test]
fn r3_forgot_pin_needs_both_the_pbx_and_the_extension_switch() {
    let rules = rules("centrexx");
    let account = on_own_pin(&rules);
    let ten = master("10");
    assert!(ten.self_service_pin_reset(), "on for a new extension");
    assert_eq!(
        ten.set_self_service_pin_reset(&user("10"), false)
            .unwrap_err(),
        PermissionError::AdminOnly
    );
    let ext_off = ten.set_self_service_pin_reset(&ADMIN, false).unwrap();
    let pbx_off = pbx().set_self_service_pin_reset(&ADMIN, false).unwrap();
    for (pbx, master, want) in [
        (pbx(), &ten, "OK"),
        (pbx(), &ext_off, "RECOVERY_SELF_SERVICE_OFF"),
        (pbx_off.clone(), &ten, "RECOVERY_SELF_SERVICE_OFF"),
        (pbx_off, &ext_off, "RECOVERY_SELF_SERVICE_OFF"),
    ] {
        let d = forgot_pin(&pbx, Some((master, &account)), t0(), &rules);
        assert_eq!(code(&d), want);
    }
    let round_trip: pbx_rules::ExtensionMasterData =
        serde_json::from_str(&serde_json::to_string(&ext_off).unwrap()).unwrap();
    assert!(!round_trip.self_service_pin_reset());
}

// F9
#[test]
fn f9_no_debug_output_shows_a_hash_a_salt_or_a_pin_length() {
    let rules = rules("centrexx");
    let ext = on_own_pin(&rules);
    let asked = forgot(&ext, t0(), &rules).state.unwrap();
    let account = with_remembered_browser(&rules);
    let admin_asked = forgot_password("06131-624680", Some((&pbx(), &account)), t0(), &rules)
        .state
        .unwrap();
    let session = account
        .login(ADMIN_PASSWORD, None, vec![], t0(), &rules)
        .outcome
        .unwrap();
    let with_code = session.request_code(&account, Some("a@b.de"), t0(), &rules);
    let token = with_code
        .state
        .confirm_code(&account, &mailed(&with_code), t0(), &rules)
        .outcome
        .unwrap()
        .unwrap();
    let password_change = account.change_password(
        ChangeForm {
            old: ADMIN_PASSWORD,
            new: "Segelboot Blaubeere 42?",
            confirmation: "Segelboot Blaubeere 42?",
        },
        &PasswordContext::default(),
        t0(),
        &rules,
    );
    let changed = ext.change_pin(
        &user("10"),
        change("4711", "5823"),
        &PinContext::default(),
        t0() + minutes(5),
        &rules,
    );
    let printed = [
        format!("{ext:?}{ext:#?}{asked:?}{asked:#?}"),
        format!("{account:?}{account:#?}{admin_asked:?}{admin_asked:#?}"),
        format!("{session:?}{:?}{:#?}", with_code.state, with_code.state),
        format!("{token:?}{token:#?}{:?}", account.devices()),
        format!("{password_change:?}{changed:?}{:?}", changed.outcome),
    ];
    let secrets: Vec<String> = [
        ext.pin_hash(),
        asked.pin_hash(),
        account.password_hash(),
        changed.state.pin_hash(),
        password_change.state.password_hash(),
    ]
    .iter()
    .flat_map(|h| h.split('$').skip(4).map(str::to_owned))
    .collect();
    for text in &printed {
        for needle in ["$argon2", "pin_len", "hash", "len:"] {
            assert!(!text.contains(needle), "{needle} in {text}");
        }
        for part in &secrets {
            assert!(!text.contains(part.as_str()), "salt or hash in {text}");
        }
        assert!(!text.contains(token.token.expose()));
    }
}

// G2: the hardening codes have both messages.
#[test]
fn g2_new_codes_have_german_and_english_messages() {
    for (e, code) in [
        (
            pbx_rules::Error::from(PermissionError::OwnerOnly),
            "PERMISSION_OWNER_ONLY",
        ),
        (
            PermissionError::MasterDataMismatch.into(),
            "PERMISSION_MASTER_DATA_MISMATCH",
        ),
        (
            LoginError::CodeAttemptsUsedUp.into(),
            "LOGIN_CODE_ATTEMPTS_USED_UP",
        ),
        (
            LoginError::PinPending { until: t0() }.into(),
            "LOGIN_PIN_PENDING",
        ),
    ] {
        assert_eq!(e.code(), code);
        assert!(!e.message(Lang::De).is_empty() && !e.message(Lang::En).is_empty());
        assert_ne!(e.message(Lang::De), e.message(Lang::En));
    }
    assert!(PermissionError::CODES.contains(&"PERMISSION_OWNER_ONLY"));
    assert!(LoginError::CODES.contains(&"LOGIN_PIN_PENDING"));
}

/// The host's compare-and-swap over any lifecycle state: store `new` only where the
/// stored revision is still the one that was read.
fn swap<S: Revised + Clone>(stored: &mut S, read: u64, new: &S) -> bool {
    let ok = Revised::revision(stored) == read;
    if ok {
        *stored = new.clone();
    }
    ok
}

// I5
#[test]
fn i5_one_trait_names_the_revision_of_every_lifecycle_state_for_a_generic_store() {
    let rules = rules("centrexx");
    let mut user = on_own_pin(&rules);
    let read = Revised::revision(&user);
    let (first, second) = (
        user.login("9999", t0() + minutes(10), &rules).state,
        user.login("9998", t0() + minutes(10), &rules).state,
    );
    assert!(swap(&mut user, read, &first));
    assert!(
        !swap(&mut user, read, &second),
        "the stale account write is refused"
    );
    assert_eq!(Revised::revision(&user), read + 1);

    let mut account = admin(&rules);
    let login = account.login(ADMIN_PASSWORD, None, vec![], t0(), &rules);
    let mut session = login.outcome.unwrap();
    let read = Revised::revision(&session);
    let requested = session
        .request_code(&account, Some("a@b.de"), t0(), &rules)
        .state;
    let skipped = session.continue_without_extended_rights().unwrap();
    assert!(swap(&mut session, read, &requested));
    assert!(
        !swap(&mut session, read, &skipped),
        "the stale session write is refused"
    );

    let read = Revised::revision(&account);
    let wrong = requested
        .confirm_code(&account, "bad", t0(), &rules)
        .state
        .1;
    let again = requested
        .confirm_code(&account, "bad2", t0(), &rules)
        .state
        .1;
    assert!(swap(&mut account, read, &wrong));
    assert!(
        !swap(&mut account, read, &again),
        "the stale admin write is refused"
    );
    assert_eq!(Revised::revision(&account), account.revision());
}
