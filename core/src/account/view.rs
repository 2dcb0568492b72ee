//! What a host reads about an extension's account: one record with every fact a screen or
//! a compare-and-swap needs, so no binding grows an accessor per field.

use chrono::{DateTime, Utc};

use super::{ExtensionAccount, PinOrigin};
use crate::boundary::output_record;
use crate::{ExtensionDigits, Rules};

output_record! {
    /// An extension account as seen at one instant: the facts that depend on the time and
    /// the policy are decided then. It holds no hash and no PIN length (F9).
    pub struct ExtensionAccountView {
        /// The revision the host compares and swaps on when it stores (I5).
        pub revision: i64,
        /// The extension digits.
        pub extension: ExtensionDigits,
        /// Who set the current PIN (P5).
        pub pin_origin: PinOrigin,
        /// When the current PIN was set.
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        pub pin_set_at: DateTime<Utc>,
        /// Until when login is refused after the user changed the PIN (P10).
        #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
        pub pin_effective_at: Option<DateTime<Utc>>,
        /// Whether the current PIN is the policy's default PIN (P7).
        pub has_default_pin: bool,
        /// Whether the user must change the PIN (P5).
        pub must_change_pin: bool,
        /// When the user login locks unless the PIN is changed; none for a user's own PIN (P5).
        #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
        pub change_deadline: Option<DateTime<Utc>>,
        /// Whether that deadline has passed (P5).
        pub is_pin_expired: bool,
        /// Whether the user login is locked: deadline passed or failures used up (P5, G5).
        pub is_locked: bool,
        /// Consecutive failed logins (G5).
        pub failed_logins: i32,
        /// Whether a forgot-PIN PIN waits for its first use (F3).
        pub has_pending_reset: bool,
    }
}

impl ExtensionAccount {
    /// The account as seen at `now` under `rules`: every fact a host shows or stores by.
    ///
    /// # Examples
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use pbx_rules::{ExtensionAccount, ExtensionDigits, Rules};
    /// let rules = Rules::centrexx();
    /// let now = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    /// let created = ExtensionAccount::create(ExtensionDigits::parse("10")?, now, &rules)?;
    /// let view = created.account.view(now, &rules);
    /// assert_eq!(view.revision, i64::try_from(created.account.revision()).unwrap());
    /// assert!(view.must_change_pin);
    /// # Ok::<(), pbx_rules::Error>(())
    /// ```
    #[must_use]
    pub fn view(&self, now: DateTime<Utc>, rules: &Rules) -> ExtensionAccountView {
        ExtensionAccountView {
            revision: crate::boundary::signed_revision(self.revision),
            extension: self.extension.clone(),
            pin_origin: self.pin_origin,
            pin_set_at: self.pin_set_at,
            pin_effective_at: self.pin_effective_at,
            has_default_pin: self.pin_is_default,
            must_change_pin: self.must_change_pin(),
            change_deadline: self.change_deadline(rules),
            is_pin_expired: self.is_pin_expired(now, rules),
            is_locked: self.is_locked(now, rules),
            failed_logins: crate::boundary::signed_count(self.failed_logins()),
            has_pending_reset: self.has_pending_reset(now, rules),
        }
    }
}
