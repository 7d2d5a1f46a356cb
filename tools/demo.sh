#!/usr/bin/env bash
# Sets up oplex, ingests the bundled sample documents into out/oplex.sqlite and shows a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build
mkdir -p out
DB=out/oplex.sqlite
status=0
build/oplex ingest data/samples --db "$DB" || status=$?
echo
build/oplex stats --db "$DB"
echo
build/oplex show 010101 --db "$DB"
exit "$status"
