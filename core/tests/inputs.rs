//! Regression tests of the input findings: typed passwords compared as stored (F4),
//! far too long input refused before any work (F10), invisible characters (I7), no
//! premium-rate or shared-cost backup numbers (I2).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::time::{Duration, Instant};

use common::*;
use pbx_rules::{
    Actor, AdminAccount, BackupError, ChangeForm, Error, Lang, Localized, NumberKind, NumberPlan,
    Password, PasswordContext, PasswordError, Pin, PinError, Policy, Rules, evaluate,
};

fn code<S, T>(d: &pbx_rules::Decision<S, T>) -> &'static str {
    d.outcome.as_ref().err().map_or("OK", Localized::code)
}

/// Passwords whose NFKC form differs from what is typed: a ligature, full-width letters,
/// decomposed umlauts (macOS keyboards and some password managers send these).
const NFKC_CHANGES: [&str; 3] = [
    "ﬁnf Brötchen!! und Kaffee",
    "Ｋａｆｆｅｅｔａｓｓｅ Nordwind 7",
    "Gru\u{308}ße aus Mu\u{308}nchen am Meer",
];

fn admin_with(password: &str, rules: &Rules) -> AdminAccount {
    AdminAccount::create(password, t0(), rules).unwrap()
}

/// The admin's change form with the new password typed twice the same.
fn change(
    account: &AdminAccount,
    old: &str,
    new: &str,
    now: chrono::DateTime<chrono::Utc>,
    rules: &Rules,
) -> pbx_rules::Decision<AdminAccount, pbx_rules::PasswordChanged> {
    let form = ChangeForm {
        old,
        new,
        confirmation: new,
    };
    account.change_password(form, &PasswordContext::default(), now, rules)
}

// F4
#[test]
fn f4_strict_admin_logs_in_with_a_password_nfkc_changes() {
    let rules = rules("strict");
    for typed in NFKC_CHANGES {
        let stored = Password::parse(typed, false, &rules).unwrap();
        assert_ne!(stored.expose(), typed, "NFKC changes {typed}");
        let account = admin_with(typed, &rules);
        let login = account.login(typed, None, vec![], t0(), &rules);
        assert_eq!(code(&login), "OK", "{typed}");
        assert_eq!(login.state.failed_logins(), 0);
        // The normalised form is the same password.
        let login = account.login(stored.expose(), None, vec![], t0(), &rules);
        assert_eq!(code(&login), "OK", "{typed}");
        // And a wrong one is still wrong.
        let wrong = account.login("Kaffeetasse Nordwind 8", None, vec![], t0(), &rules);
        assert_eq!(code(&wrong), "LOGIN_WRONG_CREDENTIALS");
    }
}

// F4
#[test]
fn f4_strict_changed_password_works_at_login_and_as_the_old_one() {
    let rules = rules("strict");
    let account = admin_with("Segelboot Blaubeere Nordwind", &rules);
    let new = NFKC_CHANGES[0];
    let changed = change(&account, "Segelboot Blaubeere Nordwind", new, t0(), &rules);
    assert_eq!(code(&changed), "OK");
    let effective = changed.outcome.as_ref().unwrap().effective_at;
    let login = changed.state.login(new, None, vec![], effective, &rules);
    assert_eq!(code(&login), "OK");
    let again = change(&changed.state, new, NFKC_CHANGES[2], effective, &rules);
    assert_eq!(code(&again), "OK");
}

// F4: centrexx compares the text as typed, as it stores it.
#[test]
fn f4_centrexx_compares_as_typed() {
    let rules = rules("centrexx");
    let account = admin_with(NFKC_CHANGES[0], &rules);
    assert_eq!(
        code(&account.login(NFKC_CHANGES[0], None, vec![], t0(), &rules)),
        "OK"
    );
    assert_eq!(
        code(&account.login("finf Brötchen!! und Kaffee", None, vec![], t0(), &rules)),
        "LOGIN_WRONG_CREDENTIALS"
    );
}

/// 10 MiB of a character NFKC expands eighteenfold (U+FDFA), the worst input for the
/// normaliser.
fn huge() -> String {
    "\u{FDFA}".repeat(10 * 1024 * 1024 / 3)
}

