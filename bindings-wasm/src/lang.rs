//! The language of messages (G2).
// wasm-bindgen adds an undocumented marker variant and helper functions to string enums.
#![allow(missing_docs)]

use wasm_bindgen::prelude::*;

/// The language of a message for people.
#[wasm_bindgen]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// German, the portal's language.
    De = "de",
    /// English.
    En = "en",
}

impl From<Lang> for pbx_rules::Lang {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::En => Self::En,
            // wasm-bindgen's string enums carry an invalid marker; German is the default.
            _ => Self::De,
        }
    }
}
