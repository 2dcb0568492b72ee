//! What a match is and how many guesses each kind of pattern costs (zxcvbn's scoring, K2).
//!
//! Every estimate saturates instead of overflowing, so no input makes the arithmetic panic;
//! at `u64::MAX` guesses a password is far past the top score anyway.

/// Where a dictionary word came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordList {
    /// zxcvbn's English lists: 0 passwords, 1 English Wikipedia, 2 names (female, male,
    /// surnames: zxcvbn's feedback treats them alike), 3 US TV and film.
    English(u8),
    /// The German lists of `@zxcvbn-ts/language-de` (common words, first names, last names).
    German(u8),
    /// A caller's guessable input (K4: head number, company name, admin email).
    UserInput,
}

/// The keyboard a spatial pattern was typed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyboard {
    /// US QWERTY.
    Qwerty,
    /// US Dvorak.
    Dvorak,
    /// A number pad.
    Keypad,
    /// A Mac number pad.
    MacKeypad,
    /// German QWERTZ.
    Qwertz,
}

impl Keyboard {
    /// Whether this is a full keyboard (rather than a number pad).
    pub(crate) fn is_keyboard(self) -> bool {
        !matches!(self, Self::Keypad | Self::MacKeypad)
    }
}

/// The kind of a match, with what its estimate needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    /// A word of a list, maybe reversed or with l33t substitutions.
    Dictionary {
        /// Position in its list, 1 = most common.
        rank: u32,
        /// The list.
        list: WordList,
        /// Typed backwards.
        reversed: bool,
        /// With l33t substitutions (`p4ssw0rd`).
        l33t: bool,
    },
    /// A run of neighbouring keys.
    Spatial {
        /// The keyboard.
        keyboard: Keyboard,
        /// Changes of direction (1 = a straight row).
        turns: usize,
        /// Keys typed with shift.
        shifted: usize,
    },
    /// A repeated base (`abcabc`, `aaaa`).
    Repeat {
        /// Characters of the base.
        base_chars: usize,
        /// Guesses of the base.
        base_guesses: u64,
        /// How often the base repeats.
        count: usize,
    },
    /// Characters with a constant step (`abcd`, `9753`).
    Sequence {
        /// Rising or falling.
        ascending: bool,
    },
    /// A recent year (`2019`).
    Year {
        /// The year.
        year: i32,
    },
    /// A date with or without separators (`13.05.1987`, `130587`).
    Date {
        /// The year read from it.
        year: i32,
        /// Whether it has separators.
        separator: bool,
    },
    /// Anything else: every character guessed.
    Bruteforce,
}

/// A pattern found over the characters `i..=j` of the password, with its guesses.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// First character (index in Unicode scalar values).
    pub i: usize,
    /// Last character, inclusive.
    pub j: usize,
    /// The kind of pattern.
    pub pattern: Pattern,
    /// The estimated guesses for this part alone.
    pub guesses: u64,
}

const BRUTEFORCE_CARDINALITY: u64 = 10;
const MIN_SUBMATCH_GUESSES_SINGLE_CHAR: u64 = 10;
const MIN_SUBMATCH_GUESSES_MULTI_CHAR: u64 = 50;
const MIN_YEAR_SPACE: i32 = 20;

impl Match {
    /// A match with its guesses: the pattern's own estimate `raw`, at least zxcvbn's floor
    /// for a part of a longer password (so a pattern never beats guessing its characters).
    pub(crate) fn new(i: usize, j: usize, pattern: Pattern, raw: u64, whole: usize) -> Self {
        let chars = j + 1 - i;
        let floor = match (chars < whole, chars) {
            (false, _) => 1,
            (true, 1) => MIN_SUBMATCH_GUESSES_SINGLE_CHAR,
            (true, _) => MIN_SUBMATCH_GUESSES_MULTI_CHAR,
        };
        Self {
            i,
            j,
            pattern,
            guesses: raw.max(floor),
        }
    }

    /// Characters covered.
    #[must_use]
    pub fn len(&self) -> usize {
        self.j + 1 - self.i
    }

    /// Never true: a match covers at least one character.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// Guesses for a year `year_distance` years from the reference year (years, dates).
pub(crate) fn year_guesses(year: i32, reference_year: i32) -> u64 {
    let space = year
        .saturating_sub(reference_year)
        .saturating_abs()
        .max(MIN_YEAR_SPACE);
    u64::try_from(space).unwrap_or(u64::MAX)
}

/// Guesses for a date: its year's space times the days of a year, times 4 separators.
pub(crate) fn date_guesses(year: i32, reference_year: i32, separator: bool) -> u64 {
    let base = year_guesses(year, reference_year).saturating_mul(365);
    if separator {
        base.saturating_mul(4)
    } else {
        base
    }
}

/// 10 per character, and one more than a pattern's floor, so that a pattern over the
/// same characters wins a tie.
pub(crate) fn bruteforce_guesses(chars: usize) -> u64 {
    let exponent = u32::try_from(chars).unwrap_or(u32::MAX);
    let guesses = BRUTEFORCE_CARDINALITY.saturating_pow(exponent);
    let floor = if chars == 1 {
        MIN_SUBMATCH_GUESSES_SINGLE_CHAR + 1
    } else {
        MIN_SUBMATCH_GUESSES_MULTI_CHAR + 1
    };
    guesses.max(floor)
}

pub(crate) fn sequence_guesses(token: &[char], ascending: bool) -> u64 {
    let first = token.first().copied().unwrap_or('a');
    let base: u64 = if matches!(first, 'a' | 'A' | 'z' | 'Z' | '0' | '1' | '9') {
        4
    } else if first.is_ascii_digit() {
        10
    } else {
        26
    };
    let base = if ascending { base } else { base * 2 };
    base.saturating_mul(token.len() as u64)
}

/// The keyboard constants of zxcvbn 3.1.1: keys on the graph and the average number of
/// neighbours, rounded down (the crate divides integers; npm zxcvbn does not).
fn spatial_constants(keyboard: Keyboard) -> (u64, u64) {
    if keyboard.is_keyboard() {
        (94, 4)
    } else {
        (15, 5)
    }
}

pub(crate) fn spatial_guesses(keyboard: Keyboard, turns: usize, shifted: usize, len: usize) -> u64 {
    let (starts, degree) = spatial_constants(keyboard);
    let mut guesses = 0_u64;
    // Long patterns with many turns saturate early; stop there (the sum only grows).
    'sum: for i in 2..=len {
        for j in 1..=turns.min(i - 1) {
            let degree_pow = degree.saturating_pow(u32::try_from(j).unwrap_or(u32::MAX));
            guesses = guesses.saturating_add(
                n_choose_k(i - 1, j - 1)
                    .saturating_mul(starts)
                    .saturating_mul(degree_pow),
            );
            if guesses == u64::MAX {
                break 'sum;
            }
        }
    }
    if shifted > 0 {
        let unshifted = len.saturating_sub(shifted);
        guesses = if unshifted == 0 {
            guesses.saturating_mul(2)
        } else {
            guesses.saturating_mul(variations(shifted, unshifted))
        };
    }
    guesses
}

