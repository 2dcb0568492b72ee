//! What a host reads about the admin account and an admin login in progress: one record
//! each, so no binding grows an accessor per field.

use chrono::{DateTime, Utc};

use super::{AdminAccount, AdminSession, AdminStep, RememberedDevice};
use crate::boundary::output_record;
use crate::{ExtensionDigits, Rules, SessionStamp};

output_record! {
    /// The admin account as seen at one instant. It holds no hash (F9).
    pub struct AdminAccountView {
        /// The revision the host compares and swaps on when it stores (I5).
        pub revision: i64,
        /// When the current password takes effect (K5).
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        pub effective_at: DateTime<Utc>,
        /// Consecutive failed logins (G5).
        pub failed_logins: i32,
        /// Consecutive wrong second-factor codes over all sessions (F7).
        pub failed_codes: i32,
        /// Whether the failures used up their allowance; a mailed password still gets in (G9).
        pub is_locked: bool,
        /// Whether a forgot-password password waits for its first use (F3).
        pub has_pending_reset: bool,
        /// The remembered browsers (A2).
        pub devices: Vec<RememberedDeviceView>,
    }
}

output_record! {
    /// A remembered browser as a host lists it: its token's id is half of the cookie and
    /// stays out, like the hash (F9).
    pub struct RememberedDeviceView {
        /// When the browser must pass the second factor again (A2).
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        pub expires_at: DateTime<Utc>,
    }
}

output_record! {
    /// An admin login in progress (A1–A5, P7).
    pub struct AdminSessionView {
        /// The revision the host compares and swaps on when it stores (I5).
        pub revision: i64,
        /// The step the login stands at.
        pub step: AdminStep,
        /// Whether the session holds extended rights (A3).
        pub has_extended_rights: bool,
        /// The extensions still on the default PIN, shown at the default-PIN step (P7).
        pub default_pin_extensions: Vec<ExtensionDigits>,
        /// Wrong codes in this session (F7).
        pub failed_codes: i32,
        /// Whose session under which password, since when (G11).
        pub stamp: SessionStamp,
    }
}

impl AdminAccount {
    /// The account as seen at `now` under `rules`.
    #[must_use]
    pub fn view(&self, now: DateTime<Utc>, rules: &Rules) -> AdminAccountView {
        AdminAccountView {
            revision: crate::boundary::signed_revision(self.revision),
            effective_at: self.effective_at,
            failed_logins: crate::boundary::signed_count(self.failed_logins()),
            failed_codes: crate::boundary::signed_count(self.failed_codes()),
            is_locked: self.is_locked(rules),
            has_pending_reset: self.has_pending_reset(now, rules),
            devices: self.devices.iter().map(RememberedDevice::view).collect(),
        }
    }
}

impl RememberedDevice {
    /// What a host may show of this browser.
    #[must_use]
    pub fn view(&self) -> RememberedDeviceView {
        RememberedDeviceView {
            expires_at: self.expires_at(),
        }
    }
}

impl AdminSession {
    /// The login as it stands.
    #[must_use]
    pub fn view(&self) -> AdminSessionView {
        AdminSessionView {
            revision: crate::boundary::signed_revision(self.revision),
            step: self.step,
            has_extended_rights: self.extended_rights,
            default_pin_extensions: self.default_pin_extensions.clone(),
            failed_codes: crate::boundary::signed_count(self.code_failures),
            stamp: self.stamp.clone(),
        }
    }
}
