//! Trivial PINs: the patterns people choose and attackers try first.
//!
//! The checks cover what Cisco Unity Connection / UCM, Skype for Business (Lync) and Webex
//! Calling check for voicemail PINs, and a little more: a digit repeated more than twice in
//! a row, too few distinct digits, ascending or descending runs (with `7890` wrapping),
//! repeated groups (`408408`), straight lines on the phone keypad (`2580`, `159753`), the
//! extension digits or their reverse, a piece of the user's phone number (Webex), the
//! user's name typed on the keypad (T9), and years and dates. Each finding is named; the policy decides whether findings are warnings
//! (seed) or a refusal (`PIN_TRIVIAL`, strict).

use serde::{Deserialize, Serialize};

use crate::lang::localized;
use crate::{E164, Pin, PinPolicy};

/// One reason why a PIN is easy to guess.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass_enum(module = "pbx_rules", skip_stub_type)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum TrivialPinFinding {
    /// The same digit more often in a row than the policy allows (`1112`).
    #[error("the same digit repeats")]
    #[serde(alias = "SameDigitRun")]
    SameDigitRun,
    /// Fewer distinct digits than the policy asks for (`1212`, `9099`).
    #[error("too few different digits")]
    #[serde(alias = "FewDistinctDigits")]
    FewDistinctDigits,
    /// An ascending or descending run (`1234`, `9876`, `7890`).
    #[error("digits in sequence")]
    #[serde(alias = "Sequence")]
    Sequence,
    /// A group of different digits repeated (`408408`, `1212`; not `0000`).
    #[error("a repeated group of digits")]
    #[serde(alias = "RepeatedGroup")]
    RepeatedGroup,
    /// Straight lines on the phone keypad (`2580`, `159753`).
    #[error("a straight line on the keypad")]
    #[serde(alias = "KeypadLine")]
    KeypadLine,
    /// The extension digits or their reverse.
    #[error("the extension number")]
    #[serde(alias = "ExtensionDigits")]
    ExtensionDigits,
    /// Four or more digits of the user's phone number, forwards or reversed.
    #[error("part of the phone number")]
    #[serde(alias = "PhoneNumber")]
    PhoneNumber,
    /// The user's name typed on the keypad (`Schmidt` = `7246438`).
    #[error("the name typed on the keypad")]
    #[serde(alias = "NameOnKeypad")]
    NameOnKeypad,
    /// A year (`1984`, `2024`).
    #[error("a year")]
    #[serde(alias = "Year")]
    Year,
    /// A date (`240384`, `24031984`, `19840324`).
    #[error("a date")]
    #[serde(alias = "Date")]
    Date,
}

localized!(TrivialPinFinding {
    Self::SameDigitRun => "PIN_TRIVIAL_SAME_DIGIT_RUN", "dieselbe Ziffer wiederholt sich";
    Self::FewDistinctDigits => "PIN_TRIVIAL_FEW_DISTINCT_DIGITS", "zu wenige verschiedene Ziffern";
    Self::Sequence => "PIN_TRIVIAL_SEQUENCE", "Ziffern in Reihenfolge";
    Self::RepeatedGroup => "PIN_TRIVIAL_REPEATED_GROUP", "eine wiederholte Zifferngruppe";
    Self::KeypadLine => "PIN_TRIVIAL_KEYPAD_LINE", "eine gerade Linie auf der Tastatur";
    Self::ExtensionDigits => "PIN_TRIVIAL_EXTENSION_DIGITS", "die Durchwahl der Nebenstelle";
    Self::PhoneNumber => "PIN_TRIVIAL_PHONE_NUMBER", "ein Teil der Rufnummer";
    Self::NameOnKeypad => "PIN_TRIVIAL_NAME_ON_KEYPAD", "der Name, auf der Tastatur getippt";
    Self::Year => "PIN_TRIVIAL_YEAR", "eine Jahreszahl";
    Self::Date => "PIN_TRIVIAL_DATE", "ein Datum";
});

