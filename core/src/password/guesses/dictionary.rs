//! Dictionary matching (K2, K4): every substring that is a word of a list or a caller's
//! input, forwards, backwards and with l33t substitutions undone, as zxcvbn does it.

use super::pattern::{Match, Pattern, WordList, l33t_variations, uppercase_variations};
use super::words::{Entry, Lookup, WordFile};

/// The lower-cased text with where each character starts, so a substring of characters
/// is a byte slice for the word lists.
pub(crate) struct Lowered {
    text: String,
    starts: Vec<usize>,
}

impl Lowered {
    pub(crate) fn new(chars: impl Iterator<Item = char>) -> Self {
        let mut text = String::new();
        let mut starts = Vec::new();
        for c in chars {
            starts.push(text.len());
            text.extend(c.to_lowercase());
        }
        starts.push(text.len());
        Self { text, starts }
    }

    fn slice(&self, i: usize, j: usize) -> &[u8] {
        let (Some(&from), Some(&to)) = (self.starts.get(i), self.starts.get(j + 1)) else {
            return &[];
        };
        self.text.as_bytes().get(from..to).unwrap_or_default()
    }

    fn chars(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }
}

impl Drop for Lowered {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.text);
    }
}

/// Where words are looked up: the word files and the caller's inputs (lower case, ranked
/// by position as zxcvbn ranks its `user_inputs`).
pub(crate) struct Sources<'a> {
    pub(crate) english: Option<&'a WordFile>,
    pub(crate) german: Option<&'a WordFile>,
    pub(crate) inputs: &'a [String],
}

impl Sources<'_> {
    /// Calls `found(j, entry, list)` for every word that is the substring `i..=j`.
    fn words_from(&self, text: &Lowered, i: usize, found: &mut impl FnMut(usize, Entry, WordList)) {
        for (file, wrap) in [
            (self.english, WordList::English as fn(u8) -> WordList),
            (self.german, WordList::German as fn(u8) -> WordList),
        ] {
            let Some(file) = file else { continue };
            let mut hint = None;
            for j in i..text.chars() {
                let (Lookup { entry, longer }, next) = file.lookup_from(text.slice(i, j), hint);
                hint = next;
                if let Some(entry) = entry {
                    found(j, entry, wrap(entry.list));
                }
                if !longer {
                    break;
                }
            }
        }
        self.inputs_from(text, i, found);
    }

    /// Every source's entry for `key`, and whether any source has a longer word
    /// starting with it.
    /// `hints` carry each file's search position from the key's prefix to the key.
    fn lookup_all(
        &self,
        key: &[u8],
        hints: &mut [Option<usize>; 2],
        found: &mut Vec<(Entry, WordList)>,
    ) -> bool {
        let mut longer = false;
        for ((file, wrap), hint) in [
            (self.english, WordList::English as fn(u8) -> WordList),
            (self.german, WordList::German as fn(u8) -> WordList),
        ]
        .into_iter()
        .zip(hints.iter_mut())
        {
            let Some(file) = file else { continue };
            let (lookup, next) = file.lookup_from(key, *hint);
            *hint = next;
            if let Some(entry) = lookup.entry {
                found.push((entry, wrap(entry.list)));
            }
            longer |= lookup.longer;
        }
        for (n, input) in self.inputs.iter().enumerate() {
            let word = input.as_bytes();
            if word == key && !self.inputs[n + 1..].contains(input) {
                let rank = u32::try_from(n + 1).unwrap_or(u32::MAX);
                found.push((Entry { rank, list: 0 }, WordList::UserInput));
            }
            longer |= word.len() > key.len() && word.starts_with(key);
        }
        longer
    }

    fn inputs_from(
        &self,
        text: &Lowered,
        i: usize,
        found: &mut impl FnMut(usize, Entry, WordList),
    ) {
        let Some(&from) = text.starts.get(i) else {
            return;
        };
        let rest = text.text.as_bytes().get(from..).unwrap_or_default();
        // A repeated input keeps the rank of its last copy, as in zxcvbn's map.
        for (n, input) in self.inputs.iter().enumerate() {
            let word = input.as_bytes();
            if word.is_empty() || !rest.starts_with(word) || self.inputs[n + 1..].contains(input) {
                continue;
            }
            if let Ok(end) = text.starts.binary_search(&(from + word.len())) {
                let rank = u32::try_from(n + 1).unwrap_or(u32::MAX);
                found(end - 1, Entry { rank, list: 0 }, WordList::UserInput);
            }
        }
    }
}

