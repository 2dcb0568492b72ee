//! The PIN part of a policy (P1, P2, P3, P5, P8, P10, R2, R4).

use serde::{Deserialize, Serialize};

/// What a trivial PIN (see [`crate::TrivialPinFinding`]) leads to.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum TrivialPinMode {
    /// The PIN is accepted; the findings come back as warnings for the form to show.
    #[serde(alias = "Warn")]
    Warn,
    /// The PIN is refused with `PIN_TRIVIAL`.
    #[serde(alias = "Refuse")]
    Refuse,
}

/// The numbers of the user PIN.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PinPolicy {
    /// Fewest digits (P1: 4). Bounds: 4–20, at most `max_len`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 4))]
    pub min_len: usize,
    /// Most digits (P1: 10). Bounds: 4–20.
    #[cfg_attr(feature = "uniffi", uniffi(default = 10))]
    pub max_len: usize,
    /// The PIN of a new extension (P2: `0000`); `None` when every extension gets a random
    /// PIN instead. Bounds: a valid PIN under this policy (P1).
    #[cfg_attr(feature = "uniffi", uniffi(default = Some("0000")))]
    pub default_pin: Option<String>,
    /// PINs the mobile app refuses (P8: `0000`, `1234`). Random PINs avoid them too (R2).
    pub mobile_refused: Vec<String>,
    /// Days within which a default or admin-set PIN must be changed (P5: 6 weeks = 42).
    /// Bounds: 1–3650.
    #[cfg_attr(feature = "uniffi", uniffi(default = 42))]
    pub change_window_days: i32,
    /// Whether a trivial PIN is only a warning or a refusal.
    pub trivial: TrivialPinMode,
    /// A digit repeated more than this many times in a row is trivial (`1112`: 2).
    /// Bounds: 1–20.
    #[cfg_attr(feature = "uniffi", uniffi(default = 2))]
    pub max_same_digit_run: usize,
    /// Fewer distinct digits than this are trivial (`1212`: 3). Bounds: 1–10.
    #[cfg_attr(feature = "uniffi", uniffi(default = 3))]
    pub min_distinct_digits: usize,
    /// An ascending or descending run of this many digits is trivial (`3456`, `7890`: 4).
    /// Bounds: 2–20.
    #[cfg_attr(feature = "uniffi", uniffi(default = 4))]
    pub sequence_run_len: usize,
    /// A 4-digit PIN from this year on counts as a year (1900).
    #[cfg_attr(feature = "uniffi", uniffi(default = 1900))]
    pub year_min: i32,
    /// A 4-digit PIN up to this year counts as a year (2099). Bounds: at least `year_min`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 2099))]
    pub year_max: i32,
    /// Whether a new PIN may equal the one it replaces (P3 is silent; see the crate docs).
    #[cfg_attr(feature = "uniffi", uniffi(default = true))]
    pub refuse_same_as_old: bool,
    /// Digits of a random PIN (R2; the seed is silent). Bounds: `min_len`–`max_len`.
    #[cfg_attr(feature = "uniffi", uniffi(default = 6))]
    pub generated_len: usize,
    /// Seconds after the user changed the PIN during which login is refused (P10: "einige
    /// Minuten"; 180, as K5). Bounds: `0..=3_600`.
    #[serde(default = "default_propagation_delay_secs")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 180))]
    pub propagation_delay_secs: i32,
}

fn default_propagation_delay_secs() -> i32 {
    PinPolicy::centrexx().propagation_delay_secs
}

impl PinPolicy {
    /// The seed: 4 to 10 digits, default `0000`, trivial PINs only warned about.
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            min_len: 4,
            max_len: 10,
            default_pin: Some("0000".to_owned()),
            mobile_refused: vec!["0000".to_owned(), "1234".to_owned()],
            change_window_days: 42,
            trivial: TrivialPinMode::Warn,
            max_same_digit_run: 2,
            min_distinct_digits: 3,
            sequence_run_len: 4,
            year_min: 1900,
            year_max: 2099,
            refuse_same_as_old: true,
            generated_len: 6,
            propagation_delay_secs: 180,
        }
    }

    /// NIST SP 800-63B rev. 4 for numeric secrets: at least 6 digits, no default PIN
    /// (random initial PINs), trivial PINs refused.
    #[must_use]
    pub fn strict() -> Self {
        Self {
            min_len: 6,
            default_pin: None,
            trivial: TrivialPinMode::Refuse,
            generated_len: 8,
            ..Self::centrexx()
        }
    }

    /// The propagation delay of P10 as a duration.
    #[must_use]
    pub fn propagation_delay(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::seconds(i64::from(self.propagation_delay_secs))
    }

    /// The change window of P5 as a duration.
    #[must_use]
    pub fn change_window(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::days(i64::from(self.change_window_days))
    }
}
