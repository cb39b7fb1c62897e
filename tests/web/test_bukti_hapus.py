"""Evidence deletion: the unit's operator while the quarter is editable; kept in history."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from kinerja.measurement.models import PeriodeInput, StatusTriwulan
from kinerja.web.models import Bukti
from tests.web.conftest import make_bukti


def hapus(client, world, item, unit=None):
    unit = unit or world.a
    url = reverse("web:bukti-delete", args=[unit.kode, 2024, 4, item.pk])
    return client.post(url, follow=True)


def test_operator_deletes_and_history_keeps_who_and_when(world, as_role):
    item = make_bukti(world.a, "surat tugas.pdf")
    path = item.berkas.path
    client = as_role(world, "operator")
    page = client.get(reverse("web:realisasi-update", args=[world.a.kode, 2024, 4]))
    assert f'form="hapus-bukti-{item.pk}"' in page.content.decode()
    html = hapus(client, world, item).content.decode()
    assert "Bukti &#x27;surat tugas.pdf&#x27; dihapus" in html
    assert not Bukti.objects.exists()
    gone = Bukti.history.filter(id=item.pk, history_type="-").get()
    assert gone.history_user == world.users["operator"] and gone.nama == "surat tugas.pdf"
    assert gone.history_date <= timezone.now()
    # The file itself stays on disk for the record.
    assert Path(path).exists()
    history = client.get(
        reverse("web:realisasi-history", args=[world.a.kode, 2024, 4, world.a.sub_ind.id])
    ).content.decode()
    assert "Bukti (dihapus)" in history and "surat tugas.pdf" in history
    assert "operator-a" in history


def test_refused_when_the_quarter_is_submitted(world, as_role):
    item = make_bukti(world.a)
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=4, status="diajukan"
    )
    html = hapus(as_role(world, "operator"), world, item).content.decode()
    assert "berstatus Diajukan" in html
    assert Bukti.objects.filter(pk=item.pk).exists()


def test_refused_after_the_deadline(world, as_role):
    item = make_bukti(world.a)
    now = timezone.now()
    PeriodeInput.objects.create(
        pemda=world.a.perangkat.pemda,
        tahun=2024,
        triwulan=4,
        dibuka=now - timedelta(days=30),
        ditutup=now - timedelta(minutes=1),
    )
    html = hapus(as_role(world, "operator"), world, item).content.decode()
    assert "telah lewat" in html
    assert Bukti.objects.filter(pk=item.pk).exists()


def test_no_delete_button_when_read_only(world, as_role):
    item = make_bukti(world.a)
    page = as_role(world, "kepala").get(
        reverse("web:realisasi-update", args=[world.a.kode, 2024, 4])
    )
    assert f"hapus-bukti-{item.pk}" not in page.content.decode()


def test_other_units_evidence_through_own_url_is_hidden(world, as_role):
    item = make_bukti(world.b)
    url = reverse("web:bukti-delete", args=[world.a.kode, 2024, 4, item.pk])
    assert as_role(world, "operator").post(url).status_code == 404
    assert Bukti.objects.filter(pk=item.pk).exists()


def test_evaluator_and_kepala_may_not_delete(world, as_role):
    item = make_bukti(world.a)
    url = reverse("web:bukti-delete", args=[world.a.kode, 2024, 4, item.pk])
    for role in ("evaluator", "kepala"):
        assert as_role(world, role).post(url).status_code == 403
    assert Bukti.objects.filter(pk=item.pk).exists()
