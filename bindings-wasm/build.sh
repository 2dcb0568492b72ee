#!/usr/bin/env bash
# Builds one .wasm per feature area (meter, numbers, pins) for the browser (ES modules,
# --target web, in pkg/web/<area>/) and, from the same .wasm, for Node (pkg/node-area/<area>/,
# used for the load-time figures), plus the full binding with every region for Node
# (pkg/node/), which the tests replay the shared vectors against.
#
# The per-area modules embed only the regions in PBX_RULES_REGIONS (default DE,AT,CH; see
# core/build.rs): a page that needs only the meter never downloads phone metadata, and the
# numbers module carries three territories instead of 250. They also run the core's
# numbering engine on regex-lite (feature small-regex): no Unicode tables, no lazy DFA, and
# the meter's English lists cut to their most common words (feature compact-lists). The
# Node build keeps the faster `regex`, every region and the whole lists.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
out=bindings-wasm/pkg
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm/pbx_rules_wasm.wasm"

build() { # features
  cargo build -p pbx-rules-wasm --target wasm32-unknown-unknown --profile wasm \
    --no-default-features --features "$1" --locked
}
bindgen() { # wasm-bindgen target, output dir, name
  rm -rf "$2" && mkdir -p "$2"
  # Function names are for debuggers only: ~300 KB raw per module.
  wasm-bindgen --target "$1" --out-dir "$2" --out-name "$3" \
    --remove-name-section --remove-producers-section "$wasm"
}

for area in ${AREAS:-meter numbers pins}; do
  PBX_RULES_REGIONS="${PBX_RULES_REGIONS-DE,AT,CH}" build "$area,small-regex,compact-lists"
  bindgen web "$out/web/$area" "$area"
  bindgen nodejs "$out/node-area/$area" "$area"
done
PBX_RULES_REGIONS= build full
bindgen nodejs "$out/node" pbx_rules
