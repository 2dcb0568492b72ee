//! The embedded metadata table that `build.rs` writes: plain text, read in place (every field
//! is a `&'static str` into the embedded text, nothing is copied).
//!
//! The table is 18 columns separated by line breaks; a column holds one field per territory,
//! separated by U+001F. The columns: id, calling code (as the difference from the previous
//! territory's, empty for the same), leading digits, international prefix, national prefix
//! for parsing, its transform rule; the eleven descriptors in [`DESCRIPTORS`] order, each
//! `pattern U+001D lengths U+001D local-only lengths` (lengths as hexadecimal bit masks, left
//! out where the pattern matches no other length; local-only lengths for the general
//! descriptor only; empty when the territory has no such descriptor); the formats, separated
//! by U+001E, each `pattern U+001D leading digits U+001D national rule U+001D rule U+001D
//! international rule` (an empty national or international rule is "the same as the rule",
//! `NA` "none"). Missing trailing parts are empty. In patterns, U+0001 to U+0003 stand for
//! [`TOKENS`].
//!
//! Territories are ordered by calling code, the main country of a shared code first: that
//! order says which one is the main one.

use super::metadata::MetadataError;
use crate::NumberKind;

static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/metadata.txt"));

const FIELD: char = '\u{1f}';
const ITEM: char = '\u{1e}';
const PART: char = '\u{1d}';

/// Frequent regex fragments of the patterns and the control character that stands for each
/// (written by `build.rs`, expanded when a pattern is compiled).
pub(crate) const TOKENS: [(char, &str); 3] =
    [('\u{1}', "(?:"), ('\u{2}', "\\d{"), ('\u{3}', "\\d")];

/// Field positions in a line.
const ID: usize = 0;
const CODE: usize = 1;
pub(crate) const LEADING_DIGITS: usize = 2;
pub(crate) const INTERNATIONAL_PREFIX: usize = 3;
pub(crate) const NATIONAL_PREFIX_FOR_PARSING: usize = 4;
pub(crate) const TRANSFORM_RULE: usize = 5;
const FIRST_DESCRIPTOR: usize = 6;
const FORMATS: usize = FIRST_DESCRIPTOR + DESCRIPTORS.len();
const FIELDS: usize = FORMATS + 1;

/// The descriptors of a line, in order: the general one, then fixed line and mobile, then
/// the rest in libphonenumber's classification order (`_number_type_helper`).
pub(crate) const DESCRIPTORS: [NumberKind; 11] = [
    NumberKind::Unknown, // the general description
    NumberKind::FixedLine,
    NumberKind::Mobile,
    NumberKind::PremiumRate,
    NumberKind::TollFree,
    NumberKind::SharedCost,
    NumberKind::Voip,
    NumberKind::PersonalNumber,
    NumberKind::Pager,
    NumberKind::Uan,
    NumberKind::Voicemail,
];

/// One territory: its fields.
pub(crate) struct Line {
    pub(crate) id: &'static str,
    pub(crate) code: u16,
    fields: Vec<&'static str>,
}

/// A descriptor: its pattern and possible lengths.
pub(crate) struct RawDescriptor {
    pub(crate) pattern: &'static str,
    pub(crate) lengths: u64,
    pub(crate) local: u64,
}

/// A format as written in the table.
pub(crate) struct RawFormat {
    pub(crate) pattern: &'static str,
    pub(crate) leading_digits: Option<&'static str>,
    /// The rule with the national prefix in place (`0$1 $2`).
    pub(crate) national_rule: &'static str,
    pub(crate) rule: &'static str,
    /// `None`: not formatted internationally; `Some("")`: as nationally.
    pub(crate) international_rule: Option<&'static str>,
}

/// The table: its columns, and the ids and calling codes of its territories, which every
/// number needs. The other fields of a territory are looked up when it is first used
/// ([`Table::line`]), so reading the table costs a pass over those two columns only, and a
/// territory whose fields are not all there is found out when it is used.
pub(crate) struct Table {
    columns: Vec<&'static str>,
    pub(crate) ids: Vec<&'static str>,
    pub(crate) codes: Vec<u16>,
}

/// Reads the table's columns, ids and calling codes.
pub(crate) fn read() -> Result<Table, MetadataError> {
    let columns: Vec<&'static str> = TEXT.split('\n').collect();
    let column = |i: usize| columns.get(i).copied().unwrap_or_default().split(FIELD);
    let ids: Vec<&'static str> = column(ID).collect();
    if columns.len() != FIELDS {
        return Err(MetadataError::Decode("columns"));
    }
    let mut code = 0u16;
    let codes: Vec<u16> = column(CODE)
        .map(|step| {
            let step = match step {
                "" => Some(0),
                step => step.parse().ok().filter(|&s| s > 0),
            };
            code = step
                .and_then(|s| code.checked_add(s))
                .ok_or(MetadataError::Decode("calling code"))?;
            Ok(code)
        })
        .collect::<Result<_, _>>()?;
    if codes.len() != ids.len() {
        return Err(MetadataError::Decode("calling codes"));
    }
    Ok(Table {
        columns,
        ids,
        codes,
    })
}

impl Table {
    /// The fields of territory `t`; `None` when a column has no field for it.
    pub(crate) fn line(&self, t: usize) -> Option<Line> {
        let mut fields = Vec::with_capacity(FIELDS);
        for column in &self.columns {
            fields.push(column.split(FIELD).nth(t)?);
        }
        Some(Line {
            id: self.ids.get(t)?,
            code: *self.codes.get(t)?,
            fields,
        })
    }
}

impl Line {
    /// A header field, `None` when empty.
    pub(crate) fn field(&self, i: usize) -> Option<&'static str> {
        self.fields.get(i).copied().filter(|f| !f.is_empty())
    }

    /// The descriptor at position `i` of [`DESCRIPTORS`].
    pub(crate) fn descriptor(&self, i: usize) -> Result<Option<RawDescriptor>, MetadataError> {
        let Some(text) = self.field(FIRST_DESCRIPTOR + i) else {
            return Ok(None);
        };
        let mut parts = text.split(PART);
        let mask = |p: Option<&str>| match p.unwrap_or_default() {
            "" => Ok(0),
            hex => u64::from_str_radix(hex, 16).map_err(|_| MetadataError::Decode("lengths")),
        };
        Ok(Some(RawDescriptor {
            pattern: parts.next().unwrap_or_default(),
            lengths: mask(parts.next())?,
            local: mask(parts.next())?,
        }))
    }

    /// The formats, in order.
    pub(crate) fn formats(&self) -> impl Iterator<Item = RawFormat> {
        self.field(FORMATS)
            .into_iter()
            .flat_map(|f| f.split(ITEM))
            .map(|item| {
                let mut parts = item.split(PART);
                let mut next = || parts.next().unwrap_or_default();
                let (pattern, leading, national, rule) = (next(), next(), next(), next());
                RawFormat {
                    pattern,
                    leading_digits: Some(leading).filter(|l| !l.is_empty()),
                    national_rule: if national.is_empty() { rule } else { national },
                    rule,
                    international_rule: Some(next()).filter(|i| *i != "NA"),
                }
            })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// N1: `read` checks only the columns it reads; build.rs writes a field for every
    /// territory in every column, which this holds it to.
    #[test]
    fn n1_every_column_has_a_field_for_every_territory() {
        let table = read().unwrap();
        assert_eq!(table.columns.len(), FIELDS);
        for column in &table.columns {
            assert_eq!(column.split(FIELD).count(), table.ids.len());
        }
        assert!(table.line(table.ids.len() - 1).is_some());
        assert!(table.line(table.ids.len()).is_none());
    }
}
