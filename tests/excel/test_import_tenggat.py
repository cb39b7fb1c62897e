"""Excel import obeys the quarter deadline like every other writer."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from kinerja.excel import import_
from kinerja.excel.template import template_xlsx
from kinerja.measurement.models import PengecualianTenggat, PeriodeInput, Realisasi

from .helpers import edit, find_row

SUB = "7.01.01.2.01.0001"


def test_import_after_the_deadline_is_refused_unless_excepted(towuti):
    now = timezone.now()
    PeriodeInput.objects.create(
        pemda=towuti.pemda,
        tahun=2024,
        triwulan=4,
        dibuka=now - timedelta(days=40),
        ditutup=now - timedelta(days=1),
    )
    data = template_xlsx(towuti, 2024)
    r = find_row(data, "Realisasi", Pemilik=SUB, Triwulan=4)
    changed = edit(data, "Realisasi", {(r, "Realisasi"): 3})
    before = list(Realisasi.objects.values_list("id", "nilai"))
    preview = import_.apply(changed, towuti, 2024)
    assert any("Tenggat pengisian Triwulan IV 2024 telah lewat" in m.alasan for m in preview.galat)
    assert not preview.disimpan
    assert list(Realisasi.objects.values_list("id", "nilai")) == before
    PengecualianTenggat.objects.create(
        perangkat=towuti, tahun=2024, triwulan=4, alasan="Revisi", berlaku_sampai=now + timedelta(1)
    )
    preview = import_.apply(changed, towuti, 2024)
    assert preview.galat == [] and preview.disimpan
