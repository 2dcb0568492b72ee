#!/usr/bin/env bash
# The bounded load test on one instance: wrk on loopback against a running portal on a
# fresh database, started with a small --login-limit-per-identifier (LIMIT, the host's
# limit per typed identifier; test.sh passes 30) so the wrong PINs pass it within seconds.
# Prints figures (the CPU of a refusal past the limit beside a login's); asserts correctness
# only (no request failed, no update lost, nothing stored past the limit).
set -euo pipefail
URL=$1 PID=$2 LIMIT=$3
cd "$(dirname "$0")"
. ./lib.sh
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT

run() { # name duration script path -> sets cpu (server CPU seconds)
  local before after
  before=$(ticks "$PID")
  wrk_run "$OUT" "$URL$4" "$2" 8 "$3"
  after=$(ticks "$PID")
  cpu=$(awk -v a="$after" -v b="$before" -v hz="$hz" 'BEGIN {printf "%.2f", (a - b) / hz}')
  echo "--- $1 ($2, wrk -t2 -c8): server CPU ${cpu} s"
  grep -E "Requests/sec|Latency  |50%|99%|requests in|Non-2xx|Socket errors|answers:" "$OUT" || true
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
run "logins (argon2id per request)" 10s login.lua /
login_rps=$(rps "$OUT"); login_n=$(requests "$OUT"); login_cpu=$cpu
check 'clean "$OUT"' "every login answered 200 (no failed request)"
run "state reads (no hashing)" 5s "" /api/extensions/10
read_n=$(requests "$OUT"); read_cpu=$cpu
check 'clean "$OUT"' "every read answered 200"
awk -v rps="$login_rps" -v lc="$login_cpu" -v ln="$login_n" -v rc="$read_cpu" -v rn="$read_n" 'BEGIN {
  per_login = 1000 * lc / ln; per_read = 1000 * rc / rn; share = 100 * (1 - per_read / per_login)
  if (share < 0) share = 0
  printf "logins/s: %s; server CPU per login %.2f ms vs per read (no hash) %.3f ms: hashing ~%.1f%% of a login'"'"'s CPU; CPU busy during logins %.2f cores\n", rps, per_login, per_read, share, lc / 10
}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for ext in 10 11 12; do
  state=$(curl -sf "$URL/api/extensions/$ext")
  check '[ "$(echo "$state" | grep -o "\"revision\":[0-9]*")" = "\"revision\":0" ]' "extension $ext: successful logins wrote no account ($state)"
done
run "wrong PINs on extension 12" 3s wrong.lua /api/login
wrong=$(sed -n 's/.*wrong=\([0-9]*\).*/\1/p' "$OUT")
limited=$(sed -n 's/.*throttled_or_locked=\([0-9]*\).*/\1/p' "$OUT")
other=$(sed -n 's/.*other=\([0-9]*\).*/\1/p' "$OUT")
state=$(curl -sf "$URL/api/extensions/12")
stored=$(echo "$state" | sed -n 's/.*"failed_logins":\([0-9]*\).*/\1/p')
check '[ "$other" = 0 ]' "every wrong PIN answered wrong or throttled (no failure)"
check '[ "$wrong" = "$stored" ] && [ "$wrong" -gt 0 ]' "no update lost: $wrong wrong answers, $stored failures stored"
check '[ $((wrong + limited)) -gt "$LIMIT" ]' "the wrong PINs passed the host's limit of $LIMIT ($wrong wrong, $limited throttled)"
run "wrong PINs past the host's limit (answered without the core)" 3s wrong.lua /api/login
refused_rps=$(rps "$OUT"); refused_n=$(requests "$OUT"); refused_cpu=$cpu
check 'grep -q "answers: wrong=0 throttled_or_locked=[1-9][0-9]* other=0" "$OUT"' "past the limit every try answered throttled"
awk -v rps="$refused_rps" -v c="$refused_cpu" -v n="$refused_n" -v lc="$login_cpu" -v ln="$login_n" 'BEGIN {
  printf "refusals past the limit/s: %s; server CPU per refusal %.3f ms vs per login %.2f ms\n", rps, 1000 * c / n, 1000 * lc / ln
}'
state=$(curl -sf "$URL/api/extensions/12")
check '[ "$(echo "$state" | sed -n "s/.*\"failed_logins\":\([0-9]*\).*/\1/p")" = "$stored" ]' "no failure stored past the limit"
echo "load: $pass passed, $fail failed"
[ "$fail" = 0 ]
