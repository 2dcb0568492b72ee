//! Why an admin password was refused (K1, K2, K3).

use serde::{Deserialize, Serialize};

use crate::lang::{Lang, localized};
use crate::{HashError, StrengthLevel};

/// Which guessable input (K4) a password contains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum ContextKind {
    /// The head number of the PBX.
    #[serde(alias = "HeadNumber")]
    HeadNumber,
    /// The company name.
    #[serde(alias = "CompanyName")]
    CompanyName,
    /// The admin email address.
    #[serde(alias = "AdminEmail")]
    AdminEmail,
}

/// Why a strict policy's blocklist refused a password.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum BlockReason {
    /// A common password, or a common word with a little decoration (`Passwort1!`).
    #[serde(alias = "CommonPassword")]
    CommonPassword,
    /// It contains a word from the account's context (K4).
    #[serde(alias = "ContainsContext")]
    ContainsContext(ContextKind),
}

impl BlockReason {
    fn text(self, lang: Lang) -> &'static str {
        use ContextKind as C;
        match (self, lang) {
            (Self::CommonPassword, Lang::En) => "it is a commonly used password",
            (Self::CommonPassword, Lang::De) => "es ist ein häufig verwendetes Passwort",
            (Self::ContainsContext(C::HeadNumber), Lang::En) => "it contains the head number",
            (Self::ContainsContext(C::HeadNumber), Lang::De) => "es enthält die Kopfnummer",
            (Self::ContainsContext(C::CompanyName), Lang::En) => "it contains the company name",
            (Self::ContainsContext(C::CompanyName), Lang::De) => "es enthält den Firmennamen",
            (Self::ContainsContext(C::AdminEmail), Lang::En) => {
                "it contains the admin email address"
            }
            (Self::ContainsContext(C::AdminEmail), Lang::De) => {
                "es enthält die E-Mail-Adresse des Administrators"
            }
        }
    }
}

/// Why an admin password was refused. No variant carries the password (G3).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum PasswordError {
    /// A control character (tab, newline, …) (K1).
    #[error("A password may not contain control characters.")]
    ControlCharacter,
    /// An invisible format character: zero-width space or joiner, a bidi control such as
    /// U+202E, the byte-order mark, a soft hyphen, … (I7). Which one is not said: errors
    /// carry no part of a secret (G3).
    #[error(
        "A password may not contain invisible characters (such as a zero-width space or a text-direction mark)."
    )]
    InvisibleCharacter,
    /// Fewer characters than the policy's minimum (K1).
    #[error("A password needs at least {min} characters.")]
    TooShort {
        /// The minimum that applied.
        min: usize,
    },
    /// More characters than the policy's maximum (K1).
    #[error("A password may have at most {max} characters.")]
    TooLong {
        /// The policy's maximum.
        max: usize,
    },
    /// The meter shows a weaker level than the policy needs (K2).
    #[error("The password is too weak ({level:?}); at least {min:?} is needed.")]
    TooWeak {
        /// The level reached.
        level: StrengthLevel,
        /// The level needed.
        min: StrengthLevel,
    },
    /// Refused by the blocklist of a strict policy, with the reason.
    #[error("This password cannot be used: {}.", reason.text(Lang::En))]
    Blocklisted {
        /// Why.
        reason: BlockReason,
    },
    /// The old password does not verify (K3).
    #[error("The old password is not correct.")]
    OldWrong,
    /// The new password and its confirmation differ (K3).
    #[error("The new password and its confirmation do not match.")]
    Mismatch,
    /// The stored password hash cannot be used.
    #[error("The stored password cannot be checked: {0}")]
    StoredHash(HashError),
}

localized!(PasswordError {
    Self::ControlCharacter => "PASSWORD_CONTROL_CHARACTER",
        "Ein Kennwort darf keine Steuerzeichen enthalten.";
    Self::InvisibleCharacter => "PASSWORD_INVISIBLE_CHARACTER",
        "Ein Kennwort darf keine unsichtbaren Zeichen enthalten (etwa ein Leerzeichen ohne Breite oder eine Textrichtungsmarke).";
    Self::TooShort { min } => "PASSWORD_TOO_SHORT",
        format!("Ein Kennwort muss mindestens {min} Zeichen haben.");
    Self::TooLong { max } => "PASSWORD_TOO_LONG",
        format!("Ein Kennwort darf höchstens {max} Zeichen haben.");
    Self::TooWeak { level, min } => "PASSWORD_TOO_WEAK",
        format!("Das Kennwort ist zu schwach ({}); nötig ist mindestens {}.", level.name(Lang::De), min.name(Lang::De));
    Self::Blocklisted { reason } => "PASSWORD_BLOCKLISTED",
        format!("Dieses Kennwort kann nicht verwendet werden: {}.", reason.text(Lang::De));
    Self::OldWrong => "PASSWORD_OLD_WRONG", "Das alte Kennwort ist nicht korrekt.";
    Self::Mismatch => "PASSWORD_MISMATCH",
        "Das neue Kennwort und seine Wiederholung stimmen nicht überein.";
    Self::StoredHash(e) => "PASSWORD_STORED_HASH_INVALID",
        format!("Das gespeicherte Kennwort kann nicht geprüft werden: {}", e.message(Lang::De));
});
