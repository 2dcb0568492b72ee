//! Dictionary matching (K2, K4): every substring that is a word of a list or a caller's
//! input, forwards, backwards and with l33t substitutions undone, as zxcvbn does it.

use super::pattern::{Match, Pattern, WordList, l33t_variations, uppercase_variations};
use super::words::{Entry, Hint, Lookup, WordFile};
use std::cell::RefCell;
use std::rc::Rc;
use zeroize::Zeroizing;

/// The lower-cased text with where each character starts, so a substring of characters
/// is a byte slice for the word lists.
pub(crate) struct Lowered {
    text: String,
    starts: Vec<usize>,
}

impl Lowered {
    /// Sized exactly before it is filled, so the text never moves (a grown buffer would
    /// leave its old copy behind unwiped, S8).
    pub(crate) fn new(chars: impl Iterator<Item = char> + Clone) -> Self {
        let bytes = chars
            .clone()
            .flat_map(char::to_lowercase)
            .map(char::len_utf8)
            .sum();
        let mut text = String::with_capacity(bytes);
        let mut starts = Vec::with_capacity(bytes + 1);
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

/// Where a walk through one word file stands: open with the block the last lookup ended
/// in, or done (no word of the file starts with the key so far).
#[derive(Clone, Copy)]
enum Cursor {
    Open(Option<Hint>),
    Done,
}

/// Where words are looked up: the word files and the caller's inputs (lower case, ranked
/// by position as zxcvbn ranks its `user_inputs`).
pub(crate) struct Sources<'a> {
    pub(crate) english: Option<&'a WordFile>,
    pub(crate) german: Option<&'a WordFile>,
    pub(crate) inputs: &'a [String],
    /// The l33t readings of this estimate by the l33t characters present (a repeat's base
    /// has the password's characters, so its readings are made once).
    pub(crate) readings: RefCell<Vec<(u32, Rc<Readings>)>>,
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
    /// `cursors` carry each file's search position from the key's prefix to the key, and
    /// skip a file once no word of it starts with the prefix.
    fn lookup_all(
        &self,
        key: &[u8],
        cursors: &mut [Cursor; 2],
        found: &mut Vec<(Entry, WordList)>,
    ) -> bool {
        let mut longer = false;
        for ((file, wrap), cursor) in [
            (self.english, WordList::English as fn(u8) -> WordList),
            (self.german, WordList::German as fn(u8) -> WordList),
        ]
        .into_iter()
        .zip(cursors.iter_mut())
        {
            let (Some(file), Cursor::Open(hint)) = (file, *cursor) else {
                continue;
            };
            let (lookup, next) = file.lookup_from(key, hint);
            *cursor = if lookup.longer {
                Cursor::Open(next)
            } else {
                Cursor::Done
            };
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

/// Words read backwards (`drowssap`).
pub(crate) fn reversed(chars: &[char], sources: &Sources<'_>, out: &mut Vec<Match>) {
    let n = chars.len();
    let lowered = Lowered::new(chars.iter().rev().copied());
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

/// A substitution while it is enumerated: per l33t character of [`L33T_CHARS`] (four bits
/// each), 0 or one more than the index of its letter in [`L33T_TABLE`].
type Code = u128;

fn letter_at(code: Code, x: usize) -> u8 {
    // Four bits: the cast cannot truncate.
    #[allow(clippy::cast_possible_truncation)]
    let letter = ((code >> (4 * x)) & 0xF) as u8;
    letter
}

/// Which l33t characters occur, one bit each: all the enumeration depends on.
fn l33t_mask(chars: &[char]) -> u32 {
    chars
        .iter()
        .filter_map(|&c| l33t_index(c))
        .fold(0, |mask, x| mask | (1 << x))
}

/// zxcvbn's enumeration of substitutions for the l33t characters present (`mask`): letter
/// by letter, each of its characters either extends a substitution or, when an earlier
/// letter already took that character, gives both the old and the re-assigned one. In
/// zxcvbn's order: each substitution as its sorted (l33t, letter) pairs, the list sorted.
/// Enumerated as 128-bit codes (with all twenty l33t characters there are 736), so no
/// step allocates per substitution.
fn substitutions(mask: u32) -> Vec<Table> {
    let mut subs: Vec<Code> = vec![0];
    for (letter, (_, typed)) in (1_u8..).zip(L33T_TABLE) {
        let present = || {
            typed
                .chars()
                .filter_map(l33t_index)
                .filter(|&x| mask & (1 << x) != 0)
        };
        if present().next().is_none() {
            continue;
        }
        let mut next = Vec::with_capacity(2 * subs.len());
        let mut reassigned = false;
        for x in present() {
            for &sub in &subs {
                if letter_at(sub, x) != 0 {
                    next.push(sub);
                    reassigned = true;
                }
                next.push((sub & !(0xF << (4 * x))) | (Code::from(letter) << (4 * x)));
            }
        }
        // Distinct substitutions stay distinct when each only gains a character no other
        // letter took; only a re-assignment can repeat one.
        if reassigned {
            next.sort_unstable();
            next.dedup();
        }
        subs = next;
    }
    // The l33t characters in the order of their values, for the pair order.
    let mut by_value: [usize; 20] = std::array::from_fn(|x| x);
    by_value.sort_unstable_by_key(|&x| L33T_CHARS.get(x).copied());
    let mut keyed: Vec<((u128, u64), Code)> = subs
        .iter()
        .filter(|&&code| code != 0)
        .map(|&code| (pairs_key(code, &by_value), code))
        .collect();
    keyed.sort_unstable_by_key(|&(key, _)| key);
    keyed.into_iter().map(|(_, code)| table_of(code)).collect()
}

/// A key that sorts substitutions as their sorted (l33t, letter) pair lists sort: per pair,
/// nine bits of the l33t character's rank by value and the letter (letters are in
/// alphabetical order), from the most significant bits in the order of the characters'
/// values, then zeros (a shorter list sorts first); twenty pairs need 180 bits.
fn pairs_key(code: Code, by_value: &[usize; 20]) -> (u128, u64) {
    let mut pairs = [0_u16; 20];
    let mut n = 0;
    for (rank, &x) in (0_u16..).zip(by_value) {
        let letter = letter_at(code, x);
        if letter != 0 {
            if let Some(slot) = pairs.get_mut(n) {
                *slot = rank * 16 + u16::from(letter);
                n += 1;
            }
        }
    }
    let (high, low) = pairs.split_at(14);
    let high = high.iter().fold(0_u128, |k, &p| (k << 9) | u128::from(p));
    let low = low.iter().fold(0_u64, |k, &p| (k << 9) | u64::from(p));
    (high, low)
}

fn table_of(code: Code) -> Table {
    std::array::from_fn(|x| {
        usize::from(letter_at(code, x))
            .checked_sub(1)
            .and_then(|l| L33T_TABLE.get(l))
            .map(|&(letter, _)| letter)
    })
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

/// The most substitutions [`substitutions`] makes (736, with all twenty l33t characters
/// present), plus the identity, in 64-bit words.
const SET_WORDS: usize = 12;

/// A set of substitutions, one bit each.
#[derive(Clone, Copy)]
struct Set([u64; SET_WORDS]);

impl Set {
    fn and(&self, other: &Self) -> Self {
        let mut out = *self;
        for (a, b) in out.0.iter_mut().zip(other.0) {
            *a &= b;
        }
        out
    }

    fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    fn insert(&mut self, id: usize) {
        if let Some(word) = self.0.get_mut(id / 64) {
            *word |= 1 << (id % 64);
        }
    }

    fn contains(&self, id: usize) -> bool {
        self.0
            .get(id / 64)
            .is_some_and(|w| w & (1 << (id % 64)) != 0)
    }

    fn first(&self) -> Option<usize> {
        let (word, bits) = self.0.iter().enumerate().find(|(_, b)| **b != 0)?;
        Some(word * 64 + bits.trailing_zeros() as usize)
    }
}

/// The substitutions as tables, the identity (every character read as itself: the plain
/// words) as the last one, and per l33t character how they read it: each reading with the
/// set of substitutions that read it so.
pub(crate) struct Readings {
    tables: Vec<Table>,
    by_char: Vec<Vec<(char, Set)>>,
}

impl Readings {
    fn new(mut tables: Vec<Table>) -> Self {
        tables.truncate(SET_WORDS * 64 - 1);
        tables.push([None; 20]);
        if tables.len() == 1 {
            // No l33t character: every character reads as itself.
            return Self {
                tables,
                by_char: Vec::new(),
            };
        }
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
                            readings.push((read, Set([0; SET_WORDS])));
                            readings.len() - 1
                        }
                    };
                    if let Some((_, set)) = readings.get_mut(at) {
                        set.insert(id);
                    }
                }
                readings
            })
            .collect();
        Self { tables, by_char }
    }

    fn identity(&self) -> usize {
        self.tables.len() - 1
    }

    fn all(&self) -> Set {
        let mut set = Set([0; SET_WORDS]);
        for id in 0..self.tables.len() {
            set.insert(id);
        }
        set
    }
}

/// Words read forwards, as typed and with l33t substitutions undone (`p4$$w0rd`): plain
/// words go to `plain`, words that needed a substitution to `l33t`.
///
/// zxcvbn matches the plain password, then translates it once per substitution and
/// matches each translation; with many l33t characters that is hundreds of passes (736
/// for all twenty). The matches are the same if, from each start, the substitutions and
/// the identity are grouped by how they read the characters so far: each distinct reading
/// is looked up once, and a reading no word starts with is dropped with all its
/// substitutions. The walk is depth-first over one key buffer, sized once (S8: it never
/// moves, and it is wiped when dropped); groups are bit sets, split by one AND per reading.
pub(crate) fn forwards(
    chars: &[char],
    sources: &Sources<'_>,
    plain: &mut Vec<Match>,
    l33t: &mut Vec<Match>,
) {
    let mask = l33t_mask(chars);
    let cached = sources
        .readings
        .borrow()
        .iter()
        .find(|(m, _)| *m == mask)
        .map(|(_, r)| Rc::clone(r));
    let readings = cached.unwrap_or_else(|| {
        let made = Rc::new(Readings::new(substitutions(mask)));
        sources.readings.borrow_mut().push((mask, Rc::clone(&made)));
        made
    });
    let mut walk = Walk {
        chars,
        sources,
        readings: &readings,
        key: Zeroizing::new(Vec::with_capacity(MAX_LOWER_BYTES * chars.len())),
        found: Vec::with_capacity(8),
        plain,
        l33t,
    };
    let all = readings.all();
    for i in 0..chars.len() {
        walk.step(i, i, &all, [Cursor::Open(None); 2]);
    }
}

/// The most UTF-8 bytes one character lower-cases to (three characters of up to four).
const MAX_LOWER_BYTES: usize = 12;

struct Walk<'a, 's> {
    chars: &'a [char],
    sources: &'a Sources<'s>,
    readings: &'a Readings,
    /// The reading of `chars[i..j]` so far.
    key: Zeroizing<Vec<u8>>,
    found: Vec<(Entry, WordList)>,
    plain: &'a mut Vec<Match>,
    l33t: &'a mut Vec<Match>,
}

impl Walk<'_, '_> {
    /// Reads `chars[j]` after the key of `chars[i..j]`, once per way the group reads it.
    fn step(&mut self, i: usize, j: usize, group: &Set, hints: [Cursor; 2]) {
        let Some(&c) = self.chars.get(j) else {
            return;
        };
        let readings = self.readings;
        let mut buf = [0_u8; MAX_LOWER_BYTES];
        match l33t_index(c).and_then(|x| readings.by_char.get(x)) {
            Some(by_reading) => {
                for (read, set) in by_reading {
                    let split = group.and(set);
                    if !split.is_empty() {
                        let bytes = read.encode_utf8(&mut buf).len();
                        self.visit(i, j, &split, hints, buf.get(..bytes).unwrap_or_default());
                    }
                }
            }
            None => {
                let mut len = 0;
                for lower in c.to_lowercase() {
                    len += buf
                        .get_mut(len..)
                        .map_or(0, |rest| lower.encode_utf8(rest).len());
                }
                self.visit(i, j, group, hints, buf.get(..len).unwrap_or_default());
            }
        }
        zeroize::Zeroize::zeroize(&mut buf);
    }

