//! A typed number after normalisation: the stored form plus what a form shows (N1, N3).

use serde::{Deserialize, Serialize};

use super::{E164, NumberKind};

/// A valid phone number: its E.164 form to store, its kind, its region and the two display
/// forms of E.123/DIN 5008 (N3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneNumber {
    /// The stored form (`+4917112345678`).
    pub e164: E164,
    /// The kind of line.
    pub kind: NumberKind,
    /// The ISO 3166 region the number belongs to (`DE`; `001` for global services).
    pub region: String,
    /// International display form (`+49 171 12345678`).
    pub international: String,
    /// National display form, as dialled inside the region (`0171 12345678`).
    pub national: String,
}
