//! The view records: one record per state a host reads, equal field by field to what the
//! state's own methods say at the same instant, with the revision the host stores by (I5)
//! and never a hash (F9).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use common::*;
use pbx_rules::{
    Actor, AdminAccount, AdminStep, ExtensionAccount, ExtensionAccountView, Rules, UserLogin,
};

const ADMIN: Actor = Actor::Admin {
    extended_rights: false,
};

/// Every field of the view against the account's own answer at `now`.
fn assert_view_agrees(
    account: &ExtensionAccount,
    now: chrono::DateTime<chrono::Utc>,
    rules: &Rules,
) {
    let view: ExtensionAccountView = account.view(now, rules);
    assert_eq!(view.revision, i64::try_from(account.revision()).unwrap());
    assert_eq!(&view.extension, account.extension());
    assert_eq!(view.pin_origin, account.pin_origin());
    assert_eq!(view.pin_set_at, account.pin_set_at());
    assert_eq!(view.has_default_pin, account.has_default_pin());
    assert_eq!(view.must_change_pin, account.must_change_pin());
    assert_eq!(view.change_deadline, account.change_deadline(rules));
    assert_eq!(view.is_pin_expired, account.is_pin_expired(now, rules));
    assert_eq!(view.is_locked, account.is_locked(now, rules));
    assert_eq!(
        view.failed_logins,
        i32::try_from(account.failed_logins()).unwrap()
    );
    assert_eq!(
        view.has_pending_reset,
        account.has_pending_reset(now, rules)
    );
}

// I5, G5: along a history of wrong logins up to the lock, each view carries the revision
// of the state it was taken from and the count the throttle keeps.
#[test]
fn i5_g5_view_follows_the_account_through_failures() {
    for preset in ["centrexx", "strict"] {
        let rules = rules(preset);
        let mut account = extension("10", &rules);
        let mut now = t0();
        let mut last_revision = i64::try_from(account.revision()).unwrap();
        for _ in 0..40 {
            let d = account.login("98127634", now, &rules);
            account = d.state;
            assert_view_agrees(&account, now, &rules);
            let view = account.view(now, &rules);
            assert!(view.revision >= last_revision);
            last_revision = view.revision;
            if view.is_locked {
                break;
            }
            now += chrono::TimeDelta::hours(1);
        }
        assert!(
            account.view(now, &rules).is_locked,
            "{preset}: never locked"
        );
        assert!(account.view(now, &rules).failed_logins > 0);
    }
}

// P5: the view decides the change window at the instant it is taken: one second before
// the deadline the login is open, at the deadline it is locked.
#[test]
fn p5_view_expiry_at_the_deadline_edge() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let deadline = account.view(t0(), &rules).change_deadline.unwrap();
    let before = account.view(deadline - chrono::TimeDelta::seconds(1), &rules);
    let at = account.view(deadline, &rules);
    assert!(!before.is_pin_expired && !before.is_locked);
    assert!(at.is_pin_expired && at.is_locked);
    assert_view_agrees(&account, deadline, &rules);
}

// P4, P5: after the admin sets a PIN, the view says who set it and that the user must
// change it; after the user's own change it no longer must.
#[test]
fn p4_p5_view_after_admin_set_and_user_change() {
    let rules = rules("centrexx");
    let set =
        extension("10", &rules).set_pin_by_admin(&ADMIN, "25803691", "25803691", t0(), &rules);
    let view = set.state.view(t0(), &rules);
    assert_eq!(view.pin_origin, pbx_rules::PinOrigin::Admin);
    assert!(view.must_change_pin && !view.has_default_pin);
    assert_view_agrees(&set.state, t0(), &rules);
    let user = Actor::User {
        extension: digits("10"),
    };
    let form = pbx_rules::ChangeForm {
        old: "25803691",
        new: "47118259",
        confirmation: "47118259",
    };
    let changed =
        set.state
            .change_pin(&user, form, &pbx_rules::PinContext::default(), t0(), &rules);
    let view = changed.state.view(t0(), &rules);
    assert!(!view.must_change_pin && view.change_deadline.is_none());
    assert!(view.pin_effective_at.is_some(), "P10 delay shows");
    assert!(view.revision > i64::try_from(set.state.revision()).unwrap());
    let later = t0() + rules.policy().pin.propagation_delay();
    let login = changed.state.login("47118259", later, &rules);
    assert!(matches!(login.outcome, Ok(UserLogin::LoggedIn { .. })));
    assert_view_agrees(&login.state, later, &rules);
}

