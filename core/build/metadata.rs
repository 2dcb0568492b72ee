//! Embeds the numbering metadata: reads `metadata/PhoneNumberMetadata.xml` (generated from
//! the reference implementation by `metadata/generate.py`) with the `phonenumber` crate's
//! loader and writes the fields the engine uses as a compact text table that
//! `src/number/engine/table.rs` reads (format described there). Reading XML at build time keeps
//! both the parser and the text out of the library; keeping only the used fields (no example
//! numbers, no carrier or emergency data, only the last leading-digits pattern of a format)
//! and plain text, which gzip packs better than a binary encoding of the same strings, keeps
//! the browser module small.
//!
//! `PBX_RULES_REGIONS` (comma-separated ISO 3166 codes, `DE,AT,CH`) keeps only the territories
//! named, for pages that want a smaller module. Numbers of other countries are then refused
//! as `NUMBER_UNKNOWN_COUNTRY_CODE`. Unset or empty (the default) keeps every region.

use std::{env, fs::File, io::BufReader, path::Path};

use phonenumber::metadata::loader::{Descriptor, Format, Metadata};

#[path = "lengths.rs"]
mod lengths;
use lengths::pattern_lengths;

/// Separators of the table: columns, the fields of a column (one per territory), list
/// items, parts of an item.
const COLUMN: char = '\n';
const FIELD: char = '\u{1f}';
const ITEM: char = '\u{1e}';
const PART: char = '\u{1d}';

pub fn main() -> Result<(), Box<dyn std::error::Error>> {
    let xml = "metadata/PhoneNumberMetadata.xml";
    println!("cargo:rerun-if-changed={xml}");
    println!("cargo:rerun-if-env-changed=PBX_RULES_REGIONS");
    println!(
        "cargo:rustc-env=PBX_RULES_METADATA_VERSION={}",
        claimed_version(&std::fs::read_to_string(xml)?)?
    );
    let mut metadata = phonenumber::metadata::loader::load(BufReader::new(File::open(xml)?))?;
    let regions = env::var("PBX_RULES_REGIONS").unwrap_or_default();
    let keep: Vec<&str> = regions
        .split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .collect();
    if !keep.is_empty() {
        metadata.retain(|m| m.id.as_deref().is_some_and(|id| keep.contains(&id)));
        if metadata.len() != keep.len() {
            return Err(format!("PBX_RULES_REGIONS={regions}: unknown region among them").into());
        }
    }
    // By calling code, the main country of a shared code first (stable: the others keep the
    // XML's order): the engine finds a code's territories by binary search.
    metadata.sort_by_key(|m| (m.country_code, !m.main_country_for_code));
    let mut previous = 0;
    let rows = metadata
        .iter()
        .map(|m| {
            let row = territory(m, previous);
            previous = m.country_code.unwrap_or_default();
            row
        })
        .collect::<Result<Vec<_>, _>>()?;
    // Column by column (all ids, all calling codes, …): like next to like, which gzip packs
    // about 0.7 KB smaller than row by row.
    let columns = (0..rows.first().map_or(0, Vec::len)).map(|i| {
        rows.iter()
            .map(|row| row.get(i).map_or("", String::as_str))
            .collect::<Vec<_>>()
            .join(&FIELD.to_string())
    });
    let table = columns.collect::<Vec<_>>().join(&COLUMN.to_string());
    let out = Path::new(&env::var("OUT_DIR")?).join("metadata.txt");
    std::fs::write(out, table)?;
    Ok(())
}

/// One territory's fields: the header fields, the eleven descriptors, the formats. Which
/// territory is the main one of a shared code is said by the order of the territories.
///
/// The calling code is written as its difference from the `previous` territory's, empty
/// when it is the same: the codes ascend, so most differences are small or nothing, which
/// gzip packs 0.8 KB smaller than the codes themselves.
fn territory(m: &Metadata, previous: u16) -> Result<Vec<String>, String> {
    let text = |v: &Option<String>| v.as_deref().map(pattern).unwrap_or_default();
    let code = m.country_code.ok_or("territory without countryCode")?;
    let mut fields = vec![
        m.id.clone().ok_or("territory without id")?,
        match code.checked_sub(previous) {
            Some(0) => String::new(),
            Some(step) => step.to_string(),
            None => return Err("territories out of calling-code order".into()),
        },
        text(&m.leading_digits),
        text(&m.international_prefix),
        text(&m.national_prefix_for_parsing),
        m.national_prefix_transform_rule.clone().unwrap_or_default(),
    ];
    // The order of `table::DESCRIPTORS`. Local-only lengths matter for the general one only
    // (`_test_number_length`), so the others leave them out.
    fields.push(descriptor(m.general.as_ref(), true));
    for d in [
        &m.fixed_line,
        &m.mobile,
        &m.premium_rate,
        &m.toll_free,
        &m.shared_cost,
        &m.voip,
        &m.personal_number,
        &m.pager,
        &m.uan,
        &m.voicemail,
    ] {
        fields.push(descriptor(d.as_ref(), false));
    }
    fields.push(formats(m)?);
    if fields.iter().any(|f| f.contains([COLUMN, FIELD])) {
        return Err(format!("a field of {:?} holds a separator", m.id));
    }
    Ok(fields)
}

/// Frequent regex fragments and the control character that stands for each in the table
/// (`table::TOKENS` expands them): gzip packs the table about 1 KB smaller this way.
const TOKENS: [(&str, char); 3] = [("(?:", '\u{1}'), ("\\d{", '\u{2}'), ("\\d", '\u{3}')];

