#!/bin/sh
# Creates the virtual environment and installs Kinerja with its test tools.
# On a fresh Debian/Ubuntu, python3-venv may be missing: install it (needs root or sudo).
set -eu
VENV=${1:-.venv}

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "Perlu hak root untuk: $*" >&2; exit 1; fi
}

if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Kinerja memerlukan Python 3.11 atau lebih baru (python3 --version)." >&2
    exit 1
fi
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
    as_root apt-get update -q
    as_root apt-get install -y -q python3-venv python3-pip
fi
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -e '.[dev]'

# Reports: WeasyPrint draws the PDF with Pango; the report fonts are Liberation
# (metric-compatible with Times New Roman and Arial, so DOCX and PDF paginate alike).
# HarfBuzz-subset cuts the fonts embedded in a PDF in C: without it WeasyPrint falls
# back to fontTools, which takes about 2 s of a 70-page report.
if ! fc-list 2>/dev/null | grep -q "Liberation Serif" \
    || ! ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0" \
    || ! ldconfig -p 2>/dev/null | grep -q "libharfbuzz-subset"; then
    as_root apt-get update -q
    as_root apt-get install -y -q fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0 fontconfig \
        libharfbuzz-subset0
fi
