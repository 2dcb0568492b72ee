//! Policy presets (G6) as a uniffi Object, with read-only mirrors of the sections the app
//! shows (PIN lengths, password lengths and level) and copies with one value changed.

use std::sync::Arc;

use pbx_rules as core;
use pbx_rules::StrengthLevel;

use crate::{HashPolicy, NumberPlan, RuleError};

/// Every number the rules use; start from a preset.
#[derive(Debug, uniffi::Object)]
pub struct Policy(pub(crate) core::Policy);

/// The PIN numbers of a policy, for forms and hints (P1, P2, P5, P8).
#[derive(Clone, Debug, uniffi::Record)]
pub struct PinRules {
    /// Fewest digits.
    pub min_len: u32,
    /// Most digits.
    pub max_len: u32,
    /// The PIN of a new extension, if any (P2).
    pub default_pin: Option<String>,
    /// PINs the mobile app refuses (P8).
    pub mobile_refused: Vec<String>,
    /// Days to change a default or admin-set PIN (P5).
    pub change_window_days: u32,
    /// Whether trivial PINs are refused (strict) rather than warned about (seed).
    pub refuses_trivial: bool,
}

/// The admin password numbers of a policy, for forms and hints (K1, K2, K5).
#[derive(Clone, Debug, uniffi::Record)]
pub struct PasswordRules {
    /// Fewest characters without a second factor.
    pub min_len: u32,
    /// Fewest characters with a second factor.
    pub min_len_with_second_factor: u32,
    /// Most characters.
    pub max_len: u32,
    /// The weakest meter level that may be saved.
    pub min_level: StrengthLevel,
    /// Seconds after a change during which login is refused (K5).
    pub propagation_delay_secs: u32,
}

/// Sizes cross the boundary as `u32`; no policy comes near 4 billion.
pub(crate) fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Back from the boundary; `u32` always fits a `usize` on the 32- and 64-bit targets.
pub(crate) fn usize_of(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// A preset by name (`centrexx`, `strict`), as the shared vectors name them.
#[uniffi::export]
pub fn policy_preset(name: String) -> Option<Arc<Policy>> {
    core::Policy::preset(&name).map(|p| Arc::new(Policy(p)))
}

#[uniffi::export]
impl Policy {
    /// The rules of the seed, number for number.
    #[uniffi::constructor]
    pub fn centrexx() -> Arc<Self> {
        Arc::new(Self(core::Policy::centrexx()))
    }

    /// NIST SP 800-63B rev. 4 and OWASP ASVS 5.0.
    #[uniffi::constructor]
    pub fn strict() -> Arc<Self> {
        Arc::new(Self(core::Policy::strict()))
    }

    /// The numbering plan of the policy's default region (N1).
    ///
    /// # Errors
    /// `NUMBER_UNKNOWN_REGION`.
    pub fn number_plan(&self) -> Result<Arc<NumberPlan>, RuleError> {
        Ok(Arc::new(NumberPlan(self.0.numbers.plan()?)))
    }

    /// The PIN numbers.
    pub fn pin_rules(&self) -> PinRules {
        let p = &self.0.pin;
        PinRules {
            min_len: u32_of(p.min_len),
            max_len: u32_of(p.max_len),
            default_pin: p.default_pin.clone(),
            mobile_refused: p.mobile_refused.clone(),
            change_window_days: p.change_window_days,
            refuses_trivial: p.trivial == core::TrivialPinMode::Refuse,
        }
    }

    /// The admin password numbers.
    pub fn password_rules(&self) -> PasswordRules {
        let p = &self.0.password;
        PasswordRules {
            min_len: u32_of(p.min_len),
            min_len_with_second_factor: u32_of(p.min_len_with_second_factor),
            max_len: u32_of(p.max_len),
            min_level: p.min_level,
            propagation_delay_secs: p.propagation_delay_secs,
        }
    }

    /// The argon2id costs (G4).
    pub fn hashing(&self) -> HashPolicy {
        self.0.hashing.clone().into()
    }

    /// A copy that reads typed numbers in another default region (N1: configurable per PBX).
    pub fn with_default_region(&self, region: String) -> Arc<Self> {
        let mut next = self.0.clone();
        next.numbers.default_region = region;
        Arc::new(Self(next))
    }

    /// A copy with other argon2id costs (cheap costs for tests, stronger ones for servers).
    pub fn with_hashing(&self, hashing: HashPolicy) -> Arc<Self> {
        let mut next = self.0.clone();
        next.hashing = hashing.into();
        Arc::new(Self(next))
    }
}

/// The meter's five colours (K2), the core enum itself.
#[uniffi::remote(Enum)]
pub enum StrengthLevel {
    Red,
    Orange,
    Yellow,
    LightGreen,
    Green,
}
