#!/usr/bin/env bash
# Builds the Python binding into a fresh virtual environment and tests it: the committed stub
# must be what the module generates (stubs.sh --check), mypy.stubtest checks it against the
# built module, mypy --strict checks the tests (with tests/typed_consumer.py), the examples
# and the CLI against it, then pytest (the shared vectors, the parity replay, the boundary
# checks, the CLI, the examples end to end); then installs the wheel and the sdist outside
# the repository (install-check.sh). Works on a fresh machine with
# Rust, Python >= 3.10 and pip; .ci/test-all calls it.
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(cd .. && pwd)/target}"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  "maturin>=1.9,<2" "pytest>=8" "mypy>=1.10" "auditwheel>=6"

# The stub is generated from the module (pyo3-stub-gen); a stale committed stub fails here.
bash stubs.sh --check

# Build the abi3 wheel (once: every step below uses it) and the sdist, and install the
# wheel (with the stubs and py.typed) into the venv.
rm -rf dist
.venv/bin/maturin build --release --locked --out dist --quiet
.venv/bin/maturin sdist --out dist
.venv/bin/python -m pip install --quiet --force-reinstall --no-deps dist/pbx_rules-*.whl
.venv/bin/python - <<'PY'
import pathlib, pbx_rules
pkg = pathlib.Path(pbx_rules.__file__).parent
assert (pkg / "py.typed").exists() and (pkg / "__init__.pyi").exists(), list(pkg.iterdir())
PY

# The stub against the built module, then type-check from outside the source tree so mypy
# reads the installed stub.
.venv/bin/python -m mypy.stubtest pbx_rules --allowlist stubtest-allowlist.txt
.venv/bin/mypy --strict tests examples python/pbx_rules/cli.py
.venv/bin/python -m pytest -q tests

# The packages as users install them: fresh venvs outside the repository.
bash install-check.sh
