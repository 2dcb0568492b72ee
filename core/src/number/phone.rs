//! A typed number after normalisation: the stored form plus what a form shows (N1, N3).

use serde::{Serialize, Serializer};

use super::{E164, NumberKind, engine};

/// A valid phone number: its E.164 form to store, its kind and region, and on demand the
/// two display forms of E.123/DIN 5008 (N3).
///
/// The display forms are computed when asked for, not kept: a batch of 100,000 numbers
/// for an import needs only the E.164 forms, and four strings per row would triple its
/// memory and time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneNumber {
    pub(crate) e164: E164,
    pub(crate) country_code: u16,
    pub(crate) kind: NumberKind,
    pub(crate) region: &'static str,
}

impl PhoneNumber {
    /// The stored form (`+4917112345678`).
    #[must_use]
    pub fn e164(&self) -> &E164 {
        &self.e164
    }

    /// The kind of line.
    #[must_use]
    pub fn kind(&self) -> NumberKind {
        self.kind
    }

    /// The ISO 3166 region the number belongs to (`DE`; `001` for global services).
    #[must_use]
    pub fn region(&self) -> &str {
        self.region
    }

    /// The country calling code (`49`).
    #[must_use]
    pub fn country_code(&self) -> u16 {
        self.country_code
    }

    /// The national significant number, without country code or trunk prefix (`17112345678`).
    #[must_use]
    pub fn national_number(&self) -> &str {
        let cc_len = self.country_code.to_string().len();
        self.e164.digits().get(cc_len..).unwrap_or_default()
    }

    /// International display form (`+49 171 12345678`, N3).
    #[must_use]
    pub fn international(&self) -> String {
        engine::international(self.country_code, self.national_number())
    }

    /// National display form, as dialled inside the region (`0171 12345678`, N3).
    #[must_use]
    pub fn national(&self) -> String {
        engine::national(self.country_code, self.national_number())
    }
}

/// The JSON of a [`PhoneNumber`], what its `Serialize` writes: the stored form, kind and
/// region, and both display forms (N3). Declared once here for every binding that hands the
/// number out as data (the JavaScript binding's `toJSON`).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PhoneNumberData {
    /// The stored form (`+4917112345678`).
    pub e164: E164,
    /// What kind of line (`mobile`, `fixed_line`, …).
    pub kind: NumberKind,
    /// The number's region (`DE`).
    pub region: String,
    /// `+49 171 12345678` (E.123).
    pub international: String,
    /// `0171 12345678` (DIN 5008).
    pub national: String,
}

impl PhoneNumber {
    /// Every fact of the number with both display forms, as its JSON holds them.
    #[must_use]
    pub fn data(&self) -> PhoneNumberData {
        let (international, national) = engine::display(self.country_code, self.national_number());
        PhoneNumberData {
            e164: self.e164.clone(),
            kind: self.kind,
            region: self.region.to_owned(),
            international,
            national,
        }
    }
}

/// Serialised with both display forms, for hosts and bindings that show the number.
impl Serialize for PhoneNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.data().serialize(serializer)
    }
}
