#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod account;
mod admin;
mod backup;
mod boundary;
mod deadline;
mod effect;
mod error;
mod generate;
mod hash;
mod json;
mod lang;
mod login;
mod number;
mod password;
mod permission;
mod pin;
mod policy;
mod preview;
mod recovery;
mod revision;
mod rules;
mod secret;
mod throttle;
mod version;

pub use account::{Created, ExtensionAccount, PinChanged, PinOrigin, STATE_VERSION, UserLogin};
pub use admin::{
    AdminAccount, AdminSession, AdminStep, DeviceToken, PasswordChanged, RememberedDevice,
};
pub use backup::{
    BackupError, ExtensionMasterData, PbxMasterData, Reachability, Route, RouteRule, routing_table,
};
pub use effect::{AccountRef, ChangeKind, Decision, Effect, Secret, SecretPurpose};
pub use error::Error;
pub use generate::{GenerateError, generate_code, generate_password, generate_pin};
pub use hash::{HashError, Hasher, PhcHash};
pub use json::{Json, StateError};
pub use lang::{Lang, Localized};
pub use login::LoginError;
pub use number::{
    BaseNumber, BaseNumberError, E164, ExtensionDigits, LoginIdError, NumberBatch, NumberError,
    NumberKind, NumberPlan, PhoneNumber, metadata_version,
};
#[cfg(feature = "host-regex")]
pub use number::{HostRegex, use_host_regex};
pub use password::guesses;
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
    HashPolicy, NumberPolicy, PasswordPolicy, PinPolicy, Policy, PolicyError, RecoveryPolicy,
    SecondFactorPolicy, SessionPolicy, ThrottlePolicy, TrivialPinMode,
};
pub use preview::{Feature, PreviewMode};
pub use recovery::{RecoveryError, forgot_password, forgot_pin};
pub use rules::{ChangeForm, Rules};
pub use secret::{OneTimeCode, Password, Pepper, Pin};
pub use throttle::{Throttle, password_allowance, pin_allowance};
pub use version::VERSION;
