#!/usr/bin/env bash
# Every test of the WebAssembly binding, from a fresh machine: installs the wasm32 target,
# wasm-bindgen-cli of the crate's pinned version, Debian's chromium and the pinned npm
# packages, builds the modules and the npm package (installed and used outside the
# repository), bundles examples/web from it with esbuild, then runs the Rust error-mapping
# test, tsc --strict over every generated .d.ts and a TypeScript consumer, the core's number
# tests on regex-lite, the Node tests (every shared vector, the parity replay of
# scenarios.json, error objects, secrets, state JSON) and the Chromium end-to-end test. Every browser module also needs nightly with
# rust-src and binaryen (npm); the numbers module terser (npm) too.
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd .. && pwd)"

# The version pinned in the root [workspace.dependencies] (wasm-bindgen = "=X").
version="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$root/Cargo.toml")"

rustup target add wasm32-unknown-unknown >/dev/null
# The numbers module is built on nightly with std rebuilt for size (build.sh).
# Pinned by date in nightly/rust-toolchain.toml, so every run builds with the same compiler.
nightly="$(sed -n 's/^channel = "\(.*\)"/\1/p' nightly/rust-toolchain.toml)"
rustup toolchain install "$nightly" --profile minimal --component rust-src \
  --target wasm32-unknown-unknown >/dev/null
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$version" ]; then
  # --locked first; some mirrors lack a crate version of the CLI's lockfile, so fall back.
  cargo install wasm-bindgen-cli --version "$version" --locked ||
    cargo install wasm-bindgen-cli --version "$version"
fi
if ! command -v chromium >/dev/null; then
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update && $sudo_ apt-get install -y chromium
fi
npm ci --no-audit --no-fund

bash build.sh
# The generated TypeScript: tsc --noEmit --strict (no skipLibCheck) over every module's .d.ts
# and tests/consumer.ts, which calls every export (typescript from package.json).
npx --no-install tsc -p tests/tsconfig.json
echo "TypeScript ok: every .d.ts and tests/consumer.ts, strict"
# The npm package: assembled, packed, installed into a scratch project outside the
# repository and used by name (ESM, CommonJS, every subpath, TypeScript, worker_threads).
bash npm/pack.sh
bash npm/install-check.sh
# examples/web on the package: installed from the tarball, bundled by esbuild (e2e below).
(cd ../examples/web && rm -rf node_modules/pbx-rules dist &&
  npm install --no-audit --no-fund --no-package-lock --silent && npm run build --silent)
(cd "$root" && cargo test -p pbx-rules-wasm --locked)
# The core's regex-lite engine: same verdicts as with regex. No module runs on it any more
# (every browser module runs on JS RegExp, which tests/numbers-module.test.cjs replays); it
# stays tested here, where it was.
(cd "$root" && cargo test -p pbx-rules --features regex-lite --locked --lib \
  --test vectors_numbers --test number_laws)
node --test tests/
# Figures for the README (sizes, first answer, meter per keystroke); informative only.
node tests/timing.mjs
# The numbers module beside libphonenumber-js max: sizes, first answer in Node and Chromium.
node tests/numbers-bench.mjs --runs 5
