"""What the browser tests share: Debian's Chromium driven by Playwright (installed by
``scripts/chromium.sh``, run by ``make test``; never ``playwright install``), the folder
of their screenshots for a human to look at, and signing in through the form.

The ``browser`` fixture lives in ``tests/web/conftest.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.web.conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path("/tmp/kinerja-layar")

#: The marks of every browser test module. Its tests commit (live server), so each ends
#: with a flush that also empties the rows the migrations seeded: they are put back after
#: the module (keep_seeded_rows), for the tests that run after it.
BROWSER = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
        reason="Chromium Debian belum terpasang (jalankan scripts/chromium.sh)",
    ),
    pytest.mark.usefixtures("keep_seeded_rows"),
]


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
