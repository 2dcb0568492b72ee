//! G10 (ASVS 6.3.8): under the strict preset every login and recovery path takes as long as
//! any other: a recovery request whether or not the account exists, is locked, switched off
//! or has no e-mail (F5); a login whether the identifier is unknown (the host spends
//! `Rules::dummy_verify`), the secret wrong or right, the input far too long, the account
//! throttled or locked, or a mailed secret waiting (S2). The exact count of hash evaluations
//! per path is a law over random histories (`lifecycle_laws.rs`, L3); this file shows the
//! time those counts cost.
//!
//! Timing needs optimised code at the preset's real argon2 costs, so this runs only in
//! release builds: `cargo test -p pbx-rules --release --test uniform_timing` (a line of
//! `.ci/test-all`; `--nocapture` prints the table). Runs of the paths are interleaved so a
//! noisy neighbour slows all alike; each ratio to the first row must lie within 0.5–2.0.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::time::{Duration, Instant};

use chrono::TimeDelta;
use common::{ADMIN_PASSWORD, admin, days, digits, master, pbx, t0};
use pbx_rules::{ExtensionAccount, Rules, forgot_password, forgot_pin};

const RUNS: usize = 9;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Medians of each path, measured round-robin.
fn medians(paths: &[(&str, &dyn Fn())]) -> Vec<(String, Duration)> {
    let mut samples = vec![Vec::new(); paths.len()];
    for _ in 0..RUNS {
        for (i, (_, run)) in paths.iter().enumerate() {
            let start = Instant::now();
            run();
            samples[i].push(start.elapsed());
        }
    }
    paths
        .iter()
        .zip(samples)
        .map(|((name, _), s)| ((*name).to_owned(), median(s)))
        .collect()
}

fn assert_ratios(medians: &[(String, Duration)]) {
    let known = medians[0].1.as_secs_f64();
    for (name, d) in medians {
        let ratio = known / d.as_secs_f64();
        eprintln!("{name}: median {d:?}, first/this = {ratio:.2}");
        assert!(
            (0.5..=2.0).contains(&ratio),
            "G10: {name} takes {d:?} against {:?} for {}",
            medians[0].1,
            medians[0].0
        );
    }
}

#[test]
#[cfg_attr(debug_assertions, ignore = "timing needs a release build")]
fn f5_strict_forgot_pin_takes_as_long_on_every_path() {
    let rules = Rules::strict();
    let account = ExtensionAccount::create(digits("10"), t0(), &rules)
        .unwrap()
        .account;
    let ada = master("10");
    let mut no_email = master("10");
    no_email.email = None;
    let off = pbx()
        .set_self_service_pin_reset(
            &pbx_rules::Actor::Admin {
                extended_rights: false,
            },
            false,
        )
        .unwrap();
    let late = t0() + days(60);
    let (pbx, rules) = (&pbx(), &rules);
    let paths: [(&str, &dyn Fn()); 5] = [
        ("known", &|| {
            let _ = forgot_pin(pbx, Some((&ada, &account)), t0(), rules);
        }),
        ("unknown", &|| {
            let _ = forgot_pin(pbx, None, t0(), rules);
        }),
        ("locked", &|| {
            let _ = forgot_pin(pbx, Some((&ada, &account)), late, rules);
        }),
        ("switched off", &|| {
            let _ = forgot_pin(&off, Some((&ada, &account)), t0(), rules);
        }),
        ("no e-mail", &|| {
            let _ = forgot_pin(pbx, Some((&no_email, &account)), t0(), rules);
        }),
    ];
    assert_ratios(&medians(&paths));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "timing needs a release build")]
fn f5_strict_forgot_password_takes_as_long_on_every_path() {
    let rules = Rules::strict();
    let account = admin(&rules);
    let mut no_email = pbx();
    no_email.admin_email = None;
    let (pbx, rules) = (&pbx(), &rules);
    let paths: [(&str, &dyn Fn()); 3] = [
        ("known", &|| {
            let _ = forgot_password("06131-624680", Some((pbx, &account)), t0(), rules);
        }),
        ("unknown", &|| {
            let _ = forgot_password("06131-624680", None, t0(), rules);
        }),
        ("no e-mail", &|| {
            let _ = forgot_password("06131-624680", Some((&no_email, &account)), t0(), rules);
        }),
    ];
    assert_ratios(&medians(&paths));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "timing needs a release build")]
