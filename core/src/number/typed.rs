//! What people type: the characters N1 allows, checked before any numbering rule runs.
//!
//! People paste numbers from mail signatures and web pages, so besides the ASCII separators
//! of N1 (space, `-`, `/`, `(`, `)`, `.`) any Unicode white space and dash counts as a
//! separator. Letters and everything else are refused with their own code (N2), so a vanity
//! number or a stray `ext.` never becomes a different number by accident.

use super::{NumberError, tel_uri};

/// Whether `c` is a separator people type between digit groups.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '/' | '(' | ')' | '.' | '\u{2010}'..='\u{2015}' | '\u{2212}'
    ) || c.is_whitespace()
}

/// Reduces typed input (or the number of a pasted `tel:` link) to an optional leading `+`
/// and its ASCII digits.
///
/// # Errors
/// [`NumberError::Empty`], [`NumberError::Letters`], [`NumberError::InvalidCharacter`],
/// [`NumberError::MisplacedPlus`], or a `tel:` link's parameter refusal ([`tel_uri`]).
pub(crate) fn clean(input: &str) -> Result<String, NumberError> {
    // libphonenumber refuses longer input outright; so do we, before scanning it.
    const MAX_INPUT_CHARS: usize = 250;
    if input.len() > MAX_INPUT_CHARS * 4 || input.chars().count() > MAX_INPUT_CHARS {
        return Err(NumberError::TooLong);
    }
    let input = tel_uri::number_part(input)?;
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '0'..='9' => out.push(c),
            '+' if out.is_empty() => out.push('+'),
            '+' => return Err(NumberError::MisplacedPlus),
            c if is_separator(c) => {}
            c if c.is_alphabetic() => return Err(NumberError::Letters { letter: c }),
            c => return Err(NumberError::InvalidCharacter { character: c }),
        }
    }
    if out.is_empty() {
        // Only separators (or nothing) were typed.
        return Err(NumberError::Empty);
    }
    if out == "+" {
        return Err(NumberError::TooShort);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn n1_every_separator_is_dropped() {
        assert_eq!(
            clean("+49 (0)171-123/45.67").as_deref(),
            Ok("+4901711234567")
        );
        assert_eq!(
            clean("0171\u{00a0}1234\u{2013}567").as_deref(),
            Ok("01711234567")
        );
    }

    #[test]
    fn n2_letters_and_symbols_have_their_own_codes() {
        assert_eq!(
            clean("0800 FLOWERS"),
            Err(NumberError::Letters { letter: 'F' })
        );
        assert_eq!(
            clean("0171#1"),
            Err(NumberError::InvalidCharacter { character: '#' })
        );
        assert_eq!(clean("0171+1"), Err(NumberError::MisplacedPlus));
        assert_eq!(clean(" - / "), Err(NumberError::Empty));
        assert_eq!(clean(""), Err(NumberError::Empty));
    }
}
