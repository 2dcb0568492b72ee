//! Why a typed phone number was refused (N2).

use crate::lang::localized;

/// Why a phone number was refused (N2). Each kind of bad input has its own code, so a form
/// can say exactly what to fix; nothing is stored when normalisation fails.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum NumberError {
    /// Nothing but white space was typed.
    #[error("Please enter a phone number.")]
    Empty,
    /// Letters are not allowed (no vanity numbers such as `0800-FLOWERS`).
    #[error("A phone number may not contain letters (found '{letter}').")]
    Letters {
        /// The first letter found.
        letter: char,
    },
    /// A character that is neither a digit nor one of the separators people type.
    #[error("The character '{character}' is not allowed in a phone number.")]
    InvalidCharacter {
        /// The first offending character.
        character: char,
    },
    /// A `+` anywhere but at the start.
    #[error("A '+' may only stand at the start of a phone number.")]
    MisplacedPlus,
    /// A `tel:` link with an extension (`;ext=`): a backup number is dialled by a switch,
    /// which cannot dial an extension after the call is answered.
    #[error("Extensions (';ext=') cannot be dialled; please enter the number without one.")]
    TelExtension,
    /// A `tel:` link with an ISDN subaddress (`;isub=`), which the switch cannot dial.
    #[error("ISDN subaddresses (';isub=') cannot be dialled; please enter the number without one.")]
    TelSubaddress,
    /// A `tel:` link with `;phone-context=`: a local number valid only in a context (an
    /// area or a company network) that the switch does not share.
    #[error(
        "This link holds a local number (';phone-context='); please enter the full number with its country code."
    )]
    TelPhoneContext,
    /// A `tel:` link with another parameter (`;tgrp=`, `;rn=`, …), which would change what
    /// is dialled.
    #[error(
        "The link parameter ';{parameter}' cannot be used; please enter the number without it."
    )]
    TelParameter {
        /// The parameter's name as given (cut to 24 characters).
        parameter: String,
    },
    /// Fewer digits than any number of the country can have.
    #[error("The phone number is too short.")]
    TooShort,
    /// More digits than any number of the country can have.
    #[error("The phone number is too long.")]
    TooLong,
    /// The international prefix is followed by no known country calling code.
    #[error("The country code of this phone number does not exist.")]
    UnknownCountryCode,
    /// Well-formed, but not a number that exists in its country's numbering plan.
    #[error("This is not a valid phone number for {region}.")]
    Invalid {
        /// The region (ISO 3166 code) the number was checked against.
        region: String,
    },
    /// A region code that the numbering metadata does not know (a policy error).
    #[error("The region '{region}' is not known.")]
    UnknownRegion {
        /// The region code as given.
        region: String,
    },
    /// Stored data that is not in E.164 form (`+` and 2 to 15 digits).
    #[error("'{value}' is not a number in international E.164 form.")]
    NotE164 {
        /// The value as found.
        value: String,
    },
    /// A PBX base number whose area code cannot be told from its subscriber number: a
    /// mobile or service number, or one the plan formats without an area code group.
    #[error("The PBX base number must be a fixed-line number with an area code.")]
    NoAreaCode,
}

localized!(NumberError {
    Self::Empty => "NUMBER_EMPTY", "Bitte geben Sie eine Rufnummer ein.";
    Self::Letters { letter } => "NUMBER_HAS_LETTERS",
        format!("Eine Rufnummer darf keine Buchstaben enthalten (gefunden: '{letter}').");
    Self::InvalidCharacter { character } => "NUMBER_INVALID_CHARACTER",
        format!("Das Zeichen '{character}' ist in einer Rufnummer nicht erlaubt.");
    Self::MisplacedPlus => "NUMBER_MISPLACED_PLUS",
        "Ein '+' darf nur am Anfang einer Rufnummer stehen.";
    Self::TelExtension => "NUMBER_TEL_EXTENSION",
        "Durchwahlen hinter der Rufnummer (';ext=') können nicht gewählt werden; bitte geben Sie die Rufnummer ohne sie ein.";
    Self::TelSubaddress => "NUMBER_TEL_SUBADDRESS",
        "ISDN-Subadressen (';isub=') können nicht gewählt werden; bitte geben Sie die Rufnummer ohne sie ein.";
    Self::TelPhoneContext => "NUMBER_TEL_PHONE_CONTEXT",
        "Dieser Link enthält eine lokale Rufnummer (';phone-context='); bitte geben Sie die vollständige Rufnummer mit Landesvorwahl ein.";
    Self::TelParameter { parameter } => "NUMBER_TEL_PARAMETER",
        format!("Der Link-Parameter ';{parameter}' kann nicht verwendet werden; bitte geben Sie die Rufnummer ohne ihn ein.");
    Self::TooShort => "NUMBER_TOO_SHORT", "Die Rufnummer ist zu kurz.";
    Self::TooLong => "NUMBER_TOO_LONG", "Die Rufnummer ist zu lang.";
    Self::UnknownCountryCode => "NUMBER_UNKNOWN_COUNTRY_CODE",
        "Die Landesvorwahl dieser Rufnummer gibt es nicht.";
    Self::Invalid { region } => "NUMBER_INVALID",
        format!("Dies ist keine gültige Rufnummer für {region}.");
    Self::UnknownRegion { region } => "NUMBER_UNKNOWN_REGION",
        format!("Die Region '{region}' ist nicht bekannt.");
    Self::NoAreaCode => "NUMBER_NO_AREA_CODE",
        "Die Rufnummer der Tk-Anlage muss eine Festnetznummer mit Vorwahl sein.";
    Self::NotE164 { value } => "NUMBER_NOT_E164",
        format!("'{value}' ist keine Rufnummer im internationalen Format E.164.");
});
