//! The shape of a PIN (P1).

use crate::{Pin, PinError, PinPolicy};

/// Text of more than this many times the maximum length in bytes is refused as too long
/// without being read: a paste that size is no PIN and no typo of one (F10).
const FAR_BEYOND: usize = 4;

/// Whether typed text is far longer than any PIN or code any policy allows (four times the
/// most digits of the bounds), so it cannot match a stored one and is not worth hashing
/// (F10). The generous cap keeps PINs stored under an older, longer maximum working.
#[cfg(feature = "lifecycle")]
pub(crate) fn beyond_any_pin(typed: &str) -> bool {
    typed.len() > FAR_BEYOND * crate::policy::MAX_PIN_DIGITS
}

impl Pin {
    /// Checks typed text against P1: only the digits 0–9 (no spaces, no other scripts'
    /// digits), at least `min_len` and at most `max_len` of them. Characters are checked
    /// before the length, so `12a` is [`PinError::NotDigits`]; text of more than four times
    /// the maximum in bytes is [`PinError::TooLong`] without being read (F10).
    ///
    /// # Errors
    /// [`PinError::NotDigits`], [`PinError::TooShort`], [`PinError::TooLong`].
    ///
    /// # Examples
    /// ```
    /// use pbx_rules::{Localized, Pin, PinError, Rules};
    /// let rules = Rules::centrexx();
    /// assert_eq!(Pin::parse("4711", &rules)?.expose(), "4711");
    /// assert_eq!(Pin::parse("471", &rules).unwrap_err().code(), "PIN_TOO_SHORT");
    /// # Ok::<(), PinError>(())
    /// ```
    pub fn parse(text: &str, rules: &crate::Rules) -> Result<Self, PinError> {
        Self::parse_with(text, &rules.policy().pin)
    }

    /// [`Pin::parse`] under the PIN section alone (also while a policy is being checked).
    pub(crate) fn parse_with(text: &str, policy: &PinPolicy) -> Result<Self, PinError> {
        // F10: text far beyond the maximum is too long whatever it holds; it is not read.
        if text.len() > policy.max_len.saturating_mul(FAR_BEYOND) {
            return Err(PinError::TooLong {
                max: policy.max_len,
            });
        }
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PinError::NotDigits);
        }
        // All ASCII, so bytes are characters.
        if text.len() < policy.min_len {
            return Err(PinError::TooShort {
                min: policy.min_len,
            });
        }
        if text.len() > policy.max_len {
            return Err(PinError::TooLong {
                max: policy.max_len,
            });
        }
        Ok(Self::from_checked(text.to_owned()))
    }

    /// Whether this is the policy's default PIN (P2).
    #[must_use]
    pub(crate) fn is_default(&self, policy: &PinPolicy) -> bool {
        policy
            .default_pin
            .as_deref()
            .is_some_and(|d| self.matches(d))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn p1_lengths_and_digits() {
        let policy = PinPolicy::centrexx();
        assert_eq!(
            Pin::parse_with("123", &policy),
            Err(PinError::TooShort { min: 4 })
        );
        assert!(Pin::parse_with("1357", &policy).is_ok());
        assert!(Pin::parse_with("1357924680", &policy).is_ok());
        assert_eq!(
            Pin::parse_with("13579246801", &policy),
            Err(PinError::TooLong { max: 10 })
        );
        assert_eq!(
            Pin::parse_with("", &policy),
            Err(PinError::TooShort { min: 4 })
        );
        for bad in ["12 34", "12a4", "１２３４", "١٢٣٤", "-1234", "+1234"] {
            assert_eq!(
                Pin::parse_with(bad, &policy),
                Err(PinError::NotDigits),
                "{bad}"
            );
        }
    }

    #[test]
    fn p2_default_pin() {
        let policy = PinPolicy::centrexx();
        assert!(
            Pin::parse_with("0000", &policy)
                .unwrap()
                .is_default(&policy)
        );
        assert!(
            !Pin::parse_with("00000", &policy)
                .unwrap()
                .is_default(&policy)
        );
        let strict = PinPolicy::strict();
        assert!(
            !Pin::parse_with("000000", &strict)
                .unwrap()
                .is_default(&strict)
        );
    }
}
