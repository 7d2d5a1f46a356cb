#!/usr/bin/env bash
# Checks that a change reads documents exactly as before: ingests the same folder (default:
# data/, every sample the tests use) with two oplex binaries, one job each, and compares
# `oplex dump` of the two databases byte for byte (dump leaves out row ids and times, so equal
# bytes mean equal records). Both binaries read the vocabularies of this checkout's data/.
# Prints the number of dump lines and "same", or the first differences, and fails.
# Usage: tools/check_dump.sh OLD_OPLEX NEW_OPLEX [FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "usage: tools/check_dump.sh OLD_OPLEX NEW_OPLEX [FOLDER]" >&2
  exit 2
fi
old=$(readlink -f "$1")
new=$(readlink -f "$2")
folder="${3:-data}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for side in old new; do
  binary=${!side}
  # data/ holds files that cannot be read on purpose (damaged PDFs, a huge image): their errors
  # go to a log and the exit code is ignored; only the dump decides.
  OMP_THREAD_LIMIT=1 "$binary" ingest "$folder" --db "$work/$side.sqlite" --data-dir data \
    --jobs 1 -q 2>"$work/$side.log" || true
  "$binary" dump --db "$work/$side.sqlite" --data-dir data >"$work/$side.dump"
done
if cmp -s "$work/old.dump" "$work/new.dump"; then
  echo "$(wc -l <"$work/new.dump") dump lines: same"
else
  diff "$work/old.dump" "$work/new.dump" | head -40
  echo "the dumps differ" >&2
  exit 1
fi
