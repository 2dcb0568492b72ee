//! What kind of line a number belongs to, as the numbering plan says (N1).

use serde::{Deserialize, Serialize};

/// The kind of line a valid number belongs to, as libphonenumber classifies it.
///
/// The names and their text form (`MOBILE`, `FIXED_LINE`, …) follow libphonenumber, so
/// results compare one to one with the Python `phonenumbers` package.
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum,
    pyo3::pyclass(
        module = "pbx_rules",
        eq,
        eq_int,
        frozen,
        hash,
        from_py_object,
        rename_all = "SCREAMING_SNAKE_CASE"
    )
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum NumberKind {
    /// A geographic fixed line.
    FixedLine,
    /// A mobile phone.
    Mobile,
    /// A number the plan does not tell apart (for example in the USA).
    FixedLineOrMobile,
    /// Free to call (`0800`).
    TollFree,
    /// Premium rate (`0900`).
    PremiumRate,
    /// Cost shared between caller and callee (`0180`).
    SharedCost,
    /// Voice over IP.
    Voip,
    /// A personal number that follows its owner (`0700`).
    PersonalNumber,
    /// A pager.
    Pager,
    /// A universal access number of a company.
    Uan,
    /// Voicemail access.
    Voicemail,
    /// Valid, but of no kind above.
    Unknown,
}

impl NumberKind {
    /// The libphonenumber name of the kind (`MOBILE`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FixedLine => "FIXED_LINE",
            Self::Mobile => "MOBILE",
            Self::FixedLineOrMobile => "FIXED_LINE_OR_MOBILE",
            Self::TollFree => "TOLL_FREE",
            Self::PremiumRate => "PREMIUM_RATE",
            Self::SharedCost => "SHARED_COST",
            Self::Voip => "VOIP",
            Self::PersonalNumber => "PERSONAL_NUMBER",
            Self::Pager => "PAGER",
            Self::Uan => "UAN",
            Self::Voicemail => "VOICEMAIL",
            Self::Unknown => "UNKNOWN",
        }
    }
}
