"""Planning page: targets TW I–IV, polarity and aggregation; validation, lock, concurrency."""

from __future__ import annotations

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.measurement.models import StatusTriwulan
from kinerja.planning.models import Indikator, TargetTriwulan
from tests import factories


def url(world, unit=None):
    return reverse("web:target-update", args=[(unit or world.a).kode, 2024, 4])


def form_data(client, world) -> dict:
    """The planning form as the browser would send it untouched (CSRF aside)."""
    page = client.get(url(world))
    assert page.status_code == 200
    data = {}
    for b in page.context["halaman"].rows():
        if b.form is not None:
            for name, value in b.form.initial.items():
                data[f"{b.prefix}-{name}"] = value
    return data


def target(ind, q):
    row = TargetTriwulan.objects.filter(indikator=ind, tahun=2024, triwulan=q).first()
    return None if row is None else row.value


def test_page_groups_indicators_on_the_tree_with_codes(world, as_role):
    html = as_role(world, "operator").get(url(world)).content.decode()
    assert "Sasaran 1" in html
    for kode in ("7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001"):
        assert f'<span class="kode">{kode}</span>' in html
    assert html.index("Indeks kepuasan") < html.index("7.01.01.2.01.0001")
    assert html.index("7.01.01.2.01.0001") < html.index("Jumlah dokumen")
    assert f'name="t{world.a.sub_ind.id}-t1"' in html
    assert "Dokumen" in html  # satuan


def test_readers_see_values_without_inputs(world, as_role):
    html = as_role(world, "evaluator").get(url(world)).content.decode()
    assert "Jumlah dokumen" in html and "Positif (makin tinggi makin baik)" in html
    assert 'class="nilai-target"' not in html and "<select" not in html
    assert 'id="simpan"' not in html


def test_operator_saves_targets_polarity_and_aggregation(world, as_role):
    client = as_role(world, "operator")
    data = form_data(client, world)
    ind = world.a.sub_ind
    data[f"t{ind.id}-t1"] = "1.500"
    data[f"t{ind.id}-t2"] = "80–90"
    data[f"t{ind.id}-t3"] = ""  # no target this quarter (not 0)
    data[f"t{ind.id}-polaritas"] = "negatif"
    data[f"t{ind.id}-agregasi"] = "terakhir"
    response = client.post(url(world), data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert target(ind, 1) == Decimal(1500)
    assert (target(ind, 2).bawah, target(ind, 2).atas) == (Decimal(80), Decimal(90))
    assert target(ind, 3) is None and target(ind, 4) == Decimal(4)
    ind.refresh_from_db()
    assert (ind.polaritas, ind.agregasi) == ("negatif", "terakhir")
    row = TargetTriwulan.objects.get(indikator=ind, tahun=2024, triwulan=1)
    assert row.history.first().history_user == world.users["operator"]


def test_untouched_form_writes_nothing(world, as_role):
    client = as_role(world, "operator")
    response = client.post(url(world), form_data(client, world), follow=True)
    assert "0 isian perencanaan disimpan" in response.content.decode()


def test_bad_numbers_are_refused_at_the_field_in_indonesian(world, as_role):
    client = as_role(world, "operator")
    data = form_data(client, world)
    ind = world.a.sub_ind
    data[f"t{ind.id}-t1"] = "dua belas"
    data[f"t{ind.id}-t2"] = "-3"  # a count (jumlah) cannot be negative
    data[f"t{ind.id}-t3"] = "90–80"
    data[f"t{world.a.sasaran_ind.id}-t1"] = "11"  # a valid row: still not saved (atomic)
    response = client.post(url(world), data)
    assert response.status_code == 400
    form = next(b.form for b in response.context["halaman"].rows() if b.id == ind.id)
    assert "bukan angka dalam format Indonesia" in form.errors["t1"][0]
    assert "tidak boleh negatif" in form.errors["t2"][0]
    assert "Batas atas" in form.errors["t3"][0]
    assert "Tidak ada yang disimpan" in response.content.decode()
    assert target(world.a.sasaran_ind, 1) == Decimal(10)


def test_negative_target_allowed_when_not_a_count(world, as_role):
    client = as_role(world, "operator")
    data = form_data(client, world)
    ind = world.a.sasaran_ind  # agregasi "terakhir": a growth rate may be negative
    data[f"t{ind.id}-t1"] = "-2,5"
    assert client.post(url(world), data).status_code == 302
    assert target(ind, 1) == Decimal("-2.5")


def test_locked_quarter_target_is_refused(world, as_role):
    client = as_role(world, "operator")
    data = form_data(client, world)
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=1, status="diajukan"
    )
    ind = world.a.sub_ind
    data[f"t{ind.id}-t1"] = "9"
    data[f"t{ind.id}-t2"] = "8"  # open quarter, but the save is all or nothing
    response = client.post(url(world), data)
    assert response.status_code == 400
    form = next(b.form for b in response.context["halaman"].rows() if b.id == ind.id)
    assert "tidak dapat diubah" in form.errors["t1"][0]
    assert target(ind, 1) == Decimal(4) and target(ind, 2) == Decimal(4)
    html = client.get(url(world)).content.decode()  # the locked quarter is shown, not an input
    assert f'name="t{ind.id}-t1"' not in html and f'name="t{ind.id}-t2"' in html
    # Leaving the locked quarter alone, the open one saves.
    data[f"t{ind.id}-t1"] = "4"
    assert client.post(url(world), data).status_code == 302
    assert target(ind, 2) == Decimal(8)


