//! Reading a number the way libphonenumber's `parse()` does (phonenumbers 9.0.43), for the
//! cleaned input that `typed::clean` hands over: an optional `+` and ASCII digits. Letters and
//! extensions never get here (N2 refuses them), nor do `tel:` URIs (`tel_uri.rs` hands over
//! their number), so those parts of libphonenumber's pipeline are left out. Function names follow `phonenumberutil.py`.
//!
//! Why not the crate's parser: it strips the *default* region's national prefix from
//! numbers that carry their own country code (`+39 02 …` loses Italy's leading zero under
//! DE), keeps national numbers as integers (leading zeros lost), and reads a leading `49`
//! of a short national number as the country code.

use super::metadata::{Compiled, Length, Tables, Territory};
use super::pattern::expand;

/// libphonenumber's bounds on the national significant number.
const MIN_LENGTH_FOR_NSN: usize = 2;
const MAX_LENGTH_FOR_NSN: usize = 17;

/// Why cleaned input is not a number at all (before validation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    TooShort,
    TooLong,
    InvalidCountryCode,
}

/// A parsed, not yet validated number.
pub(crate) struct Parsed {
    pub(crate) cc: u16,
    pub(crate) nsn: String,
}

/// `_is_viable_phone_number` for `+`/digit input: two digits, or three after a `+`.
fn is_viable(cleaned: &str) -> bool {
    match cleaned.strip_prefix('+') {
        Some(digits) => digits.len() >= 3,
        None => cleaned.len() >= MIN_LENGTH_FOR_NSN,
    }
}

/// `_maybe_strip_national_prefix_carrier_code` (the carrier code is not needed).
fn strip_national_prefix(n: &str, t: &Territory) -> Option<String> {
    if n.is_empty() {
        return None;
    }
    if let (Some(lit), None) = (t.npp_literal, t.transform) {
        // Fast path for the common `nationalPrefixForParsing="0"`.
        let rest = n.strip_prefix(lit)?;
        if t.general.matches_pattern(n) && !t.general.matches_pattern(rest) {
            return None;
        }
        return Some(rest.to_owned());
    }
    let re = t.npp.as_ref()?;
    let caps = re.captures(n)?;
    // Anchored at the start: the match is a prefix of `n`, as long as its text.
    let end = caps.first()?.as_ref()?.len();
    let viable_original = t.general.matches_pattern(n);
    let last_group_missing = caps.len() < 2 || caps.last().is_some_and(Option::is_none);
    match t.transform {
        Some(rule) if !last_group_missing => {
            let mut transformed = String::with_capacity(n.len());
            expand(rule, &caps, &mut transformed);
            transformed.push_str(n.get(end..)?);
            if viable_original && !t.general.matches_pattern(&transformed) {
                return None;
            }
            Some(transformed)
        }
        _ => {
            let rest = n.get(end..)?;
            if viable_original && !t.general.matches_pattern(rest) {
                return None;
            }
            Some(rest.to_owned())
        }
    }
}

/// `_extract_country_code`: country codes are prefix-free, 1 to 3 digits.
fn extract_country_code<'a>(tables: &Tables, n: &'a str) -> Option<(u16, &'a str)> {
    if n.is_empty() || n.starts_with('0') {
        return None;
    }
    (1..=n.len().min(3)).find_map(|i| {
        let cc: u16 = n.get(..i)?.parse().ok()?;
        tables.has_code(cc).then(|| (cc, n.get(i..).unwrap_or("")))
    })
}

/// `_maybe_extract_country_code`: `Some((cc, rest))` when the number names its country by
/// `+`, by the default region's international prefix (`00`), or by starting with the
/// default region's own country code where only that reading makes it fit.
fn maybe_extract_country_code(
    tables: &Tables,
    number: &str,
    def: &Territory,
) -> Result<Option<(u16, String)>, Reason> {
    let (international, full) = match number.strip_prefix('+') {
        Some(rest) => (true, rest.to_owned()),
        None => match def
            .idd
            .as_ref()
            .and_then(|re| number.get(re.match_end(number)?..))
        {
            // An international prefix followed by a 0 is not one.
            Some(rest) if !rest.starts_with('0') => (true, rest.to_owned()),
            _ => (false, number.to_owned()),
        },
    };
    if international {
        if full.len() <= MIN_LENGTH_FOR_NSN {
            return Err(Reason::TooShort);
        }
        return extract_country_code(tables, &full)
            .map(|(cc, rest)| Some((cc, rest.to_owned())))
            .ok_or(Reason::InvalidCountryCode);
    }
    let cc = def.cc.to_string();
    if let Some(rest) = full.strip_prefix(cc.as_str()) {
        let potential = strip_national_prefix(rest, def).unwrap_or_else(|| rest.to_owned());
        if (!def.general.matches_pattern(&full) && def.general.matches_pattern(&potential))
            || def.test_length(&full) == Length::TooLong
        {
            return Ok(Some((def.cc, potential)));
        }
    }
    Ok(None)
}

/// `parse(number, default_region)` for cleaned input.
pub(crate) fn parse(
    compiled: &impl Compiled,
    cleaned: &str,
    def: &Territory,
) -> Result<Parsed, Reason> {
    let tables = compiled.tables();
    if !is_viable(cleaned) {
        return Err(Reason::TooShort);
    }
    let extracted = match (
        maybe_extract_country_code(tables, cleaned, def),
        cleaned.strip_prefix('+'),
    ) {
        // libphonenumber tries once more without the `+`, so `+0049 …` reads as `0049 …`.
        (Err(Reason::InvalidCountryCode), Some(after)) => Some(
            maybe_extract_country_code(tables, after, def)?.ok_or(Reason::InvalidCountryCode)?,
        ),
        (other, _) => other?,
    };
    let (cc, mut nsn, from_number) = match extracted {
        Some((cc, rest)) => (cc, rest, true),
        None => (def.cc, cleaned.to_owned(), false),
    };
    if nsn.len() < MIN_LENGTH_FOR_NSN {
        return Err(Reason::TooShort);
    }
    // The national prefix to strip is that of the number's own country.
    let meta: &Territory = if !from_number || main_id(tables, cc) == Some(def.id) {
        def
    } else {
        let i = *tables
            .territories_for_code(cc)
            .first()
            .ok_or(Reason::InvalidCountryCode)?;
        tables
            .territory(i)
            .map_err(|_| Reason::InvalidCountryCode)?
    };
    if let Some(potential) = strip_national_prefix(&nsn, meta) {
        if !matches!(
            meta.test_length(&potential),
            Length::TooShort | Length::LocalOnly | Length::Invalid
        ) {
            nsn = potential;
        }
    }
    match nsn.len() {
        n if n < MIN_LENGTH_FOR_NSN => Err(Reason::TooShort),
        n if n > MAX_LENGTH_FOR_NSN => Err(Reason::TooLong),
        _ => Ok(Parsed { cc, nsn }),
    }
}

fn main_id(tables: &Tables, cc: u16) -> Option<&str> {
    let i = *tables.territories_for_code(cc).first()?;
    tables.raw_id(i)
}
