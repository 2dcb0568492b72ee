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

/// The answer of a lookup: the word's entry, if it is a word, and whether longer words
/// start with it (so the caller knows when to stop growing the candidate).
#[derive(Clone, Copy, Debug, Default)]
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
        if data.get(..4)? != b"PXW1" {
            return None;
        }
        let words = u32_at(data, 4)?;
        let blocks = u32_at(data, 8)?;
        let lists = usize::from(*data.get(12)?);
        let mut at = 13;
        for _ in 0..lists {
            at += 1 + usize::from(*data.get(at)?);
        }
        let index = at;
        let text_len = u32_at(data, index + 4 * blocks)?;
        let text = index + 4 * blocks + 4;
        let ranks = text + text_len;
        (data.len() == ranks + 2 * words).then_some(Self {
            data,
            words,
            blocks,
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

    /// The first word of a block (stored whole).
    fn head(&self, block: usize) -> &'static [u8] {
        let data = self.data;
        self.block_start(block)
            .and_then(|at| {
                let rest = data.get(at + 1..)?;
                rest.get(..rest.iter().position(|&b| b == 0)?)
            })
            .unwrap_or_default()
    }

    fn entry(&self, word: usize) -> Option<Entry> {
        Some(Entry {
            rank: rank_of_code(*self.data.get(self.ranks + word)?),
            list: *self.data.get(self.ranks + self.words + word)?,
        })
    }

    /// Looks `key` up: its entry if it is a word, and whether a longer word starts with it.
    pub(crate) fn lookup(&self, key: &[u8]) -> Lookup {
        // The last block whose first word is <= key.
        let (mut lo, mut hi) = (0, self.blocks);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.head(mid) <= key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo == 0 {
            return Lookup {
                entry: None,
                longer: self.blocks > 0 && self.head(0).starts_with(key),
            };
        }
        self.scan_block(lo - 1, key)
    }

    /// Reads one block word by word until it passes `key`.
    fn scan_block(&self, block: usize, key: &[u8]) -> Lookup {
        let mut word = [0_u8; 256];
        let Some(mut at) = self.block_start(block) else {
            return Lookup::default();
        };
        let first = block * BLOCK;
        let end = (first + BLOCK).min(self.words);
        for n in first..end {
            let Some(&shared) = self.data.get(at) else {
                break;
            };
            let Some(rest) = self.data.get(at + 1..) else {
                break;
            };
            let suffix = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            let shared = usize::from(shared);
            let len = shared + suffix;
            if let (Some(slot), Some(tail)) = (word.get_mut(shared..len), rest.get(..suffix)) {
                slot.copy_from_slice(tail);
            }
            at += suffix + 2;
            let current = word.get(..len).unwrap_or_default();
            match current.cmp(key) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => {
                    let longer = self.next_starts_with(n, at, end, len, key);
                    return Lookup {
                        entry: self.entry(n),
                        longer,
                    };
                }
                std::cmp::Ordering::Greater => {
                    return Lookup {
                        entry: None,
                        longer: current.starts_with(key),
                    };
                }
            }
        }
        // Past the block: the next block's first word may still start with the key.
        Lookup {
            entry: None,
            longer: block + 1 < self.blocks && self.head(block + 1).starts_with(key),
        }
    }

    /// Whether the word after word `n` (the key itself) starts with the key.
    fn next_starts_with(&self, n: usize, at: usize, end: usize, len: usize, key: &[u8]) -> bool {
        if n + 1 < end {
            // Sorted order: the next word extends the key iff it shares all of it.
            self.data.get(at).copied().map_or(0, usize::from) >= len
        } else {
            let block = n / BLOCK + 1;
            block < self.blocks && self.head(block).starts_with(key)
        }
    }
}

/// Words per block (as written by `generate.py`).
pub(crate) const BLOCK: usize = 32;

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
        assert!(WordFile::open(b"PXW1\x01\0\0\0").is_none());
        assert!(WordFile::open(b"NOPE").is_none());
    }
}
