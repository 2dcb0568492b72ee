//! The numbering context of one PBX: its default region (N1).

use std::sync::Arc;

use super::{NumberError, NumberKind, PhoneNumber, engine, typed};
use crate::NumberPolicy;

/// The numbering context of one PBX: which region a number typed without `+` or `00`
/// belongs to. The default region is DE and configurable per PBX (N1).
///
/// The plan also carries the kinds of line a backup number may be (I2), from
/// [`NumberPolicy::backup_kinds`]; a plan made with [`NumberPlan::new`] allows the
/// centrexx list (no premium-rate, shared-cost or UAN numbers).
///
/// A plan is cheap to clone and safe to share between threads.
#[derive(Clone)]
pub struct NumberPlan {
    region: engine::Region,
    backup_kinds: Arc<[NumberKind]>,
}

impl NumberPlan {
    /// The plan for a PBX whose numbers are dialled nationally in `region` (ISO 3166, `DE`).
    ///
    /// # Errors
    /// [`NumberError::UnknownRegion`] for a region the numbering metadata does not know.
    pub fn new(region: &str) -> Result<Self, NumberError> {
        Ok(Self {
            region: engine::region(region)?,
            backup_kinds: NumberPolicy::centrexx_backup_kinds().into(),
        })
    }

    /// The same plan allowing `kinds` as backup (and so mobile) numbers (I2).
    #[must_use]
    pub fn with_backup_kinds(self, kinds: Vec<NumberKind>) -> Self {
        Self {
            backup_kinds: kinds.into(),
            ..self
        }
    }

    /// Whether a number of `kind` may be a backup number under this plan (I2).
    #[must_use]
    pub fn allows_backup(&self, kind: NumberKind) -> bool {
        self.backup_kinds.contains(&kind)
    }

    /// The plan for Germany, the home of the seed.
    #[must_use]
    pub fn germany() -> Self {
        #[allow(clippy::expect_used)] // DE is embedded; `every_territory_compiles` tests it.
        Self::new("DE").expect("the metadata for DE is embedded")
    }

    /// The default region of this plan.
    #[must_use]
    pub fn region(&self) -> &str {
        self.region.id()
    }

    /// The numbering section this plan reads numbers by: its default region and the backup
    /// kinds (N1, I2), the plan's JSON for bindings that hand it out as data.
    #[must_use]
    pub fn policy(&self) -> NumberPolicy {
        NumberPolicy {
            default_region: self.region().to_owned(),
            backup_kinds: self.backup_kinds.to_vec(),
        }
    }

    /// Normalises a number as a person typed it into its stored E.164 form, with its kind and
    /// display forms (N1, N3). National input belongs to the plan's region; `+` and `00`
    /// start an international number.
    ///
    /// # Errors
    /// A [`NumberError`] naming why the input is not a valid number (N2).
    ///
    /// # Examples
    /// ```
    /// let plan = pbx_rules::NumberPlan::germany();
    /// let number = plan.normalize("0171 / 123 456-78")?;
    /// assert_eq!(number.e164().as_str(), "+4917112345678");
    /// assert_eq!(number.international(), "+49 171 12345678");
    /// assert_eq!(number.national(), "0171 12345678");
    /// # Ok::<(), pbx_rules::NumberError>(())
    /// ```
    pub fn normalize(&self, input: &str) -> Result<PhoneNumber, NumberError> {
        engine::normalize(self.region, &typed::clean(input)?)
    }

    /// [`Self::normalize`] on a batch worker's own regex caches.
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn normalize_on(
        &self,
        worker: &engine::Worker,
        input: &str,
    ) -> Result<PhoneNumber, NumberError> {
        engine::normalize_on(worker, self.region, &typed::clean(input)?)
    }
}

impl Default for NumberPlan {
    fn default() -> Self {
        Self::germany()
    }
}

impl std::fmt::Debug for NumberPlan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NumberPlan")
            .field("region", &self.region())
            .field("backup_kinds", &self.backup_kinds)
            .finish()
    }
}
