//! Backup routing and its edits (B1–B6).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use pbx_rules::{
    Actor, BackupError, BaseNumber, E164, Error, ExtensionDigits, ExtensionMasterData, NumberError,
    NumberPlan, PbxMasterData, PermissionError, Reachability, Route, RouteRule, Rules,
    routing_table,
};

fn plan() -> NumberPlan {
    NumberPlan::germany()
}

fn digits(d: &str) -> ExtensionDigits {
    ExtensionDigits::parse(d).unwrap()
}

fn pbx() -> PbxMasterData {
    let base = BaseNumber::parse(&plan(), "06131 62468").unwrap();
    PbxMasterData::new(base, digits("0"), E164::parse("+4961319999").unwrap())
}

fn user(d: &str) -> Actor {
    Actor::User {
        extension: digits(d),
    }
}

const ADMIN: Actor = Actor::Admin {
    extended_rights: false,
};

#[test]
fn b1_a_new_extension_has_no_backup_but_the_pbx_always_has_a_central_one() {
    let ext = ExtensionMasterData::new(digits("10"), "Ada");
    assert_eq!(ext.backup_number(), None);
    assert_eq!(pbx().central_backup_number().as_str(), "+4961319999");
}

#[test]
fn b2_saving_an_empty_central_number_fails_and_keeps_the_old_one() {
    let before = pbx();
    for typed in ["", "   "] {
        let err = before
            .set_central_backup_number(&ADMIN, typed, &Rules::centrexx())
            .unwrap_err();
        assert_eq!(err, Error::Backup(BackupError::CentralRequired));
    }
    assert_eq!(before.central_backup_number().as_str(), "+4961319999");
}

#[test]
fn b2_b6_an_invalid_central_number_fails_with_its_reason() {
    let err = pbx()
        .set_central_backup_number(&ADMIN, "01", &Rules::centrexx())
        .unwrap_err();
    assert_eq!(err, Error::Number(NumberError::TooShort));
}

#[test]
fn b3_reachable_extension_is_not_rerouted() {
    let ext = ExtensionMasterData::new(digits("10"), "Ada")
        .set_backup_number(&user("10"), "0171 12345678", &Rules::centrexx())
        .unwrap();
    let route = Route::decide(&pbx(), &ext, Reachability::Reachable);
    assert_eq!((route.reroute_to, route.rule), (None, RouteRule::Reachable));
}

#[test]
fn b3_unreachable_goes_to_own_backup_first_then_central() {
    let pbx = pbx();
    let with_own = ExtensionMasterData::new(digits("10"), "Ada")
        .set_backup_number(&ADMIN, "0171 12345678", &Rules::centrexx())
        .unwrap();
    let without = ExtensionMasterData::new(digits("11"), "Bob");
    let own = Route::decide(&pbx, &with_own, Reachability::Unreachable);
    assert_eq!(own.rule, RouteRule::IndividualBackup);
    assert_eq!(own.reroute_to.unwrap().as_str(), "+4917112345678");
    let central = Route::decide(&pbx, &without, Reachability::Unreachable);
    assert_eq!(central.rule, RouteRule::CentralBackup);
    assert_eq!(
        central.reroute_to.as_ref(),
        Some(pbx.central_backup_number())
    );
}

#[test]
fn b3_routing_table_covers_every_extension_in_order() {
    let exts = vec![
        ExtensionMasterData::new(digits("11"), "Bob"),
        ExtensionMasterData::new(digits("10"), "Ada")
            .set_backup_number(&ADMIN, "+41 79 123 45 67", &Rules::centrexx())
            .unwrap(),
    ];
    let table = routing_table(&pbx(), &exts);
    let rules: Vec<_> = table
        .iter()
        .map(|r| (r.extension.as_str(), r.rule))
        .collect();
    assert_eq!(
        rules,
        [
            ("11", RouteRule::CentralBackup),
            ("10", RouteRule::IndividualBackup)
        ]
    );
}

#[test]
fn b4_user_sets_overwrites_and_clears_own_backup_number() {
    let ext = ExtensionMasterData::new(digits("10"), "Ada");
    let set = ext
        .set_backup_number(&user("10"), "0171 12345678", &Rules::centrexx())
        .unwrap();
    let over = set
        .set_backup_number(&user("10"), "0160 1234567", &Rules::centrexx())
        .unwrap();
    assert_eq!(over.backup_number().unwrap().as_str(), "+491601234567");
    let cleared = over
        .set_backup_number(&user("10"), "", &Rules::centrexx())
        .unwrap();
    assert_eq!(cleared.backup_number(), None);
}

#[test]
fn b4_user_may_not_touch_another_extension_or_the_central_number() {
    let ext = ExtensionMasterData::new(digits("10"), "Ada");
    let err = ext
        .set_backup_number(&user("11"), "0171 12345678", &Rules::centrexx())
        .unwrap_err();
    assert_eq!(err, Error::Permission(PermissionError::NotOwnExtension));
    let err = pbx()
        .set_central_backup_number(&user("10"), "0171 12345678", &Rules::centrexx())
        .unwrap_err();
    assert_eq!(err, Error::Permission(PermissionError::AdminOnly));
}

#[test]
fn b4_admin_sets_any_extension_and_the_central_number() {
    let ext = ExtensionMasterData::new(digits("42"), "Eve")
        .set_backup_number(&ADMIN, "0171 12345678", &Rules::centrexx())
        .unwrap();
    assert!(ext.backup_number().is_some());
    let pbx = pbx()
        .set_central_backup_number(&ADMIN, "06131 62468-0", &Rules::centrexx())
        .unwrap();
    assert_eq!(pbx.central_backup_number().as_str(), "+496131624680");
}

#[test]
fn b5_setting_the_backup_number_writes_the_mobile_number_and_clearing_keeps_it() {
    let ext = ExtensionMasterData::new(digits("10"), "Ada")
        .set_backup_number(&user("10"), "0171/123 456 78", &Rules::centrexx())
        .unwrap();
    assert_eq!(
        ext.mobile_number.as_ref().unwrap().as_str(),
        "+4917112345678"
    );
    let cleared = ext
        .set_backup_number(&user("10"), " ", &Rules::centrexx())
        .unwrap();
    assert_eq!(
        cleared.mobile_number.as_ref().unwrap().as_str(),
        "+4917112345678"
    );
}

#[test]
fn b6_invalid_backup_number_is_refused_and_nothing_changes() {
    let ext = ExtensionMasterData::new(digits("10"), "Ada")
        .set_backup_number(&user("10"), "0171 12345678", &Rules::centrexx())
        .unwrap();
    for (typed, code) in [
        ("0171 FLOWERS", "NUMBER_HAS_LETTERS"),
        ("032 12345678", "NUMBER_INVALID"),
        ("+999 1234", "NUMBER_UNKNOWN_COUNTRY_CODE"),
    ] {
        let err = ext
            .set_backup_number(&user("10"), typed, &Rules::centrexx())
            .unwrap_err();
        assert_eq!(pbx_rules::Localized::code(&err), code, "{typed}");
    }
    assert_eq!(ext.backup_number().unwrap().as_str(), "+4917112345678");
}
