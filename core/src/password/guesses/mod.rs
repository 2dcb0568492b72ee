//! A zxcvbn-compatible guess estimator of our own (K2, K4).
//!
//! The algorithm is Wheeler's ("zxcvbn: Low-Budget Password Strength Estimation", USENIX
//! Security 2016) as zxcvbn 4.4.2 and the `zxcvbn` crate 3.1.1 implement it: find every
//! dictionary word (forwards, reversed, with l33t substitutions), keyboard pattern,
//! repeat, sequence, recent year and date in the password, then pick the sequence of
//! matches and bruteforce runs that needs the fewest guesses. The score 0–4 comes from
//! the same thresholds. Run with [`Languages::English`] it reproduces the crate (the
//! parity test checks it on a 20,000-password corpus); the meter runs it with
//! [`Languages::EnglishGerman`]: the German lists of `@zxcvbn-ts/language-de` with their own
//! ranks and the German QWERTZ keyboard besides.
//!
//! Why our own: the crate embeds every list with no way to leave one out, builds its hash
//! maps on the first call and brings `regex`, `fancy-regex` and Unicode tables into the
//! browser module. Here the lists are sorted, front-coded blocks searched where they lie
//! (`words.rs`), so nothing is built at start-up.
//!
//! The estimate reads at most [`MAX_CHARS`] characters; the meter itself passes no more
//! than the policy's maximum length, which the policy's bounds keep within it (S6).
//!
//! Copies of the password (S8): the characters, the lower-cased and reversed text and the
//! l33t readings are buffers sized before they are filled (they never grow, which would
//! leave the old copy behind) and wiped on drop; the scoring helpers read a token where it
//! lies instead of copying it.

mod date;
mod dictionary;
mod pattern;
mod repeat;
mod search;
mod sequence;
mod spatial;
mod words;

use std::sync::OnceLock;

pub use pattern::{Keyboard, Match, Pattern, WordList};

/// The most characters an estimate reads (zxcvbn reads 100).
pub const MAX_CHARS: usize = crate::policy::METER_CHARS;

/// Which lists and keyboards the estimate uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Languages {
    /// zxcvbn's own data: the six English lists and the US keyboards (the parity setting).
    English,
    /// English plus the German lists and the QWERTZ keyboard (the meter's setting).
    EnglishGerman,
}

/// The settings of one estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Lists and keyboards.
    pub languages: Languages,
    /// The year that years and dates are measured from (zxcvbn takes the current year).
    pub reference_year: i32,
}

/// What the estimator says about a password.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    /// The estimated number of guesses (0 for the empty password).
    pub guesses: u64,
    /// zxcvbn's score 0–4.
    pub score: u8,
    /// The matches the estimate is based on, in order.
    pub sequence: Vec<Match>,
}

impl Estimate {
    /// log10 of the guesses (−∞ for the empty password).
    #[must_use]
    pub fn guesses_log10(&self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        (self.guesses as f64).log10()
    }
}

/// zxcvbn's thresholds: fewer than 10³ (+5) guesses is 0, 10⁶ is 1, 10⁸ is 2, 10¹⁰ is 3.
fn score(guesses: u64) -> u8 {
    const DELTA: u64 = 5;
    match guesses {
        g if g < 1_000 + DELTA => 0,
        g if g < 1_000_000 + DELTA => 1,
        g if g < 100_000_000 + DELTA => 2,
        g if g < 10_000_000_000 + DELTA => 3,
        _ => 4,
    }
}

struct Data {
    english: Option<words::WordFile>,
    german: Option<words::WordFile>,
}

/// The word files' headers (a few bytes read; the lists stay where they are).
fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| Data {
        english: words::english(),
        german: words::german(),
    })
}

const US_KEYBOARDS: [Keyboard; 4] = [
    Keyboard::Qwerty,
    Keyboard::Dvorak,
    Keyboard::Keypad,
    Keyboard::MacKeypad,
];
const ALL_KEYBOARDS: [Keyboard; 5] = [
    Keyboard::Qwerty,
    Keyboard::Dvorak,
    Keyboard::Keypad,
    Keyboard::MacKeypad,
    Keyboard::Qwertz,
];

struct Estimator<'a> {
    sources: dictionary::Sources<'a>,
    keyboards: &'static [Keyboard],
    reference_year: i32,
}

