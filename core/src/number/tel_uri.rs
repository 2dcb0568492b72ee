//! Pasted `tel:` links (RFC 3966), read before the typed characters are checked (N1, N2).
//!
//! A click-to-call link copied from a web page is `tel:+49-421-68971152`: the scheme, a
//! global number with the visual separators `-` `.` `(` `)`, and perhaps parameters after
//! `;`. The number is what the person meant, so the scheme is dropped and the number goes
//! through the same checks as typed input. Parameters change what would be dialled, and a
//! backup number is dialled by a switch that cannot honour them: an extension (`;ext=`), an
//! ISDN subaddress (`;isub=`) or a local number's context (`;phone-context=`) each have
//! their own refusal, any other parameter (`;tgrp=`, `;rn=`, …) a common one, so nothing is
//! silently dropped from what the link says.

use super::NumberError;

/// The URI scheme, compared without regard to case (RFC 3986).
const SCHEME: &str = "tel:";

/// Parameter names are at most this long in messages; longer ones are cut.
const MAX_PARAMETER_CHARS: usize = 24;

/// The number part of `input` if it is a `tel:` URI, else `input` unchanged.
///
/// # Errors
/// [`NumberError::TelExtension`], [`NumberError::TelSubaddress`],
/// [`NumberError::TelPhoneContext`] or [`NumberError::TelParameter`] for a URI with
/// parameters; [`NumberError::InvalidCharacter`] for an empty parameter (`;;`).
pub(crate) fn number_part(input: &str) -> Result<&str, NumberError> {
    let trimmed = input.trim_start();
    let Some(uri) = trimmed
        .get(..SCHEME.len())
        .filter(|scheme| scheme.eq_ignore_ascii_case(SCHEME))
        .and_then(|_| trimmed.get(SCHEME.len()..))
    else {
        return Ok(input);
    };
    let mut parts = uri.split(';');
    let number = parts.next().unwrap_or_default();
    match parts.next() {
        None => Ok(number),
        Some(parameter) => Err(refusal(parameter)),
    }
}

/// The refusal for the first parameter of a `tel:` URI (`ext=10`, `isub=1234`, …).
fn refusal(parameter: &str) -> NumberError {
    let name = parameter.split('=').next().unwrap_or_default().trim();
    match name.to_ascii_lowercase().as_str() {
        "" => NumberError::InvalidCharacter { character: ';' },
        "ext" => NumberError::TelExtension,
        "isub" => NumberError::TelSubaddress,
        "phone-context" => NumberError::TelPhoneContext,
        _ => NumberError::TelParameter {
            parameter: name.chars().take(MAX_PARAMETER_CHARS).collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn n1_a_global_tel_uri_yields_its_number() {
        assert_eq!(number_part("tel:+49-421-68971152"), Ok("+49-421-68971152"));
        assert_eq!(
            number_part(" TEL:+49.421.(689)71152"),
            Ok("+49.421.(689)71152")
        );
        assert_eq!(number_part("Tel: 0421 68971152"), Ok(" 0421 68971152"));
    }

    #[test]
    fn n1_other_input_is_left_alone() {
        for input in ["0171 12345678", "", "te", "tele:+49", "+49 tel:"] {
            assert_eq!(number_part(input), Ok(input));
        }
    }

    #[test]
    fn n2_each_parameter_has_its_refusal() {
        let cases = [
            ("tel:+49-421-68971152;ext=10", NumberError::TelExtension),
            ("tel:+49-421-68971152;EXT=10", NumberError::TelExtension),
            ("tel:+49-421-68971152;isub=1234", NumberError::TelSubaddress),
            (
                "tel:68971152;phone-context=+49-421",
                NumberError::TelPhoneContext,
            ),
            (
                "tel:+49-421-68971152;tgrp=tg1;trunk-context=+49",
                NumberError::TelParameter {
                    parameter: "tgrp".into(),
                },
            ),
            (
                "tel:+4942168971152;",
                NumberError::InvalidCharacter { character: ';' },
            ),
        ];
        for (input, want) in cases {
            assert_eq!(number_part(input), Err(want), "{input}");
        }
    }

    #[test]
    fn n2_a_long_parameter_name_is_cut_in_the_error() {
        let long = format!("tel:+4942168971152;{}=1", "x".repeat(500));
        let got = number_part(&long);
        assert!(
            matches!(&got, Err(NumberError::TelParameter { parameter })
                if parameter.chars().count() == MAX_PARAMETER_CHARS),
            "{got:?}"
        );
    }
}
