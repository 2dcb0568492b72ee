//! Preview mode, the beta of the portal (V1, V2).

use serde::{Deserialize, Serialize};

use crate::{Action, Actor, PermissionError, authorize};

/// Which portal an actor sees.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PreviewMode {
    /// The released portal.
    #[default]
    Standard,
    /// The beta, with preview-only features (V2).
    Preview,
}

impl PreviewMode {
    /// The footer text for `actor` (V1): `Preview: ja` / `Preview: nein` for those who may
    /// switch, nothing for everyone else (they never see the switch).
    #[must_use]
    pub fn footer(self, actor: &Actor) -> Option<&'static str> {
        authorize(actor, &Action::SwitchPreviewMode).ok()?;
        Some(match self {
            Self::Preview => "Preview: ja",
            Self::Standard => "Preview: nein",
        })
    }

    /// The other mode, for a click on the footer (V1).
    ///
    /// # Errors
    /// [`PermissionError::PreviewNotAllowed`] for anyone but staff and trained partners.
    pub fn toggled(self, actor: &Actor) -> Result<Self, PermissionError> {
        authorize(actor, &Action::SwitchPreviewMode)?;
        Ok(match self {
            Self::Preview => Self::Standard,
            Self::Standard => Self::Preview,
        })
    }
}

/// A portal feature that may be marked preview-only (V2).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feature {
    /// The feature's name.
    pub name: String,
    /// Available only while preview mode is on.
    pub preview_only: bool,
}

impl Feature {
    /// Whether the feature is available in `mode` (V2).
    #[must_use]
    pub fn is_available(&self, mode: PreviewMode) -> bool {
        !self.preview_only || mode == PreviewMode::Preview
    }
}
