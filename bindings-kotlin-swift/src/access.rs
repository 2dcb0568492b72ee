//! Who may do what (B4, P4, A3, R3, V1) and preview mode (V1, V2).

use pbx_rules::{Action, Actor, Feature, PreviewMode};

use crate::error::{RuleError, rule_error};

/// Whether `actor` may do `action`.
/// Throws `RuleError.Permission` naming why not.
#[uniffi::export]
pub fn authorize(actor: Actor, action: Action) -> Result<(), RuleError> {
    pbx_rules::authorize(&actor, &action).map_err(rule_error)
}

/// Whether `action` needs an admin session with extended rights (A3).
/// Throws `RuleError.LoginId` only for malformed extension digits in `action`.
#[uniffi::export]
pub fn needs_extended_rights(action: Action) -> Result<bool, RuleError> {
    Ok(action.needs_extended_rights())
}

/// The footer shown in preview mode, if `actor` sees one (V1).
/// Throws `RuleError.LoginId` only for malformed extension digits in `actor`.
#[uniffi::export]
pub fn preview_footer(mode: PreviewMode, actor: Actor) -> Result<Option<String>, RuleError> {
    Ok(mode.footer(&actor).map(str::to_owned))
}

/// Preview mode switched by `actor` (V1).
/// Throws `RuleError.Permission`.
#[uniffi::export]
pub fn preview_toggled(mode: PreviewMode, actor: Actor) -> Result<PreviewMode, RuleError> {
    mode.toggled(&actor).map_err(rule_error)
}

/// Whether `feature` is available in `mode` (V2).
#[uniffi::export]
pub fn feature_is_available(feature: Feature, mode: PreviewMode) -> bool {
    feature.is_available(mode)
}
