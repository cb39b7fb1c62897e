"""The Towuti 2024 sample loaded once for the report tests, and removed afterwards."""

from datetime import date

import pytest

from kinerja.organisations.models import PemerintahDaerah, PerangkatDaerah
from kinerja.planning.models import PerjanjianKinerja
from kinerja.sample.loader import load_sample

TANGGAL = date(2025, 1, 20)


@pytest.fixture(scope="module")
def towuti(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_sample()
        yield PerangkatDaerah.objects.select_related("pemda").get(kode="towuti")
        PerjanjianKinerja.objects.filter(perangkat__pemda__kode="luwu-timur").delete()
        PerangkatDaerah.objects.filter(pemda__kode="luwu-timur").delete()
        PemerintahDaerah.objects.filter(kode="luwu-timur").delete()
