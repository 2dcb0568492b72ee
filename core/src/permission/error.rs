//! Why an actor was refused.

use crate::lang::localized;

/// Why an actor may not perform an action.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum PermissionError {
    /// A user acting on another extension (B4).
    #[error("You may only change your own extension.")]
    NotOwnExtension,
    /// Only the PBX admin may do this (B4, P4, R3).
    #[error("Only the administrator may do this.")]
    AdminOnly,
    /// The admin session lacks extended rights (A3).
    #[error("This needs extended rights; request them with the code sent by e-mail.")]
    ExtendedRightsRequired,
    /// Only staff and trained partners switch preview mode (V1).
    #[error("Only staff and partners with the advanced technical training may use preview mode.")]
    PreviewNotAllowed,
    /// Only the extension's user changes the PIN with the old one; the admin sets a PIN
    /// instead, which the user must change in time (F1, P4, P5).
    #[error(
        "Only the extension's user changes the PIN with the old one; the administrator sets a new PIN instead."
    )]
    OwnerOnly,
    /// The master data handed in belong to another extension than the account (I8): a
    /// lookup mistake of the host, refused so no secret reaches the wrong person.
    #[error("The master data belong to another extension than the account.")]
    MasterDataMismatch,
}

localized!(PermissionError {
    Self::NotOwnExtension => "PERMISSION_NOT_OWN_EXTENSION",
        "Sie dürfen nur Ihre eigene Nebenstelle ändern.";
    Self::AdminOnly => "PERMISSION_ADMIN_ONLY", "Nur der Administrator darf dies tun.";
    Self::ExtendedRightsRequired => "PERMISSION_EXTENDED_RIGHTS_REQUIRED",
        "Dafür sind erweiterte Rechte nötig; beantragen Sie sie mit dem per E-Mail gesendeten Code.";
    Self::PreviewNotAllowed => "PERMISSION_PREVIEW_NOT_ALLOWED",
        "Nur Mitarbeiter und Partner mit der Technik Schulung Advanced dürfen den Preview Modus nutzen.";
    Self::OwnerOnly => "PERMISSION_OWNER_ONLY",
        "Nur der Nutzer der Nebenstelle ändert die PIN mit der alten PIN; der Administrator setzt stattdessen eine neue PIN.";
    Self::MasterDataMismatch => "PERMISSION_MASTER_DATA_MISMATCH",
        "Die Stammdaten gehören zu einer anderen Nebenstelle als der Zugang.";
});