impl Estimator<'_> {
    fn all_matches(&self, chars: &[char]) -> Vec<Match> {
        let (mut out, mut l33t) = (Vec::with_capacity(8 * chars.len()), Vec::new());
        dictionary::forwards(chars, &self.sources, &mut out, &mut l33t);
        dictionary::reversed(chars, &self.sources, &mut out);
        out.append(&mut l33t);
        spatial::matches(chars, self.keyboards, &mut out);
        repeat::matches(chars, &mut |base| self.cover(base).guesses, &mut out);
        sequence::matches(chars, &mut out);
        date::years(chars, self.reference_year, &mut out);
        date::dates(chars, self.reference_year, &mut out);
        out
    }

    fn cover(&self, chars: &[char]) -> search::Cover {
        if chars.is_empty() {
            return search::Cover {
                guesses: 0,
                sequence: Vec::new(),
            };
        }
        search::most_guessable(chars.len(), &self.all_matches(chars))
    }
}

/// Estimates the guesses a password needs, with the caller's guessable inputs (K4; matched
/// case-insensitively, ranked by position as zxcvbn's `user_inputs`).
///
/// # Examples
/// ```
/// use pbx_rules::guesses::{Languages, Options, estimate};
/// let options = Options { languages: Languages::English, reference_year: 2026 };
/// assert_eq!(estimate("password", &[], &options).score, 0);
/// assert_eq!(estimate("correct horse battery staple", &[], &options).score, 4);
/// ```
#[must_use]
pub fn estimate(password: &str, user_inputs: &[&str], options: &Options) -> Estimate {
    let chars = wiped_chars(password, MAX_CHARS);
    let inputs: Vec<String> = user_inputs.iter().map(|s| s.to_lowercase()).collect();
    let data = data();
    let german = options.languages == Languages::EnglishGerman;
    let estimator = Estimator {
        sources: dictionary::Sources {
            english: data.english.as_ref(),
            german: if german { data.german.as_ref() } else { None },
            inputs: &inputs,
            readings: std::cell::RefCell::default(),
        },
        keyboards: if german {
            &ALL_KEYBOARDS
        } else {
            &US_KEYBOARDS
        },
        reference_year: options.reference_year,
    };
    let cover = estimator.cover(&chars);
    Estimate {
        guesses: cover.guesses,
        score: score(cover.guesses),
        sequence: cover.sequence,
    }
}

/// The first `max` characters of a password, in a buffer sized before it is filled (it
/// never grows, so no unwiped copy is left behind) and wiped when dropped (S8).
pub(crate) fn wiped_chars(password: &str, max: usize) -> zeroize::Zeroizing<Vec<char>> {
    let mut chars = zeroize::Zeroizing::new(Vec::with_capacity(password.len().min(max)));
    chars.extend(password.chars().take(max));
    chars
}

/// A test's password as characters.
#[cfg(test)]
fn test_chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const EN: Options = Options {
        languages: Languages::English,
        reference_year: 2026,
    };

    // K2: zxcvbn's score thresholds, with their small delta.
    #[test]
    fn k2_score_thresholds() {
        for (guesses, want) in [
            (0, 0),
            (1_004, 0),
            (1_005, 1),
            (1_000_004, 1),
            (1_000_005, 2),
            (100_000_005, 3),
            (10_000_000_004, 3),
            (10_000_000_005, 4),
            (u64::MAX, 4),
        ] {
            assert_eq!(score(guesses), want, "{guesses}");
        }
    }

    // K2: known zxcvbn answers.
    #[test]
    fn k2_known_estimates() {
        let e = estimate("password", &[], &EN);
        assert_eq!((e.guesses, e.score), (3, 0));
        assert_eq!(estimate("", &[], &EN).guesses, 0);
        let e = estimate("zxcvbn", &[], &EN);
        assert_eq!(e.score, 0);
        assert!(estimate("Tr0ub4dour&3", &[], &EN).score >= 2);
    }

    // K4: an input turns an unknown word into a rank-1 word.
    #[test]
    fn k4_user_inputs_count() {
        let without = estimate("kuemmerle2001", &[], &EN);
        let with = estimate("kuemmerle2001", &["Kuemmerle"], &EN);
        assert!(with.guesses < without.guesses / 1000);
    }
}
