//! Forgot PIN and forgot password (R1–R3).

use std::sync::Arc;
use std::time::SystemTime;

use pbx_rules as core;

use crate::effect::{decision, split, utc};
use crate::{AdminAccount, ExtensionAccount, ExtensionMasterData, PbxMasterData, Rules};

type MaybeAccount = Option<Arc<ExtensionAccount>>;
type MaybeAdmin = Option<Arc<AdminAccount>>;
type Unit = ();

decision!(
    /// The decision of a forgot-PIN request: the account to save, if the host found one.
    ForgotPinDecision, MaybeAccount, Unit
);
decision!(
    /// The decision of a forgot-password request: the admin account to save, if found.
    ForgotPasswordDecision, MaybeAdmin, Unit
);

/// Forgot PIN (R2): `master` and `account` are what the host found for the typed number
/// (both `None` when nothing was found; the core takes them as one pair).
#[uniffi::export]
pub fn forgot_pin(
    pbx: &PbxMasterData,
    master: Option<Arc<ExtensionMasterData>>,
    account: Option<Arc<ExtensionAccount>>,
    now: SystemTime,
    rules: &Rules,
) -> Arc<ForgotPinDecision> {
    let found = master
        .as_ref()
        .zip(account.as_ref())
        .map(|(m, a)| (&m.0, &a.0));
    let d = core::forgot_pin(&pbx.0, found, utc(now), &rules.0);
    ForgotPinDecision::wrap(split(
        d,
        |s| s.map(|a| Arc::new(ExtensionAccount(a))),
        |()| (),
    ))
}

/// Forgot password (R1): `pbx` and `account` are what the host found for the typed head
/// number (both `None` when nothing was found).
#[uniffi::export]
pub fn forgot_password(
    typed_head_number: String,
    pbx: Option<Arc<PbxMasterData>>,
    account: Option<Arc<AdminAccount>>,
    now: SystemTime,
    rules: &Rules,
) -> Arc<ForgotPasswordDecision> {
    let found = pbx
        .as_ref()
        .zip(account.as_ref())
        .map(|(p, a)| (&p.0, &a.0));
    let d = core::forgot_password(&typed_head_number, found, utc(now), &rules.0);
    ForgotPasswordDecision::wrap(split(d, |s| s.map(|a| Arc::new(AdminAccount(a))), |()| ()))
}
