"""Unit, pemda and public dashboards; query counts that do not grow with the data."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.measurement.models import StatusTriwulan
from kinerja.organisations.models import PemerintahDaerah
from kinerja.planning.models import Program
from tests import factories
from tests.web.conftest import make_unit


def publish(unit, status="diverifikasi"):
    StatusTriwulan.objects.create(perangkat=unit.perangkat, tahun=2024, triwulan=4, status=status)


def test_unit_dashboard_shows_capaian_colours_chart_and_downloads(world, as_role):
    factories.Realisasi.objects.create(
        indikator=world.a.sasaran_ind, tahun=2024, triwulan=4, nilai=9
    )
    html = (
        as_role(world, "kepala")
        .get(reverse("web:perangkat-detail", args=[world.a.kode, 2024, 4]))
        .content.decode()
    )
    assert '90,00% · <span class="nama">Tinggi</span>' in html  # 9 of 10, terakhir
    assert "--warna: #" in html
    assert 'id="data-grafik"' in html and "chart-4.6.1.umd.min.js" in html
    assert "/unduh/triwulan/pdf/" in html and "/unduh/pk/docx/" in html
    assert 'value="ajukan"' in html  # kepala may submit


def test_public_page_only_for_published_quarters(world, client):
    url = reverse("web:publikasi-detail", args=[world.a.kode, 2024, 4])
    assert client.get(url).status_code == 404
    publish(world.a)
    assert client.get(url).status_code == 200
    listing = client.get(reverse("web:publikasi-list")).content.decode()
    assert "Kecamatan kec-a" in listing and "Kecamatan kec-b" not in listing


def test_pemda_dashboard_ranks_sorts_and_counts_predikat(world, as_role):
    factories.Realisasi.objects.create(
        indikator=world.a.sasaran_ind, tahun=2024, triwulan=4, nilai=5
    )
    factories.Realisasi.objects.create(
        indikator=world.b.sasaran_ind, tahun=2024, triwulan=4, nilai=10
    )
    client = as_role(world, "evaluator")
    page = client.get(reverse("web:pemda", args=[2024, 4]))
    rows = page.context["rows"]
    assert [(r["perangkat"].kode, r["peringkat"]) for r in rows] == [("kec-b", 1), ("kec-a", 2)]
    by_name = client.get(reverse("web:pemda", args=[2024, 4]), {"urut": "nama"}).context["rows"]
    assert [r["perangkat"].kode for r in by_name] == ["kec-a", "kec-b"]
    sebaran = dict((label, n) for label, _c, n in page.context["sebaran"])
    assert sebaran["Sangat Tinggi"] == 1 and sum(sebaran.values()) == 2


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def add_units(n: int):
    pemda = PemerintahDaerah.objects.get()
    start = pemda.perangkat.count()
    for i in range(start, start + n):
        unit = make_unit(f"kec-x{i}", pemda)
        publish(unit)


def test_list_pages_do_not_grow_with_units(world, as_role, django_assert_num_queries):
    client = as_role(world, "admin")
    publish(world.a)
    home, public = reverse("web:beranda"), reverse("web:publikasi-list")
    one = count_queries(client, home), count_queries(client, public)
    add_units(2)
    with django_assert_num_queries(one[0]):
        client.get(home)
    with django_assert_num_queries(one[1]):
        client.get(public)


def test_pemda_dashboard_queries_do_not_grow_with_units(world, as_role, django_assert_num_queries):
    """All units' scorecards come from one batch of queries (build_scorecards)."""
    client = as_role(world, "admin")
    url = reverse("web:pemda", args=[2024, 4])
    fixed = count_queries(client, url)  # world: 2 units
    add_units(2)
    factories.indikator(world.a.sasaran_ind.sasaran, targets=[1, 1, 1, 1], nama="Tambahan")
    with django_assert_num_queries(fixed):
        assert client.get(url).status_code == 200


def test_home_opens_on_the_latest_planned_year_when_none_is_current(world, as_role):
    """A site with the 2024 sample and no status yet opens on 2024 TW IV, not on an empty
    today; a status row (work under way) names the quarter; this year's plans, today's."""
    client = as_role(world, "kepala")
    home = client.get(reverse("web:beranda"))
    assert (home.context["tahun"], home.context["triwulan"]) == (2024, 4)
    today = timezone.localdate()
    Program.objects.filter(perangkat=world.a.perangkat).update(tahun=today.year)
    home = client.get(reverse("web:beranda"))
    assert (home.context["tahun"], home.context["triwulan"]) == (today.year, (today.month + 2) // 3)
    StatusTriwulan.objects.create(perangkat=world.a.perangkat, tahun=2023, triwulan=2)
    home = client.get(reverse("web:beranda"))
    assert (home.context["tahun"], home.context["triwulan"]) == (2023, 2)
