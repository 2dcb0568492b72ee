//! A new extension's user account (P2).

use chrono::{DateTime, Utc};

use super::{ExtensionAccount, PinOrigin, STATE_VERSION};
use crate::recovery::RecoveryLog;
use crate::{Error, ExtensionDigits, Pin, PinContext, Rules, generate_pin, throttle::Throttle};

/// A new account's state around its first PIN's hash: revision 0, nothing counted yet.
fn new_account(
    extension: ExtensionDigits,
    pin_hash: String,
    pin: &Pin,
    origin: PinOrigin,
    now: DateTime<Utc>,
    rules: &Rules,
) -> ExtensionAccount {
    ExtensionAccount {
        version: STATE_VERSION,
        revision: 0,
        extension,
        pin_hash,
        pin_origin: origin,
        pin_len: pin.expose().len(),
        pin_is_default: pin.is_default(&rules.policy().pin),
        pin_set_at: now,
        pin_effective_at: None,
        throttle: Throttle::default(),
        pending_reset: None,
        recovery: RecoveryLog::default(),
        credential_epoch: 0,
    }
}

/// A new account and, where the policy has no default PIN, its random first PIN.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, serde::Serialize)]
#[non_exhaustive]
pub struct Created {
    /// The account to store.
    pub account: ExtensionAccount,
    /// The random first PIN to hand to the user once; `None` when the default PIN applies
    /// or the admin chose the PIN ([`ExtensionAccount::create_with_pin`]), whose caller
    /// holds it already.
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
        let hash = hasher.hash(pin.expose().as_bytes())?;
        let account = new_account(extension, hash, &pin, PinOrigin::Initial, now, rules);
        Ok(Created {
            account,
            initial_pin,
        })
    }

    /// Creates the user account of a new extension with a PIN the admin chose (P4), in one
    /// argon2 hash: what [`ExtensionAccount::create`] followed by
    /// [`ExtensionAccount::set_pin_by_admin`] leaves, without hashing the default PIN first.
    /// The PIN must pass P1, as an admin-set PIN does; it counts as set by the admin (P5):
    /// the user must change it at the next login (P6) and within the window from `now`. The
    /// admin may choose the default PIN, which then shows in P7's list, as with
    /// `set_pin_by_admin`.
    ///
    /// No effects, as with `create`: the account is new, so there is no phone to restart
    /// and no owner to tell of a change (P9); the host that provisions the extension gives
    /// its voicemail and phonebook this first PIN, as it does the default one. No actor and
    /// no confirmation either: creating an extension is the admin's act, as in `create`, and
    /// a PIN typed by a person is compared with its confirmation by the form. The returned
    /// [`Created::initial_pin`] is `None`: the caller holds the PIN already.
    ///
    /// # Errors
    /// [`Error::Pin`] for a PIN that breaks P1, [`Error::Hash`] when hashing fails.
    pub fn create_with_pin(
        extension: ExtensionDigits,
        pin: &str,
        now: DateTime<Utc>,
        rules: &Rules,
    ) -> Result<Created, Error> {
        let pin = Pin::parse_with(pin, &rules.policy().pin)?;
        let hash = rules.hasher().hash(pin.expose().as_bytes())?;
        let account = new_account(extension, hash, &pin, PinOrigin::Admin, now, rules);
        Ok(Created {
            account,
            initial_pin: None,
        })
    }
}
