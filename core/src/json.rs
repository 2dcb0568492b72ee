//! Stored state and policies as JSON: the one spelling every binding saves, loads and prints
//! (issue 11).
//!
//! The host stores what a [`crate::Decision`] hands back and reads it in the next request.
//! Stored text can be old, newer than this library, truncated or tampered with, so reading
//! never panics and never half-reads: it yields the whole value or a typed [`StateError`]
//! (or the [`crate::PolicyError`] of a policy outside its bounds).

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::account::STATE_VERSION;
use crate::lang::localized;
use crate::{
    AdminAccount, AdminSession, Error, ExtensionAccount, ExtensionMasterData, PbxMasterData,
    Policy, RememberedDevice,
};

/// Why stored JSON could not be read.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: where the text stopped making sense.
/// The input itself is never quoted, as it may hold hashes.
#[serde(untagged)]
#[non_exhaustive]
pub enum StateError {
    /// Not JSON, or not the shape of this type (a missing or mistyped field).
    #[error("The data is damaged or of the wrong kind (line {line}, column {column}).")]
    Malformed {
        /// The line where reading stopped (1-based; 0 when the shape, not the text, is wrong).
        line: usize,
        /// The column where reading stopped.
        column: usize,
    },
    /// Written by a newer version of this library, whose fields this one cannot know.
    #[error(
        "The stored data has version {version}; this version of pbx-rules reads up to {known}."
    )]
    VersionNewer {
        /// The version in the data.
        version: u64,
        /// The newest version this library reads.
        known: u32,
    },
}

localized!(StateError {
    Self::Malformed { line, column } => "STATE_MALFORMED",
        format!("Die Daten sind beschädigt oder von falscher Art (Zeile {line}, Spalte {column}).");
    Self::VersionNewer { version, known } => "STATE_VERSION_NEWER",
        format!("Die gespeicherten Daten haben Version {version}; diese Version von pbx-rules liest bis Version {known}.");
});

impl From<&serde_json::Error> for StateError {
    fn from(e: &serde_json::Error) -> Self {
        Self::Malformed {
            line: e.line(),
            column: e.column(),
        }
    }
}

/// A value the host stores as JSON and reads back.
pub trait Json: Serialize + DeserializeOwned {
    /// The JSON to store: compact, fields in declaration order, secrets as `"***"` (hashes
    /// stay, as the host must store them).
    #[must_use]
    fn to_json(&self) -> String {
        to_json(self)
    }

    /// Reads stored JSON: an older state version is upgraded, a newer one refused.
    ///
    /// # Errors
    /// [`Error::State`] for text that is not this type's JSON or comes from a newer version,
    /// [`Error::Policy`] for a policy outside its bounds.
    fn from_json(text: &str) -> Result<Self, Error> {
        read(text)
    }
}

/// Compact JSON of a value whose serialisation cannot fail (no map has non-string keys and
/// no `Serialize` impl of this crate returns an error); `null` if one ever did.
pub(crate) fn to_json(value: &(impl Serialize + ?Sized)) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| String::from("null"))
}

/// Parses `text` as `T`, refusing a `version` newer than [`STATE_VERSION`] with its own code
/// before the shape is checked, so a newer state never reads as merely malformed.
fn read<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| StateError::from(&e))?;
    if let Some(version) = value.get("version").and_then(serde_json::Value::as_u64) {
        if version > u64::from(STATE_VERSION) {
            return Err(StateError::VersionNewer {
                version,
                known: STATE_VERSION,
            }
            .into());
        }
    }
    Ok(serde_json::from_value(value).map_err(|e| StateError::from(&e))?)
}

impl Json for ExtensionAccount {}
impl Json for AdminAccount {}
impl Json for AdminSession {}
impl Json for PbxMasterData {}
impl Json for ExtensionMasterData {}
impl Json for RememberedDevice {}

impl Json for Policy {
    /// Reads a policy and checks every field against its bounds (F6).
    fn from_json(text: &str) -> Result<Self, Error> {
        let policy: Self = read(text)?;
        policy.validate()?;
        Ok(policy)
    }
}
