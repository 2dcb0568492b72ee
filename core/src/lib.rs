#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod account;
mod admin;
mod attempt;
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
mod refusal;
mod revision;
mod rules;
mod secret;
mod session;
mod throttle;
mod version;

// The Kotlin/Swift component of the core's own types (see boundary/uniffi.rs).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("pbx_rules_core");

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
#[cfg(feature = "instrument")]
pub use hash::hash_evaluations;
pub use hash::{HashError, Hasher, PhcHash};
pub use json::{Json, StateError};
pub use lang::{Lang, Localized};
pub use login::LoginError;
pub use number::{
    BaseNumber, E164, ExtensionDigits, LoginIdError, NumberBatch, NumberError, NumberKind,
    NumberPlan, PhoneNumber, metadata_version,
};
#[cfg(feature = "host-regex")]
pub use number::{HostRegex, use_host_regex};
pub use password::guesses;
pub use password::{
    AcceptedPassword, BlockReason, ContextKind, PasswordContext, PasswordError, Strength,
    StrengthLevel, Suggestion, Warning, evaluate, validate_new_password,
};
pub use permission::{Action, Actor, PermissionError, authorize};
pub use pin::{
    AcceptedPin, PinContext, PinError, TrivialPinFinding, mobile_app_check, validate_new_pin,
};
pub use policy::{
    HashPolicy, NumberPolicy, PasswordPolicy, PinPolicy, Policy, PolicyError, RecoveryPolicy,
    SecondFactorPolicy, SessionPolicy, ThrottlePolicy, TrivialPinMode,
};
pub use preview::{Feature, PreviewMode};
pub use recovery::{RecoveryError, forgot_password, forgot_pin};
pub use revision::Revised;
pub use rules::{ChangeForm, Rules};
pub use secret::{OneTimeCode, Password, Pepper, Pin};
pub use session::{SessionError, SessionStamp};
pub use throttle::Throttle;
pub use version::VERSION;
