//! F5 (ASVS 6.3.8): under the strict preset a recovery request takes as long whether or not
//! the account exists, is locked, switched off or has no e-mail, and a login for an unknown
//! identifier can spend one verification's time (`Rules::dummy_verify`).
//!
//! Timing needs optimised code at the preset's real argon2 costs, so this runs only in
//! release builds: `cargo test -p pbx-rules --release --test recovery_timing` (a line of
//! `.ci/test-all`). Runs of the paths are interleaved so a noisy neighbour slows all alike.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::time::{Duration, Instant};

use common::{admin, days, digits, master, pbx, t0};
use pbx_rules::{ExtensionAccount, Rules, forgot_password, forgot_pin};

const RUNS: usize = 7;

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
        eprintln!("F5 {name}: median {d:?}, known/this = {ratio:.2}");
        assert!(
            (0.5..=2.0).contains(&ratio),
            "F5: {name} takes {d:?} against {:?} for a known account",
            medians[0].1
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
