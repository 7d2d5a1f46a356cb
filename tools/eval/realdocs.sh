#!/usr/bin/env bash
# The realdocs table with the project's adapter (tools/eval/realdocs_adapter.py), which also
# writes each activity's area and deliverables; the documents, their truth and the scorer are
# those of the realdocs folder.
# Usage: tools/eval/realdocs.sh OPLEX [OUT_DIR] [REALDOCS_DIR]   (default ../shared/realdocs)
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
bin=$(readlink -f "$1")
out=${2:-/tmp/realdocs-project}
docs=$(readlink -f "${3:-$here/../../../shared/realdocs}")
mkdir -p "$out/pred"
stems=($(cd "$docs" && ls *.truth.json | sed 's/\.truth\.json$//'))
for s in "${stems[@]}"; do
  rm -f "$out/$s.sqlite"*
  timeout 900 "$bin" ingest "$docs/$s.pdf" --db "$out/$s.sqlite" >"$out/$s.log" 2>&1 ||
    echo "$s: oplex exited $? (see $out/$s.log)"
  python3 "$here/realdocs_adapter.py" "$out/$s.sqlite" "$out/pred" || echo "$s: adapter failed"
done
list=$(IFS=,; echo "${stems[*]}")
python3 "$docs/score.py" "$docs" "$out/pred" --docs "$list" -v >"$out/score.txt" 2>&1
python3 "$docs/score.py" "$docs" "$out/pred" --docs "$list"
