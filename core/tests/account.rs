//! The extension account's PIN lifecycle (P2, P4–P9, G5, G1).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use chrono::TimeDelta;
use common::*;
use pbx_rules::{
    Actor, ChangeForm, Effect, Error, ExtensionAccount, Localized, LoginError, PinContext,
    PinError, PinOrigin, UserLogin,
};

fn user(d: &str) -> Actor {
    Actor::User {
        extension: digits(d),
    }
}

const ADMIN: Actor = Actor::Admin {
    extended_rights: false,
};

fn effect_names(effects: &[Effect]) -> Vec<&'static str> {
    effects
        .iter()
        .map(|e| match e {
            Effect::SyncPin { .. } => "sync_pin",
            Effect::RestartPhone { .. } => "restart_phone",
            Effect::NotifyCredentialChanged { .. } => "notify_credential_changed",
            Effect::SendSecret { .. } => "send_secret",
            Effect::NotifyAdminNoUserEmail { .. } => "notify_admin_no_user_email",
            _ => "other",
        })
        .collect()
}

fn change<'a>(old: &'a str, new: &'a str) -> ChangeForm<'a> {
    ChangeForm {
        old,
        new,
        confirmation: new,
    }
}

#[test]
fn p2_a_new_extension_has_the_default_pin_and_must_change_it() {
    let rules = rules("centrexx");
    let created = ExtensionAccount::create(digits("10"), t0(), &rules).unwrap();
    assert!(
        created.initial_pin.is_none(),
        "centrexx uses the default PIN"
    );
    assert!(created.account.has_default_pin());
    assert_eq!(created.account.pin_origin(), PinOrigin::Initial);
    let login = created.account.login("0000", t0(), &rules);
    assert!(matches!(
        login.outcome.unwrap(),
        UserLogin::MustChangePin { deadline, .. } if deadline == t0() + days(42)
    ));
}

#[test]
fn p2_strict_preset_gives_a_random_initial_pin_instead() {
    let rules = rules("strict");
    let created = ExtensionAccount::create(digits("10"), t0(), &rules).unwrap();
    let pin = created.initial_pin.expect("strict has no default PIN");
    assert!(!created.account.has_default_pin());
    let shown = format!("{pin:?} {pin}");
    assert!(
        shown.contains("***") && !shown.contains(pin.expose()),
        "G3: {shown}"
    );
    let login = created.account.login(pin.expose(), t0(), &rules);
    assert!(matches!(login.outcome, Ok(UserLogin::MustChangePin { .. })));
}

#[test]
fn p5_edge_41_days_23_hours_works_42_days_is_locked() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let almost = account.login("0000", t0() + days(41) + TimeDelta::hours(23), &rules);
    assert!(matches!(
        almost.outcome,
        Ok(UserLogin::MustChangePin { .. })
    ));
    let locked = account.login("0000", t0() + days(42), &rules);
    assert_eq!(
        locked.outcome.unwrap_err(),
        Error::Login(LoginError::PinExpired {
            since: t0() + days(42)
        })
    );
    assert!(account.is_pin_expired(t0() + days(42), &rules));
    assert!(!account.is_pin_expired(t0() + days(42) - TimeDelta::seconds(1), &rules));
}

#[test]
fn p5_a_wrong_pin_on_a_locked_account_reveals_nothing() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let wrong = account.login("9999", t0() + days(50), &rules);
    assert_eq!(code(&wrong), "LOGIN_WRONG_CREDENTIALS");
}

#[test]
fn p5_a_user_chosen_pin_never_expires() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let changed = account.change_pin(
        &user("10"),
        change("0000", "4711"),
        &PinContext::default(),
        t0(),
        &rules,
    );
    let account = changed.state;
    assert_eq!(account.pin_origin(), PinOrigin::User);
    let years_later = account.login("4711", t0() + days(3 * 365), &rules);
    assert!(matches!(
        years_later.outcome.unwrap(),
        UserLogin::LoggedIn { .. }
    ));
}

#[test]
fn p5_locked_user_cannot_change_the_pin_only_the_admin_helps() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let late = t0() + days(43);
    let refused = account.change_pin(
        &user("10"),
        change("0000", "4711"),
        &PinContext::default(),
        late,
        &rules,
    );
    assert_eq!(code(&refused), "LOGIN_PIN_EXPIRED");
    let reset = account.set_pin_by_admin(&ADMIN, "2580", "2580", late, &rules);
    assert!(reset.outcome.is_ok());
    // P4: the admin's PIN starts a new 6-week window and must be changed at the next login.
    let next = reset.state.login("2580", late + days(41), &rules);
    assert!(matches!(
        next.outcome.unwrap(),
        UserLogin::MustChangePin { deadline, .. } if deadline == late + days(42)
    ));
    assert_eq!(
        code(&reset.state.login("2580", late + days(42), &rules)),
        "LOGIN_PIN_EXPIRED"
    );
}

