//! The embedded word lists (K2): sorted, front-coded blocks searched where they lie.
//!
//! The files come from `core/data/meter/generate.py` (format described there). Nothing is
//! decoded or built at start-up: a lookup binary-searches the blocks' first words, then reads
//! one block of at most 32 words. A malformed file (which the tests rule out) reads as
//! an empty list rather than a panic.

/// One group of ranked lists (the English lists of zxcvbn, the German lists).
pub(crate) struct WordFile {
    data: &'static [u8],
    words: usize,
    blocks: usize,
    /// Where the per-first-byte block table starts.
    by_byte: usize,
    /// Where the block offsets start.
    index: usize,
    /// Where the text area starts.
    text: usize,
    /// Where the rank codes start (the list ids follow them).
    ranks: usize,
}

/// A word found in a list: its rank (1 = most common) and which list of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) rank: u32,
    pub(crate) list: u8,
}

/// Where a lookup's scan stopped: the block, the word (the first one not below the key)
/// and the byte offset of its record. A lookup of a longer key starting with the same
/// prefix resumes from here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hint {
    block: usize,
    word: usize,
    at: usize,
}

/// The answer of a lookup: the word's entry, if it is a word, and whether longer words
/// start with it (so the caller knows when to stop growing the candidate).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lookup {
    pub(crate) entry: Option<Entry>,
    pub(crate) longer: bool,
}

/// Decodes a rank code of `generate.py` (exact up to 100, then buckets growing by 4.27 %,
/// each decoded to its lowest rank).
pub(crate) fn rank_of_code(code: u8) -> u32 {
    if code < 100 {
        return u32::from(code) + 1;
    }
    let exact = 100.0 * 1.0427_f64.powi(i32::from(code) - 100) - 1e-9;
    // The value is at most 100 · 1.0427^155 < 70,000: the cast cannot truncate.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rank = exact.ceil() as u32;
    rank.max(101)
}

fn u32_at(data: &[u8], at: usize) -> Option<usize> {
    let bytes: [u8; 4] = data.get(at..at + 4)?.try_into().ok()?;
    usize::try_from(u32::from_le_bytes(bytes)).ok()
}

impl WordFile {
    /// Reads the header; `None` for a file that is not in the format.
    pub(crate) fn open(data: &'static [u8]) -> Option<Self> {
        if data.get(..4)? != b"PXW3" {
            return None;
        }
        let words = u32_at(data, 4)?;
        let blocks = u32_at(data, 8)?;
        let lists = usize::from(*data.get(12)?);
        let mut at = 13;
        for _ in 0..lists {
            at += 1 + usize::from(*data.get(at)?);
        }
        let by_byte = at;
        let index = by_byte + 4 * 257;
        let text_len = u32_at(data, index + 4 * blocks)?;
        let text = index + 4 * blocks + 4;
        let ranks = text + text_len;
        (data.len() == ranks + 2 * words).then_some(Self {
            data,
            words,
            blocks,
            by_byte,
            index,
            text,
            ranks,
        })
    }

