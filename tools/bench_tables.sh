#!/usr/bin/env bash
# Benchmark of `oplex tables` one page at a time against poppler's own text extraction.
#
# For each page of a set of PDFs with tables (default: the born-digital fixtures of data/pdf,
# data/pdf/generic and data/pdf/reportlab, and the real documents of ../shared/realdocs when
# present), runs `oplex tables FILE --pages N` and `pdftotext -bbox-layout -f N -l N FILE` as one
# process each, alternating, and prints per file and in total the milliseconds per page of each
# and their ratio (target: <= 2). A process per page is what a script calling oplex per page
# pays: starting the program counts. OCR is off (--ocr never): scanned pages are timed by
# tools/bench_ocr.sh.
# Usage: [OPLEX=path/to/oplex] tools/bench_tables.sh [PDF...]   (default: build/oplex, built first)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${OPLEX:-}" ]; then
  OPLEX_EXTRA_PACKAGES="poppler-utils qpdf" tools/setup.sh build >/dev/null
fi
oplex=$(readlink -f "${OPLEX:-build/oplex}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(data/pdf/*.pdf data/pdf/generic/*.pdf data/pdf/reportlab/*.pdf)
  [ -d ../shared/realdocs ] && files+=(../shared/realdocs/*.pdf)
fi

now() { date +%s%N; }

# One untimed call of each first: the first file would otherwise pay for loading both programs
# and their libraries from disk into the page cache (cotaprep, first in the list, read 1.98 cold
# and 1.2 warm).
"$oplex" tables "${files[0]}" --pages 1 --ocr never >/dev/null 2>&1 || true
pdftotext -bbox-layout -f 1 -l 1 "${files[0]}" "$work/out.html" 2>/dev/null || true

printf '%-44s %5s %11s %13s %6s\n' file pages oplex_ms pdftotext_ms ratio
all_pages=0 all_ours=0 all_theirs=0
for f in "${files[@]}"; do
  n=$(qpdf --warning-exit-0 --show-npages "$f" 2>/dev/null)
  ours=0 theirs=0
  for ((p = 1; p <= n; p++)); do
    s=$(now)
    "$oplex" tables "$f" --pages "$p" --ocr never >/dev/null 2>&1 || true
    e=$(now)
    ours=$((ours + e - s))
    s=$(now)
    pdftotext -bbox-layout -f "$p" -l "$p" "$f" "$work/out.html" 2>/dev/null || true
    e=$(now)
    theirs=$((theirs + e - s))
  done
  awk -v f="$(basename "$f")" -v n="$n" -v o="$ours" -v t="$theirs" 'BEGIN {
    printf "%-44s %5d %11.1f %13.1f %6.2f\n", f, n, o / n / 1e6, t / n / 1e6, o / t }'
  all_pages=$((all_pages + n))
  all_ours=$((all_ours + ours))
  all_theirs=$((all_theirs + theirs))
done
awk -v n="$all_pages" -v o="$all_ours" -v t="$all_theirs" 'BEGIN {
  printf "all: %d pages; oplex tables %.1f ms a page, pdftotext -bbox-layout %.1f ms a page\n",
    n, o / n / 1e6, t / n / 1e6
  printf "ratio (oplex time / pdftotext time): %.2f (target <= 2)\n", o / t }'
