#!/usr/bin/env python3
"""Generate a PhoneNumberMetadata.xml (the shape read by
`phonenumber::metadata::loader::load`) from the region data shipped in the
Python `phonenumbers` package, so that the Rust side uses exactly the same
metadata as the reference implementation.

Usage: python3 core/metadata/generate.py > core/metadata/PhoneNumberMetadata.xml
Requires: pip install phonenumbers==9.0.43 (the reference of core/vectors/make_numbers.py)

Notes on the mapping:
* Python stores group references as `\\1`; the XML uses `$1`.
* Python has already resolved `$NP`/`$FG` in nationalPrefixFormattingRule,
  so we emit the resolved rule (e.g. `0$1`), which is a fixed point of the
  $NP/$FG substitution.
* Python keeps a separate, complete intl_number_format list when any format
  differs internationally. The XML expresses this per numberFormat with an
  optional <intlFormat> (or `NA`). We align the two lists and fail loudly if
  they cannot be expressed that way.
"""
import re
import sys
from xml.sax.saxutils import escape, quoteattr

import phonenumbers
from phonenumbers import PhoneMetadata
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

DESCS = [
    ("generalDesc", "general_desc"), ("fixedLine", "fixed_line"), ("mobile", "mobile"),
    ("pager", "pager"), ("tollFree", "toll_free"), ("premiumRate", "premium_rate"),
    ("sharedCost", "shared_cost"), ("personalNumber", "personal_number"), ("voip", "voip"),
    ("uan", "uan"), ("voicemail", "voicemail"), ("noInternationalDialling", "no_international_dialling"),
]


def grp(s):
    """Python group references -> XML/$ references."""
    return None if s is None else re.sub(r"\\(\d)", r"$\1", s)


def attr(name, value):
    return "" if value is None else " %s=%s" % (name, quoteattr(str(value)))


def desc_xml(tag, d):
    if d is None or d.national_number_pattern is None:
        return ""
    out = ["      <%s>" % tag]
    pl = [x for x in (d.possible_length or ()) if x >= 0]
    loc = [x for x in (d.possible_length_local_only or ()) if x >= 0]
    if pl or loc:
        out.append("        <possibleLengths%s%s/>" % (
            attr("national", ",".join(map(str, pl)) if pl else None),
            attr("localOnly", ",".join(map(str, loc)) if loc else None)))
    if d.example_number:
        out.append("        <exampleNumber>%s</exampleNumber>" % escape(d.example_number))
    out.append("        <nationalNumberPattern>%s</nationalNumberPattern>" % escape(d.national_number_pattern))
    out.append("      </%s>" % tag)
    return "\n".join(out)


def same_shape(a, b):
    return a.pattern == b.pattern and list(a.leading_digits_pattern) == list(b.leading_digits_pattern)


def formats_xml(m):
    nat = list(m.number_format)
    intl = list(m.intl_number_format)
    if not nat:
        return ""
    out = ["      <availableFormats>"]
    j = 0
    for f in nat:
        intl_fmt = None  # None -> same as national
        if intl:
            if j < len(intl) and same_shape(f, intl[j]):
                if intl[j].format != f.format:
                    intl_fmt = grp(intl[j].format)
                j += 1
            else:
                intl_fmt = "NA"
        out.append("        <numberFormat%s%s%s%s>" % (
            attr("pattern", f.pattern),
            attr("nationalPrefixFormattingRule", grp(f.national_prefix_formatting_rule)),
            attr("nationalPrefixOptionalWhenFormatting",
                 "true" if f.national_prefix_optional_when_formatting else None),
            attr("carrierCodeFormattingRule", grp(f.domestic_carrier_code_formatting_rule))))
        for ld in f.leading_digits_pattern:
            out.append("          <leadingDigits>%s</leadingDigits>" % escape(ld))
        out.append("          <format>%s</format>" % escape(grp(f.format)))
        if intl_fmt is not None:
            out.append("          <intlFormat>%s</intlFormat>" % escape(intl_fmt))
        out.append("        </numberFormat>")
    if intl and j != len(intl):
        raise SystemExit("cannot align intl formats for %s" % m.id)
    out.append("      </availableFormats>")
    return "\n".join(out)


def territory(m, main):
    head = "    <territory%s%s%s%s%s%s%s%s%s%s%s>" % (
        attr("id", m.id), attr("countryCode", m.country_code),
        attr("mainCountryForCode", "true" if main else None),
        attr("leadingDigits", m.leading_digits),
        attr("internationalPrefix", m.international_prefix),
        attr("preferredInternationalPrefix", m.preferred_international_prefix),
        attr("nationalPrefix", m.national_prefix),
        attr("preferredExtnPrefix", m.preferred_extn_prefix),
        attr("nationalPrefixForParsing", m.national_prefix_for_parsing),
        attr("nationalPrefixTransformRule", grp(m.national_prefix_transform_rule)),
        attr("mobileNumberPortableRegion", "true" if m.mobile_number_portable_region else None))
    parts = [head, formats_xml(m)]
    parts += [desc_xml(tag, getattr(m, field, None)) for tag, field in DESCS]
    parts.append("    </territory>")
    return "\n".join(p for p in parts if p)


def main():
    print("<!-- generated by core/metadata/generate.py from phonenumbers %s -->" % phonenumbers.__version__)
    print("<phoneNumberMetadata>\n  <territories>")
    for cc in sorted(COUNTRY_CODE_TO_REGION_CODE):
        regions = COUNTRY_CODE_TO_REGION_CODE[cc]
        for i, r in enumerate(regions):
            if r == "001":
                m = PhoneMetadata.metadata_for_nongeo_region(cc)
            else:
                m = PhoneMetadata.metadata_for_region(r)
            if m is None:
                continue
            print(territory(m, i == 0 and len(regions) > 1))
    print("  </territories>\n</phoneNumberMetadata>")


if __name__ == "__main__":
    main()
