//! Numbering metadata: the embedded postcard blob of the `phonenumber` crate's
//! `loader::Metadata` (see `core/metadata/` and `build.rs`), compiled lazily, one territory
//! at a time, into plain `regex::Regex`es that every thread shares without a lock.
//!
//! Why not the crate's `Database`: it compiles every pattern of every region up front
//! (~70 ms before the first answer) and checks each pattern through one shared
//! `Mutex<LruCache>` of 100 entries that hashes the pattern's source (kilobytes) on every
//! match and recompiles evicted patterns; on a mixed corpus that is ~1,000 numbers/s.
use phonenumber::metadata::loader;
#[cfg(not(feature = "regex-lite"))]
use regex::{Regex, RegexBuilder};
#[cfg(feature = "regex-lite")]
use regex_lite::{Regex, RegexBuilder};
#[cfg(not(target_arch = "wasm32"))]
use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::NumberKind as NumberType;

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/metadata.bin"));

/// Error while compiling metadata: only possible with broken metadata, which the build and
/// the `every_territory_compiles` test rule out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MetadataError {
    /// The embedded blob could not be decoded.
    Decode(String),
    /// A pattern in the metadata did not compile.
    Regex(String),
    /// A territory lacks a mandatory field.
    Missing(&'static str),
}

/// All territories, raw, plus indexes. Decoded once per process (~1 ms).
pub(crate) struct Tables {
    raw: Vec<loader::Metadata>,
    compiled: Vec<OnceLock<Result<Territory, MetadataError>>>,
    formats: Vec<OnceLock<Result<Formats, MetadataError>>>,
    by_id: HashMap<String, usize>,
    /// territories per calling code, main country first
    by_code: HashMap<u16, Vec<usize>>,
}

static TABLES: OnceLock<Result<Tables, MetadataError>> = OnceLock::new();

