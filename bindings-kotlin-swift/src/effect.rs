//! What a lifecycle operation decided (G1): the state to save, the effects to carry out and
//! the outcome, as one Object per operation (uniffi has no generics).
//!
//! A decision is an Object rather than a Result because the state must reach the host
//! also after a refusal (a failed login is counted, G5): `state()` and `effects()` always
//! answer, `outcome()` returns the result or throws the refusal as a `RuleException`.

use std::sync::Arc;
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use pbx_rules as core;
use pbx_rules::{ChangeKind, SecretPurpose};

use crate::{Pin, RuleError};

/// `now` and other instants from the boundary (Kotlin `Instant`, Swift `Date`).
pub(crate) fn utc(t: SystemTime) -> DateTime<Utc> {
    t.into()
}

/// An instant for the boundary.
pub(crate) fn instant(t: DateTime<Utc>) -> SystemTime {
    t.into()
}

/// A secret to mail exactly once (R1, R2, A2); prints as `***`.
#[derive(uniffi::Object)]
pub struct MailSecret(core::Secret);

impl std::fmt::Debug for MailSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[uniffi::export]
impl MailSecret {
    /// The plaintext, for the mail and nothing else.
    pub fn expose(&self) -> String {
        self.0.expose().to_owned()
    }
}

/// Whose credential changed.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum AccountRef {
    /// The admin account.
    Admin,
    /// The user account of one extension.
    Extension {
        /// The extension digits.
        digits: String,
    },
}

/// Why a secret is mailed (the core enum).
#[uniffi::remote(Enum)]
pub enum SecretPurpose {
    PasswordReset,
    PinReset,
    ExtendedRightsCode,
    InitialPin,
}

/// How a credential changed (the core enum).
#[uniffi::remote(Enum)]
pub enum ChangeKind {
    ChangedByOwner,
    SetByAdmin,
    Reset,
}

/// Something the host must carry out.
#[derive(Clone, Debug, uniffi::Enum)]
pub enum Effect {
    /// Mail `secret` to `to`; never log or store it.
    SendSecret {
        /// The address from the master data.
        to: String,
        /// Why.
        purpose: SecretPurpose,
        /// The plaintext, once.
        secret: Arc<MailSecret>,
    },
    /// Tell the admin contact that a user could not reset their PIN (R2).
    NotifyAdminNoUserEmail {
        /// The extension that asked.
        extension: String,
    },
    /// Set the new PIN for voicemail and the phonebook too (P9).
    SyncPin {
        /// The extension.
        extension: String,
        /// The new PIN.
        pin: Arc<Pin>,
    },
    /// Restart the extension's phone once (P9).
    RestartPhone {
        /// The extension.
        extension: String,
    },
    /// Tell the owner that their credential changed.
    NotifyCredentialChanged {
        /// Whose credential.
        account: AccountRef,
        /// How.
        how: ChangeKind,
    },
    /// An effect kind added to the core after this binding (its `Debug`, secrets masked);
    /// a test keeps every current kind out of this case.
    Unsupported {
        /// What the core said.
        debug: String,
    },
}

impl From<core::Effect> for Effect {
    fn from(e: core::Effect) -> Self {
        use core::Effect as E;
        let digits = |d: core::ExtensionDigits| d.as_str().to_owned();
        match e {
            E::SendSecret {
                to,
                purpose,
                secret,
            } => Self::SendSecret {
                to,
                purpose,
                secret: Arc::new(MailSecret(secret)),
            },
            E::NotifyAdminNoUserEmail { extension } => Self::NotifyAdminNoUserEmail {
                extension: digits(extension),
            },
            E::SyncPin { extension, pin } => Self::SyncPin {
                extension: digits(extension),
                pin: Arc::new(Pin(pin)),
            },
            E::RestartPhone { extension } => Self::RestartPhone {
                extension: digits(extension),
            },
            E::NotifyCredentialChanged { account, how } => Self::NotifyCredentialChanged {
                account: match account {
                    core::AccountRef::Admin => AccountRef::Admin,
                    core::AccountRef::Extension(d) => AccountRef::Extension { digits: digits(d) },
                },
                how,
            },
            other => Self::Unsupported {
                debug: format!("{other:?}"),
            },
        }
    }
}

/// Splits a core decision, converting its state and its success value.
pub(crate) fn split<S, T, S2, T2>(
    d: core::Decision<S, T>,
    state: impl FnOnce(S) -> S2,
    ok: impl FnOnce(T) -> T2,
) -> (S2, Vec<Effect>, Result<T2, RuleError>) {
    (
        state(d.state),
        d.effects.into_iter().map(Effect::from).collect(),
        d.outcome.map(ok).map_err(RuleError::from),
    )
}

/// One decision Object: `state()`, `effects()`, `outcome()`. The types are aliases (plain
/// idents), so the uniffi macros see ordinary paths.
macro_rules! decision {
    ($(#[$doc:meta])* $name:ident, $state:ident, $ok:ident) => {
        $(#[$doc])*
        #[derive(Debug, uniffi::Object)]
        pub struct $name {
            state: $state,
            effects: Vec<$crate::effect::Effect>,
            outcome: Result<$ok, $crate::RuleError>,
        }

        impl $name {
            pub(crate) fn wrap(
                (state, effects, outcome): ($state, Vec<$crate::effect::Effect>, Result<$ok, $crate::RuleError>),
            ) -> std::sync::Arc<Self> {
                std::sync::Arc::new(Self { state, effects, outcome })
            }
        }

        #[uniffi::export]
        impl $name {
            /// The state to save, also after a refusal.
            pub fn state(&self) -> $state {
                self.state.clone()
            }

            /// What the host must carry out, in order, together with saving the state.
            pub fn effects(&self) -> Vec<$crate::effect::Effect> {
                self.effects.clone()
            }

            /// What happened.
            ///
            /// # Errors
            /// The refusal, as the core decided it.
            pub fn outcome(&self) -> Result<$ok, $crate::RuleError> {
                self.outcome.clone()
            }
        }
    };
}
pub(crate) use decision;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Every effect kind the core has today arrives as its own case, never `Unsupported`.
    #[test]
    fn every_core_effect_maps_to_its_own_case() {
        let ten = core::ExtensionDigits::parse("10").unwrap();
        let pin = core::Pin::parse("4711", &core::PinPolicy::centrexx()).unwrap();
        let effects = [
            core::Effect::SendSecret {
                to: "ada@beispiel.de".into(),
                purpose: SecretPurpose::PinReset,
                secret: core::Secret::Pin(pin.clone()),
            },
            core::Effect::NotifyAdminNoUserEmail {
                extension: ten.clone(),
            },
            core::Effect::SyncPin {
                extension: ten.clone(),
                pin,
            },
            core::Effect::RestartPhone {
                extension: ten.clone(),
            },
            core::Effect::NotifyCredentialChanged {
                account: core::AccountRef::Extension(ten),
                how: ChangeKind::Reset,
            },
        ];
        for effect in effects {
            let mapped = Effect::from(effect);
            assert!(!matches!(mapped, Effect::Unsupported { .. }), "{mapped:?}");
            assert!(!format!("{mapped:?}").contains("4711"), "G3: {mapped:?}");
        }
    }
}
