#!/usr/bin/env bash
# Builds one .wasm per feature area (meter, numbers, pins) for the browser (ES modules,
# --target web, in pkg/web/<area>/) and, from the same .wasm, for Node (pkg/node-area/<area>/,
# used for the load-time figures), plus the full binding with every region for Node
# (pkg/node/), which the tests replay the shared vectors against.
#
# The numbers module embeds every region and matches with the browser's own RegExp (feature
# host-regex, no regex code in the module), built on nightly with std rebuilt for size (panics
# abort at once, no panic locations, no Debug text) and shrunk by binaryen's wasm-opt: every
# region within 63 KB gzipped (see README). PBX_RULES_NUMBER_REGIONS=DE,AT,CH keeps a subset (core/build.rs). The
# meter and PIN modules run the core's numbering engine on regex-lite (feature small-regex)
# with the regions in PBX_RULES_REGIONS (default DE,AT,CH), and the meter's English lists cut
# to their most common words (feature compact-lists). The Node build keeps the faster
# `regex` and every region.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
out=bindings-wasm/pkg
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm/pbx_rules_wasm.wasm"

build() { # features
  cargo build -p pbx-rules-wasm --target wasm32-unknown-unknown --profile wasm \
    --no-default-features --features "$1" --locked
}
numbers() { # the browser numbers module, on nightly with std built for size
  CARGO_TARGET_DIR="$CARGO_TARGET_DIR/nightly" PBX_RULES_REGIONS="${PBX_RULES_NUMBER_REGIONS-}" \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    cargo +nightly build -p pbx-rules-wasm --target wasm32-unknown-unknown --profile wasm \
    --no-default-features --features numbers,host-regex --locked -Zbuild-std=std,panic_abort
}
bindgen() { # wasm-bindgen target, output dir, name[, .wasm]
  rm -rf "$2" && mkdir -p "$2"
  # Function names are for debuggers only: ~300 KB raw per module.
  wasm-bindgen --target "$1" --out-dir "$2" --out-name "$3" \
    --remove-name-section --remove-producers-section "${4:-$wasm}"
}

for area in ${AREAS:-meter numbers pins}; do
  module="$wasm"
  if [ "$area" = numbers ]; then
    numbers
    module="$CARGO_TARGET_DIR/nightly/wasm32-unknown-unknown/wasm/pbx_rules_wasm.wasm"
  else
    PBX_RULES_REGIONS="${PBX_RULES_REGIONS-DE,AT,CH}" build "$area,small-regex,compact-lists"
  fi
  bindgen web "$out/web/$area" "$area" "$module"
  bindgen nodejs "$out/node-area/$area" "$area" "$module"
  if [ "$area" = numbers ]; then # binaryen's size pass (npm ci), as wasm-pack runs it
    for dir in web node-area; do
      bindings-wasm/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-mutable-globals \
        --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue \
        "$out/$dir/numbers/numbers_bg.wasm" -o "$out/$dir/numbers/numbers_bg.wasm"
    done
  fi
done
PBX_RULES_REGIONS= build full
bindgen nodejs "$out/node" pbx_rules
