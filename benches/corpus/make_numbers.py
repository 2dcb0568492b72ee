#!/usr/bin/env python3
"""Generate benches/corpus/numbers.tsv: 100,000 phone numbers as people type them
into a German hosted-PBX portal, one per line as `input<TAB>region`.

Why: the number benchmarks (benches/compare/) and the agreement check against
Google's libphonenumber (via the Python `phonenumbers` port) need a realistic,
reproducible input.  This script is the source of truth; numbers.tsv is its
output and is committed so runs do not need Python to create it.

Mix (targets, exact counts are printed when the script runs):
  ~70 %  German numbers: mobile 015x/016x/017x, fixed line (big cities such as
         030/089/0221/06131 plus many random area codes, incl. short
         area+subscriber combinations like 04947 12), service 0800/0180x/0900
  ~25 %  foreign numbers (AT, CH, FR, NL, GB, US, IT, PL, ES, TR, ...), written
         internationally (+CC / 00CC); a few AT/CH numbers written nationally
         with region AT/CH
   ~5 %  invalid: letters, too short, too long, unknown country code, numbers
         not valid for their region, empty / whitespace / punctuation only
Each valid number is typed in one of the forms of the spec: `0171 12345678`,
`+49 171 12345678`, `0049 171 12345678`, `(0171) 123-45-678`, `0171/12345678`,
`+49 (0)171 12345678`, `0171.123.456.78`, ...

Valid numbers are made with phonenumbers itself: random digits inside each
region's number ranges, kept only if is_valid_number() says so and the typed
form parses back to the same number.  Invalid ones are kept only if
phonenumbers rejects them.  So with phonenumbers==9.0.43 the valid/invalid
split of the corpus is exact.

Deterministic: fixed seed, no set/dict-order dependence.  Requires
phonenumbers==9.0.43 (benches/compare/requirements.txt).

Usage:  benches/compare/.venv/bin/python benches/corpus/make_numbers.py [--out PATH] [--count N]
"""
import argparse
import collections
import os
import random
import re
import sys

import phonenumbers as pn
from phonenumbers import PhoneNumberType as T

PINNED = "9.0.43"
SEED = 20240611
DIGITS = "0123456789"

# --- German number ranges ------------------------------------------------------
DE_MOBILE_PREFIXES = ["151", "152", "155", "157", "159", "160", "162", "163"] + [
    str(p) for p in range(170, 180)
]
# (area code without trunk 0, weight): big cities typed often, Mainz on purpose.
DE_BIG_AREAS = [("30", 12), ("40", 8), ("89", 10), ("221", 6), ("69", 6), ("211", 4),
                ("711", 4), ("6131", 6), ("611", 3), ("341", 3), ("351", 3), ("511", 3),
                ("421", 2), ("231", 2), ("201", 2), ("911", 2), ("228", 2), ("621", 2),
                ("761", 2), ("6151", 2), ("4947", 2), ("33203", 1), ("38823", 1)]
# Service numbers: (prefix, national-significant length choices, weight)
DE_SERVICE = [("800", [10], 6), ("1801", [10, 11], 1), ("1802", [10, 11], 1),
              ("1803", [10, 11], 1), ("1805", [10, 11], 1), ("1806", [10, 11], 1),
              ("1807", [10, 11], 1), ("900", [10], 1)]

# --- foreign regions (region, weight) ------------------------------------------
FOREIGN = [("AT", 5), ("CH", 5), ("FR", 3), ("NL", 3), ("GB", 3), ("US", 3), ("IT", 2),
           ("PL", 3), ("ES", 2), ("TR", 3), ("BE", 1), ("DK", 1), ("SE", 1), ("CZ", 1),
           ("LU", 1), ("NO", 1), ("PT", 1), ("GR", 1), ("RO", 1), ("HR", 1), ("RU", 1),
           ("UA", 1), ("IN", 1), ("CN", 1), ("BR", 1), ("AU", 1)]