/// Words read forwards.
pub(crate) fn forwards(chars: &[char], sources: &Sources<'_>, out: &mut Vec<Match>) {
    let lowered = Lowered::new(chars.iter().copied());
    for i in 0..chars.len() {
        sources.words_from(&lowered, i, &mut |j, entry, list| {
            out.push(word_match(chars, i, j, entry.rank, list, false, &[]));
        });
    }
}

/// Words read backwards (`drowssap`).
pub(crate) fn reversed(chars: &[char], sources: &Sources<'_>, out: &mut Vec<Match>) {
    let n = chars.len();
    let backwards: Vec<char> = chars.iter().rev().copied().collect();
    let lowered = Lowered::new(backwards.iter().copied());
    for i in 0..n {
        sources.words_from(&lowered, i, &mut |j, entry, list| {
            let (from, to) = (n - 1 - j, n - 1 - i);
            out.push(word_match(chars, from, to, entry.rank, list, true, &[]));
        });
    }
}

fn word_match(
    chars: &[char],
    i: usize,
    j: usize,
    rank: u32,
    list: WordList,
    reversed: bool,
    subs: &[(char, char)],
) -> Match {
    let token = chars.get(i..=j).unwrap_or_default();
    let l33t = !subs.is_empty();
    let raw = u64::from(rank)
        .saturating_mul(uppercase_variations(token))
        .saturating_mul(if l33t {
            l33t_variations(token, subs)
        } else {
            1
        })
        .saturating_mul(if reversed { 2 } else { 1 });
    let pattern = Pattern::Dictionary {
        rank,
        list,
        reversed,
        l33t,
    };
    Match::new(i, j, pattern, raw, chars.len())
}

/// zxcvbn's l33t table: each letter and the characters typed for it.
const L33T_TABLE: [(char, &str); 12] = [
    ('a', "4@"),
    ('b', "8"),
    ('c', "({[<"),
    ('e', "3"),
    ('g', "69"),
    ('i', "1!|"),
    ('l', "1|7"),
    ('o', "0"),
    ('s', "$5"),
    ('t', "+7"),
    ('x', "%"),
    ('z', "2"),
];

/// A substitution: l33t character → letter (each letter from one character at most).
type Sub = Vec<(char, char)>;

/// zxcvbn's enumeration of substitutions for the l33t characters in the password: letter
/// by letter, each of its characters either extends a substitution or, when an earlier
/// letter already took that character, gives both the old and the re-assigned one.
fn substitutions(chars: &[char]) -> Vec<Sub> {
    let mut subs: Vec<Sub> = vec![Vec::new()];
    for (letter, table) in L33T_TABLE {
        let present: Vec<char> = table.chars().filter(|c| chars.contains(c)).collect();
        if present.is_empty() {
            continue;
        }
        let mut next = Vec::new();
        for &l33t in &present {
            for sub in &subs {
                if let Some(at) = sub.iter().position(|&(c, _)| c == l33t) {
                    let mut moved = sub.clone();
                    moved.remove(at);
                    moved.push((l33t, letter));
                    next.push(sub.clone());
                    next.push(moved);
                } else {
                    let mut longer = sub.clone();
                    longer.push((l33t, letter));
                    next.push(longer);
                }
            }
        }
        for sub in &mut next {
            sub.sort_unstable();
        }
        next.sort_unstable();
        next.dedup();
        subs = next;
    }
    subs.retain(|s| !s.is_empty());
    subs
}

