//! Forgot password and forgot PIN (R1–R4), and preview mode (V1, V2).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::*;
use pbx_rules::{
    Actor, Effect, Feature, PinOrigin, PreviewMode, Secret, SecretPurpose, UserLogin,
    forgot_password, forgot_pin,
};

#[test]
fn r1_new_random_password_to_the_admin_contact_only_its_hash_stored() {
    let rules = rules("centrexx");
    let (pbx, account) = (pbx(), admin(&rules));
    let d = forgot_password("06131-624680", Some((&pbx, &account)), t0(), &rules);
    assert_eq!(code(&d), "OK");
    let Effect::SendSecret {
        to,
        purpose,
        secret: Secret::Password(password),
    } = &d.effects[0]
    else {
        panic!("{:?}", d.effects)
    };
    assert_eq!(
        (to.as_str(), *purpose),
        ("admin@beispiel.de", SecretPurpose::PasswordReset)
    );
    let len = password.expose().chars().count();
    let policy = &rules.policy().password;
    assert!((policy.min_len..=policy.max_len).contains(&len), "K1");
    assert_eq!(
        pbx_rules::evaluate(password.expose(), &Default::default(), &rules).level,
        pbx_rules::StrengthLevel::Green
    );
    let next = d.state.unwrap();
    assert!(
        !serde_json::to_string(&next)
            .unwrap()
            .contains(password.expose())
    );
    // F3: usable from the K5 delay after the request.
    let k5 = t0() + rules.policy().password.propagation_delay();
    let works = next.login(password.expose(), None, vec![], k5, &rules);
    assert!(works.outcome.is_ok());
}

#[test]
fn r1_unknown_head_number_and_missing_email_are_named_under_centrexx() {
    let rules = rules("centrexx");
    let (mut pbx, account) = (pbx(), admin(&rules));
    assert_eq!(
        code(&forgot_password("06131-624680", None, t0(), &rules)),
        "RECOVERY_UNKNOWN_HEAD_NUMBER"
    );
    assert_eq!(
        code(&forgot_password(
            "06131-62468-10",
            Some((&pbx, &account)),
            t0(),
            &rules
        )),
        "RECOVERY_UNKNOWN_HEAD_NUMBER"
    );
    pbx.admin_email = None;
    let d = forgot_password("06131-624680", Some((&pbx, &account)), t0(), &rules);
    assert_eq!(code(&d), "RECOVERY_NO_ADMIN_EMAIL");
    assert!(d.effects.is_empty());
}

#[test]
fn r1_r2_strict_answers_the_same_whether_or_not_the_account_exists() {
    let rules = rules("strict");
    let (mut pbx, account) = (pbx(), admin(&rules));
    let unknown = forgot_password("06131-624680", None, t0(), &rules);
    pbx.admin_email = None;
    let no_email = forgot_password("06131-624680", Some((&pbx, &account)), t0(), &rules);
    assert_eq!((code(&unknown), code(&no_email)), ("OK", "OK"));
    assert!(unknown.effects.is_empty() && no_email.effects.is_empty());
    assert_eq!(code(&forgot_pin(&pbx, None, t0(), &rules)), "OK");
}

#[test]
fn r2_new_pin_mailed_never_refused_counts_as_admin_set() {
    let rules = rules("centrexx");
    let (pbx, master) = (pbx(), master("10"));
    let account = extension("10", &rules);
    for _ in 0..20 {
        let d = forgot_pin(&pbx, Some((&master, &account)), t0(), &rules);
        let Effect::SendSecret {
            to,
            secret: Secret::Pin(pin),
            ..
        } = &d.effects[0]
        else {
            panic!("{:?}", d.effects)
        };
        assert_eq!(to, "ada@beispiel.de");
        assert!(!["0000", "1234"].contains(&pin.expose()));
        let first_use = d.state.unwrap().login(pin.expose(), t0(), &rules);
        assert!(
            matches!(first_use.outcome, Ok(UserLogin::MustChangePin { .. })),
            "P5"
        );
        assert_eq!(first_use.state.pin_origin(), PinOrigin::Reset);
    }
}

