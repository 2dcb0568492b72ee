# Shared by the load scripts: server CPU from /proc, one wrk run with its figures.
hz=$(getconf CLK_TCK)
fail=0 pass=0
check() { if eval "$1"; then echo "ok   $2"; pass=$((pass + 1)); else echo "FAIL $2"; fail=$((fail + 1)); fi; }
ticks() { local t=0 pid; for pid in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$t"; }
# wrk_run out-file url duration connections [script]: prints the raw wrk output into out-file
wrk_run() {
  local script=()
  [ -n "${5:-}" ] && script=(-s "$5")
  wrk -t"$(( $4 < 2 ? 1 : 2 ))" -c"$4" -d"$3" --latency "${script[@]}" "$2" >"$1"
}
# figures of one wrk output: requests/s, p50, p99, requests, non-2xx or socket errors
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2%" '$1 == p {print $2}' "$1"; }
requests() { awk '/requests in/ {print $1}' "$1"; }
clean() { ! grep -qE "Non-2xx|Socket errors" "$1"; }
