#!/usr/bin/env bash
# Installs the built packages the way a user does, outside the repository, and uses them
# from there: the wheel into one fresh venv, the sdist into another (pip builds it from
# source with maturin from PyPI, as on a platform without a wheel). In each: the version
# and the metadata version, the command line, the provisioning example (copied out of the
# repository), and hashing off the event loop (examples/async_login.py).
#
#   bash bindings-python/install-check.sh        # after test.sh built dist/
#
# The sdist is compiled from scratch in its own target folder: Cargo would otherwise find
# the workspace's artefacts fresh (the sources' paths and mtimes match) and compile nothing.
# That is the slowest step here (a full release build); SDIST=0 skips it. Last,
# manylinux.sh builds and checks the manylinux_2_28 wheels for x86-64 and aarch64 (two
# release builds with zig as the linker); MANYLINUX=0 skips it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
wheel=$(ls "$here"/dist/pbx_rules-"$version"-cp310-abi3-manylinux_*.whl)
sdist="$here/dist/pbx_rules-$version.tar.gz"
[ -f "$sdist" ] || { echo "no sdist $sdist: run test.sh first"; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The wheel must pass the manylinux compliance check (auditwheel from PyPI, in the test venv).
"$here/.venv/bin/auditwheel" show "$wheel" | tee "$scratch/auditwheel.txt"
grep -q 'is consistent with the following platform tag: "manylinux_' <(tr '\n' ' ' < "$scratch/auditwheel.txt" | tr -s ' ')

use_package() { # venv name: run everything a user runs, from $scratch/work
  local py="$scratch/$1/bin/python"
  rm -rf "$scratch/work" && mkdir -p "$scratch/work" && cd "$scratch/work"
  cp "$here/examples/provision.py" "$here/examples/extensions.csv" "$here/examples/async_login.py" .
  "$py" - "$version" <<'PY'
import sys, pathlib, pbx_rules
assert pbx_rules.__version__ == sys.argv[1], (pbx_rules.__version__, sys.argv[1])
assert pbx_rules.metadata_version().count(".") == 2, pbx_rules.metadata_version()
where = pathlib.Path(pbx_rules.__file__).resolve()
assert where.is_relative_to(pathlib.Path(sys.prefix).resolve()), f"{where} is not in this venv"
pkg = where.parent
assert (pkg / "py.typed").exists() and (pkg / "__init__.pyi").exists(), sorted(pkg.iterdir())
from importlib.metadata import metadata
meta = metadata("pbx-rules")
assert meta["Version"] == sys.argv[1] and meta["License-Expression"] == "Apache-2.0", dict(meta)
assert "Typing :: Typed" in meta.get_all("Classifier") and "e164" in meta["Keywords"], dict(meta)
assert meta["Description-Content-Type"].startswith("text/markdown") and "pip install" in meta.get_payload()
# The PyPI page is the user-facing README.pypi.md, not the developers' README.
assert "## Example" in meta.get_payload() and "## Architecture" not in meta.get_payload(), meta.get_payload()[:200]
urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
assert urls == {"Documentation": "https://docs.rs/pbx-rules", "Package index": "https://pypi.org/project/pbx-rules/"}, urls
print("pbx_rules", pbx_rules.__version__, "metadata", pbx_rules.metadata_version(), "from", pkg)
PY
  "$scratch/$1/bin/pbx-rules" --version
  printf '0171 12345678\n06131 62468 10\n' | "$py" -m pbx_rules normalize
  echo "Kaffeetasse Nordwind Blaubeere" | "$py" -m pbx_rules meter --lang en
  set +e
  "$py" provision.py extensions.csv --out out --lang en 2> refused.txt
  status=$?
  set -e
  [ "$status" -eq 0 ] || { cat refused.txt; exit 1; }
  [ "$(wc -l < out/import.jsonl)" -gt 0 ] && [ "$(wc -l < refused.txt)" -eq 3 ]
  "$py" async_login.py
  cd "$root"
}

step() { printf '\n--- %s ---\n' "$*"; }
step "wheel into a fresh venv outside the repository"
python3 -m venv "$scratch/wheel"
"$scratch/wheel/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel"
use_package wheel

if [ "${SDIST:-1}" != 0 ]; then
  step "sdist into another fresh venv, built from source there"
  t=$(date +%s)
  python3 -m venv "$scratch/sdist"
  CARGO_TARGET_DIR="$scratch/sdist-target" \
    "$scratch/sdist/bin/python" -m pip install --quiet --disable-pip-version-check --no-binary pbx-rules "$sdist"
  ls "$scratch/sdist-target/release/libpbx_rules_py.so" >/dev/null  # it was compiled here
  echo "sdist build + install: $(( $(date +%s) - t ))s"
  use_package sdist
fi
if [ "${MANYLINUX:-1}" != 0 ]; then
  step "manylinux_2_28 wheels for x86-64 and aarch64 (zig), checked with auditwheel"
  t=$(date +%s)
  bash "$here/manylinux.sh"
  echo "manylinux wheels: $(( $(date +%s) - t ))s"
fi
echo "installed packages ok"
