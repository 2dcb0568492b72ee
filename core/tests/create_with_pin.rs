//! P4, P5, P1: a new extension's account with a PIN the admin chose, in one argon2 hash
//! (`ExtensionAccount::create_with_pin`), against what `create` followed by
//! `set_pin_by_admin` leaves. The hashes are counted exactly (feature `instrument`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use common::*;
use pbx_rules::{
    Actor, Error, ExtensionAccount, Localized, PinError, PinOrigin, UserLogin, hash_evaluations,
};

/// The argon2 evaluations `run` spends, and what it returns.
fn counted<T>(run: impl FnOnce() -> T) -> (u64, T) {
    let before = hash_evaluations();
    let out = run();
    (hash_evaluations() - before, out)
}

// P4: one hash, where creating with the default PIN and then setting the admin's costs two.
#[test]
fn p4_create_with_pin_hashes_once() {
    for preset in ["centrexx", "strict"] {
        let rules = rules(preset);
        let (n, created) =
            counted(|| ExtensionAccount::create_with_pin(digits("10"), "583920", t0(), &rules));
        assert_eq!(n, 1, "{preset}");
        assert!(created.unwrap().initial_pin.is_none(), "{preset}");

        let (two, _) = counted(|| {
            let account = extension("10", &rules);
            account.set_pin_by_admin(
                &Actor::Admin {
                    extended_rights: false,
                },
                "583920",
                "583920",
                t0(),
                &rules,
            )
        });
        assert_eq!(two, 2, "{preset}: the two-step way this replaces");
    }
}

// P4, P5, P6: the state is the one the two steps leave, but for the revision and the session
// epoch, which start at 0 for a new account: admin-set origin, window from `now`, must change.
#[test]
fn p5_counts_as_admin_set() {
    let rules = rules("centrexx");
    let account = ExtensionAccount::create_with_pin(digits("10"), "583920", t0(), &rules)
        .unwrap()
        .account;
    let two_steps = extension("10", &rules)
        .set_pin_by_admin(
            &Actor::Admin {
                extended_rights: false,
            },
            "583920",
            "583920",
            t0(),
            &rules,
        )
        .state;
    let (view, expected) = (account.view(t0(), &rules), two_steps.view(t0(), &rules));
    assert_eq!(view.revision, 0);
    assert_eq!(expected.revision, 1);
    assert_eq!(view.pin_origin, PinOrigin::Admin);
    assert!(view.must_change_pin && !view.has_default_pin && !view.is_locked);
    assert_eq!(view.change_deadline, Some(t0() + days(42)));
    assert_eq!(
        (
            view.pin_set_at,
            view.change_deadline,
            view.pin_origin,
            view.must_change_pin
        ),
        (
            expected.pin_set_at,
            expected.change_deadline,
            expected.pin_origin,
            expected.must_change_pin
        )
    );

    // The PIN logs in, into the change step only (P6); the default PIN does not.
    let login = account.login("583920", t0(), &rules);
    assert!(matches!(
        login.outcome,
        Ok(UserLogin::MustChangePin { deadline, .. }) if deadline == t0() + days(42)
    ));
    assert_eq!(
        code(&account.login("0000", t0(), &rules)),
        "LOGIN_WRONG_CREDENTIALS"
    );

    // Past the window the user login is locked (P5).
    assert!(account.is_locked(t0() + days(42), &rules));
    assert!(!account.is_locked(t0() + days(41), &rules));
}

// P1: refused like an admin-set PIN, before any hashing.
#[test]
fn p1_refuses_a_bad_pin_without_hashing() {
    let rules = rules("centrexx");
    for (pin, want) in [
        ("12", PinError::TooShort { min: 4 }),
        ("12345678901", PinError::TooLong { max: 10 }),
        ("12a4", PinError::NotDigits),
        ("", PinError::TooShort { min: 4 }),
    ] {
        let (n, out) =
            counted(|| ExtensionAccount::create_with_pin(digits("10"), pin, t0(), &rules));
        assert_eq!(n, 0, "{pin:?}");
        match out {
            Err(Error::Pin(e)) => assert_eq!(e.code(), want.code(), "{pin:?}"),
            other => panic!("{pin:?}: {other:?}"),
        }
    }
}

// P4, P7: the admin may choose the default PIN, as with `set_pin_by_admin`; it then shows as
// the default.
#[test]
fn p7_the_default_pin_is_allowed_and_shows() {
    let rules = rules("centrexx");
    let account = ExtensionAccount::create_with_pin(digits("10"), "0000", t0(), &rules)
        .unwrap()
        .account;
    let view = account.view(t0(), &rules);
    assert!(view.has_default_pin && view.must_change_pin);
    assert_eq!(view.pin_origin, PinOrigin::Admin);
}
