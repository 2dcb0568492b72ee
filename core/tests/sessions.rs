//! Sessions end with the credential (G11): a login's stamp holds until the PIN or password
//! changes, is set or reset, the account locks or its window lapses, or the policy's idle
//! and absolute limits pass.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::*;
use pbx_rules::{
    AccountRef, Actor, AdminSession, ChangeForm, ExtensionAccount, Json, Localized, PinContext,
    Rules, SessionStamp, UserLogin, forgot_password, forgot_pin,
};

const ADMIN: Actor = Actor::Admin {
    extended_rights: false,
};

fn secs(s: i64) -> TimeDelta {
    TimeDelta::seconds(s)
}

/// The PIN `logged_in` gives the account; valid under both presets.
const OWN_PIN: &str = "47118259";

/// An account on a PIN of its own (no change window), and the session of a login after
/// the P10 delay.
fn logged_in(rules: &Rules) -> (ExtensionAccount, SessionStamp) {
    let set = extension("10", rules).set_pin_by_admin(&ADMIN, "25803691", "25803691", t0(), rules);
    let user = Actor::User {
        extension: digits("10"),
    };
    let form = ChangeForm {
        old: "25803691",
        new: OWN_PIN,
        confirmation: OWN_PIN,
    };
    let changed = set
        .state
        .change_pin(&user, form, &PinContext::default(), t0(), rules);
    let account = changed.state;
    let after_p10 = t0() + rules.policy().pin.propagation_delay();
    let login = account.login(OWN_PIN, after_p10, rules);
    let Ok(UserLogin::LoggedIn { session }) = login.outcome else {
        panic!("{:?}", login.outcome)
    };
    (login.state, session)
}

fn ended(result: Result<impl std::fmt::Debug, pbx_rules::SessionError>) -> &'static str {
    result.map_or_else(|e| e.code(), |_| "OK")
}

// G11: the idle limit counts from the last check; at one second before it the session goes
// on (and the check moves the limit on), at the limit it has ended.
#[test]
fn g11_idle_limit_at_its_edge() {
    let rules = rules("centrexx");
    let (account, stamp) = logged_in(&rules);
    let idle = rules.policy().session.idle_timeout();
    let just_before = stamp.last_seen_at + idle - secs(1);
    let seen = account.check_session(&stamp, just_before, &rules).unwrap();
    assert_eq!(seen.last_seen_at, just_before);
    assert_eq!((seen.opened_at, seen.epoch), (stamp.opened_at, stamp.epoch));
    assert_eq!(
        ended(account.check_session(&seen, just_before + idle - secs(1), &rules)),
        "OK"
    );
    let at_limit = stamp.last_seen_at + idle;
    assert_eq!(
        ended(account.check_session(&stamp, at_limit, &rules)),
        "SESSION_IDLE"
    );
}

// G11: the absolute limit counts from the login, however active the session.
#[test]
fn g11_absolute_limit_at_its_edge() {
    let rules = rules("strict");
    let (account, mut stamp) = logged_in(&rules);
    let absolute = rules.policy().session.absolute_timeout();
    let end = stamp.opened_at + absolute;
    let step = rules.policy().session.idle_timeout() - secs(1);
    while stamp.last_seen_at + step < end {
        stamp = account
            .check_session(&stamp, stamp.last_seen_at + step, &rules)
            .unwrap();
    }
    assert_eq!(
        ended(account.check_session(&stamp, end - secs(1), &rules)),
        "OK"
    );
    let error = account.check_session(&stamp, end, &rules).unwrap_err();
    assert_eq!(error, pbx_rules::SessionError::Expired { since: end });
}

// G11: every new PIN ends the sessions opened before it: the owner's change (whose own
// session goes on under a new stamp), the admin's set, a mailed PIN's first use.
#[test]
fn g11_a_new_pin_ends_the_sessions_opened_before() {
    let rules = rules("centrexx");
    let (account, stamp) = logged_in(&rules);
    let now = stamp.opened_at + secs(60);
    let user = Actor::User {
        extension: digits("10"),
    };
    let form = ChangeForm {
        old: OWN_PIN,
        new: "86429317",
        confirmation: "86429317",
    };
    let changed = account.change_pin(&user, form, &PinContext::default(), now, &rules);
    let renewed = changed.outcome.as_ref().unwrap().session.clone();
    assert_eq!(
        ended(changed.state.check_session(&stamp, now, &rules)),
        "SESSION_CREDENTIAL_CHANGED"
    );
    assert_eq!(
        ended(changed.state.check_session(&renewed, now, &rules)),
        "OK"
    );

    let set = account.set_pin_by_admin(&ADMIN, "1397", "1397", now, &rules);
    assert_eq!(
        ended(set.state.check_session(&stamp, now, &rules)),
        "SESSION_CREDENTIAL_CHANGED"
    );

    let asked = forgot_pin(&pbx(), Some((&master("10"), &account)), now, &rules);
    let pin = mailed(&asked);
    let asked = asked.state.unwrap();
    // The request alone ends nothing (R5): it proves nothing about the requester.
    assert_eq!(ended(asked.check_session(&stamp, now, &rules)), "OK");
    let used = asked.login(&pin, now, &rules);
    assert_eq!(
        ended(used.state.check_session(&stamp, now, &rules)),
        "SESSION_CREDENTIAL_CHANGED"
    );
    assert_eq!(
        ended(
            used.state
                .check_session(used.outcome.unwrap().session(), now, &rules)
        ),
        "OK"
    );
}