def wchoice(rng, items):
    """Pick from [(value, weight), ...] deterministically."""
    total = sum(w for _, w in items)
    x = rng.randrange(total)
    for v, w in items:
        if x < w:
            return v
        x -= w
    raise AssertionError


def rdigits(rng, n):
    return "".join(rng.choice(DIGITS) for _ in range(n))


def valid(num, want_types=None):
    if not pn.is_valid_number(num):
        return False
    return want_types is None or pn.number_type(num) in want_types


def de_number(rng, kind):
    """A valid German PhoneNumber of kind mobile/fixed/short/service."""
    while True:
        if kind == "mobile":
            p = rng.choice(DE_MOBILE_PREFIXES)
            nsn = p + rdigits(rng, rng.choice([10, 11]) - len(p))
            want = (T.MOBILE,)
        elif kind == "fixed":
            if rng.random() < 0.6:
                area = wchoice(rng, DE_BIG_AREAS)
            else:  # random area code 2..5 digits; validity check keeps real ones
                area = rng.choice("23456789") + rdigits(rng, rng.choice([1, 2, 3, 3, 3, 4]))
            nsn = area + rdigits(rng, rng.randint(max(3, 9 - len(area)), 11 - len(area)))
            want = (T.FIXED_LINE, T.FIXED_LINE_OR_MOBILE)
        elif kind == "short":  # area + very short subscriber, e.g. 04947 12
            area = rng.choice(["4947", "33203", "38823", "7531", "9131", "4102", "3322",
                               "6131", "5252", "8106", "2630"]) if rng.random() < 0.5 else \
                rng.choice("3456789") + rdigits(rng, 3)
            nsn = area + rdigits(rng, rng.randint(1, 3))
            want = (T.FIXED_LINE, T.FIXED_LINE_OR_MOBILE)
        else:  # service
            p, lens, _ = rng.choice([s for s in DE_SERVICE for _ in range(s[2])])
            nsn = p + rdigits(rng, rng.choice(lens) - len(p))
            want = None
        num = pn.PhoneNumber(country_code=49, national_number=int(nsn))
        if valid(num, want):
            return num


def foreign_number(rng, region):
    """A valid number of region: an example number with a random tail."""
    ptype = T.MOBILE if rng.random() < 0.55 else T.FIXED_LINE
    ex = pn.example_number_for_type(region, ptype) or pn.example_number(region)
    nsn = pn.national_significant_number(ex)
    for _ in range(200):
        keep = min(rng.choice([1, 1, 2, 2, 3, 4, 5]), len(nsn) - 3)  # mostly new prefixes
        cand = nsn[:keep] + rdigits(rng, len(nsn) - keep)
        if cand[0] == "0" and nsn[0] != "0":
            continue
        num = pn.PhoneNumber(country_code=ex.country_code, national_number=int(cand))
        zeros = len(cand) - len(cand.lstrip("0"))  # Italian-style leading zero(s)
        if zeros:
            num.italian_leading_zero = True
            num.number_of_leading_zeros = zeros if zeros > 1 else None
        if pn.is_valid_number_for_region(num, region):
            return num
    return ex


# --- typing the number ----------------------------------------------------------
def chunks(rng, s):
    """Split subscriber digits into groups of 2-3, like people write them."""
    out = []
    while s:
        n = len(s) if len(s) <= 3 else 2 if len(s) == 4 else rng.choice([2, 3])
        out.append(s[:n])
        s = s[n:]
    return out


