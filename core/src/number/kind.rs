//! What kind of line a number belongs to, as the numbering plan says (N1).

use serde::{Deserialize, Serialize};

/// The kind of line a valid number belongs to, as libphonenumber classifies it.
///
/// The names follow libphonenumber; the code (`mobile`, `fixed_line`, …) is its name in
/// snake case, the same in JSON and in every binding. Stored policies with the
/// older upper-case names still read.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A geographic fixed line.
    #[serde(alias = "FIXED_LINE")]
    FixedLine,
    /// A mobile phone.
    #[serde(alias = "MOBILE")]
    Mobile,
    /// A number the plan does not tell apart (for example in the USA).
    #[serde(alias = "FIXED_LINE_OR_MOBILE")]
    FixedLineOrMobile,
    /// Free to call (`0800`).
    #[serde(alias = "TOLL_FREE")]
    TollFree,
    /// Premium rate (`0900`).
    #[serde(alias = "PREMIUM_RATE")]
    PremiumRate,
    /// Cost shared between caller and callee (`0180`).
    #[serde(alias = "SHARED_COST")]
    SharedCost,
    /// Voice over IP.
    #[serde(alias = "VOIP")]
    Voip,
    /// A personal number that follows its owner (`0700`).
    #[serde(alias = "PERSONAL_NUMBER")]
    PersonalNumber,
    /// A pager.
    #[serde(alias = "PAGER")]
    Pager,
    /// A universal access number of a company.
    #[serde(alias = "UAN")]
    Uan,
    /// Voicemail access.
    #[serde(alias = "VOICEMAIL")]
    Voicemail,
    /// Valid, but of no kind above.
    #[serde(alias = "UNKNOWN")]
    Unknown,
}

impl NumberKind {
    /// The kind's code, as in JSON (`mobile`): libphonenumber's name in snake case.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FixedLine => "fixed_line",
            Self::Mobile => "mobile",
            Self::FixedLineOrMobile => "fixed_line_or_mobile",
            Self::TollFree => "toll_free",
            Self::PremiumRate => "premium_rate",
            Self::SharedCost => "shared_cost",
            Self::Voip => "voip",
            Self::PersonalNumber => "personal_number",
            Self::Pager => "pager",
            Self::Uan => "uan",
            Self::Voicemail => "voicemail",
            Self::Unknown => "unknown",
        }
    }
}
