"""Shared fixtures of the survey tests: a unit with its IKU and a survey of TW IV 2024."""

from __future__ import annotations

import pytest

from kinerja.survey.domain import buat_survei
from tests import factories


@pytest.fixture
def unit():
    return factories.unit()


@pytest.fixture
def iku(unit):
    sasaran = factories.sasaran(unit)
    return factories.indikator(
        sasaran, targets=[80.1] * 4, nama="Indeks Kepuasan Masyarakat", iku=True
    )


@pytest.fixture
def survei(unit):
    return buat_survei(unit, 2024, 4, populasi=200)
