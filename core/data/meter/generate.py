#!/usr/bin/env python3
"""Writes the strength meter's compact data (K2) from the npm packages it is taken from.

Usage: python3 core/data/meter/generate.py [DIR]
DIR holds the unpacked packages (DIR/<name>/package/...); without it the script runs
`npm pack` for each of them in a temporary folder. Sources (all MIT):

  zxcvbn 4.4.2                   English lists and keyboard graphs, the very lists the
                                 zxcvbn crate 3.1.1 embeds (checked equal)
  @zxcvbn-ts/language-de 3.0.2   German common words, first names, last names
  @zxcvbn-ts/language-common 3.0.4  the German keyboard (qwertz) graph

Output, beside this script:

  en.bin          the six English lists of zxcvbn, whole (native builds, the parity test);
                  the three name lists share one list id (zxcvbn's feedback treats them alike)
  en-compact.bin  the same, each list cut to the ranks in COMPACT (the browser module)
  de.bin          the three German lists, with ASCII spellings of umlauts (`schoen`)
  keyboards.rs    the adjacency graphs as Rust source (qwerty, dvorak, keypad, mac_keypad,
                  qwertz)

A word-list file ("PXW3") holds one sorted, front-coded word set for a group of lists:

  b"PXW3", u32 words, u32 blocks, u8 lists, then per list u8 name length + name
  u32 × 257        per byte b: the first block whose first word starts with a byte >= b
                   (where a lookup's binary search begins and ends)
  u32 × blocks     byte offset of each block in the text area
  u32              length of the text area, then the text area: blocks of BLOCK words,
                   each word as u8 shared-prefix length, u8 suffix length, the suffix
                   (UTF-8); the first word of a block shares nothing, so a block reads on
                   its own, and a scan steps over a word without reading it
  u8 × words       rank code (see rank_code), in word order
  u8 × words       the list the rank comes from, in word order

A word on several lists keeps its best rank and that list. Ranks are quantised (parity with
the zxcvbn crate allows it): codes 0–99 are the ranks 1–100 exactly (zxcvbn's top-10 and top-100 warnings
need them), above that each code stands for the ranks from 100·Q^(code−100) up, Q = 1.0427,
and decodes to the lowest rank of its bucket, so a rank is never overstated (at most
4.1 % understated: the meter errs on the weak side).
"""
import io, json, math, os, re, struct, subprocess, sys, tarfile, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGES = {
    "zxcvbn": "4.4.2",
    "@zxcvbn-ts/language-de": "3.0.2",
    "@zxcvbn-ts/language-common": "3.0.4",
}
ENGLISH = ["passwords", "english_wikipedia", "female_names", "male_names", "surnames",
           "us_tv_and_film"]
# The English lists as the meter tells them apart (zxcvbn's feedback treats the three name
# lists alike): list id → the source lists merged into it.
ENGLISH_GROUPS = {"passwords": ["passwords"], "english_wikipedia": ["english_wikipedia"],
                  "names": ["female_names", "male_names", "surnames"],
                  "us_tv_and_film": ["us_tv_and_film"]}
GERMAN = ["commonWords", "firstnames", "lastnames"]
# Ranks kept per English list in the browser module (the meter module's size goal).
COMPACT = {"passwords": 16000, "english_wikipedia": 5000, "female_names": 1500,
           "male_names": 983, "surnames": 2500, "us_tv_and_film": 2500}
BLOCK = 16
Q = 1.0427


def rank_code(rank: int) -> int:
    if rank <= 100:
        return rank - 1
    return min(255, 100 + int(math.floor(math.log(rank / 100) / math.log(Q) + 1e-9)))


def rank_of_code(code: int) -> int:
    """Mirrors `rank_of_code` in core/src/password/guesses/words.rs."""
    if code < 100:
        return code + 1
    return max(101, math.ceil(100 * Q ** (code - 100) - 1e-9))


def unpack(folder: str) -> str:
    if len(sys.argv) > 1:
        return sys.argv[1]
    for name, version in PACKAGES.items():
        subprocess.run(["npm", "pack", f"{name}@{version}"], cwd=folder, check=True,
                       capture_output=True)
    for tgz in os.listdir(folder):
        if tgz.endswith(".tgz"):
            with tarfile.open(os.path.join(folder, tgz)) as tar:
                tar.extractall(os.path.join(folder, tgz[:-4]), filter="data")
    return folder


def package_dir(root: str, prefix: str) -> str:
    found = [d for d in os.listdir(root) if d.startswith(prefix) and not d.endswith(".tgz")]
    if len(found) != 1:
        raise SystemExit(f"need exactly one unpacked {prefix}* in {root}, found {found}")
    return os.path.join(root, found[0], "package")


def english_lists(root: str) -> dict:
    js = open(os.path.join(package_dir(root, "zxcvbn-4"), "lib", "frequency_lists.js"),
              encoding="utf-8").read()
    lists = {m.group(1): m.group(2).split(",") for m in re.finditer(r'(\w+): "(.*?)"', js)}
    return {name: lists[name] for name in ENGLISH}


TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def german_lists(root: str) -> dict:
    """The German lists, each word followed by its ASCII spelling (`schön`, `schoen`), which
    people type on keyboards without umlauts; the spelling gets the word's rank."""
    src = os.path.join(package_dir(root, "zxcvbn-ts-language-de"), "src")
    lists = {}
    for name in GERMAN:
        words = json.load(open(os.path.join(src, f"{name}.json"), encoding="utf-8"))
        lists[name] = [(w.lower(), rank) for rank, w in enumerate(words, 1)]
        lists[name] += [(w.translate(TRANSLIT), r) for w, r in lists[name]
                        if w.translate(TRANSLIT) != w]
    return lists


def ranked(words: list) -> list:
    return [(w, r) for r, w in enumerate(words, 1)]


def english_groups(english: dict, cut: dict) -> dict:
    """The English lists by meter list id, each cut to `cut[name]` ranks if given."""
    return {group: [pair for name in names
                    for pair in ranked(english[name][:cut.get(name, len(english[name]))])]
            for group, names in ENGLISH_GROUPS.items()}


def word_file(lists: dict) -> bytes:
    """`lists`: name → [(word, rank)]."""
    best = {}
    for list_id, (name, words) in enumerate(lists.items()):
        for word, rank in words:
            word = word.lower()
            if 0 < len(word.encode()) < 256 and "\0" not in word and (
                    word not in best or best[word][0] > rank):
                best[word] = (rank, list_id)
    words = sorted(best, key=lambda w: w.encode())
    text, offsets = bytearray(), []
    for n, word in enumerate(words):
        raw = word.encode()
        if n % BLOCK == 0:
            offsets.append(len(text))
            shared = 0
        else:
            prev = words[n - 1].encode()
            shared = 0
            while shared < min(len(raw), len(prev), 255) and raw[shared] == prev[shared]:
                shared += 1
        text += bytes([shared, len(raw) - shared]) + raw[shared:]
    out = bytearray(b"PXW3")
    out += struct.pack("<IIB", len(words), len(offsets), len(lists))
    for name in lists:
        out += bytes([len(name)]) + name.encode()
    heads = [words[k].encode()[0] for k in range(0, len(words), BLOCK)]
    for b in range(257):
        out += struct.pack("<I", next((k for k, h in enumerate(heads) if h >= b), len(heads)))
    out += b"".join(struct.pack("<I", o) for o in offsets)
    out += struct.pack("<I", len(text)) + text
    out += bytes(rank_code(best[w][0]) for w in words)
    out += bytes(best[w][1] for w in words)
    return bytes(out)


def keyboards(root: str) -> str:
    js = os.path.join(package_dir(root, "zxcvbn-4"), "lib", "adjacency_graphs.js")
    graphs = json.loads(subprocess.run(
        ["node", "-e", f"console.log(JSON.stringify(require({json.dumps(js)})))"],
        check=True, capture_output=True, text=True).stdout)
    common = os.path.join(package_dir(root, "zxcvbn-ts-language-common"), "src",
                          "adjacencyGraphs.json")
    graphs["qwertz"] = json.load(open(common, encoding="utf-8"))["qwertz"]
    lines = ["// Generated by core/data/meter/generate.py from zxcvbn 4.4.2 and",
             "// @zxcvbn-ts/language-common 3.0.4 (MIT). Do not edit.",
             "// Per key, sorted by key: its neighbours in zxcvbn's direction order, \"\" for none.",
             ""]
    for name in ["qwerty", "dvorak", "keypad", "mac_keypad", "qwertz"]:
        graph = graphs[name]
        width = max(len(v) for v in graph.values())
        lines.append(f"pub(super) static {name.upper()}: &[(char, [&str; {width}])] = &[")
        for key in sorted(graph):
            slots = graph[key] + [None] * (width - len(graph[key]))
            cells = ", ".join(json.dumps(s or "", ensure_ascii=False) for s in slots)
            lines.append(f"    ({rust_char(key)}, [{cells}]),")
        lines.append("];")
    shifted = sorted({n[1] for n in graphs["qwertz"].values() for n in n if n and len(n) > 1})
    lines.append("/// The QWERTZ characters typed with shift (second of a key's pair).")
    lines.append(f"pub(super) static QWERTZ_SHIFTED: &str = {json.dumps(''.join(shifted), ensure_ascii=False)};")
    return "\n".join(lines) + "\n"


def rust_char(c: str) -> str:
    return {"'": "'\\''", "\\": "'\\\\'"}.get(c, f"'{c}'")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = unpack(tmp)
        english, german = english_lists(root), german_lists(root)
        outputs = {
            "en.bin": word_file(english_groups(english, {})),
            "en-compact.bin": word_file(english_groups(english, COMPACT)),
            "de.bin": word_file(german),
        }
        for name, data in outputs.items():
            open(os.path.join(HERE, name), "wb").write(data)
        open(os.path.join(HERE, "keyboards.rs"), "w", encoding="utf-8").write(keyboards(root))
    for code in range(256):
        assert rank_code(rank_of_code(code)) == code, code


if __name__ == "__main__":
    main()
