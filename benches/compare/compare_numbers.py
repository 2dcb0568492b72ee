#!/usr/bin/env python3
"""Compare pbx-rules' phone-number handling with its peers on one corpus.

What it measures, in one run on benches/corpus/numbers.tsv:
  * throughput (numbers/s) of parse + validate + format E.164 per corpus line
  * first-answer time (fresh process: load library + first parse)
for pbx-rules (the runner given by --pbx-cmd), Python `phonenumbers` and
libphonenumber-js, with ratios relative to pbx-rules; and agreement: pbx-rules'
per-line results diffed against the phonenumbers reference (mismatch count and
the first 20 examples per category).  libphonenumber-js vs phonenumbers is shown
too, as the "two libphonenumber builds already disagree this much" baseline.

Why: pbx-rules claims to be a faster, drop-in-correct replacement for
libphonenumber on the numbers a German PBX portal sees; this checks both halves.

Installs nothing: run benches/compare/setup.sh first.  Each runner prints JSON
lines {"impl":...,"numbers_per_s":...,"valid":...,"invalid":...,
"first_answer_ms":...}; the pbx-rules runner may print several (e.g. with
"threads":N), one per configuration, and must accept `--results OUT.tsv` to
write per-line results (input, region, e164-or-ERROR, type, international,
national).  If the pbx-rules runner fails or does not exist yet, it is skipped
with a note and the two peers are still shown.

Usage (from the workspace root):
  python3 benches/compare/compare_numbers.py [--pbx-cmd CMD] [--skip-pbx]
      [--corpus PATH] [--out-dir DIR] [--repeat N] [--fresh N] [--json OUT.json]
"""
import argparse
import collections
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_CORPUS = "benches/corpus/numbers.tsv"
DEFAULT_PBX_CMD = ("cargo run --release -q -p pbx-rules-benches --bin numbers_corpus -- "
                   + DEFAULT_CORPUS)
COLUMNS = ["input", "region", "e164", "type", "international", "national"]
SHOW = 20


def note(msg):
    print(msg, file=sys.stderr, flush=True)


def peer_python():
    """The Python that has phonenumbers: the setup.sh venv, else this one."""
    venv = os.path.join(HERE, ".venv", "bin", "python")
    for py in (venv, sys.executable):
        if os.path.exists(py) and subprocess.run(
                [py, "-c", "import phonenumbers"], capture_output=True).returncode == 0:
            return py
    return None


def json_lines(stdout):
    out = []
    for line in stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if "impl" in obj:
                out.append(obj)
    return out


def run(cmd, label):
    note(f"== {label}: {shlex.join(cmd)}")
    try:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    except FileNotFoundError as e:
        return None, str(e)
    if p.returncode != 0:
        return None, (p.stderr or p.stdout).strip()[-1500:]
    return json_lines(p.stdout), None


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def only_separators(a, b):
    """' (separators only)' if a and b differ just in spaces/dashes (style, not digits)."""
    strip = lambda s: re.sub(r"[\s-]", "", s)
    return " (separators only)" if strip(a) == strip(b) else ""


def diff(ref, got):
    """Per-line categories of disagreement; one (most serious) category per line."""
    cats = collections.OrderedDict((c, []) for c in [
        "line count / alignment", "valid in reference, ERROR here",
        "ERROR in reference, valid here", "E.164 differs", "type differs",
        "international format differs", "international format differs (separators only)",
        "national format differs", "national format differs (separators only)"])
    if len(ref) != len(got):
        cats["line count / alignment"].append((0, [f"{len(ref)} lines"], [f"{len(got)} lines"]))
    for i, (r, g) in enumerate(zip(ref, got), start=1):
        r = (r + [""] * 6)[:6]
        g = (g + [""] * 6)[:6]
        if r[:2] != g[:2]:
            cat = "line count / alignment"
        elif r[2] != "ERROR" and g[2] == "ERROR":
            cat = "valid in reference, ERROR here"
        elif r[2] == "ERROR" and g[2] != "ERROR":
            cat = "ERROR in reference, valid here"
        elif r[2] == "ERROR":
            continue
        elif r[2] != g[2]:
            cat = "E.164 differs"
        elif r[3] != g[3]:
            cat = "type differs"
        elif r[4] != g[4]:
            cat = "international format differs" + only_separators(r[4], g[4])
        elif r[5] != g[5]:
            cat = "national format differs" + only_separators(r[5], g[5])
        else:
            continue
        cats[cat].append((i, r, g))
    return cats


def print_diff(title, cats):
    total = sum(len(v) for v in cats.values())
    print(f"\nAgreement {title}: {total} mismatching lines")
    for cat, items in cats.items():
        if not items:
            continue
        print(f"  {cat}: {len(items)}")
        for line, r, g in items[:SHOW]:
            if cat == "line count / alignment" and line == 0:
                print(f"      reference {r[0]}, results {g[0]}")
                continue
            print(f"      line {line}: {r[0]!r} [{r[1]}]")
            print(f"          ref: {' | '.join(r[2:])}")
            print(f"          got: {' | '.join(g[2:])}")
    return total


def label(res):
    extra = [f"{k}={res[k]}" for k in ("threads", "config") if k in res]
    return res["impl"] + (f" ({', '.join(extra)})" if extra else "")


