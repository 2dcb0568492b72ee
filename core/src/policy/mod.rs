//! Every number the rules use, in one value (G6).
//!
//! No rule writes a number of its own: PIN lengths, windows, lifetimes, hashing costs and
//! regions all come from a [`Policy`]. [`Policy::centrexx`] reproduces the seed exactly;
//! [`Policy::strict`] follows NIST SP 800-63B rev. 4 and OWASP ASVS 5.0. A host may start
//! from either preset and change single fields.

mod numbers;

use serde::{Deserialize, Serialize};

pub use numbers::NumberPolicy;

/// Every number the rules use. Start from a preset and change what differs.
///
/// # Examples
/// ```
/// let mut policy = pbx_rules::Policy::centrexx();
/// policy.numbers.default_region = "AT".into();
/// assert_eq!(policy.numbers.plan()?.region(), "AT");
/// # Ok::<(), pbx_rules::NumberError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Policy {
    /// Phone numbers (N1).
    pub numbers: NumberPolicy,
}

impl Policy {
    /// The rules of the seed, number for number.
    #[must_use]
    pub fn centrexx() -> Self {
        Self {
            numbers: NumberPolicy::centrexx(),
        }
    }

    /// NIST SP 800-63B rev. 4 and OWASP ASVS 5.0, for hosts that want more than the seed.
    #[must_use]
    pub fn strict() -> Self {
        Self {
            numbers: NumberPolicy::centrexx(),
        }
    }
}

impl Default for Policy {
    fn default() -> Self {
        Self::centrexx()
    }
}
