//! Forgot password and forgot PIN (R1–R4), and preview mode (V1, V2).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

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
