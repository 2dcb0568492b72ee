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

#[cfg(feature = "lifecycle")]
pub(crate) use bounds::MAX_PIN_DIGITS;

/// A count, cost or delay of a policy as `u32`. The fields are `i32`, so Kotlin and Java
/// read them as `int` (an unsigned Kotlin type's accessor is name-mangled for Java); the
/// bounds ([`Policy::validate`]) keep every one non-negative, and an unchecked negative one
/// counts as 0.
pub(crate) fn unsigned(value: i32) -> u32 {
    u32::try_from(value).unwrap_or(0)
}
#[cfg(feature = "meter")]
pub(crate) use bounds::METER_CHARS;
#[cfg(feature = "hashing")]
pub(crate) use bounds::{OUTPUT_LEN, SALT_LEN};
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
/// In Kotlin and Swift each field carries the centrexx preset's value as its default
/// (`uniffi(default = …)`), so a field added to a policy record does not break the source of
/// callers that build one by name. uniffi's proc-macros take only number, bool and string
/// literals, `None`/`Some(…)`, an empty list and the type's own default; so the fields of an
/// enum type or with a non-empty list (`pin.trivial`, `pin.mobile_refused`,
/// `password.min_level`, `numbers.backup_kinds`) have none, nor have `numbers`, `pin` and
/// `password` here, whose records cannot be built without arguments. The test below keeps
/// every literal equal to [`Policy::centrexx`].
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
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub hashing: HashPolicy,
    /// The emailed second-factor code (A2).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub second_factor: SecondFactorPolicy,
    /// Admin sessions: remembered browsers and code tries (A2).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub session: SessionPolicy,
    /// Failed logins (G5).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub throttle: ThrottlePolicy,
    /// Forgot-PIN and forgot-password answers (R1, R2).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
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

// The source is read with `regex`, a dependency of the numbers area only.
#[cfg(all(test, feature = "numbers"))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::Policy;

    /// The fields uniffi's proc-macros can give no default: an enum or a non-empty list.
    const NO_LITERAL: [&str; 4] = [
        "numbers.backup_kinds",
        "pin.mobile_refused",
        "pin.trivial",
        "password.min_level",
    ];

    /// The Kotlin/Swift defaults (`uniffi(default = …)` on each field) are literals in the
    /// source: each must equal the centrexx preset's value, every field outside
    /// [`NO_LITERAL`] must have one (a new field without one breaks callers' source), and
    /// `Policy` defaults exactly the sections whose every field has a default.
    #[test]
    fn g6_uniffi_defaults_are_the_centrexx_values() {
        let centrexx = serde_json::to_value(Policy::centrexx()).unwrap();
        let sources = [
            ("numbers", include_str!("numbers.rs")),
            ("pin", include_str!("pin.rs")),
            ("password", include_str!("password.rs")),
            ("hashing", include_str!("hashing.rs")),
            ("second_factor", include_str!("second_factor.rs")),
            ("session", include_str!("session.rs")),
            ("throttle", include_str!("throttle.rs")),
            ("recovery", include_str!("recovery.rs")),
        ];
        let field = regex::Regex::new(
            r#"(?m)^    (?:#\[cfg_attr\(feature = "uniffi", uniffi\(default(?: = (.+))?\)\)\]\n    )?pub (\w+): "#,
        )
        .unwrap();
        let top = include_str!("mod.rs");
        let top = top.split("pub struct Policy {").nth(1).unwrap();
        let top = top.split("\n}").next().unwrap();
        let mut checked = 0;
        for (record, source) in sources {
            let body = source.split("pub struct ").nth(1).unwrap();
            let body = body.split("\n}").next().unwrap();
            let mut all = true;
            for caps in field.captures_iter(body) {
                let name = &caps[2];
                let Some(literal) = caps.get(1) else {
                    let path = format!("{record}.{name}");
                    assert!(
                        NO_LITERAL.contains(&path.as_str()),
                        "{path} has no uniffi default"
                    );
                    all = false;
                    continue;
                };
                let literal = literal.as_str();
                let literal = literal
                    .strip_prefix("Some(")
                    .and_then(|l| l.strip_suffix(')'))
                    .unwrap_or(literal);
                let expected = &centrexx[record][name];
                let read = serde_json::from_str::<serde_json::Value>(literal).ok();
                assert_eq!(
                    read.as_ref(),
                    Some(expected),
                    "{record}.{name}: uniffi default {literal}"
                );
                checked += 1;
            }
            let defaulted =
                format!("#[cfg_attr(feature = \"uniffi\", uniffi(default))]\n    pub {record}: ");
            assert_eq!(
                top.contains(&defaulted),
                all,
                "Policy.{record} has a default exactly when all of its fields have one"
            );
        }
        assert!(
            checked >= 40,
            "only {checked} defaults found: the pattern no longer matches"
        );
    }
}
