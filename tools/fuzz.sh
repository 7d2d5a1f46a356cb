#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (AddressSanitizer and UBSan, in
# build-fuzz/) and runs each for SECONDS (default 20: the smoke run of tools/test.sh), seeded
# from data/; prints each target's executions and coverage, and stops at the first crash, whose
# input libFuzzer leaves in build-fuzz/crashes/. The long run is `tools/fuzz.sh 600`; the corpus
# each run grows is kept in build-fuzz/corpus/TARGET and seeds the next run.
# Usage: tools/fuzz.sh [SECONDS [TARGET...]]   (targets: tests/fuzz/*_fuzz.cpp without _fuzz.cpp)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-20}"
shift || true
BUILD_DIR=build-fuzz
if (($#)); then
  targets=("$@")
else
  targets=()
  for f in tests/fuzz/*_fuzz.cpp; do
    name=$(basename "$f" .cpp)
    targets+=("${name%_fuzz}")
  done
fi

CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOPLEX_FUZZ=ON \
  >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" --target "${targets[@]/%/_fuzz}" >&2

# Seeds: the lines of the sample texts for the parsers of short texts, the whole texts for those
# of documents, the PDFs for the pipeline.
seeds="$BUILD_DIR/seeds"
if [ ! -d "$seeds" ]; then
  mkdir -p "$seeds/lines" "$seeds/texts" "$seeds/pdfs"
  cat data/samples/*.txt data/repro/*.txt | awk 'length($0) > 0' | sort -u |
    split -l 1 -a 5 - "$seeds/lines/"
  cp data/samples/*.txt data/repro/*.txt "$seeds/texts/"
  find data/pdf data/repro -name '*.pdf' -exec cp {} "$seeds/pdfs/" \;
fi
seeds_of() {
  case "$1" in
    text_decoder | stated_totals) echo "$seeds/texts" ;;
    pdf_page) echo "$seeds/pdfs" ;;
    *) echo "$seeds/lines" ;;
  esac
}
max_len_of() {
  case "$1" in
    pdf_page) echo 300000 ;;
    text_decoder | stated_totals) echo 8192 ;;
    *) echo 1024 ;;
  esac
}

mkdir -p "$BUILD_DIR/crashes"
for t in "${targets[@]}"; do
  corpus="$BUILD_DIR/corpus/$t"
  mkdir -p "$corpus"
  log="$BUILD_DIR/$t.log"
  status=0
  # Leak checks are off: the rules each target loads once live as long as the process, and
  # fontconfig (under poppler) keeps its caches to the end.
  ASAN_OPTIONS=detect_leaks=0 "$BUILD_DIR/${t}_fuzz" "$corpus" "$(seeds_of "$t")" -max_total_time="$SECONDS_EACH" \
    -max_len="$(max_len_of "$t")" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$BUILD_DIR/crashes/$t-" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  printf 'fuzz %-14s %6ss  %10s executions  cov %6s  ft %6s  corpus %s\n' "$t" "$SECONDS_EACH" \
    "${execs:-?}" "${cov:-?}" "${ft:-?}" "$(find "$corpus" -type f | wc -l)"
  if ((status)); then
    tail -40 "$log" >&2
    echo "fuzz: $t failed (exit $status); its input is in $BUILD_DIR/crashes/, the log $log" >&2
    exit 1
  fi
done
