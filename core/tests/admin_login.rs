//! The admin login steps (A1–A4, K3, K5, P7, G5).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use chrono::TimeDelta;
use common::*;
use pbx_rules::{
    Action, AdminSession, AdminStep, ChangeForm, Effect, LoginError, PasswordContext, Rules,
    authorize,
};

fn session_at_second_factor(rules: &Rules) -> AdminSession {
    admin(rules)
        .login(ADMIN_PASSWORD, None, vec![], t0(), rules)
        .outcome
        .unwrap()
}

#[test]
fn a1_wrong_password_is_counted_right_one_starts_a_session() {
    let rules = rules("centrexx");
    let account = admin(&rules);
    let wrong = account.login("nope nope nope", None, vec![], t0(), &rules);
    assert_eq!(code(&wrong), "LOGIN_WRONG_CREDENTIALS");
    assert_eq!(wrong.state.failed_logins(), 1);
    let right = wrong
        .state
        .login(ADMIN_PASSWORD, None, vec![], t0(), &rules);
    assert_eq!(right.state.failed_logins(), 0);
    assert_eq!(right.outcome.unwrap().step(), AdminStep::SecondFactor);
}

#[test]
fn a2_code_valid_at_14_59_not_at_15_00() {
    let rules = rules("centrexx");
    let session = session_at_second_factor(&rules);
    let requested = session.request_code(&admin(&rules), Some("admin@beispiel.de"), t0(), &rules);
    let code_text = mailed(&requested);
    assert_eq!(code_text.len(), rules.policy().second_factor.code_digits);
    let lifetime = TimeDelta::minutes(15);
    let late = requested
        .state
        .confirm_code(&admin(&rules), &code_text, t0() + lifetime, &rules);
    assert_eq!(code(&late), "LOGIN_CODE_EXPIRED");
    let in_time = requested.state.confirm_code(
        &admin(&rules),
        &code_text,
        t0() + lifetime - TimeDelta::minutes(1),
        &rules,
    );
    assert!(
        in_time.outcome.as_ref().unwrap().is_some(),
        "a confirmed code remembers the browser"
    );
    assert!(in_time.state.0.has_extended_rights());
    assert_eq!(in_time.state.0.step(), AdminStep::PrivacyNotice);
}

#[test]
fn a2_code_is_single_use_kept_as_a_hash_and_mailed_to_the_admin() {
    let rules = rules("centrexx");
    let requested = session_at_second_factor(&rules).request_code(
        &admin(&rules),
        Some("admin@beispiel.de"),
        t0(),
        &rules,
    );
    let code_text = mailed(&requested);
    let stored = serde_json::to_string(&requested.state).unwrap();
    assert!(!stored.contains(&code_text), "only the hash is stored");
    match &requested.effects[0] {
        Effect::SendSecret { to, .. } => assert_eq!(to, "admin@beispiel.de"),
        other => panic!("{other:?}"),
    }
    let (used, account) = requested
        .state
        .confirm_code(&admin(&rules), &code_text, t0(), &rules)
        .state;
    assert_eq!(
        code(&used.confirm_code(&account, &code_text, t0(), &rules)),
        "LOGIN_NO_CODE_PENDING"
    );
}

#[test]
fn a2_wrong_codes_void_the_code_and_a_resend_does_not_reset_the_count() {
    let rules = rules("centrexx");
    let max = rules.policy().session.max_code_failures;
    let mut session = session_at_second_factor(&rules)
        .request_code(&admin(&rules), Some("a@b.de"), t0(), &rules)
        .state;
    let mut account = admin(&rules);
    // Two minutes apart: the account's code throttle (F7) delays quick retries.
    let at = |i: i32| t0() + TimeDelta::minutes(2 * i64::from(i));
    for i in 0..max - 1 {
        let d = session.confirm_code(&account, "not-the-code", at(i), &rules);
        assert_eq!(code(&d), "LOGIN_CODE_WRONG");
        (session, account) = d.state;
    }
    let resent = session.request_code(&account, Some("a@b.de"), at(max), &rules);
    let fresh = mailed(&resent);
    let last_wrong = resent
        .state
        .confirm_code(&account, "not-the-code", at(max), &rules);
    assert_eq!(code(&last_wrong), "LOGIN_CODE_WRONG");
    let (session, account) = last_wrong.state;
    assert_eq!(
        code(&session.confirm_code(&account, &fresh, at(max + 1), &rules)),
        "LOGIN_NO_CODE_PENDING",
        "void after {max} wrong codes"
    );
}