// F3: a forgot-PIN request shows as a pending reset in the view.
#[test]
fn f3_view_shows_a_pending_reset() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let m = master("10");
    let d = pbx_rules::forgot_pin(&pbx(), Some((&m, &account)), t0(), &rules);
    let after = d.state.expect("the account");
    assert!(after.view(t0(), &rules).has_pending_reset);
    assert!(!account.view(t0(), &rules).has_pending_reset);
    assert_view_agrees(&after, t0(), &rules);
}

/// The admin's login up to the main menu with a remembered browser.
fn admin_at_main_menu(rules: &Rules) -> (AdminAccount, pbx_rules::AdminSession) {
    let account = admin(rules);
    let now = t0() + chrono::TimeDelta::minutes(1);
    let login = account.login(ADMIN_PASSWORD, None, vec![digits("10")], now, rules);
    let session = login.outcome.expect("login");
    let account = login.state;
    assert_eq!(session.view().step, AdminStep::SecondFactor);
    let asked = session.request_code(&account, Some("admin@beispiel.de"), now, rules);
    let code = mailed(&asked);
    let confirmed = asked.state.confirm_code(&account, &code, now, rules);
    let token = confirmed.outcome.expect("code").expect("a browser token");
    let (session, account) = confirmed.state;
    (account.remember(token.record), session)
}

// A2, A3, P7, F7, I5: the admin views carry the revisions, the step, the browsers and the
// counts, equal to the states' own methods.
#[test]
fn a2_admin_views_agree_with_the_states() {
    let rules = rules("centrexx");
    let (account, session) = admin_at_main_menu(&rules);
    let view = account.view(t0(), &rules);
    assert_eq!(view.revision, i64::try_from(account.revision()).unwrap());
    assert_eq!(view.effective_at, account.effective_at());
    assert_eq!(
        view.failed_logins,
        i32::try_from(account.failed_logins()).unwrap()
    );
    assert_eq!(
        view.failed_codes,
        i32::try_from(account.failed_codes()).unwrap()
    );
    assert_eq!(view.is_locked, account.is_locked(&rules));
    assert_eq!(view.devices.len(), account.devices().len());
    assert_eq!(
        view.devices[0].expires_at,
        account.devices()[0].expires_at()
    );
    let s = session.view();
    assert_eq!(s.revision, i64::try_from(session.revision()).unwrap());
    assert_eq!(s.step, session.step());
    assert_eq!(s.has_extended_rights, session.has_extended_rights());
    assert_eq!(s.default_pin_extensions, session.default_pin_extensions());
    assert_eq!(&s.stamp, session.stamp());
    assert_eq!(s.failed_codes, 0);
}

// B1, N5, R3: the master data views hold every field and the derived head number.
#[test]
fn n5_master_data_views() {
    let pbx = pbx();
    let view = pbx.view();
    assert_eq!(&view.base_number, pbx.base_number.e164());
    assert_eq!(view.area_code, pbx.base_number.area_code());
    assert_eq!(view.subscriber, pbx.base_number.subscriber());
    assert_eq!(view.head_number, pbx.head_number().ok());
    assert_eq!(&view.central_backup_number, pbx.central_backup_number());
    assert_eq!(view.company_name, pbx.company_name);
    assert_eq!(view.admin_email, pbx.admin_email);
    let off = pbx.set_self_service_pin_reset(&ADMIN, false).unwrap();
    assert!(view.self_service_pin_reset && !off.view().self_service_pin_reset);
    let m = master("10");
    let mv = m.view();
    assert_eq!(mv.digits, m.digits);
    assert_eq!(mv.email, m.email);
    assert_eq!(mv.backup_number.as_ref(), m.backup_number());
    assert_eq!(mv.self_service_pin_reset, m.self_service_pin_reset());
}

// F9: no view carries a hash, in Debug or in its JSON.
#[test]
fn f9_views_hold_no_hash() {
    let rules = rules("centrexx");
    let (account, session) = admin_at_main_menu(&rules);
    let user = extension("10", &rules);
    let texts = [
        format!("{:?}", user.view(t0(), &rules)),
        serde_json::to_string(&user.view(t0(), &rules)).unwrap(),
        format!("{:?}", account.view(t0(), &rules)),
        serde_json::to_string(&account.view(t0(), &rules)).unwrap(),
        format!("{:?}", session.view()),
        serde_json::to_string(&session.view()).unwrap(),
    ];
    for text in texts {
        assert!(
            !text.contains("$argon2") && !text.contains("$blake2b"),
            "{text}"
        );
        assert!(!text.contains(user.pin_hash()) && !text.contains(account.password_hash()));
    }
}
