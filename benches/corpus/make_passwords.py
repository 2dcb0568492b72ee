#!/usr/bin/env python3
"""Generate benches/corpus/passwords.tsv: 5,000 passwords of 8 to 32 characters as people
type them, one per line as `class<TAB>password`, for the meter's benches.

Why a second corpus: the meter's own corpus (core/tests/support/meter_corpus.rs) draws its
words from a list written next to the meter and mixes eight classes in equal parts, so a
class that is slow and rare there could hide. This one is mixed differently and takes its
words and names from a source the meter was never tuned on: the word and name lists of the
Python package Faker (pinned below), German and English. Keyboard rows are written here
from the layouts themselves (QWERTY and QWERTZ), not from the meter's keyboard graphs.

Mix (exact counts are printed when the script runs):
  35 %  words   German and English words with capitals, digits, years, symbols and l33t
  15 %  walks   keyboard walks and sequences on QWERTZ and QWERTY, with digits or symbols
  15 %  names   first and last names with dates and years in the usual spellings
  15 %  phrases passphrases of three to five words with separators or in CamelCase
  20 %  random  random strings of printable ASCII, some with umlauts

Deterministic: fixed seed, only Faker's data lists are read (not its generators), so the
output depends on the seed and Faker's version alone.

Usage:  python3 -m venv /tmp/faker && /tmp/faker/bin/pip install faker==40.54.0
        /tmp/faker/bin/python benches/corpus/make_passwords.py [--out PATH] [--count N]
"""
import argparse
import collections
import os
import random

from faker.providers.lorem.de_DE import Provider as LoremDe
from faker.providers.lorem.en_US import Provider as LoremEn
from faker.providers.person.de_DE import Provider as PersonDe
from faker.providers.person.en_US import Provider as PersonEn

SEED = 0x5EED_2026_0015
HERE = os.path.dirname(os.path.abspath(__file__))

WORDS = sorted({w for w in LoremDe.word_list + LoremEn.word_list if len(w) >= 3})
FIRST = sorted(set(PersonDe.first_names) | set(PersonEn.first_names))
LAST = sorted(set(PersonDe.last_names) | set(PersonEn.last_names))

ROWS = {
    "qwerty": ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"],
    "qwertz": ["1234567890ß", "qwertzuiopü", "asdfghjklöä", "yxcvbnm"],
}
SYMBOLS = "!?.#*$%&-_+@"
L33T = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "$5", "t": "7", "l": "1", "g": "9"}
PRINTABLE = "".join(chr(c) for c in range(33, 127))


def capitalise(rng, word):
    r = rng.random()
    if r < 0.45:
        return word[:1].upper() + word[1:].lower()
    if r < 0.55:
        return word.upper()
    if r < 0.9:
        return word.lower()
    return "".join(c.upper() if rng.random() < 0.3 else c.lower() for c in word)


def l33t(rng, word, share):
    return "".join(rng.choice(L33T[c.lower()]) if c.lower() in L33T and rng.random() < share
                   else c for c in word)


def digits(rng):
    r = rng.random()
    if r < 0.3:
        return str(rng.randint(1950, 2026))
    if r < 0.5:
        return f"{rng.randint(0, 99):02d}"
    if r < 0.8:
        return str(rng.randint(0, 999))
    return "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 6)))


def words(rng):
    parts = [capitalise(rng, rng.choice(WORDS))]
    if rng.random() < 0.35:
        parts.append(capitalise(rng, rng.choice(WORDS)))
    word = "".join(parts)
    if rng.random() < 0.4:
        word = l33t(rng, word, rng.choice([0.3, 0.6, 1.0]))
    tail = digits(rng) if rng.random() < 0.85 else ""
    sym = rng.choice(SYMBOLS) if rng.random() < 0.4 else ""
    return rng.choice([word + tail + sym, word + sym + tail, sym + word + tail, tail + word + sym])


