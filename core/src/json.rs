//! Stored state and policies as JSON: the one spelling every binding saves, loads and prints
//!.
//!
//! The host stores what a [`crate::Decision`] hands back and reads it in the next request.
//! Stored text can be old, newer than this library, truncated or tampered with, so reading
//! never panics and never half-reads: it yields the whole value or a typed [`StateError`]
//! (or the [`crate::PolicyError`] of a policy outside its bounds).

use std::fmt;

use serde::de::{DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
#[cfg(feature = "lifecycle")]
use serde_json::json;
use serde_json::{Map, Value};

use crate::lang::localized;
#[cfg(feature = "lifecycle")]
use crate::{
    AdminAccount, AdminSession, ExtensionAccount, ExtensionMasterData, PbxMasterData,
    RememberedDevice, SessionStamp,
};
use crate::{Error, Policy};

/// The version of every stored state of this crate; bumped when the shape changes, and
/// checked when state is read back. Version 2 added the revision (I5), the pending mailed
/// secret and the recovery log (F3), the P10 delay and the admin's code throttle (F7);
/// version 3 the credential epoch and the admin session's stamp (G11). Older state reads
/// through [`crate::Json::from_json`], which fills in what was added since (see
/// `json.rs`); from its own version on, every field is required (S3).
// Here, not in `account`: reading any stored JSON checks it, a policy too.
pub const STATE_VERSION: u32 = 3;

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
    /// A value handed over by a host language that is none of the values of the enum `of`
    /// (a member of another enum, a string, `None`): the Python binding's enums, which cross
    /// as members of their own `enum.Enum` class.
    #[error("The value is not a {of}.")]
    UnknownValue {
        /// The enum expected (`NumberKind`).
        of: &'static str,
    },
}

localized!(StateError {
    Self::Malformed { line, column } => "STATE_MALFORMED",
        format!("Die Daten sind beschädigt oder von falscher Art (Zeile {line}, Spalte {column}).");
    Self::VersionNewer { version, known } => "STATE_VERSION_NEWER",
        format!("Die gespeicherten Daten haben Version {version}; diese Version von pbx-rules liest bis Version {known}.");
    Self::UnknownValue { of } => "STATE_UNKNOWN_VALUE",
        format!("Der Wert ist kein {of}.");
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

    /// Reads stored JSON: an older state version is upgraded, a newer one refused, a key
    /// named twice refused (S3).
    ///
    /// # Errors
    /// [`Error::State`] for text that is not this type's JSON or comes from a newer version,
    /// [`Error::Policy`] for a policy outside its bounds.
    fn from_json(text: &str) -> Result<Self, Error> {
        read(text, unversioned)
    }
}

/// Compact JSON of a value whose serialisation cannot fail (no map has non-string keys and
/// no `Serialize` impl of this crate returns an error); `null` if one ever did.
pub(crate) fn to_json(value: &(impl Serialize + ?Sized)) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| String::from("null"))
}

/// Parses `text` as `T`: duplicate keys and a `version` newer than [`STATE_VERSION`] are
/// refused with their own codes before the shape is checked, and `upgrade` brings an older
/// state up to today's shape (S3).
fn read<T: DeserializeOwned>(text: &str, upgrade: Upgrade) -> Result<T, Error> {
    let Unique(mut value) = serde_json::from_str(text).map_err(|e| StateError::from(&e))?;
    if let Some(version) = value.get("version").and_then(serde_json::Value::as_u64) {
        if version > u64::from(STATE_VERSION) {
            return Err(StateError::VersionNewer {
                version,
                known: STATE_VERSION,
            }
            .into());
        }
        if let Some(object) = value.as_object_mut().filter(|_| version > 0) {
            upgrade(version, object);
        }
    }
    Ok(serde_json::from_value(value).map_err(|e| StateError::from(&e))?)
}

/// Fills in, for a state of an older `version`, the fields added since, with the values
/// that mean "nothing happened yet", and stamps it with today's version. Only fields the
/// older version did not have get a value: one that version had stays required (S3).
type Upgrade = fn(u64, &mut Map<String, Value>);

