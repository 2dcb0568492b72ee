#!/usr/bin/env bash
# Logins on PostgreSQL: one instance, then two instances on one database, each driven by
# wrk at once. Prints logins/s, p50/p99 and server CPU per login; asserts that every login
# was answered 200, that successful logins wrote no account and gave back the host's login
# counts.
set -euo pipefail
BIN=$1 DB_ONE=$2 DB_TWO=$3 PORT=$4 TMP=$5
cd "$(dirname "$0")"
. ./lib.sh
SECS=${LOAD_SECS:-8}

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done' EXIT
up() { # port db log -> UP (the pid)
  "$BIN" --port "$1" --db "$2" >"$3" 2>&1 &
  UP=$!; PIDS+=("$UP")
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$1/health" >/dev/null && return; sleep 0.1; done
  cat "$3" >&2; return 1
}
down() { kill "$@"; wait "$@" 2>/dev/null || true; }
figures() { # label cpu-ticks wrk-outputs...
  local label=$1 cpu=$2; shift 2
  local n=0 r=0 f
  for f in "$@"; do n=$((n + $(requests "$f"))); r=$(awk -v a="$r" -v b="$(rps "$f")" 'BEGIN {print a + b}'); done
  local lat=""
  for f in "$@"; do lat="$lat p50 $(pct "$f" 50) p99 $(pct "$f" 99);"; done
  awk -v l="$label" -v r="$r" -v c="$cpu" -v hz="$hz" -v n="$n" -v s="$SECS" -v lat="$lat" 'BEGIN {
    printf "%s: %.1f logins/s;%s server CPU %.2f ms per login, %.2f cores busy\n", l, r, lat, 1000 * c / hz / n, c / hz / s }'
}
wrote_nothing() { # db connections: no account written, every login count given back but
  # those of the logins wrk cut off at its end (at most one per connection; a login whose
  # client went away counts as one that did not log in)
  [ "$(psql "$1" -Atc "SELECT COUNT(*) FROM accounts WHERE revision <> 0")" = 0 ] &&
    [ "$(psql "$1" -Atc "SELECT COALESCE(MAX(failures), 0) FROM login_limits")" -le "$2" ]
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
up "$PORT" "$DB_ONE" "$TMP/load-one.log"; one=$UP
before=$(ticks "$one")
wrk_run "$TMP/one.wrk" "http://127.0.0.1:$PORT/" "${SECS}s" 8 login.lua
after=$(ticks "$one")
figures "one instance, PostgreSQL (wrk -c8)" $((after - before)) "$TMP/one.wrk"
check 'clean "$TMP/one.wrk"' "one instance: every login answered 200"
check 'wrote_nothing "$DB_ONE" 8' "one instance: successful logins wrote no account, their counts given back (but those wrk cut off)"
down "$one"

up "$PORT" "$DB_TWO" "$TMP/load-a.log"; a=$UP
up "$((PORT + 1))" "$DB_TWO" "$TMP/load-b.log"; b=$UP
before=$(ticks "$a" "$b")
wrk_run "$TMP/a.wrk" "http://127.0.0.1:$PORT/" "${SECS}s" 4 login.lua &
wa=$!
wrk_run "$TMP/b.wrk" "http://127.0.0.1:$((PORT + 1))/" "${SECS}s" 4 login.lua
wait "$wa"
after=$(ticks "$a" "$b")
figures "two instances, one PostgreSQL (wrk -c4 on each)" $((after - before)) "$TMP/a.wrk" "$TMP/b.wrk"
check 'clean "$TMP/a.wrk" && clean "$TMP/b.wrk"' "two instances: every login answered 200"
check 'wrote_nothing "$DB_TWO" 8' "two instances: successful logins wrote no account, their counts given back (but those wrk cut off)"
down "$a" "$b"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "load on PostgreSQL: $pass passed, $fail failed"
[ "$fail" = 0 ]