def national_forms(rng, num):
    """Typed national forms: area code with trunk prefix + subscriber."""
    parts = pn.format_number(num, pn.PhoneNumberFormat.NATIONAL).split()
    area, sub = (parts[0], "".join(parts[1:])) if len(parts) > 1 else (parts[0], "")
    if not sub:
        return [("national_compact", area)]
    g = chunks(rng, sub)
    return [("national_space", f"{area} {sub}"),
            ("national_compact", area + sub),
            ("national_slash", f"{area}/{sub}"),
            ("national_dash", f"{area}-{sub}"),
            ("national_paren", f"({area}) {sub}"),
            ("national_paren_dashes", f"({area}) {'-'.join(g)}"),
            ("national_dots", f"{area}.{'.'.join(g)}"),
            ("national_groups", f"{area} {' '.join(g)}")]


def international_forms(rng, num):
    """Typed international forms: +CC / 00CC, separators, (0) trunk hint."""
    region = pn.region_code_for_number(num)
    groups = re.split(r"[\s-]+", pn.format_number(num, pn.PhoneNumberFormat.INTERNATIONAL))
    cc, rest = groups[0], groups[1:]
    flat = "".join(rest)
    md = pn.PhoneMetadata.metadata_for_region(region)
    forms = [("intl_plus_space", " ".join(groups)),
             ("intl_plus_compact", cc + flat),
             ("intl_plus_dash", "-".join(groups)),
             ("intl_00_space", "00" + cc[1:] + " " + " ".join(rest)),
             ("intl_00_compact", "00" + cc[1:] + flat),
             ("intl_plus_slash", f"{cc} {rest[0]}/{''.join(rest[1:])}" if len(rest) > 1
              else f"{cc} {flat}"),
             ("intl_plus_dots", cc + " " + ".".join(rest))]
    if md is not None and md.national_prefix == "0":
        forms.append(("intl_trunk_hint", f"{cc} (0){' '.join(rest)}"))
        forms.append(("intl_trunk_hint", f"{cc} (0) {' '.join(rest)}"))
    if len(rest) > 1:
        forms.append(("intl_paren_area", f"{cc} ({rest[0]}) {' '.join(rest[1:])}"))
    return forms


def typed(rng, num, region, national_share):
    """Pick a typed form that parses back to num with the given default region."""
    forms = international_forms(rng, num)
    if rng.random() < national_share:
        forms = national_forms(rng, num)
    rng.shuffle(forms)
    for form, text in forms:
        if rng.random() < 0.01:
            text = f" {text} "  # stray whitespace from copy & paste
        try:
            back = pn.parse(text, region)
        except pn.NumberParseException:
            continue
        if back.country_code == num.country_code and \
                pn.national_significant_number(back) == pn.national_significant_number(num) \
                and pn.is_valid_number(back):
            return form, text
    raise RuntimeError(f"no typed form round-trips for {num}")


# --- invalid inputs --------------------------------------------------------------
def invalid_candidate(rng):
    kind = rng.choice(["letters", "too_short", "too_long", "unknown_cc",
                       "invalid_for_region", "empty"])
    if kind == "letters":
        text = rng.choice(["abc", "tel", "n/a", "keine", "call me", "Zentrale",
                           f"0171 {rdigits(rng, 3)}x{rdigits(rng, 2)}",
                           f"0{rng.choice('23456789')}{rdigits(rng, 2)} ABC",
                           f"+49 O{rdigits(rng, 3)} {rdigits(rng, 4)}",
                           f"mobil: 0{rdigits(rng, 1)}"])
    elif kind == "too_short":
        text = rng.choice([rdigits(rng, rng.randint(1, 2)),
                           "0" + rng.choice("123456789") + rdigits(rng, rng.randint(0, 2)),
                           "+49 " + rdigits(rng, rng.randint(1, 3)),
                           "0171", "0171 1", "030 1", "04947 6", "+43 1", "+1 212"])
    elif kind == "too_long":
        text = rng.choice(["0171 " + rdigits(rng, rng.randint(12, 14)),
                           "+49 30 " + rdigits(rng, rng.randint(13, 15)),
                           "0049 89 " + rdigits(rng, 14),
                           "+33 6 " + rdigits(rng, 10),
                           "+1 212 555 " + rdigits(rng, 8)])
    elif kind == "unknown_cc":
        cc = rng.choice(["999", "28", "80", "83", "89", "210", "259", "292", "671", "969"])
        text = rng.choice(["+", "00"]) + cc + " " + rdigits(rng, rng.randint(6, 10))
    elif kind == "invalid_for_region":
        text = rng.choice(["0" + "1" + rng.choice("0234689") + rdigits(rng, 8),  # bad 01x
                           "+49 0" + rdigits(rng, 9),
                           "+49 99 " + rdigits(rng, 4),
                           "0041 " + "0" + rdigits(rng, 8),
                           "+44 " + "0" + rdigits(rng, 9),
                           "+33 " + rng.choice("0") + rdigits(rng, 8),
                           "+1 " + rng.choice("01") + rdigits(rng, 9),
                           "+43 " + "0" + rdigits(rng, 6),
                           "0199 " + rdigits(rng, 7)])
    else:
        text = rng.choice(["", " ", "   ", "-", "()", "+", "/", "+49", "0049", "0", "--"])
    return kind, text


