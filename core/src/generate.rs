//! Random PINs, passwords and codes from the operating system's CSPRNG (R1, R2, R4, A2).
//!
//! Every random choice reads `getrandom` (the OS generator; `crypto.getRandomValues` on
//! wasm32) and maps it to an alphabet by rejection sampling, so each symbol is exactly
//! uniform. A candidate that breaks a rule is thrown away and drawn again; the rules are
//! those a typed secret must pass, so a generated secret always passes its own policy.

use zeroize::Zeroizing;

use crate::lang::localized;
use crate::pin::PinContext;
use crate::{OneTimeCode, Pin, PinPolicy, Rules, SecondFactorPolicy};
#[cfg(feature = "meter")]
use crate::{Password, PasswordContext, PasswordPolicy, StrengthLevel};

/// Letters, digits and symbols without look-alikes (no `l 1 I | O 0 o`, no quotes or
/// spaces), so a password read from an email can be typed without doubt.
#[cfg(feature = "meter")]
const PASSWORD_ALPHABET: &[u8] =
    b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789-_.!?#%+=*";

/// Draws before giving up; a sound policy needs one or two.
const MAX_ATTEMPTS: usize = 1_000;

/// Why no secret could be made.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum GenerateError {
    /// The operating system's random source failed (R4).
    #[error("The operating system's random source is unavailable.")]
    RandomUnavailable,
    /// The policy asks for a length its own rules refuse, or allows no acceptable secret.
    #[error("The policy does not allow generating this secret.")]
    PolicyUnsatisfiable,
}

localized!(GenerateError {
    Self::RandomUnavailable => "RANDOM_UNAVAILABLE",
        "Die Zufallsquelle des Betriebssystems ist nicht verfügbar.";
    Self::PolicyUnsatisfiable => "GENERATE_POLICY_UNSATISFIABLE",
        "Die Richtlinie erlaubt es nicht, dieses Geheimnis zu erzeugen.";
});

/// A uniform index below `n` (1 ≤ n ≤ 256).
fn uniform(n: usize) -> Result<usize, GenerateError> {
    let n = u32::try_from(n).map_err(|_| GenerateError::PolicyUnsatisfiable)?;
    if n == 0 {
        return Err(GenerateError::PolicyUnsatisfiable);
    }
    // Largest multiple of n below 2^32: values at or above it would bias the result.
    let zone = u32::MAX - (u32::MAX % n);
    loop {
        let x = getrandom::u32().map_err(|_| GenerateError::RandomUnavailable)?;
        if x < zone {
            return usize::try_from(x % n).map_err(|_| GenerateError::PolicyUnsatisfiable);
        }
    }
}

/// `len` characters drawn uniformly from `alphabet` with the OS CSPRNG (R4).
pub(crate) fn draw(alphabet: &[u8], len: usize) -> Result<Zeroizing<String>, GenerateError> {
    let mut out = Zeroizing::new(String::with_capacity(len));
    for _ in 0..len {
        let i = uniform(alphabet.len())?;
        out.push(char::from(alphabet.get(i).copied().unwrap_or(b'x')));
    }
    Ok(out)
}

/// A random PIN of `policy.generated_len` digits (R2): never the default PIN, never one
/// the mobile app refuses (`0000`, `1234`), never trivial for this user.
///
/// # Errors
/// [`GenerateError::RandomUnavailable`], or [`GenerateError::PolicyUnsatisfiable`] when the
/// length is outside the policy's own limits.
///
/// # Examples
/// ```
/// use pbx_rules::{PinContext, Rules, generate_pin};
/// let rules = Rules::centrexx();
/// let pin = generate_pin(&PinContext::default(), &rules)?;
/// assert_eq!(pin.expose().len(), rules.policy().pin.generated_len);
/// assert!(pin.trivial_findings(&PinContext::default(), &rules).is_empty());
/// # Ok::<(), pbx_rules::GenerateError>(())
/// ```
pub fn generate_pin(ctx: &PinContext, rules: &Rules) -> Result<Pin, GenerateError> {
    pin_under(&rules.policy().pin, ctx)
}

/// [`generate_pin`] under the PIN section alone.
pub(crate) fn pin_under(policy: &PinPolicy, ctx: &PinContext) -> Result<Pin, GenerateError> {
    for _ in 0..MAX_ATTEMPTS {
        let text = draw(b"0123456789", policy.generated_len)?;
        let Ok(pin) = Pin::parse_with(&text, policy) else {
            return Err(GenerateError::PolicyUnsatisfiable);
        };
        let refused = policy.mobile_refused.iter().any(|r| pin.matches(r));
        if !refused && !pin.is_default(policy) && pin.findings(ctx, policy).is_empty() {
            return Ok(pin);
        }
    }
    Err(GenerateError::PolicyUnsatisfiable)
}

