"""The survey admin pages open, in Indonesian, and the IKU action reports back."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.measurement.models import Realisasi
from kinerja.survey.domain import submit_response

pytestmark = pytest.mark.django_db


def test_halaman_admin_terbuka(admin_client, survei):
    submit_response(survei, [4] * 9, profil={"saran": "Mantap"})
    for nama in ("survei", "responden", "kuesioner", "layanan"):
        respons = admin_client.get(reverse(f"admin:survey_{nama}_changelist"))
        assert respons.status_code == 200, nama
    halaman = admin_client.get(reverse("admin:survey_survei_changelist")).content.decode()
    assert "100,00 (A, Sangat Baik)" in halaman
    ubah = admin_client.get(reverse("admin:survey_kuesioner_change", args=[survei.kuesioner_id]))
    assert ubah.status_code == 200


def test_aksi_isi_realisasi_iku(admin_client, iku, survei):
    submit_response(survei, [3] * 9)
    respons = admin_client.post(
        reverse("admin:survey_survei_changelist"),
        {"action": "isi_realisasi_iku", "_selected_action": [survei.pk]},
        follow=True,
    )
    assert "realisasi IKU diisi 75,00" in respons.content.decode()
    assert Realisasi.objects.get(indikator=iku, triwulan=4).nilai == 75
