//! The numbering engine: libphonenumber's parse, validate, classify and format steps on the
//! current metadata, with patterns compiled once per territory and shared without locks.
//!
//! The `phonenumber` crate supplies the metadata loader and types (`build.rs`); the steps
//! themselves follow `phonenumberutil.py` of the reference, Python `phonenumbers` 9.0.43,
//! because the crate's own steps differ from it (see `parse.rs`) and the crate cannot be
//! changed from here. `core/vectors/numbers.json` and the 100,000-number comparison in
//! `benches/compare/` hold the two to the same answers.

mod format;
mod metadata;
mod parse;

use metadata::{Length, Tables, Territory, tables};
use parse::Reason;

use super::{E164, NumberError, NumberKind, PhoneNumber};

/// A region's compiled metadata, shared by every plan of that region.
pub(crate) type Region = &'static Territory;

/// The compiled metadata of `region` (`DE`), compiling it on first use.
pub(crate) fn region(region: &str) -> Result<Region, NumberError> {
    let unknown = || NumberError::UnknownRegion {
        region: region.chars().take(8).collect(),
    };
    let tables = tables().map_err(|_| unknown())?;
    let index = tables
        .index_of_region(&region.to_ascii_uppercase())
        .ok_or_else(unknown)?;
    tables.territory(index).map_err(|_| unknown())
}

/// The region id of a compiled region.
pub(crate) fn region_id(region: Region) -> &'static str {
    &region.id
}

/// Parses cleaned input (`+` and digits) against the default region and validates it.
pub(crate) fn normalize(default: Region, cleaned: &str) -> Result<PhoneNumber, NumberError> {
    let tables = tables().map_err(|_| NumberError::UnknownRegion {
        region: default.id.clone(),
    })?;
    let parsed = parse::parse(tables, cleaned, default).map_err(|reason| match reason {
        Reason::TooShort => NumberError::TooShort,
        Reason::TooLong => NumberError::TooLong,
        Reason::InvalidCountryCode => NumberError::UnknownCountryCode,
    })?;
    let Some((territory, kind)) = classify(tables, parsed.cc, &parsed.nsn) else {
        return Err(why_invalid(tables, parsed.cc, &parsed.nsn, default));
    };
    let (international, national) = format::display(tables, parsed.cc, &parsed.nsn);
    Ok(PhoneNumber {
        e164: E164::from_parts(parsed.cc, &parsed.nsn),
        kind,
        region: territory.id.clone(),
        international,
        national,
    })
}

/// `get_region_code_for_number` + `is_valid_number` + `number_type`: the territory a valid
/// number belongs to, and its kind; `None` for an invalid number.
fn classify<'t>(tables: &'t Tables, cc: u16, nsn: &str) -> Option<(&'t Territory, NumberKind)> {
    let candidates = tables.territories_for_code(cc);
    let territory = match candidates {
        [only] => tables.territory(*only).ok(),
        _ => candidates
            .iter()
            .filter_map(|&i| tables.territory(i).ok())
            .find(|t| match &t.leading_digits {
                Some(leading) => leading.is_match(nsn),
                None => t.number_type(nsn) != NumberKind::Unknown,
            }),
    }?;
    match territory.number_type(nsn) {
        NumberKind::Unknown => None,
        kind => Some((territory, kind)),
    }
}

/// Names why a parsed number is not valid, as `is_possible_number_with_reason` would.
fn why_invalid(tables: &Tables, cc: u16, nsn: &str, default: Region) -> NumberError {
    let main = tables
        .territories_for_code(cc)
        .first()
        .and_then(|&i| tables.territory(i).ok());
    match main.map(|t| (t, t.test_length(nsn))) {
        None => NumberError::UnknownCountryCode,
        Some((_, Length::TooShort | Length::LocalOnly)) => NumberError::TooShort,
        Some((_, Length::TooLong)) => NumberError::TooLong,
        Some((t, _)) => NumberError::Invalid {
            region: if t.id == "001" {
                default.id.clone()
            } else {
                t.id.clone()
            },
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// Broken metadata would only show at run time; compile every territory here instead.
    #[test]
    fn every_territory_compiles() {
        let tables = tables().unwrap();
        assert!(
            tables.len() > 240,
            "all of libphonenumber's territories are embedded"
        );
        for i in 0..tables.len() {
            tables.territory(i).unwrap();
            tables.formats(i).unwrap();
        }
    }
}
