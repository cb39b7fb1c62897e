"""The JSON API: the same can() checks, Decimal-safe strings, lock 409, stale 409, 422, CSRF."""

from __future__ import annotations

from decimal import Decimal

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.measurement.models import Realisasi, StatusTriwulan
from tests.web.conftest import make_unit

JSON = "application/json"


def realisasi_url(unit, ind=None, tw=4):
    return reverse("api:realisasi-update", args=[unit.kode, 2024, tw, (ind or unit.sub_ind).id])


def test_unit_list_only_shows_units_the_user_may_see(world, as_role):
    kode = [u["kode"] for u in as_role(world, "operator").get(reverse("api:unit-list")).json()]
    assert kode == ["kec-a"]
    client = as_role(world, "evaluator")
    assert sorted(u["kode"] for u in client.get(reverse("api:unit-list")).json()) == [
        "kec-a",
        "kec-b",
    ]


def test_unit_list_queries_do_not_grow_with_units(db, client, django_assert_num_queries):
    from kinerja.web.models import Peran
    from tests import factories
    from tests.web.conftest import make_user

    pemda = factories.pemda()
    make_unit("kec-1", pemda)
    user = make_user("admin-1", "admin")
    client.force_login(user)
    with CaptureQueriesContext(connection) as one:
        assert len(client.get(reverse("api:unit-list")).json()) == 1
    make_unit("kec-2", pemda), make_unit("kec-3", pemda)
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(client.get(reverse("api:unit-list")).json()) == 3
    assert Peran.objects.filter(user=user).count() == 1


def test_scorecard_numbers_are_decimal_strings(world, as_role):
    Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=4, nilai=3)
    url = reverse("api:capaian-detail", args=[world.a.kode, 2024, 4])
    data = as_role(world, "kepala").get(url).json()
    assert data["kode"] == "kec-a" and data["status"] == "draf"
    sub = next(b for b in data["program"] if b["level"] == "sub_kegiatan")
    ind = sub["indikator"][0]
    assert ind["nama"] == "Jumlah dokumen" and ind["target"] == "4" and ind["realisasi"] == "3"
    assert isinstance(ind["capaian"], str) and Decimal(ind["capaian"]) > 0
    assert data["sasaran"][0]["indikator"][0]["capaian"] is None  # no realisasi: not applicable
    assert data["sasaran"][0]["indikator"][0]["alasan"]


def test_put_writes_and_get_reads_back(world, as_role):
    client = as_role(world, "operator")
    url = realisasi_url(world.a)
    first = client.get(url).json()
    assert first["nilai"] is None and first["versi"] == "" and first["target"] == "4"
    response = client.put(url, {"nilai": "3.25", "versi": ""}, content_type=JSON)
    assert response.status_code == 200, response.content
    assert response.json()["nilai"] == "3.25"
    assert Realisasi.objects.get(indikator=world.a.sub_ind, tahun=2024, triwulan=4).nilai == (
        Decimal("3.25")
    )
    assert client.get(url).json()["versi"] == response.json()["versi"] != ""


def test_put_needs_isi_on_that_unit(world, as_role):
    body = {"nilai": "1", "versi": ""}
    assert (
        as_role(world, "kepala").put(realisasi_url(world.a), body, content_type=JSON).status_code
        == 403
    )
    response = as_role(world, "operator").put(realisasi_url(world.b), body, content_type=JSON)
    assert response.status_code == 403 and "tidak berwenang" in response.json()["detail"]
    # An indicator of another unit through one's own unit: hidden.
    wrong = reverse("api:realisasi-update", args=[world.a.kode, 2024, 4, world.b.sub_ind.id])
    assert as_role(world, "operator").put(wrong, body, content_type=JSON).status_code == 404


def test_put_on_locked_quarter_is_409_in_indonesian(world, as_role):
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=4, status="diajukan"
    )
    response = as_role(world, "operator").put(
        realisasi_url(world.a), {"nilai": "2", "versi": ""}, content_type=JSON
    )
    assert response.status_code == 409
    assert "tidak dapat diubah" in response.json()["detail"]
    assert not Realisasi.objects.filter(indikator=world.a.sub_ind).exists()


def test_stale_put_is_409_with_current_value(world, as_role):
    client = as_role(world, "operator")
    url = realisasi_url(world.a)
    versi = client.put(url, {"nilai": "2", "versi": ""}, content_type=JSON).json()["versi"]
    assert client.put(url, {"nilai": "3", "versi": versi}, content_type=JSON).status_code == 200
    response = client.put(url, {"nilai": "4", "versi": versi}, content_type=JSON)
    assert response.status_code == 409
    body = response.json()
    assert "diubah orang lain" in body["detail"] and body["nilai_saat_ini"] == "3"
    assert Realisasi.objects.get(indikator=world.a.sub_ind, triwulan=4).nilai == 3


def test_invalid_values_are_422_in_indonesian(world, as_role):
    client = as_role(world, "operator")
    url = realisasi_url(world.a)
    for nilai, message in [
        ("tiga", "bukan angka dalam format mesin"),
        ("3,5", "bukan angka dalam format mesin"),
        ("-1", "tidak boleh negatif"),
    ]:
        response = client.put(url, {"nilai": nilai, "versi": ""}, content_type=JSON)
        assert response.status_code == 422 and message in response.json()["detail"], nilai
    response = client.put(url, {"nilai": {"x": 1}}, content_type=JSON)
    assert response.status_code == 422 and "Isian tidak sesuai" in response.json()["detail"]
    assert not Realisasi.objects.filter(indikator=world.a.sub_ind).exists()


def test_unknown_unit_is_404_in_indonesian(world, as_role):
    url = reverse("api:capaian-detail", args=["tidak-ada", 2024, 4])
    response = as_role(world, "admin").get(url)
    assert response.status_code == 404 and response.json()["detail"] == "Tidak ditemukan."


def test_anonymous_is_401_in_indonesian(world, client):
    response = client.get(reverse("api:unit-list"))
    assert response.status_code == 401 and "Silakan masuk" in response.json()["detail"]


def test_session_write_needs_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["operator"])
    url = realisasi_url(world.a)
    body = {"nilai": "1", "versi": ""}
    refused = client.put(url, body, content_type=JSON)
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    client.get(reverse("web:realisasi-update", args=[world.a.kode, 2024, 4]))  # sets the cookie
    token = client.cookies["csrftoken"].value
    assert client.put(url, body, content_type=JSON, HTTP_X_CSRFTOKEN=token).status_code == 200
