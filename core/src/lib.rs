#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod backup;
mod generate;
mod hash;
mod lang;
mod number;
mod password;
mod permission;
mod pin;
mod policy;
mod secret;

pub use backup::{
    BackupError, ExtensionMasterData, PbxMasterData, Reachability, Route, RouteRule, routing_table,
};
pub use generate::{GenerateError, generate_code, generate_password, generate_pin};
pub use hash::{HashError, Hasher, PhcHash};
pub use lang::{Lang, Localized};
pub use number::{
    BaseNumber, BaseNumberError, E164, ExtensionDigits, LoginIdError, NumberBatch, NumberError,
    NumberKind, NumberPlan, PhoneNumber,
};
pub use password::{
    AcceptedPassword, BlockReason, ContextKind, PasswordChangeOutcome, PasswordContext,
    PasswordError, Strength, StrengthLevel, Suggestion, Warning, change_password, evaluate,
    validate_new_password,
};
pub use permission::{Action, Actor, PermissionError, authorize};
pub use pin::{
    AcceptedPin, PinChangeOutcome, PinContext, PinError, TrivialPinFinding, change_pin,
    mobile_app_check, validate_new_pin,
};
pub use policy::{
    HashPolicy, NumberPolicy, PasswordPolicy, PinPolicy, Policy, SecondFactorPolicy, TrivialPinMode,
};
pub use secret::{OneTimeCode, Password, Pepper, Pin};
