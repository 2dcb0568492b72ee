//! F6: no panic from stored state, `now` or a policy. Times at chrono's end, policy values
//! at their type's end, and hasher lengths that cannot be allocated all end in a decision
//! or a typed error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::*;
use pbx_rules::{
    Actor, AdminAccount, AdminSession, ChangeForm, ExtensionAccount, HashError, HashPolicy, Hasher,
    Localized, PasswordContext, PinContext, Policy, PolicyError, Rules, forgot_password,
    forgot_pin,
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Value, json};

/// The last second chrono can represent, as serde writes it.
const END_OF_TIME: &str = "+262142-12-31T23:59:59Z";

fn end_of_time() -> DateTime<Utc> {
    DateTime::<Utc>::MAX_UTC - TimeDelta::nanoseconds(999_999_999)
}

/// `value` with its JSON changed by `edit`, read back as stored state is.
fn edited<T: Serialize + DeserializeOwned>(value: &T, edit: impl FnOnce(&mut Value)) -> T {
    let mut json = serde_json::to_value(value).unwrap();
    edit(&mut json);
    serde_json::from_value(json).expect("serde accepts the edited state")
}

fn form<'a>(old: &'a str, new: &'a str) -> ChangeForm<'a> {
    ChangeForm {
        old,
        new,
        confirmation: new,
    }
}

/// Runs every lifecycle operation on the given state at `now`; none may panic.
fn every_operation(
    ext: &ExtensionAccount,
    admin: &AdminAccount,
    session: &AdminSession,
    now: DateTime<Utc>,
    rules: &Rules,
) {
    let user = Actor::User {
        extension: digits("10"),
    };
    let boss = Actor::Admin {
        extended_rights: true,
    };
    let _ = ext.login("0000", now, rules);
    let _ = ext.mobile_login(&master("10"), "4711", now, rules);
    let _ = ext.change_pin(
        &user,
        form("0000", "5823"),
        &PinContext::default(),
        now,
        rules,
    );
    let _ = ext.set_pin_by_admin(&boss, "4711", "4711", now, rules);
    let _ = ext.is_locked(now, rules);
    let _ = ext.change_deadline(rules);
    let _ = forgot_pin(&pbx(), Some((&master("10"), ext)), now, rules);
    let _ = admin.login(ADMIN_PASSWORD, None, vec![], now, rules);
    let new = "Segelboot Blaubeere Nordwind 42";
    let _ = admin.change_password(
        form(ADMIN_PASSWORD, new),
        &PasswordContext::default(),
        now,
        rules,
    );
    let _ = forgot_password("06131 62468-0", Some((&pbx(), admin)), now, rules);
    let requested = session.request_code(admin, Some("admin@beispiel.de"), now, rules);
    let _ = requested.state.confirm_code(admin, "123456", now, rules);
    let _ = session.confirm_code(admin, "123456", now, rules);
}

// F6: a PIN set at the end of time, with the change window still open (P5).
#[test]
fn f6_pin_set_at_the_end_of_time_does_not_panic() {
    let rules = rules("centrexx");
    let ext = edited(&extension("10", &rules), |j| {
        j["pin_set_at"] = json!(END_OF_TIME);
    });
    assert_eq!(ext.change_deadline(&rules), Some(DateTime::<Utc>::MAX_UTC));
    assert!(
        !ext.is_locked(t0(), &rules),
        "a deadline after the end of time never passes"
    );
    let login = ext.login("0000", t0(), &rules);
    assert!(login.outcome.is_ok());
}

// F6: a failure at the end of time throttles until the end of time, as a lock would.
#[test]
fn f6_last_failure_at_the_end_of_time_reads_as_locked() {
    let rules = rules("centrexx");
    let ext = edited(&extension("10", &rules), |j| {
        j["throttle"] = json!({ "failures": 5, "last_failure": END_OF_TIME });
    });
    let login = ext.login("0000", end_of_time(), &rules);
    assert_eq!(
        login.outcome.unwrap_err().code(),
        "LOGIN_THROTTLED",
        "retry only after the end of time"
    );
    assert_eq!(
        login.state.failed_logins(),
        5,
        "a refused try is not counted"
    );
}

