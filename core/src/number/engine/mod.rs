//! The numbering engine: libphonenumber's parse, validate, classify and format steps on the
//! current metadata, with patterns compiled once per territory and shared without locks.
//!
//! The `phonenumber` crate's loader reads the metadata at build time (`build.rs`); the steps
//! themselves follow `phonenumberutil.py` of the reference, Python `phonenumbers` 9.0.43,
//! because the crate's own steps differ from it (see `parse.rs`) and the crate cannot be
//! changed from here. `core/vectors/numbers.json` and the 100,000-number comparison in
//! `benches/compare/` hold the two to the same answers.

mod format;
mod metadata;
mod parse;
mod pattern;
mod table;

#[cfg(not(target_arch = "wasm32"))]
use metadata::Local;
use metadata::{Compiled, Length, tables};
use parse::Reason;

use super::{E164, NumberError, NumberKind, PhoneNumber};

/// A compiled region: where its territory stands in the tables, and its id.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Region {
    index: usize,
    id: &'static str,
}

impl Region {
    /// The region's id (`DE`).
    pub(crate) fn id(self) -> &'static str {
        self.id
    }
}

/// The region `name` (`DE`, any case), compiling its territory on first use.
pub(crate) fn region(name: &str) -> Result<Region, NumberError> {
    let unknown = || NumberError::UnknownRegion {
        region: name.chars().take(8).collect(),
    };
    let tables = tables().map_err(|_| unknown())?;
    let index = tables
        .index_of_region(&name.to_ascii_uppercase())
        .ok_or_else(unknown)?;
    let territory = tables.territory(index).map_err(|_| unknown())?;
    Ok(Region {
        index,
        id: territory.id,
    })
}

/// A batch worker's own view of the compiled metadata (see [`Local`]).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct Worker(Option<Local<'static>>);

#[cfg(not(target_arch = "wasm32"))]
impl Worker {
    pub(crate) fn new() -> Self {
        Self(tables().ok().map(Local::new))
    }
}

/// Parses cleaned input (`+` and digits) against the default region and validates it.
pub(crate) fn normalize(default: Region, cleaned: &str) -> Result<PhoneNumber, NumberError> {
    let tables = tables().map_err(|_| NumberError::UnknownRegion {
        region: default.id.to_owned(),
    })?;
    normalize_with(tables, default, cleaned)
}

/// [`normalize`] on a worker's own clones.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn normalize_on(
    worker: &Worker,
    default: Region,
    cleaned: &str,
) -> Result<PhoneNumber, NumberError> {
    match &worker.0 {
        Some(local) => normalize_with(local, default, cleaned),
        None => normalize(default, cleaned),
    }
}

fn normalize_with(
    compiled: &impl Compiled,
    default: Region,
    cleaned: &str,
) -> Result<PhoneNumber, NumberError> {
    let unknown = || NumberError::UnknownRegion {
        region: default.id.to_owned(),
    };
    let def = compiled.territory(default.index).map_err(|_| unknown())?;
    let parsed = parse::parse(compiled, cleaned, def).map_err(|reason| match reason {
        Reason::TooShort => NumberError::TooShort,
        Reason::TooLong => NumberError::TooLong,
        Reason::InvalidCountryCode => NumberError::UnknownCountryCode,
    })?;
    let Some((index, kind)) = classify(compiled, parsed.cc, &parsed.nsn) else {
        return Err(why_invalid(compiled, parsed.cc, &parsed.nsn, default));
    };
    Ok(PhoneNumber {
        e164: E164::from_parts(parsed.cc, &parsed.nsn),
        country_code: parsed.cc,
        kind,
        // The shared tables live as long as the process, so the id can be borrowed from them.
        region: tables().ok().and_then(|t| t.raw_id(index)).unwrap_or("001"),
    })
}

/// The display forms (international, national) of a valid number (N3).
pub(crate) fn display(country_code: u16, national_number: &str) -> (String, String) {
    (
        international(country_code, national_number),
        national(country_code, national_number),
    )
}

/// The international display form of a valid number (N3).
pub(crate) fn international(country_code: u16, national_number: &str) -> String {
    match tables() {
        Ok(tables) => format::international(tables, country_code, national_number),
        Err(_) => format!("+{country_code} {national_number}"),
    }
}

/// The national display form of a valid number (N3).
pub(crate) fn national(country_code: u16, national_number: &str) -> String {
    match tables() {
        Ok(tables) => format::national(tables, country_code, national_number),
        Err(_) => national_number.to_owned(),
    }
}

/// `get_region_code_for_number` + `is_valid_number` + `number_type`: the index of the
/// territory a valid number belongs to, and its kind; `None` for an invalid number.
fn classify(compiled: &impl Compiled, cc: u16, nsn: &str) -> Option<(usize, NumberKind)> {
    let candidates = compiled.tables().territories_for_code(cc);
    let index = match candidates {
        [only] => *only,
        _ => *candidates.iter().find(|&&i| {
            compiled
                .territory(i)
                .is_ok_and(|t| match &t.leading_digits {
                    Some(leading) => leading.is_match(nsn),
                    None => t.number_type(nsn) != NumberKind::Unknown,
                })
        })?,
    };
    match compiled.territory(index).ok()?.number_type(nsn) {
        NumberKind::Unknown => None,
        kind => Some((index, kind)),
    }
}

/// Names why a parsed number is not valid, as `is_possible_number_with_reason` would.
fn why_invalid(compiled: &impl Compiled, cc: u16, nsn: &str, default: Region) -> NumberError {
    let main = compiled
        .tables()
        .territories_for_code(cc)
        .first()
        .and_then(|&i| compiled.territory(i).ok());
    match main.map(|t| (t, t.test_length(nsn))) {
        None => NumberError::UnknownCountryCode,
        Some((_, Length::TooShort | Length::LocalOnly)) => NumberError::TooShort,
        Some((_, Length::TooLong)) => NumberError::TooLong,
        Some((t, _)) => NumberError::Invalid {
            region: if t.id == "001" {
                default.id.to_owned()
            } else {
                t.id.to_owned()
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
            let territory = tables.territory(i).unwrap();
            tables.formats(i).unwrap();
            // Ordered by calling code, so a code's territories are found by binary search.
            let same_code = tables.territories_for_code(territory.cc);
            assert!(same_code.contains(&i));
            for &j in same_code {
                assert_eq!(tables.territory(j).unwrap().cc, territory.cc);
            }
        }
    }
}
