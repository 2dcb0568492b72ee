//! Why a login or a login step was refused: shared by user and admin logins
//! (A1, A2, K5, P5, P10, G5).

use chrono::{DateTime, Utc};

use crate::lang::localized;

/// Why a login or a step of it was refused.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum LoginError {
    /// The number and secret do not match (one answer for both, so it reveals neither).
    #[error("The number or the PIN/password is wrong.")]
    WrongCredentials,
    /// Too many failures: the next try is allowed at `retry_at` (G5).
    #[error("Too many failed attempts; please try again after {retry_at}.")]
    Throttled {
        /// When the next try is allowed.
        retry_at: DateTime<Utc>,
    },
    /// Too many consecutive failures: locked until the admin sets a new PIN or a reset (G5).
    #[error("This access is locked after too many failed attempts.")]
    ThrottleLocked,
    /// The default or admin-set PIN was not changed in time (P5).
    #[error(
        "This user access is locked because the PIN was not changed within the deadline; please ask your administrator for a new PIN."
    )]
    PinExpired {
        /// When the change window closed.
        since: DateTime<Utc>,
    },
    /// A new password is still propagating; login works again at `until` (K5). Shown only
    /// to someone who typed that password (I6).
    #[error("The new password takes effect at {until}; please try again then.")]
    PasswordPending {
        /// When the password takes effect.
        until: DateTime<Utc>,
    },
    /// No code was requested, or it was already used or voided (A2).
    #[error("There is no valid code; please request a new one.")]
    NoCodePending,
    /// A new PIN is still propagating; login works again at `until` (P10). Shown only to
    /// someone who typed that PIN.
    #[error("The new PIN takes effect at {until}; please log in again then.")]
    PinPending {
        /// When the PIN takes effect.
        until: DateTime<Utc>,
    },
    /// This login used up its wrong codes; a new code needs a new login (I4).
    #[error("This login has used up its code attempts; please log in again to request a new code.")]
    CodeAttemptsUsedUp,
    /// The code's lifetime is over (A2).
    #[error("The code has expired; please request a new one.")]
    CodeExpired,
    /// The code is wrong.
    #[error("The code is wrong.")]
    CodeWrong,
    /// The session is not at the step this call belongs to (A2–A4 run in order).
    #[error("This step is not due now.")]
    StepOutOfOrder,
    /// The PIN must be changed in the portal first (P6); the mobile app cannot do that step.
    #[error("The session must change the PIN first.")]
    PinChangeRequired,
}

localized!(LoginError {
    Self::WrongCredentials => "LOGIN_WRONG_CREDENTIALS", "Rufnummer oder PIN/Kennwort sind falsch.";
    Self::Throttled { retry_at } => "LOGIN_THROTTLED",
        format!("Zu viele Fehlversuche; bitte versuchen Sie es nach {retry_at} erneut.");
    Self::ThrottleLocked => "LOGIN_THROTTLE_LOCKED",
        "Dieser Zugang ist nach zu vielen Fehlversuchen gesperrt.";
    Self::PinExpired { since } => "LOGIN_PIN_EXPIRED",
        format!("Dieser Nutzerzugang ist seit {since} gesperrt, weil die PIN nicht rechtzeitig geändert wurde; bitte lassen Sie sich vom Administrator eine neue PIN setzen.");
    Self::PasswordPending { until } => "LOGIN_PASSWORD_PENDING",
        format!("Das neue Kennwort wird um {until} wirksam; bitte melden Sie sich dann erneut an.");
    Self::PinPending { until } => "LOGIN_PIN_PENDING",
        format!("Die neue PIN wird um {until} wirksam; bitte melden Sie sich dann erneut an.");
    Self::CodeAttemptsUsedUp => "LOGIN_CODE_ATTEMPTS_USED_UP",
        "Die Code-Versuche dieser Anmeldung sind aufgebraucht; bitte melden Sie sich erneut an, um einen neuen Code anzufordern.";
    Self::NoCodePending => "LOGIN_NO_CODE_PENDING", "Es gibt keinen gültigen Code; bitte fordern Sie einen neuen an.";
    Self::CodeExpired => "LOGIN_CODE_EXPIRED", "Der Code ist abgelaufen; bitte fordern Sie einen neuen an.";
    Self::CodeWrong => "LOGIN_CODE_WRONG", "Der Code ist falsch.";
    Self::StepOutOfOrder => "LOGIN_STEP_OUT_OF_ORDER", "Dieser Schritt ist jetzt nicht an der Reihe.";
    Self::PinChangeRequired => "LOGIN_PIN_CHANGE_REQUIRED", "Bitte ändern Sie zuerst Ihre PIN.";
});
