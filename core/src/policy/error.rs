//! Why a policy was refused when the rules were built (F6, G6).

use crate::lang::localized;

/// Why a [`Policy`](crate::Policy) cannot be used. One code per kind of violation; every
/// variant names the field (`pin.change_window_days`) as the policy's JSON form spells it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, thiserror::Error)]
/// In JSON this is the `details` of [`crate::Error`]: the variant's fields, nothing for a
/// variant without any (its code says which one it is).
#[serde(untagged)]
#[non_exhaustive]
pub enum PolicyError {
    /// A number outside the bounds its field documents.
    #[error("The policy value {field} must be between {min} and {max}.")]
    OutOfRange {
        /// The field, as `section.name`.
        field: &'static str,
        /// The smallest allowed value.
        min: u64,
        /// The largest allowed value.
        max: u64,
    },
    /// A lower limit above the upper limit it pairs with.
    #[error("The policy value {min_field} may not be larger than {max_field}.")]
    MinAboveMax {
        /// The lower limit's field.
        min_field: &'static str,
        /// The upper limit's field.
        max_field: &'static str,
    },
    /// Two fields, each within its bounds, whose values together make a rule that cannot
    /// work (S4): `field` must be less than `other`.
    #[error("The policy value {field} must be less than {other}; otherwise the rules cannot work.")]
    Conflict {
        /// The field that must be smaller.
        field: &'static str,
        /// The field (or fixed limit) it must stay below.
        other: &'static str,
    },
    /// A PIN the policy names (the default PIN) that is not a valid PIN under the policy.
    #[error("The policy value {field} is not a valid PIN under this policy.")]
    InvalidPin {
        /// The field.
        field: &'static str,
    },
    /// A region code that the numbering metadata does not know.
    #[error("The policy value numbers.default_region '{region}' is not a known region.")]
    UnknownRegion {
        /// The region code as given.
        region: String,
    },
}

localized!(PolicyError {
    Self::OutOfRange { field, min, max } => "POLICY_OUT_OF_RANGE",
        format!("Der Richtlinienwert {field} muss zwischen {min} und {max} liegen.");
    Self::MinAboveMax { min_field, max_field } => "POLICY_MIN_ABOVE_MAX",
        format!("Der Richtlinienwert {min_field} darf nicht größer als {max_field} sein.");
    Self::Conflict { field, other } => "POLICY_FIELDS_CONFLICT",
        format!("Der Richtlinienwert {field} muss kleiner als {other} sein, sonst können die Regeln nicht greifen.");
    Self::InvalidPin { field } => "POLICY_INVALID_PIN",
        format!("Der Richtlinienwert {field} ist unter dieser Richtlinie keine gültige PIN.");
    Self::UnknownRegion { region } => "POLICY_UNKNOWN_REGION",
        format!("Der Richtlinienwert numbers.default_region '{region}' ist keine bekannte Region.");
});