/// Reads an `Option` field that must be present (as `null` when empty): serde treats a
/// missing `Option` as `None`, which would read a state with its pending secret or last
/// failure cut out as "nothing happened" (S3).
#[cfg(feature = "lifecycle")]
pub(crate) fn required<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    Option::deserialize(d)
}

/// No upgrade: the value has no versions of its own (master data, policies).
fn unversioned(_: u64, _: &mut Map<String, Value>) {}

/// Adds `fields` where missing.
#[cfg(feature = "lifecycle")]
fn added(object: &mut Map<String, Value>, fields: Value) {
    if let Value::Object(fields) = fields {
        for (key, value) in fields {
            object.entry(key).or_insert(value);
        }
    }
}

/// The counts of a throttle and of recovery requests, before anything happened.
#[cfg(feature = "lifecycle")]
fn none_yet() -> (Value, Value) {
    (
        json!({"failures": 0, "last_failure": null}),
        json!({"window_start": null, "requests": 0}),
    )
}

#[cfg(feature = "lifecycle")]
fn upgrade_extension_account(version: u64, object: &mut Map<String, Value>) {
    if version < 2 {
        let (_, recovery) = none_yet();
        added(
            object,
            json!({"revision": 0, "pin_effective_at": null, "pending_reset": null, "recovery": recovery}),
        );
    }
    if version < 3 {
        added(object, json!({"credential_epoch": 0}));
    }
    object.insert("version".into(), json!(STATE_VERSION));
}

#[cfg(feature = "lifecycle")]
fn upgrade_admin_account(version: u64, object: &mut Map<String, Value>) {
    if version < 2 {
        let (throttle, recovery) = none_yet();
        added(
            object,
            json!({"revision": 0, "code_throttle": throttle, "pending_reset": null, "recovery": recovery}),
        );
    }
    if version < 3 {
        added(object, json!({"credential_epoch": 0}));
    }
    object.insert("version".into(), json!(STATE_VERSION));
}

/// A session stored before sessions had stamps gets one from the start of time, so it has
/// ended (G11): after the upgrade every admin logs in once more.
#[cfg(feature = "lifecycle")]
fn upgrade_admin_session(version: u64, object: &mut Map<String, Value>) {
    if version < 2 {
        added(object, json!({"revision": 0}));
    }
    if version < 3 {
        let start = "1970-01-01T00:00:00Z";
        added(
            object,
            json!({"stamp": {"account": "admin", "epoch": 0, "opened_at": start, "last_seen_at": start}}),
        );
    }
    object.insert("version".into(), json!(STATE_VERSION));
}

/// A JSON value whose objects name no key twice: serde_json keeps the last of two equal
/// keys, so a stored state with a second `"throttle"` would read as the attacker's copy
/// (S3). Refused as [`StateError::Malformed`] at the second key.
struct Unique(Value);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueVisitor).map(Unique)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON without duplicate keys")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Unique(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Unique(value) = map.next_value()?;
            if object.contains_key(&key) {
                return Err(serde::de::Error::custom("duplicate key"));
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(feature = "lifecycle")]
impl Json for ExtensionAccount {
    fn from_json(text: &str) -> Result<Self, Error> {
        read(text, upgrade_extension_account)
    }
}

#[cfg(feature = "lifecycle")]
impl Json for AdminAccount {
    fn from_json(text: &str) -> Result<Self, Error> {
        read(text, upgrade_admin_account)
    }
}

#[cfg(feature = "lifecycle")]
impl Json for AdminSession {
    fn from_json(text: &str) -> Result<Self, Error> {
        read(text, upgrade_admin_session)
    }
}

#[cfg(feature = "lifecycle")]
impl Json for SessionStamp {}
#[cfg(feature = "lifecycle")]
impl Json for PbxMasterData {}
#[cfg(feature = "lifecycle")]
impl Json for ExtensionMasterData {}
#[cfg(feature = "lifecycle")]
impl Json for RememberedDevice {}

impl Json for Policy {
    /// Reads a policy and checks every field against its bounds (F6).
    fn from_json(text: &str) -> Result<Self, Error> {
        let policy: Self = read(text, unversioned)?;
        policy.validate()?;
        Ok(policy)
    }
}