/// What the PIN checks may know about the user besides the PIN (P1). It owns its data, so
/// a binding can hand one over as a plain record; [`PinContext::for_extension`] builds it
/// from the master data.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(
    feature = "python",
    pyo3_stub_gen::derive::gen_stub_pyclass,
    pyo3::pyclass(module = "pbx_rules", frozen, get_all, eq, from_py_object)
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PinContext {
    /// The extension digits (`10` of `+49 6131 62468-10`).
    #[serde(default)]
    pub extension_digits: Option<String>,
    /// Names of the user (first name, last name, full name as typed in the master data).
    #[serde(default)]
    pub names: Vec<String>,
    /// The extension's full number (its digits in international and national form count).
    #[serde(default)]
    pub phone_number: Option<E164>,
}

impl PinContext {
    /// Everything the master data tells about the extension's user: its digits, its full
    /// number under the PBX's base number, and the user's name.
    #[cfg(feature = "lifecycle")]
    #[must_use]
    pub fn for_extension(
        pbx: &crate::PbxMasterData,
        extension: &crate::ExtensionMasterData,
    ) -> Self {
        Self {
            extension_digits: Some(extension.digits.as_str().to_owned()),
            names: extension
                .name
                .split_whitespace()
                .chain([extension.name.as_str()])
                .map(str::to_owned)
                .collect(),
            phone_number: pbx.base_number.extension_e164(&extension.digits).ok(),
        }
    }
}

/// Shortest extension digits that count when they appear inside a longer PIN; shorter ones
/// (`10`) only as repeated groups, or nearly every PIN would contain them.
const MIN_EXTENSION_INSIDE: usize = 3;
/// Shortest name (in keys) that counts when it appears inside a PIN.
const MIN_NAME_KEYS: usize = 3;

/// Straight lines on the phone keypad (1 2 3 / 4 5 6 / 7 8 9 / _ 0 _), each also reversed.
const KEYPAD_LINES: [&str; 9] = [
    "123", "456", "789", "147", "2580", "369", "159", "357", "0852",
];

impl Pin {
    /// Every reason why this PIN is easy to guess, in declaration order of
    /// [`TrivialPinFinding`]; empty for a good PIN.
    ///
    /// # Examples
    /// ```
    /// use pbx_rules::{Pin, PinContext, Rules, TrivialPinFinding as F};
    /// let rules = Rules::centrexx();
    /// let pin = Pin::parse("2580", &rules)?;
    /// assert_eq!(pin.trivial_findings(&PinContext::default(), &rules), [F::KeypadLine]);
    /// # Ok::<(), pbx_rules::PinError>(())
    /// ```
    #[must_use]
    pub fn trivial_findings(
        &self,
        ctx: &PinContext,
        rules: &crate::Rules,
    ) -> Vec<TrivialPinFinding> {
        self.findings(ctx, &rules.policy().pin)
    }

    /// [`Pin::trivial_findings`] under the PIN section alone.
    pub(crate) fn findings(&self, ctx: &PinContext, policy: &PinPolicy) -> Vec<TrivialPinFinding> {
        findings(self.expose().as_bytes(), ctx, policy)
    }
}

pub(crate) fn findings(pin: &[u8], ctx: &PinContext, policy: &PinPolicy) -> Vec<TrivialPinFinding> {
    use TrivialPinFinding as F;
    let mut found = Vec::new();
    let checks: [(F, bool); 10] = [
        (
            F::SameDigitRun,
            longest_run(pin, |a, b| a == b) > policy.max_same_digit_run,
        ),
        (
            F::FewDistinctDigits,
            distinct(pin) < policy.min_distinct_digits,
        ),
        (F::Sequence, sequence(pin, policy.sequence_run_len)),
        (F::RepeatedGroup, repeated_group(pin)),
        (F::KeypadLine, keypad_lines(pin)),
        (
            F::ExtensionDigits,
            extension(pin, ctx.extension_digits.as_deref()),
        ),
        (F::PhoneNumber, phone_number(pin, ctx.phone_number.as_ref())),
        (
            F::NameOnKeypad,
            ctx.names.iter().any(|name| name_on_keypad(pin, name)),
        ),
        (F::Year, year(pin, policy)),
        (F::Date, date(pin, policy)),
    ];
    for (finding, hit) in checks {
        if hit {
            found.push(finding);
        }
    }
    found
}

