//! Repeats (K2): `aaaa`, `abcabcabc`, `Schalke04Schalke04`. The base is rated on its own
//! and the repeat costs its guesses times the count, as zxcvbn does it.
//!
//! zxcvbn finds repeats with the regexes `(.+)\1+` (greedy) and `(.+?)\1+` (lazy); this
//! module computes the same matches directly: at the leftmost position where some base
//! repeats, the greedy match takes the longest base, the lazy match the shortest, each with
//! as many repetitions as follow. Like a regex `.`, no base spans a line feed.

use super::pattern::{Match, Pattern};

/// Whether `chars[at..at + len]` repeats right after itself.
fn repeats_at(chars: &[char], at: usize, len: usize) -> bool {
    match (chars.get(at..at + len), chars.get(at + len..at + 2 * len)) {
        (Some(a), Some(b)) => a == b && !a.contains(&'\n'),
        _ => false,
    }
}

/// How many times the base `chars[at..at + len]` occurs back to back from `at`.
fn count_at(chars: &[char], at: usize, len: usize) -> usize {
    let base = chars.get(at..at + len);
    let mut count = 1;
    while base.is_some() && chars.get(at + count * len..at + (count + 1) * len) == base {
        count += 1;
    }
    count
}

/// The shortest base that the whole of `token` repeats (the anchored lazy regex).
fn shortest_period(token: &[char]) -> usize {
    let n = token.len();
    (1..=n / 2)
        .find(|&p| {
            n % p == 0
                && token
                    .chunks(p)
                    .all(|c| c == token.get(..p).unwrap_or_default())
        })
        .unwrap_or(n)
}

/// The next repeat in `chars` from `from`: (start, base length, repetitions).
fn next_repeat(chars: &[char], from: usize) -> Option<(usize, usize, usize)> {
    let n = chars.len();
    for start in from..n {
        let lengths = 1..=(n - start) / 2;
        let Some(lazy) = lengths.clone().find(|&len| repeats_at(chars, start, len)) else {
            continue;
        };
        let greedy = lengths
            .rev()
            .find(|&len| repeats_at(chars, start, len))
            .unwrap_or(lazy);
        let lazy_count = count_at(chars, start, lazy);
        let greedy_count = count_at(chars, start, greedy);
        if greedy * greedy_count > lazy * lazy_count {
            let whole = chars
                .get(start..start + greedy * greedy_count)
                .unwrap_or_default();
            let base = shortest_period(whole);
            return Some((start, base, greedy * greedy_count / base));
        }
        return Some((start, lazy, lazy_count));
    }
    None
}

/// Every repeat, left to right without overlap; `rate` rates a base on its own.
pub(crate) fn matches(chars: &[char], rate: &mut dyn FnMut(&[char]) -> u64, out: &mut Vec<Match>) {
    let mut from = 0;
    while let Some((start, base, count)) = next_repeat(chars, from) {
        let base_token = chars.get(start..start + base).unwrap_or_default();
        let base_guesses = rate(base_token);
        let pattern = Pattern::Repeat {
            base_chars: base,
            base_guesses,
            count,
        };
        let raw = base_guesses.saturating_mul(count as u64);
        let end = start + base * count - 1;
        out.push(Match::new(start, end, pattern, raw, chars.len()));
        from = end + 1;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn repeats(s: &str) -> Vec<(usize, usize, usize)> {
        let chars: Vec<char> = s.chars().collect();
        let mut from = 0;
        let mut out = Vec::new();
        while let Some(r) = next_repeat(&chars, from) {
            from = r.0 + r.1 * r.2;
            out.push(r);
        }
        out
    }

    // K2: greedy beats lazy for `aabaab`, lazy beats greedy for `aaaaa`, and a greedy base
    // that repeats itself is cut to its shortest period.
    #[test]
    fn k2_repeats_as_zxcvbn_finds_them() {
        assert_eq!(repeats("aabaab"), vec![(0, 3, 2)]);
        assert_eq!(repeats("aaaaa"), vec![(0, 1, 5)]);
        assert_eq!(repeats("aabaabaabaab"), vec![(0, 3, 4)]);
        assert_eq!(repeats("xabcabc!!!"), vec![(1, 3, 2), (7, 1, 3)]);
        assert_eq!(repeats("abc"), vec![]);
        assert_eq!(repeats("a\na\n"), vec![]);
    }
}
