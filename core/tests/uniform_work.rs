//! S2, G10: under uniform answers every login path does the same work and gives the same
//! answer, whether the identifier is unknown, the secret wrong, right or far too long, the
//! account throttled or locked, or a mailed secret waiting. The work is counted exactly, as
//! argon2 evaluations on this thread (feature `instrument`); `uniform_timing.rs` shows their
//! time in a release build.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::*;
use pbx_rules::{
    AdminAccount, Decision, ExtensionAccount, Rules, forgot_password, forgot_pin, hash_evaluations,
};

/// The argon2 evaluations `run` spends, and the code it answers.
fn counted<S, T>(run: impl FnOnce() -> Decision<S, T>) -> (u64, &'static str) {
    let before = hash_evaluations();
    let d = run();
    (hash_evaluations() - before, code(&d))
}

/// What a host does for an identifier that names no account: one `dummy_verify`, "wrong".
fn unknown(rules: &Rules, typed: &str) -> (u64, &'static str) {
    let before = hash_evaluations();
    rules.dummy_verify(typed);
    (hash_evaluations() - before, "LOGIN_WRONG_CREDENTIALS")
}

/// The user account in every state a login can meet, with the time to meet it at.
fn user_states(rules: &Rules) -> Vec<(&'static str, ExtensionAccount, DateTime<Utc>)> {
    let account = extension("10", rules);
    let mut throttled = account.clone();
    for _ in 0..=rules.policy().throttle.free_failures {
        throttled = throttled.login("99999999", t0(), rules).state;
    }
    let mut locked = account.clone();
    let mut late = t0();
    while !locked.is_locked(late, rules) {
        locked = locked.login("99999999", late, rules).state;
        late += TimeDelta::hours(1);
    }
    let asked = forgot_pin(&pbx(), Some((&master("10"), &account)), t0(), rules);
    vec![
        ("known", account, t0()),
        ("throttled", throttled, t0()),
        ("locked", locked, late),
        ("mailed PIN waiting", asked.state.unwrap(), t0()),
    ]
}

// S2: one evaluation on every user-login path; under strict every refusal an attacker can
// see is the one an unknown identifier gets.
#[test]
fn s2_every_user_login_path_costs_one_evaluation() {
    for preset in ["centrexx", "strict"] {
        let rules = rules(preset);
        let long = "7".repeat(100);
        let mut answers = vec![unknown(&rules, "99999999")];
        for (state, account, at) in user_states(&rules) {
            for typed in ["99999999", long.as_str()] {
                let (n, code) = counted(|| account.login(typed, at, &rules));
                assert_eq!(n, 1, "{preset}: {state}, {} characters", typed.len());
                answers.push((n, code));
            }
        }
        if preset == "strict" {
            assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
        }
    }
    // The right PIN costs the same one evaluation.
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let (n, code) = counted(|| account.login("0000", t0(), &rules));
    assert_eq!((n, code), (1, "OK"));
}

/// The admin account in every state a login can meet, with the time to meet it at.
fn admin_states(rules: &Rules) -> Vec<(&'static str, AdminAccount, DateTime<Utc>)> {
    let account = admin(rules);
    let wrong = "wrong password typed";
    let mut throttled = account.clone();
    for _ in 0..=rules.policy().throttle.free_failures {
        throttled = throttled.login(wrong, None, vec![], t0(), rules).state;
    }
    let mut locked = account.clone();
    let mut late = t0();
    while !locked.is_locked(rules) {
        locked = locked.login(wrong, None, vec![], late, rules).state;
        late += TimeDelta::hours(1);
    }
    let asked = forgot_password("06131-624680", Some((&pbx(), &account)), t0(), rules);
    vec![
        ("known", account, t0()),
        ("throttled", throttled, t0()),
        ("locked", locked, late),
        ("mailed password waiting", asked.state.unwrap(), t0()),
    ]
}