pub(crate) fn tables() -> Result<&'static Tables, MetadataError> {
    TABLES
        .get_or_init(|| {
            let raw: Vec<loader::Metadata> =
                postcard::from_bytes(BLOB).map_err(|e| MetadataError::Decode(e.to_string()))?;
            let mut by_id = HashMap::new();
            let mut by_code: HashMap<u16, Vec<usize>> = HashMap::new();
            for (i, m) in raw.iter().enumerate() {
                let (Some(id), Some(cc)) = (m.id.as_ref(), m.country_code) else {
                    return Err(MetadataError::Missing("id/countryCode"));
                };
                if id != "001" {
                    by_id.insert(id.clone(), i);
                }
                let list = by_code.entry(cc).or_default();
                if m.main_country_for_code {
                    list.insert(0, i);
                } else {
                    list.push(i);
                }
            }
            let compiled = raw.iter().map(|_| OnceLock::new()).collect();
            let formats = raw.iter().map(|_| OnceLock::new()).collect();
            Ok(Tables {
                raw,
                compiled,
                formats,
                by_id,
                by_code,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

impl Tables {
    pub(crate) fn index_of_region(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.raw.len()
    }
    pub(crate) fn raw_id(&self, i: usize) -> Option<&str> {
        self.raw.get(i)?.id.as_deref()
    }
    pub(crate) fn has_code(&self, cc: u16) -> bool {
        self.by_code.contains_key(&cc)
    }
    pub(crate) fn territories_for_code(&self, cc: u16) -> &[usize] {
        self.by_code.get(&cc).map(Vec::as_slice).unwrap_or(&[])
    }
    /// Compiled territory (compiled on first use, then lock-free).
    /// Returns plain references: no refcount traffic on the hot path.
    fn shared_territory(&self, i: usize) -> Result<&Territory, MetadataError> {
        let cell = self
            .compiled
            .get(i)
            .ok_or(MetadataError::Missing("territory"))?;
        cell.get_or_init(|| {
            self.raw
                .get(i)
                .map_or(Err(MetadataError::Missing("territory")), Territory::compile)
        })
        .as_ref()
        .map_err(Clone::clone)
    }
    /// Compiled formats of a territory (only needed for display forms).
    fn shared_formats(&self, i: usize) -> Result<&Formats, MetadataError> {
        let cell = self
            .formats
            .get(i)
            .ok_or(MetadataError::Missing("territory"))?;
        cell.get_or_init(|| {
            self.raw
                .get(i)
                .map_or(Err(MetadataError::Missing("territory")), Formats::compile)
        })
        .as_ref()
        .map_err(Clone::clone)
    }
}

/// Compiled territories as one thread sees them: the shared [`Tables`], or a worker's
/// [`Local`] clones of them.
pub(crate) trait Compiled {
    /// The shared tables (indexes and raw metadata).
    fn tables(&self) -> &Tables;
    /// A compiled territory.
    fn territory(&self, i: usize) -> Result<&Territory, MetadataError>;
    /// A territory's compiled formats.
    fn formats(&self, i: usize) -> Result<&Formats, MetadataError>;
}

impl Compiled for Tables {
    fn tables(&self) -> &Tables {
        self
    }
    fn territory(&self, i: usize) -> Result<&Territory, MetadataError> {
        self.shared_territory(i)
    }
    fn formats(&self, i: usize) -> Result<&Formats, MetadataError> {
        self.shared_formats(i)
    }
}

/// One worker thread's clones of the territories it uses.
///
/// A `regex::Regex` keeps its match caches in a pool that serves the first thread to use
/// it directly and every other thread through a locked stack, about 40 ns per match. A
/// number takes some 30 matches, so batch workers would spend more time there than
/// matching. A clone of a regex shares the compiled program but has a pool of its own, so
/// each worker clones what it uses (microseconds, once per territory) and matches on its
/// own caches, which are freed with the worker. Keeping workers for the next batch does not
/// help: a clone's pool belongs to the first thread that used it, so a new thread picking up
/// an old worker is back on the locked path (measured: 2 threads fell from 2.5M to 1.3M
/// numbers/s).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct Local<'t> {
    shared: &'t Tables,
    territories: Vec<OnceCell<Territory>>,
    formats: Vec<OnceCell<Formats>>,
}

#[cfg(not(target_arch = "wasm32"))]
impl<'t> Local<'t> {
    pub(crate) fn new(shared: &'t Tables) -> Self {
        let n = shared.raw.len();
        Self {
            shared,
            territories: (0..n).map(|_| OnceCell::new()).collect(),
            formats: (0..n).map(|_| OnceCell::new()).collect(),
        }
    }
}

/// The value of `cell`, cloned from `shared` on first use.
#[cfg(not(target_arch = "wasm32"))]
fn clone_once<'a, T: Clone>(
    cell: Option<&'a OnceCell<T>>,
    shared: impl FnOnce() -> Result<&'a T, MetadataError>,
) -> Result<&'a T, MetadataError> {
    let cell = cell.ok_or(MetadataError::Missing("territory"))?;
    if let Some(value) = cell.get() {
        return Ok(value);
    }
    let value = shared()?.clone();
    Ok(cell.get_or_init(|| value))
}

#[cfg(not(target_arch = "wasm32"))]
impl Compiled for Local<'_> {
    fn tables(&self) -> &Tables {
        self.shared
    }
    fn territory(&self, i: usize) -> Result<&Territory, MetadataError> {
        clone_once(self.territories.get(i), || self.shared.shared_territory(i))
    }
    fn formats(&self, i: usize) -> Result<&Formats, MetadataError> {
        clone_once(self.formats.get(i), || self.shared.shared_formats(i))
    }
}

/// Upper bound of each regex's lazy-DFA cache (per thread using it).
#[cfg(not(feature = "regex-lite"))]
const DFA_CACHE_BYTES: usize = 64 * 1024;

fn re(src: &str) -> Result<Regex, MetadataError> {
    // Metadata patterns from the official XML may contain layout whitespace;
    // the generated file has none, but stay robust ((?x) ignores it).
    // Metadata patterns only ever see ASCII digits: compile them without
    // Unicode classes (`\d` = [0-9]). This cuts compile time and the lazy
    // DFA's state count by an order of magnitude. The lazy-DFA cache is also
    // capped: these automata are tiny once Unicode is off.
    // regex-lite has no Unicode classes and no lazy DFA; it accepts `(?-u)` as a no-op.
    let pattern = format!("(?-u){src}");
    #[cfg(not(feature = "regex-lite"))]
    let built = RegexBuilder::new(&pattern)
        .dfa_size_limit(DFA_CACHE_BYTES)
        .build();
    #[cfg(feature = "regex-lite")]
    let built = RegexBuilder::new(&pattern).build();
    built.map_err(|e| MetadataError::Regex(e.to_string()))
}
/// `^(?:p)$` — libphonenumber's `matcher.matches()`.
fn full(p: &str) -> Result<Regex, MetadataError> {
    re(&format!("^(?x:{p})$"))
}
/// `^(?:p)` — libphonenumber's `lookingAt()`.
fn prefix(p: &str) -> Result<Regex, MetadataError> {
    re(&format!("^(?x:{p})"))
}

