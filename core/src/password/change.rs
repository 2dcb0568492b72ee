//! Choosing a new admin password (K1–K4) and changing it (K3).

use super::meter::{Analysis, analyse, context_words};
#[cfg(feature = "lifecycle")]
use super::typed;
use super::{BlockReason, PasswordContext, PasswordError, Strength};
#[cfg(feature = "lifecycle")]
use crate::Hasher;
use crate::{Password, PasswordPolicy};

/// A new password that passed every rule, with the meter's verdict.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass,
    pyo3::pyclass(module = "pbx_rules", frozen, get_all)
)]
#[derive(Debug)]
#[non_exhaustive]
pub struct AcceptedPassword {
    /// The new password (NFKC under a policy that asks for it).
    pub password: Password,
    /// The meter's verdict (K2).
    pub strength: Strength,
}

/// A password change that passed K3, ready to store. Its `Debug` shows no hash (F9).
#[cfg(feature = "lifecycle")]
#[non_exhaustive]
pub(crate) struct PasswordChangeOutcome {
    /// The accepted password and its strength.
    pub accepted: AcceptedPassword,
    /// The argon2id PHC string to store.
    pub hash: String,
}

#[cfg(feature = "lifecycle")]
impl std::fmt::Debug for PasswordChangeOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordChangeOutcome")
            .field("accepted", &self.accepted)
            .finish_non_exhaustive()
    }
}

/// Longest decoration (digits, symbols) around a common word that still counts as the
/// common password itself for the blocklist (`Passwort1!`).
const DECORATION: usize = 4;

fn blocklisted(analysis: &Analysis, password: &str, ctx: &PasswordContext) -> Option<BlockReason> {
    // Sized exactly before it is filled, wiped when dropped (S8); lower-cased character by
    // character, as the meter reads the password.
    let bytes = password
        .chars()
        .flat_map(char::to_lowercase)
        .map(char::len_utf8)
        .sum();
    let mut lower = zeroize::Zeroizing::new(String::with_capacity(bytes));
    lower.extend(password.chars().flat_map(char::to_lowercase));
    for word in context_words(ctx) {
        if word.word.chars().count() >= 4 && lower.contains(&word.word) {
            return Some(BlockReason::ContainsContext(word.kind));
        }
    }
    (analysis.longest_common >= 4 && analysis.longest_common + DECORATION >= analysis.chars)
        .then_some(BlockReason::CommonPassword)
}

/// Checks a new password typed twice: K1, equal confirmation, the blocklist of a strict
/// policy, and the meter's minimum level (K2) with the guessable inputs of K4.
///
/// # Errors
/// The [`PasswordError`] of K1, then [`PasswordError::Mismatch`],
/// [`PasswordError::Blocklisted`], [`PasswordError::TooWeak`].
///
/// # Examples
/// ```
/// use pbx_rules::{Localized, PasswordContext, Rules, validate_new_password};
/// let rules = Rules::centrexx();
/// let ctx = PasswordContext::default();
/// assert!(validate_new_password("Kaffeetasse Nordwind", "Kaffeetasse Nordwind", &ctx, &rules).is_ok());
/// let err = validate_new_password("Passwort1", "Passwort1", &ctx, &rules).unwrap_err();
/// assert_eq!(err.code(), "PASSWORD_TOO_WEAK");
/// ```
pub fn validate_new_password(
    new: &str,
    confirmation: &str,
    ctx: &PasswordContext,
    rules: &crate::Rules,
) -> Result<AcceptedPassword, PasswordError> {
    check_new_password(new, confirmation, ctx, &rules.policy().password)
}

/// [`validate_new_password`] under the password section alone.
pub(crate) fn check_new_password(
    new: &str,
    confirmation: &str,
    ctx: &PasswordContext,
    policy: &PasswordPolicy,
) -> Result<AcceptedPassword, PasswordError> {
    let password = Password::parse_with(new, policy, ctx.second_factor)?;
    let confirmed =
        Password::parse_with(confirmation, policy, ctx.second_factor).is_ok_and(|c| c == password);
    if !confirmed {
        return Err(PasswordError::Mismatch);
    }
    let analysis = analyse(password.expose(), ctx, policy);
    if policy.blocklist {
        if let Some(reason) = blocklisted(&analysis, password.expose(), ctx) {
            return Err(PasswordError::Blocklisted { reason });
        }
    }
    if !analysis.strength.level.meets(policy.min_level) {
        return Err(PasswordError::TooWeak {
            level: analysis.strength.level,
            min: policy.min_level,
        });
    }
    Ok(AcceptedPassword {
        password,
        strength: analysis.strength,
    })
}