/// Runs `f` and checks it took far less than normalising 10 MiB does (seconds in a debug
/// build; the bound leaves room for a loaded machine).
fn quickly<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < Duration::from_millis(250), "{what} took {took:?}");
    out
}

// F10
#[test]
fn f10_far_too_long_password_is_refused_before_normalisation() {
    let text = huge();
    for preset in ["strict", "centrexx"] {
        let rules = rules(preset);
        let policy = &rules.policy().password;
        let err = quickly("parse", || Password::parse(&text, false, &rules)).unwrap_err();
        assert_eq!(
            err,
            PasswordError::TooLong {
                max: policy.max_len
            }
        );
        let ctx = PasswordContext::default();
        // zxcvbn builds its dictionaries on the first call; that is not what is timed here.
        let _ = evaluate("warm up", &ctx, &rules);
        let strength = quickly("evaluate", || evaluate(&text, &ctx, &rules));
        let head: String = text.chars().take(1000).collect();
        assert_eq!(strength, evaluate(&head, &ctx, &rules), "{preset}");
    }
}

// F10
#[test]
fn f10_far_too_long_login_and_old_password_cost_no_normalisation() {
    let text = huge();
    let rules = rules("strict");
    let account = admin(&rules);
    let login = quickly("login", || account.login(&text, None, vec![], t0(), &rules));
    assert_eq!(code(&login), "LOGIN_WRONG_CREDENTIALS");
    assert_eq!(login.state.failed_logins(), 1, "still counted (G5)");
    let new = "Segelboot Blaubeere Nordwind";
    let change = quickly("change", || change(&account, &text, new, t0(), &rules));
    assert_eq!(code(&change), "PASSWORD_OLD_WRONG");
}

// F10: the cut keeps every password that normalises to the maximum or less.
#[test]
fn f10_the_cap_keeps_inputs_that_normalise_within_the_maximum() {
    let rules = Rules::strict();
    let policy = &rules.policy().password;
    // 64 × "ᾂ" typed decomposed: 256 code points, 64 after NFKC.
    let decomposed = "\u{3b1}\u{313}\u{300}\u{345}".repeat(policy.max_len);
    assert_eq!(decomposed.chars().count(), 4 * policy.max_len);
    let pw = Password::parse(&decomposed, false, &rules).unwrap();
    assert_eq!(pw.expose().chars().count(), policy.max_len);
    // One code point more is beyond the cap.
    let over = format!("{decomposed}x");
    assert_eq!(
        Password::parse(&over, false, &rules).unwrap_err(),
        PasswordError::TooLong { max: 64 }
    );
    // The meter rates the same first characters whether or not the tail is there.
    let ctx = PasswordContext::default();
    let long_tail = format!("Kaffeetasse Nordwind {}", "\u{FDFA}".repeat(100_000));
    let short_tail = format!("Kaffeetasse Nordwind {}", "\u{FDFA}".repeat(100));
    assert_eq!(
        evaluate(&long_tail, &ctx, &rules),
        evaluate(&short_tail, &ctx, &rules)
    );
}

// F10: PIN parsing reads the bytes once and copies nothing before the length check.
#[test]
fn f10_far_too_long_pin_is_refused_quickly() {
    let rules = Rules::strict();
    let policy = &rules.policy().pin;
    let digits = "7".repeat(10 * 1024 * 1024);
    let err = quickly("pin", || Pin::parse(&digits, &rules)).unwrap_err();
    assert_eq!(
        err,
        PinError::TooLong {
            max: policy.max_len
        }
    );
}

