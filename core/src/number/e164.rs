//! The stored form of every phone number (N1).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::NumberError;

/// A phone number in E.164 form: `+`, a country calling code and the national number,
/// 15 digits at most (`+4917112345678`). This is the only form numbers are stored in (N1).
///
/// A value of this type is always well-formed. [`E164::parse`] checks only the form, so a
/// host can read back what it stored without the numbering metadata; numbers typed by people
/// go through [`crate::NumberPlan::normalize`], which also checks that the number exists.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct E164(String);

impl E164 {
    /// The most digits E.164 allows, country code included.
    pub const MAX_DIGITS: usize = 15;

    /// Reads a stored number that must already be in E.164 form.
    ///
    /// # Errors
    /// [`NumberError::NotE164`] unless the text is `+` followed by 2 to 15 digits, the first
    /// of them not `0`.
    ///
    /// # Examples
    /// ```
    /// use pbx_rules::E164;
    /// assert_eq!(E164::parse("+4917112345678")?.as_str(), "+4917112345678");
    /// assert!(E164::parse("0171 12345678").is_err());
    /// # Ok::<(), pbx_rules::NumberError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, NumberError> {
        let digits = text.strip_prefix('+').unwrap_or("");
        let well_formed = (2..=Self::MAX_DIGITS).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        if well_formed {
            Ok(Self(text.to_owned()))
        } else {
            Err(NumberError::NotE164 {
                value: text.chars().take(40).collect(),
            })
        }
    }

    /// Wraps digits that the numbering engine produced; they are E.164 by construction.
    #[cfg(feature = "numbers")]
    pub(crate) fn from_parts(country_code: u16, national: &str) -> Self {
        Self(format!("+{country_code}{national}"))
    }

    /// The number as text, `+` included.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits without the `+`.
    #[must_use]
    pub fn digits(&self) -> &str {
        self.0.get(1..).unwrap_or_default()
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "E164({})", self.0)
    }
}

impl TryFrom<String> for E164 {
    type Error = NumberError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<E164> for String {
    fn from(value: E164) -> Self {
        value.0
    }
}
