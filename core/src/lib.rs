#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

#[cfg(feature = "lifecycle")]
mod account;
#[cfg(feature = "lifecycle")]
mod admin;
#[cfg(feature = "lifecycle")]
mod attempt;
#[cfg(feature = "lifecycle")]
mod backup;
mod batch;
mod boundary;
#[cfg(feature = "lifecycle")]
mod deadline;
#[cfg(feature = "lifecycle")]
mod effect;
mod error;
mod generate;
mod hash;
mod json;
mod lang;
#[cfg(feature = "lifecycle")]
mod login;
mod number;
mod password;
#[cfg(feature = "lifecycle")]
mod permission;
mod pin;
mod policy;
#[cfg(feature = "lifecycle")]
mod preview;
#[cfg(feature = "lifecycle")]
mod recovery;
#[cfg(feature = "lifecycle")]
mod refusal;
#[cfg(feature = "lifecycle")]
mod revision;
mod rules;
mod secret;
#[cfg(feature = "lifecycle")]
mod session;
#[cfg(feature = "lifecycle")]
mod throttle;
mod version;

/// The Python binding's hooks on the core's types (feature `python`): the enum classes and
/// how a refused argument is raised. For `bindings-python`, not for hosts.
#[cfg(feature = "python")]
#[doc(hidden)]
pub use boundary::python;

// The Kotlin/Swift component of the core's own types (see boundary/uniffi.rs).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("pbx_rules_core");

#[cfg(feature = "lifecycle")]
pub use account::{
    Created, ExtensionAccount, ExtensionAccountView, PinChanged, PinOrigin, STATE_VERSION,
    UserLogin,
};
#[cfg(feature = "lifecycle")]
pub use admin::{
    AdminAccount, AdminAccountView, AdminSession, AdminSessionView, AdminStep, DeviceToken,
    PasswordChanged, RememberedDevice, RememberedDeviceView,
};
#[cfg(feature = "lifecycle")]
pub use backup::{
    BackupError, ExtensionMasterData, ExtensionMasterDataView, PbxMasterData, PbxMasterDataView,
    Reachability, Route, RouteRule, routing_table,
};
pub use batch::Batch;
/// The error the Kotlin/Swift binding throws (feature `uniffi`); see `bindings-kotlin-swift`.
#[cfg(feature = "uniffi")]
pub use boundary::uniffi::RuleError;
#[cfg(feature = "lifecycle")]
pub use effect::{AccountRef, ChangeKind, Decision, Effect, Secret, SecretPurpose};
pub use error::Error;
#[cfg(feature = "meter")]
pub use generate::generate_password;
pub use generate::{GenerateError, generate_code, generate_pin};
pub use hash::HashError;
#[cfg(all(feature = "hashing", feature = "instrument"))]
pub use hash::hash_evaluations;
#[cfg(feature = "hashing")]
pub use hash::{HashBatch, Hasher, PhcHash};
pub use json::{Json, StateError};
pub use lang::{Lang, Localized};
#[cfg(feature = "lifecycle")]
pub use login::LoginError;
#[cfg(feature = "numbers")]
pub use number::{
    BaseNumber, NumberBatch, NumberPlan, PhoneNumber, PhoneNumberData, metadata_version,
};
pub use number::{E164, ExtensionDigits, LoginIdError, NumberError, NumberKind};
#[cfg(all(feature = "numbers", feature = "host-regex"))]
pub use number::{HostRegex, use_host_regex};
#[cfg(feature = "meter")]
pub use password::{
    AcceptedPassword, PasswordContext, Strength, Suggestion, Warning, evaluate, guesses,
    validate_new_password,
};
pub use password::{BlockReason, ContextKind, PasswordError, StrengthLevel};
#[cfg(feature = "lifecycle")]
pub use permission::{Action, Actor, PermissionError, authorize};
pub use pin::{
    AcceptedPin, PinContext, PinError, TrivialPinFinding, mobile_app_check, validate_new_pin,
};
pub use policy::{
    HashPolicy, NumberPolicy, PasswordPolicy, PinPolicy, Policy, PolicyError, RecoveryPolicy,
    SecondFactorPolicy, SessionPolicy, ThrottlePolicy, TrivialPinMode,
};
#[cfg(feature = "lifecycle")]
pub use preview::{Feature, PreviewMode};
#[cfg(feature = "lifecycle")]
pub use recovery::{RecoveryError, forgot_password, forgot_pin};
#[cfg(feature = "lifecycle")]
pub use revision::Revised;
#[cfg(feature = "lifecycle")]
pub use rules::ChangeForm;
pub use rules::Rules;
pub use secret::{OneTimeCode, Password, Pepper, Pin};
#[cfg(feature = "lifecycle")]
pub use session::{SessionError, SessionStamp};
#[cfg(feature = "lifecycle")]
pub use throttle::Throttle;
pub use version::VERSION;
