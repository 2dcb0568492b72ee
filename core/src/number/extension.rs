//! The digits of one extension, apart from the base number they follow: a login identifier,
//! a permission or a PIN context holds them without the numbering engine (feature `numbers`).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::LoginIdError;

/// The digits of one extension after the PBX base number (Durchwahl, `10`).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ExtensionDigits(String);

impl ExtensionDigits {
    /// Longer extension digits do not occur in German PBXs; E.164's 15 digits bind first.
    pub const MAX_LEN: usize = 8;

    /// Reads extension digits (`10`, `0`).
    ///
    /// # Errors
    /// [`LoginIdError::NoExtension`] when empty, [`LoginIdError::BadCharacter`] for a
    /// non-digit, [`LoginIdError::ExtensionTooLong`] past [`Self::MAX_LEN`].
    pub fn parse(text: &str) -> Result<Self, LoginIdError> {
        if let Some(character) = text.chars().find(|c| !c.is_ascii_digit()) {
            return Err(LoginIdError::BadCharacter { character });
        }
        match text.len() {
            0 => Err(LoginIdError::NoExtension),
            n if n > Self::MAX_LEN => Err(LoginIdError::ExtensionTooLong),
            _ => Ok(Self(text.to_owned())),
        }
    }

    /// The digits as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ExtensionDigits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ExtensionDigits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ExtensionDigits({})", self.0)
    }
}

impl TryFrom<String> for ExtensionDigits {
    type Error = LoginIdError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ExtensionDigits> for String {
    fn from(value: ExtensionDigits) -> Self {
        value.0
    }
}
