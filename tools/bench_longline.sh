#!/usr/bin/env bash
# Time to ingest single-line text files of SIZE MB (default 2), one per kind of long line: plain
# words (an activity's text run on), dates and periods, and numbers in words. Every step of the
# pipeline must stay linear in the line's length: issue 16 asks for a 2 MB line in under 2 s.
# Usage: tools/bench_longline.sh [SIZE_MB]   (builds oplex with tools/setup.sh when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB="${1:-2}"
[ -x build/oplex ] || tools/setup.sh build >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bytes=$((SIZE_MB * 1000000))
line() {  # line FILE UNIT: "1.1<TAB>" and UNIT repeated up to the size, no newline inside
  awk -v unit="$2" -v n="$bytes" \
    'BEGIN { s = unit; while (length(s) < n) s = s s; printf "1.1\t%s\n", substr(s, 1, n) }' \
    >"$work/$1.txt"
}
line words 'Actividad larga '
line periods 'del 1 de enero al 31 de marzo de 2024, primer trimestre 2024, enero - junio 2024 '
line numbers 'veinte mil trescientos cuarenta y dos, 4,060 y 0.08 '
for kind in words periods numbers; do
  start=$(date +%s.%N)
  build/oplex ingest "$work/$kind.txt" --db "$work/$kind.sqlite" --jobs 1 -q
  end=$(date +%s.%N)
  awk -v k="$kind" -v mb="$SIZE_MB" -v s="$start" -v e="$end" \
    'BEGIN { printf "%-8s %d MB line: %.2f s\n", k, mb, e - s }'
done
