//! The core's secrets as opaque Objects (G3): the plaintext stays in Rust, zeroized on drop,
//! and crosses the boundary only through an explicit `expose()`, as in the core.

use std::sync::Arc;

use pbx_rules as core;

use crate::{Policy, RuleError};

/// A PIN that passed P1.
#[derive(uniffi::Object)]
pub struct Pin(pub(crate) core::Pin);

/// An admin password that passed K1.
#[derive(uniffi::Object)]
pub struct Password(pub(crate) core::Password);

/// A second-factor code (A2).
#[derive(uniffi::Object)]
pub struct OneTimeCode(pub(crate) core::OneTimeCode);

/// `Debug` prints stars, as the core does; uniffi Objects need `Debug` for their messages.
macro_rules! masked_debug {
    ($($name:ident),+) => {$(
        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )+};
}
masked_debug!(Pin, Password, OneTimeCode);

#[uniffi::export]
impl Pin {
    /// Checks typed text against P1.
    ///
    /// # Errors
    /// `PIN_NOT_DIGITS`, `PIN_TOO_SHORT`, `PIN_TOO_LONG`.
    #[uniffi::constructor]
    pub fn parse(text: String, policy: &Policy) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(core::Pin::parse(&text, &policy.0.pin)?)))
    }

    /// The plaintext, for hashing or handing out once.
    pub fn expose(&self) -> String {
        self.0.expose().to_owned()
    }

    /// Constant-time comparison with typed text.
    pub fn matches(&self, typed: String) -> bool {
        self.0.matches(&typed)
    }

    /// Whether this is the policy's default PIN (P2).
    pub fn is_default(&self, policy: &Policy) -> bool {
        self.0.is_default(&policy.0.pin)
    }

    /// Every reason why this PIN is easy to guess; empty for a good PIN.
    ///
    /// # Errors
    /// `NUMBER_NOT_E164` for a context phone number that is not E.164.
    pub fn trivial_findings(
        &self,
        ctx: crate::PinContext,
        policy: &Policy,
    ) -> Result<Vec<crate::PinFinding>, RuleError> {
        Ok(crate::error::findings(
            &ctx.with(|c| self.0.trivial_findings(c, &policy.0.pin))?,
        ))
    }
}

#[uniffi::export]
impl Password {
    /// Checks typed text against K1 (`second_factor` selects the shorter minimum).
    ///
    /// # Errors
    /// `PASSWORD_CONTROL_CHARACTER`, `PASSWORD_INVISIBLE_CHARACTER`, `PASSWORD_TOO_SHORT`, `PASSWORD_TOO_LONG`.
    #[uniffi::constructor]
    pub fn parse(
        text: String,
        policy: &Policy,
        second_factor: bool,
    ) -> Result<Arc<Self>, RuleError> {
        Ok(Arc::new(Self(core::Password::parse(
            &text,
            &policy.0.password,
            second_factor,
        )?)))
    }

    /// The plaintext (NFKC under a policy that asks for it), for mailing once (R1).
    pub fn expose(&self) -> String {
        self.0.expose().to_owned()
    }

    /// Constant-time comparison with typed text.
    pub fn matches(&self, typed: String) -> bool {
        self.0.matches(&typed)
    }
}

#[uniffi::export]
impl OneTimeCode {
    /// The digits, for mailing once (A2).
    pub fn expose(&self) -> String {
        self.0.expose().to_owned()
    }

    /// Constant-time comparison with typed text.
    pub fn matches(&self, typed: String) -> bool {
        self.0.matches(&typed)
    }
}
