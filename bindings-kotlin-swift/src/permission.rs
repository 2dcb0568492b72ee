//! Who may do what (B4, P4, A3, R3, V1): the core's actors and actions mirrored as uniffi
//! enums (extension digits as strings), and `authorize` itself.

use pbx_rules as core;

use crate::RuleError;
use crate::number::digits;

/// Who is acting.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum Actor {
    /// The user of one extension.
    User {
        /// The extension digits the user logged in with.
        extension: String,
    },
    /// The PBX admin.
    Admin {
        /// Whether the session holds extended rights (A2, A3).
        extended_rights: bool,
    },
    /// The operator's staff.
    Staff,
    /// A sales partner of the operator.
    Partner {
        /// Whether the partner completed the advanced technical training (V1).
        advanced_training: bool,
    },
}

/// What an actor asks to do.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum Action {
    /// Set, overwrite or clear an extension's backup number (B4).
    SetBackupNumber {
        /// The extension concerned.
        extension: String,
    },
    /// Change the central backup number (B4).
    SetCentralBackupNumber,
    /// Change a PIN with the old one (P3).
    ChangePin {
        /// The extension concerned.
        extension: String,
    },
    /// Set a PIN without the old one (P4).
    SetPin {
        /// The extension concerned.
        extension: String,
    },
    /// Everyday extension management (A3).
    ManageExtensions,
    /// See SIP account data (A3).
    ViewSipAccount,
    /// See call statistics (A3).
    ViewStatistics,
    /// Manage TAPI licences (A3).
    ManageTapiLicences,
    /// Contract increases and decreases (A3).
    ContractChanges,
    /// Switch self-service PIN reset for all users (R3).
    SetSelfServicePinReset,
    /// Switch preview mode (V1).
    SwitchPreviewMode,
}

impl TryFrom<&Actor> for core::Actor {
    type Error = RuleError;

    fn try_from(a: &Actor) -> Result<Self, RuleError> {
        Ok(match a {
            Actor::User { extension } => Self::User {
                extension: digits(extension)?,
            },
            Actor::Admin { extended_rights } => Self::Admin {
                extended_rights: *extended_rights,
            },
            Actor::Staff => Self::Staff,
            Actor::Partner { advanced_training } => Self::Partner {
                advanced_training: *advanced_training,
            },
        })
    }
}

impl From<&core::Actor> for Actor {
    fn from(a: &core::Actor) -> Self {
        match a {
            core::Actor::User { extension } => Self::User {
                extension: extension.as_str().to_owned(),
            },
            core::Actor::Admin { extended_rights } => Self::Admin {
                extended_rights: *extended_rights,
            },
            core::Actor::Staff => Self::Staff,
            core::Actor::Partner { advanced_training } => Self::Partner {
                advanced_training: *advanced_training,
            },
        }
    }
}

impl TryFrom<&Action> for core::Action {
    type Error = RuleError;

    fn try_from(a: &Action) -> Result<Self, RuleError> {
        use Action as A;
        Ok(match a {
            A::SetBackupNumber { extension } => Self::SetBackupNumber {
                extension: digits(extension)?,
            },
            A::SetCentralBackupNumber => Self::SetCentralBackupNumber,
            A::ChangePin { extension } => Self::ChangePin {
                extension: digits(extension)?,
            },
            A::SetPin { extension } => Self::SetPin {
                extension: digits(extension)?,
            },
            A::ManageExtensions => Self::ManageExtensions,
            A::ViewSipAccount => Self::ViewSipAccount,
            A::ViewStatistics => Self::ViewStatistics,
            A::ManageTapiLicences => Self::ManageTapiLicences,
            A::ContractChanges => Self::ContractChanges,
            A::SetSelfServicePinReset => Self::SetSelfServicePinReset,
            A::SwitchPreviewMode => Self::SwitchPreviewMode,
        })
    }
}

/// Whether `actor` may perform `action`.
///
/// # Errors
/// `RuleError::Permission` naming what is missing; `RuleError::LoginId` for bad digits.
#[uniffi::export]
pub fn authorize(actor: Actor, action: Action) -> Result<(), RuleError> {
    Ok(core::authorize(
        &(&actor).try_into()?,
        &(&action).try_into()?,
    )?)
}