/// The longest stretch of neighbours that satisfy `step`, in digits.
fn longest_run(pin: &[u8], step: impl Fn(u8, u8) -> bool) -> usize {
    let mut best = usize::from(!pin.is_empty());
    let mut current = best;
    for pair in pin.windows(2) {
        current = if step(pair[0], pair[1]) {
            current + 1
        } else {
            1
        };
        best = best.max(current);
    }
    best
}

fn distinct(pin: &[u8]) -> usize {
    let mut seen = [false; 256];
    pin.iter().for_each(|&d| seen[usize::from(d)] = true);
    seen.iter().filter(|&&s| s).count()
}

fn sequence(pin: &[u8], run_len: usize) -> bool {
    let needed = run_len.min(pin.len()).max(2);
    let up = |a: u8, b: u8| (a.wrapping_sub(b'0') + 1) % 10 == b.wrapping_sub(b'0');
    let down = |a: u8, b: u8| up(b, a);
    longest_run(pin, up) >= needed || longest_run(pin, down) >= needed
}

/// A group of two or more digits, not all the same (those are [`TrivialPinFinding::SameDigitRun`]),
/// repeated to fill the PIN.
fn repeated_group(pin: &[u8]) -> bool {
    (2..=pin.len() / 2)
        .filter(|g| pin.len() % g == 0)
        .filter(|&g| distinct(&pin[..g]) > 1)
        .any(|g| pin.chunks(g).all(|c| c == &pin[..g]))
}