/// A pattern without the layout white space that libphonenumber's XML may carry: what the
/// engine compiles.
fn plain(p: &str) -> String {
    p.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A pattern as the table holds it: [`plain`], its frequent fragments replaced by their
/// tokens.
fn pattern(p: &str) -> String {
    TOKENS.iter().fold(plain(p), |p, (text, token)| {
        p.replace(text, &token.to_string())
    })
}

/// Possible lengths as a bit mask (bit n: length n); lengths of 64 and more cannot occur
/// (libphonenumber allows 17 digits at most).
fn mask(v: &[u16]) -> u64 {
    v.iter()
        .filter(|&&l| l < 64)
        .fold(0u64, |m, &l| m | (1 << l))
}

/// Possible lengths as a hexadecimal bit mask, empty for none.
fn lengths(mask: u64) -> String {
    match mask {
        0 => String::new(),
        mask => format!("{mask:x}"),
    }
}

/// `pattern PART lengths PART local-only lengths`, or empty when there is no pattern.
///
/// The general descriptor (`general`) keeps its lengths, which `_test_number_length`
/// reads, and its local-only lengths. Another descriptor's lengths only spare a match
/// (`_is_number_matching_desc` checks them first), so they are left out where the pattern
/// cannot match a number of another length anyway: the answer is the pattern's alone, and
/// gzip packs the table 0.6 KB smaller (libphonenumber's patterns always fit their lengths
/// today; a future one that does not keeps them).
fn descriptor(d: Option<&Descriptor>, general: bool) -> String {
    let Some((d, p)) = d.and_then(|d| Some((d, d.national_number.as_deref()?))) else {
        return String::new();
    };
    let possible = mask(&d.possible_length);
    let parts = if general {
        [
            pattern(p),
            lengths(possible),
            lengths(mask(&d.possible_local_length)),
        ]
    } else if pattern_lengths(&plain(p)).is_some_and(|l| l & !possible == 0) {
        [pattern(p), String::new(), String::new()]
    } else {
        [pattern(p), lengths(possible), String::new()]
    };
    parts
        .join(&PART.to_string())
        .trim_end_matches(PART)
        .to_owned()
}

/// The formats, each `pattern PART leading digits PART rule PART national rule PART
/// international rule`, where an empty national or international rule means "the same as
/// the rule" and `NA` "not formatted internationally" (as in libphonenumber's XML).
fn formats(m: &Metadata) -> Result<String, String> {
    let mut international = m.international_formats.iter().peekable();
    let mut items = Vec::new();
    for f in &m.formats {
        let same_shape =
            |i: &&Format| i.pattern == f.pattern && i.leading_digits == f.leading_digits;
        let intl = match international.next_if(same_shape) {
            Some(i) if i.format == f.format => String::new(),
            Some(i) => i
                .format
                .clone()
                .ok_or("international format without rule")?,
            None => "NA".to_owned(),
        };
        let rule = f.format.clone().ok_or("format without rule")?;
        let national = national_rule(&rule, f, m.national_prefix.as_deref());
        let parts = [
            pattern(f.pattern.as_deref().ok_or("format without pattern")?),
            f.leading_digits
                .last()
                .map(|l| pattern(l))
                .unwrap_or_default(),
            if national == rule {
                String::new()
            } else {
                national
            },
            rule,
            intl,
        ];
        items.push(
            parts
                .join(&PART.to_string())
                .trim_end_matches(PART)
                .to_owned(),
        );
    }
    if international.next().is_some() {
        return Err(format!("{:?}: international formats out of step", m.id));
    }
    Ok(items.join(&ITEM.to_string()))
}

/// The national format rule: the national-prefix formatting rule (`0$1`, with `$NP` the
/// national prefix and `$FG` the first group) put in place of the rule's first group, as
/// libphonenumber's `format_number(.., NATIONAL)` does.
fn national_rule(rule: &str, f: &Format, national_prefix: Option<&str>) -> String {
    let Some(npr) = f
        .national_prefix_formatting_rule
        .as_deref()
        .filter(|r| !r.is_empty())
    else {
        return rule.to_owned();
    };
    let npr = npr
        .replace("$NP", national_prefix.unwrap_or_default())
        .replace("$FG", "$1");
    // The first `$<digit>` of the rule (`_FIRST_GROUP_PATTERN`); `$1` in the national-prefix
    // rule stands for that token itself (`$2`, say), as in Python's `re.sub` template.
    let b = rule.as_bytes();
    match (0..b.len().saturating_sub(1)).find(|&i| b[i] == b'$' && b[i + 1].is_ascii_digit()) {
        Some(i) => format!(
            "{}{}{}",
            &rule[..i],
            npr.replace("$1", &rule[i..i + 2]),
            &rule[i + 2..]
        ),
        None => rule.to_owned(),
    }
}

/// The phonenumbers version named in the XML's first line, which `generate.py` writes
/// (`core/tests/metadata_version.rs` checks that the rest of the file matches it).
fn claimed_version(xml: &str) -> Result<&str, String> {
    const HEAD: &str = "<!-- generated by core/metadata/generate.py from phonenumbers ";
    xml.lines()
        .next()
        .and_then(|line| line.strip_prefix(HEAD))
        .and_then(|rest| rest.split(';').next())
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.'))
        .ok_or_else(|| "PhoneNumberMetadata.xml has no generate.py header: regenerate it".into())
}