def print_table(results):
    pbx = [r for r in results if r["impl"] == "pbx-rules"]
    base = next((r for r in pbx if r.get("threads", 1) == 1), pbx[0] if pbx else None)
    head = f"{'implementation':32s} {'numbers/s':>12s} {'pbx x':>8s} {'first ms':>9s} " \
           f"{'pbx x':>8s} {'valid':>7s} {'invalid':>7s}"
    print("\n" + head + "\n" + "-" * len(head))
    for r in results:
        nps, fa = r.get("numbers_per_s"), r.get("first_answer_ms")
        sp = f"{base['numbers_per_s'] / nps:.2f}x" if base and nps else "-"
        fx = f"{fa / base['first_answer_ms']:.2f}x" if base and fa and base.get(
            "first_answer_ms") else "-"
        print(f"{label(r):32s} {nps or 0:>12,} {sp:>8s} {fa if fa is not None else '-':>9} "
              f"{fx:>8s} {r.get('valid', '-'):>7} {r.get('invalid', '-'):>7}")
    if base:
        print(f"pbx x = how many times better {label(base)} is "
              "(numbers/s: pbx/peer; first ms: peer/pbx); >1 means pbx-rules wins")
    else:
        print("(no pbx-rules figures, so no ratios)")


def main():
    ap = argparse.ArgumentParser(description="pbx-rules vs phonenumbers vs libphonenumber-js")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="relative to the workspace root")
    ap.add_argument("--pbx-cmd", default=DEFAULT_PBX_CMD,
                    help="pbx-rules runner, run from the workspace root")
    ap.add_argument("--skip-pbx", action="store_true")
    ap.add_argument("--out-dir", default=os.path.join(HERE, "out"),
                    help="where reference/result TSVs are written")
    ap.add_argument("--repeat", default="3", help="timed passes per peer (best is reported)")
    ap.add_argument("--fresh", default="5", help="fresh processes for first-answer (median)")
    ap.add_argument("--json", metavar="OUT.json", help="also write all figures as JSON")
    args = ap.parse_args()

    os.makedirs(args.out_dir, exist_ok=True)
    ref_tsv = os.path.join(args.out_dir, "reference_phonenumbers.tsv")
    ljs_tsv = os.path.join(args.out_dir, "results_libphonenumber_js.tsv")
    pbx_tsv = os.path.join(args.out_dir, "results_pbx_rules.tsv")
    if not os.path.exists(os.path.join(ROOT, args.corpus)):
        sys.exit(f"corpus {args.corpus} missing: run benches/corpus/make_numbers.py")

    py = peer_python()
    node = shutil.which("node")
    missing = []
    if py is None:
        missing.append("Python package phonenumbers")
    if node is None or not os.path.isdir(os.path.join(HERE, "node_modules", "libphonenumber-js")):
        missing.append("node + benches/compare/node_modules/libphonenumber-js")
    if missing:
        sys.exit("missing: " + ", ".join(missing) + "\n-> run: bash benches/compare/setup.sh")

    results, notes = [], []
    timing = ["--repeat", args.repeat, "--fresh", args.fresh]
    for cmd, lbl in [
        ([py, os.path.join(HERE, "numbers_phonenumbers.py"), args.corpus, *timing,
          "--reference", ref_tsv], "phonenumbers"),
        ([node, os.path.join(HERE, "numbers_libphonenumber.mjs"), args.corpus, *timing,
          "--results", ljs_tsv], "libphonenumber-js")]:
        res, err = run(cmd, lbl)
        if err:
            sys.exit(f"{lbl} runner failed:\n{err}")
        results += res

    have_pbx = False
    if args.skip_pbx:
        notes.append("pbx-rules skipped (--skip-pbx)")
    else:
        pbx_cmd = shlex.split(args.pbx_cmd)
        res, err = run(pbx_cmd, "pbx-rules")
        pbx_res = [r for r in (res or []) if r["impl"] == "pbx-rules"]
        if err or not pbx_res:
            why = err or "printed no {\"impl\":\"pbx-rules\",...} JSON line"
            notes.append(f"pbx-rules SKIPPED: runner not available or failed ({args.pbx_cmd}):\n"
                         + "\n".join("    " + l for l in why.splitlines()[-12:]))
        else:
            have_pbx = True
            results = pbx_res + results
            if os.path.exists(pbx_tsv):
                os.remove(pbx_tsv)
            _, err = run(pbx_cmd + ["--results", pbx_tsv], "pbx-rules --results")
            if err or not os.path.exists(pbx_tsv):
                notes.append("pbx-rules --results failed, no agreement check:\n    "
                             + (err or "no file written").splitlines()[-1])

    print(f"\nCorpus: {args.corpus}  ({results[-1].get('lines', '?')} lines)")
    print_table(results)
    for n in notes:
        print("\nNOTE: " + n)

    ref = read_tsv(ref_tsv)
    summary = {"results": results, "notes": notes, "mismatches": {}}
    if have_pbx and os.path.exists(pbx_tsv):
        cats = diff(ref, read_tsv(pbx_tsv))
        summary["mismatches"]["pbx-rules"] = print_diff(
            "pbx-rules vs phonenumbers (reference)", cats)
    cats = diff(ref, read_tsv(ljs_tsv))
    summary["mismatches"]["libphonenumber-js"] = print_diff(
        "libphonenumber-js vs phonenumbers (peer baseline)", cats)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