/// A random password of `policy.generated_len` characters without look-alikes (R1): it
/// passes K1, the blocklist, and the meter at level green.
///
/// # Errors
/// [`GenerateError::RandomUnavailable`], or [`GenerateError::PolicyUnsatisfiable`] when the
/// length is outside the policy's own limits.
#[cfg(feature = "meter")]
pub fn generate_password(ctx: &PasswordContext, rules: &Rules) -> Result<Password, GenerateError> {
    password_under(&rules.policy().password, ctx)
}

/// [`generate_password`] under the password section alone.
#[cfg(feature = "meter")]
pub(crate) fn password_under(
    policy: &PasswordPolicy,
    ctx: &PasswordContext,
) -> Result<Password, GenerateError> {
    if policy.generated_len < policy.min_len_for(ctx.second_factor)
        || policy.generated_len > policy.max_len
    {
        return Err(GenerateError::PolicyUnsatisfiable);
    }
    for _ in 0..MAX_ATTEMPTS {
        let text = draw(PASSWORD_ALPHABET, policy.generated_len)?;
        if let Ok(ok) = crate::password::check_new_password(&text, &text, ctx, policy) {
            if ok.strength.level == StrengthLevel::Green {
                return Ok(ok.password);
            }
        }
    }
    Err(GenerateError::PolicyUnsatisfiable)
}

/// A second-factor code of `policy.code_digits` digits (A2).
///
/// # Errors
/// [`GenerateError::RandomUnavailable`]; [`GenerateError::PolicyUnsatisfiable`] for zero
/// digits.
pub fn generate_code(rules: &Rules) -> Result<OneTimeCode, GenerateError> {
    code_under(&rules.policy().second_factor)
}

/// [`generate_code`] under the second-factor section alone.
pub(crate) fn code_under(policy: &SecondFactorPolicy) -> Result<OneTimeCode, GenerateError> {
    if policy.code_digits == 0 {
        return Err(GenerateError::PolicyUnsatisfiable);
    }
    let text = draw(b"0123456789", policy.code_digits)?;
    Ok(OneTimeCode::from_checked(text.to_string()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    // R4: the alphabet has no look-alikes.
    #[cfg(feature = "meter")]
    #[test]
    fn r4_alphabet_has_no_look_alikes() {
        for c in b"l1I|O0o '\"`" {
            assert!(!PASSWORD_ALPHABET.contains(c), "{}", char::from(*c));
        }
    }

    // R2
    #[test]
    fn r2_generated_pins_follow_the_policy() {
        for policy in [PinPolicy::centrexx(), PinPolicy::strict()] {
            for _ in 0..200 {
                let pin = pin_under(&policy, &PinContext::default()).unwrap();
                assert_eq!(pin.expose().len(), policy.generated_len);
                assert!(!["0000", "1234"].contains(&pin.expose()));
            }
        }
    }

    // R4: every digit occurs (a broken mapping would stick to a few).
    #[test]
    fn r4_codes_use_every_digit() {
        let policy = SecondFactorPolicy::centrexx();
        let mut seen = [false; 10];
        for _ in 0..200 {
            let code = code_under(&policy).unwrap();
            assert_eq!(code.expose().len(), policy.code_digits);
            for b in code.expose().bytes() {
                seen[usize::from(b - b'0')] = true;
            }
        }
        assert!(seen.iter().all(|&s| s));
    }

    // R1
    #[cfg(feature = "meter")]
    #[test]
    fn r1_generated_passwords_are_green() {
        for policy in [PasswordPolicy::centrexx(), PasswordPolicy::strict()] {
            let pw = password_under(&policy, &PasswordContext::default()).unwrap();
            assert_eq!(pw.expose().chars().count(), policy.generated_len);
            let s = crate::password::rate(pw.expose(), &PasswordContext::default(), &policy);
            assert_eq!(s.level, StrengthLevel::Green);
        }
    }

    #[test]
    fn unsatisfiable_lengths_are_errors() {
        let mut policy = PinPolicy::centrexx();
        policy.generated_len = 3;
        assert_eq!(
            pin_under(&policy, &PinContext::default()).unwrap_err(),
            GenerateError::PolicyUnsatisfiable
        );
        #[cfg(feature = "meter")]
        {
            let mut pw = PasswordPolicy::centrexx();
            pw.generated_len = 40;
            assert_eq!(
                password_under(&pw, &PasswordContext::default()).unwrap_err(),
                GenerateError::PolicyUnsatisfiable
            );
        }
    }
}