def test_polarity_change_needs_every_quarter_open(world, as_role):
    client = as_role(world, "operator")
    data = form_data(client, world)
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=2, status="terkunci"
    )
    data[f"t{world.a.sub_ind.id}-polaritas"] = "negatif"
    response = client.post(url(world), data)
    assert response.status_code == 400
    assert "berlaku untuk semua triwulan" in response.content.decode()
    assert Indikator.objects.get(id=world.a.sub_ind.id).polaritas == "positif"


def test_second_save_of_same_target_is_refused_with_current_value(world, as_role):
    client = as_role(world, "operator")
    mine = form_data(client, world)
    ind = world.a.sub_ind
    # Someone else saves TW IV first.
    theirs = dict(mine, **{f"t{ind.id}-t4": "7"})
    assert client.post(url(world), theirs).status_code == 302
    mine[f"t{ind.id}-t4"] = "5"
    response = client.post(url(world), mine)
    assert response.status_code == 400
    form = next(b.form for b in response.context["halaman"].rows() if b.id == ind.id)
    assert (
        "diubah orang lain" in form.errors["t4"][0] and "Nilai saat ini: 7" in form.errors["t4"][0]
    )
    assert target(ind, 4) == Decimal(7)


def test_target_with_realisasi_cannot_be_emptied(world, as_role):
    from kinerja.measurement.models import Realisasi

    Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=3, nilai=2)
    client = as_role(world, "operator")
    data = form_data(client, world)
    data[f"t{world.a.sub_ind.id}-t3"] = ""
    response = client.post(url(world), data)
    assert response.status_code == 400
    assert "sudah memiliki realisasi" in response.content.decode()


def test_queries_do_not_grow_with_indicators(world, as_role, django_assert_num_queries):
    client = as_role(world, "operator")
    with CaptureQueriesContext(connection) as one:
        assert client.get(url(world)).status_code == 200
    sub = world.a.sub_ind.sub_kegiatan
    factories.indikator(sub, targets=[1, 2, 3, 4], nama="Tambahan 1")
    factories.indikator(sub.kegiatan, targets=[1, None, 3, None], nama="Tambahan 2")
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url(world))
    assert len(response.context["halaman"].rows()) == 4