#[test]
fn a2_a_remembered_browser_skips_the_second_factor_until_its_token_expires() {
    let rules = rules("centrexx");
    let account = admin(&rules);
    let requested =
        session_at_second_factor(&rules).request_code(&admin(&rules), Some("a@b.de"), t0(), &rules);
    let token = requested
        .state
        .confirm_code(&account, &mailed(&requested), t0(), &rules)
        .outcome
        .unwrap()
        .unwrap();
    let account = account.remember(token.record);
    let again = account.login(
        ADMIN_PASSWORD,
        Some(token.token.expose()),
        vec![],
        t0() + days(1),
        &rules,
    );
    assert_eq!(again.outcome.unwrap().step(), AdminStep::PrivacyNotice);
    let forged = account.login(
        ADMIN_PASSWORD,
        Some("0000.forged"),
        vec![],
        t0() + days(1),
        &rules,
    );
    assert_eq!(forged.outcome.unwrap().step(), AdminStep::SecondFactor);
    let lifetime = days(i64::from(rules.policy().session.device_token_lifetime_days));
    let expired = account.login(
        ADMIN_PASSWORD,
        Some(token.token.expose()),
        vec![],
        t0() + lifetime,
        &rules,
    );
    assert_eq!(expired.outcome.unwrap().step(), AdminStep::SecondFactor);
    assert!(
        expired.state.devices().is_empty(),
        "expired records are dropped"
    );
}

#[test]
fn a2_continuing_without_extended_rights_remembers_nothing() {
    let rules = rules("centrexx");
    let session = session_at_second_factor(&rules)
        .continue_without_extended_rights()
        .unwrap();
    assert!(!session.has_extended_rights());
    assert_eq!(session.step(), AdminStep::PrivacyNotice);
}

#[test]
fn a3_extended_rights_can_be_requested_later_in_the_main_menu() {
    let rules = rules("centrexx");
    let menu = session_at_second_factor(&rules)
        .continue_without_extended_rights()
        .and_then(|s| s.confirm_privacy_notice())
        .unwrap();
    let actor = menu.actor().unwrap();
    assert!(authorize(&actor, &Action::ViewStatistics).is_err());
    let requested = menu.request_code(&admin(&rules), Some("a@b.de"), t0(), &rules);
    let granted = requested
        .state
        .confirm_code(&admin(&rules), &mailed(&requested), t0(), &rules);
    assert!(
        granted.outcome.unwrap().is_none(),
        "no new device token outside the 2FA step"
    );
    assert!(authorize(&granted.state.0.actor().unwrap(), &Action::ViewStatistics).is_ok());
}

#[test]
fn a4_p7_privacy_notice_every_login_then_the_default_pin_list() {
    let rules = rules("centrexx");
    let with_list = admin(&rules)
        .login(
            ADMIN_PASSWORD,
            None,
            vec![digits("10"), digits("12")],
            t0(),
            &rules,
        )
        .outcome
        .unwrap();
    assert_eq!(
        with_list.confirm_privacy_notice(),
        Err(LoginError::StepOutOfOrder),
        "2FA comes first"
    );
    let notice = with_list.continue_without_extended_rights().unwrap();
    assert!(notice.actor().is_none(), "no powers before the main menu");
    let list = notice.confirm_privacy_notice().unwrap();
    assert_eq!(list.step(), AdminStep::DefaultPins);
    assert_eq!(list.default_pin_extensions(), [digits("10"), digits("12")]);
    assert_eq!(
        list.acknowledge_default_pins().unwrap().step(),
        AdminStep::MainMenu
    );
    let without = session_at_second_factor(&rules)
        .continue_without_extended_rights()
        .unwrap();
    assert_eq!(
        without.confirm_privacy_notice().unwrap().step(),
        AdminStep::MainMenu,
        "no list, no step"
    );
}

#[test]
fn p7_the_list_comes_from_the_accounts_still_on_the_default_pin() {
    let rules = rules("centrexx");
    let admin_actor = pbx_rules::Actor::Admin {
        extended_rights: false,
    };
    let accounts = [
        extension("10", &rules),
        extension("11", &rules)
            .set_pin_by_admin(&admin_actor, "4711", "4711", t0(), &rules)
            .state,
        extension("12", &rules),
    ];
    let list: Vec<_> = accounts
        .iter()
        .filter(|a| a.has_default_pin())
        .map(|a| a.extension().clone())
        .collect();
    assert_eq!(list, [digits("10"), digits("12")]);
}

