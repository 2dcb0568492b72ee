//! The numbering part of a policy (N1).

use serde::{Deserialize, Serialize};

use crate::{NumberError, NumberPlan};

/// How typed numbers are read (N1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumberPolicy {
    /// The region of numbers typed without `+` or `00` (ISO 3166, `DE`). Bounds: a region
    /// the numbering metadata knows.
    pub default_region: String,
}

impl NumberPolicy {
    /// Germany, as in the seed.
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            default_region: "DE".to_owned(),
        }
    }

    /// The numbering plan this policy describes.
    ///
    /// # Errors
    /// [`NumberError::UnknownRegion`] when the default region is not known.
    pub fn plan(&self) -> Result<NumberPlan, NumberError> {
        NumberPlan::new(&self.default_region)
    }
}
