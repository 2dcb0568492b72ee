//! The shape of an admin password (K1).

use super::typed;
use crate::{Password, PasswordError, PasswordPolicy};

impl Password {
    /// Checks typed text against K1. Under a policy with `nfkc` the text is first brought to
    /// Unicode NFKC, and that form is counted, metered and hashed. Length counts Unicode
    /// scalar values (`ä` is one character whether typed composed or, without NFKC, two
    /// when decomposed).
    ///
    /// The order of the checks: text far beyond the maximum (more code points than can
    /// normalise to `max_len`) is refused as too long before anything else, reading no more
    /// than that many code points and copying nothing (F10); then control characters, then
    /// invisible format characters (I7: zero-width space and joiner, bidi controls, byte-order
    /// mark, soft hyphen, …), then the length of the normalised text.
    ///
    /// `second_factor` selects the policy's shorter minimum for accounts with a second
    /// factor (NIST: 8 instead of 15; the seed: 8 either way).
    ///
    /// # Errors
    /// [`PasswordError::TooLong`], [`PasswordError::ControlCharacter`],
    /// [`PasswordError::InvisibleCharacter`], [`PasswordError::TooShort`].
    ///
    /// # Examples
    /// ```
    /// use pbx_rules::{Localized, Password, Rules};
    /// let rules = Rules::centrexx();
    /// assert!(Password::parse("Grüße aus Mainz", false, &rules).is_ok());
    /// let err = Password::parse("kurz", false, &rules).unwrap_err();
    /// assert_eq!(err.code(), "PASSWORD_TOO_SHORT");
    /// let err = Password::parse("Grüße\u{200B}aus Mainz", false, &rules).unwrap_err();
    /// assert_eq!(err.code(), "PASSWORD_INVISIBLE_CHARACTER");
    /// ```
    pub fn parse(
        text: &str,
        second_factor: bool,
        rules: &crate::Rules,
    ) -> Result<Self, PasswordError> {
        Self::parse_with(text, &rules.policy().password, second_factor)
    }

    /// [`Password::parse`] under the password section alone.
    pub(crate) fn parse_with(
        text: &str,
        policy: &PasswordPolicy,
        second_factor: bool,
    ) -> Result<Self, PasswordError> {
        let too_long = PasswordError::TooLong {
            max: policy.max_len,
        };
        if typed::longer_than(text, typed::input_cap(policy.max_len, policy)) {
            return Err(too_long);
        }
        if text.chars().any(char::is_control) {
            return Err(PasswordError::ControlCharacter);
        }
        if text.chars().any(typed::is_invisible) {
            return Err(PasswordError::InvisibleCharacter);
        }
        let secret = Self::from_checked(std::mem::take(&mut *typed::normalised(text, policy)));
        let len = secret.expose().chars().count();
        let min = policy.min_len_for(second_factor);
        if len < min {
            return Err(PasswordError::TooShort { min });
        }
        if len > policy.max_len {
            return Err(too_long);
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
        let parse = |t: &str| Password::parse_with(t, &policy, false);
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
        let pw = Password::parse_with(typed, &policy, false).unwrap();
        assert_eq!(pw.expose(), "finf Brötchen!!");
        assert_eq!(
            Password::parse_with("abcdefgh", &policy, false).unwrap_err(),
            PasswordError::TooShort { min: 15 }
        );
        assert!(Password::parse_with("abcdefgh", &policy, true).is_ok());
        assert!(Password::parse_with(&"x".repeat(64), &policy, false).is_ok());
        assert!(Password::parse_with(&"x".repeat(65), &policy, false).is_err());
    }
}
