#!/usr/bin/env bash
# Builds the abi3 wheel for manylinux_2_28 (glibc >= 2.28: RHEL/Alma/Rocky 8, Debian 10,
# Ubuntu 18.10 and later) on x86-64 and aarch64, with zig as the linker (`maturin build
# --zig`, zig from PyPI's `ziglang`, pinned), and checks both:
# - the platform tag in the file name and in the wheel's WHEEL file;
# - `auditwheel show` (x86-64 and aarch64: it reads the ELF file, it does not run it);
# - the extension's ELF machine and the glibc symbol versions it needs, none above 2.28, and
#   no library outside the manylinux set (the aarch64 wheel cannot run here, so this is the
#   check that it would load on such a system);
# - the x86-64 wheel imports and answers in a fresh venv.
# Prints each wheel's tags and size. install-check.sh calls it (MANYLINUX=0 skips it).
#
#   bash bindings-python/manylinux.sh        # wheels in bindings-python/dist-manylinux/
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cd "$here"
ZIG_VERSION=0.14.1
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  "maturin>=1.9,<2" "auditwheel>=6" "ziglang==$ZIG_VERSION"
# maturin finds zig through the ziglang package of the interpreter that runs it.
export PATH="$here/.venv/bin:$PATH"

out="$here/dist-manylinux"
rm -rf "$out"
for target in x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu; do
  if command -v rustup >/dev/null; then
    rustup target add "$target" >/dev/null 2>&1 || rustup target add "$target"
  fi
  maturin build --release --locked --zig --compatibility manylinux_2_28 \
    --target "$target" --out "$out" --quiet
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for wheel in "$out"/*.whl; do
  auditwheel show "$wheel" | tee "$tmp/show.txt"
  tr '\n' ' ' < "$tmp/show.txt" | tr -s ' ' \
    | grep -q 'is consistent with the following platform tag: "manylinux_2_28_'
done

.venv/bin/python - "$out" <<'PY'
"""Tags, ELF machine and glibc versions of each wheel's extension; sizes."""
import re, sys, zipfile
from pathlib import Path
from elftools.elf.elffile import ELFFile  # auditwheel's dependency, in .venv
from elftools.elf.gnuversions import GNUVerNeedSection

MACHINE = {"x86_64": "EM_X86_64", "aarch64": "EM_AARCH64"}
# The libraries a manylinux wheel may link without bundling them (PEP 600's base set).
ALLOWED = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
           "libgcc_s.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libutil.so.1"}
wheels = sorted(Path(sys.argv[1]).glob("*.whl"))
assert {re.search(r"manylinux_2_28_(\w+)\.whl$", w.name).group(1) for w in wheels} == set(MACHINE), wheels
for wheel in wheels:
    arch = re.search(r"manylinux_2_28_(\w+)\.whl$", wheel.name).group(1)
    assert "-cp310-abi3-" in wheel.name, wheel.name
    with zipfile.ZipFile(wheel) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/WHEEL"))
        tags = [l.split(": ", 1)[1] for l in z.read(meta).decode().splitlines() if l.startswith("Tag: ")]
        assert tags == [f"cp310-abi3-manylinux_2_28_{arch}"], tags
        so = next(n for n in z.namelist() if n.endswith(".so"))
        path = Path(sys.argv[1]) / f"{arch}.so"
        path.write_bytes(z.read(so))
    with path.open("rb") as f:
        elf = ELFFile(f)
        assert elf["e_machine"] == MACHINE[arch], elf["e_machine"]
        needed, versions = set(), set()
        for section in elf.iter_sections():
            if isinstance(section, GNUVerNeedSection):
                for verneed, auxes in section.iter_versions():
                    needed.add(verneed.name)
                    versions |= {a.name for a in auxes}
    path.unlink()
    glibc = sorted((tuple(int(x) for x in v[6:].split(".")) for v in versions if v.startswith("GLIBC_")))
    assert glibc and glibc[-1] <= (2, 28), glibc[-1]
    assert needed <= ALLOWED, needed - ALLOWED
    size = wheel.stat().st_size
    print(f"{wheel.name}: tag {tags[0]}, {size / 1e6:.1f} MB, {arch} ELF, "
          f"glibc symbols up to {'.'.join(map(str, glibc[-1]))}, links {sorted(needed)}")
PY

# The x86-64 wheel runs here: import it in a fresh venv.
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  "$out"/pbx_rules-*manylinux_2_28_x86_64.whl
(cd "$tmp" && "$tmp/venv/bin/python" -c '
import pbx_rules as pr
assert pr.NumberPlan("DE").normalize("0171 12345678").e164 == "+4917112345678"
assert pr.StrengthLevel.RED < pr.StrengthLevel.GREEN
print("manylinux_2_28 x86_64 wheel imports and answers:", pr.__version__)')
echo "manylinux wheels ok"
