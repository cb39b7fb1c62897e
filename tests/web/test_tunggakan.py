"""Who owes what: units and indicators with a target but no realisasi, most missing first."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.measurement.models import (
    PengecualianTenggat,
    PeriodeInput,
    Realisasi,
    StatusTriwulan,
)
from kinerja.organisations.models import PerangkatDaerah
from kinerja.web.tunggakan import tunggakan
from tests import factories
from tests.web.conftest import make_unit, make_user

WITA = ZoneInfo("Asia/Makassar")


def url(tw=4):
    return reverse("web:tunggakan-list", args=[2024, tw])


def test_missing_realisasi_grouped_per_unit_most_missing_first(world):
    # Unit a fills one of its two indicators; unit b fills none.
    Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=4, nilai=4)
    # An empty realisasi row (analysis text only) still owes its value.
    Realisasi.objects.create(indikator=world.b.sub_ind, tahun=2024, triwulan=4, solusi="x")
    rows = tunggakan(2024, 4)
    assert [(r.perangkat.kode, r.jumlah) for r in rows] == [("kec-b", 2), ("kec-a", 1)]
    [owed] = rows[1].indikator
    assert owed.id == world.a.sasaran_ind.id and owed.level == "Sasaran" and owed.target == 10
    assert {i.level for i in rows[0].indikator} == {"Sasaran", "Sub kegiatan"}


def test_no_target_no_debt(world):
    sasaran = world.a.sasaran_ind.sasaran
    factories.indikator(sasaran, targets=[1, None, None, None], nama="Hanya TW I")
    rows = {r.perangkat.kode: r for r in tunggakan(2024, 4)}
    assert "Hanya TW I" not in [i.nama for i in rows["kec-a"].indikator]
    rows = {r.perangkat.kode: r for r in tunggakan(2024, 1)}
    assert "Hanya TW I" in [i.nama for i in rows["kec-a"].indikator]
    # Another year: the programs of 2024 owe nothing in 2031 (outside the Renstra too).
    assert all(r.jumlah == 0 for r in tunggakan(2031, 4))


def test_page_shows_deadline_status_and_exception(world, as_role):
    PeriodeInput.objects.create(
        pemda=world.a.perangkat.pemda,
        tahun=2024,
        triwulan=4,
        dibuka=datetime(2024, 10, 1, tzinfo=WITA),
        ditutup=datetime(2025, 1, 15, 23, 59, tzinfo=WITA),
    )
    PengecualianTenggat.objects.create(
        perangkat=world.b.perangkat,
        tahun=2024,
        triwulan=4,
        alasan="Banjir",
        berlaku_sampai=timezone.now() + timedelta(days=1),
    )
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=4, status="dikembalikan"
    )
    for n in range(2):
        Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=4 - n, nilai=1)
    html = as_role(world, "evaluator").get(url()).content.decode()
    assert "3 indikator di 2 perangkat daerah" in html
    assert "Tenggat 15 Januari 2025 pukul 23.59 WITA" in html and "telah lewat" in html
    assert "Dikembalikan" in html and "Pengecualian sampai" in html
    assert html.index("Kecamatan kec-b") < html.index("Kecamatan kec-a")
    assert reverse("web:realisasi-update", args=["kec-a", 2024, 4]) in html


def test_everything_filled(world, as_role):
    for unit in (world.a, world.b):
        for ind in (unit.sasaran_ind, unit.sub_ind):
            Realisasi.objects.create(indikator=ind, tahun=2024, triwulan=4, nilai=1)
    html = as_role(world, "admin").get(url()).content.decode()
    assert "Semua indikator yang memiliki target Triwulan IV sudah berealisasi" in html
    assert "Sudah lengkap" in html


def test_pemda_dashboard_links_to_it(world, as_role):
    html = as_role(world, "admin").get(reverse("web:pemda", args=[2024, 4])).content.decode()
    assert url() in html


def test_bad_quarter_is_404(world, as_role):
    assert as_role(world, "admin").get(url(tw=5)).status_code == 404


def test_queries_do_not_grow_with_units(db, client, django_assert_num_queries):
    pemda = factories.pemda()
    make_unit("kec-1", pemda)
    client.force_login(make_user("admin-1", "admin"))
    PeriodeInput.objects.create(
        pemda=pemda,
        tahun=2024,
        triwulan=4,
        dibuka=timezone.now() - timedelta(days=9),
        ditutup=timezone.now() - timedelta(days=1),
    )
    with CaptureQueriesContext(connection) as one:
        assert client.get(url()).status_code == 200
    for kode in ("kec-2", "kec-3"):
        unit = make_unit(kode, pemda)
        PengecualianTenggat.objects.create(
            perangkat=unit.perangkat,
            tahun=2024,
            triwulan=4,
            alasan="x",
            berlaku_sampai=timezone.now() + timedelta(days=1),
        )
        StatusTriwulan.objects.create(perangkat=unit.perangkat, tahun=2024, triwulan=4)
    assert PerangkatDaerah.objects.count() == 3
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url())
    assert len(response.context["berutang"]) == 3
