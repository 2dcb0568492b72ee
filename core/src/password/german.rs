//! German words for the meter (K2), because zxcvbn knows English only.
//!
//! The data is `core/data/german/words.txt`, extracted from `@zxcvbn-ts/language-de` 3.0.2
//! (MIT) by `core/data/german/extract.py`: the common-words list (from subtitles), first
//! names and last names, each in rank order, words under four characters dropped, and
//! ASCII spellings of umlauts added (`schoen` beside `schön`).
//!
//! The meter lower-cases and leet-folds the password, finds every list word inside it with
//! one Aho-Corasick pass, and hands the found words, best rank first, to zxcvbn as user
//! inputs. zxcvbn then scores those words itself, with its own l33t, capitalisation and
//! reversal rules, so `Passw0rt1` costs what `password1` costs in English. The price is
//! that a found word is ranked by its position among the found words, which is stricter
//! than its rank in German; for a meter that errs on the weak side that is the safe way.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

static DATA: &str = include_str!("../../data/german/words.txt");

/// Most German words handed to zxcvbn per password (the best-ranked ones).
const MAX_WORDS: usize = 12;

struct German {
    automaton: AhoCorasick,
    /// Per pattern: rank within its list (1 = most common).
    ranks: Vec<u32>,
    words: Vec<&'static str>,
}

static GERMAN: LazyLock<Option<German>> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut ranks = Vec::new();
    let mut rank = 0_u32;
    for line in DATA.lines() {
        if line.starts_with("# list") {
            rank = 0;
        } else if !line.starts_with('#') && !line.is_empty() {
            rank += 1;
            words.push(line);
            ranks.push(rank);
        }
    }
    let automaton = AhoCorasick::new(&words).ok()?;
    Some(German {
        automaton,
        ranks,
        words,
    })
});

/// Lower case with the usual digit and symbol substitutions undone (`P@ssw0rt` → `passwort`).
fn fold(password: &str, one_as: char) -> zeroize::Zeroizing<String> {
    let folded: String = password
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '4' | '@' => 'a',
            '3' => 'e',
            '1' => one_as,
            '!' | '|' => 'i',
            '0' => 'o',
            '$' | '5' => 's',
            '7' | '+' => 't',
            other => other,
        })
        .collect();
    zeroize::Zeroizing::new(folded)
}

/// The German list words inside the password, best rank first, at most [`MAX_WORDS`].
pub(crate) fn words_in(password: &str) -> Vec<&'static str> {
    let Some(german) = GERMAN.as_ref() else {
        return Vec::new();
    };
    let mut found: Vec<(u32, usize)> = Vec::new();
    let mut scan = |text: &str| {
        for m in german.automaton.find_overlapping_iter(text) {
            let id = m.pattern().as_usize();
            found.push((german.ranks.get(id).copied().unwrap_or(u32::MAX), id));
        }
    };
    scan(&fold(password, 'i'));
    if password.contains('1') {
        scan(&fold(password, 'l'));
    }
    found.sort_unstable();
    found.dedup_by_key(|(_, id)| *id);
    found
        .into_iter()
        .filter_map(|(_, id)| german.words.get(id).copied())
        .take(MAX_WORDS)
        .collect()
}

/// Whether the data loaded (used by the tests).
#[cfg(test)]
pub(crate) fn loaded_words() -> usize {
    GERMAN.as_ref().map_or(0, |g| g.words.len())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn k2_german_data_is_there() {
        assert!(loaded_words() > 15_000);
    }

    #[test]
    fn k2_finds_folded_words() {
        assert!(words_in("Passw0rt1").contains(&"passwort"));
        assert!(words_in("H4ll0Welt").contains(&"hallo"));
        assert!(words_in("SOMMER2024").contains(&"sommer"));
        assert!(words_in("schoenerTag").contains(&"schoen"));
        assert!(words_in("xq7#vT9k").is_empty());
        assert!(words_in("").is_empty());
    }
}
