//! Messages in the two languages the portal speaks (G2).
//!
//! Every rejection in this crate has a stable machine code and a message in German and
//! English. The English text is the error's `Display`; the German one comes from
//! [`Localized::message`]. Codes never change once released: hosts and bindings match on them.

use serde::{Deserialize, Serialize};

/// The language of a user-facing message.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// German, the language of the seed and of most users.
    #[default]
    #[serde(alias = "De")]
    De,
    /// English.
    #[serde(alias = "En")]
    En,
}

/// A rejection that can explain itself: a stable code plus a message per language (G2).
pub trait Localized {
    /// The stable machine code, upper snake case (`PIN_TOO_SHORT`).
    fn code(&self) -> &'static str;

    /// The message for a person, in the given language.
    fn message(&self, lang: Lang) -> String;
}

/// Implements [`Localized`] for a thiserror enum from one table: for each variant its
/// pattern, its code and its German message. The English message is the variant's
/// `#[error(...)]` text, so each sentence is written exactly once.
///
/// The macro also records every code in `CODES`, which the tests and the bindings use to
/// check that no variant is left unmapped.
macro_rules! localized {
    ($ty:ident { $($pat:pat => $code:literal, $de:expr;)+ }) => {
        impl $crate::lang::Localized for $ty {
            fn code(&self) -> &'static str {
                #[allow(unused_variables)]
                match self { $($pat => $code,)+ }
            }

            fn message(&self, lang: $crate::lang::Lang) -> String {
                match lang {
                    $crate::lang::Lang::En => self.to_string(),
                    $crate::lang::Lang::De => match self { $($pat => String::from($de),)+ },
                }
            }
        }

        impl $ty {
            /// Every machine code this error can carry, in declaration order.
            pub const CODES: &'static [&'static str] = &[$($code),+];
        }
    };
}
pub(crate) use localized;
