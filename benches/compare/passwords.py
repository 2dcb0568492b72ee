#!/usr/bin/env python3
"""Runs the same passwords through pbx-rules, Python's zxcvbn and npm zxcvbn, and hashes
with pbx-rules and Python's argon2-cffi (m=19456 KiB, t=2, p=1 and p=4), in one run, and
prints the figures and ratios.

Setup (once):
    python3 -m venv .venv && .venv/bin/pip install -r requirements-passwords.txt
    (cd passwords-node && npm install)
Run from this folder:
    .venv/bin/python passwords.py [--rounds 20]

The pbx-rules side is `cargo run --release -p pbx-rules-benches --bin pbx_passwords`, which
prints JSON lines. Hash timings are medians of single hashes; the two libraries alternate twice
and the better run of each counts, because the machine is shared.
"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!?#%&*-_."
WORDS = ["Sommer", "Hallo", "Passwort", "Schatz", "Kaffee", "Mainz", "Winter", "Fussball",
         "Sonne", "Liebe", "Geheim", "Nordwind", "Segelboot", "Blaubeere", "Feuerwehr"]


def passwords(n=200, seed=42):
    """8 to 32 characters: word + digits + symbol patterns and random strings, half each."""
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        if rng.random() < 0.5:
            p = rng.choice(WORDS) + rng.choice(["", "!", "-", "."]) + str(rng.randint(0, 2030))
            if rng.random() < 0.5:
                p += rng.choice(WORDS)
        else:
            p = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(8, 32)))
        if 8 <= len(p) <= 32:
            out.append(p)
    return out


def pbx(path, rounds, what):
    cmd = ["cargo", "run", "-q", "--release", "-p", "pbx-rules-benches", "--bin", "pbx_passwords",
           "--", path, str(rounds), what]
    done = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def python_zxcvbn(pws):
    """(evaluations per wall second, per CPU second of this thread)."""
    from zxcvbn import zxcvbn
    zxcvbn("warm up")
    start, cpu, n = time.perf_counter(), time.thread_time(), 0
    while time.perf_counter() - start < 2.0:
        for p in pws:
            zxcvbn(p)
            n += 1
    return n / (time.perf_counter() - start), n / (time.thread_time() - cpu)


def npm_zxcvbn(path):
    node_dir = os.path.join(HERE, "passwords-node")
    if not os.path.isdir(os.path.join(node_dir, "node_modules")):
        subprocess.run(["npm", "install", "--silent"], cwd=node_dir, check=True)
    out = subprocess.run(["node", "zxcvbn_bench.js", path], cwd=node_dir, check=True,
                         capture_output=True, text=True).stdout
    row = json.loads(out)
    return row["evals_per_sec"], row["evals_per_cpu_sec"]


CFFI_CHILD = r"""
import json, resource, sys, time
from argon2.low_level import hash_secret_raw, Type
p, rounds = int(sys.argv[1]), int(sys.argv[2])
salt = b"saltsaltsaltsalt"
hash_secret_raw(b"warm up", salt, 2, 19456, p, 32, Type.ID)
times = []
cpu = time.process_time()
for i in range(rounds):
    t = time.perf_counter()
    hash_secret_raw(b"Kennwort%d" % i, salt, 2, 19456, p, 32, Type.ID)
    times.append((time.perf_counter() - t) * 1e3)
cpu_ms = (time.process_time() - cpu) * 1e3 / rounds
ms = sorted(times)[len(times) // 2]
print(json.dumps({"p": p, "hash_ms": ms, "hash_cpu_ms": cpu_ms, "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def cffi_hash(p, rounds):
    out = subprocess.run([sys.executable, "-c", CFFI_CHILD, str(p), str(rounds)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    pws = passwords()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(pws) + "\n")
        path = f.name
    try:
        rows = pbx(path, args.rounds, "meter")
        ours = {r["op"]: r for r in rows}
        longest = max((r for r in rows if r["op"] == "meter_long"), key=lambda r: r["us"], default=None)
        py, py_cpu = python_zxcvbn(pws)
        js, js_cpu = npm_zxcvbn(path)
        meter, meter_cpu = ours["meter"]["evals_per_sec"], ours["meter"]["evals_per_cpu_sec"]
        crate, crate_cpu = ours["zxcvbn_crate"]["evals_per_sec"], ours["zxcvbn_crate"]["evals_per_cpu_sec"]
        print(f"strength meter, {len(pws)} passwords of 8-32 characters")
        print("                                          per wall s  per CPU s   ratio (CPU)")
        print(f"  pbx-rules (zxcvbn crate + German + K4): {meter:9.0f}  {meter_cpu:9.0f}")
        for name, wall, cpu in [("zxcvbn crate alone", crate, crate_cpu), ("npm zxcvbn", js, js_cpu),
                                ("Python zxcvbn", py, py_cpu)]:
            print(f"  {name + ':':39s} {wall:9.0f}  {cpu:9.0f}   {meter_cpu / cpu:6.2f}")
        print(f"  worst case <= 32 chars: {ours['meter_worst']['us']:.0f} us "
              f"(input starting {ours['meter_worst']['input_prefix']!r})")
        if longest:
            print(f"  slowest long input: {longest['us']:.0f} us ({longest['chars']} characters)")
        print(f"  first call (loads dictionaries): {ours['meter_first_call']['ms']:.0f} ms")

        best = {}
        for _ in range(2):
            for row in pbx(path, args.rounds, "hash"):
                key = ("pbx", row["p"])
                if key not in best or row["hash_ms"] < best[key]["hash_ms"]:
                    best[key] = row
            for p in (1, 4):
                row = cffi_hash(p, args.rounds)
                key = ("cffi", p)
                if key not in best or row["hash_ms"] < best[key]["hash_ms"]:
                    best[key] = row
        print("argon2id m=19456 KiB t=2 (ms per hash, median of single hashes, better of 2 alternating runs)")
        for p in (1, 4):
            a, b = best[("pbx", p)], best[("cffi", p)]
            print(f"  p={p}: pbx-rules {a['hash_ms']:6.1f} ms (CPU {a['hash_cpu_ms']:.1f}, verify "
                  f"{a['verify_ms']:.1f}, peak {a['peak_rss_kib'] / 1024:.0f} MiB)  argon2-cffi "
                  f"{b['hash_ms']:6.1f} ms (CPU {b['hash_cpu_ms']:.1f}, peak {b['peak_rss_kib'] / 1024:.0f} MiB)"
                  f"  ratio {a['hash_ms'] / b['hash_ms']:.2f} (CPU {a['hash_cpu_ms'] / b['hash_cpu_ms']:.2f})")
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main()
