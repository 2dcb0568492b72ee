//! Every error family of the crate in one type, for the lifecycle operations that can fail
//! for several reasons, and for bindings that map one type.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::lang::{Lang, Localized};
#[cfg(feature = "lifecycle")]
use crate::{BackupError, LoginError, PermissionError, RecoveryError, SessionError};
use crate::{
    GenerateError, HashError, LoginIdError, NumberError, PasswordError, PinError, PolicyError,
    StateError,
};

/// Any rejection of this crate. Each variant wraps one family; `code()` and `message()`
/// are the family's own (G2).
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(
        rename = "PbxError",
        type = "{ family: string; code: string; message_de: string; message_en: string; details?: Record<string, unknown> }"
    )
)]
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
    #[cfg(feature = "lifecycle")]
    #[error(transparent)]
    Backup(#[from] BackupError),
    /// Who may do what.
    #[cfg(feature = "lifecycle")]
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
    #[cfg(feature = "lifecycle")]
    #[error(transparent)]
    Login(#[from] LoginError),
    /// A forgot-PIN or forgot-password request (R1–R3).
    #[cfg(feature = "lifecycle")]
    #[error(transparent)]
    Recovery(#[from] RecoveryError),
    /// A session that no longer holds (G11).
    #[cfg(feature = "lifecycle")]
    #[error(transparent)]
    Session(#[from] SessionError),
    /// A policy outside its bounds (F6, G6).
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// Stored JSON that cannot be read.
    #[error(transparent)]
    State(#[from] StateError),
}

/// A family's error as the umbrella sees it: its code and messages, and its fields as JSON.
trait Family: Localized {
    /// The variant's fields (`{"retry_at": …}`), `null` for a variant without any.
    fn details(&self) -> serde_json::Value;
}

impl<E: Localized + Serialize> Family for E {
    fn details(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// The one list of families: each variant with its type and its name. It makes the
/// dispatch to the family, [`Error::family`] and [`Error::FAMILIES`], so a family's name is
/// written once.
macro_rules! families {
    ($($(#[$when:meta])* $variant:ident($ty:ty) => $name:literal,)+) => {
        impl Error {
            fn inner(&self) -> &dyn Family {
                match self { $($(#[$when])* Self::$variant(e) => e,)+ }
            }

            /// The family's name, as bindings name their exception classes (`number`,
            /// `pin`, …).
            #[must_use]
            pub fn family(&self) -> &'static str {
                match self { $($(#[$when])* Self::$variant(_) => $name,)+ }
            }

            /// Every family with its codes, in the order of the variants: the one table
            /// bindings make their exception types from. A code belongs to exactly one
            /// family (tested). A build without `lifecycle` lists only the families its
            /// areas can return (no login, session, recovery, backup or permission errors).
            pub const FAMILIES: &'static [(&'static str, &'static [&'static str])] =
                &[$($(#[$when])* ($name, <$ty>::CODES),)+];
        }
    };
}

families! {
    Number(NumberError) => "number",
    LoginId(LoginIdError) => "login_id",
    #[cfg(feature = "lifecycle")]
    Backup(BackupError) => "backup",
    #[cfg(feature = "lifecycle")]
    Permission(PermissionError) => "permission",
    Pin(PinError) => "pin",
    Password(PasswordError) => "password",
    Hash(HashError) => "hash",
    Generate(GenerateError) => "generate",
    #[cfg(feature = "lifecycle")]
    Login(LoginError) => "login",
    #[cfg(feature = "lifecycle")]
    Recovery(RecoveryError) => "recovery",
    #[cfg(feature = "lifecycle")]
    Session(SessionError) => "session",
    Policy(PolicyError) => "policy",
    State(StateError) => "state",
}

impl Error {
    /// The error as JSON: `{"family", "code", "message_de", "message_en"}` and `"details"`
    /// when the error carries data. Never a secret: no error of this crate holds one.
    #[must_use]
    pub fn to_json(&self) -> String {
        crate::json::to_json(self)
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let details = self.inner().details();
        let mut out = serializer.serialize_struct("Error", 5)?;
        out.serialize_field("family", self.family())?;
        out.serialize_field("code", self.code())?;
        out.serialize_field("message_de", &self.message(Lang::De))?;
        out.serialize_field("message_en", &self.message(Lang::En))?;
        if details.is_null() {
            out.skip_field("details")?;
        } else {
            out.serialize_field("details", &details)?;
        }
        out.end()
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