/// `$1`-style group references to `${1}` so that `$1abc` cannot be read as a
/// named group by the regex crate.
pub(crate) fn braced(rule: &str) -> String {
    let mut out = String::with_capacity(rule.len() + 4);
    let mut chars = rule.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' {
            if let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
                chars.next();
                out.push_str("${");
                out.push(d);
                out.push('}');
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Number description: possible lengths as bit masks + full-match regex.
#[derive(Clone)]
pub(crate) struct Desc {
    lengths: u64,
    local: u64,
    min: u16,
    max: u16,
    re: Regex,
    src: String,
}

fn mask(v: &[u16]) -> u64 {
    v.iter()
        .filter(|&&l| l < 64)
        .fold(0, |m, &l| m | (1u64 << l))
}

impl Desc {
    fn compile(d: &Option<loader::Descriptor>) -> Result<Option<Desc>, MetadataError> {
        let Some(d) = d else { return Ok(None) };
        let Some(p) = d.national_number.as_ref() else {
            return Ok(None);
        };
        Ok(Some(Desc {
            lengths: mask(&d.possible_length),
            local: mask(&d.possible_local_length),
            min: d.possible_length.iter().copied().min().unwrap_or(0),
            max: d.possible_length.iter().copied().max().unwrap_or(0),
            re: full(p)?,
            src: p.clone(),
        }))
    }
    /// `_is_number_matching_desc`: length check first, then full match.
    #[inline]
    pub(crate) fn matches(&self, nsn: &str) -> bool {
        let len = nsn.len();
        if self.lengths != 0 && (len >= 64 || self.lengths & (1u64 << len) == 0) {
            return false;
        }
        self.re.is_match(nsn)
    }
    /// `_match_national_number(.., allow_prefix_match=false)`: regex only.
    #[inline]
    pub(crate) fn matches_pattern(&self, nsn: &str) -> bool {
        self.re.is_match(nsn)
    }
}

/// Result of `_test_number_length`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Length {
    Possible,
    LocalOnly,
    TooShort,
    TooLong,
    Invalid,
}

/// Everything needed to parse / validate / classify numbers of one territory.
#[derive(Clone)]
pub(crate) struct Territory {
    pub(crate) id: String,
    pub(crate) cc: u16,
    pub(crate) general: Desc,
    /// descriptors in libphonenumber's classification order
    pub(crate) ordered: Vec<(NumberType, Desc)>,
    pub(crate) fixed_line: Option<Desc>,
    pub(crate) mobile: Option<Desc>,
    pub(crate) same_mobile_and_fixed: bool,
    pub(crate) idd: Option<Regex>,
    pub(crate) npp: Option<Regex>,
    /// `nationalPrefixForParsing` is a plain literal like "0": fast path.
    pub(crate) npp_literal: Option<String>,
    pub(crate) npp_groups: usize,
    pub(crate) transform: Option<String>,
    pub(crate) leading_digits: Option<Regex>,
}

fn is_plain_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

impl Territory {
    fn compile(m: &loader::Metadata) -> Result<Territory, MetadataError> {
        let general = Desc::compile(&m.general)?.ok_or(MetadataError::Missing("generalDesc"))?;
        let mut ordered = Vec::new();
        for (t, d) in [
            (NumberType::PremiumRate, &m.premium_rate),
            (NumberType::TollFree, &m.toll_free),
            (NumberType::SharedCost, &m.shared_cost),
            (NumberType::Voip, &m.voip),
            (NumberType::PersonalNumber, &m.personal_number),
            (NumberType::Pager, &m.pager),
            (NumberType::Uan, &m.uan),
            (NumberType::Voicemail, &m.voicemail),
        ] {
            if let Some(d) = Desc::compile(d)? {
                ordered.push((t, d));
            }
        }
        let fixed_line = Desc::compile(&m.fixed_line)?;
        let mobile = Desc::compile(&m.mobile)?;
        // phonemetadata._same_pattern compares the patterns only
        let same_mobile_and_fixed = match (&fixed_line, &mobile) {
            (Some(f), Some(mo)) => f.src == mo.src,
            (None, None) => true,
            _ => false,
        };
        let npp_src = m
            .national_prefix_for_parsing
            .as_deref()
            .filter(|s| !s.is_empty());
        let npp = npp_src.map(prefix).transpose()?;
        Ok(Territory {
            id: m.id.clone().unwrap_or_default(),
            cc: m
                .country_code
                .ok_or(MetadataError::Missing("countryCode"))?,
            general,
            ordered,
            fixed_line,
            mobile,
            same_mobile_and_fixed,
            idd: m.international_prefix.as_deref().map(prefix).transpose()?,
            npp_literal: npp_src.filter(|s| is_plain_digits(s)).map(str::to_owned),
            npp_groups: npp.as_ref().map(|r| r.captures_len() - 1).unwrap_or(0),
            npp,
            transform: m
                .national_prefix_transform_rule
                .as_deref()
                .filter(|s| !s.is_empty())
                .map(braced),
            leading_digits: m.leading_digits.as_deref().map(prefix).transpose()?,
        })
    }

