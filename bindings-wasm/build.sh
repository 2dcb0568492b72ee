#!/usr/bin/env bash
# Builds one .wasm per feature area for the browser (ES modules, --target web) and the
# full binding for Node (--target nodejs) into bindings-wasm/pkg/. A page that needs only
# the meter loads pkg/web/meter/ and never downloads the phone metadata, and the reverse.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
out=bindings-wasm/pkg
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm/pbx_rules_wasm.wasm"

build() { # feature, wasm-bindgen target, output dir
  cargo build -p pbx-rules-wasm --target wasm32-unknown-unknown --profile wasm \
    --no-default-features --features "$1" --locked
  rm -rf "$3" && mkdir -p "$3"
  # Function names are for debuggers only: ~300 KB raw per module.
  wasm-bindgen --target "$2" --out-dir "$3" --out-name "$4" \
    --remove-name-section --remove-producers-section "$wasm"
}

for area in ${AREAS:-meter numbers pins}; do
  build "$area" web "$out/web/$area" "$area"
done
build full nodejs "$out/node" pbx_rules