#[test]
fn r2_without_email_the_admin_is_notified() {
    let rules = rules("centrexx");
    let mut master = master("10");
    master.email = None;
    let account = extension("10", &rules);
    let d = forgot_pin(&pbx(), Some((&master, &account)), t0(), &rules);
    assert_eq!(code(&d), "RECOVERY_NO_USER_EMAIL");
    assert!(matches!(
        d.effects.as_slice(),
        [Effect::NotifyAdminNoUserEmail { .. }]
    ));
    let next = d.state.unwrap();
    assert_eq!(next.pin_hash(), account.pin_hash(), "the PIN stays");
    assert!(!next.has_pending_reset(t0(), &rules), "no PIN mailed");
}

#[test]
fn r3_the_admin_switches_self_service_reset_for_all_users() {
    let rules = rules("centrexx");
    let pbx = pbx();
    assert!(pbx.self_service_pin_reset());
    assert!(
        pbx.set_self_service_pin_reset(
            &Actor::User {
                extension: digits("10")
            },
            false
        )
        .is_err()
    );
    let off = pbx
        .set_self_service_pin_reset(
            &Actor::Admin {
                extended_rights: false,
            },
            false,
        )
        .unwrap();
    let d = forgot_pin(
        &off,
        Some((&master("10"), &extension("10", &rules))),
        t0(),
        &rules,
    );
    assert_eq!(code(&d), "RECOVERY_SELF_SERVICE_OFF");
}

#[test]
fn v1_footer_and_switch_only_for_staff_and_trained_partners() {
    let trained = Actor::Partner {
        advanced_training: true,
    };
    assert_eq!(
        PreviewMode::Standard.footer(&trained),
        Some("Preview: nein")
    );
    assert_eq!(
        PreviewMode::Preview.footer(&Actor::Staff),
        Some("Preview: ja")
    );
    assert_eq!(
        PreviewMode::Standard.toggled(&trained),
        Ok(PreviewMode::Preview)
    );
    for actor in [
        Actor::Partner {
            advanced_training: false,
        },
        Actor::Admin {
            extended_rights: true,
        },
        Actor::User {
            extension: digits("10"),
        },
    ] {
        assert_eq!(
            PreviewMode::Preview.footer(&actor),
            None,
            "{actor:?} does not see the switch"
        );
        assert!(PreviewMode::Standard.toggled(&actor).is_err());
    }
}

#[test]
fn v2_preview_only_features_need_preview_mode() {
    let beta = Feature {
        name: "Neue Rufumleitung".into(),
        preview_only: true,
    };
    let released = Feature {
        name: "Rufumleitung".into(),
        preview_only: false,
    };
    assert!(!beta.is_available(PreviewMode::Standard));
    assert!(beta.is_available(PreviewMode::Preview));
    assert!(
        released.is_available(PreviewMode::Standard) && released.is_available(PreviewMode::Preview)
    );
}

#[test]
fn r2_p5_forgot_pin_does_not_lift_a_lock_only_the_admin_does() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let late = t0() + days(42);
    let d = forgot_pin(&pbx(), Some((&master("10"), &account)), late, &rules);
    assert_eq!(code(&d), "RECOVERY_ACCOUNT_LOCKED");
    assert!(d.effects.is_empty());
}

const WRONG_PASSWORD: &str = "Falsches Kennwort 123!";

/// The admin account after someone who knows only the head number used up its password
/// allowance at the throttle's pace; and the time after the last try.
fn locked_admin(rules: &pbx_rules::Rules) -> (pbx_rules::AdminAccount, DateTime<Utc>) {
    let mut account = admin(rules);
    let mut now = t0();
    for _ in 0..rules.password_allowance() {
        account = account
            .login(WRONG_PASSWORD, None, vec![], now, rules)
            .state;
        now += TimeDelta::hours(1);
    }
    assert!(account.is_locked(rules));
    (account, now)
}