    fn visit(&mut self, i: usize, j: usize, group: &Set, mut hints: [Cursor; 2], read: &[u8]) {
        let mark = self.key.len();
        // Within the capacity reserved for the whole password: the buffer never moves.
        self.key.extend_from_slice(read);
        self.found.clear();
        let longer = self
            .sources
            .lookup_all(&self.key, &mut hints, &mut self.found);
        if !self.found.is_empty() {
            self.emit(i, j, group);
        }
        if longer {
            self.step(i, j + 1, group, hints);
        }
        self.key.truncate(mark);
    }

    fn emit(&mut self, i: usize, j: usize, group: &Set) {
        if group.contains(self.readings.identity()) {
            for &(entry, list) in &self.found {
                let m = word_match(self.chars, i, j, entry.rank, list, false, &[]);
                self.plain.push(m);
            }
            return;
        }
        let token = self.chars.get(i..=j).unwrap_or_default();
        let used = used_subs(token, self.readings, group);
        if !used.is_empty() {
            for &(entry, list) in &self.found {
                let m = word_match(self.chars, i, j, entry.rank, list, false, &used);
                self.l33t.push(m);
            }
        }
    }
}

/// The substitutions the group applied inside the token.
fn used_subs(token: &[char], readings: &Readings, group: &Set) -> Sub {
    let Some(table) = group.first().and_then(|id| readings.tables.get(id)) else {
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
    /// The substitutions as sorted (l33t, letter) pairs.
    fn substitutions(chars: &[char]) -> Vec<Sub> {
        super::substitutions(l33t_mask(chars))
            .iter()
            .map(|table| {
                let mut pairs: Sub = L33T_CHARS
                    .iter()
                    .zip(table)
                    .filter_map(|(&c, letter)| letter.map(|l| (c, l)))
                    .collect();
                pairs.sort_unstable();
                pairs
            })
            .collect()
    }

    /// zxcvbn's enumeration written plainly, on pair lists (the reference for the arrays).
    fn reference(chars: &[char]) -> Vec<Sub> {
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

    // K2: the enumeration on arrays gives zxcvbn's substitutions in zxcvbn's order, up to
    // all twenty l33t characters (736 substitutions).
    #[test]
    fn k2_substitutions_match_the_reference_enumeration() {
        for pw in [
            "p4$$w0rd",
            "1!|",
            "4@8({[<3691!|70$5+%2",
            "l33t 2 7 %",
            "abc",
            "0",
        ] {
            assert_eq!(substitutions(&chars(pw)), reference(&chars(pw)), "{pw}");
        }
        assert_eq!(substitutions(&chars("4@8({[<3691!|70$5+%2")).len(), 736);
        assert_eq!(l33t_mask(&chars("4@8({[<3691!|70$5+%2")), (1 << 20) - 1);
    }

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
            readings: RefCell::default(),
        };
        let (mut out, mut l33t_out) = (Vec::new(), Vec::new());
        forwards(&chars("Motherboard"), &sources, &mut out, &mut l33t_out);
        assert!(l33t_out.is_empty());
        for (i, j) in [(0, 5), (0, 10), (6, 10)] {
            assert!(out.iter().any(|m| m.i == i && m.j == j), "{i}..{j}");
        }
        out.clear();
        reversed(&chars("drowssap"), &sources, &mut out);
        assert!(out.iter().any(|m| m.i == 0 && m.j == 7 && m.guesses == 4));
        out.clear();
        forwards(&chars("p4ssw0rd"), &sources, &mut out, &mut l33t_out);
        assert!(l33t_out.iter().any(|m| m.i == 0 && m.j == 7));
        out.clear();
        forwards(&chars("xKuemmerle!"), &sources, &mut out, &mut l33t_out);
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