// F10: a typed PIN or code far beyond any PIN is wrong, and counted, without hashing it.
#[test]
fn f10_far_too_long_pin_or_code_is_wrong_without_hashing() {
    let rules = rules("centrexx");
    let digits_10mib = "0".repeat(10 * 1024 * 1024);
    let ext = extension("10", &rules);
    let login = quickly("pin login", || ext.login(&digits_10mib, t0(), &rules));
    assert_eq!(code(&login), "LOGIN_WRONG_CREDENTIALS");
    assert_eq!(login.state.failed_logins(), 1, "counted (G5)");
    let user = Actor::User {
        extension: digits("10"),
    };
    let form = ChangeForm {
        old: &digits_10mib,
        new: "5823",
        confirmation: "5823",
    };
    let ctx = pbx_rules::PinContext::default();
    let change = quickly("pin change", || {
        ext.change_pin(&user, form, &ctx, t0(), &rules)
    });
    assert_eq!(code(&change), "PIN_OLD_WRONG");
    let account = admin(&rules);
    let session = account
        .login(ADMIN_PASSWORD, None, vec![], t0(), &rules)
        .outcome
        .unwrap();
    let requested = session.request_code(&account, Some("admin@beispiel.de"), t0(), &rules);
    let confirm = quickly("code", || {
        requested
            .state
            .confirm_code(&account, &digits_10mib, t0(), &rules)
    });
    assert_eq!(code(&confirm), "LOGIN_CODE_WRONG");
    // A PIN typed with spaces around it is still just wrong, and hashed as before.
    assert_eq!(
        code(&ext.login(" 0000 ", t0(), &rules)),
        "LOGIN_WRONG_CREDENTIALS"
    );
}

/// The characters I7 names, with a printable name each.
const INVISIBLE: [(char, &str); 17] = [
    ('\u{200B}', "zero-width space"),
    ('\u{200C}', "zero-width non-joiner"),
    ('\u{200D}', "zero-width joiner"),
    ('\u{200E}', "left-to-right mark"),
    ('\u{200F}', "right-to-left mark"),
    ('\u{202A}', "left-to-right embedding"),
    ('\u{202B}', "right-to-left embedding"),
    ('\u{202C}', "pop directional formatting"),
    ('\u{202D}', "left-to-right override"),
    ('\u{202E}', "right-to-left override"),
    ('\u{2066}', "left-to-right isolate"),
    ('\u{2067}', "right-to-left isolate"),
    ('\u{2068}', "first strong isolate"),
    ('\u{2069}', "pop directional isolate"),
    ('\u{061C}', "Arabic letter mark"),
    ('\u{FEFF}', "byte-order mark"),
    ('\u{00AD}', "soft hyphen"),
];

// I7
#[test]
fn i7_invisible_characters_are_refused_with_their_own_code() {
    for preset in ["centrexx", "strict"] {
        let rules = rules(preset);
        for (c, name) in INVISIBLE {
            for text in [
                format!("Kaffeetasse{c}Nordwind Segel"),
                format!("{c}Kaffeetasse Nordwind Segel"),
                format!("Kaffeetasse Nordwind Segel{c}"),
            ] {
                let err = Password::parse(&text, false, &rules).unwrap_err();
                assert_eq!(err, PasswordError::InvisibleCharacter, "{preset}: {name}");
                assert_eq!(err.code(), "PASSWORD_INVISIBLE_CHARACTER");
            }
        }
        // A short password of invisible characters is not "too short" but invisible.
        let sneaky = format!("abc{}", "\u{200B}".repeat(10));
        assert_eq!(
            Password::parse(&sneaky, false, &rules).unwrap_err(),
            PasswordError::InvisibleCharacter
        );
    }
}

// I7: the refusal reaches the change form, before the meter.
#[test]
fn i7_change_refuses_invisible_characters() {
    let rules = rules("centrexx");
    let account = admin(&rules);
    let new = "Segelboot\u{202E}Blaubeere 42?";
    let changed = change(&account, ADMIN_PASSWORD, new, t0(), &rules);
    assert_eq!(code(&changed), "PASSWORD_INVISIBLE_CHARACTER");
    assert_eq!(changed.state, account, "nothing changed");
}

// I7: visible characters next to them stay allowed.
#[test]
fn i7_visible_unicode_stays_allowed() {
    let rules = Rules::centrexx();
    for text in [
        "Grüße aus Mainz",
        "with\u{A0}no-break space",
        "Kaffee ☕ und Kuchen",
        "e\u{301}te\u{301} a\u{300} Paris",
    ] {
        assert!(Password::parse(text, false, &rules).is_ok(), "{text}");
    }
}

