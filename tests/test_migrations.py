from io import StringIO

import pytest
from django.core.management import call_command

from kinerja.organisations.models import SkalaPredikat
from kinerja.rules import PRESETS


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db
def test_predikat_presets_are_stored_as_data_and_round_trip():
    for key, preset in PRESETS.items():
        stored = SkalaPredikat.objects.get(kode=key)
        assert stored.to_rules().bands == preset.bands
