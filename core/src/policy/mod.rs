//! Every number the rules use, in one value (G6).
//!
//! No rule writes a number of its own: PIN lengths, windows, lifetimes, hashing costs and
//! regions all come from a [`Policy`]. [`Policy::centrexx`] reproduces the seed exactly;
//! [`Policy::strict`] follows NIST SP 800-63B rev. 4 and OWASP ASVS 5.0. A host may start
//! from either preset and change single fields, within the bounds each field's doc comment
//! states; [`Policy::validate`] checks them, and [`crate::Rules::new`] refuses a policy
//! outside them (F6).

mod bounds;
mod error;
mod hashing;
mod numbers;
mod password;
mod pin;
mod recovery;
mod second_factor;
mod session;
mod throttle;

use serde::{Deserialize, Serialize};

pub(crate) use bounds::{MAX_PIN_DIGITS, OUTPUT_LEN, SALT_LEN};
pub use error::PolicyError;
pub use hashing::HashPolicy;
pub use numbers::NumberPolicy;
pub use password::PasswordPolicy;
pub use pin::{PinPolicy, TrivialPinMode};
pub use recovery::RecoveryPolicy;
pub use second_factor::SecondFactorPolicy;
pub use session::SessionPolicy;
pub use throttle::ThrottlePolicy;

/// Every number the rules use. Start from a preset and change what differs.
///
/// # Examples
/// ```
/// let mut policy = pbx_rules::Policy::centrexx();
/// policy.numbers.default_region = "AT".into();
/// assert_eq!(policy.numbers.plan()?.region(), "AT");
/// # Ok::<(), pbx_rules::NumberError>(())
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "PolicyFields"))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Policy {
    /// Phone numbers (N1).
    pub numbers: NumberPolicy,
    /// User PINs (P1–P8, R2).
    pub pin: PinPolicy,
    /// The admin password (K1–K5, R1).
    pub password: PasswordPolicy,
    /// Argon2id costs (G4).
    pub hashing: HashPolicy,
    /// The emailed second-factor code (A2).
    pub second_factor: SecondFactorPolicy,
    /// Admin sessions: remembered browsers and code tries (A2).
    pub session: SessionPolicy,
    /// Failed logins (G5).
    pub throttle: ThrottlePolicy,
    /// Forgot-PIN and forgot-password answers (R1, R2).
    pub recovery: RecoveryPolicy,
}

impl Policy {
    /// The rules of the seed, number for number.
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            numbers: NumberPolicy::centrexx(),
            pin: PinPolicy::centrexx(),
            password: PasswordPolicy::centrexx(),
            hashing: HashPolicy::centrexx(),
            second_factor: SecondFactorPolicy::centrexx(),
            session: SessionPolicy::centrexx(),
            throttle: ThrottlePolicy::centrexx(),
            recovery: RecoveryPolicy::centrexx(),
        }
    }

    /// NIST SP 800-63B rev. 4 and OWASP ASVS 5.0, for hosts that want more than the seed.
    #[must_use]
    pub fn strict() -> Self {
        Self {
            numbers: NumberPolicy::centrexx(),
            pin: PinPolicy::strict(),
            password: PasswordPolicy::strict(),
            hashing: HashPolicy::strict(),
            second_factor: SecondFactorPolicy::strict(),
            session: SessionPolicy::strict(),
            throttle: ThrottlePolicy::strict(),
            recovery: RecoveryPolicy::strict(),
        }
    }

    /// A preset by name (`centrexx`, `strict`), as the shared test vectors name them.
    #[must_use]
    pub fn preset(name: &str) -> Option<Self> {
        match name {
            "centrexx" => Some(Self::centrexx()),
            "strict" => Some(Self::strict()),
            _ => None,
        }
    }
}

impl Default for Policy {
    fn default() -> Self {
        Self::centrexx()
    }
}
