"""Fixtures of the Excel tests: the Towuti 2024 sample, loaded into the test database."""

from __future__ import annotations

import pytest

from kinerja.organisations.models import PerangkatDaerah
from kinerja.sample.loader import load_sample


@pytest.fixture
def towuti(db):
    load_sample()
    return PerangkatDaerah.objects.select_related("pemda__skala_predikat").get(kode="towuti")
