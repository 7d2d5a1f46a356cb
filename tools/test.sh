#!/usr/bin/env bash
# Sets up oplex and runs the whole test suite (GoogleTest through CTest), then the smoke run of
# the fuzz targets (tools/fuzz.sh: 20 s each, clang and its fuzzer runtime installed for it).
# Chromium is installed for the tests only: they open the HTML report in it.
set -euo pipefail
cd "$(dirname "$0")/.."
OPLEX_EXTRA_PACKAGES="chromium clang libclang-rt-14-dev ${OPLEX_EXTRA_PACKAGES:-}" tools/setup.sh build
(cd build && ctest --output-on-failure -j"$(nproc)")
tools/fuzz.sh 20
