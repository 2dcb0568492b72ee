//! Master data (Stammdaten) of the PBX and of its extensions, as far as the rules need it.

use serde::{Deserialize, Serialize};

use crate::{BaseNumber, E164, ExtensionDigits};

/// Master data of the PBX (Stammdaten der Tk-Anlage).
///
/// The central backup number is not optional: a PBX always has exactly one (B1). It is
/// changed only through [`PbxMasterData::set_central_backup_number`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PbxMasterData {
    /// The PBX number without extension digits.
    pub base_number: BaseNumber,
    /// The extension digits of the central answering point, usually `0` (N5).
    pub central_digits: ExtensionDigits,
    /// Company name (a guessable input for the password meter, K4).
    pub company_name: String,
    /// The admin contact e-mail address (R1).
    pub admin_email: Option<String>,
    pub(super) central_backup_number: E164,
    #[serde(default = "on")]
    pub(crate) self_service_pin_reset: bool,
}

fn on() -> bool {
    true
}

impl PbxMasterData {
    /// Master data of a PBX; the central backup number is required (B1).
    #[must_use]
    pub fn new(
        base_number: BaseNumber,
        central_digits: ExtensionDigits,
        central_backup_number: E164,
    ) -> Self {
        Self {
            base_number,
            central_digits,
            company_name: String::new(),
            admin_email: None,
            central_backup_number,
            self_service_pin_reset: true,
        }
    }

    /// The central backup number (Sammelnummer als Backup-Service-Nummer).
    #[must_use]
    pub fn central_backup_number(&self) -> &E164 {
        &self.central_backup_number
    }

    /// Whether users may reset their PIN themselves (R2, R3); on for a new PBX, since the
    /// seed describes the setting as one the admin switches off.
    #[must_use]
    pub fn self_service_pin_reset(&self) -> bool {
        self.self_service_pin_reset
    }

    /// Switches self-service PIN reset for all users at once (R3).
    ///
    /// # Errors
    /// [`crate::PermissionError::AdminOnly`] unless the actor is the admin.
    pub fn set_self_service_pin_reset(
        &self,
        actor: &crate::Actor,
        on: bool,
    ) -> Result<Self, crate::PermissionError> {
        crate::authorize(actor, &crate::Action::SetSelfServicePinReset)?;
        Ok(Self {
            self_service_pin_reset: on,
            ..self.clone()
        })
    }

    /// The head number in E.164 form: base number plus central digits (N5).
    ///
    /// # Errors
    /// [`crate::LoginIdError::ExtensionTooLong`] if the whole passes 15 digits.
    pub fn head_number(&self) -> Result<E164, crate::LoginIdError> {
        self.base_number.extension_e164(&self.central_digits)
    }
}

/// Master data of one extension (Stammdaten der Nebenstelle), as far as the rules need it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionMasterData {
    /// The extension digits (Durchwahl).
    pub digits: ExtensionDigits,
    /// The user's name.
    pub name: String,
    /// The user's e-mail address, needed for forgot-PIN (R2).
    pub email: Option<String>,
    /// The mobile number used by the mobile app and SMS services (B5, P8).
    pub mobile_number: Option<E164>,
    pub(super) backup_number: Option<E164>,
    #[serde(default = "on")]
    pub(crate) self_service_pin_reset: bool,
}

impl ExtensionMasterData {
    /// A new extension with no backup or mobile number.
    #[must_use]
    pub fn new(digits: ExtensionDigits, name: impl Into<String>) -> Self {
        Self {
            digits,
            name: name.into(),
            email: None,
            mobile_number: None,
            backup_number: None,
            self_service_pin_reset: true,
        }
    }

    /// Whether this extension's user may reset the PIN themselves (R3, seed section 1.2);
    /// on for a new extension. Forgot-PIN works only while this and the PBX-wide switch
    /// ([`PbxMasterData::self_service_pin_reset`]) are both on.
    #[must_use]
    pub fn self_service_pin_reset(&self) -> bool {
        self.self_service_pin_reset
    }

    /// Switches self-service PIN reset for this extension (R3).
    ///
    /// # Errors
    /// [`crate::PermissionError::AdminOnly`] unless the actor is the admin.
    pub fn set_self_service_pin_reset(
        &self,
        actor: &crate::Actor,
        on: bool,
    ) -> Result<Self, crate::PermissionError> {
        crate::authorize(
            actor,
            &crate::Action::SetExtensionPinReset {
                extension: self.digits.clone(),
            },
        )?;
        Ok(Self {
            self_service_pin_reset: on,
            ..self.clone()
        })
    }

    /// The extension's own backup number, if set (B1).
    #[must_use]
    pub fn backup_number(&self) -> Option<&E164> {
        self.backup_number.as_ref()
    }
}
