#!/bin/sh
# Debian's Chromium for the browser test (tests/web/test_browser.py), installed only for
# tests. Playwright drives it at /usr/bin/chromium; `playwright install` is never used.
set -eu
[ -x /usr/bin/chromium ] && exit 0
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "Perlu hak root untuk: $*" >&2; exit 1; fi
}
echo "Chromium belum terpasang; memasang paket Debian chromium …"
as_root apt-get update -q
as_root apt-get install -y -q chromium
