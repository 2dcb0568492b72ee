//! The admin password part of a policy (K1, K2, K4, K5, R1).

use serde::{Deserialize, Serialize};

use crate::StrengthLevel;

/// The numbers of the admin password.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PasswordPolicy {
    /// Fewest characters (Unicode scalar values) without a second factor (K1: 8).
    /// Bounds: 1–`max_len`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 8))]
    pub min_len: usize,
    /// Fewest characters when the account uses a second factor (K1: 8; NIST: 8).
    /// Bounds: 1–`max_len`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 8))]
    pub min_len_with_second_factor: usize,
    /// Most characters (K1: 32). Bounds: 1–100, what the meter rates (S6).
    #[cfg_attr(feature = "uniffi", uniffi(default = 32))]
    pub max_len: usize,
    /// Apply Unicode NFKC before counting, metering and hashing.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub nfkc: bool,
    /// The weakest meter level that may be saved (K2: yellow).
    pub min_level: StrengthLevel,
    /// Refuse passwords that are common passwords or contain a context word (head number,
    /// company name, admin email), naming the reason.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub blocklist: bool,
    /// The year the meter measures years and dates in a password from (zxcvbn takes the
    /// current year; the core takes no clock, so the host may set it each year). Policies
    /// saved before the field existed read as 2026. Bounds: 1900–9999.
    #[serde(default = "default_reference_year")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 2026))]
    pub meter_reference_year: i32,
    /// Seconds after a change during which login is refused (K5: 2–3 minutes in the seed; 180).
    /// Bounds: 0–86400 (one day), less than `recovery.mailed_secret_lifetime_secs`, and times
    /// `recovery.requests_per_hour` less than an hour (see there).
    #[cfg_attr(feature = "uniffi", uniffi(default = 180))]
    pub propagation_delay_secs: i32,
    /// Characters of a random password (R1; the seed is silent). Bounds: the larger of the
    /// two minimums–`max_len`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 20))]
    pub generated_len: usize,
}

fn default_reference_year() -> i32 {
    2026
}

impl PasswordPolicy {
    /// The seed: 8 to 32 characters, saved from yellow on.
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            min_len: 8,
            min_len_with_second_factor: 8,
            max_len: 32,
            nfkc: false,
            min_level: StrengthLevel::Yellow,
            blocklist: false,
            meter_reference_year: default_reference_year(),
            propagation_delay_secs: 180,
            generated_len: 20,
        }
    }

    /// NIST SP 800-63B rev. 4 and OWASP ASVS 5.0: 15 characters (8 with a second factor),
    /// up to 64, NFKC, a blocklist with reasons, no composition rules.
    #[must_use]
    pub fn strict() -> Self {
        Self {
            min_len: 15,
            max_len: 64,
            nfkc: true,
            blocklist: true,
            ..Self::centrexx()
        }
    }

    /// The fewest characters for an account with or without a second factor.
    #[must_use]
    pub fn min_len_for(&self, second_factor: bool) -> usize {
        if second_factor {
            self.min_len_with_second_factor
        } else {
            self.min_len
        }
    }

    /// The propagation delay of K5 as a duration.
    #[must_use]
    pub fn propagation_delay(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::seconds(i64::from(self.propagation_delay_secs))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    // G6: a policy saved before the meter's reference year existed still reads.
    #[test]
    fn g6_policy_without_reference_year_reads() {
        let mut value = serde_json::to_value(PasswordPolicy::centrexx()).unwrap();
        value
            .as_object_mut()
            .unwrap()
            .remove("meter_reference_year");
        let read: PasswordPolicy = serde_json::from_value(value).unwrap();
        assert_eq!(read, PasswordPolicy::centrexx());
    }
}
