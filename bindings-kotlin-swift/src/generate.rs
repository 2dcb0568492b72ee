//! Random secrets from the operating system's CSPRNG (R1, R2, R4, A2).

use std::sync::Arc;

use pbx_rules as core;

use crate::{OneTimeCode, Password, PasswordContext, Pin, PinContext, Policy, RuleError};

/// A random PIN: never the default, never one the app refuses, never trivial (R2).
///
/// # Errors
/// `RuleError::Generate`.
#[uniffi::export]
pub fn generate_pin(policy: &Policy, ctx: PinContext) -> Result<Arc<Pin>, RuleError> {
    Ok(Arc::new(Pin(
        ctx.with(|c| core::generate_pin(&policy.0.pin, c))??
    )))
}

/// A random password that passes K1 at level green (R1).
///
/// # Errors
/// `RuleError::Generate`.
#[uniffi::export]
pub fn generate_password(
    policy: &Policy,
    ctx: PasswordContext,
) -> Result<Arc<Password>, RuleError> {
    Ok(Arc::new(Password(core::generate_password(
        &policy.0.password,
        &ctx.core(),
    )?)))
}

/// A second-factor code (A2).
///
/// # Errors
/// `RuleError::Generate`.
#[uniffi::export]
pub fn generate_code(policy: &Policy) -> Result<Arc<OneTimeCode>, RuleError> {
    Ok(Arc::new(OneTimeCode(core::generate_code(
        &policy.0.second_factor,
    )?)))
}