// S2: one evaluation on every admin-login path (a remembered browser costs none: its token
// is checked with BLAKE2b); under strict every refusal an attacker can see is the one an
// unknown head number gets.
#[test]
fn s2_every_admin_login_path_costs_one_evaluation() {
    for preset in ["centrexx", "strict"] {
        let rules = rules(preset);
        let huge = "x".repeat(10_000);
        let wrong = "wrong password typed";
        let mut answers = vec![unknown(&rules, wrong)];
        for (state, account, at) in admin_states(&rules) {
            for typed in [wrong, huge.as_str()] {
                let (n, code) = counted(|| account.login(typed, None, vec![], at, &rules));
                assert_eq!(n, 1, "{preset}: {state}, {} characters", typed.len());
                answers.push((n, code));
            }
        }
        if preset == "strict" {
            assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
        }
        let account = admin(&rules);
        let (n, code) = counted(|| account.login(ADMIN_PASSWORD, None, vec![], t0(), &rules));
        assert_eq!((n, code), (1, "OK"), "{preset}");
    }
}

// G10: under strict every recovery path costs one evaluation and answers "OK"; under
// centrexx a granted request costs one and the named refusals none.
#[test]
fn g10_every_recovery_path_costs_one_evaluation_under_strict() {
    let rules = rules("strict");
    let account = extension("10", &rules);
    let mut no_email = master("10");
    no_email.email = None;
    let late = t0() + TimeDelta::days(60);
    let paths: [(&str, u64, &'static str); 4] = [
        (
            "known",
            counted(|| forgot_pin(&pbx(), Some((&master("10"), &account)), t0(), &rules)).0,
            "OK",
        ),
        (
            "unknown",
            counted(|| forgot_pin(&pbx(), None, t0(), &rules)).0,
            "OK",
        ),
        (
            "locked",
            counted(|| forgot_pin(&pbx(), Some((&master("10"), &account)), late, &rules)).0,
            "OK",
        ),
        (
            "no e-mail",
            counted(|| forgot_pin(&pbx(), Some((&no_email, &account)), t0(), &rules)).0,
            "OK",
        ),
    ];
    for (path, n, _) in paths {
        assert_eq!(n, 1, "forgot PIN, {path}");
    }
    let admin = admin(&rules);
    for pbx_of in [Some((pbx(), admin.clone())), None] {
        let found = pbx_of.as_ref().map(|(p, a)| (p, a));
        let (n, code) = counted(|| forgot_password("06131-624680", found, t0(), &rules));
        assert_eq!((n, code), (1, "OK"));
    }
    let centrexx = common::rules("centrexx");
    let (n, code) = counted(|| forgot_pin(&pbx(), None, t0(), &centrexx));
    assert_eq!((n, code), (0, "RECOVERY_UNKNOWN_EXTENSION"));
}

// S2: a login from a remembered browser costs the same one evaluation: the token is 190
// random bits, compared through BLAKE2b, not argon2.
#[test]
fn s2_a_remembered_browser_costs_no_second_evaluation() {
    let rules = rules("strict");
    let account = admin(&rules);
    let login = account.login(ADMIN_PASSWORD, None, vec![], t0(), &rules);
    let (account, session) = (login.state, login.outcome.unwrap());
    let requested = session.request_code(&account, Some("a@b.de"), t0(), &rules);
    let confirmed = requested
        .state
        .confirm_code(&account, &mailed(&requested), t0(), &rules);
    let token = confirmed.outcome.unwrap().unwrap();
    let account = confirmed.state.1.remember(token.record);
    let cookie = token.token.expose().to_owned();
    let before = hash_evaluations();
    let d = account.login(ADMIN_PASSWORD, Some(&cookie), vec![], t0(), &rules);
    assert_eq!(hash_evaluations() - before, 1);
    assert_eq!(
        d.outcome.unwrap().step(),
        pbx_rules::AdminStep::PrivacyNotice
    );
}
