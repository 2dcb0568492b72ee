//! Every core error as one uniffi error, [`RuleError`] (G2): a Kotlin `RuleException` with
//! one subclass per core family, a Swift `RuleError` with one case per family.
//!
//! Each case carries the stable machine `code` and both messages, so the app can branch on
//! the code and show the sentence in the user's language. Families keep their own case, so
//! Kotlin can `catch (e: RuleException.Pin)` without string matching; the extra fields
//! (`findings`, `reason`) carry the data a form needs to explain a refusal.
//! A test below checks that every code in each core family's `CODES` arrives in its case.

use std::time::SystemTime;

use pbx_rules as core;
use pbx_rules::{Lang, Localized};

/// A refusal from the rules, with its stable code and messages in German and English.
#[derive(Clone, Debug, thiserror::Error, uniffi::Error)]
pub enum RuleError {
    /// A phone number was refused (N1, N2, B6).
    #[error("{code}: {message_en}")]
    Number {
        /// Stable machine code (`NUMBER_TOO_SHORT`).
        code: String,
        /// German message.
        message_de: String,
        /// English message.
        message_en: String,
    },
    /// A login identifier or PBX base number was refused (N4–N6).
    #[error("{code}: {message_en}")]
    LoginId {
        /// Stable machine code.
        code: String,
        /// German message.
        message_de: String,
        /// English message.
        message_en: String,
    },
    /// A backup-number edit was refused (B1, B2).
    #[error("{code}: {message_en}")]
    Backup {
        /// Stable machine code.
        code: String,
        /// German message.
        message_de: String,
        /// English message.
        message_en: String,
    },
    /// The actor may not do this (B4, P4, A3, R3, V1).
    #[error("{code}: {message_en}")]
    Permission {
        /// Stable machine code.
        code: String,
        /// German message.
        message_de: String,
        /// English message.
        message_en: String,
    },
    /// A PIN was refused (P1, P3, P8).
    #[error("{code}: {message_en}")]
    Pin {
        /// Stable machine code.
        code: String,
        /// German message.
        message_de: String,
        /// English message.
        message_en: String,
        /// For `PIN_TRIVIAL`: what makes the PIN easy to guess; empty otherwise.
        findings: Vec<PinFinding>,
    },
    /// An admin password was refused (K1–K3).
    #[error("{code}: {message_en}")]
    Password {
        /// Stable machine code.
        code: String,
        /// German message.
        message_de: String,
        /// English message.
        message_en: String,
        /// For `PASSWORD_BLOCKLISTED`: why; `None` otherwise.
        reason: Option<BlockReason>,
    },
    /// A credential could not be hashed or a stored hash could not be used (G4).
    #[error("{code}: {message_en}")]
    Hash {
        /// Stable machine code.
        code: String,
        /// German message.
        message_de: String,
        /// English message.
        message_en: String,
    },
    /// No random secret could be made (R4).
    #[error("{code}: {message_en}")]
    Generate {
        /// Stable machine code.
        code: String,
        /// German message.
        message_de: String,
        /// English message.
        message_en: String,
    },
    /// A login or login step was refused (A1–A4, K5, P5, P6, G5).
    #[error("{code}: {message_en}")]
    Login {
        /// Stable machine code.
        code: String,
        /// German message.
        message_de: String,
        /// English message.
        message_en: String,
        /// The time the refusal names: `retry_at` of `LOGIN_THROTTLED`, `since` of
        /// `LOGIN_PIN_EXPIRED`, `until` of `LOGIN_PASSWORD_PENDING` and `LOGIN_PIN_PENDING`;
        /// `None` otherwise.
        at: Option<SystemTime>,
    },
    /// A forgot-PIN or forgot-password request was refused (R1–R3).
    #[error("{code}: {message_en}")]
    Recovery {
        /// Stable machine code.
        code: String,
        /// German message.
        message_de: String,
        /// English message.
        message_en: String,
    },
    /// A policy value outside its documented bounds, refused when the rules were built (F6).
    #[error("{code}: {message_en}")]
    Policy {
        /// Stable machine code (`POLICY_OUT_OF_RANGE`).
        code: String,
        /// German message, naming the field.
        message_de: String,
        /// English message, naming the field.
        message_en: String,
    },
    /// A family added to the core after this binding: code and messages still arrive, so
    /// the app can show it; a test keeps every current family out of this case.
    #[error("{code}: {message_en}")]
    Other {
        /// Stable machine code.
        code: String,
        /// German message.
        message_de: String,
        /// English message.
        message_en: String,
    },
}

/// One reason why a PIN is easy to guess, with its stable code and both messages.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct PinFinding {
    /// Stable machine code (`PIN_TRIVIAL_SEQUENCE`).
    pub code: String,
    /// German text.
    pub message_de: String,
    /// English text.
    pub message_en: String,
}

/// Why a strict policy's blocklist refused a password.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum BlockReason {
    /// A common password.
    CommonPassword,
    /// It contains the head number (K4).
    HeadNumber,
    /// It contains the company name (K4).
    CompanyName,
    /// It contains the admin email (K4).
    AdminEmail,
}

/// Code and both messages of any localized core value.
fn parts(e: &impl Localized) -> (String, String, String) {
    (
        e.code().to_owned(),
        e.message(Lang::De),
        e.message(Lang::En),
    )
}

