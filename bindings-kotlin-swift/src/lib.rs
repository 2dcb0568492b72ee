//! Kotlin and Swift bindings of pbx-rules through uniffi (issue 6).
//!
//! The mobile app checks PINs, shows the password meter, normalises the backup number a user
//! types and asks whether it may log in (P8). Everything here is FFI plumbing: core types are
//! wrapped in uniffi Objects or mirrored as Records/Enums, and every exported method is a
//! one-line delegation to `pbx_rules`. The only logic this crate owns is converting values
//! across the boundary and mapping every core error to [`RuleError`] (one `error.rs`).
//!
//! The core itself carries no uniffi attributes, so it builds without any binding toolchain.

// Every exported function returns its value to Kotlin or Swift, where `#[must_use]` has no
// effect; the attribute on each of them would be noise.
#![allow(clippy::must_use_candidate)]

uniffi::setup_scaffolding!("pbx_rules");

mod account;
mod admin;
mod backup;
mod effect;
mod error;
mod generate;
mod hash;
mod number;
mod password;
mod permission;
mod pin;
mod policy;
mod preview;
mod recovery;
mod rules;
mod secret;
mod version;

pub use account::{
    AccountDecision, Created, ExtensionAccount, PinChangeDecision, PinChanged, UserLogin,
    UserLoginDecision, create_extension_account,
};
pub use admin::{
    AdminAccount, AdminLoginDecision, AdminSession, CodeConfirmDecision, CodeConfirmState,
    CodeRequestDecision, DeviceToken, PasswordChangeDecision, PasswordChanged, RememberedDevice,
};
pub use backup::{ExtensionMasterData, PbxMasterData, Route, decide_route, routing_table};
pub use effect::{AccountRef, Effect, MailSecret};
pub use error::{BlockReason, PinFinding, RuleError};
pub use generate::{generate_code, generate_password, generate_pin};
pub use hash::{HashPolicy, Hasher};
pub use number::{BaseNumber, NumberPlan, PhoneNumber, parse_e164};
pub use password::{
    AcceptedPassword, PasswordChangeOutcome, PasswordContext, Strength, change_password,
    evaluate_password, validate_new_password,
};
pub use permission::{Action, Actor, authorize};
pub use pin::{
    AcceptedPin, PinChangeOutcome, PinContext, change_pin, mobile_app_check, validate_new_pin,
};
pub use policy::{PasswordRules, PinRules, Policy, policy_preset};
pub use preview::{Feature, feature_is_available, preview_footer, preview_toggled};
pub use recovery::{ForgotPasswordDecision, ForgotPinDecision, forgot_password, forgot_pin};
pub use rules::Rules;
pub use secret::{OneTimeCode, Password, Pin};
pub use version::version;
