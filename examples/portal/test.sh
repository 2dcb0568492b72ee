#!/usr/bin/env bash
# The portal's tests, from a fresh Debian machine: installs what is missing (chromium, wrk,
# curl, npm, postgresql via apt-get; playwright-core via npm; aiosmtpd from PyPI into a
# git-ignored venv), builds the browser modules (from bindings-wasm's npm package, built
# here first if bindings-wasm/test.sh has not), then runs:
#   1. the host tests in Rust on SQLite, then on a throwaway PostgreSQL cluster;
#   2. the end-to-end flows in Chromium against the release server (demo, SQLite), and a
#      grep of its log for every secret the flows typed or read;
#   3. graceful shutdown: a request running at SIGTERM is answered, then the server exits;
#   4. two production instances on one PostgreSQL database mailing through a real SMTP
#      server on loopback (e2e/instances.mjs), and the log grep for every mailed secret;
#   5. the bounded wrk load test: one instance on SQLite, one and two on PostgreSQL; and
#      under --preset strict, wrong PINs for a known extension, an unknown one and another
#      PBX's number in turns (the same answers; their times as figures).
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd ../.. && pwd)
PORT=${PORTAL_TEST_PORT:-18480}
PG_PORT=${PORTAL_TEST_PG_PORT:-18432}
SMTP_PORT=${PORTAL_TEST_SMTP_PORT:-18425}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

need() { command -v "$1" >/dev/null || missing+=("$2"); }
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
need wrk wrk; need curl curl; need npm npm
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f node_modules/playwright-core/package.json ] || npm ci --no-audit --no-fund --silent
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -c 'import aiosmtpd' 2>/dev/null || .venv/bin/pip install -q aiosmtpd==1.4.6

