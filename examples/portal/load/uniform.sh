#!/usr/bin/env bash
# Wrong PINs for a known extension, an unknown one and another PBX's number against a running
# portal under --preset strict, in turns (G10): prints each one's answers (status and size)
# and the median, 10th and 90th percentile of their times. Asserts only that the answers are
# the same; the times are figures (compare them with the core's uniform_timing test).
set -euo pipefail
URL=$1 ROUNDS=${2:-25}
cd "$(dirname "$0")"
. ./lib.sh
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
NUMBERS="06131-62468-10 06131-62468-77 0421-689711-10"
try() { # number: status size seconds
  curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' \
    -H 'content-type: application/json' -d "{\"number\":\"$1\",\"pin\":\"913704\"}" "$URL/api/login"
}
for n in $NUMBERS; do try "$n" >/dev/null; done # warm up
for _ in $(seq "$ROUNDS"); do
  for n in $NUMBERS; do echo "$n $(try "$n")"; done
done >"$OUT"
for n in $NUMBERS; do
  grep "^$n " "$OUT" | sort -k4 -g | awk -v n="$n" '
    { a[NR] = $4 * 1000; answers[$2 " " $3] = 1 }
    END { s = ""; for (k in answers) s = s k "; ";
          printf "%-16s answers %s median %.1f ms, p10 %.1f, p90 %.1f (%d tries)\n", n, s, a[int((NR + 1) / 2)], a[int(NR / 10) + 1], a[int(NR * 9 / 10)], NR }'
done
check '[ "$(awk "{print \$2, \$3}" "$OUT" | sort -u | wc -l)" = 1 ]' "every answer the same status and size ($(awk '{print $2, $3}' "$OUT" | sort -u | tr '\n' ' '))"
echo "uniform: $pass passed, $fail failed"
[ "$fail" = 0 ]