/// The PIN is made entirely of straight keypad lines of three or more keys, or contains the
/// four-key column `2580`/`0852`.
fn keypad_lines(pin: &[u8]) -> bool {
    let segments: Vec<Vec<u8>> = KEYPAD_LINES
        .iter()
        .flat_map(|line| {
            let forward = line.as_bytes().to_vec();
            let mut backward = forward.clone();
            backward.reverse();
            [forward, backward]
        })
        .flat_map(|line| {
            let n = line.len();
            (0..n)
                .flat_map(move |i| (i + 3..=n).map(move |j| (i, j)))
                .map(move |(i, j)| line[i..j].to_vec())
                .collect::<Vec<_>>()
        })
        .collect();
    if segments.iter().any(|s| s.len() >= 4 && contains(pin, s)) {
        return true;
    }
    // reachable[i]: pin[..i] splits into keypad line segments.
    let mut reachable = vec![false; pin.len() + 1];
    reachable[0] = true;
    for i in 0..pin.len() {
        if reachable[i] {
            for s in &segments {
                if pin[i..].starts_with(s) {
                    reachable[i + s.len()] = true;
                }
            }
        }
    }
    reachable[pin.len()]
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn extension(pin: &[u8], digits: Option<&str>) -> bool {
    let Some(ext) = digits.map(str::as_bytes).filter(|e| !e.is_empty()) else {
        return false;
    };
    let reversed: Vec<u8> = ext.iter().rev().copied().collect();
    [ext, &reversed[..]].iter().any(|e| {
        pin == *e
            || (e.len() >= MIN_EXTENSION_INSIDE && contains(pin, e))
            || (pin.len() % e.len() == 0 && pin.chunks(e.len()).all(|c| c == *e))
    })
}

/// Shortest piece of the phone number that counts (every PIN is at least this long under
/// the seed's policy, and shorter pieces of a long number would match too much).
const MIN_PHONE_PIECE: usize = 4;

/// The PIN appears in the phone number's digits, international (`4961316246810`) or
/// national (`061316246810`, for any country code length), forwards or reversed.
fn phone_number(pin: &[u8], number: Option<&E164>) -> bool {
    let Some(number) = number else {
        return false;
    };
    if pin.len() < MIN_PHONE_PIECE {
        return false;
    }
    let digits = number.digits().as_bytes();
    let mut forms = vec![digits.to_vec()];
    for cc in 1..=3 {
        if let Some(rest) = digits.get(cc..) {
            forms.push([b"0".as_slice(), rest].concat());
        }
    }
    forms.iter().any(|form| {
        let reversed: Vec<u8> = form.iter().rev().copied().collect();
        contains(form, pin) || contains(&reversed, pin)
    })
}

/// The key of a letter on a phone keypad (ITU E.161), umlauts by their base letter.
fn keypad_digit(c: char) -> Option<u8> {
    let c = match c.to_lowercase().next()? {
        'ä' | 'à' | 'á' | 'â' => 'a',
        'ö' | 'ò' | 'ó' | 'ô' => 'o',
        'ü' | 'ù' | 'ú' | 'û' => 'u',
        'é' | 'è' | 'ê' => 'e',
        'ß' => 's',
        other => other,
    };
    let key = match c {
        'a'..='c' => b'2',
        'd'..='f' => b'3',
        'g'..='i' => b'4',
        'j'..='l' => b'5',
        'm'..='o' => b'6',
        'p'..='s' => b'7',
        't'..='v' => b'8',
        'w'..='z' => b'9',
        _ => return None,
    };
    Some(key)
}

fn name_on_keypad(pin: &[u8], name: &str) -> bool {
    let words = name
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    let whole: String = name.chars().filter(|c| c.is_alphabetic()).collect();
    words.chain(std::iter::once(whole.as_str())).any(|word| {
        let keys: Vec<u8> = word.chars().filter_map(keypad_digit).collect();
        keys.len() >= MIN_NAME_KEYS && (contains(pin, &keys) || keys.starts_with(pin))
    })
}

fn number(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |n, d| n * 10 + u32::from(d.wrapping_sub(b'0') % 10))
}

fn year(pin: &[u8], policy: &PinPolicy) -> bool {
    pin.len() == 4
        && (crate::policy::unsigned(policy.year_min)..=crate::policy::unsigned(policy.year_max))
            .contains(&number(pin))
}

fn day_month(day: &[u8], month: &[u8]) -> bool {
    (1..=31).contains(&number(day)) && (1..=12).contains(&number(month))
}

