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

// S6: the meter rates every character a policy lets a password have. Under each maximum
// length the bounds accept, the password of that length made of one letter is weaker
// than the same password with its last ten characters random: the last characters count,
// however long the maximum.
#[test]
fn s6_every_character_the_policy_allows_is_rated() {
    use pbx_rules::{PasswordContext, Policy, Rules, evaluate};
    let ctx = PasswordContext::default();
    let tail = "x7#Vq9!mZp";
    let mut accepted = Vec::new();
    for max_len in [32, 64, 100, 101, 110, 128, 1024] {
        let mut policy = Policy::centrexx();
        policy.password.max_len = max_len;
        let Ok(rules) = Rules::new(policy) else {
            continue; // the bounds refuse a maximum the meter cannot rate whole
        };
        accepted.push(max_len);
        let weak = "a".repeat(max_len);
        let strong = format!("{}{tail}", "a".repeat(max_len - tail.len()));
        let (w, s) = (
            evaluate(&weak, &ctx, &rules),
            evaluate(&strong, &ctx, &rules),
        );
        assert!(
            s.guesses_log10 > w.guesses_log10 + 5.0,
            "max_len {max_len}: {} vs {}",
            s.guesses_log10,
            w.guesses_log10
        );
    }
    assert_eq!(
        accepted,
        [32, 64, 100],
        "the bounds accept up to the meter's reach"
    );
}

// S6: the policy's maximum length is bounded by what the meter rates (100 characters,
// zxcvbn's own reach), and the bound names the field.
#[test]
fn s6_policy_max_len_is_bounded_by_the_meter() {
    use pbx_rules::{Localized, Policy, PolicyError, Rules, guesses::MAX_CHARS};
    for max_len in [MAX_CHARS + 1, 128, 1024] {
        let mut policy = Policy::centrexx();
        policy.password.max_len = max_len;
        let err = Rules::new(policy).expect_err("beyond the meter");
        assert_eq!(err.code(), "POLICY_OUT_OF_RANGE");
        assert_eq!(
            err,
            PolicyError::OutOfRange {
                field: "password.max_len",
                min: 1,
                max: MAX_CHARS as u64
            }
        );
    }
    let mut policy = Policy::centrexx();
    policy.password.max_len = MAX_CHARS;
    assert!(Rules::new(policy).is_ok());
}
