//! `pbx_rules` for Python: a thin, typed binding of the pbx-rules core.
//!
//! No rule logic lives here. Every function and method delegates to the core in one line;
//! this crate owns only the FFI plumbing: argument and result conversions, releasing the GIL
//! around bulk and hashing work, and mapping every core error to its Python exception
//! (`error.rs`). The modules follow the core's areas.

mod account;
mod admin;
mod backup;
mod convert;
mod credentials;
mod error;
mod hash;
mod lifecycle;
mod numbers;
mod permission;
mod policy;
mod recovery;
mod session;

use pyo3::prelude::*;

/// Adds classes and functions to the module, one `add_class` / `add_function` each.
macro_rules! register {
    ($m:ident; classes: $($class:path),+; functions: $($function:path),+;) => {
        $($m.add_class::<$class>()?;)+
        $($m.add_function(wrap_pyfunction!($function, $m)?)?;)+
    };
}

/// The module `pbx_rules`.
#[pymodule(name = "pbx_rules")]
fn pbx_rules_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    error::register(m)?;
    // An argument the core's types refuse while converting (an enum member of another
    // class) raises the binding's exception of its family, as every core error does.
    pbx_rules::python::set_error_type(error::to_pyerr);
    // The core's fieldless enums, as `enum.Enum` classes made from their Rust variants.
    pbx_rules::python::add_enums(m)?;
    m.add("__version__", pbx_rules::VERSION)?;
    use pbx_rules as core;
    register! {m;
        classes:
            // the core's own pyclasses (feature `python`): effects, secrets, records
            core::Secret, core::Effect, core::Pin, core::Password, core::OneTimeCode,
            core::PinContext, core::PasswordContext, core::AcceptedPin, core::AcceptedPassword,
            core::Strength, core::PinChanged, core::PasswordChanged, core::Route,
            core::SessionStamp, core::ExtensionAccountView, core::AdminAccountView,
            core::AdminSessionView, core::RememberedDeviceView, core::PbxMasterDataView,
            core::ExtensionMasterDataView,
            // the binding's handles
            numbers::NumberPlan, numbers::PhoneNumber, numbers::NumberBatch, numbers::E164,
            numbers::BaseNumber, permission::Actor, permission::Action, backup::PbxMasterData,
            backup::ExtensionMasterData, policy::Policy, policy::NumberPolicy,
            policy::PinPolicy, policy::PasswordPolicy, policy::HashPolicy,
            policy::SecondFactorPolicy, policy::SessionPolicy, policy::ThrottlePolicy,
            policy::RecoveryPolicy, hash::Hasher, hash::HashBatch, lifecycle::Rules,
            lifecycle::Decision, account::ExtensionAccount, account::Created, account::UserLogin,
            admin::AdminAccount, admin::AdminSession, admin::RememberedDevice, admin::DeviceToken;
        functions:
            numbers::metadata_version, permission::authorize, backup::route,
            backup::routing_table, credentials::parse_pin, credentials::parse_password,
            credentials::pin_context_for_extension, credentials::validate_new_pin,
            credentials::mobile_app_check, credentials::trivial_pin_findings,
            credentials::password_context_for_pbx, credentials::evaluate,
            credentials::validate_new_password, credentials::generate_pin,
            credentials::generate_password, credentials::generate_code,
            recovery::forgot_password, recovery::forgot_pin, lifecycle::preview_footer,
            lifecycle::preview_toggled, lifecycle::feature_available,
            session::session_stamp_to_json, session::session_stamp_from_json;
    }
    Ok(())
}

// The stub (`python/pbx_rules/__init__.pyi`) is generated from what the macros record
// (`src/bin/stub_gen.rs`).
pyo3_stub_gen::define_stub_info_gatherer!(stub_info);
pyo3_stub_gen::module_variable!("pbx_rules", "__version__", String);
