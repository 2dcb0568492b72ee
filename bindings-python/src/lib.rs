//! `pbx_rules` for Python: a thin, typed binding of the pbx-rules core (issue 5).
//!
//! No rule logic lives here. Every function and method delegates to the core in one line;
//! this crate owns only the FFI plumbing: argument and result conversions, releasing the GIL
//! around bulk and hashing work, and mapping every core error to its Python exception
//! (`error.rs`). The modules follow the core's areas.

mod account;
mod admin;
mod backup;
mod convert;
mod error;
mod generate;
mod hash;
mod lifecycle;
mod numbers;
mod password;
mod permission;
mod pin;
mod policy;
mod recovery;
mod secret;

use pyo3::prelude::*;

/// The module `pbx_rules`.
#[pymodule(name = "pbx_rules")]
fn pbx_rules_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    error::register(m)?;
    m.add("__version__", pbx_rules::VERSION)?;
    // the core's own pyclasses (feature `python`): enums, effects, secrets, outcomes
    m.add_class::<pbx_rules::Lang>()?;
    m.add_class::<pbx_rules::NumberKind>()?;
    m.add_class::<pbx_rules::Reachability>()?;
    m.add_class::<pbx_rules::RouteRule>()?;
    m.add_class::<pbx_rules::StrengthLevel>()?;
    m.add_class::<pbx_rules::TrivialPinFinding>()?;
    m.add_class::<pbx_rules::PinOrigin>()?;
    m.add_class::<pbx_rules::AdminStep>()?;
    m.add_class::<pbx_rules::PreviewMode>()?;
    m.add_class::<pbx_rules::SecretPurpose>()?;
    m.add_class::<pbx_rules::ChangeKind>()?;
    m.add_class::<pbx_rules::Secret>()?;
    m.add_class::<pbx_rules::Effect>()?;
    m.add_class::<pbx_rules::PinChanged>()?;
    m.add_class::<pbx_rules::Pin>()?;
    m.add_class::<pbx_rules::Password>()?;
    m.add_class::<pbx_rules::OneTimeCode>()?;
    m.add_class::<pbx_rules::PinContext>()?;
    m.add_class::<pbx_rules::PasswordContext>()?;
    // numbers
    m.add_class::<numbers::NumberPlan>()?;
    m.add_class::<numbers::PhoneNumber>()?;
    m.add_class::<numbers::NumberBatch>()?;
    m.add_class::<numbers::E164>()?;
    m.add_class::<numbers::BaseNumber>()?;
    m.add_function(wrap_pyfunction!(numbers::metadata_version, m)?)?;
    // permissions and backup routing
    m.add_class::<permission::Actor>()?;
    m.add_class::<permission::Action>()?;
    m.add_function(wrap_pyfunction!(permission::authorize, m)?)?;
    m.add_class::<backup::PbxMasterData>()?;
    m.add_class::<backup::ExtensionMasterData>()?;
    m.add_class::<pbx_rules::Route>()?;
    m.add_function(wrap_pyfunction!(backup::route, m)?)?;
    m.add_function(wrap_pyfunction!(backup::routing_table, m)?)?;
    // policies
    m.add_class::<policy::Policy>()?;
    m.add_class::<policy::NumberPolicy>()?;
    m.add_class::<policy::PinPolicy>()?;
    m.add_class::<policy::PasswordPolicy>()?;
    m.add_class::<policy::HashPolicy>()?;
    m.add_class::<policy::SecondFactorPolicy>()?;
    m.add_class::<policy::SessionPolicy>()?;
    m.add_class::<policy::ThrottlePolicy>()?;
    m.add_class::<policy::RecoveryPolicy>()?;
    // secrets, PINs, passwords, hashing
    m.add_function(wrap_pyfunction!(secret::parse_pin, m)?)?;
    m.add_function(wrap_pyfunction!(secret::parse_password, m)?)?;
    m.add_class::<pbx_rules::AcceptedPin>()?;
    m.add_function(wrap_pyfunction!(pin::pin_context_for_extension, m)?)?;
    m.add_function(wrap_pyfunction!(pin::validate_new_pin, m)?)?;
    m.add_function(wrap_pyfunction!(pin::mobile_app_check, m)?)?;
    m.add_function(wrap_pyfunction!(pin::trivial_pin_findings, m)?)?;
    m.add_class::<pbx_rules::Strength>()?;
    m.add_class::<pbx_rules::Warning>()?;
    m.add_class::<pbx_rules::Suggestion>()?;
    m.add_class::<pbx_rules::AcceptedPassword>()?;
    m.add_function(wrap_pyfunction!(password::password_context_for_pbx, m)?)?;
    m.add_function(wrap_pyfunction!(password::evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(password::validate_new_password, m)?)?;
    m.add_class::<hash::Hasher>()?;
    m.add_class::<hash::HashBatch>()?;
    m.add_function(wrap_pyfunction!(generate::generate_pin, m)?)?;
    m.add_function(wrap_pyfunction!(generate::generate_password, m)?)?;
    m.add_function(wrap_pyfunction!(generate::generate_code, m)?)?;
    // lifecycle (issue 4): accounts, admin login steps, recovery, preview
    m.add_class::<lifecycle::Rules>()?;
    m.add_class::<lifecycle::Decision>()?;
    m.add_class::<account::ExtensionAccount>()?;
    m.add_class::<account::Created>()?;
    m.add_class::<account::UserLogin>()?;
    m.add_class::<admin::AdminAccount>()?;
    m.add_class::<admin::AdminSession>()?;
    m.add_class::<admin::RememberedDevice>()?;
    m.add_class::<admin::DeviceToken>()?;
    m.add_class::<pbx_rules::PasswordChanged>()?;
    m.add_function(wrap_pyfunction!(recovery::forgot_password, m)?)?;
    m.add_function(wrap_pyfunction!(recovery::forgot_pin, m)?)?;
    m.add_function(wrap_pyfunction!(lifecycle::preview_footer, m)?)?;
    m.add_function(wrap_pyfunction!(lifecycle::preview_toggled, m)?)?;
    m.add_function(wrap_pyfunction!(lifecycle::feature_available, m)?)?;
    Ok(())
}

// The stub (`python/pbx_rules/__init__.pyi`) is generated from what the macros record
// (`src/bin/stub_gen.rs`).
pyo3_stub_gen::define_stub_info_gatherer!(stub_info);
pyo3_stub_gen::module_variable!("pbx_rules", "__version__", String);
