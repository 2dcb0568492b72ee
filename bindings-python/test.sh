#!/usr/bin/env bash
# Builds the Python binding into a fresh virtual environment and tests it: mypy --strict on
# the tests and the example against the committed stubs, then pytest (the shared vectors,
# the boundary checks, the provisioning example end to end). Works on a fresh machine with
# Rust, Python >= 3.9 and pip; .ci/test-all calls it.
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(cd .. && pwd)/target}"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  "maturin>=1.9,<2" "pytest>=8" "mypy>=1.10"

# Build the abi3 wheel and install it (with pbx_rules.pyi and py.typed) into the venv.
rm -rf dist
.venv/bin/maturin build --release --locked --out dist --quiet
.venv/bin/python -m pip install --quiet --force-reinstall --no-deps dist/pbx_rules-*.whl
.venv/bin/python - <<'PY'
import pathlib, pbx_rules
pkg = pathlib.Path(pbx_rules.__file__).parent
assert (pkg / "py.typed").exists() and (pkg / "__init__.pyi").exists(), list(pkg.iterdir())
PY

# Type-check from outside the source tree so mypy reads the installed stubs.
.venv/bin/mypy --strict tests examples
.venv/bin/python -m pytest -q tests