// S1, G9: a lock that anyone who knows the public head number can cause does not lock the
// owner out for good: the mailed password gets in, a year later too, and its first use
// lifts the lock. The old password stays locked out until then.
#[test]
fn s1_the_mailed_password_gets_a_locked_admin_back_in() {
    for preset in ["centrexx", "strict"] {
        let rules = rules(preset);
        let (locked, now) = locked_admin(&rules);
        let later = now + TimeDelta::days(365);
        let refused = locked.login(ADMIN_PASSWORD, None, vec![], later, &rules);
        assert!(refused.outcome.is_err(), "{preset}: the lock holds");
        let d = forgot_password("06131-624680", Some((&pbx(), &locked)), later, &rules);
        let mail = mailed(&d);
        let account = d.state.unwrap();
        // K5 still holds: not before the delay.
        let early = account.login(&mail, None, vec![], later, &rules);
        assert_eq!(code(&early), "LOGIN_PASSWORD_PENDING", "{preset}");
        let usable = later + rules.policy().password.propagation_delay();
        let d = account.login(&mail, None, vec![], usable, &rules);
        assert_eq!(code(&d), "OK", "{preset}");
        assert!(
            !d.state.is_locked(&rules),
            "{preset}: the first use lifts the lock"
        );
        assert_eq!(d.state.failed_logins(), 0);
    }
}

// S1, G9: while the attacker keeps the throttle in its delays, the mailed password still
// gets in at once: racing the throttle does not block the owner either.
#[test]
fn s1_the_mailed_password_passes_a_running_delay() {
    let rules = rules("centrexx");
    let mut account = admin(&rules);
    let free = rules.policy().throttle.free_failures;
    for _ in 0..=free {
        account = account
            .login(WRONG_PASSWORD, None, vec![], t0(), &rules)
            .state;
    }
    let throttled = account.login(ADMIN_PASSWORD, None, vec![], t0(), &rules);
    assert_eq!(code(&throttled), "LOGIN_THROTTLED");
    let d = forgot_password("06131-624680", Some((&pbx(), &account)), t0(), &rules);
    let mail = mailed(&d);
    let usable = t0() + rules.policy().password.propagation_delay();
    let mut account = d.state.unwrap();
    account = account
        .login(WRONG_PASSWORD, None, vec![], usable, &rules)
        .state;
    let in_delay = account.login(ADMIN_PASSWORD, None, vec![], usable, &rules);
    assert_eq!(code(&in_delay), "LOGIN_THROTTLED");
    assert_eq!(
        code(&account.login(&mail, None, vec![], usable, &rules)),
        "OK"
    );
}

// S1: a mailed PIN does not pass the user's throttle: few digits need it, and the user's
// way back is the admin (P4).
#[test]
fn s1_a_mailed_pin_does_not_pass_a_locked_user_login() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let d = forgot_pin(&pbx(), Some((&master("10"), &account)), t0(), &rules);
    let pin = mailed(&d);
    let mut account = d.state.unwrap();
    let mut now = t0();
    while !account.is_locked(now, &rules) {
        account = account.login("99999999", now, &rules).state;
        now += TimeDelta::hours(1);
    }
    assert_eq!(
        code(&account.login(&pin, now, &rules)),
        "LOGIN_THROTTLE_LOCKED"
    );
}

