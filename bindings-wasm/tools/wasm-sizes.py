#!/usr/bin/env python3
"""Where the bytes of a .wasm go: section sizes, the largest data segments and the largest
functions by (demangled-ish) name, from the name section. A dependency-free stand-in for
twiggy's `top`, good enough to find the crate that owns the bytes."""
import re
import sys
from collections import Counter


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def crate_of(name):
    """The crate a (demangled) function name starts with: `regex_automata::dfa::…` ->
    `regex_automata`, `<zxcvbn::… as …>` -> `zxcvbn`."""
    legacy = re.match(r"_ZN(\d+)(.*)", name)  # Itanium-mangled: _ZN14regex_automata…
    if legacy:
        n, rest = int(legacy.group(1)), legacy.group(2)
        if rest[:n].startswith("_"):  # `<T as Trait>` paths: _ZN105_$LT$crate..
            inner = re.search(r"LT\$([a-z_][a-z0-9_]*)", rest[:n])
            return inner.group(1) if inner else "(impl)"
        return rest[:n]
    v0 = re.search(r"_([a-z_][a-z0-9_]+)", name) if name.startswith("_R") else None
    if v0:
        return v0.group(1)
    m = re.match(r"<*&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)", name)
    return m.group(1) if m else name[:30]


def main(path, top=25):
    b = open(path, "rb").read()
    i = 8
    sections, bodies, names, imports = Counter(), [], {}, 0
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        end = j + size
        if sid == 0:
            nlen, k = leb(b, j)
            nm = b[k:k + nlen].decode()
            sections["custom:" + nm] += end - i
            if nm == "name":
                k += nlen
                while k < end:
                    sub = b[k]
                    ssize, k2 = leb(b, k + 1)
                    if sub == 1:
                        cnt, p = leb(b, k2)
                        for _ in range(cnt):
                            idx, p = leb(b, p)
                            ln, p = leb(b, p)
                            names[idx] = b[p:p + ln].decode("utf-8", "replace")
                            p += ln
                    k = k2 + ssize
        else:
            sections[{1: "type", 2: "import", 3: "function", 5: "memory", 6: "global", 7: "export",
                      10: "code", 11: "data", 12: "datacount"}.get(sid, str(sid))] += end - i
            if sid == 2:
                imports, _ = leb(b, j)  # count only; all imports here are functions
            if sid == 10:
                cnt, p = leb(b, j)
                for n in range(cnt):
                    sz, q = leb(b, p)
                    bodies.append((sz, n))
                    p = q + sz
        i = end
    print(f"{path}: {len(b)} bytes")
    for k, v in sections.most_common():
        print(f"  {k:24} {v:9}")
    by_crate = Counter()
    for sz, n in bodies:
        by_crate[crate_of(names.get(n + imports, "?"))] += sz
    print("code by crate (approx.):")
    for k, v in by_crate.most_common(top):
        print(f"  {k:40} {v:9}")
    print("largest functions:")
    for sz, n in sorted(bodies, reverse=True)[:top]:
        print(f"  {sz:8} {names.get(n + imports, '?')[:110]}")


if __name__ == "__main__":
    main(sys.argv[1])
