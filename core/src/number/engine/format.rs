//! Display forms (N3): libphonenumber's `format_number(.., INTERNATIONAL / NATIONAL)`.

use super::metadata::{Compiled, Format, choose};
use super::pattern::expand;

/// The international form (`+49 171 12345678`): the territory's international formats,
/// else its national ones, behind the country code.
pub(crate) fn international(t: &impl Compiled, cc: u16, nsn: &str) -> String {
    let Some(&main) = t.tables().territories_for_code(cc).first() else {
        return nsn.to_owned();
    };
    let Ok(f) = t.formats(main) else {
        return format!("+{cc} {nsn}");
    };
    let list = if f.international.is_empty() {
        &f.national
    } else {
        &f.international
    };
    let mut intl = format!("+{cc} ");
    match choose(list, nsn) {
        Some(fm) => apply(fm, fm.rule, nsn, &mut intl),
        None => intl.push_str(nsn),
    }
    intl
}

/// The national form (`0171 12345678`), with the national prefix where the format asks.
pub(crate) fn national(t: &impl Compiled, cc: u16, nsn: &str) -> String {
    let main = t.tables().territories_for_code(cc).first();
    let Some(f) = main.and_then(|&m| t.formats(m).ok()) else {
        return nsn.to_owned();
    };
    let mut natl = String::with_capacity(nsn.len() + 6);
    match choose(&f.national, nsn) {
        Some(fm) => apply(fm, fm.national_rule, nsn, &mut natl),
        None => natl.push_str(nsn),
    }
    natl
}

/// `re.sub(pattern, rule, nsn)` for a pattern known to match `nsn` fully:
/// expand the rule from the full match's groups (one search, no scan for
/// further matches).
fn apply(fm: &Format, rule: &str, nsn: &str, out: &mut String) {
    match fm.full.captures(nsn) {
        Some(groups) => expand(rule, &groups, out),
        None => out.push_str(nsn),
    }
}
