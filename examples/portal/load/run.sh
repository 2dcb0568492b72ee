#!/usr/bin/env bash
# The bounded load test (issue 15): wrk on loopback against a running portal on a fresh
# database. Prints figures; asserts correctness only (no request failed, no update lost).
set -euo pipefail
URL=$1 PID=$2
cd "$(dirname "$0")"
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
hz=$(getconf CLK_TCK)
fail=0 pass=0
check() { if eval "$1"; then echo "ok   $2"; pass=$((pass + 1)); else echo "FAIL $2"; fail=$((fail + 1)); fi; }

run() { # name duration script-or-empty path -> sets out, cpu (server CPU seconds)
  local before after
  before=$(ticks)
  if [ -n "$3" ]; then out=$(wrk -t2 -c8 -d"$2" --latency -s "$3" "$URL$4")
  else out=$(wrk -t2 -c8 -d"$2" --latency "$URL$4"); fi
  after=$(ticks)
  cpu=$(awk -v a="$after" -v b="$before" -v hz="$hz" 'BEGIN {printf "%.2f", (a - b) / hz}')
  echo "--- $1 ($2, wrk -t2 -c8): server CPU ${cpu} s"
  echo "$out" | grep -E "Requests/sec|Latency  |50%|99%|requests in|Non-2xx|Socket errors|answers:" || true
}
field() { echo "$out" | awk -v k="$1" '$1 == k {print $2}'; }
num() { echo "$out" | awk '/requests in/ {print $1}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
run "logins (argon2id per request)" 10s login.lua /
login_rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
login_n=$(num); login_cpu=$cpu
check '! echo "$out" | grep -qE "Non-2xx|Socket errors"' "every login answered 200 (no failed request)"
run "state reads (no hashing)" 5s "" /api/extensions/10
read_n=$(num); read_cpu=$cpu
check '! echo "$out" | grep -qE "Non-2xx|Socket errors"' "every read answered 200"
awk -v rps="$login_rps" -v lc="$login_cpu" -v ln="$login_n" -v rc="$read_cpu" -v rn="$read_n" 'BEGIN {
  per_login = 1000 * lc / ln; per_read = 1000 * rc / rn; share = 100 * (1 - per_read / per_login)
  if (share < 0) share = 0
  printf "logins/s: %s; server CPU per login %.2f ms vs per read (no hash) %.3f ms: hashing ~%.1f%% of a login'"'"'s CPU; CPU busy during logins %.2f cores\n", rps, per_login, per_read, share, lc / 10
}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for ext in 10 11 12; do
  state=$(curl -sf "$URL/api/extensions/$ext")
  check '[ "$(echo "$state" | grep -o "\"revision\":[0-9]*")" = "\"revision\":0" ]' "extension $ext: successful logins wrote nothing ($state)"
done
run "wrong PINs on extension 12" 3s wrong.lua /api/login
wrong=$(echo "$out" | sed -n 's/.*wrong=\([0-9]*\).*/\1/p')
other=$(echo "$out" | sed -n 's/.*other=\([0-9]*\).*/\1/p')
state=$(curl -sf "$URL/api/extensions/12")
stored=$(echo "$state" | sed -n 's/.*"failed_logins":\([0-9]*\).*/\1/p')
check '[ "$other" = 0 ]' "every wrong PIN answered wrong or throttled (no failure)"
check '[ "$wrong" = "$stored" ] && [ "$wrong" -gt 0 ]' "no update lost: $wrong wrong answers, $stored failures stored"
echo "load: $pass passed, $fail failed"
[ "$fail" = 0 ]
