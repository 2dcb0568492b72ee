#!/usr/bin/env bash
# Builds one .wasm per feature area (meter, numbers, pins) for the browser (ES modules,
# --target web, in pkg/web/<area>/) and, from the same .wasm, for Node (pkg/node-area/<area>/,
# used for the load-time figures), plus the full binding with every region for Node
# (pkg/node/), which the tests replay the shared vectors against.
#
# Every browser module matches numbers with the browser's own RegExp (feature host-regex, no
# regex code in the module) and is built on nightly with std rebuilt for size (panics abort at
# once, no panic locations, no Debug text). The numbers module has every region, its table
# last in the .wasm, and is shrunk by binaryen's wasm-opt and terser: .wasm and glue within
# libphonenumber-js max's size gzipped (see README).
# PBX_RULES_NUMBER_REGIONS=DE,AT,CH keeps a subset (core/build.rs). The meter and PIN modules
# build without the core's `numbers` (each area of this crate turns on only its core area),
# so PBX_RULES_REGIONS (default DE,AT,CH) no longer changes them; the PIN module is shrunk by
# wasm-opt too (it grows the meter module), and the meter's English lists are cut to their
# most common words (feature compact-lists). The Node build keeps the faster `regex` and
# every region.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
out=bindings-wasm/pkg
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm/pbx_rules_wasm.wasm"

build() { # features
  cargo build -p pbx-rules-wasm --target wasm32-unknown-unknown --profile wasm \
    --no-default-features --features "$1" --locked
}
# The pinned nightly (nightly/rust-toolchain.toml).
nightly_channel="$(sed -n 's/^channel = "\(.*\)"/\1/p' bindings-wasm/nightly/rust-toolchain.toml)"
nightly() { # features regions [cargo args…]: a browser module, on the pinned nightly with std built for size
  local features=$1 regions=$2
  shift 2
  CARGO_TARGET_DIR="$CARGO_TARGET_DIR/nightly" PBX_RULES_REGIONS="$regions" \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none ${rustflags-}" \
    cargo "+$nightly_channel" build -p pbx-rules-wasm --target wasm32-unknown-unknown --profile wasm \
    --no-default-features --features "$features" --locked -Zbuild-std=std,panic_abort "$@"
}
bindgen() { # wasm-bindgen target, output dir, name[, .wasm]
  rm -rf "$2" && mkdir -p "$2"
  # Function names are for debuggers only: ~300 KB raw per module.
  wasm-bindgen --target "$1" --out-dir "$2" --out-name "$3" \
    --remove-name-section --remove-producers-section "${4:-$wasm}"
}

# The core's records a browser module takes, by area (tools/core-records.mjs).
declare -A records=([meter]="PasswordContext" [pins]="PinContext E164")

# The Node build first: its .d.ts holds the core's declarations the browser modules copy.
PBX_RULES_REGIONS= build full
bindgen nodejs "$out/node" pbx_rules
# pbx-rules/pool beside it (npm/pool/: hashing as Promises on worker_threads, whose workers
# load ./pbx_rules.js), with its declarations generated from its JSDoc by tsc (npm ci).
cp bindings-wasm/npm/pool/pool.js bindings-wasm/npm/pool/pool-worker.js bindings-wasm/npm/pool/pool.mjs "$out/node/"
bindings-wasm/node_modules/.bin/tsc --allowJs --declaration --emitDeclarationOnly --target es2022 --skipLibCheck \
  --lib es2022,esnext.disposable --module commonjs --outDir "$out/node" "$out/node/pool.js"
# pbx-rules/debounce (npm/debounce.mjs, plain ES module for the browser and Node), declared
# the same way.
mkdir -p "$out/web" && cp bindings-wasm/npm/debounce.mjs "$out/web/"
bindings-wasm/node_modules/.bin/tsc --allowJs --declaration --emitDeclarationOnly --target es2022 --skipLibCheck \
  --module esnext --outDir "$out/web" "$out/web/debounce.mjs"

for area in ${AREAS:-meter numbers pins}; do
  case "$area" in
    # The numbers module: std's size-optimised variants (optimize_for_size), talc as its
    # allocator, JS objects held in the glue rather than in a wasm table (no reference types:
    # 0.4 KB less); cargo's messages name the core build script's output, whose table
    # tools/table-last.mjs moves to the end of the .wasm.
    numbers) rustflags=-Ctarget-feature=-reference-types nightly numbers,host-regex,talc \
      "${PBX_RULES_NUMBER_REGIONS-}" -Zbuild-std-features=optimize_for_size \
      --message-format=json-render-diagnostics >"$CARGO_TARGET_DIR/nightly/numbers-messages.json" ;;
    *) nightly "$area,host-regex,compact-lists" "${PBX_RULES_REGIONS-DE,AT,CH}" ;;
  esac
  module="$CARGO_TARGET_DIR/nightly/wasm32-unknown-unknown/wasm/pbx_rules_wasm.wasm"
  bindgen web "$out/web/$area" "$area" "$module"
  bindgen nodejs "$out/node-area/$area" "$area" "$module"
  if [ "$area" = numbers ]; then
    # The browser glue minified (terser; the peer's bundle is minified too), the classes'
    # names and the TypeScript pointer wasm-bindgen puts first kept.
    bindings-wasm/node_modules/.bin/terser "$out/web/numbers/numbers.js" --module --compress \
      --mangle --keep-classnames --comments '/@ts-self-types/' -o "$out/web/numbers/numbers.js"
  fi
  for dir in web node-area; do
    [ -z "${records[$area]:-}" ] || node bindings-wasm/tools/core-records.mjs \
      "$out/node/pbx_rules.d.ts" "$out/$dir/$area/$area.d.ts" ${records[$area]}
    if [ "$area" != meter ]; then # binaryen's size pass (npm ci), as wasm-pack runs it
      bindings-wasm/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-mutable-globals \
        --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue \
        "$out/$dir/$area/${area}_bg.wasm" -o "$out/$dir/$area/${area}_bg.wasm"
    fi
    if [ "$area" = numbers ]; then
      node bindings-wasm/tools/table-last.mjs "$CARGO_TARGET_DIR/nightly/numbers-messages.json" \
        "$out/$dir/numbers/numbers_bg.wasm"
    fi
  done
done
