"""The data version and the pages cached under it: every writer moves it, nothing stale."""

from __future__ import annotations

import re
import time
import warnings
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from kinerja.measurement.models import PeriodeInput, Realisasi, StatusTriwulan
from kinerja.organisations.models import PemerintahDaerah
from kinerja.web import csrf, versi
from kinerja.web.models import Peran
from tests import factories
from tests.web.conftest import PASSWORD, put_back
from tests.web.skm import buka_survei
from tests.web.test_entry import entry_url

# These tests commit, as the site does, so each ends with a flush: the rows the migrations
# seeded (predikat presets) are put back before each of them and after the module.
pytestmark = pytest.mark.usefixtures("keep_seeded_rows")


@pytest.fixture
def seeded(seeded_rows, django_db_blocker):
    with django_db_blocker.unblock():
        put_back(seeded_rows)


def commits(test):
    return pytest.mark.django_db(transaction=True)(pytest.mark.usefixtures("seeded")(test))


def _triggered_tables(
    trigger: str = versi.TRIGGER, events: tuple[str, ...] = ("insert", "update", "delete")
) -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = %s",
                [trigger],
            )
            return {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        names = {(table, name) for table, name in cursor.fetchall()}
    return {
        table
        for table, _ in names
        if all((table, f"{trigger}_{table}_{e}") in names for e in events)
    }


def test_every_table_of_kinerja_carries_the_trigger(db):
    tables = versi.watched_tables()
    assert {"measurement_realisasi", "planning_targettriwulan", "web_bukti"} <= set(tables)
    assert "web_historicalrealisasi" in tables  # the audit history too
    assert "web_versidata" not in tables and "auth_user" not in tables
    assert set(tables) <= _triggered_tables()
    assert "auth_user" in _triggered_tables(versi.TRIGGER_AKUN)
    assert "django_session" in _triggered_tables(versi.TRIGGER_AKUN, ("update", "delete"))


@commits
def test_every_kind_of_write_moves_the_version():
    seen = [versi.current()]

    def moved() -> bool:
        seen.append(versi.current())
        return seen[-1] != seen[-2]

    pemda = factories.pemda()
    assert moved()  # save()
    PemerintahDaerah.objects.filter(pk=pemda.pk).update(nama="Kabupaten Lain")
    assert moved()  # QuerySet.update(): no signal, still counted
    with connection.cursor() as cursor:
        cursor.execute("UPDATE organisations_pemerintahdaerah SET nama = %s", ["Mentah"])
    assert moved()  # raw SQL
    PemerintahDaerah.objects.all().delete()
    assert moved()
    assert not moved()  # reading does not


@commits
def test_a_rolled_back_write_leaves_the_version():
    before = versi.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.pemda()
        raise RuntimeError("batal")
    assert versi.current() == before


def test_nothing_is_kept_inside_a_transaction(db):
    calls = []

    def render() -> str:
        calls.append(1)
        return "x"

    assert versi.cached("uji", (1,), render) == versi.cached("uji", (1,), render) == "x"
    assert len(calls) == 2


def _client(world, role: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    assert client.login(username=world.users[role].username, password=PASSWORD)
    return client


def _token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _nilai_inputs(html: str) -> list[str]:
    return re.findall(r'name="(r\d+-nilai)"', html)


@commits
def test_entry_page_is_cached_and_never_stale(world):
    operator, evaluator = _client(world, "operator"), _client(world, "evaluator")
    url, ind = entry_url(world), world.a.sub_ind
    first = operator.get(url)
    assert first.status_code == 200 and len(_nilai_inputs(first.content.decode())) == 2
    again = operator.get(url)
    assert again.templates == []  # served whole from the cache: nothing rendered

    # The same cached rows, another user: read-only for the evaluator, own CSRF token.
    seen = evaluator.get(url).content.decode()
    assert _nilai_inputs(seen) == [] and "Lihat isian" in seen

    # A write that no signal sees (QuerySet.update) still shows at once.
    Realisasi.objects.create(indikator=ind, tahun=2024, triwulan=4, nilai=Decimal(3))
    assert f'id="id_r{ind.id}-nilai" value="3"' in operator.get(url).content.decode()
    Realisasi.objects.filter(indikator=ind).update(nilai=Decimal(4))
    html = operator.get(url).content.decode()
    assert f'id="id_r{ind.id}-nilai" value="4"' in html

    # The form the operator got is theirs: its token is accepted.
    data = {"csrfmiddlewaretoken": _token(html), f"r{ind.id}-nilai": "5"}
    versi_row = re.search(rf'name="r{ind.id}-versi" id="[^"]*" value="([^"]*)"', html).group(1)
    data[f"r{ind.id}-versi"] = versi_row
    for name in ("faktor_pendukung", "faktor_penghambat", "solusi"):
        data[f"r{ind.id}-{name}"] = ""
    saved = operator.post(url, data, follow=True)
    assert saved.status_code == 200, saved.content.decode()[:500]
    assert "baris disimpan" in saved.content.decode()
    assert Realisasi.objects.get(indikator=ind).nilai == Decimal(5)


def _tables(queries) -> list[str]:
    return [re.search(r'FROM "?(\w+)', q["sql"]).group(1) for q in queries]


@commits
def test_a_cached_page_costs_the_version_only(world):
    """Session, user, unit, roles, status, period and rows all come from the cache."""
    for role, url in (
        ("operator", entry_url(world)),
        ("kepala", reverse("web:perangkat-detail", args=[world.a.kode, 2024, 4])),
        ("admin", reverse("web:pemda", args=[2024, 4])),
    ):
        client = _client(world, role)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url)
        assert again.status_code == 200 and again.templates == [], url
        assert _tables(queries) == ["web_versidata"], url


@commits
def test_a_waiting_message_is_shown_and_the_page_cached_again_after(world):
    """A refused workflow step writes nothing but leaves a message: the reader sees it."""
    kepala, url = _client(world, "kepala"), entry_url(world)
    token = _token(kepala.get(url).content.decode())
    step = reverse("web:status-update", args=[world.a.kode, 2024, 4])
    data = {"langkah": "tidak-ada", "kembali": "isi", "csrfmiddlewaretoken": token}
    shown = kepala.post(step, data, follow=True)
    assert "Langkah &#x27;tidak-ada&#x27; tidak dikenal." in shown.content.decode()
    again = kepala.get(url)
    assert again.templates == [] and "tidak dikenal" not in again.content.decode()


@commits
def test_each_reader_gets_a_page_of_their_own_roles(world):
    """The page is kept per reader; a role given or taken is a write: it shows at once."""
    operator, url = _client(world, "operator"), entry_url(world)
    assert len(_nilai_inputs(operator.get(url).content.decode())) == 2
    Peran.objects.filter(user=world.users["operator"]).update(jenis=Peran.Jenis.KEPALA)
    html = operator.get(url).content.decode()
    assert _nilai_inputs(html) == [] and "Lihat isian" in html


def _deadline_in_a_second(world):
    """An input period closing in a second; returns a function that waits until it has."""
    now = timezone.now()
    PeriodeInput.objects.create(
        pemda=world.a.perangkat.pemda,
        tahun=2024,
        triwulan=4,
        dibuka=now - timedelta(days=1),
        ditutup=now + timedelta(seconds=1),
    )
    end = now + timedelta(seconds=1.1)
    return lambda: time.sleep(max(0.0, (end - timezone.now()).total_seconds()))


@commits
def test_a_deadline_that_passes_locks_the_cached_page(world):
    """Time alone, without any write, closes the entry: the cached page ends with the lock."""
    operator = _client(world, "operator")
    lewat = _deadline_in_a_second(world)
    assert _nilai_inputs(operator.get(entry_url(world)).content.decode())
    lewat()
    html = operator.get(entry_url(world)).content.decode()
    assert "Terkunci karena tenggat." in html and _nilai_inputs(html) == []


@commits
def test_a_deadline_that_passes_changes_the_cached_dashboard(world):
    """The dashboard's status card and survey panel tell the lock: by the clock too."""
    buka_survei(world.a)
    operator = _client(world, "operator")
    url = reverse("web:perangkat-detail", args=[world.a.kode, 2024, 4])
    lewat = _deadline_in_a_second(world)
    html = operator.get(url).content.decode()
    assert "Draf: operator dapat mengisi" in html and "<b>dibuka</b>" in html
    lewat()
    html = operator.get(url).content.decode()
    assert "Draf, tetapi tenggat pengisian telah lewat" in html and "<b>ditutup</b>" in html


@commits
def test_pemda_dashboard_is_cached_and_never_stale(world):
    admin = _client(world, "admin")
    url = reverse("web:pemda", args=[2024, 4])
    assert admin.get(url).content.decode().count("<td>Draf</td>") == 2
    assert admin.get(url).templates == []  # served from the cache
    StatusTriwulan.objects.create(perangkat=world.a.perangkat, tahun=2024, triwulan=4)
    StatusTriwulan.objects.filter(perangkat=world.a.perangkat).update(status="diajukan")
    html = admin.get(url).content.decode()
    assert html.count("<td>Draf</td>") == 1 and "<td>Diajukan</td>" in html
    # Sorted another way: its own entry; an unknown order is the default one.
    assert admin.get(url, {"urut": "nama"}).context["urut"] == "nama"
    assert "rows" not in admin.get(url, {"urut": "tidak-ada"}).context
    with warnings.catch_warnings():  # any query value makes a valid cache key
        warnings.simplefilter("error")
        assert admin.get(url, {"urut": "tidak ada " * 40}).status_code == 200


@commits
def test_unit_dashboard_is_cached_and_never_stale(world):
    kepala = _client(world, "kepala")
    url = reverse("web:perangkat-detail", args=[world.a.kode, 2024, 4])
    assert "25,00% · " not in kepala.get(url).content.decode()
    assert kepala.get(url).templates == []  # served from the cache
    Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=4, nilai=4)
    assert "25,00% · " in kepala.get(url).content.decode()  # 4 of 16 documents in the year


