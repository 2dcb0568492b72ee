//! Stored state, the policy and session stamps to and from JSON through the core's `Json`: the
//! same text in every language, a typed `RuleError.State` (or `.Policy`) for anything
//! unreadable.

/// `toJson()` and `fromJson(text)` on a handle of stored state (the core's JSON, the same in
/// every language).
macro_rules! json_handle {
    ($($handle:ident),* $(,)?) => {$(
        #[uniffi::export]
        impl $handle {
            /// The stored state as JSON, the same in every language.
            pub fn to_json(&self) -> String {
                pbx_rules::Json::to_json(&self.0)
            }

            /// Stored state from JSON; an older version is upgraded, a newer one refused.
            /// Throws `RuleError.State` (`STATE_MALFORMED`, `STATE_VERSION_NEWER`).
            #[uniffi::constructor]
            pub fn from_json(text: String) -> Result<std::sync::Arc<Self>, $crate::RuleError> {
                let state = pbx_rules::Json::from_json(&text).map_err($crate::RuleError::from)?;
                Ok(std::sync::Arc::new(Self(state)))
            }
        }
    )*};
}
pub(crate) use json_handle;

/// The session stamp (G11) as the core's JSON, to keep with the host's session; the same text
/// in every language.
/// Throws `RuleError.LoginId` only for malformed extension digits in `stamp`.
#[uniffi::export]
pub fn session_stamp_to_json(stamp: pbx_rules::SessionStamp) -> Result<String, crate::RuleError> {
    Ok(pbx_rules::Json::to_json(&stamp))
}

/// A kept session stamp read back.
/// Throws `RuleError.State` (`STATE_MALFORMED`) for damaged or foreign JSON.
#[uniffi::export]
pub fn session_stamp_from_json(text: String) -> Result<pbx_rules::SessionStamp, crate::RuleError> {
    pbx_rules::Json::from_json(&text).map_err(crate::RuleError::from)
}
