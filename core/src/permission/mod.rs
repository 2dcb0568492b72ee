//! Who may do what: one place that answers it for every action the spec names
//! (B4, P4, A3, R3, V1).
//!
//! Rules never check roles themselves; they ask [`authorize`]. That keeps the answer the
//! same in every operation and makes the whole permission table one match to read.

mod actor;
mod error;

pub use actor::{Action, Actor};
pub use error::PermissionError;

/// Whether `actor` may perform `action`.
///
/// - A user acts on their own extension only: backup number (B4) and PIN change (P3).
/// - The admin acts on every extension, is the only one who changes the central backup
///   number (B4), sets PINs without the old one (P4) and switches self-service PIN reset,
///   for the PBX and per extension (R3). Only the owner changes a PIN with the old one
///   (F1): the admin's way is setting one (P4).
/// - SIP account data, statistics, TAPI licences and contract changes need extended rights
///   (A3); everyday extension management does not.
/// - Only the operator's staff and partners with the advanced training switch preview mode
///   (V1). Neither has powers over a PBX's data here: they act as its admin when they must.
///
/// # Errors
/// A [`PermissionError`] naming what is missing.
///
/// # Examples
/// ```
/// use pbx_rules::{authorize, Action, Actor, ExtensionDigits};
/// let ten = ExtensionDigits::parse("10")?;
/// let user = Actor::User { extension: ten.clone() };
/// assert!(authorize(&user, &Action::SetBackupNumber { extension: ten }).is_ok());
/// assert!(authorize(&user, &Action::SetCentralBackupNumber).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn authorize(actor: &Actor, action: &Action) -> Result<(), PermissionError> {
    use Action as A;
    match (actor, action) {
        (
            Actor::User { extension: own },
            A::SetBackupNumber { extension } | A::ChangePin { extension },
        ) if own == extension => Ok(()),
        (Actor::User { .. }, A::SetBackupNumber { .. } | A::ChangePin { .. }) => {
            Err(PermissionError::NotOwnExtension)
        }
        // F1: a change with the old PIN makes a user-chosen PIN that never expires (P5), so
        // only the owner may make one; the admin sets a PIN (P4), which the user must change.
        (Actor::Admin { .. }, A::ChangePin { .. }) => Err(PermissionError::OwnerOnly),
        (
            Actor::Admin { .. },
            A::SetBackupNumber { .. }
            | A::SetCentralBackupNumber
            | A::SetPin { .. }
            | A::ManageExtensions
            | A::SetSelfServicePinReset
            | A::SetExtensionPinReset { .. },
        ) => Ok(()),
        (
            Actor::Admin {
                extended_rights: true,
            },
            a,
        ) if a.needs_extended_rights() => Ok(()),
        (
            Actor::Admin {
                extended_rights: false,
            },
            a,
        ) if a.needs_extended_rights() => Err(PermissionError::ExtendedRightsRequired),
        (
            Actor::Staff
            | Actor::Partner {
                advanced_training: true,
            },
            A::SwitchPreviewMode,
        ) => Ok(()),
        (_, A::SwitchPreviewMode) => Err(PermissionError::PreviewNotAllowed),
        _ => Err(PermissionError::AdminOnly),
    }
}
