//! Keyboard patterns (K2): runs of neighbouring keys on US QWERTY, Dvorak, the number pads
//! and, for German users, QWERTZ.

use super::pattern::{Keyboard, Match, Pattern, spatial_guesses};

mod keyboards {
    include!("../../../data/meter/keyboards.rs");
}

/// The keys zxcvbn 3.1.1 counts as shifted when a pattern starts on them (US layouts; the
/// crate's list includes `[` and `]`).
const US_SHIFTED: &str = "[~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?]";

type Graph = &'static [(char, [&'static str; 6])];
type Pad = &'static [(char, [&'static str; 8])];

/// The neighbours of a key, in the graph's direction order ("" for none).
fn neighbours(keyboard: Keyboard, key: char) -> &'static [&'static str] {
    fn find<const N: usize>(
        graph: &'static [(char, [&'static str; N])],
        key: char,
    ) -> &'static [&'static str] {
        graph
            .binary_search_by(|(k, _)| k.cmp(&key))
            .ok()
            .and_then(|at| graph.get(at))
            .map_or(&[], |(_, n)| n.as_slice())
    }
    match keyboard {
        Keyboard::Qwerty => find(keyboards::QWERTY as Graph, key),
        Keyboard::Dvorak => find(keyboards::DVORAK as Graph, key),
        Keyboard::Qwertz => find(keyboards::QWERTZ as Graph, key),
        Keyboard::Keypad => find(keyboards::KEYPAD as Pad, key),
        Keyboard::MacKeypad => find(keyboards::MAC_KEYPAD as Pad, key),
    }
}

/// Whether a key is typed with shift when a pattern starts on it.
fn starts_shifted(keyboard: Keyboard, key: char) -> bool {
    match keyboard {
        Keyboard::Qwerty | Keyboard::Dvorak => US_SHIFTED.contains(key),
        // The second character of a key's neighbour entry is its shifted form.
        Keyboard::Qwertz => keyboards::QWERTZ_SHIFTED.contains(key),
        Keyboard::Keypad | Keyboard::MacKeypad => false,
    }
}

/// Runs of three or more neighbouring keys on each keyboard.
pub(crate) fn matches(chars: &[char], keyboards: &[Keyboard], out: &mut Vec<Match>) {
    for &keyboard in keyboards {
        on_keyboard(chars, keyboard, out);
    }
}

fn on_keyboard(chars: &[char], keyboard: Keyboard, out: &mut Vec<Match>) {
    let n = chars.len();
    if n <= 2 {
        return;
    }
    let mut i = 0;
    while i < n - 1 {
        let mut j = i + 1;
        let mut last_direction = None;
        let mut turns = 0;
        let mut shifted = usize::from(
            keyboard.is_keyboard() && chars.get(i).is_some_and(|&c| starts_shifted(keyboard, c)),
        );
        loop {
            let step = match (chars.get(j - 1), chars.get(j)) {
                (Some(&prev), Some(&cur)) => direction(keyboard, prev, cur),
                _ => None,
            };
            if let Some((direction, is_shifted)) = step {
                shifted += usize::from(is_shifted);
                if last_direction != Some(direction) {
                    turns += 1;
                    last_direction = Some(direction);
                }
                j += 1;
                continue;
            }
            if j - i > 2 {
                let pattern = Pattern::Spatial {
                    keyboard,
                    turns,
                    shifted,
                };
                let raw = spatial_guesses(keyboard, turns, shifted, j - i);
                out.push(Match::new(i, j - 1, pattern, raw, n));
            }
            i = j;
            break;
        }
    }
}

/// The direction from `prev` to its neighbour `cur`, and whether `cur` is the shifted
/// character of that key; `None` if they are not neighbours.
fn direction(keyboard: Keyboard, prev: char, cur: char) -> Option<(usize, bool)> {
    neighbours(keyboard, prev)
        .iter()
        .enumerate()
        .find_map(|(d, key)| key.chars().position(|k| k == cur).map(|at| (d, at == 1)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn found(pw: &str, keyboard: Keyboard) -> Vec<Match> {
        let chars: Vec<char> = pw.chars().collect();
        let mut out = Vec::new();
        matches(&chars, &[keyboard], &mut out);
        out
    }

    // K2: straight rows, turns and shifted keys as zxcvbn counts them.
    #[test]
    fn k2_spatial_rows_and_turns() {
        let m = found("qwerty", Keyboard::Qwerty);
        assert_eq!(m.len(), 1);
        assert!(matches!(
            m[0].pattern,
            Pattern::Spatial {
                turns: 1,
                shifted: 0,
                ..
            }
        ));
        let m = found("zxcvfr", Keyboard::Qwerty);
        assert!(
            matches!(m[0].pattern, Pattern::Spatial { turns: 2, .. }),
            "{m:?}"
        );
        let m = found("QWErty", Keyboard::Qwerty);
        assert!(
            matches!(m[0].pattern, Pattern::Spatial { shifted: 3, .. }),
            "{m:?}"
        );
        assert!(found("qw", Keyboard::Qwerty).is_empty());
        assert_eq!(found("7896", Keyboard::Keypad).len(), 1);
    }

    // K2: QWERTZ knows the German rows (`qwertz`, `yxcv`, `ölä`).
    #[test]
    fn k2_qwertz_rows() {
        assert_eq!(found("qwertz", Keyboard::Qwertz)[0].len(), 6);
        assert_eq!(found("yxcvb", Keyboard::Qwertz)[0].len(), 5);
        assert!(
            found("qwertz", Keyboard::Qwerty)
                .iter()
                .all(|m| m.len() < 6)
        );
    }
}
