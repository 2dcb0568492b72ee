//! Preview mode (V1, V2).

use pbx_rules as core;
use pbx_rules::PreviewMode;

use crate::{Actor, RuleError};

/// Which portal an actor sees (the core enum).
#[uniffi::remote(Enum)]
pub enum PreviewMode {
    Standard,
    Preview,
}

/// A portal feature that may be preview-only (V2).
#[derive(Clone, Debug, uniffi::Record)]
pub struct Feature {
    /// The feature's name.
    pub name: String,
    /// Available only in preview mode.
    pub preview_only: bool,
}

/// The footer text for `actor` (V1): `Preview: ja` / `Preview: nein`, or nothing.
///
/// # Errors
/// `RuleError::LoginId` for bad digits in `actor`.
#[uniffi::export]
pub fn preview_footer(mode: PreviewMode, actor: Actor) -> Result<Option<String>, RuleError> {
    Ok(mode.footer(&(&actor).try_into()?).map(str::to_owned))
}

/// The other mode, for a click on the footer (V1).
///
/// # Errors
/// `PERMISSION_PREVIEW_NOT_ALLOWED`.
#[uniffi::export]
pub fn preview_toggled(mode: PreviewMode, actor: Actor) -> Result<PreviewMode, RuleError> {
    Ok(mode.toggled(&(&actor).try_into()?)?)
}

/// Whether `feature` is available in `mode` (V2).
#[uniffi::export]
pub fn feature_is_available(feature: Feature, mode: PreviewMode) -> bool {
    core::Feature {
        name: feature.name,
        preview_only: feature.preview_only,
    }
    .is_available(mode)
}
