#!/usr/bin/env bash
# Benchmark of PDF ingestion against poppler's own text extraction.
#
# Over a set of multi-page PDFs (default: the work plans in data/pdf, one 500-page document made by
# repeating their pages with qpdf, and plans of 100 and 2000 pages whose pages all differ, made by
# tools/bench_plan.py), prints for each file and in total:
#   - pages/s of the whole oplex pipeline (decode with fill detection on, layout, extract,
#     validate, store), one job, so that it compares with one pdftotext process;
#   - pages/s of `pdftotext -bbox-layout` on the same file in the same run;
#   - the ratio of the two times (target: <= 2);
#   - the peak resident memory of oplex (target: < 100 MB, and at 2000 pages within 10 % of 100).
# Each file is read by the two in turns, BENCH_ROUNDS times (default 3), each time at its best.
# Usage: [OPLEX=path/to/oplex] [BENCH_ROUNDS=N] tools/bench_pdf.sh [PDF...]
# (default: build/oplex, built first)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${OPLEX:-}" ]; then
  OPLEX_EXTRA_PACKAGES="poppler-utils qpdf time" tools/setup.sh build >/dev/null
fi
oplex=$(readlink -f "${OPLEX:-build/oplex}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  plans=(data/pdf/*.pdf)
  files=("${plans[@]}")
  # A 500-page document: the plans' pages over and over.
  pages=0
  args=()
  while [ "$pages" -lt 500 ]; do
    for p in "${plans[@]}"; do
      n=$(qpdf --show-npages "$p")
      take=$((500 - pages < n ? 500 - pages : n))
      [ "$take" -le 0 ] && break
      args+=("$p" "1-$take")
      pages=$((pages + take))
    done
  done
  qpdf --empty --pages "${args[@]}" -- "$work/plan-500-pages.pdf"
  files+=("$work/plan-500-pages.pdf")
  for n in 100 2000; do
    python3 tools/bench_plan.py "$n" "$work/plan-$n-differ.pdf"
    files+=("$work/plan-$n-differ.pdf")
  done
fi

seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", e - s }'; }

rounds=${BENCH_ROUNDS:-3}
lesser() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? a : b }'; }
# One oplex run: its seconds and its peak resident memory (KB).
run_oplex() {
  rm -f "$work/bench.sqlite"*
  local s e
  s=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$oplex" ingest "$1" --db "$work/bench.sqlite" \
    --jobs 1 -q || true
  e=$(date +%s.%N)
  echo "$(seconds "$s" "$e") $(tail -1 "$work/rss")"
}
run_pdftotext() {
  local s e
  s=$(date +%s.%N)
  pdftotext -bbox-layout "$1" "$work/out.html"
  e=$(date +%s.%N)
  seconds "$s" "$e"
}

printf '%-28s %6s %10s %10s %7s %9s\n' file pages oplex/s pdftotext/s ratio peak_MB
total_pages=0 total_ours=0 total_theirs=0 peak_max=0
for f in "${files[@]}"; do
  n=$(qpdf --show-npages "$f")
  # A shared host's speed drifts over seconds: the two take turns, $rounds times, and each keeps
  # its best time; the peak memory kept is the highest of the rounds.
  ours=1e9 theirs=1e9 peak_kb=0
  for ((round = 0; round < rounds; ++round)); do
    read -r secs kb < <(run_oplex "$f")
    ours=$(lesser "$ours" "$secs")
    [ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
    theirs=$(lesser "$theirs" "$(run_pdftotext "$f")")
  done
  awk -v f="$(basename "$f")" -v n="$n" -v o="$ours" -v t="$theirs" -v k="$peak_kb" 'BEGIN {
    printf "%-28s %6d %10.1f %10.1f %7.2f %9.1f\n", f, n, n / o, n / t, o / t, k / 1024 }'
  total_pages=$((total_pages + n))
  total_ours=$(awk -v a="$total_ours" -v b="$ours" 'BEGIN { print a + b }')
  total_theirs=$(awk -v a="$total_theirs" -v b="$theirs" 'BEGIN { print a + b }')
  [ "$peak_kb" -gt "$peak_max" ] && peak_max=$peak_kb
  case "$(basename "$f")" in
    plan-100-differ.pdf) peak_100=$peak_kb ;;
    plan-2000-differ.pdf) peak_2000=$peak_kb ;;
  esac
done
awk -v n="$total_pages" -v o="$total_ours" -v t="$total_theirs" -v k="$peak_max" 'BEGIN {
  printf "all: %d pages; oplex %.1f pages/s, pdftotext -bbox-layout %.1f pages/s\n", n, n / o, n / t
  printf "ratio (oplex time / pdftotext time): %.2f (target <= 2)\n", o / t
  printf "peak RSS of oplex: %.1f MB (target < 100 MB)\n", k / 1024 }'
if [ -n "${peak_100:-}" ] && [ -n "${peak_2000:-}" ]; then
  awk -v a="$peak_100" -v b="$peak_2000" 'BEGIN {
    printf "peak RSS at 2000 pages / at 100 pages: %.2f (target <= 1.10)\n", b / a }'
fi
