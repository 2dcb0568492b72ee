//! The permission table (B4, P4, A3, R3, V1).
#![allow(clippy::unwrap_used, missing_docs)]

use pbx_rules::{Action, Actor, ExtensionDigits, PermissionError, authorize};

fn d(s: &str) -> ExtensionDigits {
    ExtensionDigits::parse(s).unwrap()
}

#[test]
fn a3_extended_rights_gate_sip_statistics_tapi_and_contract_changes() {
    let plain = Actor::Admin {
        extended_rights: false,
    };
    let extended = Actor::Admin {
        extended_rights: true,
    };
    for action in [
        Action::ViewSipAccount,
        Action::ViewStatistics,
        Action::ManageTapiLicences,
        Action::ContractChanges,
    ] {
        assert_eq!(
            authorize(&plain, &action),
            Err(PermissionError::ExtendedRightsRequired),
            "{action:?}"
        );
        assert_eq!(authorize(&extended, &action), Ok(()), "{action:?}");
    }
    assert_eq!(authorize(&plain, &Action::ManageExtensions), Ok(()));
}

#[test]
fn p4_r3_only_the_admin_sets_pins_and_the_self_service_switch() {
    let user = Actor::User { extension: d("10") };
    assert_eq!(
        authorize(&user, &Action::SetPin { extension: d("10") }),
        Err(PermissionError::AdminOnly)
    );
    assert_eq!(
        authorize(&user, &Action::SetSelfServicePinReset),
        Err(PermissionError::AdminOnly)
    );
    assert_eq!(
        authorize(&user, &Action::ChangePin { extension: d("10") }),
        Ok(())
    );
    assert_eq!(
        authorize(&user, &Action::ChangePin { extension: d("11") }),
        Err(PermissionError::NotOwnExtension)
    );
    let admin = Actor::Admin {
        extended_rights: false,
    };
    assert_eq!(
        authorize(&admin, &Action::SetPin { extension: d("10") }),
        Ok(())
    );
    assert_eq!(authorize(&admin, &Action::SetSelfServicePinReset), Ok(()));
}

#[test]
fn v1_only_staff_and_trained_partners_switch_preview() {
    let may = |a: Actor| authorize(&a, &Action::SwitchPreviewMode).is_ok();
    assert!(may(Actor::Staff));
    assert!(may(Actor::Partner {
        advanced_training: true
    }));
    assert!(!may(Actor::Partner {
        advanced_training: false
    }));
    assert!(!may(Actor::Admin {
        extended_rights: true
    }));
    assert!(!may(Actor::User { extension: d("10") }));
}

#[test]
fn staff_and_partners_have_no_powers_over_pbx_data() {
    for actor in [
        Actor::Staff,
        Actor::Partner {
            advanced_training: true,
        },
    ] {
        for action in [
            Action::SetCentralBackupNumber,
            Action::SetBackupNumber { extension: d("10") },
            Action::ViewSipAccount,
        ] {
            assert!(authorize(&actor, &action).is_err(), "{actor:?} {action:?}");
        }
    }
}
