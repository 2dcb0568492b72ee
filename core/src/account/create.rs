//! A new extension's user account (P2).

use chrono::{DateTime, Utc};

use super::{ExtensionAccount, PinOrigin, STATE_VERSION};
use crate::recovery::RecoveryLog;
use crate::{Error, ExtensionDigits, Pin, PinContext, Rules, generate_pin, throttle::Throttle};

/// A new account and, where the policy has no default PIN, its random first PIN.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, serde::Serialize)]
#[non_exhaustive]
pub struct Created {
    /// The account to store.
    pub account: ExtensionAccount,
    /// The random first PIN to hand to the user once; `None` when the default PIN applies.
    #[cfg_attr(feature = "wasm", tsify(type = "Secret | null"))]
    pub initial_pin: Option<Pin>,
}

impl ExtensionAccount {
    /// Creates the user account of a new extension (P2): with the policy's default PIN
    /// (`0000` in centrexx), or a random one where the policy has none (strict). Either way
    /// the user must change it within the window (P5).
    ///
    /// # Errors
    /// [`Error::Pin`] if the policy's default PIN breaks its own rules, [`Error::Generate`]
    /// or [`Error::Hash`] when randomness or hashing fails.
    pub fn create(
        extension: ExtensionDigits,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Created, Error> {
        let (policy, hasher) = (rules.policy(), rules.hasher());
        let (pin, initial_pin) = match &policy.pin.default_pin {
            Some(default) => (Pin::parse_with(default, &policy.pin)?, None),
            None => {
                let ctx = PinContext {
                    extension_digits: Some(extension.as_str().to_owned()),
                    ..PinContext::default()
                };
                let pin = generate_pin(&ctx, rules)?;
                (pin.clone(), Some(pin))
            }
        };
        let account = Self {
            version: STATE_VERSION,
            revision: 0,
            extension,
            pin_hash: hasher.hash(pin.expose().as_bytes())?,
            pin_origin: PinOrigin::Initial,
            pin_len: pin.expose().len(),
            pin_is_default: pin.is_default(&policy.pin),
            pin_set_at: now,
            pin_effective_at: None,
            throttle: Throttle::default(),
            pending_reset: None,
            recovery: RecoveryLog::default(),
            credential_epoch: 0,
        };
        Ok(Created {
            account,
            initial_pin,
        })
    }
}
