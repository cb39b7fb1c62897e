"""Settings shared by every test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _version_read_by_query():
    """Tests write outside any request (factories, ``QuerySet.update``) and read the page
    at once: every request reads the data version row, exactly. The pushed version
    (LISTEN/NOTIFY) is tested on its own in ``tests/web/test_versi_push.py``."""
    from django.conf import settings

    settings.KINERJA_VERSI_NOTIFY = False
