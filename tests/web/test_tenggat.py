"""Quarter deadlines on the site: the entry page says which lock applies; every writer obeys."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kinerja.measurement.models import (
    PengecualianTenggat,
    PeriodeInput,
    Realisasi,
    StatusTriwulan,
)
from kinerja.web.models import Bukti
from tests.web.conftest import PDF
from tests.web.test_entry import entry_url, form_data

WITA = ZoneInfo("Asia/Makassar")
DITUTUP = datetime(2025, 1, 15, 23, 59, tzinfo=WITA)  # long past


def tutup(world, ditutup=DITUTUP):
    return PeriodeInput.objects.create(
        pemda=world.a.perangkat.pemda,
        tahun=2024,
        triwulan=4,
        dibuka=datetime(2024, 10, 1, 8, 0, tzinfo=WITA),
        ditutup=ditutup,
    )


def beri_pengecualian(world, sampai):
    return PengecualianTenggat.objects.create(
        perangkat=world.a.perangkat,
        tahun=2024,
        triwulan=4,
        alasan="Jaringan terputus sepekan",
        berlaku_sampai=sampai,
    )


def test_page_shows_the_period_while_open(world, as_role):
    tutup(world, ditutup=timezone.now() + timedelta(days=3))
    html = as_role(world, "operator").get(entry_url(world)).content.decode()
    assert "Dibuka 1 Oktober 2024 pukul 08.00 WITA" in html
    assert "Periode input sedang berjalan" in html
    assert "Terkunci karena" not in html
    assert 'id="simpan"' in html


def test_page_without_period_says_no_deadline(world, as_role):
    html = as_role(world, "operator").get(entry_url(world)).content.decode()
    assert "Tenggat belum ditetapkan" in html


def test_after_the_deadline_the_page_says_so_and_the_save_is_refused(world, as_role):
    client = as_role(world, "operator")
    data = form_data(client, world)
    tutup(world)
    html = client.get(entry_url(world)).content.decode()
    assert "Terkunci karena tenggat." in html
    assert "telah lewat pada 15 Januari 2025 pukul 23.59 WITA" in html
    assert 'id="simpan"' not in html
    data[f"r{world.a.sub_ind.id}-nilai"] = "3"
    response = client.post(entry_url(world), data, follow=True)
    assert "Tenggat pengisian Triwulan IV 2024 telah lewat" in response.content.decode()
    assert not Realisasi.objects.exists()


def test_status_lock_is_named_as_such(world, as_role):
    tutup(world)
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=4, status="terkunci"
    )
    html = as_role(world, "operator").get(entry_url(world)).content.decode()
    assert "Terkunci karena status triwulan." in html
    assert "berstatus Terkunci" in html


def test_an_exception_lets_the_unit_save_until_it_expires(world, as_role):
    tutup(world)
    beri_pengecualian(world, timezone.now() + timedelta(days=2))
    client = as_role(world, "operator")
    html = client.get(entry_url(world)).content.decode()
    assert "mendapat pengecualian sampai" in html and "Jaringan terputus sepekan" in html
    data = form_data(client, world)
    data[f"r{world.a.sub_ind.id}-nilai"] = "3"
    assert client.post(entry_url(world), data).status_code == 302
    assert Realisasi.objects.get().nilai == Decimal(3)
    # Unit a stays open; unit b has no exception: still closed.
    assert not client.get(entry_url(world)).context["halaman"].kunci.jenis
    other = reverse("web:realisasi-update", args=[world.b.kode, 2024, 4])
    admin = as_role(world, "admin")
    assert admin.get(other).context["halaman"].kunci.jenis == "tenggat"


def test_evidence_upload_is_refused_after_the_deadline(world, as_role):
    tutup(world)
    url = reverse("web:bukti-create", args=[world.a.kode, 2024, 4, world.a.sub_ind.id])
    client = as_role(world, "operator")
    response = client.post(url, {"berkas": SimpleUploadedFile("a.pdf", PDF)}, follow=True)
    assert "telah lewat" in response.content.decode()
    assert not Bukti.objects.exists()


@pytest.fixture
def root_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "", "x-sandi-panjang-9"))
    return client


def test_admin_refuses_changes_after_the_deadline(world, root_client):
    row = Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=4, nilai=1)
    tutup(world)
    url = reverse("admin:measurement_realisasi_change", args=[row.pk])
    data = {"indikator": world.a.sub_ind.pk, "tahun": 2024, "triwulan": 4, "nilai": "2"}
    response = root_client.post(url, data)
    assert response.status_code == 200 and "telah lewat" in response.content.decode()
    row.refresh_from_db()
    assert row.nilai == 1


def test_admin_sets_periods_and_grants_exceptions(world, root_client):
    add = reverse("admin:measurement_periodeinput_add")
    data = {
        "pemda": world.a.perangkat.pemda_id,
        "tahun": 2024,
        "triwulan": 4,
        "dibuka_0": "2024-10-01",
        "dibuka_1": "08:00:00",
        "ditutup_0": "2024-09-01",
        "ditutup_1": "08:00:00",
    }
    response = root_client.post(add, data)
    assert response.status_code == 200 and "Tenggat harus sesudah waktu dibuka" in (
        response.content.decode()
    )
    data.update(ditutup_0="2025-01-15", ditutup_1="23:59:00")
    assert root_client.post(add, data).status_code == 302
    periode = PeriodeInput.objects.get()
    assert periode.ditutup == DITUTUP  # typed in local time (WITA), stored aware
    add = reverse("admin:measurement_pengecualiantenggat_add")
    data = {
        "perangkat": world.a.perangkat.pk,
        "tahun": 2024,
        "triwulan": 4,
        "alasan": "Banjir",
        "berlaku_sampai_0": "2099-01-01",
        "berlaku_sampai_1": "00:00:00",
    }
    assert root_client.post(add, data).status_code == 302
    item = PengecualianTenggat.objects.get()
    assert item.oleh.username == "root"
    changelist = root_client.get(reverse("admin:measurement_pengecualiantenggat_changelist"))
    assert changelist.status_code == 200


def test_a_draft_past_its_deadline_is_not_called_editable(world, as_role):
    tutup(world)
    html = as_role(world, "operator").get(entry_url(world)).content.decode()
    card = html.split('id="status"')[1].split("</section>")[0]
    assert "Draf, tetapi tenggat pengisian telah lewat" in card
    assert "operator dapat mengisi" not in card
    beri_pengecualian(world, timezone.now() + timedelta(days=2))
    card = as_role(world, "operator").get(entry_url(world)).content.decode()
    assert "Draf: operator dapat mengisi dan mengubah data." in card