fn f5_dummy_verify_takes_as_long_as_a_login() {
    let rules = Rules::strict();
    let account = admin(&rules);
    let rules = &rules;
    let paths: [(&str, &dyn Fn()); 2] = [
        ("login of a known admin", &|| {
            let _ = account.login("wrong password typed", None, vec![], t0(), rules);
        }),
        ("dummy_verify", &|| {
            rules.dummy_verify("wrong password typed")
        }),
    ];
    assert_ratios(&medians(&paths));
}

/// A user login typed `typed` into `account` at `now`, result thrown away.
fn user(
    account: &ExtensionAccount,
    typed: &str,
    now: chrono::DateTime<chrono::Utc>,
    rules: &Rules,
) {
    let _ = account.login(typed, now, rules);
}

// S2: every user-login path under strict costs one verification, known account or not.
#[test]
#[cfg_attr(debug_assertions, ignore = "timing needs a release build")]
fn s2_strict_user_login_takes_as_long_on_every_path() {
    let rules = Rules::strict();
    let created = ExtensionAccount::create(digits("10"), t0(), &rules).unwrap();
    let pin = created.initial_pin.unwrap().expose().to_owned();
    let account = created.account;
    let mut throttled = account.clone();
    for _ in 0..=rules.policy().throttle.free_failures {
        throttled = throttled.login("99999999", t0(), &rules).state;
    }
    let mut locked = account.clone();
    let mut late = t0();
    while !locked.is_locked(late, &rules) {
        locked = locked.login("99999999", late, &rules).state;
        late += TimeDelta::hours(1);
    }
    let asked = forgot_pin(&pbx(), Some((&master("10"), &account)), t0(), &rules);
    let waiting = asked.state.unwrap();
    let long = "1".repeat(100);
    let r = &rules;
    let paths: [(&str, &dyn Fn()); 7] = [
        ("user: known, wrong PIN", &|| {
            user(&account, "99999999", t0(), r)
        }),
        ("user: unknown (dummy_verify)", &|| {
            r.dummy_verify("99999999")
        }),
        ("user: known, right PIN", &|| user(&account, &pin, t0(), r)),
        ("user: 100-digit input", &|| user(&account, &long, t0(), r)),
        ("user: throttled", &|| user(&throttled, "99999999", t0(), r)),
        ("user: locked", &|| user(&locked, "99999999", late, r)),
        ("user: mailed PIN waiting", &|| {
            user(&waiting, "99999999", t0(), r)
        }),
    ];
    assert_ratios(&medians(&paths));
}

/// An admin login typed `typed` into `account` at `now`, result thrown away.
fn admin_login(
    account: &pbx_rules::AdminAccount,
    typed: &str,
    now: chrono::DateTime<chrono::Utc>,
    rules: &Rules,
) {
    let _ = account.login(typed, None, vec![], now, rules);
}

// S2: every admin-login path under strict costs one verification, known account or not.
#[test]
#[cfg_attr(debug_assertions, ignore = "timing needs a release build")]
fn s2_strict_admin_login_takes_as_long_on_every_path() {
    let rules = Rules::strict();
    let account = admin(&rules);
    let wrong = "wrong password typed";
    let mut throttled = account.clone();
    for _ in 0..=rules.policy().throttle.free_failures {
        throttled = throttled.login(wrong, None, vec![], t0(), &rules).state;
    }
    let mut locked = account.clone();
    let mut late = t0();
    while !locked.is_locked(&rules) {
        locked = locked.login(wrong, None, vec![], late, &rules).state;
        late += TimeDelta::hours(1);
    }
    let asked = forgot_password("06131-624680", Some((&pbx(), &account)), t0(), &rules);
    let waiting = asked.state.unwrap();
    let huge = "x".repeat(10_000);
    let r = &rules;
    let paths: [(&str, &dyn Fn()); 7] = [
        ("admin: known, wrong password", &|| {
            admin_login(&account, wrong, t0(), r)
        }),
        ("admin: unknown (dummy_verify)", &|| r.dummy_verify(wrong)),
        ("admin: known, right password", &|| {
            admin_login(&account, ADMIN_PASSWORD, t0(), r)
        }),
        ("admin: 10,000-character input", &|| {
            admin_login(&account, &huge, t0(), r)
        }),
        ("admin: throttled", &|| {
            admin_login(&throttled, wrong, t0(), r)
        }),
        ("admin: locked", &|| admin_login(&locked, wrong, late, r)),
        ("admin: mailed password waiting", &|| {
            admin_login(&waiting, wrong, t0(), r)
        }),
    ];
    assert_ratios(&medians(&paths));
}
