//! The people who act on a PBX and the actions they ask for.

use serde::{Deserialize, Serialize};

use crate::ExtensionDigits;

/// Who is acting.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "ActorData"))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Actor {
    /// The user of one extension, logged in with its number and PIN.
    User {
        /// The extension the user logged in with.
        extension: ExtensionDigits,
    },
    /// The PBX admin, logged in with the head number and password (A1).
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Action {
    /// Set, overwrite or clear an extension's backup number (B4).
    SetBackupNumber {
        /// The extension concerned.
        extension: ExtensionDigits,
    },
    /// Change the PBX's central backup number (B4).
    SetCentralBackupNumber,
    /// Change a PIN with the old one (P3).
    ChangePin {
        /// The extension concerned.
        extension: ExtensionDigits,
    },
    /// Set a PIN without the old one (P4).
    SetPin {
        /// The extension concerned.
        extension: ExtensionDigits,
    },
    /// Everyday extension management (A3: no extended rights needed).
    ManageExtensions,
    /// See SIP account data (A3).
    ViewSipAccount,
    /// See call statistics (A3).
    ViewStatistics,
    /// Manage TAPI licences (A3).
    ManageTapiLicences,
    /// Contract increases and decreases (A3).
    ContractChanges,
    /// Switch "users may reset their PIN themselves" for all users (R3).
    SetSelfServicePinReset,
    /// Switch forgot-PIN for one extension (R3, seed section 1.2).
    SetExtensionPinReset {
        /// The extension concerned.
        extension: ExtensionDigits,
    },
    /// Switch the portal between Standard and Preview (V1).
    SwitchPreviewMode,
}

impl Action {
    /// Whether the action needs an admin session with extended rights (A3).
    #[must_use]
    pub fn needs_extended_rights(&self) -> bool {
        matches!(
            self,
            Self::ViewSipAccount
                | Self::ViewStatistics
                | Self::ManageTapiLicences
                | Self::ContractChanges
        )
    }
}
