//! The pattern-length analysis of `build.rs` (`build/lengths.rs`): the numbering table leaves
//! a descriptor's possible lengths out where its pattern cannot match another length, so
//! the analysis must never miss a length the pattern matches (N1: the same verdicts).
#![allow(clippy::unwrap_used, missing_docs)]

#[path = "../build/lengths.rs"]
mod lengths;

use lengths::pattern_lengths;
use proptest::prelude::*;

/// The lengths of a mask, smallest first.
fn set(mask: u64) -> Vec<u32> {
    (0..64).filter(|n| mask >> n & 1 == 1).collect()
}

#[test]
fn n1_lengths_of_the_metadata_constructs() {
    let cases: [(&str, &[u32]); 8] = [
        (r"\d{7,8}", &[7, 8]),
        (r"(?:1|23)\d", &[2, 3]),
        (r"1[5-7]\d{8}|1(?:6\d|7[0-46-9])\d{7,8}", &[10, 11]),
        (r"\d{5}(?:\d{2})?", &[5, 7]),
        (r"(?:2\d|3)?\d{3}", &[3, 4, 5]),
        (r"49(?:[34]0|69|8\d)\d\d?", &[5, 6]),
        (r"(?:(?:1|2\d)\d{2}){2}", &[6, 7, 8]),
        ("", &[0]),
    ];
    for (pattern, want) in cases {
        assert_eq!(set(pattern_lengths(pattern).unwrap()), want, "{pattern}");
    }
}

#[test]
fn n1_no_answer_where_lengths_are_unbounded_or_too_long() {
    for pattern in [r"\d+", r"1\d*", r"\d{60,70}", r"(?:\d{9}){8}", "[", r"\d{2"] {
        assert_eq!(pattern_lengths(pattern), None, "{pattern}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// N1: every digit string a pattern matches in full has a length the analysis names.
    #[test]
    fn n1_a_matched_length_is_never_missed(
        pattern in prop::sample::select(vec![
            r"[2-9]\d{6,7}|1(?:5[0-25-9]\d|6[023]|7\d)\d{7}",
            r"(?:1\d{2}|2(?:0[1-9]|[1-9]\d))\d{4,6}",
            r"8(?:00|44|55)\d{3}(?:\d{3})?",
            r"(?:3\d?|4)(?:\d{2}){1,3}",
        ]),
        digits in "[0-9]{0,16}",
    ) {
        let full = regex::Regex::new(&format!("^(?:{pattern})$")).unwrap();
        let lengths = pattern_lengths(pattern).unwrap();
        if full.is_match(&digits) {
            prop_assert!(lengths >> digits.len() & 1 == 1, "{} ({} digits)", digits, digits.len());
        }
    }
}