/// The l33t characters of [`L33T_TABLE`], each with an index into a [`Table`].
const L33T_CHARS: [char; 20] = [
    '4', '@', '8', '(', '{', '[', '<', '3', '6', '9', '1', '!', '|', '7', '0', '$', '5', '+', '%',
    '2',
];

/// A substitution as a table: per l33t character, its letter or `None`.
type Table = [Option<char>; 20];

fn l33t_index(c: char) -> Option<usize> {
    L33T_CHARS.iter().position(|&l| l == c)
}

fn as_table(sub: &Sub) -> Table {
    let mut table = [None; 20];
    for &(l33t, letter) in sub {
        if let Some(slot) = l33t_index(l33t).and_then(|x| table.get_mut(x)) {
            *slot = Some(letter);
        }
    }
    table
}

/// A set of substitutions, one bit each.
type Set = Vec<u64>;

/// Candidates that start at one position and agree so far: the substitutions that read
/// the characters so far the same way, what they read, and where each file's search was.
struct Group {
    subs: Set,
    key: Vec<u8>,
    hints: [Option<usize>; 2],
}

/// The substitutions as tables, and per l33t character how they read it: each reading
/// with the set of substitutions that read it so.
struct Readings {
    tables: Vec<Table>,
    by_char: Vec<Vec<(char, Set)>>,
}

impl Readings {
    fn new(subs: &[Sub]) -> Self {
        let tables: Vec<Table> = subs.iter().map(as_table).collect();
        let words = tables.len().div_ceil(64);
        let by_char = L33T_CHARS
            .iter()
            .enumerate()
            .map(|(x, &c)| {
                let mut readings: Vec<(char, Set)> = Vec::new();
                for (id, table) in tables.iter().enumerate() {
                    let read = table[x].unwrap_or(c);
                    let at = match readings.iter().position(|(r, _)| *r == read) {
                        Some(at) => at,
                        None => {
                            readings.push((read, vec![0; words]));
                            readings.len() - 1
                        }
                    };
                    if let Some(word) = readings.get_mut(at).and_then(|(_, s)| s.get_mut(id / 64)) {
                        *word |= 1 << (id % 64);
                    }
                }
                readings
            })
            .collect();
        Self { tables, by_char }
    }

    fn all(&self) -> Set {
        let mut set = vec![u64::MAX; self.tables.len().div_ceil(64)];
        if let Some(last) = set.last_mut() {
            let spare = self.tables.len() % 64;
            if spare != 0 {
                *last = (1 << spare) - 1;
            }
        }
        set
    }

    /// The table of some substitution in the set.
    fn first(&self, set: &Set) -> Option<&Table> {
        let (word, bits) = set.iter().enumerate().find(|(_, b)| **b != 0)?;
        self.tables.get(word * 64 + bits.trailing_zeros() as usize)
    }
}