#[test]
fn p4_only_the_admin_sets_a_pin_without_the_old_one() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let refused = account.set_pin_by_admin(&user("10"), "4711", "4711", t0(), &rules);
    assert_eq!(code(&refused), "PERMISSION_ADMIN_ONLY");
    assert_eq!(refused.state, account, "nothing changes on a refusal");
    assert_eq!(
        code(&account.set_pin_by_admin(&ADMIN, "4711", "4712", t0(), &rules)),
        "PIN_MISMATCH"
    );
    assert_eq!(
        code(&account.set_pin_by_admin(&ADMIN, "471", "471", t0(), &rules)),
        "PIN_TOO_SHORT"
    );
    let set = account.set_pin_by_admin(&ADMIN, "4711", "4711", t0(), &rules);
    assert_eq!(set.state.pin_origin(), PinOrigin::Admin);
}

#[test]
fn p6_the_forced_step_completes_the_login() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    assert!(matches!(
        account.login("0000", t0(), &rules).outcome,
        Ok(UserLogin::MustChangePin { .. })
    ));
    let step = account.change_pin(
        &user("10"),
        change("0000", "4711"),
        &PinContext::default(),
        t0(),
        &rules,
    );
    assert!(step.outcome.unwrap().completes_login);
    let again = step.state.change_pin(
        &user("10"),
        change("4711", "8642"),
        &PinContext::default(),
        t0(),
        &rules,
    );
    assert!(
        !again.outcome.unwrap().completes_login,
        "a voluntary change is not a login step"
    );
}

#[test]
fn p3_change_rules_old_verifies_new_twice_not_default() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let ctx = PinContext::default();
    let cases = [
        (
            ChangeForm {
                old: "1111",
                new: "4711",
                confirmation: "4711",
            },
            "PIN_OLD_WRONG",
        ),
        (
            ChangeForm {
                old: "0000",
                new: "4711",
                confirmation: "4712",
            },
            "PIN_MISMATCH",
        ),
        (
            ChangeForm {
                old: "0000",
                new: "0000",
                confirmation: "0000",
            },
            "PIN_IS_DEFAULT",
        ),
        (
            ChangeForm {
                old: "0000",
                new: "47a1",
                confirmation: "47a1",
            },
            "PIN_NOT_DIGITS",
        ),
    ];
    for (form, want) in cases {
        assert_eq!(
            code(&account.change_pin(&user("10"), form, &ctx, t0(), &rules)),
            want
        );
    }
    assert_eq!(
        code(&account.change_pin(&user("11"), change("0000", "4711"), &ctx, t0(), &rules)),
        "PERMISSION_NOT_OWN_EXTENSION"
    );
}

#[test]
fn p8_mobile_app_refuses_0000_and_1234_and_needs_a_mobile_number() {
    let rules = rules("centrexx");
    let mut master = master("10");
    let account = extension("10", &rules);
    assert_eq!(
        code(&account.mobile_login(&master, "0000", t0(), &rules)),
        "PIN_MOBILE_REFUSED"
    );
    let account = account
        .change_pin(
            &user("10"),
            change("0000", "1234"),
            &PinContext::default(),
            t0(),
            &rules,
        )
        .state;
    // After the P10 delay of each change.
    let later = t0() + TimeDelta::minutes(5);
    assert_eq!(
        code(&account.mobile_login(&master, "1234", later, &rules)),
        "PIN_MOBILE_REFUSED"
    );
    let account = account
        .change_pin(
            &user("10"),
            change("1234", "4711"),
            &PinContext::default(),
            later,
            &rules,
        )
        .state;
    let later = later + TimeDelta::minutes(5);
    assert_eq!(
        code(&account.mobile_login(&master, "4711", later, &rules)),
        "PIN_MOBILE_NUMBER_MISSING"
    );
    master.mobile_number = Some(pbx_rules::E164::parse("+4917112345678").unwrap());
    assert_eq!(
        code(&account.mobile_login(&master, "4711", later, &rules)),
        "OK"
    );
}

#[test]
fn p8_mobile_app_cannot_do_the_forced_change_step() {
    let rules = rules("centrexx");
    let mut master = master("10");
    master.mobile_number = Some(pbx_rules::E164::parse("+4917112345678").unwrap());
    let account = extension("10", &rules)
        .set_pin_by_admin(&ADMIN, "4711", "4711", t0(), &rules)
        .state;
    assert_eq!(
        code(&account.mobile_login(&master, "4711", t0(), &rules)),
        "LOGIN_PIN_CHANGE_REQUIRED"
    );
}

