//! The meter's five levels, apart from the meter: a policy's minimum level and the
//! password errors name one without the word lists (feature `meter`).

use serde::{Deserialize, Serialize};

use crate::Lang;

/// The five colours of the meter, from zxcvbn's score 0–4 (K2).
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StrengthLevel {
    /// Score 0: bad.
    #[serde(alias = "Red")]
    Red,
    /// Score 1.
    #[serde(alias = "Orange")]
    Orange,
    /// Score 2: the least the seed saves.
    #[serde(alias = "Yellow")]
    Yellow,
    /// Score 3.
    #[serde(alias = "LightGreen")]
    LightGreen,
    /// Score 4: very good, recommended.
    #[serde(alias = "Green")]
    Green,
}

impl StrengthLevel {
    /// The level of a zxcvbn score; scores above 4 count as 4.
    #[must_use]
    pub fn from_score(score: u8) -> Self {
        match score {
            0 => Self::Red,
            1 => Self::Orange,
            2 => Self::Yellow,
            3 => Self::LightGreen,
            _ => Self::Green,
        }
    }

    /// Whether this level is `min` or better (K2): red < orange < yellow < light green <
    /// green, the order every minimum level is checked in.
    #[must_use]
    pub fn meets(self, min: Self) -> bool {
        self >= min
    }

    /// The colour's name for a person.
    #[must_use]
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Red, Lang::De) => "rot",
            (Self::Orange, Lang::De) => "orange",
            (Self::Yellow, Lang::De) => "gelb",
            (Self::LightGreen, Lang::De) => "hellgrün",
            (Self::Green, Lang::De) => "grün",
            (Self::Red, Lang::En) => "red",
            (Self::Orange, Lang::En) => "orange",
            (Self::Yellow, Lang::En) => "yellow",
            (Self::LightGreen, Lang::En) => "light green",
            (Self::Green, Lang::En) => "green",
        }
    }
}