impl From<&core::TrivialPinFinding> for PinFinding {
    fn from(f: &core::TrivialPinFinding) -> Self {
        let (code, message_de, message_en) = parts(f);
        Self {
            code,
            message_de,
            message_en,
        }
    }
}

/// The findings of a core list, in the core's order.
pub(crate) fn findings(list: &[core::TrivialPinFinding]) -> Vec<PinFinding> {
    list.iter().map(PinFinding::from).collect()
}

impl BlockReason {
    fn from_core(reason: core::BlockReason) -> Option<Self> {
        use core::{BlockReason as B, ContextKind as C};
        // Both core enums are non-exhaustive; a reason added later arrives as `None` here
        // (the code and messages still say what it is) until it gets its own case.
        match reason {
            B::CommonPassword => Some(Self::CommonPassword),
            B::ContainsContext(C::HeadNumber) => Some(Self::HeadNumber),
            B::ContainsContext(C::CompanyName) => Some(Self::CompanyName),
            B::ContainsContext(C::AdminEmail) => Some(Self::AdminEmail),
            _ => None,
        }
    }
}

/// `From` for the families whose case carries only code and messages.
macro_rules! plain_family {
    ($($core:ident => $case:ident),+ $(,)?) => {$(
        impl From<core::$core> for RuleError {
            fn from(e: core::$core) -> Self {
                let (code, message_de, message_en) = parts(&e);
                Self::$case { code, message_de, message_en }
            }
        }
    )+};
}

plain_family!(
    NumberError => Number,
    LoginIdError => LoginId,
    PermissionError => Permission,
    HashError => Hash,
    GenerateError => Generate,
    RecoveryError => Recovery,
    PolicyError => Policy,
);

impl From<core::LoginError> for RuleError {
    fn from(e: core::LoginError) -> Self {
        use core::LoginError as L;
        let at = match &e {
            L::Throttled { retry_at: t }
            | L::PinExpired { since: t }
            | L::PasswordPending { until: t }
            | L::PinPending { until: t } => Some(SystemTime::from(*t)),
            _ => None,
        };
        let (code, message_de, message_en) = parts(&e);
        Self::Login {
            code,
            message_de,
            message_en,
            at,
        }
    }
}

/// The core's umbrella error of the lifecycle operations: each family to its own case.
impl From<core::Error> for RuleError {
    fn from(e: core::Error) -> Self {
        use core::Error as E;
        match e {
            E::Number(e) => e.into(),
            E::LoginId(e) => e.into(),
            E::Backup(e) => e.into(),
            E::Permission(e) => e.into(),
            E::Pin(e) => e.into(),
            E::Password(e) => e.into(),
            E::Hash(e) => e.into(),
            E::Generate(e) => e.into(),
            E::Login(e) => e.into(),
            E::Recovery(e) => e.into(),
            E::Policy(e) => e.into(),
            other => {
                let (code, message_de, message_en) = parts(&other);
                Self::Other {
                    code,
                    message_de,
                    message_en,
                }
            }
        }
    }
}

impl From<core::PinError> for RuleError {
    fn from(e: core::PinError) -> Self {
        let findings = match &e {
            core::PinError::Trivial { findings: list } => findings(list),
            _ => Vec::new(),
        };
        let (code, message_de, message_en) = parts(&e);
        Self::Pin {
            code,
            message_de,
            message_en,
            findings,
        }
    }
}

impl From<core::PasswordError> for RuleError {
    fn from(e: core::PasswordError) -> Self {
        let reason = match &e {
            core::PasswordError::Blocklisted { reason } => BlockReason::from_core(*reason),
            _ => None,
        };
        let (code, message_de, message_en) = parts(&e);
        Self::Password {
            code,
            message_de,
            message_en,
            reason,
        }
    }
}

/// A backup edit fails for its own reason or for a wrapped number or permission error; the
/// wrapped ones arrive in their own family so the app handles them in one place.
impl From<core::BackupError> for RuleError {
    fn from(e: core::BackupError) -> Self {
        match e {
            core::BackupError::Number(inner) => inner.into(),
            core::BackupError::Permission(inner) => inner.into(),
            other => {
                let (code, message_de, message_en) = parts(&other);
                Self::Backup {
                    code,
                    message_de,
                    message_en,
                }
            }
        }
    }
}

/// A base number fails as a number or as a login identifier.
impl From<core::BaseNumberError> for RuleError {
    fn from(e: core::BaseNumberError) -> Self {
        match e {
            core::BaseNumberError::Number(inner) => inner.into(),
            core::BaseNumberError::LoginId(inner) => inner.into(),
        }
    }
}

impl RuleError {
    /// The stable machine code, whatever the family.
    #[must_use]
    pub fn code(&self) -> &str {
        match self {
            Self::Number { code, .. }
            | Self::LoginId { code, .. }
            | Self::Backup { code, .. }
            | Self::Permission { code, .. }
            | Self::Pin { code, .. }
            | Self::Password { code, .. }
            | Self::Hash { code, .. }
            | Self::Generate { code, .. }
            | Self::Login { code, .. }
            | Self::Recovery { code, .. }
            | Self::Policy { code, .. }
            | Self::Other { code, .. } => code,
        }
    }
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