@commits
def test_a_downloaded_report_is_kept_until_the_data_changes(world, settings, tmp_path):
    laporan = settings.CACHES[versi.REPORT_CACHE]
    settings.CACHES = {**settings.CACHES, versi.REPORT_CACHE: {**laporan, "LOCATION": tmp_path}}
    kepala = _client(world, "kepala")
    url = reverse("web:laporan-download", args=[world.a.kode, 2024, 4, "triwulan", "docx"])
    with CaptureQueriesContext(connection) as built:
        first = kepala.get(url).content
    with CaptureQueriesContext(connection) as kept:
        assert kepala.get(url).content == first
    assert len(kept) < 12 < len(built)  # sign-in and unit only: the report was not rebuilt
    Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=4, nilai=4)
    with CaptureQueriesContext(connection) as rebuilt:
        assert kepala.get(url).status_code == 200
    assert len(rebuilt) > 12  # built again from the new data


@commits
def test_user_text_never_becomes_a_token(world):
    """The placeholder replaced by each user's token is a whole <input>: typed into an
    analysis text, it is escaped on the page and stays text."""
    typed = csrf.PLACEHOLDER
    Realisasi.objects.create(
        indikator=world.a.sub_ind, tahun=2024, triwulan=4, nilai=1, faktor_pendukung=typed
    )
    html = _client(world, "operator").get(entry_url(world)).content.decode()
    assert escape(typed) in html and csrf.SENTINEL not in html.replace(escape(typed), "")


@commits
def test_public_page_is_cached_and_leaves_with_its_quarter(world):
    status = StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=4, status="diverifikasi"
    )
    public = Client()
    url = reverse("web:publikasi-detail", args=[world.a.kode, 2024, 4])
    assert "25,00% · " not in public.get(url).content.decode()
    assert "card" not in public.get(url).context  # served from the cache
    Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=4, nilai=4)
    assert "25,00% · " in public.get(url).content.decode()
    status.status = "draf"  # reopened: no longer public, cached or not
    status.save()
    assert public.get(url).status_code == 404