    /// How many distinct words the file holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.words
    }

    fn block_start(&self, block: usize) -> Option<usize> {
        Some(self.text + u32_at(self.data, self.index + 4 * block)?)
    }

    /// How the first word of a block (stored whole) compares with `key`, and whether it
    /// starts with `key`.
    fn cmp_head(&self, block: usize, key: &[u8]) -> (Ordering, bool) {
        let head = self
            .block_start(block)
            .map_or(&[][..], |at| self.suffix(at));
        let common = common_prefix(head, key);
        if common == key.len() {
            // The head is the key or extends it.
            let order = if head.len() == key.len() {
                Ordering::Equal
            } else {
                Ordering::Greater
            };
            return (order, true);
        }
        let (next, want) = (head.get(common), key.get(common));
        let order = if next.is_none() || next < want {
            Ordering::Less
        } else {
            Ordering::Greater
        };
        (order, false)
    }

    /// The suffix of the word whose record starts at `at` (after its shared-prefix length
    /// and its suffix length).
    fn suffix(&self, at: usize) -> &[u8] {
        let len = self.data.get(at + 1).copied().map_or(0, usize::from);
        self.data.get(at + 2..at + 2 + len).unwrap_or_default()
    }

    fn entry(&self, word: usize) -> Option<Entry> {
        Some(Entry {
            rank: rank_of_code(*self.data.get(self.ranks + word)?),
            list: *self.data.get(self.ranks + self.words + word)?,
        })
    }

    /// The blocks whose first word starts with a byte below `b`.
    fn blocks_below(&self, b: usize) -> usize {
        u32_at(self.data, self.by_byte + 4 * b)
            .unwrap_or(0)
            .min(self.blocks)
    }

    /// Looks `key` up: its entry if it is a word, and whether a longer word starts with it.
    #[cfg(test)]
    pub(crate) fn lookup(&self, key: &[u8]) -> Lookup {
        self.lookup_from(key, None).0
    }

    /// Looks `key` up: its entry if it is a word, and whether a longer word starts with it.
    /// For a key that extends the key of an earlier lookup, `hint` is what that lookup
    /// returned: where its scan stopped, at the first word not below the earlier key. The
    /// new key's answer is at or after that word (a longer key sorts after its prefix): if
    /// the next block starts above the new key, the scan resumes at the word; otherwise the
    /// search gallops forward over the block heads. Returns the hint to pass on.
    pub(crate) fn lookup_from(&self, key: &[u8], hint: Option<Hint>) -> (Lookup, Option<Hint>) {
        let Some(&first) = key.first() else {
            let longer = self.words > 0;
            return (
                Lookup {
                    entry: None,
                    longer,
                },
                None,
            );
        };
        // Blocks starting with a smaller byte hold smaller words; the block before the
        // first one starting with `first` may still hold some that start with it.
        let below = self.blocks_below(usize::from(first));
        let end = self.blocks_below(usize::from(first) + 1);
        let (mut lo, mut hi) = (below.saturating_sub(1), end);
        if key.len() == 1 && below < end {
            // Every block from `below` starts with the key's byte, so its first word is
            // greater than the key unless it is the key: no search needed.
            lo = below + usize::from(self.cmp_head(below, key).0 == Ordering::Equal);
            hi = lo;
        } else if let Some(hint) = hint.filter(|h| h.block >= lo && h.block < end) {
            let next = hint.block + 1;
            if next >= end || self.cmp_head(next, key).0 == Ordering::Greater {
                // The answer is in the hint's block, at or after its word.
                return self.scan(hint, key);
            }
            // The answer is past the hint's block: gallop to bracket it.
            let mut step = 1;
            lo = next + 1;
            while hint.block + 2 * step < end
                && self.cmp_head(hint.block + 2 * step, key).0 != Ordering::Greater
            {
                lo = hint.block + 2 * step + 1;
                step *= 2;
            }
            hi = (hint.block + 2 * step).min(end);
        }
        // The first block whose first word is > key, within [lo, hi).
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.cmp_head(mid, key).0 == Ordering::Greater {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if lo == 0 {
            // Every block starts above the key.
            let longer = self.blocks > 0 && self.cmp_head(0, key).1;
            return (
                Lookup {
                    entry: None,
                    longer,
                },
                None,
            );
        }
        let Some(at) = self.block_start(lo - 1) else {
            return (Lookup::default(), None);
        };
        let block = lo - 1;
        self.scan(
            Hint {
                block,
                word: block * BLOCK,
                at,
            },
            key,
        )
    }

    /// Reads a block from the word `from` on (the block's first word, or a word known to
    /// start with the key's prefix before its last byte) until it passes `key`. Front
    /// coding tells most words apart without reading them: a word that shares more with
    /// its predecessor than the predecessor shared with the key is still smaller, one that
    /// shares less is already larger.
    fn scan(&self, from: Hint, key: &[u8]) -> (Lookup, Option<Hint>) {
        let Hint {
            block,
            word,
            mut at,
        } = from;
        let end = ((block + 1) * BLOCK).min(self.words);
        // Bytes the previous word had in common with the key.
        let mut matched = 0;
        for n in word..end {
            let here = Hint { block, word: n, at };
            let Some(&shared) = self.data.get(at) else {
                break;
            };
            let shared = usize::from(shared);
            let tail = self.suffix(at);
            let suffix = tail.len();
            at += suffix + 2;
            if n > word && shared > matched {
                continue;
            }
            if n > word && shared < matched {
                let none = Lookup {
                    entry: None,
                    longer: false,
                };
                return (none, Some(here));
            }
            // The first word read shares its `shared` bytes with the key: it is the
            // block's head (nothing shared) or starts with the key's prefix.
            let more = common_prefix(tail, key.get(shared..).unwrap_or_default());
            matched = shared + more;
            let word_len = shared + suffix;
            if matched == key.len() {
                if word_len == key.len() {
                    let longer = self.next_starts_with(n, at, end, key);
                    let found = Lookup {
                        entry: self.entry(n),
                        longer,
                    };
                    return (found, Some(here));
                }
                let prefix = Lookup {
                    entry: None,
                    longer: true,
                };
                return (prefix, Some(here));
            }
            let word_byte = tail.get(more).copied();
            let key_byte = key.get(matched).copied();
            if word_byte.is_some() && word_byte > key_byte {
                let none = Lookup {
                    entry: None,
                    longer: false,
                };
                return (none, Some(here));
            }
        }
        // Past the block: the next block's first word may still start with the key.
        let longer = block + 1 < self.blocks && self.cmp_head(block + 1, key).1;
        let past = Hint {
            block,
            word: end,
            at,
        };
        (
            Lookup {
                entry: None,
                longer,
            },
            Some(past),
        )
    }

    /// Whether the word after word `n` (the key itself) starts with the key.
    fn next_starts_with(&self, n: usize, at: usize, end: usize, key: &[u8]) -> bool {
        if n + 1 < end {
            // Sorted order: the next word extends the key iff it shares all of it.
            self.data.get(at).copied().map_or(0, usize::from) >= key.len()
        } else {
            let block = n / BLOCK + 1;
            block < self.blocks && self.cmp_head(block, key).1
        }
    }
}

