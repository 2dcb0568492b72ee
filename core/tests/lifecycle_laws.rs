//! Laws of the account lifecycle over random sequences of operations (P4, P5, G1, G5, and
//! F2, F3, I5 of issue 10).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use chrono::TimeDelta;
use common::*;
use pbx_rules::{Actor, ChangeForm, ExtensionAccount, PinContext, forgot_pin};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Wait(i64),
    Login(&'static str),
    UserChange(&'static str, &'static str),
    AdminSet(&'static str),
    UserTriesAdminSet(&'static str),
    OtherUserChange(&'static str, &'static str),
    ForgotPin,
}

const PINS: [&str; 5] = ["0000", "4711", "2580", "8642", "9999"];

fn op() -> impl Strategy<Value = Op> {
    let pin = prop::sample::select(PINS.to_vec());
    // Weighted so that sequences often reach a lock: long waits (P5) and wrong PINs (G5).
    prop_oneof![
        4 => (0i64..30 * 24).prop_map(Op::Wait),
        4 => pin.clone().prop_map(Op::Login),
        1 => (pin.clone(), pin.clone()).prop_map(|(a, b)| Op::UserChange(a, b)),
        1 => pin.clone().prop_map(Op::AdminSet),
        1 => pin.clone().prop_map(Op::UserTriesAdminSet),
        1 => (pin.clone(), pin).prop_map(|(a, b)| Op::OtherUserChange(a, b)),
        1 => Just(Op::ForgotPin),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn lifecycle_laws_hold_for_any_sequence(ops in prop::collection::vec(op(), 1..40)) {
        let rules = rules("centrexx");
        let (pbx, master) = (pbx(), master("10"));
        let admin = Actor::Admin { extended_rights: false };
        let user = Actor::User { extension: digits("10") };
        let other = Actor::User { extension: digits("11") };
        let ctx = PinContext::default();
        let mut account = extension("10", &rules);
        let mut now = t0();
        for op in ops {
            let locked_before = account.is_locked(now, &rules);
            let (next, by_admin) = match op {
                Op::Wait(hours) => { now += TimeDelta::hours(hours); continue; }
                Op::Login(pin) => (account.login(pin, now, &rules).state, false),
                Op::UserChange(old, new) => {
                    let form = ChangeForm { old, new, confirmation: new };
                    (account.change_pin(&user, form, &ctx, now, &rules).state, false)
                }
                Op::AdminSet(pin) => (account.set_pin_by_admin(&admin, pin, pin, now, &rules).state, true),
                Op::UserTriesAdminSet(pin) => {
                    // No sequence gives a user the admin's powers.
                    let d = account.set_pin_by_admin(&user, pin, pin, now, &rules);
                    prop_assert!(d.outcome.is_err() && d.effects.is_empty());
                    prop_assert_eq!(&d.state, &account);
                    continue;
                }
                Op::OtherUserChange(old, new) => {
                    let d = account.change_pin(&other, ChangeForm { old, new, confirmation: new }, &ctx, now, &rules);
                    prop_assert!(d.outcome.is_err());
                    prop_assert_eq!(&d.state, &account);
                    continue;
                }
                Op::ForgotPin => (forgot_pin(&pbx, Some((&master, &account)), now, &rules).state.unwrap(), false),
            };
            // A locked extension is unlocked only by an admin setting a PIN (P5, G5).
            if locked_before && !by_admin {
                prop_assert!(next.is_locked(now, &rules), "{op:?} unlocked without the admin");
            }
            // F2, F3: a recovery request keeps the working PIN and the failure count.
            if matches!(op, Op::ForgotPin) {
                prop_assert_eq!(next.pin_hash(), account.pin_hash());
                prop_assert_eq!(next.failed_logins(), account.failed_logins());
            }
            // I5: every change, and only a change, moves the revision on by one.
            let step = u64::from(next != account);
            prop_assert_eq!(next.revision(), account.revision() + step);
            // State always round-trips through serde (G1: the host stores it anywhere).
            let json = serde_json::to_string(&next).unwrap();
            prop_assert_eq!(&serde_json::from_str::<ExtensionAccount>(&json).unwrap(), &next);
            account = next;
        }
    }
}