    /// `_number_type_helper`.
    pub(crate) fn number_type(&self, nsn: &str) -> NumberType {
        if !self.general.matches(nsn) {
            return NumberType::Unknown;
        }
        for (t, d) in &self.ordered {
            if d.matches(nsn) {
                return *t;
            }
        }
        if self.fixed_line.as_ref().is_some_and(|d| d.matches(nsn)) {
            if self.same_mobile_and_fixed || self.mobile.as_ref().is_some_and(|d| d.matches(nsn)) {
                return NumberType::FixedLineOrMobile;
            }
            return NumberType::FixedLine;
        }
        if !self.same_mobile_and_fixed && self.mobile.as_ref().is_some_and(|d| d.matches(nsn)) {
            return NumberType::Mobile;
        }
        NumberType::Unknown
    }

    /// `_test_number_length` with type UNKNOWN (general description).
    pub(crate) fn test_length(&self, nsn: &str) -> Length {
        let g = &self.general;
        let len = nsn.len();
        if len < 64 && g.local & (1u64 << len) != 0 {
            return Length::LocalOnly;
        }
        if g.lengths == 0 {
            return Length::Invalid;
        }
        if len == usize::from(g.min) {
            Length::Possible
        } else if len < usize::from(g.min) {
            Length::TooShort
        } else if len > usize::from(g.max) {
            Length::TooLong
        } else if g.lengths & (1u64 << len) != 0 {
            Length::Possible
        } else {
            Length::Invalid
        }
    }
}

/// One `numberFormat`.
#[derive(Clone)]
pub(crate) struct Format {
    /// `^(?:pattern)$` for choosing
    pub(crate) full: Regex,
    pub(crate) leading: Option<Regex>,
    /// national format rule with the national-prefix rule already applied
    pub(crate) national_rule: String,
    /// plain format rule
    pub(crate) rule: String,
}

/// National and international format lists of a territory.
#[derive(Clone)]
pub(crate) struct Formats {
    pub(crate) national: Vec<Format>,
    pub(crate) international: Vec<Format>,
}

impl Formats {
    fn compile(m: &loader::Metadata) -> Result<Formats, MetadataError> {
        let np = m.national_prefix.clone().unwrap_or_default();
        let one = |f: &loader::Format| -> Result<Format, MetadataError> {
            let pat = f
                .pattern
                .as_deref()
                .ok_or(MetadataError::Missing("format pattern"))?;
            let rule = f.format.clone().ok_or(MetadataError::Missing("format"))?;
            let national_rule = match f.national_prefix_formatting_rule.as_deref() {
                Some(npr) if !npr.is_empty() => {
                    let npr = npr.replace("$NP", &np).replace("$FG", "$1");
                    replace_first_group(&rule, &npr)
                }
                _ => rule.clone(),
            };
            Ok(Format {
                full: full(pat)?,
                leading: f.leading_digits.last().map(|l| prefix(l)).transpose()?,
                national_rule: braced(&national_rule),
                rule: braced(&rule),
            })
        };
        Ok(Formats {
            national: m.formats.iter().map(one).collect::<Result<_, _>>()?,
            international: m
                .international_formats
                .iter()
                .map(one)
                .collect::<Result<_, _>>()?,
        })
    }
}

/// Replace the first `$<digit>` in `rule` by `with` (`_FIRST_GROUP_PATTERN`),
/// where `$1` inside `with` refers to that token.
fn replace_first_group(rule: &str, with: &str) -> String {
    let b = rule.as_bytes();
    for i in 0..b.len().saturating_sub(1) {
        if b[i] == b'$' && b[i + 1].is_ascii_digit() {
            // like Python's re.sub template: `$1` in the national-prefix rule
            // stands for the matched group token itself (e.g. `$2`)
            let with = with.replace("$1", &rule[i..i + 2]);
            return format!("{}{}{}", &rule[..i], with, &rule[i + 2..]);
        }
    }
    rule.to_owned()
}

/// `_choose_formatting_pattern_for_number`.
pub(crate) fn choose<'f>(formats: &'f [Format], nsn: &str) -> Option<&'f Format> {
    formats
        .iter()
        .find(|f| f.leading.as_ref().is_none_or(|l| l.is_match(nsn)) && f.full.is_match(nsn))
}
