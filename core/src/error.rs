//! Every error family of the crate in one type, for the lifecycle operations that can fail
//! for several reasons, and for bindings that map one type.

use crate::lang::{Lang, Localized};
use crate::{
    BackupError, BaseNumberError, GenerateError, HashError, LoginError, LoginIdError, NumberError,
    PasswordError, PermissionError, PinError, PolicyError, RecoveryError,
};

/// Any rejection of this crate. Each variant wraps one family; `code()` and `message()`
/// are the family's own (G2).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A phone number (N1–N3).
    #[error(transparent)]
    Number(#[from] NumberError),
    /// A login identifier (N4–N6).
    #[error(transparent)]
    LoginId(#[from] LoginIdError),
    /// A backup-number edit (B1–B6).
    #[error(transparent)]
    Backup(#[from] BackupError),
    /// Who may do what.
    #[error(transparent)]
    Permission(#[from] PermissionError),
    /// A PIN (P1–P3, P8).
    #[error(transparent)]
    Pin(#[from] PinError),
    /// A password (K1–K4).
    #[error(transparent)]
    Password(#[from] PasswordError),
    /// A stored hash (G4).
    #[error(transparent)]
    Hash(#[from] HashError),
    /// Random generation (R4).
    #[error(transparent)]
    Generate(#[from] GenerateError),
    /// A login or login step (A1–A4, K5, P5, G5).
    #[error(transparent)]
    Login(#[from] LoginError),
    /// A forgot-PIN or forgot-password request (R1–R3).
    #[error(transparent)]
    Recovery(#[from] RecoveryError),
    /// A policy outside its bounds (F6, G6).
    #[error(transparent)]
    Policy(#[from] PolicyError),
}

impl From<BaseNumberError> for Error {
    fn from(e: BaseNumberError) -> Self {
        match e {
            BaseNumberError::Number(e) => Self::Number(e),
            BaseNumberError::LoginId(e) => Self::LoginId(e),
        }
    }
}

impl Error {
    fn inner(&self) -> &dyn Localized {
        match self {
            Self::Number(e) => e,
            Self::LoginId(e) => e,
            Self::Backup(e) => e,
            Self::Permission(e) => e,
            Self::Pin(e) => e,
            Self::Password(e) => e,
            Self::Hash(e) => e,
            Self::Generate(e) => e,
            Self::Login(e) => e,
            Self::Recovery(e) => e,
            Self::Policy(e) => e,
        }
    }

    /// The family's name, as bindings name their exception classes (`number`, `pin`, …).
    #[must_use]
    pub fn family(&self) -> &'static str {
        match self {
            Self::Number(_) => "number",
            Self::LoginId(_) => "login_id",
            Self::Backup(_) => "backup",
            Self::Permission(_) => "permission",
            Self::Pin(_) => "pin",
            Self::Password(_) => "password",
            Self::Hash(_) => "hash",
            Self::Generate(_) => "generate",
            Self::Login(_) => "login",
            Self::Recovery(_) => "recovery",
            Self::Policy(_) => "policy",
        }
    }
}

impl Localized for Error {
    fn code(&self) -> &'static str {
        self.inner().code()
    }

    fn message(&self, lang: Lang) -> String {
        self.inner().message(lang)
    }
}