echo "== browser modules (bindings-wasm's npm package, bundled by esbuild)"
if [ ! -f "$ROOT/bindings-wasm/pkg/pbx-rules.tgz" ]; then
  # Not built by bindings-wasm/test.sh yet: build the package the same way (minutes).
  (cd "$ROOT/bindings-wasm" && npm ci --no-audit --no-fund --silent)
  version="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$ROOT/Cargo.toml")"
  [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" = "$version" ] ||
    cargo install -q wasm-bindgen-cli --version "$version" --locked
  bash "$ROOT/bindings-wasm/build.sh" && bash "$ROOT/bindings-wasm/npm/pack.sh"
fi
(cd assets && rm -rf node_modules/pbx-rules dist &&
  npm install --no-audit --no-fund --no-package-lock --silent && npm run build --silent >/dev/null)

TMP=$(mktemp -d)
chmod 755 "$TMP"
PIDS=()
PG_DATA=
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -n "$PG_DATA" ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

echo "== a throwaway PostgreSQL cluster on 127.0.0.1:$PG_PORT"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG_DATA=$TMP/pg
install -d -o postgres "$PG_DATA"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U portal --auth=trust -E UTF8 --no-locale >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/log" -w -o \
  "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
PG=postgres://portal@127.0.0.1:$PG_PORT
createdb() { psql "$PG/postgres" -qc "CREATE DATABASE $1"; echo "$PG/$1"; }

echo "== host tests (Rust, the router in-process): SQLite"
cargo test -q --locked -p pbx-rules-portal
echo "== host tests again: PostgreSQL"
PORTAL_TEST_DATABASE_URL=$PG/postgres cargo test -q --locked -p pbx-rules-portal

echo "== release build of the server"
cargo build -q --locked --release -p pbx-rules-portal
BIN=$CARGO_TARGET_DIR/release/pbx-rules-portal
started() { # port log: waits for the health route
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.1; done
  cat "$2"; return 1
}
serve() { # name port args...: a server in the background, its pid in SERVER
  local name=$1 port=$2; shift 2
  "$BIN" --port "$port" "$@" >"$TMP/$name.log" 2>&1 &
  SERVER=$!; PIDS+=("$SERVER")
  started "$port" "$TMP/$name.log"
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
no_secrets() { # secrets-file logs...: no secret in any log (PINs and codes as whole words)
  local leaked
  sort -u "$1" | awk 'length($0) >= 8' >"$1.long"
  sort -u "$1" | awk 'length($0) > 0 && length($0) < 8' >"$1.short"
  leaked=$( (grep -hoF -f "$1.long" "${@:2}"; grep -hwoF -f "$1.short" "${@:2}") | sort -u || true)
  if [ -n "$leaked" ]; then echo "FAIL a secret reached the log: $leaked"; return 1; fi
  echo "ok   no secret in the log ($(sort -u "$1" | wc -l) secrets, $(cat "${@:2}" | wc -l) log lines)"
}

echo "== end to end in Chromium (demo on SQLite; screenshots in examples/portal/e2e/screenshots/)"
serve e2e "$PORT" --db "$TMP/e2e.sqlite"
E2E=$SERVER
PORTAL_URL="http://127.0.0.1:$PORT" SECRETS_FILE="$TMP/e2e.secrets" node e2e/flows.mjs
stop "$E2E"
no_secrets "$TMP/e2e.secrets" "$TMP/e2e.log"

echo "== graceful shutdown: a login running at SIGTERM is answered"
"$BIN" --print-policy centrexx | python3 -c '
import json, sys
p = json.load(sys.stdin)
p["hashing"].update(m_cost_kib=262144, t_cost=4)  # about a second per login
print(json.dumps(p))' >"$TMP/slow.json"
serve slow "$PORT" --db "$TMP/slow.sqlite" --policy "$TMP/slow.json"
SLOW=$SERVER
curl -s -o "$TMP/slow.answer" -w '%{http_code}' -H 'content-type: application/json' \
  -d '{"number":"06131-62468-10","pin":"0000"}' "http://127.0.0.1:$PORT/api/login" >"$TMP/slow.status" &
CURL=$!
sleep 0.3
kill -TERM "$SLOW"
wait "$CURL"
code=0; wait "$SLOW" || code=$?
if [ "$(cat "$TMP/slow.status")" = 200 ] && grep -q must_change_pin "$TMP/slow.answer" && [ "$code" = 0 ] &&
  grep -q "stopped" "$TMP/slow.log"; then
  echo "ok   the running login was answered 200, then the server stopped (exit 0)"
else
  echo "FAIL graceful shutdown: status $(cat "$TMP/slow.status"), exit $code"; cat "$TMP/slow.log"; exit 1
fi

echo "== two production instances on one PostgreSQL database, mail over SMTP (aiosmtpd)"
"$BIN" --print-policy centrexx | python3 -c '
import json, sys
p = json.load(sys.stdin)
p["throttle"].update(first_delay_secs=0, max_delay_secs=0)  # parallel tries all counted
print(json.dumps(p))' >"$TMP/instances.json"
DB=$(createdb instances)
PORT_B=$((PORT + 1))
ORIGIN=http://portal.test:8080
for i in a b; do
  p=$PORT; [ $i = b ] && p=$PORT_B
  "$BIN" --port "$p" --db "$DB" --policy "$TMP/instances.json" --production \
    --smtp "smtp://127.0.0.1:$SMTP_PORT" --mail-from "Power Menü <portal@beispiel.de>" \
    --origin "$ORIGIN" >"$TMP/instance-$i.log" 2>&1 &
  PIDS+=($!); eval "INSTANCE_${i^^}=$!"
done
started "$PORT" "$TMP/instance-a.log"; started "$PORT_B" "$TMP/instance-b.log"
sleep 1 # the first sends fail: no SMTP server yet; the outbox keeps the mail
.venv/bin/python e2e/smtp_sink.py "$SMTP_PORT" "$TMP/mails.jsonl" >"$TMP/smtp.log" 2>&1 &
PIDS+=($!)
INSTANCES="$PORT $PORT_B" DATABASE_URL=$DB MAILS=$TMP/mails.jsonl POLICY=$TMP/instances.json \
  SECRETS_FILE=$TMP/instances.secrets node e2e/instances.mjs
if grep -q "mail not sent" "$TMP/instance-a.log" "$TMP/instance-b.log"; then
  echo "ok   sends failed while no SMTP server listened; the outbox retried them"
else
  echo "FAIL no send failed before the SMTP server came up: the retry was not tested"; exit 1
fi
stop "$INSTANCE_A"; stop "$INSTANCE_B"
no_secrets "$TMP/instances.secrets" "$TMP/instance-a.log" "$TMP/instance-b.log"

echo "== load (wrk on loopback)"
serve load "$PORT" --db "$TMP/load.sqlite" --login-limit-per-identifier 30
bash load/run.sh "http://127.0.0.1:$PORT" "$SERVER" 30
stop "$SERVER"
bash load/instances.sh "$BIN" "$(createdb load_one)" "$(createdb load_two)" "$PORT" "$TMP"
echo "== strict: a known extension, an unknown one and another PBX's number answered alike"
serve strict "$PORT" --db "$TMP/strict.sqlite" --preset strict
bash load/uniform.sh "http://127.0.0.1:$PORT"
stop "$SERVER"
