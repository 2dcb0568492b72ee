//! Years and dates (K2): `1987`, `13.05.87`, `130587`, as zxcvbn reads them.

use super::pattern::{Match, Pattern, date_guesses, year_guesses};

const MIN_YEAR: u16 = 1000;
const MAX_YEAR: u16 = 2050;

/// Recent years: `19xx` and `20xx`, left to right without overlap (zxcvbn's only regex).
pub(crate) fn years(chars: &[char], reference_year: i32, out: &mut Vec<Match>) {
    let mut i = 0;
    while i + 4 <= chars.len() {
        let four = &chars[i..i + 4];
        let century = matches!(four, ['1', '9', ..] | ['2', '0', ..]);
        if century && four[2].is_ascii_digit() && four[3].is_ascii_digit() {
            let year = i32::from(number(four).unwrap_or(0));
            let raw = year_guesses(year, reference_year);
            out.push(Match::new(
                i,
                i + 3,
                Pattern::Year { year },
                raw,
                chars.len(),
            ));
            i += 4;
        } else {
            i += 1;
        }
    }
}

/// The value of up to four ASCII digits.
fn number(digits: &[char]) -> Option<u16> {
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    digits.iter().try_fold(0_u16, |n, c| {
        Some(n * 10 + u16::try_from(c.to_digit(10)?).ok()?)
    })
}

/// Where a run of 4–8 digits may be cut into three numbers (zxcvbn's `DATE_SPLITS`).
fn splits(len: usize) -> &'static [(usize, usize)] {
    match len {
        4 => &[(1, 2), (2, 3)],
        5 => &[(1, 3), (2, 3)],
        6 => &[(1, 2), (2, 4), (4, 5)],
        7 => &[(1, 3), (2, 3), (4, 5), (4, 6)],
        8 => &[(2, 4), (4, 6)],
        _ => &[],
    }
}

/// Every date in the password, minus those inside a longer one.
pub(crate) fn dates(chars: &[char], reference_year: i32, out: &mut Vec<Match>) {
    let mut found: Vec<(usize, usize, i32, bool)> = Vec::new();
    let n = chars.len();
    for i in 0..n {
        for j in i + 3..(i + 8).min(n) {
            if let Some(year) = without_separator(&chars[i..=j], reference_year) {
                found.push((i, j, year, false));
            }
        }
        for j in i + 5..(i + 10).min(n) {
            if let Some(year) = with_separator(&chars[i..=j]) {
                found.push((i, j, year, true));
            }
        }
    }
    for &(i, j, year, separator) in &found {
        let inside = found
            .iter()
            .any(|&(a, b, ..)| (a, b) != (i, j) && a <= i && b >= j);
        if !inside {
            let raw = date_guesses(year, reference_year, separator);
            out.push(Match::new(i, j, Pattern::Date { year, separator }, raw, n));
        }
    }
}

/// `1191` … `11111991`: the reading whose year is closest to the reference year.
fn without_separator(token: &[char], reference_year: i32) -> Option<i32> {
    if !token.iter().all(char::is_ascii_digit) {
        return None;
    }
    let mut best: Option<i32> = None;
    for &(k, l) in splits(token.len()) {
        let ymd = year_month_day(
            number(&token[..k])?,
            number(&token[k..l])?,
            number(&token[l..])?,
        );
        if let Some(year) = ymd {
            let closer =
                best.is_none_or(|b| (year - reference_year).abs() < (b - reference_year).abs());
            if closer {
                best = Some(year);
            }
        }
    }
    best
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '/' | '\\' | '_' | '.' | '-')
}

/// `1/1/91` … `11/11/1991`: digits, one separator, digits, the same separator, digits.
fn with_separator(token: &[char]) -> Option<i32> {
    let first_end = token.iter().position(|c| !c.is_ascii_digit())?;
    let sep = *token.get(first_end)?;
    let rest = token.get(first_end + 1..)?;
    let second_end = rest.iter().position(|c| !c.is_ascii_digit())?;
    if !is_separator(sep) || rest.get(second_end) != Some(&sep) {
        return None;
    }
    let (a, b, c) = (
        &token[..first_end],
        &rest[..second_end],
        rest.get(second_end + 1..)?,
    );
    let lengths_ok = (1..=4).contains(&a.len())
        && (1..=2).contains(&b.len())
        && (1..=4).contains(&c.len())
        && c.iter().all(char::is_ascii_digit);
    if !lengths_ok {
        return None;
    }
    year_month_day(number(a)?, number(b)?, number(c)?)
}

/// zxcvbn's `map_ints_to_ymd`: the year of a plausible (year, month, day) reading.
fn year_month_day(first: u16, second: u16, third: u16) -> Option<i32> {
    if second > 31 || second == 0 {
        return None;
    }
    let ints = [first, second, third];
    if ints
        .iter()
        .any(|&i| (99 < i && i < MIN_YEAR) || i > MAX_YEAR)
    {
        return None;
    }
    let over_31 = ints.iter().filter(|&&i| i > 31).count();
    let over_12 = ints.iter().filter(|&&i| i > 12).count();
    let zeros = ints.iter().filter(|&&i| i == 0).count();
    if over_31 >= 2 || over_12 == 3 || zeros >= 2 {
        return None;
    }
    let candidates = [(third, first, second), (first, second, third)];
    for (year, a, b) in candidates {
        if (MIN_YEAR..=MAX_YEAR).contains(&year) {
            // A four-digit year whose rest is no day and month is no date.
            return month_day(a, b).map(|()| i32::from(year));
        }
    }
    for (year, a, b) in candidates {
        if month_day(a, b).is_some() {
            let year = match year {
                y if y > 99 => y,
                y if y > 50 => y + 1900,
                y => y + 2000,
            };
            return Some(i32::from(year));
        }
    }
    None
}

fn month_day(a: u16, b: u16) -> Option<()> {
    let ok = |d: u16, m: u16| (1..=31).contains(&d) && (1..=12).contains(&m);
    (ok(a, b) || ok(b, a)).then_some(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn found(pw: &str) -> Vec<(usize, usize, i32, bool)> {
        let chars: Vec<char> = pw.chars().collect();
        let mut out = Vec::new();
        dates(&chars, 2026, &mut out);
        out.iter()
            .map(|m| match m.pattern {
                Pattern::Date { year, separator } => (m.i, m.j, year, separator),
                _ => unreachable!(),
            })
            .collect()
    }

    // K2: dates with and without separators, the reading nearest the reference year.
    #[test]
    fn k2_dates() {
        assert_eq!(found("13.05.1987"), vec![(0, 9, 1987, true)]);
        assert_eq!(found("130587"), vec![(0, 5, 1987, false)]);
        assert_eq!(found("111504"), vec![(0, 5, 2004, false)]);
        assert_eq!(found("1/1/91"), vec![(0, 5, 1991, true)]);
        assert!(found("13.05-1987").iter().all(|d| !d.3), "mixed separators");
        assert_eq!(found("9999"), vec![(0, 3, 1999, false)], "9/9/99");
        assert!(found("0000").is_empty() && found("abcdefgh").is_empty());
    }

    // K2: recent years, not overlapping.
    #[test]
    fn k2_years() {
        let chars: Vec<char> = "x2019201".chars().collect();
        let mut out = Vec::new();
        years(&chars, 2026, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].i, out[0].j, out[0].guesses), (1, 4, 50));
    }
}
