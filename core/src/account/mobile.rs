//! The mobile app's login (P8).

use chrono::{DateTime, Utc};

use super::{ExtensionAccount, UserLogin};
use crate::{
    Decision, ExtensionMasterData, LoginError, PermissionError, Pin, Rules, SessionStamp,
    mobile_app_check,
};

impl ExtensionAccount {
    /// The mobile app's login: the user login (G5, P5) first; then the app refuses a PIN
    /// that is one of the refused ones (`0000`, `1234`), a missing mobile number in the master
    /// data (P8, B5), and a PIN that must still be changed (the app has no change step, P6).
    ///
    /// The master data must be this extension's (I8): other master data are refused with
    /// [`PermissionError::MasterDataMismatch`] before the PIN is looked at. A successful
    /// login opens a session (G11).
    pub fn mobile_login(
        &self,
        master: &ExtensionMasterData,
        pin: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Decision<Self, SessionStamp> {
        let policy = rules.policy();
        if master.digits != self.extension {
            return Decision::refuse(self.clone(), PermissionError::MasterDataMismatch);
        }
        let login = self.login(pin, now, rules);
        let outcome = login.outcome.and_then(|step| {
            Pin::parse_with(pin, &policy.pin)
                .and_then(|pin| mobile_app_check(&pin, master.mobile_number.as_ref(), rules))?;
            match step {
                UserLogin::LoggedIn { session } => Ok(session),
                UserLogin::MustChangePin { .. } => Err(LoginError::PinChangeRequired.into()),
            }
        });
        Decision {
            state: login.state,
            effects: login.effects,
            outcome,
        }
    }
}
