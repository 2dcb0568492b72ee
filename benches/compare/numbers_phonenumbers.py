#!/usr/bin/env python3
"""Peer benchmark: Python `phonenumbers` (port of Google's libphonenumber) on the
phone-number corpus (benches/corpus/numbers.tsv).

Measures, per corpus line: parse(input, region) + is_valid_number + format E.164
(an exception or an invalid number counts as an error).
  numbers_per_s    whole corpus pass, best of --repeat passes after a warm-up
  first_answer_ms  median over --fresh fresh interpreters of (import phonenumbers
                   + first parse/validate/format), measured inside the process;
                   first_answer_process_ms is the wall clock of the whole
                   subprocess including interpreter start-up
Prints one JSON line:
  {"impl":"phonenumbers","numbers_per_s":...,"valid":...,"invalid":...,"first_answer_ms":...}

--reference OUT.tsv additionally writes the per-line reference results (untimed):
  input<TAB>region<TAB>e164-or-ERROR<TAB>type<TAB>international<TAB>national
type is phonenumbers' PhoneNumberType name (MOBILE, FIXED_LINE, ...); for ERROR
rows type/international/national are empty.  This is the agreement oracle for
pbx-rules.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "corpus", "numbers.tsv")

FIRST_ANSWER_SNIPPET = """
import time
t0 = time.perf_counter()
import phonenumbers as pn
n = pn.parse("0171 12345678", "DE")
assert pn.is_valid_number(n)
pn.format_number(n, pn.PhoneNumberFormat.E164)
print((time.perf_counter() - t0) * 1000)
"""


def read_corpus(path):
    with open(path, encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in f]


def e164_or_none(text, region):
    """The benchmarked operation: E.164 string, or None for an error."""
    try:
        n = pn.parse(text, region)
    except pn.NumberParseException:
        return None
    if not pn.is_valid_number(n):
        return None
    return pn.format_number(n, F.E164)


def run_pass(rows):
    valid = 0
    for text, region in rows:
        if e164_or_none(text, region) is not None:
            valid += 1
    return valid


def reference_row(text, region):
    try:
        n = pn.parse(text, region)
    except pn.NumberParseException:
        n = None
    if n is None or not pn.is_valid_number(n):
        return [text, region, "ERROR", "", "", ""]
    return [text, region, pn.format_number(n, F.E164),
            pn.PhoneNumberType.to_string(pn.number_type(n)),
            pn.format_number(n, F.INTERNATIONAL), pn.format_number(n, F.NATIONAL)]


def first_answer(fresh):
    inner, outer = [], []
    for _ in range(fresh):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", FIRST_ANSWER_SNIPPET],
                             check=True, capture_output=True, text=True).stdout
        outer.append((time.perf_counter() - t0) * 1000)
        inner.append(float(out))
    return statistics.median(inner), statistics.median(outer)


def main():
    ap = argparse.ArgumentParser(description="phonenumbers corpus benchmark")
    ap.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=3, help="timed passes, best is reported")
    ap.add_argument("--fresh", type=int, default=5, help="fresh processes for first_answer_ms")
    ap.add_argument("--reference", metavar="OUT.tsv", help="write per-line reference results")
    args = ap.parse_args()

    rows = read_corpus(args.corpus)
    run_pass(rows[:10_000])  # warm-up: loads metadata of all regions seen, warms caches
    best = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        valid = run_pass(rows)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    fa_ms, fa_proc_ms = first_answer(args.fresh)

    if args.reference:
        with open(args.reference, "w", encoding="utf-8", newline="\n") as f:
            for text, region in rows:
                f.write("\t".join(reference_row(text, region)) + "\n")

    print(json.dumps({"impl": "phonenumbers", "version": pn.__version__,
                      "numbers_per_s": round(len(rows) / best),
                      "valid": valid, "invalid": len(rows) - valid,
                      "first_answer_ms": round(fa_ms, 2),
                      "first_answer_process_ms": round(fa_proc_ms, 2),
                      "lines": len(rows), "best_pass_s": round(best, 4)}))


if __name__ == "__main__":
    main()
