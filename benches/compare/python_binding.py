#!/usr/bin/env python3
"""pbx_rules (the Python binding) against its Python peers, in one run, with ratios.

* numbers: the 100,000 lines of benches/corpus/numbers.tsv through `phonenumbers`
  (parse + is_valid_number + format E.164, per line) and through
  `pbx_rules.NumberPlan(region).normalize_many` (grouped by region, every core, GIL
  released); numbers/s = best of --repeat passes after a warm-up, and the agreement of the
  two on every line's E.164 (or error).
* first answer: `import pbx_rules` + one normalisation in a fresh interpreter (median of
  --fresh runs, measured inside the process), against the same for `phonenumbers`.
* hashing: argon2id m=19456 KiB, t=2, p=1, 16-byte salt, 32-byte hash (the centrexx policy)
  through argon2-cffi's PasswordHasher and through `pbx_rules.Hasher`, one hash at a time,
  plus `Hasher.hash_many` on every core.

Prints one JSON object and a short table. The machine is shared: the 1-minute load average
is printed with the figures. Run it with the venv of bindings-python/test.sh plus
`pip install -r requirements.txt -r requirements-passwords.txt`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Optional

import phonenumbers as pn
from argon2 import PasswordHasher
from argon2.low_level import Type

import pbx_rules as pr

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus" / "numbers.tsv"

FIRST = {
    "pbx_rules": "import pbx_rules\nassert pbx_rules.NumberPlan('DE').normalize('0171 12345678').e164",
    "phonenumbers": (
        "import phonenumbers as pn\nn = pn.parse('0171 12345678', 'DE')\nassert pn.is_valid_number(n)\n"
        "pn.format_number(n, pn.PhoneNumberFormat.E164)"
    ),
}


def read_corpus(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in f]  # type: ignore[misc]


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    out = fn()  # warm-up (regex caches, metadata)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def phonenumbers_pass(rows: list[tuple[str, str]]) -> list[Optional[str]]:
    out: list[Optional[str]] = []
    for text, region in rows:
        try:
            n = pn.parse(text, region)
        except pn.NumberParseException:
            out.append(None)
            continue
        out.append(pn.format_number(n, pn.PhoneNumberFormat.E164) if pn.is_valid_number(n) else None)
    return out


def pbx_rules_pass(rows: list[tuple[str, str]]) -> list[Optional[str]]:
    groups: dict[str, list[int]] = {}
    for i, (_, region) in enumerate(rows):
        groups.setdefault(region, []).append(i)
    out: list[Optional[str]] = [None] * len(rows)
    for region, idx in groups.items():
        e164s = pr.NumberPlan(region).normalize_many([rows[i][0] for i in idx]).e164s()
        for i, e in zip(idx, e164s):
            out[i] = e
    return out


def first_answer_ms(name: str, fresh: int) -> float:
    code = f"import time\nt0 = time.perf_counter()\n{FIRST[name]}\nprint((time.perf_counter() - t0) * 1000)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(fresh)]
    return statistics.median(runs)


def per_hash_ms(fn: Callable[[str], object], n: int) -> float:
    fn("warm-up")
    t0 = time.perf_counter()
    for i in range(n):
        fn(f"{4711 + i:06d}")
    return (time.perf_counter() - t0) * 1000 / n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--fresh", type=int, default=7)
    ap.add_argument("--hashes", type=int, default=20)
    args = ap.parse_args()

    rows = read_corpus(args.corpus)
    load_before = os.getloadavg()[0]
    t_pn, ref = best(lambda: phonenumbers_pass(rows), max(1, args.repeat - 1))
    t_pr, got = best(lambda: pbx_rules_pass(rows), args.repeat)
    assert isinstance(ref, list) and isinstance(got, list)
    agree = sum(a == b for a, b in zip(ref, got)) / len(rows)

    first_pr = first_answer_ms("pbx_rules", args.fresh)
    first_pn = first_answer_ms("phonenumbers", args.fresh)

    cffi = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, hash_len=32, salt_len=16, type=Type.ID)
    ours = pr.Hasher(pr.HashPolicy.centrexx())
    cffi_ms = per_hash_ms(cffi.hash, args.hashes)
    ours_ms = per_hash_ms(ours.hash, args.hashes)
    stored = ours.hash("4711")
    assert cffi.verify(stored, "4711"), "argon2-cffi reads pbx_rules' PHC strings"
    assert ours.verify(cffi.hash("4711"), "4711"), "pbx_rules reads argon2-cffi's PHC strings"
    secrets = [f"{i:06d}" for i in range(args.hashes * 4)]
    t0 = time.perf_counter()
    ours.hash_many(secrets)
    many_ms = (time.perf_counter() - t0) * 1000 / len(secrets)

    result = {
        "rows": len(rows),
        "cores": os.cpu_count(),
        "load_avg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "phonenumbers_numbers_per_s": round(len(rows) / t_pn),
        "pbx_rules_numbers_per_s": round(len(rows) / t_pr),
        "normalize_ratio": round(t_pn / t_pr, 2),
        "e164_agreement": round(agree, 5),
        "first_answer_ms": {"pbx_rules": round(first_pr, 2), "phonenumbers": round(first_pn, 2)},
        "hash_ms": {"argon2_cffi": round(cffi_ms, 2), "pbx_rules": round(ours_ms, 2),
                    "pbx_rules_hash_many_per_row": round(many_ms, 2)},
        "hash_ratio_cffi_over_pbx_rules": round(cffi_ms / ours_ms, 2),
    }
    print(json.dumps(result))
    print(f"normalize: pbx_rules {result['pbx_rules_numbers_per_s']:,}/s vs phonenumbers "
          f"{result['phonenumbers_numbers_per_s']:,}/s = {result['normalize_ratio']}x "
          f"(agreement {agree:.2%}, load {load_before:.2f})", file=sys.stderr)
    print(f"first answer: pbx_rules {first_pr:.1f} ms, phonenumbers {first_pn:.1f} ms", file=sys.stderr)
    print(f"hash: pbx_rules {ours_ms:.1f} ms, argon2-cffi {cffi_ms:.1f} ms "
          f"(cffi/ours {result['hash_ratio_cffi_over_pbx_rules']}x); hash_many {many_ms:.1f} ms/row",
          file=sys.stderr)


if __name__ == "__main__":
    main()