// F6: a code issued at the end of time has no representable expiry; it reads as expired.
#[test]
fn f6_code_issued_at_the_end_of_time_is_expired() {
    let rules = rules("centrexx");
    let account = admin(&rules);
    let session = account
        .login(ADMIN_PASSWORD, None, vec![], t0(), &rules)
        .outcome
        .unwrap();
    let requested =
        session.request_code(&account, Some("admin@beispiel.de"), end_of_time(), &rules);
    let confirm = requested
        .state
        .confirm_code(&account, "123456", end_of_time(), &rules);
    assert_eq!(confirm.outcome.unwrap_err().code(), "LOGIN_CODE_EXPIRED");
}

// F6: every operation at chrono's last second, on fresh and on far-future state.
#[test]
fn f6_every_operation_at_the_end_of_time() {
    for preset in ["centrexx", "strict"] {
        let rules = rules(preset);
        let ext = extension("10", &rules);
        let admin = admin(&rules);
        let session = admin
            .login(ADMIN_PASSWORD, None, vec![], t0(), &rules)
            .outcome
            .unwrap();
        for now in [end_of_time(), DateTime::<Utc>::MIN_UTC, t0()] {
            every_operation(&ext, &admin, &session, now, &rules);
        }
        let far_ext = edited(&ext, |j| {
            j["pin_set_at"] = json!(END_OF_TIME);
            j["pin_origin"] = json!("admin");
            j["throttle"] = json!({ "failures": 4, "last_failure": END_OF_TIME });
        });
        let far_admin = edited(&admin, |j| {
            j["effective_at"] = json!(END_OF_TIME);
            j["throttle"] = json!({ "failures": 4, "last_failure": END_OF_TIME });
        });
        for now in [end_of_time(), t0()] {
            every_operation(&far_ext, &far_admin, &session, now, &rules);
        }
    }
}

// F6: a propagation delay from the end of time never ends (the safe reading: pending).
#[test]
fn f6_password_change_at_the_end_of_time_stays_pending() {
    let rules = rules("centrexx");
    let admin = admin(&rules);
    let new = "Segelboot Blaubeere Nordwind 42";
    let changed = admin.change_password(
        form(ADMIN_PASSWORD, new),
        &PasswordContext::default(),
        end_of_time(),
        &rules,
    );
    assert_eq!(
        changed.outcome.unwrap().effective_at,
        DateTime::<Utc>::MAX_UTC
    );
}

/// The error `Rules::new` gives for the centrexx policy changed by `edit`.
fn refused(edit: impl FnOnce(&mut Policy)) -> PolicyError {
    let mut policy = Policy::centrexx();
    edit(&mut policy);
    Rules::new(policy).expect_err("out of bounds")
}

// F6: the policy values the review named, and one of each kind of violation.
#[test]
fn f6_policy_out_of_bounds_is_a_typed_error_naming_the_field() {
    let cases: [(PolicyError, &str, &str); 8] = [
        (
            refused(|p| p.pin.change_window_days = i32::MAX),
            "POLICY_OUT_OF_RANGE",
            "pin.change_window_days",
        ),
        (
            refused(|p| p.hashing.salt_len = usize::MAX),
            "POLICY_OUT_OF_RANGE",
            "hashing.salt_len",
        ),
        (
            refused(|p| p.hashing.output_len = usize::MAX),
            "POLICY_OUT_OF_RANGE",
            "hashing.output_len",
        ),
        (
            refused(|p| p.session.device_token_lifetime_days = i32::MAX),
            "POLICY_OUT_OF_RANGE",
            "session.device_token_lifetime_days",
        ),
        (
            refused(|p| p.password.propagation_delay_secs = i32::MAX),
            "POLICY_OUT_OF_RANGE",
            "password.propagation_delay_secs",
        ),
        (
            refused(|p| p.pin.min_len = 12),
            "POLICY_MIN_ABOVE_MAX",
            "pin.min_len",
        ),
        (
            refused(|p| p.pin.default_pin = Some("00a0".into())),
            "POLICY_INVALID_PIN",
            "pin.default_pin",
        ),
        (
            refused(|p| p.numbers.default_region = "XX".into()),
            "POLICY_UNKNOWN_REGION",
            "numbers.default_region",
        ),
    ];
    for (err, code, field) in cases {
        assert_eq!(err.code(), code, "{field}");
        assert!(err.to_string().contains(field), "{err}");
        assert!(err.message(pbx_rules::Lang::De).contains(field), "{err}");
    }
    assert_eq!(PolicyError::CODES.len(), 5);
}