def run(rng, row, n):
    start = rng.randint(0, max(0, len(row) - n))
    chunk = row[start:start + n]
    return chunk[::-1] if rng.random() < 0.2 else chunk


def walk(rng):
    layout = ROWS[rng.choice(["qwerty", "qwertz"])]
    r = rng.random()
    if r < 0.4:  # along a row, maybe two rows
        s = run(rng, rng.choice(layout[1:]), rng.randint(4, 8))
        if rng.random() < 0.5:
            s += run(rng, rng.choice(layout), rng.randint(3, 6))
    elif r < 0.6:  # columns: 1qaz2wsx / 1qay2wsx
        cols = [[row[k] for row in layout if k < len(row)] for k in range(rng.randint(0, 3), 8)]
        s = "".join("".join(c) for c in cols[:rng.randint(2, 4)])
    elif r < 0.8:  # sequences
        alphabet = rng.choice(["abcdefghijklmnopqrstuvwxyz", "0123456789"])
        s = run(rng, alphabet, rng.randint(4, 10))
    else:  # a row with shift
        s = run(rng, rng.choice(layout[1:]), rng.randint(4, 9))
        s = s[:1].upper() + s[1:]
    if rng.random() < 0.6:
        s += rng.choice([digits(rng), rng.choice(SYMBOLS), run(rng, "1234567890", rng.randint(2, 6))])
    return s


def date(rng):
    y, m, d = rng.randint(1950, 2024), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([
        f"{d:02d}{m:02d}{y}", f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y % 100:02d}",
        f"{m:02d}/{d:02d}/{y % 100:02d}", f"{y}{m:02d}{d:02d}", f"{d:02d}{m:02d}{y % 100:02d}",
        str(y), f"{y}-{m:02d}-{d:02d}",
    ])


def names(rng):
    name = capitalise(rng, rng.choice(FIRST))
    if rng.random() < 0.35:
        name += rng.choice(["", ".", "_", "-"]) + capitalise(rng, rng.choice(LAST))
    sep = rng.choice(["", "", ".", "_", "-", "@", "#"])
    return rng.choice([name + sep + date(rng), date(rng) + sep + name])


def phrase(rng):
    n = rng.randint(3, 5)
    picked = [rng.choice(WORDS) for _ in range(n)]
    style = rng.random()
    if style < 0.4:
        s = rng.choice([" ", "-", ".", "_"]).join(w.lower() for w in picked)
    elif style < 0.7:
        s = "".join(w[:1].upper() + w[1:].lower() for w in picked)
    else:
        s = " ".join(capitalise(rng, w) for w in picked)
    if rng.random() < 0.3:
        s += rng.choice([digits(rng), rng.choice(SYMBOLS)])
    return s


def random_string(rng):
    n = rng.randint(8, 32)
    alphabet = PRINTABLE + ("äöüÄÖÜß" if rng.random() < 0.2 else "")
    return "".join(rng.choice(alphabet) for _ in range(n))


CLASSES = [("words", 35, words), ("walks", 15, walk), ("names", 15, names),
           ("phrases", 15, phrase), ("random", 20, random_string)]


def corpus(count, seed=SEED):
    rng = random.Random(seed)
    out = []
    for name, percent, make in CLASSES:
        want = count * percent // 100
        made = 0
        while made < want:
            p = make(rng)
            if 8 <= len(p) <= 32 and "\t" not in p:
                out.append((name, p))
                made += 1
    rng.shuffle(out)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "passwords.tsv"))
    ap.add_argument("--count", type=int, default=5000)
    args = ap.parse_args()
    rows = corpus(args.count)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for name, p in rows:
            f.write(f"{name}\t{p}\n")
    counts = collections.Counter(name for name, _ in rows)
    print(f"{len(rows)} passwords to {args.out}: " +
          ", ".join(f"{n} {counts[n]}" for n, *_ in CLASSES))


if __name__ == "__main__":
    main()
