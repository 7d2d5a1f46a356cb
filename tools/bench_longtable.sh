#!/usr/bin/env bash
# Time to ingest one coded table of N and of 2N objectives (41 rows each: the objective "I" and
# its activities "I.1".."I.40"), as a text export. Understanding a table must stay linear in its
# rows (issue 16): the second time is about twice the first, not four times.
# Usage: tools/bench_longtable.sh [N]   (default 200: 8,200 and 16,400 rows; builds oplex when
# missing)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-200}"
[ -x build/oplex ] || tools/setup.sh build >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plan() {  # plan FILE OBJECTIVES
  awk -v n="$2" 'BEGIN {
    print "PROGRAMA ANUAL DE TRABAJO 2024\n\nNo.\tActividad\tResponsable"
    for (i = 1; i <= n; i++) {
      printf "%d\tObjetivo %d del programa\tDirección\n", i, i
      for (j = 1; j <= 40; j++)
        printf "%d.%d\tElaborar el informe número %d del objetivo %d\tÁrea %d\n", i, j, j, i, j % 7
    }
  }' >"$1"
}
times=()
for objectives in "$N" $((2 * N)); do
  plan "$work/plan-$objectives.txt" "$objectives"
  start=$(date +%s.%N)
  build/oplex ingest "$work/plan-$objectives.txt" --db "$work/$objectives.sqlite" --jobs 1 -q
  end=$(date +%s.%N)
  t=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
  times+=("$t")
  printf '%6d rows: %s s, %s activities\n' $((objectives * 41)) "$t" \
    "$(sqlite3 "$work/$objectives.sqlite" 'SELECT count(*) FROM activity')"
done
awk -v a="${times[0]}" -v b="${times[1]}" 'BEGIN { printf "ratio for twice the rows: %.2f (linear: ~2)\n", b / a }'
