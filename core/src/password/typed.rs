//! Typed password text before it is counted, metered, hashed or compared (K1, F4, F10, I7).
//!
//! Every path that looks at a typed password goes through here, so the path that stores a
//! password and every path that compares one normalise it the same way (F4), and input far
//! beyond the policy's maximum is refused before any normalisation or meter work, in time
//! bounded by the maximum and without copying it (F10).

use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::PasswordPolicy;

/// The most code points Unicode's canonical composition turns into one (`ᾂ` is `α` plus
/// three combining marks; checked over all of Unicode). NFKC never drops a code point, so
/// text of more than `max_len × 4` code points cannot normalise to `max_len` or fewer.
pub(crate) const NFKC_MAX_SHRINK: usize = 4;

/// The most code points a typed password may have before normalisation and still be
/// within the policy's maximum after it: the maximum itself without NFKC, four times it
/// with NFKC.
pub(crate) fn input_cap(max_chars: usize, policy: &PasswordPolicy) -> usize {
    if policy.nfkc {
        max_chars.saturating_mul(NFKC_MAX_SHRINK)
    } else {
        max_chars
    }
}

/// Whether `text` has more than `max` code points. Reads at most `max + 1` of them and
/// copies nothing, so a 10 MiB paste costs no more than a password of `max` characters.
pub(crate) fn longer_than(text: &str, max: usize) -> bool {
    text.chars().nth(max).is_some()
}

/// Typed text in the form the policy stores and compares: NFKC under a policy that asks
/// for it, else as typed. `None` when the text is far beyond the maximum length, so no
/// stored password can match it and normalising it would only cost time and memory.
#[cfg(feature = "lifecycle")]
pub(crate) fn comparable(text: &str, policy: &PasswordPolicy) -> Option<Zeroizing<String>> {
    if longer_than(text, input_cap(policy.max_len, policy)) {
        return None;
    }
    Some(normalised(text, policy))
}

/// NFKC under a policy that asks for it, else a copy; callers bound the length first.
pub(crate) fn normalised(text: &str, policy: &PasswordPolicy) -> Zeroizing<String> {
    Zeroizing::new(if policy.nfkc {
        text.nfkc().collect()
    } else {
        text.to_owned()
    })
}

/// Whether `c` is an invisible format character (I7): Unicode's format controls (category
/// Cf: soft hyphen, zero-width space, non-joiner and joiner, the direction marks, the bidi
/// embeddings, overrides and isolates, word joiner and invisible operators, the byte-order
/// mark, Arabic and Syriac marks, interlinear annotation, tags), the combining grapheme
/// joiner and the Hangul fillers. None of them shows on screen, so a password holding one
/// cannot be typed again from what the user sees, and they hide a longer secret than the
/// eye counts.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0xAD | 0x34F
            | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x890..=0x891
            | 0x8E2
            | 0x115F..=0x1160
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0x3164
            | 0xFEFF
            | 0xFFA0
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f10_count_stops_at_the_cap() {
        assert!(longer_than("abcd", 3));
        assert!(!longer_than("abc", 3));
        assert!(!longer_than("äöü", 3));
    }

    #[test]
    fn f10_nfkc_shrinks_at_most_fourfold() {
        // U+1F82 in canonical decomposition: four code points that compose into one.
        let decomposed = "\u{3b1}\u{313}\u{300}\u{345}";
        let policy = PasswordPolicy::strict();
        assert_eq!(normalised(decomposed, &policy).chars().count(), 1);
        assert_eq!(input_cap(64, &policy), 256);
        assert_eq!(input_cap(32, &PasswordPolicy::centrexx()), 32);
    }

    #[test]
    fn i7_invisible_characters_are_the_format_controls() {
        for c in [
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200E}',
            '\u{200F}',
            '\u{202A}',
            '\u{202B}',
            '\u{202C}',
            '\u{202D}',
            '\u{202E}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{FEFF}',
            '\u{AD}',
            '\u{2060}',
            '\u{61C}',
            '\u{E0041}',
        ] {
            assert!(is_invisible(c), "U+{:04X}", u32::from(c));
        }
        for c in ['a', 'ß', ' ', '\u{A0}', '😀', '€', '\u{301}'] {
            assert!(!is_invisible(c), "U+{:04X}", u32::from(c));
        }
    }
}
