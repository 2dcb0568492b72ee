//! Why a session no longer holds (G11).

use chrono::{DateTime, Utc};

use crate::lang::localized;

/// Why a session ended. Only the session's holder, who logged in, sees it, so it may say why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum SessionError {
    /// The stamp belongs to another account than the one it was checked against.
    #[error("This session belongs to another account.")]
    OtherAccount,
    /// The PIN or password changed, was set or reset since the login.
    #[error("The PIN or password has changed since this login; please log in again.")]
    CredentialChanged,
    /// The account is locked (P5, G5).
    #[error("This access is locked; the session has ended.")]
    AccountLocked,
    /// No request for longer than the policy's idle limit.
    #[error("The session ended after a time without activity; please log in again.")]
    Idle {
        /// When the idle limit was reached.
        since: DateTime<Utc>,
    },
    /// The session reached the policy's absolute limit.
    #[error("The session has reached its maximum duration; please log in again.")]
    Expired {
        /// When the absolute limit was reached.
        since: DateTime<Utc>,
    },
}

localized!(SessionError {
    Self::OtherAccount => "SESSION_OTHER_ACCOUNT", "Diese Sitzung gehört zu einem anderen Zugang.";
    Self::CredentialChanged => "SESSION_CREDENTIAL_CHANGED",
        "PIN oder Kennwort wurden seit dieser Anmeldung geändert; bitte melden Sie sich erneut an.";
    Self::AccountLocked => "SESSION_ACCOUNT_LOCKED", "Dieser Zugang ist gesperrt; die Sitzung ist beendet.";
    Self::Idle { .. } => "SESSION_IDLE",
        "Die Sitzung wurde nach einer Zeit ohne Aktivität beendet; bitte melden Sie sich erneut an.";
    Self::Expired { .. } => "SESSION_EXPIRED",
        "Die Sitzung hat ihre Höchstdauer erreicht; bitte melden Sie sich erneut an.";
});