#[test]
fn p9_effects_of_user_change_and_admin_set() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let by_user = account.change_pin(
        &user("10"),
        change("0000", "4711"),
        &PinContext::default(),
        t0(),
        &rules,
    );
    assert_eq!(
        effect_names(&by_user.effects),
        ["sync_pin", "notify_credential_changed"]
    );
    let by_admin = account.set_pin_by_admin(&ADMIN, "4711", "4711", t0(), &rules);
    assert_eq!(
        effect_names(&by_admin.effects),
        ["sync_pin", "restart_phone", "notify_credential_changed"]
    );
    match &by_admin.effects[0] {
        Effect::SyncPin { pin, extension } => {
            assert_eq!((pin.expose(), extension.as_str()), ("4711", "10"))
        }
        other => panic!("{other:?}"),
    }
    assert!(
        !format!("{:?}", by_admin.effects).contains("4711"),
        "G3: no PIN in Debug output"
    );
}

#[test]
fn g5_attempt_n_minus_1_and_n_of_a_4_digit_pin() {
    let rules = rules("centrexx");
    let policy = rules.policy();
    let allowance = rules.pin_allowance(4);
    assert_eq!(
        i64::from(allowance),
        i64::from(policy.throttle.pin_allowance_at_min_len)
    );
    let mut account = extension("10", &rules);
    let mut now = t0();
    for attempt in 1..=allowance {
        let d = account.login("9999", now, &rules);
        let want = if attempt < allowance {
            "LOGIN_WRONG_CREDENTIALS"
        } else {
            "LOGIN_THROTTLE_LOCKED"
        };
        assert_eq!(code(&d), want, "attempt {attempt}");
        account = d.state;
        now += TimeDelta::hours(1); // past every delay
    }
    assert_eq!(
        code(&account.login("0000", now, &rules)),
        "LOGIN_THROTTLE_LOCKED",
        "even the right PIN"
    );
    let unlocked = account
        .set_pin_by_admin(&ADMIN, "4711", "4711", now, &rules)
        .state;
    assert_eq!(unlocked.failed_logins(), 0);
}

#[test]
fn g5_delays_grow_after_the_free_failures_and_a_success_resets() {
    let rules = rules("centrexx");
    let t = &rules.policy().throttle;
    let mut account = extension("10", &rules);
    for _ in 0..t.free_failures {
        let d = account.login("9999", t0(), &rules);
        assert_eq!(code(&d), "LOGIN_WRONG_CREDENTIALS");
        account = d.state;
    }
    account = account.login("9999", t0(), &rules).state; // the first failure past the free ones
    let first = TimeDelta::seconds(i64::from(t.first_delay_secs));
    let early = account.login("0000", t0() + first - TimeDelta::seconds(1), &rules);
    assert_eq!(
        early.outcome.unwrap_err(),
        Error::Login(LoginError::Throttled {
            retry_at: t0() + first
        })
    );
    assert_eq!(
        early.state.failed_logins(),
        account.failed_logins(),
        "a throttled try is not counted"
    );
    account = account.login("9999", t0() + first, &rules).state;
    let second = account.login("0000", t0() + first + first, &rules);
    assert_eq!(code(&second), "LOGIN_THROTTLED", "the delay doubled");
    let ok = account.login("0000", t0() + first * 3, &rules);
    assert!(ok.outcome.is_ok());
    assert_eq!(ok.state.failed_logins(), 0);
}

#[test]
fn g5_allowance_scales_with_pin_length_and_never_passes_100() {
    let rules = pbx_rules::Rules::centrexx();
    let allowance = |len| rules.pin_allowance(len);
    assert!(allowance(4) < allowance(6) && allowance(6) < allowance(8));
    assert_eq!(allowance(10), 100);
    assert!((1..=64).all(|len| allowance(len) <= 100));
}

#[test]
fn g1_state_round_trips_through_serde_and_refuses_other_versions() {
    let rules = rules("centrexx");
    let account = extension("10", &rules).login("9999", t0(), &rules).state;
    let json = serde_json::to_string(&account).unwrap();
    assert_eq!(
        serde_json::from_str::<ExtensionAccount>(&json).unwrap(),
        account
    );
    let version = pbx_rules::STATE_VERSION;
    for other in [version - 1, version + 1] {
        let elsewhen = json.replace(
            &format!("\"version\":{version}"),
            &format!("\"version\":{other}"),
        );
        assert_ne!(elsewhen, json);
        assert!(serde_json::from_str::<ExtensionAccount>(&elsewhen).is_err());
    }
}

#[test]
fn pin_error_codes_surface_through_the_umbrella_error() {
    let e = Error::from(PinError::Mismatch);
    assert_eq!((e.family(), e.code()), ("pin", "PIN_MISMATCH"));
}
