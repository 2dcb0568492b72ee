//! Numbering metadata: the embedded table (`table.rs`, written by `build.rs` from
//! `core/metadata/`), compiled lazily, one territory at a time, into [`Pattern`]s that every
//! thread shares without a lock.
//!
//! Why not the `phonenumber` crate's `Database`: it compiles every pattern of every region up
//! front (~70 ms before the first answer) and checks each pattern through one shared
//! `Mutex<LruCache>` of 100 entries that hashes the pattern's source (kilobytes) on every
//! match and recompiles evicted patterns; on a mixed corpus that is ~1,000 numbers/s.
#[cfg(not(target_arch = "wasm32"))]
use std::cell::OnceCell;
use std::sync::OnceLock;

use super::pattern::{Pattern, full, prefix};
use super::table::{self, DESCRIPTORS, Line, Table};
use crate::NumberKind as NumberType;

/// Error while compiling metadata: only possible with broken metadata (which the build and
/// the `every_territory_compiles` test rule out) or, with `host-regex`, without a registered
/// engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MetadataError {
    /// The embedded table could not be read (which part).
    Decode(&'static str),
    /// A pattern in the metadata did not compile.
    Regex(String),
    /// A territory lacks a mandatory field.
    Missing(&'static str),
}

/// All territories, as read from the table, plus an index by calling code. Read once per
/// process (well under a millisecond: the fields point into the embedded text).
pub(crate) struct Tables {
    raw: Table,
    compiled: Vec<OnceLock<Result<Territory, MetadataError>>>,
    formats: Vec<OnceLock<Result<Formats, MetadataError>>>,
    /// `0..raw.len()`: the table is ordered by calling code, main country first, so a
    /// code's territories are a range of it.
    indexes: Vec<usize>,
    /// That range for each calling code (1 to 3 digits): looked up several times per
    /// number, so by index rather than by search.
    by_code: Vec<(usize, usize)>,
}

static TABLES: OnceLock<Result<Tables, MetadataError>> = OnceLock::new();

pub(crate) fn tables() -> Result<&'static Tables, MetadataError> {
    TABLES
        .get_or_init(|| {
            let raw = table::read()?;
            let indexes = (0..raw.ids.len()).collect();
            let mut by_code = vec![(0, 0); 1000];
            for (i, &code) in raw.codes.iter().enumerate() {
                if let Some(range) = by_code.get_mut(usize::from(code)) {
                    *range = if range.0 == range.1 {
                        (i, i + 1)
                    } else {
                        (range.0, i + 1)
                    };
                }
            }
            let compiled = raw.ids.iter().map(|_| OnceLock::new()).collect();
            let formats = raw.ids.iter().map(|_| OnceLock::new()).collect();
            Ok(Tables {
                raw,
                compiled,
                formats,
                indexes,
                by_code,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

impl Tables {
    pub(crate) fn index_of_region(&self, id: &str) -> Option<usize> {
        self.raw.ids.iter().position(|&l| l == id && id != "001")
    }
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.raw.ids.len()
    }
    pub(crate) fn raw_id(&self, i: usize) -> Option<&'static str> {
        self.raw.ids.get(i).copied()
    }
    pub(crate) fn has_code(&self, cc: u16) -> bool {
        !self.territories_for_code(cc).is_empty()
    }
    pub(crate) fn territories_for_code(&self, cc: u16) -> &[usize] {
        self.by_code
            .get(usize::from(cc))
            .and_then(|&(start, end)| self.indexes.get(start..end))
            .unwrap_or(&[])
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
                .line(i)
                .map_or(Err(MetadataError::Missing("territory")), |l| {
                    Territory::compile(&l)
                })
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
                .line(i)
                .map_or(Err(MetadataError::Missing("territory")), |l| {
                    Formats::compile(&l)
                })
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
        let n = shared.raw.ids.len();
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

/// Number description: possible lengths as bit masks + full-match pattern.
#[derive(Clone)]
pub(crate) struct Desc {
    lengths: u64,
    local: u64,
    re: Pattern,
    src: &'static str,
}

impl Desc {
    fn compile(line: &Line, i: usize) -> Result<Option<Desc>, MetadataError> {
        let Some(d) = line.descriptor(i)? else {
            return Ok(None);
        };
        Ok(Some(Desc {
            lengths: d.lengths,
            local: d.local,
            re: full(d.pattern)?,
            src: d.pattern,
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
    pub(crate) id: &'static str,
    pub(crate) cc: u16,
    pub(crate) general: Desc,
    /// descriptors in libphonenumber's classification order
    pub(crate) ordered: Vec<(NumberType, Desc)>,
    pub(crate) fixed_line: Option<Desc>,
    pub(crate) mobile: Option<Desc>,
    pub(crate) same_mobile_and_fixed: bool,
    pub(crate) idd: Option<Pattern>,
    pub(crate) npp: Option<Pattern>,
    /// `nationalPrefixForParsing` is a plain literal like "0": fast path.
    pub(crate) npp_literal: Option<&'static str>,
    pub(crate) transform: Option<&'static str>,
    pub(crate) leading_digits: Option<Pattern>,
}

fn is_plain_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

impl Territory {
    fn compile(line: &Line) -> Result<Territory, MetadataError> {
        let general = Desc::compile(line, 0)?.ok_or(MetadataError::Missing("generalDesc"))?;
        let fixed_line = Desc::compile(line, 1)?;
        let mobile = Desc::compile(line, 2)?;
        let mut ordered = Vec::new();
        for (i, kind) in DESCRIPTORS.iter().enumerate().skip(3) {
            if let Some(d) = Desc::compile(line, i)? {
                ordered.push((*kind, d));
            }
        }

        // phonemetadata._same_pattern compares the patterns only
        let same_mobile_and_fixed = match (&fixed_line, &mobile) {
            (Some(f), Some(mo)) => f.src == mo.src,
            (None, None) => true,
            _ => false,
        };
        let npp_src = line.field(table::NATIONAL_PREFIX_FOR_PARSING);
        let pattern = |i| line.field(i).map(prefix).transpose();
        Ok(Territory {
            id: line.id,
            cc: line.code,
            general,
            ordered,
            fixed_line,
            mobile,
            same_mobile_and_fixed,
            idd: pattern(table::INTERNATIONAL_PREFIX)?,
            npp_literal: npp_src.filter(|s| is_plain_digits(s)),
            npp: pattern(table::NATIONAL_PREFIX_FOR_PARSING)?,
            transform: line.field(table::TRANSFORM_RULE),
            leading_digits: pattern(table::LEADING_DIGITS)?,
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
        // The shortest and longest possible length: the lowest and highest bit of the mask.
        let min = g.lengths.trailing_zeros() as usize;
        let max = 63 - g.lengths.leading_zeros() as usize;
        if len == min {
            Length::Possible
        } else if len < min {
            Length::TooShort
        } else if len > max {
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
    pub(crate) full: Pattern,
    pub(crate) leading: Option<Pattern>,
    /// national format rule with the national-prefix rule already applied
    pub(crate) national_rule: &'static str,
    /// plain format rule
    pub(crate) rule: &'static str,
}

/// National and international format lists of a territory.
#[derive(Clone)]
pub(crate) struct Formats {
    pub(crate) national: Vec<Format>,
    pub(crate) international: Vec<Format>,
}

impl Formats {
    fn compile(line: &Line) -> Result<Formats, MetadataError> {
        let mut national = Vec::new();
        let mut international = Vec::new();
        for f in line.formats() {
            let format = Format {
                full: full(f.pattern)?,
                leading: f.leading_digits.map(prefix).transpose()?,
                national_rule: f.national_rule,
                rule: f.rule,
            };
            match f.international_rule {
                Some("") => international.push(format.clone()),
                Some(rule) => international.push(Format {
                    rule,
                    ..format.clone()
                }),
                None => {}
            }
            national.push(format);
        }
        Ok(Formats {
            national,
            international,
        })
    }
}

/// `_choose_formatting_pattern_for_number`.
pub(crate) fn choose<'f>(formats: &'f [Format], nsn: &str) -> Option<&'f Format> {
    formats
        .iter()
        .find(|f| f.leading.as_ref().is_none_or(|l| l.is_match(nsn)) && f.full.is_match(nsn))
}
