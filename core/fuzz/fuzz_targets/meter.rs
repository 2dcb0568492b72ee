//! Fuzzes the meter's estimator against the zxcvbn crate 3.1.1, its oracle: no
//! panic on any input, and where the scores differ, the difference is one of the listed
//! classes (docs/credentials.md): our quantised ranks put a password a hair under a
//! threshold (ours fewer guesses, within 0.1 in log10). Inputs on which the crate itself
//! panics or slices wrongly (non-ASCII digits in `19\d\d`; characters whose lower case has
//! another length) are only run through our side.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pbx_rules::guesses::{Languages, Options, estimate};
use pbx_rules::{PasswordContext, Rules, evaluate};

fn crate_safe(text: &str) -> bool {
    text.chars()
        .all(|c| !(c.is_numeric() && !c.is_ascii_digit()) && c.to_lowercase().count() == 1)
        && text.to_lowercase().chars().count() == text.chars().count()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = Options {
        languages: Languages::English,
        reference_year: 2026,
    };
    let ours = estimate(text, &[], &options);
    for rules in [Rules::centrexx(), Rules::strict()] {
        let _ = evaluate(text, &PasswordContext::default(), &rules);
    }
    if !crate_safe(text) {
        return;
    }
    let theirs = zxcvbn::zxcvbn(text, &[]);
    if ours.score != u8::from(theirs.score()) {
        let gap = theirs.guesses_log10() - ours.guesses_log10();
        assert!(
            ours.guesses <= theirs.guesses() && gap <= 0.1,
            "{text:?}: ours {} ({:.3}), crate {} ({:.3})",
            ours.score,
            ours.guesses_log10(),
            u8::from(theirs.score()),
            theirs.guesses_log10()
        );
    }
});
