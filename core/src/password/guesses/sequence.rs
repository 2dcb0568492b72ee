//! Sequences (K2): characters with a constant step of at most 5 (`abcd`, `9753`, `ZYX`).

use super::pattern::{Match, Pattern, sequence_guesses};

const MAX_DELTA: i64 = 5;

fn push(chars: &[char], i: usize, j: usize, delta: i64, out: &mut Vec<Match>) {
    let step = delta.abs();
    if (j - i > 1 || step == 1) && (1..=MAX_DELTA).contains(&step) {
        let token = chars.get(i..=j).unwrap_or_default();
        let ascending = delta > 0;
        let raw = sequence_guesses(token, ascending);
        out.push(Match::new(
            i,
            j,
            Pattern::Sequence { ascending },
            raw,
            chars.len(),
        ));
    }
}

/// The runs of equal steps between code points, as zxcvbn splits them.
pub(crate) fn matches(chars: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    if n <= 1 {
        return;
    }
    let mut i = 0;
    let mut last = 0_i64;
    for k in 1..n {
        let delta = i64::from(u32::from(chars[k])) - i64::from(u32::from(chars[k - 1]));
        if last == 0 {
            last = delta;
        }
        if last == delta {
            continue;
        }
        push(chars, i, k - 1, last, out);
        i = k - 1;
        last = delta;
    }
    push(chars, i, n - 1, last, out);
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    // K2: zxcvbn's own example, `abcdb975zy` → abcd, 975, zy.
    #[test]
    fn k2_sequences_split_on_step_changes() {
        let chars: Vec<char> = "abcdb975zy".chars().collect();
        let mut out = Vec::new();
        matches(&chars, &mut out);
        let spans: Vec<(usize, usize)> = out.iter().map(|m| (m.i, m.j)).collect();
        assert_eq!(spans, vec![(0, 3), (5, 7), (8, 9)]);
        assert!(matches!(
            out[1].pattern,
            Pattern::Sequence { ascending: false }
        ));
    }
}
