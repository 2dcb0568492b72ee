//! What uniffi needs to carry the core's own types to Kotlin and Swift (feature `uniffi`):
//! custom types for the values the core validates or keeps secret, and [`RuleError`], the
//! error every binding function throws. No rule logic: every conversion is the core's own
//! constructor, so a bad value from Kotlin or Swift is refused, never a half-built value; and
//! it is refused as the family's typed error, as every other bad input is.

use std::sync::Arc;
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use crate::{E164, ExtensionDigits, Lang, Localized, OneTimeCode, Password, Pin, Secret};

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

// Values the core validates cross as text and are parsed by the core's own constructors. A
// refusal is the parser's own family (`ExtensionDigits::parse`: login_id, `E164::parse`:
// number) as a `RuleError`: uniffi hands a lift error that is the function's own error type
// to Kotlin and Swift as that error, where any other becomes an untyped internal error.
uniffi::custom_type!(ExtensionDigits, String, {
    lower: |d| d.as_str().to_owned(),
    try_lift: |s| ExtensionDigits::parse(&s).map_err(refused),
});
uniffi::custom_type!(E164, String, {
    lower: |n| n.as_str().to_owned(),
    try_lift: |s| E164::parse(&s).map_err(refused),
});

/// A value refused while lifting, as the [`RuleError`] of its family.
fn refused(e: impl Into<crate::Error>) -> uniffi::deps::anyhow::Error {
    uniffi::deps::anyhow::Error::new(RuleError::from(e.into()))
}

/// The fields every case carries, generated once per family.
macro_rules! families {
    ($($case:ident = $family:literal),* $(,)?) => {
        /// A refusal from the rules as Kotlin and Swift see it: a Kotlin `RuleException` with
        /// one subclass per core family, a Swift `RuleError` with one case per family, each
        /// with the stable `code`, the German and English message, `details` (the core's
        /// JSON object of the error's data: retry time, findings …; `{}` when it has none)
        /// and `json` (the core's JSON of the whole error).
        ///
        /// Declared here, not in the binding, so that the custom types above can refuse a
        /// lifted value with it, and so that its methods below can be exported (uniffi
        /// exports methods only in the crate that declares the type): Kotlin
        /// `de.pbxrules.core.RuleException`, Swift `RuleError`.
        #[derive(Clone, Debug, thiserror::Error, uniffi::Error)]
        #[allow(missing_docs)]
        pub enum RuleError {
            $(
                #[error("{code}: {message_en}")]
                $case {
                    code: String,
                    message_de: String,
                    message_en: String,
                    details: String,
                    json: String,
                },
            )*
        }

        impl RuleError {
            /// The core families that have their own case (`""`: `Other`, for a family the
            /// core adds after the binding).
            #[doc(hidden)]
            pub const CASES: &'static [&'static str] = &[$($family),*];
        }

        /// What every case carries, on the base type: Kotlin `e.code()`, `e.messageDe()` …
        /// on any `RuleException` (Java the same), Swift `error.code()`, so a host logs a
        /// refusal without matching the cases.
        #[uniffi::export]
        impl RuleError {
            /// The core's stable code, e.g. `PIN_NOT_DIGITS`.
            pub fn code(&self) -> String {
                match self {
                    $(Self::$case { code, .. })|* => code.clone(),
                }
            }

            /// The German message.
            pub fn message_de(&self) -> String {
                match self {
                    $(Self::$case { message_de, .. })|* => message_de.clone(),
                }
            }

            /// The English message.
            pub fn message_en(&self) -> String {
                match self {
                    $(Self::$case { message_en, .. })|* => message_en.clone(),
                }
            }

            /// The JSON object of the error's data (`retry_at`, findings, field …; `{}` when
            /// it has none).
            pub fn details(&self) -> String {
                match self {
                    $(Self::$case { details, .. })|* => details.clone(),
                }
            }

            /// The core's JSON of the whole error, the same text in every language.
            pub fn json(&self) -> String {
                match self {
                    $(Self::$case { json, .. })|* => json.clone(),
                }
            }

        }

        impl From<crate::Error> for RuleError {
            fn from(e: crate::Error) -> Self {
                let (code, message_de, message_en) =
                    (e.code().to_owned(), e.message(Lang::De), e.message(Lang::En));
                let json = e.to_json();
                let details = details(&json);
                match e.family() {
                    $($family => Self::$case { code, message_de, message_en, details, json },)*
                    _ => Self::Other { code, message_de, message_en, details, json },
                }
            }
        }
    };
}

families! {
    Number = "number",
    LoginId = "login_id",
    Backup = "backup",
    Permission = "permission",
    Pin = "pin",
    Password = "password",
    Hash = "hash",
    Generate = "generate",
    Login = "login",
    Recovery = "recovery",
    Session = "session",
    Policy = "policy",
    State = "state",
    Other = "",
}

/// The `details` object of the core's JSON of the error (`{}` when it carries no data).
fn details(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v.get("details").map(ToString::to_string))
        .unwrap_or_else(|| "{}".to_owned())
}

/// An instant: Kotlin `Instant`, Swift `Date` (the macro needs a one-word name).
pub type UtcTime = DateTime<Utc>;
uniffi::custom_type!(UtcTime, SystemTime, {
    remote,
    lower: |t| SystemTime::from(t),
    try_lift: |t| Ok(DateTime::<Utc>::from(t)),
});

// Lengths and counts of the policy (and the index of a batch row): `usize` in Rust, a
// signed `i32` across (uniffi has no usize): Kotlin and Java `int`, so Java reaches the
// field by its plain name (`getMinLen()`), where an unsigned Kotlin type's accessor is
// name-mangled. The policy's bounds keep every length at most 100. A negative value from
// Kotlin or Swift is refused as the policy family's `POLICY_OUT_OF_RANGE`.
uniffi::custom_type!(usize, i32, {
    remote,
    lower: |n| i32::try_from(n).unwrap_or(i32::MAX),
    try_lift: |n| usize::try_from(n).map_err(|_| refused(crate::PolicyError::OutOfRange {
        field: "length",
        min: 0,
        max: u64::from(i32::MAX.unsigned_abs()),
    })),
});
