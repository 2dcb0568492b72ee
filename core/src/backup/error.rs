//! Why a backup-number edit was refused.

use crate::lang::{Lang, Localized};
use crate::{NumberError, NumberKind, PermissionError};

/// Why a backup-number edit was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum BackupError {
    /// The PBX must always have a central backup number (B1, B2).
    #[error("The central backup number is required; the previous number was kept.")]
    CentralRequired,
    /// The number is valid but of a kind the policy does not allow as a backup or mobile
    /// number: premium rate, shared cost, universal access under centrexx (I2).
    #[error("{} cannot be used as a backup number.", kind_name(*kind, Lang::En))]
    KindRefused {
        /// The kind the number plan reports.
        kind: NumberKind,
    },
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
            Self::KindRefused { .. } => "BACKUP_NUMBER_KIND_REFUSED",
            Self::Number(e) => e.code(),
            Self::Permission(e) => e.code(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::CentralRequired, Lang::De) => {
                "Die zentrale Backupnummer ist ein Pflichtfeld; die bisherige Nummer bleibt erhalten.".to_owned()
            }
            (Self::KindRefused { kind }, Lang::De) => format!(
                "{} können nicht als Backupnummer verwendet werden.",
                kind_name(*kind, Lang::De)
            ),
            (Self::CentralRequired | Self::KindRefused { .. }, Lang::En) => self.to_string(),
            (Self::Number(e), lang) => e.message(lang),
            (Self::Permission(e), lang) => e.message(lang),
        }
    }
}

impl BackupError {
    /// Every machine code this error can carry by itself (wrapped errors have their own).
    pub const CODES: &'static [&'static str] =
        &["BACKUP_CENTRAL_REQUIRED", "BACKUP_NUMBER_KIND_REFUSED"];
}

/// What a kind of line is called in a refusal, plural.
fn kind_name(kind: NumberKind, lang: Lang) -> &'static str {
    use NumberKind as K;
    match (kind, lang) {
        (K::PremiumRate, Lang::En) => "Premium-rate numbers (0900)",
        (K::PremiumRate, Lang::De) => "Premium-Dienste-Nummern (0900)",
        (K::SharedCost, Lang::En) => "Shared-cost service numbers (0180)",
        (K::SharedCost, Lang::De) => "Service-Nummern mit geteilten Kosten (0180)",
        (K::Uan, Lang::En) => "Universal access numbers",
        (K::Uan, Lang::De) => "Nutzergruppen- und Unternehmensnummern",
        (K::TollFree, Lang::En) => "Toll-free numbers (0800)",
        (K::TollFree, Lang::De) => "Kostenlose Servicenummern (0800)",
        (K::PersonalNumber, Lang::En) => "Personal numbers (0700)",
        (K::PersonalNumber, Lang::De) => "Persönliche Rufnummern (0700)",
        (K::Mobile, Lang::En) => "Mobile numbers",
        (K::Mobile, Lang::De) => "Mobilfunknummern",
        (K::FixedLine | K::FixedLineOrMobile, Lang::En) => "Landline numbers",
        (K::FixedLine | K::FixedLineOrMobile, Lang::De) => "Festnetznummern",
        (K::Voip, Lang::En) => "VoIP numbers",
        (K::Voip, Lang::De) => "VoIP-Nummern",
        (K::Pager, Lang::En) => "Pager numbers",
        (K::Pager, Lang::De) => "Funkrufnummern",
        (K::Voicemail, Lang::En) => "Voicemail access numbers",
        (K::Voicemail, Lang::De) => "Mailbox-Zugangsnummern",
        (_, Lang::En) => "Numbers of this kind",
        (_, Lang::De) => "Rufnummern dieser Art",
    }
}
