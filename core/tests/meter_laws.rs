#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! Laws of the meter's estimator (K2, K4), on generated passwords: more knowledge never
//! makes a password look stronger, the score follows the guesses, and no input panics.

use pbx_rules::guesses::{Languages, Options, estimate};
use proptest::prelude::*;

const EN: Options = Options {
    languages: Languages::English,
    reference_year: 2026,
};
const EN_DE: Options = Options {
    languages: Languages::EnglishGerman,
    reference_year: 2026,
};

fn password() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9!@$|%()]{0,24}",
        "(pass|word|sommer|hallo|qwertz|1987|2024|4@|0|!){1,5}",
        "\\PC{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    // K2: the German lists and QWERTZ only add matches: never more guesses than English.
    #[test]
    fn k2_more_lists_never_raise_the_guesses(pw in password()) {
        prop_assert!(estimate(&pw, &[], &EN_DE).guesses <= estimate(&pw, &[], &EN).guesses);
    }

    // K4: a guessable input only adds matches.
    #[test]
    fn k4_inputs_never_raise_the_guesses(pw in password(), input in "[a-z0-9]{1,8}") {
        let without = estimate(&pw, &[], &EN_DE).guesses;
        prop_assert!(estimate(&pw, &[&input], &EN_DE).guesses <= without);
    }

    // K2: the whole password guessed character by character is an upper bound, and the
    // score grows with the guesses.
    #[test]
    fn k2_bruteforce_bounds_and_scores_follow(pw in password(), other in password()) {
        let a = estimate(&pw, &[], &EN_DE);
        let n = pw.chars().count();
        if n > 0 {
            let exponent = u32::try_from(n).unwrap_or(u32::MAX);
            let bound = 10_u64.saturating_pow(exponent).max(51).saturating_add(1);
            prop_assert!(a.guesses >= 1 && a.guesses <= bound, "{} > {}", a.guesses, bound);
        }
        let b = estimate(&other, &[], &EN_DE);
        if a.guesses <= b.guesses {
            prop_assert!(a.score <= b.score);
        }
    }

    // K2: a match sequence covers the password from start to end without gaps.
    #[test]
    fn k2_sequence_covers_the_password(pw in password()) {
        let e = estimate(&pw, &[], &EN_DE);
        let mut next = 0;
        for m in &e.sequence {
            prop_assert_eq!(m.i, next);
            next = m.j + 1;
        }
        prop_assert_eq!(next, pw.chars().count().min(pbx_rules::guesses::MAX_CHARS));
    }
}