/// Words with l33t substitutions undone (`p4$$w0rd`), only where the word needed one.
///
/// zxcvbn translates the whole password once per substitution and matches each
/// translation; with many l33t characters that is hundreds of passes (736 for all twenty
/// l33t characters). The matches are the same if, from each start, the substitutions are
/// grouped by how they read the characters so far: each distinct reading is looked up
/// once, and a reading no word starts with is dropped with all its substitutions. Groups
/// are bit sets, split by one AND per reading.
pub(crate) fn l33t(chars: &[char], sources: &Sources<'_>, out: &mut Vec<Match>) {
    let subs = substitutions(chars);
    if subs.is_empty() {
        return;
    }
    let readings = Readings::new(&subs);
    let mut found = Vec::new();
    for i in 0..chars.len() {
        let mut groups = vec![Group {
            subs: readings.all(),
            key: Vec::new(),
            hints: [None; 2],
        }];
        for (j, &c) in chars.iter().enumerate().skip(i) {
            let mut next = Vec::new();
            for group in groups {
                for mut split in extend(group, c, &readings) {
                    found.clear();
                    let longer = sources.lookup_all(&split.key, &mut split.hints, &mut found);
                    let used = used_subs(chars.get(i..=j).unwrap_or_default(), &readings, &split);
                    if !used.is_empty() {
                        for &(entry, list) in &found {
                            out.push(word_match(chars, i, j, entry.rank, list, false, &used));
                        }
                    }
                    if longer {
                        next.push(split);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            groups = next;
        }
    }
}

/// The group read one character further, split by how its substitutions read it.
fn extend(group: Group, c: char, readings: &Readings) -> Vec<Group> {
    let mut buf = [0_u8; 4];
    let Some(by_reading) = l33t_index(c).and_then(|x| readings.by_char.get(x)) else {
        let mut key = group.key;
        for lower in c.to_lowercase() {
            key.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
        }
        return vec![Group { key, ..group }];
    };
    let mut splits = Vec::new();
    for (read, set) in by_reading {
        let subs: Set = group.subs.iter().zip(set).map(|(a, b)| a & b).collect();
        if subs.iter().any(|&w| w != 0) {
            let mut key = group.key.clone();
            key.extend_from_slice(read.encode_utf8(&mut buf).as_bytes());
            splits.push(Group {
                subs,
                key,
                hints: group.hints,
            });
        }
    }
    splits
}

/// The substitutions the group applied inside the token.
fn used_subs(token: &[char], readings: &Readings, group: &Group) -> Sub {
    let Some(table) = readings.first(&group.subs) else {
        return Vec::new();
    };
    let mut used: Sub = Vec::new();
    for &c in token {
        if let Some(letter) = l33t_index(c).and_then(|x| table[x]) {
            if !used.contains(&(c, letter)) {
                used.push((c, letter));
            }
        }
    }
    used
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::test_chars as chars;
    use super::*;

    // K2: zxcvbn's enumeration gives each letter one of its characters at a time.
    #[test]
    fn k2_substitutions_follow_zxcvbn() {
        let subs = substitutions(&chars("1!"));
        assert_eq!(subs.len(), 3, "{subs:?}");
        assert!(subs.contains(&vec![('1', 'i')]));
        assert!(subs.contains(&vec![('1', 'l')]));
        assert!(subs.contains(&vec![('!', 'i'), ('1', 'l')]));
        assert!(substitutions(&chars("password")).is_empty());
        assert_eq!(
            substitutions(&chars("p4$$")),
            vec![vec![('$', 's'), ('4', 'a')]]
        );
    }

    // K2, K4: words forwards, backwards, with l33t, and the caller's inputs.
    #[test]
    fn k2_dictionary_matches() {
        let en = super::super::words::english().unwrap();
        let inputs = vec!["kuemmerle".to_owned()];
        let sources = Sources {
            english: Some(&en),
            german: None,
            inputs: &inputs,
        };
        let mut out = Vec::new();
        forwards(&chars("Motherboard"), &sources, &mut out);
        for (i, j) in [(0, 5), (0, 10), (6, 10)] {
            assert!(out.iter().any(|m| m.i == i && m.j == j), "{i}..{j}");
        }
        out.clear();
        reversed(&chars("drowssap"), &sources, &mut out);
        assert!(out.iter().any(|m| m.i == 0 && m.j == 7 && m.guesses == 4));
        out.clear();
        l33t(&chars("p4ssw0rd"), &sources, &mut out);
        assert!(out.iter().any(|m| m.i == 0 && m.j == 7));
        out.clear();
        forwards(&chars("xKuemmerle!"), &sources, &mut out);
        assert!(out.iter().any(|m| m.i == 1
            && m.j == 9
            && matches!(
                m.pattern,
                Pattern::Dictionary {
                    list: WordList::UserInput,
                    rank: 1,
                    ..
                }
            )));
    }
}
