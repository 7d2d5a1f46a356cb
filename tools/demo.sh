#!/usr/bin/env bash
# Sets up oplex, ingests the bundled sample documents into out/oplex.sqlite and shows a summary,
# one activity across documents, and the institutes side by side by category.
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
echo
build/oplex compare --part categories --db "$DB"
exit "$status"
