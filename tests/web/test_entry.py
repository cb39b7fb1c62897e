"""Data entry: Indonesian validation, atomic multi-row save, optimistic concurrency, lock."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.measurement.models import Realisasi, StatusTriwulan

TW = 4


def entry_url(world):
    return reverse("web:realisasi-update", args=[world.a.kode, 2024, TW])


def form_data(client, world) -> dict:
    """The entry form as the browser would send it untouched (CSRF aside)."""
    page = client.get(entry_url(world))
    assert page.status_code == 200
    data = {}
    for b in page.context["halaman"].rows():
        if b.form is not None:
            for name, value in b.form.initial.items():
                data[f"{b.prefix}-{name}"] = value
    return data


def test_page_groups_indicators_and_shows_targets(world, as_role):
    page = as_role(world, "operator").get(entry_url(world))
    html = page.content.decode()
    assert "Sasaran 1" in html and "7.01.01.2.01.0001" in html
    assert html.index("Indeks kepuasan") < html.index("Jumlah dokumen")
    assert f'name="r{world.a.sub_ind.id}-nilai"' in html


def test_save_writes_realisasi_and_analysis(world, as_role):
    client = as_role(world, "operator")
    data = form_data(client, world)
    ind = world.a.sub_ind
    data[f"r{ind.id}-nilai"] = "3,5"
    data[f"r{ind.id}-faktor_penghambat"] = "Jaringan internet terputus"
    response = client.post(entry_url(world), data)
    assert response.status_code == 302
    row = Realisasi.objects.get(indikator=ind, tahun=2024, triwulan=TW)
    assert row.nilai == Decimal("3.5")
    assert row.faktor_penghambat == "Jaringan internet terputus"
    assert row.history.count() == 1 and row.history.first().history_user == world.users["operator"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tiga", "bukan angka dalam format Indonesia"),
        ("3.5", "bukan angka dalam format Indonesia"),
        ("-2", "tidak boleh negatif"),
        ("1,23456", "4 angka di belakang koma"),
    ],
)
def test_bad_number_refuses_the_whole_save(world, as_role, text, message):
    client = as_role(world, "operator")
    data = form_data(client, world)
    data[f"r{world.a.sasaran_ind.id}-nilai"] = "9"  # a good row is not saved either
    data[f"r{world.a.sub_ind.id}-nilai"] = text
    response = client.post(entry_url(world), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Tidak ada yang disimpan" in response.content.decode()
    assert not Realisasi.objects.exists()


def test_realisasi_without_target_is_refused(world, as_role):
    world.a.sub_ind.target_triwulan.filter(triwulan=TW).delete()
    client = as_role(world, "operator")
    data = form_data(client, world)
    data[f"r{world.a.sub_ind.id}-nilai"] = "2"
    response = client.post(entry_url(world), data)
    assert response.status_code == 400
    assert "tidak memiliki target" in response.content.decode()


def test_second_save_of_same_row_is_refused_with_current_value(world, as_role, client):
    first = as_role(world, "operator")
    stale = form_data(first, world)  # both opened the page before anyone saved
    ind = world.a.sub_ind
    first.post(entry_url(world), {**stale, f"r{ind.id}-nilai": "3"})
    second = {**stale, f"r{ind.id}-nilai": "4"}
    response = first.post(entry_url(world), second)
    html = response.content.decode()
    assert response.status_code == 400
    assert "sudah diubah orang lain" in html and "Nilai saat ini: 3" in html
    assert Realisasi.objects.get(indikator=ind).nilai == 3


def test_unchanged_stale_rows_do_not_conflict(world, as_role):
    client = as_role(world, "operator")
    stale = form_data(client, world)
    a, b = world.a.sub_ind, world.a.sasaran_ind
    client.post(entry_url(world), {**stale, f"r{a.id}-nilai": "3"})
    response = client.post(
        entry_url(world), {**stale, f"r{a.id}-nilai": "3", f"r{b.id}-nilai": "8"}
    )
    assert response.status_code == 302
    assert Realisasi.objects.get(indikator=b).nilai == 8


def test_locked_quarter_refuses_save(world, as_role):
    client = as_role(world, "operator")
    data = form_data(client, world)
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=TW, status="diajukan"
    )
    data[f"r{world.a.sub_ind.id}-nilai"] = "3"
    response = client.post(entry_url(world), data, follow=True)
    assert "tidak dapat diubah" in response.content.decode()
    assert not Realisasi.objects.exists()
    page = client.get(entry_url(world))
    assert "Simpan semua" not in page.content.decode()


def test_live_preview_computes_capaian_and_predikat(world, as_role):
    client = as_role(world, "operator")
    ind = world.a.sub_ind  # target 4 per quarter, summed: 16 s.d. TW IV
    url = reverse("web:realisasi-preview", args=[world.a.kode, 2024, TW, ind.id])
    html = client.get(url, {f"r{ind.id}-nilai": "5"}).content.decode()
    assert "125,00%" in html  # TW IV: 5 / 4
    assert "31,25%" in html  # s.d. TW IV: 5 / 16
    assert "bukan angka" in client.get(url, {f"r{ind.id}-nilai": "lima"}).content.decode()


def test_operator_limited_to_a_seksi_edits_only_its_indicators(world, as_role):
    from kinerja.organisations.models import Seksi
    from kinerja.web.models import Peran

    seksi = Seksi.objects.create(perangkat=world.a.perangkat, nama="Seksi Pemerintahan")
    Peran.objects.filter(user=world.users["operator"]).update(seksi=seksi)
    world.a.sub_ind.sumber_data = seksi
    world.a.sub_ind.save()
    page = as_role(world, "operator").get(entry_url(world))
    editable = {b.score.id for b in page.context["halaman"].rows() if b.form is not None}
    assert editable == {world.a.sub_ind.id}


def test_history_partial_lists_changes(world, as_role):
    client = as_role(world, "operator")
    data = form_data(client, world)
    ind = world.a.sub_ind
    client.post(entry_url(world), {**data, f"r{ind.id}-nilai": "3"})
    client.post(entry_url(world), {**form_data(client, world), f"r{ind.id}-nilai": "4"})
    url = reverse("web:realisasi-history", args=[world.a.kode, 2024, TW, ind.id])
    html = client.get(url).content.decode()
    assert html.count("operator-a") == 2
    assert "dibuat" in html and "diubah" in html


def test_a_refused_save_links_to_each_red_row(world, as_role):
    client = as_role(world, "operator")
    data = form_data(client, world)
    data[f"r{world.a.sub_ind.id}-nilai"] = "abc"
    html = client.post(entry_url(world), data).content.decode()
    ind = world.a.sub_ind
    link = f'<a href="#baris-{ind.id}">{ind.nama}</a>'
    assert f"Tidak ada yang disimpan: perbaiki 1 baris yang ditandai merah: {link}." in html
    assert f'<article class="baris ada-galat" id="baris-{ind.id}">' in html