/// The ways to pick up to `min(a, b)` of `a + b` positions: zxcvbn's factor for capitals,
/// shifted keys and l33t substitutions.
pub(crate) fn variations(a: usize, b: usize) -> u64 {
    (1..=a.min(b)).fold(0_u64, |sum, k| sum.saturating_add(n_choose_k(a + b, k)))
}

/// Binomial coefficient, saturating.
pub(crate) fn n_choose_k(n: usize, k: usize) -> u64 {
    if k > n {
        return 0;
    }
    let mut r: u64 = 1;
    let mut top = n as u64;
    for d in 1..=k as u64 {
        r = r.saturating_mul(top) / d;
        top -= 1;
    }
    r
}

/// The capitalisation factor of a dictionary token (zxcvbn's `uppercase_variations`).
/// Reads the token where it lies: no copy of it is made (S8).
pub(crate) fn uppercase_variations(token: &[char]) -> u64 {
    // Lower-casing changes nothing (zxcvbn compares the token with its lower case; only
    // `Σ` lower-cases by context, and it changes either way).
    let unchanged = token.iter().all(|&c| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    });
    if unchanged || token.iter().all(|c| c.is_lowercase()) {
        return 1;
    }
    let upper = token.iter().filter(|c| c.is_uppercase()).count();
    let first_or_last = token.first().is_some_and(|c| c.is_uppercase())
        || token.last().is_some_and(|c| c.is_uppercase());
    if (first_or_last && upper == 1) || token.iter().all(|c| c.is_uppercase()) {
        return 2;
    }
    let lower = token.iter().filter(|c| c.is_lowercase()).count();
    variations(upper, lower)
}

/// The l33t factor: per substituted character, the ways to mix it with its letter.
/// Reads the token where it lies: no copy of it is made (S8).
pub(crate) fn l33t_variations(token: &[char], subs: &[(char, char)]) -> u64 {
    let lower = || token.iter().flat_map(|c| c.to_lowercase());
    subs.iter().fold(1_u64, |product, &(subbed, letter)| {
        let s = lower().filter(|&c| c == subbed).count();
        let u = lower().filter(|&c| c == letter).count();
        let factor = if s == 0 || u == 0 {
            2
        } else {
            variations(s, u)
        };
        product.saturating_mul(factor)
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::test_chars as chars;
    use super::*;

    // K2: zxcvbn's binomial, including its known values.
    #[test]
    fn k2_n_choose_k() {
        for (n, k, want) in [
            (0, 0, 1),
            (1, 0, 1),
            (5, 0, 1),
            (0, 1, 0),
            (0, 5, 0),
            (2, 1, 2),
        ] {
            assert_eq!(n_choose_k(n, k), want);
        }
        assert_eq!(n_choose_k(4, 2), 6);
        assert_eq!(n_choose_k(33, 7), 4_272_048);
        assert!(n_choose_k(200, 100) > 0, "saturates, no panic");
    }

    // K2: capitals double a word, other mixes count their arrangements.
    #[test]
    fn k2_uppercase_variations() {
        for (token, want) in [
            ("password", 1),
            ("Password", 2),
            ("passworD", 2),
            ("PASSWORD", 2),
            ("PaSsword", 8 + 28),
            ("1234", 1),
        ] {
            assert_eq!(uppercase_variations(&chars(token)), want, "{token}");
        }
    }

    // K2: l33t factors as zxcvbn counts them.
    #[test]
    fn k2_l33t_variations() {
        assert_eq!(l33t_variations(&chars("p4ssword"), &[('4', 'a')]), 2);
        assert_eq!(l33t_variations(&chars("4a4"), &[('4', 'a')]), 3);
        assert_eq!(
            l33t_variations(&chars("p4$$"), &[('4', 'a'), ('$', 's')]),
            4
        );
    }

    // K2: bruteforce costs 10 per character with a floor.
    #[test]
    fn k2_bruteforce_guesses() {
        assert_eq!(bruteforce_guesses(1), 11);
        assert_eq!(bruteforce_guesses(2), 100);
        assert_eq!(bruteforce_guesses(1), 11);
        assert_eq!(bruteforce_guesses(3), 1000);
        assert_eq!(bruteforce_guesses(1000), u64::MAX);
    }
}