/// `DDMMYY`, `DDMMYYYY` (German order) and `YYYYMMDD`.
fn date(pin: &[u8], policy: &PinPolicy) -> bool {
    let full_year = |y: &[u8]| {
        (crate::policy::unsigned(policy.year_min)..=crate::policy::unsigned(policy.year_max))
            .contains(&number(y))
    };
    match pin.len() {
        6 => day_month(&pin[..2], &pin[2..4]),
        8 => {
            (day_month(&pin[..2], &pin[2..4]) && full_year(&pin[4..]))
                || (full_year(&pin[..4]) && day_month(&pin[6..], &pin[4..6]))
        }
        _ => false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use TrivialPinFinding as F;

    fn check(pin: &str, ctx: &PinContext) -> Vec<F> {
        let policy = PinPolicy::centrexx();
        Pin::parse_with(pin, &policy)
            .unwrap()
            .findings(ctx, &policy)
    }

    fn none() -> PinContext {
        PinContext::default()
    }

    #[test]
    fn same_digit_and_distinct() {
        assert_eq!(
            check("1112", &none()),
            [F::SameDigitRun, F::FewDistinctDigits]
        );
        assert!(check("0000", &none()).contains(&F::SameDigitRun));
        assert_eq!(check("9099", &none()), [F::FewDistinctDigits]);
        assert!(!check("110220", &none()).contains(&F::SameDigitRun));
    }

    #[test]
    fn sequences_up_down_and_wrapping() {
        for pin in ["1234", "4321", "7890", "0987", "9012", "551234", "3456789"] {
            assert!(check(pin, &none()).contains(&F::Sequence), "{pin}");
        }
        for pin in ["1357", "1243", "8642"] {
            assert!(!check(pin, &none()).contains(&F::Sequence), "{pin}");
        }
    }

    #[test]
    fn repeated_groups() {
        assert_eq!(check("408408", &none()), [F::RepeatedGroup]);
        assert!(check("1212", &none()).contains(&F::RepeatedGroup));
        assert!(check("123123123", &none()).contains(&F::RepeatedGroup));
        assert!(!check("4084080", &none()).contains(&F::RepeatedGroup));
    }

    #[test]
    fn keypad_lines_found() {
        for pin in ["2580", "0852", "159753", "147258369", "753951", "125808"] {
            assert!(check(pin, &none()).contains(&F::KeypadLine), "{pin}");
        }
        for pin in ["1593", "1470", "4713"] {
            assert!(!check(pin, &none()).contains(&F::KeypadLine), "{pin}");
        }
    }

    #[test]
    fn extension_digits_and_reverse() {
        let ctx = PinContext {
            extension_digits: Some("4711".into()),
            ..PinContext::default()
        };
        assert!(check("4711", &ctx).contains(&F::ExtensionDigits));
        assert!(check("1174", &ctx).contains(&F::ExtensionDigits));
        assert!(check("904711", &ctx).contains(&F::ExtensionDigits));
        assert!(!check("4713", &ctx).contains(&F::ExtensionDigits));
        let short = PinContext {
            extension_digits: Some("10".into()),
            ..PinContext::default()
        };
        assert!(check("1010", &short).contains(&F::ExtensionDigits));
        assert!(!check("3105", &short).contains(&F::ExtensionDigits));
    }

    #[test]
    fn name_typed_on_the_keypad() {
        let ctx = PinContext {
            names: vec!["Jürgen Schmidt".into()],
            ..PinContext::default()
        };
        // S-c-h-m-i-d-t = 7 2 4 6 4 3 8; J-ü-r-g-e-n = 5 8 7 4 3 6
        assert!(check("7246438", &ctx).contains(&F::NameOnKeypad));
        assert!(check("7246", &ctx).contains(&F::NameOnKeypad));
        assert!(check("587436", &ctx).contains(&F::NameOnKeypad));
        assert!(!check("7264", &ctx).contains(&F::NameOnKeypad));
    }

    #[test]
    fn phone_number_pieces() {
        let number = E164::parse("+4961316246810").unwrap();
        let ctx = PinContext {
            phone_number: Some(number),
            ..PinContext::default()
        };
        for pin in ["6246", "06131", "624681", "18642"] {
            assert!(check(pin, &ctx).contains(&F::PhoneNumber), "{pin}");
        }
        for pin in ["4713", "0815"] {
            assert!(!check(pin, &ctx).contains(&F::PhoneNumber), "{pin}");
        }
    }

    #[test]
    fn years_and_dates() {
        assert_eq!(check("1984", &none()), [F::Year]);
        assert!(check("2024", &none()).contains(&F::Year));
        assert!(!check("1899", &none()).contains(&F::Year));
        assert!(check("240384", &none()).contains(&F::Date));
        assert!(check("24031984", &none()).contains(&F::Date));
        assert!(check("19840324", &none()).contains(&F::Date));
        assert!(!check("991384", &none()).contains(&F::Date));
    }

    #[test]
    fn good_pins_have_no_findings() {
        for pin in ["4713", "8146", "583029", "5092743"] {
            assert_eq!(check(pin, &none()), [], "{pin}");
        }
    }
}
