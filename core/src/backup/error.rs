//! Why a backup-number edit was refused.

use crate::lang::{Lang, Localized};
use crate::{NumberError, PermissionError};

/// Why a backup-number edit was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BackupError {
    /// The PBX must always have a central backup number (B1, B2).
    #[error("The central backup number is required; the previous number was kept.")]
    CentralRequired,
    /// The typed number is not valid (B6).
    #[error(transparent)]
    Number(#[from] NumberError),
    /// The actor may not make this edit (B4).
    #[error(transparent)]
    Permission(#[from] PermissionError),
}

impl Localized for BackupError {
    fn code(&self) -> &'static str {
        match self {
            Self::CentralRequired => "BACKUP_CENTRAL_REQUIRED",
            Self::Number(e) => e.code(),
            Self::Permission(e) => e.code(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::CentralRequired, Lang::De) => {
                "Die zentrale Backupnummer ist ein Pflichtfeld; die bisherige Nummer bleibt erhalten.".to_owned()
            }
            (Self::CentralRequired, Lang::En) => self.to_string(),
            (Self::Number(e), lang) => e.message(lang),
            (Self::Permission(e), lang) => e.message(lang),
        }
    }
}

impl BackupError {
    /// Every machine code this error can carry by itself (wrapped errors have their own).
    pub const CODES: &'static [&'static str] = &["BACKUP_CENTRAL_REQUIRED"];
}
