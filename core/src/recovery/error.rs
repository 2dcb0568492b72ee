//! Why a forgot-PIN or forgot-password request was refused (R1, R2).

use crate::lang::localized;

/// Why a recovery request was refused. Under the strict preset these are not shown to the
/// requester (no enumeration); the host still sees the decision's effects.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum RecoveryError {
    /// No PBX has this head number (R1).
    #[error("No phone system has this head number.")]
    UnknownHeadNumber,
    /// The PBX has no admin contact e-mail (R1).
    #[error("No admin contact e-mail is stored; please contact the operator's technical service.")]
    NoAdminEmail,
    /// No extension has this number (R2).
    #[error("No extension has this number.")]
    UnknownExtension,
    /// The extension has no e-mail address (R2); the admin contact is notified instead.
    #[error(
        "No e-mail address is stored for this extension; your administrator has been informed and can set a new PIN."
    )]
    NoUserEmail,
    /// The user login is locked (P5, G5): only the admin lifts that, by setting a PIN.
    #[error("This user access is locked; please ask your administrator for a new PIN.")]
    AccountLocked,
    /// The admin switched self-service PIN reset off (R2, R3).
    #[error(
        "Resetting the PIN yourself is switched off; please ask your administrator for a new PIN."
    )]
    SelfServiceOff,
}

localized!(RecoveryError {
    Self::UnknownHeadNumber => "RECOVERY_UNKNOWN_HEAD_NUMBER", "Zu dieser Kopfnummer gibt es keine Tk-Anlage.";
    Self::NoAdminEmail => "RECOVERY_NO_ADMIN_EMAIL",
        "Es ist keine E-Mail-Adresse für den Administratorkontakt hinterlegt; bitte wenden Sie sich an den Technischen Service.";
    Self::UnknownExtension => "RECOVERY_UNKNOWN_EXTENSION", "Zu dieser Rufnummer gibt es keine Nebenstelle.";
    Self::NoUserEmail => "RECOVERY_NO_USER_EMAIL",
        "An dieser Nebenstelle ist keine E-Mail-Adresse hinterlegt; Ihr Administrator wurde informiert und kann Ihnen eine neue PIN setzen.";
    Self::AccountLocked => "RECOVERY_ACCOUNT_LOCKED",
        "Dieser Nutzerzugang ist gesperrt; bitte lassen Sie sich vom Administrator eine neue PIN setzen.";
    Self::SelfServiceOff => "RECOVERY_SELF_SERVICE_OFF",
        "Das eigenständige Zurücksetzen der PIN ist abgeschaltet; bitte lassen Sie sich vom Administrator eine neue PIN setzen.";
});
