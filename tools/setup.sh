#!/usr/bin/env bash
# Installs oplex's Debian packages when missing (idempotent, non-interactive) and builds it.
# Usage: tools/setup.sh [build-dir]   (default: build)
# OPLEX_EXTRA_PACKAGES (space-separated) adds packages a script needs besides, e.g. the tools a
# benchmark compares with, or the browser the report's tests open it in (tools/test.sh).
# fonts-urw-base35 holds the metric twins of the PDF standard fonts (Nimbus Sans for Helvetica,
# Nimbus Roman for Times): poppler draws a page's unembedded standard fonts with them, so a page
# rendered for OCR or fills shows its words in the widths the PDF gives them.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${1:-build}"

PACKAGES=(build-essential cmake pkg-config clang-format sqlite3 python3
  libpoppler-cpp-dev libpoppler-private-dev libtesseract-dev tesseract-ocr-spa libleptonica-dev libicu-dev
  libre2-dev libsqlite3-dev libspdlog-dev libfmt-dev libgtest-dev libgmock-dev parallel
  libcli11-dev libxlsxwriter-dev poppler-utils fonts-urw-base35)
read -r -a extra <<<"${OPLEX_EXTRA_PACKAGES:-}"
PACKAGES+=("${extra[@]}")

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" >&2
