#!/usr/bin/env bash
# Benchmark of the OCR path against the tesseract command-line tool.
#
# The pages of the scanned fixtures (data/scans/*.pdf) are rendered to grey PNG images at 300 DPI;
# on the same images, in the same run, it prints:
#   - pages/s of the whole oplex pipeline (image preparation, OCR, rules and fills, layout,
#     extraction, store) with 1 OCR worker (--jobs 1) and with 2 (--jobs 2), and their ratio
#     (target: 2 workers >= 1.8 x one);
#   - seconds per page of `tesseract IMAGE out -l spa` with OMP_THREAD_LIMIT=1, one at a time,
#     and the ratio of oplex's time per page (1 worker) to it (target: <= 1.0).
# Each is timed in turns with the others, BENCH_ROUNDS times (default 2), at its best.
# Usage: [BENCH_ROUNDS=N] tools/bench_ocr.sh [IMAGE...]
set -euo pipefail
cd "$(dirname "$0")/.."
OPLEX_EXTRA_PACKAGES="poppler-utils tesseract-ocr" tools/setup.sh build >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

images=("$@")
if [ ${#images[@]} -eq 0 ]; then
  mkdir -p "$work/pages"
  for pdf in data/scans/*.pdf; do
    pdftoppm -r 300 -gray -png "$pdf" "$work/pages/$(basename "$pdf" .pdf)"
  done
  images=("$work"/pages/*.png)
fi
n=${#images[@]}
rounds=${BENCH_ROUNDS:-2}

seconds() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
run_oplex() {  # jobs
  rm -f "$work/bench.sqlite"*
  local start end
  start=$(seconds)
  build/oplex --quiet --db "$work/bench.sqlite" ingest --jobs "$1" "${images[@]}" >/dev/null
  end=$(seconds)
  calc "$end - $start"
}
run_cli() {
  local start
  start=$(seconds)
  for image in "${images[@]}"; do
    OMP_THREAD_LIMIT=1 tesseract "$image" "$work/cli" -l spa >/dev/null 2>&1
  done
  calc "$(seconds) - $start"
}
lesser() { calc "($1 < $2) ? $1 : $2"; }
# A shared host's speed drifts over minutes: the three runs take turns, $rounds times, and each
# keeps its best time, so that a slow spell does not fall on one of them alone.
one=1e9 two=1e9 cli=1e9
for ((round = 0; round < rounds; ++round)); do
  one=$(lesser "$one" "$(run_oplex 1)")
  cli=$(lesser "$cli" "$(run_cli)")
  two=$(lesser "$two" "$(run_oplex 2)")
done

printf '%d page images at 300 DPI; each time the best of %d rounds\n' "$n" "$rounds"
printf 'oplex, 1 worker:   %6.2f pages/s  (%.2f s/page)\n' "$(calc "$n / $one")" "$(calc "$one / $n")"
printf 'oplex, 2 workers:  %6.2f pages/s  (%.2f s/page)\n' "$(calc "$n / $two")" "$(calc "$two / $n")"
printf 'tesseract CLI:     %6.2f pages/s  (%.2f s/page, OMP_THREAD_LIMIT=1)\n' "$(calc "$n / $cli")" "$(calc "$cli / $n")"
printf '2 workers / 1 worker: %.2fx (target >= 1.8)\n' "$(calc "$one / $two")"
printf 'oplex per page / tesseract CLI per page: %.2f (target <= 1.0)\n' "$(calc "$one / $cli")"
