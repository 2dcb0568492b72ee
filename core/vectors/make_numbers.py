"""Writes numbers.json: the shared number test vectors (N1-N3), with expected results
taken from the reference implementation, Python `phonenumbers` (pinned below), never from
pbx-rules itself.

Inputs are curated: German and foreign numbers in every typed form N1 names, plus one group
per kind of invalid input (N2). Inputs that our own pre-check refuses before libphonenumber
runs (letters, symbols, a misplaced '+', nothing typed) carry the code the spec asks for.

Run:  python3 core/vectors/make_numbers.py   (needs phonenumbers==9.0.43)
"""
import json
import pathlib

import phonenumbers as pn
from phonenumbers import NumberParseException as NPE
from phonenumbers import ValidationResult as VR

REFERENCE = "9.0.43"
assert pn.__version__ == REFERENCE, f"phonenumbers {REFERENCE} is the reference, found {pn.__version__}"

# Our snake_case kind codes are libphonenumber's names in lower case.
KINDS = {getattr(pn.PhoneNumberType, n): n.lower() for n in dir(pn.PhoneNumberType) if n.isupper()}

# (id stem, region, national digits as dialled in that region, typed variants apply?)
GERMAN = [
    ("de-mobile-0171", "0171 12345678"), ("de-mobile-0151", "01512 3456789"),
    ("de-mobile-0160", "0160 1234567"), ("de-mobile-0176", "0176 23456789"),
    ("de-fixed-mainz", "06131 62468"), ("de-fixed-mainz-ext", "06131 6246810"),
    ("de-fixed-berlin", "030 12345678"), ("de-fixed-munich", "089 1234567"),
    ("de-fixed-cologne", "0221 1234567"), ("de-fixed-small-town", "033203 12345"),
    ("de-tollfree", "0800 1234567"), ("de-shared-cost", "01805 123456"),
    ("de-premium", "0900 1234567"), ("de-personal", "0700 12345678"),
]
# Typed forms of N1 for a German national number "0AAA BBBBB": every separator.
def german_forms(national):
    area, rest = national.split(" ", 1)
    intl = area[1:]
    return {
        "national-space": f"{area} {rest}",
        "national-digits": f"{area}{rest}",
        "national-hyphen": f"{area}-{rest}",
        "national-slash": f"{area}/{rest}",
        "national-parens": f"({area}) {rest}",
        "national-dots": f"{area}.{rest[:3]}.{rest[3:]}",
        "plus": f"+49 {intl} {rest}",
        "plus-zero-in-parens": f"+49 (0){intl} {rest}",
        "double-zero": f"0049 {intl} {rest}",
        "plus-hyphens": f"+49-{intl}-{rest}",
    }

FOREIGN = [
    ("at-mobile", "+43 664 1234567"), ("at-fixed-vienna", "+43 1 5344567"),
    ("ch-fixed-zurich", "+41 44 668 18 00"), ("ch-mobile", "+41 79 123 45 67"),
    ("fr-mobile", "+33 6 12 34 56 78"), ("fr-fixed-paris", "+33 1 42 68 53 00"),
    ("nl-mobile", "+31 6 12345678"), ("nl-fixed", "+31 20 123 4567"),
    ("gb-mobile", "+44 7400 123456"), ("gb-fixed-london", "+44 20 7946 0018"),
    ("us-fixed", "+1 202-555-0143"), ("us-real", "+1 (650) 253-0000"),
    ("it-mobile", "+39 312 345 6789"), ("it-fixed-rome", "+39 06 1234 5678"),
    ("pl-mobile", "+48 512 345 678"), ("es-mobile", "+34 612 34 56 78"),
    ("tr-mobile", "+90 501 234 56 78"), ("be-mobile", "+32 470 12 34 56"),
    ("dk-fixed", "+45 32 12 34 56"), ("se-mobile", "+46 70 123 45 67"),
    ("cz-mobile", "+420 601 123 456"), ("jp-mobile", "+81 90-1234-5678"),
    ("in-mobile", "+91 81234 56789"), ("au-mobile", "+61 412 345 678"),
    ("br-mobile", "+55 11 96123-4567"), ("cn-mobile", "+86 131 2345 6789"),
]
# Foreign numbers typed with 00 instead of + (DE's international prefix) and with dots.
def foreign_forms(intl):
    return {"plus": intl, "double-zero": "00" + intl[1:], "dots": intl.replace(" ", ".")}

