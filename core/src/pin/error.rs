//! Why a PIN was refused (P1, P3, P8).

use crate::HashError;
use crate::lang::{Lang, Localized, localized};
use crate::pin::TrivialPinFinding;

/// Why a PIN was refused. Each violation has its own code (P1); no variant carries the PIN
/// or any digit of it (G3).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum PinError {
    /// A character other than the digits 0–9 (P1).
    #[error("A PIN may contain only the digits 0 to 9.")]
    NotDigits,
    /// Fewer digits than the policy's minimum (P1).
    #[error("A PIN needs at least {min} digits.")]
    TooShort {
        /// The policy's minimum.
        min: usize,
    },
    /// More digits than the policy's maximum (P1).
    #[error("A PIN may have at most {max} digits.")]
    TooLong {
        /// The policy's maximum.
        max: usize,
    },
    /// The old PIN does not verify (P3).
    #[error("The old PIN is not correct.")]
    OldWrong,
    /// The new PIN and its confirmation differ (P3).
    #[error("The new PIN and its confirmation do not match.")]
    Mismatch,
    /// The new PIN is the default PIN (P3).
    #[error("The new PIN may not be the default PIN.")]
    IsDefault,
    /// The new PIN equals the old one.
    #[error("The new PIN must differ from the old one.")]
    SameAsOld,
    /// The new PIN is easy to guess and the policy refuses such PINs.
    #[error("This PIN is too easy to guess: {}.", list(findings, Lang::En))]
    Trivial {
        /// What makes it easy to guess.
        findings: Vec<TrivialPinFinding>,
    },
    /// The mobile app refuses this PIN (P8: `0000`, `1234`).
    #[error("The mobile app cannot be used with this PIN; please change it first.")]
    MobileRefused,
    /// The mobile app needs a mobile number in the extension's master data (P8, B5).
    #[error("The mobile app needs a mobile number in the extension's master data.")]
    MobileNumberMissing,
    /// The stored PIN hash cannot be used.
    #[error("The stored PIN cannot be checked: {0}")]
    StoredHash(HashError),
}

fn list(findings: &[TrivialPinFinding], lang: Lang) -> String {
    findings
        .iter()
        .map(|f| f.message(lang))
        .collect::<Vec<_>>()
        .join("; ")
}

localized!(PinError {
    Self::NotDigits => "PIN_NOT_DIGITS", "Eine PIN darf nur die Ziffern 0 bis 9 enthalten.";
    Self::TooShort { min } => "PIN_TOO_SHORT", format!("Eine PIN muss mindestens {min} Ziffern haben.");
    Self::TooLong { max } => "PIN_TOO_LONG", format!("Eine PIN darf höchstens {max} Ziffern haben.");
    Self::OldWrong => "PIN_OLD_WRONG", "Die alte PIN ist nicht korrekt.";
    Self::Mismatch => "PIN_MISMATCH", "Die neue PIN und ihre Wiederholung stimmen nicht überein.";
    Self::IsDefault => "PIN_IS_DEFAULT", "Die neue PIN darf nicht die Standard-PIN sein.";
    Self::SameAsOld => "PIN_SAME_AS_OLD", "Die neue PIN muss sich von der alten unterscheiden.";
    Self::Trivial { findings } => "PIN_TRIVIAL",
        format!("Diese PIN ist zu leicht zu erraten: {}.", list(findings, Lang::De));
    Self::MobileRefused => "PIN_MOBILE_REFUSED",
        "Mit dieser PIN kann die Mobile App nicht genutzt werden; bitte ändern Sie sie zuerst.";
    Self::MobileNumberMissing => "PIN_MOBILE_NUMBER_MISSING",
        "Die Mobile App benötigt eine Mobilfunknummer in den Stammdaten der Nebenstelle.";
    Self::StoredHash(e) => "PIN_STORED_HASH_INVALID",
        format!("Die gespeicherte PIN kann nicht geprüft werden: {}", e.message(Lang::De));
});
