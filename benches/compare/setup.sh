#!/usr/bin/env bash
# Idempotent setup for the peer benchmarks in benches/compare/:
#   - Python venv at benches/compare/.venv with requirements.txt (phonenumbers, pinned)
#   - npm ci (libphonenumber-js, pinned by package-lock.json)
# Re-running is cheap: the venv is reused and pip/npm only act on changes.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt

if [ ! -d node_modules/libphonenumber-js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

echo "ok: $(.venv/bin/python -c 'import phonenumbers; print("phonenumbers", phonenumbers.__version__)')," \
     "libphonenumber-js $(node -p 'require("./node_modules/libphonenumber-js/package.json").version')"
