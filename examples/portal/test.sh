#!/usr/bin/env bash
# The portal's tests (issue 15): host tests in Rust, the end-to-end flows in Debian's
# Chromium through playwright-core, and a bounded wrk load test. Installs what is missing
# on a fresh Debian machine (chromium, wrk via apt-get; playwright-core via npm).
set -euo pipefail
cd "$(dirname "$0")"
PORT=${PORTAL_TEST_PORT:-18480}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f node_modules/playwright-core/package.json ] || npm ci --no-audit --no-fund --silent

echo "== host tests (Rust, in-process router)"
cargo test -q -p pbx-rules-portal

echo "== release build of the server"
cargo build -q --release -p pbx-rules-portal
BIN=${CARGO_TARGET_DIR:-$PWD/../../target}/release/pbx-rules-portal
TMP=$(mktemp -d)
SERVER=
stop() { if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; SERVER=; fi; }
trap 'stop; rm -rf "$TMP"' EXIT
start() { # a fresh database each time
  stop
  "$BIN" --port "$PORT" --db "$TMP/$1.sqlite" >"$TMP/$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && return 0; sleep 0.1; done
  cat "$TMP/$1.log"; return 1
}

echo "== end-to-end in Chromium (screenshots in examples/portal/e2e/screenshots/)"
start e2e
PORTAL_URL="http://127.0.0.1:$PORT" node e2e/flows.mjs

echo "== load test (wrk on loopback)"
start load
bash load/run.sh "http://127.0.0.1:$PORT" "$SERVER"