def is_rejected(text, region):
    try:
        return not pn.is_valid_number(pn.parse(text, region))
    except pn.NumberParseException:
        return True


# --- the corpus --------------------------------------------------------------------
def generate(count, seed=SEED):
    rng = random.Random(seed)
    rows = []
    stats = collections.Counter()
    n_invalid = round(count * 0.05)
    n_foreign = round(count * 0.25)
    n_de = count - n_invalid - n_foreign
    plan = ["de"] * n_de + ["foreign"] * n_foreign + ["invalid"] * n_invalid
    rng.shuffle(plan)
    for what in plan:
        if what == "de":
            kind = wchoice(rng, [("mobile", 40), ("fixed", 44), ("short", 6), ("service", 10)])
            num = de_number(rng, kind)
            # German numbers are typed nationally most of the time; users in
            # AT/CH accounts must use the international form.
            region = wchoice(rng, [("DE", 90), ("AT", 6), ("CH", 4)])
            form, text = typed(rng, num, region, 0.6 if region == "DE" else 0.0)
            cat = f"de_{kind}"
        elif what == "foreign":
            fregion = wchoice(rng, FOREIGN)
            num = foreign_number(rng, fregion)
            if fregion in ("AT", "CH") and rng.random() < 0.25:
                region, share = fregion, 1.0  # AT/CH account typing its own national number
            else:
                region, share = wchoice(rng, [("DE", 85), ("AT", 9), ("CH", 6)]), 0.0
            form, text = typed(rng, num, region, share)
            cat = f"foreign_{fregion}"
        else:
            region = wchoice(rng, [("DE", 90), ("AT", 6), ("CH", 4)])
            while True:
                kind, text = invalid_candidate(rng)
                if is_rejected(text, region):
                    break
            form, cat = "invalid", f"invalid_{kind}"
        assert "\t" not in text and "\n" not in text
        rows.append((text, region))
        stats["group:" + what] += 1
        stats["category:" + cat] += 1
        stats["form:" + form] += 1
        stats["region:" + region] += 1
    return rows, stats


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(here, "numbers.tsv"))
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--any-version", action="store_true",
                    help=f"allow phonenumbers != {PINNED} (corpus will differ)")
    args = ap.parse_args()
    if pn.__version__ != PINNED and not args.any_version:
        sys.exit(f"phonenumbers {pn.__version__} installed, corpus is defined with {PINNED}; "
                 "run benches/compare/setup.sh or pass --any-version")
    rows, stats = generate(args.count)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for text, region in rows:
            f.write(f"{text}\t{region}\n")
    print(f"wrote {len(rows)} lines to {args.out}")
    for key in sorted(stats):
        print(f"  {key:40s} {stats[key]:7d}  {100 * stats[key] / len(rows):5.1f}%")


if __name__ == "__main__":
    main()
