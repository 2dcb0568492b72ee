#!/usr/bin/env bash
# Builds the Python binding into a fresh virtual environment and tests it: mypy --strict on
# the tests, the examples and the CLI against the committed stubs, then pytest (the shared
# vectors, the boundary checks, the CLI, the examples end to end); then installs the wheel
# and the sdist outside the repository (install-check.sh). Works on a fresh machine with
# Rust, Python >= 3.9 and pip; .ci/test-all calls it.
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(cd .. && pwd)/target}"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  "maturin>=1.9,<2" "pytest>=8" "mypy>=1.10" "auditwheel>=6"

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

# Type-check from outside the source tree so mypy reads the installed stubs.
.venv/bin/mypy --strict tests examples python/pbx_rules/cli.py
.venv/bin/python -m pytest -q tests

# The packages as users install them: fresh venvs outside the repository.
bash install-check.sh
