//! The shape of an admin password (K1).

use unicode_normalization::UnicodeNormalization;

use crate::{Password, PasswordError, PasswordPolicy};

impl Password {
    /// Checks typed text against K1. Under a policy with `nfkc` the text is first brought to
    /// Unicode NFKC, and that form is counted, metered and hashed. Length counts Unicode
    /// scalar values (`ä` is one character whether typed composed or, without NFKC, two
    /// when decomposed). Control characters are checked before the length.
    ///
    /// `second_factor` selects the policy's shorter minimum for accounts with a second
    /// factor (NIST: 8 instead of 15; the seed: 8 either way).
    ///
    /// # Errors
    /// [`PasswordError::ControlCharacter`], [`PasswordError::TooShort`],
    /// [`PasswordError::TooLong`].
    ///
    /// # Examples
    /// ```
    /// use pbx_rules::{Localized, Password, PasswordPolicy};
    /// let policy = PasswordPolicy::centrexx();
    /// assert!(Password::parse("Grüße aus Mainz", &policy, false).is_ok());
    /// let err = Password::parse("kurz", &policy, false).unwrap_err();
    /// assert_eq!(err.code(), "PASSWORD_TOO_SHORT");
    /// ```
    pub fn parse(
        text: &str,
        policy: &PasswordPolicy,
        second_factor: bool,
    ) -> Result<Self, PasswordError> {
        if text.chars().any(char::is_control) {
            return Err(PasswordError::ControlCharacter);
        }
        let text: String = if policy.nfkc {
            text.nfkc().collect()
        } else {
            text.to_owned()
        };
        let secret = Self::from_checked(text);
        let len = secret.expose().chars().count();
        let min = policy.min_len_for(second_factor);
        if len < min {
            return Err(PasswordError::TooShort { min });
        }
        if len > policy.max_len {
            return Err(PasswordError::TooLong {
                max: policy.max_len,
            });
        }
        Ok(secret)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn k1_lengths_in_scalar_values() {
        let policy = PasswordPolicy::centrexx();
        let parse = |t: &str| Password::parse(t, &policy, false);
        assert_eq!(
            parse("abcdefg").unwrap_err(),
            PasswordError::TooShort { min: 8 }
        );
        assert!(parse("abcdefgh").is_ok());
        assert!(parse(&"ä".repeat(32)).is_ok());
        assert!(parse(&"€".repeat(32)).is_ok());
        assert!(parse(&"😀".repeat(32)).is_ok());
        assert_eq!(
            parse(&"ä".repeat(33)).unwrap_err(),
            PasswordError::TooLong { max: 32 }
        );
        assert_eq!(
            parse("abc\tdefgh").unwrap_err(),
            PasswordError::ControlCharacter
        );
        assert_eq!(
            parse("abc\u{7f}defgh").unwrap_err(),
            PasswordError::ControlCharacter
        );
        assert!(parse("with spaces ok").is_ok());
    }

    #[test]
    fn k1_strict_nfkc_and_second_factor() {
        let policy = PasswordPolicy::strict();
        // "ﬁ" (one ligature) becomes "fi" under NFKC: 14 typed, 15 counted.
        let typed = "ﬁnf Brötchen!!";
        assert_eq!(typed.chars().count(), 14);
        let pw = Password::parse(typed, &policy, false).unwrap();
        assert_eq!(pw.expose(), "finf Brötchen!!");
        assert_eq!(
            Password::parse("abcdefgh", &policy, false).unwrap_err(),
            PasswordError::TooShort { min: 15 }
        );
        assert!(Password::parse("abcdefgh", &policy, true).is_ok());
        assert!(Password::parse(&"x".repeat(64), &policy, false).is_ok());
        assert!(Password::parse(&"x".repeat(65), &policy, false).is_err());
    }
}