/// Length of the common prefix of two byte strings.
fn common_prefix(word: &[u8], key: &[u8]) -> usize {
    word.iter().zip(key).take_while(|(w, k)| w == k).count()
}

use std::cmp::Ordering;

/// Words per block (as written by `generate.py`).
pub(crate) const BLOCK: usize = 16;

#[cfg(not(feature = "meter-compact"))]
static ENGLISH_DATA: &[u8] = include_bytes!("../../../data/meter/en.bin");
#[cfg(feature = "meter-compact")]
static ENGLISH_DATA: &[u8] = include_bytes!("../../../data/meter/en-compact.bin");
static GERMAN_DATA: &[u8] = include_bytes!("../../../data/meter/de.bin");

/// The English group (whole, or cut under the `meter-compact` feature).
pub(crate) fn english() -> Option<WordFile> {
    WordFile::open(ENGLISH_DATA)
}

/// The German group: common words, first names, last names of `@zxcvbn-ts/language-de`.
pub(crate) fn german() -> Option<WordFile> {
    WordFile::open(GERMAN_DATA)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn k2_files_open_and_hold_the_lists() {
        let en = english().unwrap();
        assert!(en.len() > 50_000);
        let de = german().unwrap();
        assert!(de.len() > 15_000);
    }

    #[test]
    fn k2_lookup_finds_ranks_and_prefixes() {
        let en = english().unwrap();
        let pw = en.lookup(b"password");
        assert_eq!(pw.entry, Some(Entry { rank: 2, list: 0 }));
        assert!(pw.longer, "password1 is a word too");
        let p = en.lookup(b"motherb");
        assert!(p.entry.is_none() && p.longer, "motherboard");
        assert_eq!(en.lookup(b"123456").entry, Some(Entry { rank: 1, list: 0 }));
        let none = en.lookup(b"xqzvkk");
        assert!(none.entry.is_none() && !none.longer);
        assert!(en.lookup(b"").longer);
        let de = german().unwrap();
        assert!(de.lookup("schön".as_bytes()).entry.is_some());
        assert!(de.lookup(b"passwort").entry.is_some());
        assert!(de.lookup(b"kuehlschrank").entry.is_some(), "ASCII spelling");
    }

    /// Every word of a file, decoded in order (the reference the lookup is checked against).
    fn decode_all(file: &WordFile) -> Vec<Vec<u8>> {
        let mut out: Vec<Vec<u8>> = Vec::new();
        for block in 0..file.blocks {
            let mut at = file.block_start(block).unwrap();
            for n in block * BLOCK..((block + 1) * BLOCK).min(file.words) {
                let shared = usize::from(file.data[at]);
                let suffix = usize::from(file.data[at + 1]);
                let mut word = if n % BLOCK == 0 {
                    Vec::new()
                } else {
                    out.last().unwrap()[..shared].to_vec()
                };
                word.extend_from_slice(&file.data[at + 2..at + 2 + suffix]);
                out.push(word);
                at += suffix + 2;
            }
        }
        out
    }

    // K2: the lookup agrees with a plain scan of the list: every word is found, prefixes
    // report longer words, keys between words are absent.
    #[test]
    fn k2_lookup_agrees_with_a_plain_scan() {
        for file in [english().unwrap(), german().unwrap()] {
            let all = decode_all(&file);
            assert!(all.windows(2).all(|w| w[0] < w[1]), "sorted, distinct");
            for (n, word) in all.iter().enumerate().step_by(3) {
                let found = file.lookup(word);
                assert_eq!(
                    found.entry,
                    file.entry(n),
                    "{:?}",
                    String::from_utf8_lossy(word)
                );
                let longer = all.get(n + 1).is_some_and(|next| next.starts_with(word));
                assert_eq!(found.longer, longer, "{:?}", String::from_utf8_lossy(word));
                let mut hint = None;
                for cut in 1..word.len() {
                    let key = &word[..cut];
                    let (chained, next) = file.lookup_from(key, hint);
                    hint = next;
                    assert_eq!(chained, file.lookup(key), "hint");
                    let at = all.partition_point(|w| w.as_slice() < key);
                    let want_entry = all.get(at).is_some_and(|w| w == key);
                    let want_longer = all[at..]
                        .iter()
                        .take(2)
                        .any(|w| w.len() > cut && w.starts_with(key));
                    let got = file.lookup(key);
                    assert_eq!(
                        got.entry.is_some(),
                        want_entry,
                        "{:?}",
                        String::from_utf8_lossy(key)
                    );
                    assert_eq!(
                        got.longer,
                        want_longer,
                        "{:?}",
                        String::from_utf8_lossy(key)
                    );
                }
                let mut past = word.clone();
                past.push(b'~');
                let at = all.partition_point(|w| w.as_slice() < past.as_slice());
                assert_eq!(
                    file.lookup(&past).entry.is_some(),
                    all.get(at) == Some(&past)
                );
            }
        }
    }

    #[test]
    fn k2_rank_codes_round_trip() {
        for rank in 1..=100 {
            let code = u8::try_from(rank - 1).unwrap();
            assert_eq!(rank_of_code(code), rank);
        }
        let mut last = 100;
        for code in 100..=255_u8 {
            let rank = rank_of_code(code);
            assert!(rank > last, "codes grow: {code}");
            last = rank;
        }
        assert!(last > 65_000);
    }

    #[test]
    fn k2_bad_files_read_as_none() {
        assert!(WordFile::open(b"").is_none());
        assert!(WordFile::open(b"PXW3\x01\0\0\0").is_none());
        assert!(WordFile::open(b"NOPE").is_none());
    }
}
