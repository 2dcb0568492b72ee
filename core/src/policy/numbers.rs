//! The numbering part of a policy (N1).

use serde::{Deserialize, Serialize};

use crate::NumberKind;
#[cfg(feature = "numbers")]
use crate::{NumberError, NumberPlan};

/// How typed numbers are read (N1).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumberPolicy {
    /// The region of numbers typed without `+` or `00` (ISO 3166, `DE`). Bounds: a region
    /// the numbering metadata knows.
    #[cfg_attr(feature = "uniffi", uniffi(default = "DE"))]
    pub default_region: String,
    /// The kinds of line a backup number may be, and so the mobile number it is mirrored
    /// into (B5, I2). Numbers of other kinds are refused with `BACKUP_NUMBER_KIND_REFUSED`:
    /// a backup number is dialled by the PBX at the PBX's cost, and a premium-rate number
    /// there is toll fraud. Bounds: any list (an empty one allows no backup number).
    #[serde(default = "NumberPolicy::centrexx_backup_kinds")]
    pub backup_kinds: Vec<NumberKind>,
}

impl NumberPolicy {
    /// Germany, as in the seed.
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            default_region: "DE".to_owned(),
            backup_kinds: Self::centrexx_backup_kinds(),
        }
    }

    /// Every kind but premium rate (`0900`), shared cost (`0180`) and universal access
    /// numbers (`01850`, …): the ones whose calls the callee bills to the caller (I2).
    #[must_use]
    pub fn centrexx_backup_kinds() -> Vec<NumberKind> {
        use NumberKind as K;
        vec![
            K::FixedLine,
            K::Mobile,
            K::FixedLineOrMobile,
            K::TollFree,
            K::Voip,
            K::PersonalNumber,
            K::Pager,
            K::Voicemail,
            K::Unknown,
        ]
    }

    /// The numbering plan this policy describes, with its backup-number kinds.
    ///
    /// # Errors
    /// [`NumberError::UnknownRegion`] when the default region is not known.
    #[cfg(feature = "numbers")]
    pub fn plan(&self) -> Result<NumberPlan, NumberError> {
        Ok(NumberPlan::new(&self.default_region)?.with_backup_kinds(self.backup_kinds.clone()))
    }
}
