#!/usr/bin/env bash
# Benchmark of the batch runner on many small documents, where what a document costs besides its
# reading shows: ingests FILES distinct copies of the smallest sample (10 KB of text; each copy
# gets one extra line so its content hash differs) into a fresh database, and prints documents/s
# in worker processes (the default, with limits per document) and in threads of one process
# (--timeout 0 --max-memory 0), with JOBS jobs.
# Usage: tools/bench_batch.sh [FILES] [JOBS]   (defaults: 400 files, one job per core)
# OPLEX=path/to/oplex times another build (e.g. an older one, for a before/after pair).
set -euo pipefail
cd "$(dirname "$0")/.."
FILES="${1:-400}"
JOBS="${2:-$(nproc)}"
if [ -z "${OPLEX:-}" ]; then
  tools/setup.sh build >/dev/null
  OPLEX=build/oplex
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=data/samples/ags-iee-cotaprep-informe-2023.txt
mkdir "$work/in"
for ((i = 0; i < FILES; i++)); do
  { cat "$sample"; printf '\ncopia %d\n' "$i"; } >"$work/in/copia-$i.txt"
done
run() {  # label, options...
  local label=$1
  shift
  rm -f "$work/bench.sqlite"
  local start end
  start=$(date +%s.%N)
  "$OPLEX" ingest "$work/in" --db "$work/bench.sqlite" --jobs "$JOBS" -q "$@"
  end=$(date +%s.%N)
  awk -v d="$FILES" -v s="$start" -v e="$end" -v l="$label" 'BEGIN {
    printf "%-28s %5.1f documents/s (%.2f s)\n", l, d / (e - s), e - s }'
}
echo "$FILES documents of $(wc -c <"$sample") bytes, $JOBS jobs, $OPLEX"
run "worker processes (default):"
run "threads (no limits):" --timeout 0 --max-memory 0
