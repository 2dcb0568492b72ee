//! Why a login identifier was refused (N4–N6).

use crate::lang::localized;

/// Why a login identifier or a PBX base number was refused (N4–N6).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum LoginIdError {
    /// Nothing was typed.
    #[error("Please enter the phone number you log in with.")]
    Empty,
    /// A space or another character that is neither a digit nor a hyphen.
    #[error("Please type the number with digits and hyphens only; '{character}' is not allowed.")]
    BadCharacter {
        /// The first offending character.
        character: char,
    },
    /// Hyphens elsewhere than after the area code and before the extension digits.
    #[error(
        "Hyphens may only stand after the area code and before the extension digits, as in {example}."
    )]
    BadHyphens {
        /// The right form for this PBX.
        example: String,
    },
    /// The digits do not start with this PBX's number.
    #[error("This number does not belong to this phone system.")]
    OtherPbx,
    /// The PBX base number itself, without extension digits.
    #[error("Please add the extension digits to the number.")]
    NoExtension,
    /// More extension digits than E.164 leaves room for.
    #[error("The extension digits are too long.")]
    ExtensionTooLong,
    /// An admin login that is not the head number.
    #[error("Administrators log in with the head number, {example}.")]
    NotHeadNumber {
        /// The head number in its hyphenated form.
        example: String,
    },
}

localized!(LoginIdError {
    Self::Empty => "LOGIN_ID_EMPTY", "Bitte geben Sie die Rufnummer ein, mit der Sie sich anmelden.";
    Self::BadCharacter { character } => "LOGIN_ID_BAD_CHARACTER",
        format!("Bitte geben Sie die Rufnummer nur mit Ziffern und Bindestrichen ein; '{character}' ist nicht erlaubt.");
    Self::BadHyphens { example } => "LOGIN_ID_BAD_HYPHENS",
        format!("Bindestriche dürfen nur nach der Vorwahl und vor der Durchwahl stehen, wie in {example}.");
    Self::OtherPbx => "LOGIN_ID_OTHER_PBX", "Diese Rufnummer gehört nicht zu dieser Tk-Anlage.";
    Self::NoExtension => "LOGIN_ID_NO_EXTENSION", "Bitte ergänzen Sie die Durchwahl der Nebenstelle.";
    Self::ExtensionTooLong => "LOGIN_ID_EXTENSION_TOO_LONG", "Die Durchwahl ist zu lang.";
    Self::NotHeadNumber { example } => "LOGIN_ID_NOT_HEAD_NUMBER",
        format!("Administratoren melden sich mit der Kopfnummer an, {example}.");
});