#[test]
fn k3_k5_password_change_takes_effect_after_the_delay() {
    let rules = rules("centrexx");
    let account = admin(&rules);
    let pbx = pbx();
    let ctx = PasswordContext::for_pbx(&pbx, false);
    assert_eq!(ctx.head_number.as_deref(), Some("+496131624680"), "K4");
    let new = "Segelboot Blaubeere 42?";
    let wrong_old = account.change_password(
        ChangeForm {
            old: "x",
            new,
            confirmation: new,
        },
        &ctx,
        t0(),
        &rules,
    );
    assert_eq!(code(&wrong_old), "PASSWORD_OLD_WRONG");
    let changed = account.change_password(
        ChangeForm {
            old: ADMIN_PASSWORD,
            new,
            confirmation: new,
        },
        &ctx,
        t0(),
        &rules,
    );
    let effective_at = changed.outcome.as_ref().unwrap().effective_at;
    assert_eq!(
        effective_at,
        t0() + rules.policy().password.propagation_delay()
    );
    let during = changed.state.login(
        new,
        None,
        vec![],
        effective_at - TimeDelta::seconds(1),
        &rules,
    );
    assert_eq!(code(&during), "LOGIN_PASSWORD_PENDING");
    assert!(
        changed
            .state
            .login(new, None, vec![], effective_at, &rules)
            .outcome
            .is_ok()
    );
    assert_eq!(
        code(
            &changed
                .state
                .login(ADMIN_PASSWORD, None, vec![], effective_at, &rules)
        ),
        "LOGIN_WRONG_CREDENTIALS"
    );
}

#[test]
fn g5_admin_password_allowance_locks() {
    let rules = rules("centrexx");
    let mut account = admin(&rules);
    let allowance = rules.password_allowance();
    let mut now = t0();
    for _ in 0..allowance {
        account = account
            .login("wrong wrong wrong", None, vec![], now, &rules)
            .state;
        now += TimeDelta::hours(1);
    }
    assert_eq!(
        code(&account.login(ADMIN_PASSWORD, None, vec![], now, &rules)),
        "LOGIN_THROTTLE_LOCKED"
    );
}

#[test]
fn session_state_round_trips_through_serde() {
    let rules = rules("centrexx");
    let session = session_at_second_factor(&rules)
        .request_code(&admin(&rules), Some("a@b.de"), t0(), &rules)
        .state;
    let json = serde_json::to_string(&session).unwrap();
    assert_eq!(
        serde_json::from_str::<AdminSession>(&json).unwrap(),
        session
    );
}

// S7: no code is mailed while the account cannot accept one: once wrong codes over several
// logins have used up the account's allowance (F7), a request is refused and mails nothing.
#[test]
fn s7_no_code_is_mailed_while_the_accounts_code_lock_is_active() {
    let rules = rules("centrexx");
    let mut account = admin(&rules);
    let mut now = t0();
    while i64::from(account.failed_codes())
        < i64::from(rules.policy().second_factor.account_allowance)
    {
        let login = account.login(ADMIN_PASSWORD, None, vec![], now, &rules);
        account = login.state;
        let session = login.outcome.unwrap();
        let requested = session.request_code(&account, Some("a@b.de"), now, &rules);
        assert_eq!(
            requested.effects.len(),
            1,
            "mailed while the account accepts codes"
        );
        (_, account) = requested
            .state
            .confirm_code(&account, "000000x", now, &rules)
            .state;
        now += TimeDelta::hours(1);
    }
    let session = account
        .login(ADMIN_PASSWORD, None, vec![], now, &rules)
        .outcome
        .unwrap();
    let d = session.request_code(&account, Some("a@b.de"), now, &rules);
    assert_eq!(code(&d), "LOGIN_THROTTLE_LOCKED");
    assert!(
        d.effects.is_empty(),
        "a code was mailed that cannot be accepted"
    );
    assert_eq!(d.state, session, "nothing stored");
}

// S7: while the account's code throttle waits past a code's lifetime, no code is mailed;
// a wait that ends within the lifetime lets the code go out.
#[test]
fn s7_no_code_is_mailed_that_expires_before_the_throttle_allows_a_try() {
    let mut policy = pbx_rules::Policy::centrexx();
    policy.hashing.m_cost_kib = 64;
    policy.hashing.t_cost = 1;
    policy.second_factor.code_lifetime_secs = 60;
    policy.throttle.free_failures = 0;
    policy.throttle.first_delay_secs = 120;
    let rules = Rules::new(policy).unwrap();
    let account = admin(&rules);
    let login = account.login(ADMIN_PASSWORD, None, vec![], t0(), &rules);
    let (account, session) = (login.state, login.outcome.unwrap());
    let requested = session.request_code(&account, Some("a@b.de"), t0(), &rules);
    let (session, account) = requested
        .state
        .confirm_code(&account, "000000x", t0(), &rules)
        .state;
    assert_eq!(account.failed_codes(), 1);
    // The next try is allowed 120 s after the failure; a code mailed now lives 60 s.
    let now = t0() + TimeDelta::seconds(30);
    let refused = session.request_code(&account, Some("a@b.de"), now, &rules);
    assert_eq!(code(&refused), "LOGIN_THROTTLED");
    assert!(refused.effects.is_empty());
    let later = t0() + TimeDelta::seconds(90);
    let mailed_now = session.request_code(&account, Some("a@b.de"), later, &rules);
    assert_eq!(code(&mailed_now), "OK");
    assert_eq!(mailed_now.effects.len(), 1);
}
