//! The one place that talks to the `phonenumber` crate.
//!
//! Everything libphonenumber knows (metadata, parsing, classification, formatting) is
//! reached through here, so the rest of the crate never sees the dependency's types.

use phonenumber::{Mode, country, metadata::DATABASE};

use super::{E164, NumberError, NumberKind, PhoneNumber};

/// Checks that libphonenumber knows `region` and returns its id.
pub(crate) fn region_id(region: &str) -> Result<country::Id, NumberError> {
    let unknown = || NumberError::UnknownRegion {
        region: region.chars().take(8).collect(),
    };
    let id: country::Id = region.parse().map_err(|_| unknown())?;
    DATABASE.by_id(id.as_ref()).map(|_| id).ok_or_else(unknown)
}

/// Parses cleaned input (`+` and digits) against `region` and validates it.
pub(crate) fn normalize(region: country::Id, cleaned: &str) -> Result<PhoneNumber, NumberError> {
    let parsed = phonenumber::parse_with(&DATABASE, Some(region), cleaned).map_err(parse_error)?;
    let national = parsed.national().to_string();
    let code = parsed.code().value();
    if !parsed.is_valid_with(&DATABASE) {
        return Err(invalid(code, &national, region));
    }
    Ok(PhoneNumber {
        e164: E164::from_parts(code, &national),
        kind: kind(parsed.number_type(&DATABASE)),
        region: parsed
            .country()
            .id()
            .map_or_else(|| "001".to_owned(), |id| id.as_ref().to_owned()),
        international: parsed
            .format_with(&DATABASE)
            .mode(Mode::International)
            .to_string(),
        national: parsed
            .format_with(&DATABASE)
            .mode(Mode::National)
            .to_string(),
    })
}

/// Names why a well-formed number is not valid: its length or its content.
fn invalid(code: u16, national: &str, region: country::Id) -> NumberError {
    let Some(meta) = DATABASE.by_code(&code).and_then(|m| m.into_iter().next()) else {
        return NumberError::UnknownCountryCode;
    };
    let lengths = meta.descriptors().general().possible_length();
    let len = national.len();
    match (lengths.iter().min(), lengths.iter().max()) {
        (Some(&min), _) if len < usize::from(min) => NumberError::TooShort,
        (_, Some(&max)) if len > usize::from(max) => NumberError::TooLong,
        _ => NumberError::Invalid {
            region: if meta.id() == "001" {
                region.as_ref().to_owned()
            } else {
                meta.id().to_owned()
            },
        },
    }
}

fn parse_error(error: phonenumber::ParseError) -> NumberError {
    use phonenumber::ParseError as P;
    match error {
        P::InvalidCountryCode => NumberError::UnknownCountryCode,
        P::TooLong => NumberError::TooLong,
        _ => NumberError::TooShort,
    }
}

fn kind(kind: phonenumber::Type) -> NumberKind {
    use phonenumber::Type as T;
    match kind {
        T::FixedLine => NumberKind::FixedLine,
        T::Mobile => NumberKind::Mobile,
        T::FixedLineOrMobile => NumberKind::FixedLineOrMobile,
        T::TollFree => NumberKind::TollFree,
        T::PremiumRate => NumberKind::PremiumRate,
        T::SharedCost => NumberKind::SharedCost,
        T::Voip => NumberKind::Voip,
        T::PersonalNumber => NumberKind::PersonalNumber,
        T::Pager => NumberKind::Pager,
        T::Uan => NumberKind::Uan,
        T::Voicemail => NumberKind::Voicemail,
        _ => NumberKind::Unknown,
    }
}
