#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod lang;
mod number;
mod policy;

pub use lang::{Lang, Localized};
pub use number::{
    BaseNumber, BaseNumberError, E164, ExtensionDigits, LoginIdError, NumberBatch, NumberError,
    NumberKind, NumberPlan, PhoneNumber,
};
pub use policy::{NumberPolicy, Policy};