/// Real German numbers of the kinds I2 names, as people type them, with the kind the
/// numbering plan reports (libphonenumber's German metadata).
const TOLL_FRAUD: [(&str, NumberKind); 6] = [
    ("0900 1 234567", NumberKind::PremiumRate),
    ("09005 123456", NumberKind::PremiumRate),
    ("0137 9 123456", NumberKind::PremiumRate),
    ("0180 6 996633", NumberKind::SharedCost),
    ("01805 123456", NumberKind::SharedCost),
    ("01850 0123456", NumberKind::Uan),
];

// I2, B7: what the numbering engine reports for these numbers.
#[test]
fn i2_the_numbering_plan_reports_the_kinds() {
    let plan = NumberPlan::germany();
    for (typed, kind) in TOLL_FRAUD {
        assert_eq!(plan.normalize(typed).unwrap().kind(), kind, "{typed}");
    }
    for (typed, kind) in [
        ("0171 12345678", NumberKind::Mobile),
        ("06131 624680", NumberKind::FixedLine),
        ("0800 1234567", NumberKind::TollFree),
    ] {
        assert_eq!(plan.normalize(typed).unwrap().kind(), kind, "{typed}");
    }
}

// I2, B7: centrexx refuses premium-rate, shared-cost and UAN numbers as backup (and so
// mobile) numbers, for the user, the admin and the central backup number.
#[test]
fn i2_centrexx_refuses_toll_fraud_numbers_as_backup_numbers() {
    let rules = Rules::centrexx();
    let ext = master("10");
    let owner = Actor::User {
        extension: digits("10"),
    };
    let admin = Actor::Admin {
        extended_rights: true,
    };
    for (typed, kind) in TOLL_FRAUD {
        for actor in [&owner, &admin] {
            let err = ext.set_backup_number(actor, typed, &rules).unwrap_err();
            assert_eq!(
                err,
                Error::Backup(BackupError::KindRefused { kind }),
                "{typed}"
            );
            assert_eq!(err.code(), "BACKUP_NUMBER_KIND_REFUSED");
        }
        let err = pbx()
            .set_central_backup_number(&admin, typed, &rules)
            .unwrap_err();
        assert_eq!(err.code(), "BACKUP_NUMBER_KIND_REFUSED", "{typed}");
    }
    let premium = BackupError::KindRefused {
        kind: NumberKind::PremiumRate,
    };
    assert!(premium.message(Lang::En).contains("0900"));
    assert!(premium.message(Lang::De).contains("0900"));
    assert_ne!(premium.message(Lang::En), premium.message(Lang::De));
    // Nothing was mirrored into the mobile number.
    assert_eq!(ext.mobile_number, None);
}

// I2, B7: ordinary numbers still work, and the list is the policy's.
#[test]
fn i2_the_policy_lists_the_allowed_kinds() {
    let owner = Actor::User {
        extension: digits("10"),
    };
    let rules = Rules::centrexx();
    for typed in ["0171 12345678", "06131 624680", "0800 1234567"] {
        let set = master("10")
            .set_backup_number(&owner, typed, &rules)
            .unwrap();
        assert_eq!(set.mobile_number.as_ref(), set.backup_number(), "B5");
    }
    let mut policy = Policy::centrexx();
    policy.numbers.backup_kinds = vec![NumberKind::Mobile];
    let mobile_only = Rules::new(policy.clone()).unwrap();
    assert!(
        master("10")
            .set_backup_number(&owner, "0171 12345678", &mobile_only)
            .is_ok()
    );
    assert_eq!(
        master("10")
            .set_backup_number(&owner, "06131 624680", &mobile_only)
            .unwrap_err(),
        Error::Backup(BackupError::KindRefused {
            kind: NumberKind::FixedLine
        })
    );
    policy.numbers.backup_kinds.push(NumberKind::PremiumRate);
    let lax = Rules::new(policy.clone()).unwrap();
    assert!(
        master("10")
            .set_backup_number(&owner, "0900 1 234567", &lax)
            .is_ok()
    );
    // A stored policy without the field gets the centrexx list.
    let mut json = serde_json::to_value(Policy::centrexx()).unwrap();
    json["numbers"]
        .as_object_mut()
        .unwrap()
        .remove("backup_kinds");
    let read: Policy = serde_json::from_value(json).unwrap();
    assert_eq!(
        read.numbers.backup_kinds,
        Policy::centrexx().numbers.backup_kinds
    );
}