// G11: a lock ends the sessions (G5 failures, P5 lapse), and only the admin's set opens the
// way to new ones.
#[test]
fn g11_a_lock_ends_the_sessions() {
    let rules = rules("centrexx");
    let (account, stamp) = logged_in(&rules);
    let mut locked = account.clone();
    let mut now = stamp.opened_at;
    while !locked.is_locked(now, &rules) {
        locked = locked.login("99999999", now, &rules).state;
        now += secs(1_000);
        // The owner keeps the session busy meanwhile; the stamp holds until the lock.
        if !locked.is_locked(now, &rules) {
            assert_eq!(
                ended(locked.check_session(&stamp, stamp.opened_at, &rules)),
                "OK"
            );
        }
    }
    assert_eq!(
        ended(locked.check_session(&stamp, stamp.opened_at, &rules)),
        "SESSION_ACCOUNT_LOCKED"
    );

    // P5: a session opened on the default PIN ends when its change window lapses.
    let fresh = extension("11", &rules);
    let deadline = fresh.change_deadline(&rules).unwrap();
    let login = fresh.login("0000", deadline - TimeDelta::minutes(30), &rules);
    let session = login.outcome.unwrap().session().clone();
    assert_eq!(
        ended(fresh.check_session(&session, deadline - secs(1), &rules)),
        "OK"
    );
    assert_eq!(
        ended(fresh.check_session(&session, deadline, &rules)),
        "SESSION_ACCOUNT_LOCKED"
    );
}

// G11: a stamp checked against another account ends, and one whose times lie past the end
// of time (a corrupt store) ends rather than lasting for ever.
#[test]
fn g11_other_accounts_and_corrupt_stamps_end() {
    let rules = rules("centrexx");
    let (account, stamp) = logged_in(&rules);
    let other = extension("11", &rules);
    assert_eq!(
        ended(other.check_session(&stamp, stamp.opened_at, &rules)),
        "SESSION_OTHER_ACCOUNT"
    );
    let admin = admin(&rules);
    let session = admin.login(ADMIN_PASSWORD, None, vec![], t0(), &rules);
    let admin_stamp = session.outcome.unwrap().stamp().clone();
    assert_eq!(admin_stamp.account, AccountRef::Admin);
    assert_eq!(
        ended(account.check_session(&admin_stamp, t0(), &rules)),
        "SESSION_OTHER_ACCOUNT"
    );
    let end = DateTime::<Utc>::MAX_UTC;
    let corrupt = SessionStamp {
        opened_at: end,
        last_seen_at: end,
        ..stamp.clone()
    };
    assert_eq!(
        ended(account.check_session(&corrupt, end, &rules)),
        "SESSION_EXPIRED"
    );
    // A stamp stored and read back is the same stamp.
    assert_eq!(SessionStamp::from_json(&stamp.to_json()).unwrap(), stamp);
}

/// The admin's session at the main menu, and the account after the login.
fn admin_in(rules: &Rules) -> (pbx_rules::AdminAccount, AdminSession) {
    let login = admin(rules).login(ADMIN_PASSWORD, None, vec![], t0(), rules);
    let session = login
        .outcome
        .unwrap()
        .continue_without_extended_rights()
        .and_then(|s| s.confirm_privacy_notice())
        .unwrap();
    (login.state, session)
}

// G11: the admin's session ends with the password (a change, a mailed password's first
// use), with a lock of the password or of the codes, and after the limits; a check keeps
// the step and rights and counts one revision (the host stores it with CAS).
#[test]
fn g11_the_admin_session_ends_with_the_password_and_the_locks() {
    let rules = rules("centrexx");
    let (account, session) = admin_in(&rules);
    let now = t0() + secs(60);
    let seen = account.check_session(&session, now, &rules).unwrap();
    assert_eq!(seen.step(), session.step());
    assert_eq!(seen.stamp().last_seen_at, now);
    assert_eq!(
        pbx_rules::Revised::revision(&seen),
        pbx_rules::Revised::revision(&session) + 1
    );

    let form = ChangeForm {
        old: ADMIN_PASSWORD,
        new: "Segelboot Blaubeere Nordwind 42",
        confirmation: "Segelboot Blaubeere Nordwind 42",
    };
    let changed = account.change_password(form, &Default::default(), now, &rules);
    assert_eq!(
        ended(changed.state.check_session(&session, now, &rules)),
        "SESSION_CREDENTIAL_CHANGED"
    );

    let asked = forgot_password("06131-624680", Some((&pbx(), &account)), now, &rules);
    let password = mailed(&asked);
    let asked = asked.state.unwrap();
    assert_eq!(ended(asked.check_session(&session, now, &rules)), "OK");
    let usable = now + rules.policy().password.propagation_delay();
    let used = asked.login(&password, None, vec![], usable, &rules);
    assert_eq!(
        ended(used.state.check_session(&session, usable, &rules)),
        "SESSION_CREDENTIAL_CHANGED"
    );

    let mut locked = account.clone();
    let mut at = now;
    while !locked.is_locked(&rules) {
        locked = locked.login("wrong", None, vec![], at, &rules).state;
        at += TimeDelta::hours(1);
    }
    assert_eq!(
        ended(locked.check_session(&session, now, &rules)),
        "SESSION_ACCOUNT_LOCKED"
    );

    let idle = session.stamp().last_seen_at + rules.policy().session.idle_timeout();
    assert_eq!(
        ended(account.check_session(&session, idle, &rules)),
        "SESSION_IDLE"
    );
}
