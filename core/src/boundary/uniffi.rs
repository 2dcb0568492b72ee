//! What uniffi needs to carry the core's own types to Kotlin and Swift (feature `uniffi`):
//! custom types for the values the core validates or keeps secret. No rule logic: every
//! conversion is the core's own constructor, so a bad value from Kotlin or Swift is a lift
//! error, never a half-built value.

use std::sync::Arc;
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use crate::{E164, ExtensionDigits, OneTimeCode, Password, Pin, Secret};

/// A secret handed across the boundary: a PIN, password or code. It prints as `***`
/// (Kotlin `toString()`, Swift `description`); the plaintext only through `expose()` (G3).
#[derive(uniffi::Object)]
#[uniffi::export(Display)]
pub struct SecretText {
    kind: SecretKind,
    text: Zeroizing<String>,
}

/// Which secret type a [`SecretText`] came from, so it lifts back only into the same one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SecretKind {
    Pin,
    Password,
    Code,
}

impl std::fmt::Display for SecretText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

#[uniffi::export]
impl SecretText {
    /// The plaintext, for the mail, the hash or the one screen that shows it; nothing else.
    pub fn expose(&self) -> String {
        self.text.to_string()
    }
}

impl SecretText {
    fn wrap(kind: SecretKind, text: &str) -> Arc<Self> {
        Arc::new(Self {
            kind,
            text: Zeroizing::new(text.to_owned()),
        })
    }

    fn unwrap(&self, kind: SecretKind) -> uniffi::Result<String> {
        if self.kind == kind {
            Ok(self.text.to_string())
        } else {
            Err(uniffi::deps::anyhow::anyhow!("a secret of another kind"))
        }
    }
}

uniffi::custom_type!(Pin, Arc<SecretText>, {
    lower: |s| SecretText::wrap(SecretKind::Pin, s.expose()),
    try_lift: |s| Ok(Pin::from_checked(s.unwrap(SecretKind::Pin)?)),
});
uniffi::custom_type!(Password, Arc<SecretText>, {
    lower: |s| SecretText::wrap(SecretKind::Password, s.expose()),
    try_lift: |s| Ok(Password::from_checked(s.unwrap(SecretKind::Password)?)),
});
uniffi::custom_type!(OneTimeCode, Arc<SecretText>, {
    lower: |s| SecretText::wrap(SecretKind::Code, s.expose()),
    try_lift: |s| Ok(OneTimeCode::from_checked(s.unwrap(SecretKind::Code)?)),
});
uniffi::custom_type!(Secret, Arc<SecretText>, {
    lower: |s| match s {
        Secret::Pin(p) => SecretText::wrap(SecretKind::Pin, p.expose()),
        Secret::Password(p) => SecretText::wrap(SecretKind::Password, p.expose()),
        Secret::Code(p) => SecretText::wrap(SecretKind::Code, p.expose()),
    },
    try_lift: |s| Ok(match s.kind {
        SecretKind::Pin => Secret::Pin(Pin::from_checked(s.expose())),
        SecretKind::Password => Secret::Password(Password::from_checked(s.expose())),
        SecretKind::Code => Secret::Code(OneTimeCode::from_checked(s.expose())),
    }),
});

// Values the core validates cross as text and are parsed by the core's own constructors.
uniffi::custom_type!(ExtensionDigits, String, {
    lower: |d| d.as_str().to_owned(),
    try_lift: |s| Ok(ExtensionDigits::parse(&s)?),
});
uniffi::custom_type!(E164, String, {
    lower: |n| n.as_str().to_owned(),
    try_lift: |s| Ok(E164::parse(&s)?),
});

/// An instant: Kotlin `Instant`, Swift `Date` (the macro needs a one-word name).
pub type UtcTime = DateTime<Utc>;
uniffi::custom_type!(UtcTime, SystemTime, {
    remote,
    lower: |t| SystemTime::from(t),
    try_lift: |t| Ok(DateTime::<Utc>::from(t)),
});

// Lengths and counts of the policy: `usize` in Rust, `u64` across (uniffi has no usize).
uniffi::custom_type!(usize, u64, {
    remote,
    lower: |n| u64::try_from(n).unwrap_or(u64::MAX),
    try_lift: |n| Ok(usize::try_from(n)?),
});