// S5, R6: the owner's login with the current secret voids a waiting mailed one, which
// otherwise would stay usable for its lifetime for whoever reads the mailbox.
#[test]
fn s5_the_owners_login_voids_a_waiting_mailed_secret() {
    let rules = rules("centrexx");
    let account = extension("10", &rules);
    let d = forgot_pin(&pbx(), Some((&master("10"), &account)), t0(), &rules);
    let pin = mailed(&d);
    let account = d.state.unwrap();
    assert!(account.has_pending_reset(t0(), &rules));
    let after = account.login("0000", t0(), &rules).state;
    assert!(!after.has_pending_reset(t0(), &rules));
    assert_eq!(
        code(&after.login(&pin, t0(), &rules)),
        "LOGIN_WRONG_CREDENTIALS"
    );

    let d = forgot_password("06131-624680", Some((&pbx(), &admin(&rules))), t0(), &rules);
    let password = mailed(&d);
    let account = d.state.unwrap();
    let after = account
        .login(ADMIN_PASSWORD, None, vec![], t0(), &rules)
        .state;
    assert!(!after.has_pending_reset(t0(), &rules));
    let usable = t0() + rules.policy().password.propagation_delay();
    let refused = after.login(&password, None, vec![], usable, &rules);
    assert_eq!(code(&refused), "LOGIN_WRONG_CREDENTIALS");
}

// S5, R6: every credential change voids a waiting mailed secret too.
#[test]
fn s5_every_credential_change_voids_a_waiting_mailed_secret() {
    let rules = rules("centrexx");
    let admin_actor = Actor::Admin {
        extended_rights: false,
    };
    let account = extension("10", &rules);
    let asked = forgot_pin(&pbx(), Some((&master("10"), &account)), t0(), &rules);
    let asked = asked.state.unwrap();
    let set = asked.set_pin_by_admin(&admin_actor, "2580", "2580", t0(), &rules);
    assert!(!set.state.has_pending_reset(t0(), &rules));
    let form = pbx_rules::ChangeForm {
        old: "0000",
        new: "4711",
        confirmation: "4711",
    };
    let user = Actor::User {
        extension: digits("10"),
    };
    let ctx = pbx_rules::PinContext::default();
    let changed = asked.change_pin(&user, form, &ctx, t0(), &rules);
    assert_eq!(code(&changed), "OK");
    assert!(!changed.state.has_pending_reset(t0(), &rules));

    let admin = admin(&rules);
    let asked = forgot_password("06131-624680", Some((&pbx(), &admin)), t0(), &rules);
    let asked = asked.state.unwrap();
    let form = pbx_rules::ChangeForm {
        old: ADMIN_PASSWORD,
        new: "Segelboot Blaubeere Nordwind 42",
        confirmation: "Segelboot Blaubeere Nordwind 42",
    };
    let ctx = pbx_rules::PasswordContext::default();
    let changed = asked.change_password(form, &ctx, t0(), &rules);
    assert_eq!(code(&changed), "OK");
    assert!(!changed.state.has_pending_reset(t0(), &rules));
}

// G9: a stored password hash that cannot be read locks nobody out: the mailed password
// still gets in, and replaces it.
#[test]
fn g9_a_damaged_password_hash_still_lets_the_mailed_password_in() {
    let rules = rules("centrexx");
    let mut stored: serde_json::Value =
        serde_json::from_str(&pbx_rules::Json::to_json(&admin(&rules))).unwrap();
    stored["password_hash"] = "$argon2id$v=19$damaged".into();
    let damaged =
        <pbx_rules::AdminAccount as pbx_rules::Json>::from_json(&stored.to_string()).unwrap();
    assert_eq!(
        code(&damaged.login(ADMIN_PASSWORD, None, vec![], t0(), &rules)),
        "HASH_MALFORMED"
    );
    let d = forgot_password("06131-624680", Some((&pbx(), &damaged)), t0(), &rules);
    let mail = mailed(&d);
    let usable = t0() + rules.policy().password.propagation_delay();
    let back = d.state.unwrap().login(&mail, None, vec![], usable, &rules);
    assert_eq!(code(&back), "OK");
    assert!(back.state.password_hash().starts_with("$argon2id$"));
}