/// A policy field by name, how to set it, and its inclusive bounds.
type BoundedField = (&'static str, fn(&mut Policy, i32), i32, i32);

// F6 with F3, F7, P10, G11: the policy fields the hardening added are bounded too,
// inclusively. Where a field's bound meets a relation to another field (S4), the setter
// moves the other field out of the way, so each case tests its own field's bounds.
#[test]
fn f6_hardening_fields_are_bounded() {
    let cases: [BoundedField; 6] = [
        (
            "recovery.requests_per_hour",
            |p, v| {
                p.recovery.requests_per_hour = v;
                p.password.propagation_delay_secs = 0;
            },
            1,
            60,
        ),
        (
            "recovery.mailed_secret_lifetime_secs",
            |p, v| {
                p.recovery.mailed_secret_lifetime_secs = v;
                p.throttle.max_delay_secs = 0;
                p.throttle.first_delay_secs = 0;
            },
            300,
            604_800,
        ),
        (
            "session.idle_timeout_secs",
            |p, v| {
                p.session.idle_timeout_secs = v;
                p.session.absolute_timeout_secs = 2_592_000;
            },
            60,
            86_400,
        ),
        (
            "session.absolute_timeout_secs",
            |p, v| {
                p.session.absolute_timeout_secs = v;
                p.session.idle_timeout_secs = 60;
                p.second_factor.code_lifetime_secs = 60;
            },
            300,
            2_592_000,
        ),
        (
            "pin.propagation_delay_secs",
            |p, v| p.pin.propagation_delay_secs = v,
            0,
            3_600,
        ),
        (
            "second_factor.account_allowance",
            |p, v| {
                p.second_factor.account_allowance = v;
                p.session.max_code_failures = 1;
            },
            1,
            100,
        ),
    ];
    for (field, set, min, max) in cases {
        for ok in [min, max] {
            let mut policy = Policy::centrexx();
            set(&mut policy, ok);
            assert!(Rules::new(policy).is_ok(), "{field} = {ok}");
        }
        let below = min.checked_sub(1).into_iter();
        for bad in below.chain([max + 1, i32::MAX, -1, i32::MIN]) {
            let mut policy = Policy::centrexx();
            set(&mut policy, bad);
            let err = Rules::new(policy).expect_err("out of bounds");
            assert_eq!(err.code(), "POLICY_OUT_OF_RANGE", "{field} = {bad}");
            assert!(err.to_string().contains(field), "{err}");
        }
    }
}

/// A change to a policy.
type PolicyEdit = fn(&mut Policy);

// F6: the counts, costs and delays are `i32` (Kotlin and Java read them as `int`); a
// negative one is out of range, also in the fields that were only checked against another
// (the PIN years, the first throttle delay).
#[test]
fn f6_negative_values_are_out_of_range() {
    let cases: [(PolicyEdit, &str); 6] = [
        (|p| p.pin.year_min = -1, "pin.year_min"),
        (|p| p.pin.year_max = -1, "pin.year_max"),
        (
            |p| p.throttle.first_delay_secs = -1,
            "throttle.first_delay_secs",
        ),
        (|p| p.pin.change_window_days = -1, "pin.change_window_days"),
        (|p| p.hashing.m_cost_kib = i32::MIN, "hashing.m_cost_kib"),
        (|p| p.throttle.free_failures = -1, "throttle.free_failures"),
    ];
    for (set, field) in cases {
        let err = refused(set);
        assert_eq!(err.code(), "POLICY_OUT_OF_RANGE", "{field}");
        assert!(err.to_string().contains(field), "{err}");
    }
}

// F6: the bounds are inclusive at both ends.
#[test]
fn f6_policy_bounds_are_inclusive() {
    let mut policy = Policy::centrexx();
    policy.pin.change_window_days = 3_650;
    policy.hashing.salt_len = 64;
    policy.hashing.output_len = 16;
    policy.hashing.m_cost_kib = 8;
    policy.throttle.hard_limit = 100;
    assert!(Rules::new(policy.clone()).is_ok());
    policy.pin.change_window_days = 3_651;
    assert_eq!(
        Rules::new(policy).unwrap_err(),
        PolicyError::OutOfRange {
            field: "pin.change_window_days",
            min: 1,
            max: 3_650
        }
    );
}

// F6: a hasher built from an unchecked policy refuses lengths it cannot allocate.
#[test]
fn f6_hasher_refuses_salt_and_output_lengths_out_of_bounds() {
    for (salt_len, output_len) in [(usize::MAX, 32), (16, usize::MAX), (0, 32), (16, 0)] {
        let mut policy = HashPolicy::centrexx();
        policy.m_cost_kib = 64;
        policy.t_cost = 1;
        policy.salt_len = salt_len;
        policy.output_len = output_len;
        assert_eq!(
            Hasher::new(policy).hash(b"4711"),
            Err(HashError::InvalidPolicy),
            "salt {salt_len}, output {output_len}"
        );
    }
}

/// The refusal of a policy that breaks one relation (S4), with its code and both fields.
fn conflict(edit: impl FnOnce(&mut Policy), code: &str, field: &str, other: &str) {
    let err = refused(edit);
    assert_eq!(err.code(), code, "{field} against {other}");
    for lang in [pbx_rules::Lang::En, pbx_rules::Lang::De] {
        let message = err.message(lang);
        assert!(
            message.contains(field) && message.contains(other),
            "{message}"
        );
    }
}

// S4: each relation between fields of different sections, broken alone on a preset that
// keeps every field within its own bounds; the presets themselves keep all of them.
#[test]
fn s4_fields_that_cannot_work_together_are_refused_naming_both() {
    conflict(
        |p| {
            p.password.propagation_delay_secs = 600;
            p.recovery.mailed_secret_lifetime_secs = 600;
        },
        "POLICY_FIELDS_CONFLICT",
        "password.propagation_delay_secs",
        "recovery.mailed_secret_lifetime_secs",
    );
    conflict(
        |p| {
            p.throttle.max_delay_secs = 900;
            p.recovery.mailed_secret_lifetime_secs = 900;
        },
        "POLICY_FIELDS_CONFLICT",
        "throttle.max_delay_secs",
        "recovery.mailed_secret_lifetime_secs",
    );
    conflict(
        |p| {
            p.recovery.requests_per_hour = 20;
            p.password.propagation_delay_secs = 180;
        },
        "POLICY_FIELDS_CONFLICT",
        "recovery.requests_per_hour × password.propagation_delay_secs",
        "one hour",
    );
    conflict(
        |p| {
            p.session.idle_timeout_secs = 7_200;
            p.session.absolute_timeout_secs = 3_600;
        },
        "POLICY_MIN_ABOVE_MAX",
        "session.idle_timeout_secs",
        "session.absolute_timeout_secs",
    );
    conflict(
        |p| {
            p.second_factor.code_lifetime_secs = 600;
            p.session.idle_timeout_secs = 60;
            p.session.absolute_timeout_secs = 300;
        },
        "POLICY_MIN_ABOVE_MAX",
        "second_factor.code_lifetime_secs",
        "session.absolute_timeout_secs",
    );
    conflict(
        |p| {
            p.session.max_code_failures = 8;
            p.second_factor.account_allowance = 5;
        },
        "POLICY_MIN_ABOVE_MAX",
        "session.max_code_failures",
        "second_factor.account_allowance",
    );
    conflict(
        |p| {
            p.second_factor.account_allowance = 30;
            p.throttle.hard_limit = 20;
            p.throttle.pin_allowance_at_min_len = 10;
            p.throttle.password_allowance = 20;
        },
        "POLICY_MIN_ABOVE_MAX",
        "second_factor.account_allowance",
        "throttle.hard_limit",
    );
}

// S4: each relation holds right at its edge (the strict relations one below, the others
// at equality), so the checks refuse exactly what cannot work.
#[test]
fn s4_relations_hold_at_their_edges() {
    let edges: [fn(&mut Policy); 5] = [
        |p| {
            p.password.propagation_delay_secs = 599;
            p.throttle.max_delay_secs = 599;
            p.recovery.mailed_secret_lifetime_secs = 600;
        },
        |p| {
            p.recovery.requests_per_hour = 19;
            p.password.propagation_delay_secs = 189;
        },
        |p| {
            p.session.idle_timeout_secs = 3_600;
            p.session.absolute_timeout_secs = 3_600;
        },
        |p| {
            p.session.max_code_failures = 5;
            p.second_factor.account_allowance = 5;
        },
        |p| {
            p.second_factor.account_allowance = 20;
            p.throttle.hard_limit = 20;
            p.throttle.pin_allowance_at_min_len = 10;
            p.throttle.password_allowance = 20;
        },
    ];
    for edit in edges {
        let mut policy = Policy::centrexx();
        edit(&mut policy);
        assert_eq!(policy.validate(), Ok(()), "{policy:?}");
    }
}
