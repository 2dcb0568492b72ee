#!/usr/bin/env bash
# Writes python/pbx_rules/__init__.pyi from the module (pyo3-stub-gen, src/bin/stub_gen.rs);
# `stubs.sh --check` fails when the committed stub is stale (test.sh runs that).
# The generator links libpython, so it builds without the `extension-module` feature.
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(cd .. && pwd)/target}"
cargo run --quiet --locked -p pbx-rules-python --no-default-features --features stub-gen \
  --bin stub_gen -- "$@"