/// The admin's password change (K3): the old password verifies against the stored hash,
/// then the new one passes [`validate_new_password`]; it comes back hashed. Under an NFKC
/// policy the old password is normalised the same way before verification.
///
/// # Errors
/// [`PasswordError::OldWrong`] first, then the errors of [`validate_new_password`], and
/// [`PasswordError::StoredHash`] for an unusable stored hash.
#[cfg(feature = "lifecycle")]
pub(crate) fn change_password(
    old: &str,
    new: &str,
    confirmation: &str,
    stored_hash: &str,
    hasher: &Hasher,
    ctx: &PasswordContext,
    policy: &PasswordPolicy,
) -> Result<PasswordChangeOutcome, PasswordError> {
    // F4: the old password is compared in the form it was stored in; F10: text far beyond
    // the maximum cannot be it and is not normalised.
    let Some(old_comparable) = typed::comparable(old, policy) else {
        return Err(PasswordError::OldWrong);
    };
    if !hasher
        .verify(old_comparable.as_bytes(), stored_hash)
        .map_err(PasswordError::StoredHash)?
    {
        return Err(PasswordError::OldWrong);
    }
    let accepted = check_new_password(new, confirmation, ctx, policy)?;
    let hash = hasher
        .hash(accepted.password.expose().as_bytes())
        .map_err(PasswordError::StoredHash)?;
    Ok(PasswordChangeOutcome { accepted, hash })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::ContextKind;
    #[cfg(feature = "lifecycle")]
    use crate::{HashPolicy, StrengthLevel};

    #[cfg(feature = "lifecycle")]
    fn hasher() -> Hasher {
        let mut policy = HashPolicy::centrexx();
        policy.m_cost_kib = 64;
        policy.t_cost = 1;
        Hasher::new(policy)
    }

    #[cfg(feature = "lifecycle")]
    #[test]
    fn k3_change_order_of_checks() {
        let policy = PasswordPolicy::centrexx();
        let h = hasher();
        let stored = h.hash("Alt und vergessen 1".as_bytes()).unwrap();
        let ctx = PasswordContext::default();
        let change =
            |old, new, confirm| change_password(old, new, confirm, &stored, &h, &ctx, &policy);
        let good = "Kaffeetasse Nordwind";
        assert_eq!(
            change("falsch", good, good).unwrap_err(),
            PasswordError::OldWrong
        );
        assert_eq!(
            change("Alt und vergessen 1", "kurz", "kurz").unwrap_err(),
            PasswordError::TooShort { min: 8 }
        );
        assert_eq!(
            change("Alt und vergessen 1", good, "Kaffeetasse Nordwin").unwrap_err(),
            PasswordError::Mismatch
        );
        assert!(matches!(
            change("Alt und vergessen 1", "Passwort1", "Passwort1").unwrap_err(),
            PasswordError::TooWeak {
                min: StrengthLevel::Yellow,
                ..
            }
        ));
        let done = change("Alt und vergessen 1", good, good).unwrap();
        assert!(h.verify(good.as_bytes(), &done.hash).unwrap());
        assert!(done.accepted.strength.level >= StrengthLevel::Yellow);
    }

    #[test]
    fn strict_blocklist_names_the_reason() {
        let policy = PasswordPolicy::strict();
        let ctx = PasswordContext {
            head_number: Some("06131-624680".into()),
            company_name: Some("Kümmerle Brezelbäckerei".into()),
            admin_email: Some("chef@kuemmerle-mainz.de".into()),
            second_factor: false,
        };
        let check = |pw: &str| check_new_password(pw, pw, &ctx, &policy);
        assert_eq!(
            check("Brezelbäckerei-am-Dom!").unwrap_err(),
            PasswordError::Blocklisted {
                reason: BlockReason::ContainsContext(ContextKind::CompanyName)
            }
        );
        assert_eq!(
            check("Wolke 6131624680 Segel").unwrap_err(),
            PasswordError::Blocklisted {
                reason: BlockReason::ContainsContext(ContextKind::HeadNumber)
            }
        );
        assert_eq!(
            check("Sonnenschein123!").unwrap_err(),
            PasswordError::Blocklisted {
                reason: BlockReason::CommonPassword
            }
        );
        assert!(check("Kaffeetasse Nordwind Segelboot").is_ok());
    }

    #[cfg(feature = "lifecycle")]
    #[test]
    fn k3_strict_normalises_old_password_too() {
        let policy = PasswordPolicy::strict();
        let h = hasher();
        let stored = h.hash("finf Brötchen!! und Kaffee".as_bytes()).unwrap();
        let good = "Kaffeetasse Nordwind Segelboot";
        let ctx = PasswordContext::default();
        assert!(
            change_password(
                "ﬁnf Brötchen!! und Kaffee",
                good,
                good,
                &stored,
                &h,
                &ctx,
                &policy
            )
            .is_ok()
        );
    }
}