# Numbers typed under another default region (N1: the region is configurable per PBX).
OTHER_REGIONS = [
    ("AT", "at-national-mobile", "0664 1234567"), ("AT", "at-national-vienna", "01 5344567"),
    ("DE", "de-short-49-area-4947", "04947 12"), ("DE", "de-short-49-area-digits", "0494712"),
    ("DE", "de-short-49-area-4941", "04941 123"), ("DE", "de-short-49-area-hyphen", "04947-95"),
    ("DE", "de-short-49-area-plus", "+49 4947 12"), ("DE", "de-short-49-area-slash", "04947/2431462"),
    ("CH", "ch-national-zurich", "044 668 18 00"), ("CH", "ch-national-mobile", "079 123 45 67"),
    ("AT", "at-region-german-intl", "+49 171 12345678"), ("CH", "ch-region-00-german", "0049 171 12345678"),
    ("FR", "fr-national-mobile", "06 12 34 56 78"), ("US", "us-national", "(202) 555-0143"),
    ("GB", "gb-national-mobile", "07400 123456"), ("NL", "nl-national-mobile", "06 12345678"),
]

# N1: pasted click-to-call links (RFC 3966 global numbers, visual separators - . ( ), the
# scheme in any case); a local number without ;phone-context= reads as typed nationally.
TEL_URIS = [
    ("tel-global-hyphens", "DE", "tel:+49-421-68971152"), ("tel-global-digits", "DE", "tel:+4942168971152"),
    ("tel-global-dots-parens", "DE", "tel:+49.421.(689)71152"), ("tel-upper-scheme", "DE", "TEL:+49-171-12345678"),
    ("tel-mixed-scheme", "DE", "Tel:+49-30-12345678"), ("tel-spaces", "DE", "tel:+49 421 68971152"),
    ("tel-leading-space", "DE", "  tel:+49-89-1234567"), ("tel-us", "DE", "tel:+1-202-555-0143"),
    ("tel-fr", "DE", "tel:+33-6-12-34-56-78"), ("tel-ch-under-at", "AT", "tel:+41-44-668-18-00"),
    ("tel-local-no-context", "DE", "tel:0421-68971152"),
]

# N2: inputs libphonenumber refuses; the code is derived from its verdict below.
REFERENCE_INVALID = [
    ("too-short-2-digits", "DE", "01"), ("too-short-local-only", "DE", "62468"),
    ("too-short-mobile", "DE", "0171 12"), ("too-short-intl", "DE", "+49 1"),
    ("too-long", "DE", "0171 123456789012345"), ("too-long-intl", "DE", "+49 171 1234567890123"),
    ("unknown-country-999", "DE", "+999 1234567"), ("unknown-country-00", "DE", "00 888 1234567"),
    ("invalid-de-032", "DE", "032 12345678"), ("invalid-de-short-49", "DE", "49476"),
    ("invalid-de-0191", "DE", "0191 1234567"), ("invalid-ch-range", "DE", "+41 99 123 45 67"),
    ("invalid-us-555-0", "DE", "+1 055 555 0143"), ("invalid-fr-range", "DE", "+33 0 12 34 56 78"),
    ("invalid-gb-length", "DE", "+44 7000 0000"), ("zero-only", "DE", "0000000"),
    ("plus-only-digits-zero", "DE", "+0 171 12345678"), ("idd-only", "DE", "0049"),
    ("at-too-short", "AT", "0664 12"), ("ch-invalid", "CH", "012 345 67 89"),
    ("tel-too-short", "DE", "tel:+49-1"), ("tel-unknown-country", "DE", "tel:+999-1234567"),
    ("tel-invalid-de", "DE", "tel:+49-32-12345678"),
]

