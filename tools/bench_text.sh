#!/usr/bin/env bash
# Benchmark of text ingestion: ingests COPIES distinct copies of every sample in data/samples
# (each copy gets one extra line so its content hash differs) into a fresh database and prints
# documents/s and MB/s for the whole pipeline, store included.
# Usage: tools/bench_text.sh [COPIES] [JOBS]   (defaults: 20 copies, one job per core)
set -euo pipefail
cd "$(dirname "$0")/.."
COPIES="${1:-20}"
JOBS="${2:-$(nproc)}"
tools/setup.sh build >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((i = 0; i < COPIES; i++)); do
  for f in data/samples/*.txt; do
    { cat "$f"; printf '\ncopia %d\n' "$i"; } >"$work/$(basename "$f" .txt)-$i.txt"
  done
done
docs=$(find "$work" -name '*.txt' | wc -l)
bytes=$(cat "$work"/*.txt | wc -c)
start=$(date +%s.%N)
build/oplex ingest "$work" --db "$work/bench.sqlite" --jobs "$JOBS" -q
end=$(date +%s.%N)
awk -v d="$docs" -v b="$bytes" -v s="$start" -v e="$end" -v j="$JOBS" 'BEGIN {
  t = e - s
  printf "text ingestion: %d documents, %.1f MB in %.2f s with %d jobs\n", d, b / 1e6, t, j
  printf "documents/s: %.1f\nMB/s: %.2f\n", d / t, b / 1e6 / t
}'