# N2: inputs our pre-check refuses before any numbering rule runs (codes from the spec).
SPEC_INVALID = [
    ("empty", "DE", "", "NUMBER_EMPTY"), ("blank", "DE", "   ", "NUMBER_EMPTY"),
    ("separators-only", "DE", " - / ( ) . ", "NUMBER_EMPTY"),
    ("letters-vanity", "DE", "0800 FLOWERS", "NUMBER_HAS_LETTERS"),
    ("letters-word", "DE", "mobile", "NUMBER_HAS_LETTERS"),
    ("letters-extension", "DE", "06131 62468 ext 10", "NUMBER_HAS_LETTERS"),
    ("letters-umlaut", "DE", "0171 ä12345", "NUMBER_HAS_LETTERS"),
    ("symbol-hash", "DE", "0171#12345678", "NUMBER_INVALID_CHARACTER"),
    ("symbol-star", "DE", "*31#0171 12345678", "NUMBER_INVALID_CHARACTER"),
    ("symbol-comma", "DE", "0171,12345678", "NUMBER_INVALID_CHARACTER"),
    ("symbol-semicolon", "DE", "0171;12345678", "NUMBER_INVALID_CHARACTER"),
    ("plus-in-middle", "DE", "0171+12345678", "NUMBER_MISPLACED_PLUS"),
    ("double-plus", "DE", "++49 171 12345678", "NUMBER_MISPLACED_PLUS"),
    ("plus-alone", "DE", "+", "NUMBER_TOO_SHORT"),
    # tel: links with parameters the switch cannot honour (phonenumbers drops ;ext= and
    # ;isub=, reads ;phone-context=, and refuses other parameters as not a number).
    ("tel-ext", "DE", "tel:+49-421-68971152;ext=10", "NUMBER_TEL_EXTENSION"),
    ("tel-ext-upper", "DE", "tel:+49-421-68971152;EXT=10", "NUMBER_TEL_EXTENSION"),
    ("tel-isub", "DE", "tel:+49-421-68971152;isub=1234", "NUMBER_TEL_SUBADDRESS"),
    ("tel-phone-context-local", "DE", "tel:68971152;phone-context=+49-421", "NUMBER_TEL_PHONE_CONTEXT"),
    ("tel-phone-context-domain", "DE", "tel:0421-68971152;phone-context=example.com", "NUMBER_TEL_PHONE_CONTEXT"),
    ("tel-other-parameter", "DE", "tel:+49-421-68971152;tgrp=tg1", "NUMBER_TEL_PARAMETER"),
    ("tel-empty-parameter", "DE", "tel:+49-421-68971152;", "NUMBER_INVALID_CHARACTER"),
    ("tel-empty", "DE", "tel:", "NUMBER_EMPTY"),
    ("tel-letters", "DE", "tel:+49-421-CALLME", "NUMBER_HAS_LETTERS"),
    ("tel-percent-encoded", "DE", "tel:%2B49-421-68971152", "NUMBER_INVALID_CHARACTER"),
]


def expected(region, text):
    """The reference verdict for one input, mapped onto pbx-rules' codes."""
    try:
        n = pn.parse(text, region)
    except NPE as e:
        code = {NPE.INVALID_COUNTRY_CODE: "NUMBER_UNKNOWN_COUNTRY_CODE", NPE.TOO_LONG: "NUMBER_TOO_LONG"}
        return {"error": code.get(e.error_type, "NUMBER_TOO_SHORT")}
    if pn.is_valid_number(n):
        return {
            "e164": pn.format_number(n, pn.PhoneNumberFormat.E164),
            "kind": KINDS[pn.number_type(n)],
            "number_region": pn.region_code_for_number(n),
            "international": pn.format_number(n, pn.PhoneNumberFormat.INTERNATIONAL),
            "national": pn.format_number(n, pn.PhoneNumberFormat.NATIONAL),
        }
    reason = pn.is_possible_number_with_reason(n)
    code = {
        VR.TOO_SHORT: "NUMBER_TOO_SHORT", VR.IS_POSSIBLE_LOCAL_ONLY: "NUMBER_TOO_SHORT",
        VR.TOO_LONG: "NUMBER_TOO_LONG", VR.INVALID_COUNTRY_CODE: "NUMBER_UNKNOWN_COUNTRY_CODE",
    }.get(reason, "NUMBER_INVALID")
    return {"error": code}


def cases():
    for stem, national in GERMAN:
        for form, text in german_forms(national).items():
            yield {"id": f"N1-{stem}-{form}", "rule": "N1", "region": "DE", "input": text}
    for stem, intl in FOREIGN:
        for form, text in foreign_forms(intl).items():
            yield {"id": f"N1-{stem}-{form}", "rule": "N1", "region": "DE", "input": text}
    for region, stem, text in OTHER_REGIONS:
        yield {"id": f"N1-{stem}", "rule": "N1", "region": region, "input": text}
    for stem, region, text in TEL_URIS:
        yield {"id": f"N1-{stem}", "rule": "N1", "region": region, "input": text}
    for stem, region, text in REFERENCE_INVALID:
        yield {"id": f"N2-{stem}", "rule": "N2", "region": region, "input": text}


def main():
    out = []
    for case in cases():
        case.update(expected(case["region"], case["input"]))
        out.append(case)
    for stem, region, text, code in SPEC_INVALID:
        out.append({"id": f"N2-{stem}", "rule": "N2", "region": region, "input": text, "error": code})
    ids = [c["id"] for c in out]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    doc = {
        "about": "Phone-number normalisation (N1-N3). Expected values from Python phonenumbers "
                 f"{REFERENCE} (the reference), mapped to pbx-rules codes; see make_numbers.py.",
        "cases": out,
    }
    path = pathlib.Path(__file__).with_name("numbers.json")
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(out)} cases -> {path}")


if __name__ == "__main__":
    main()
