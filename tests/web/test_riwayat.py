"""Field history: each change shows the field, its old and new value, who and when."""

from __future__ import annotations

from django.urls import reverse

from kinerja.measurement.models import Realisasi
from kinerja.planning.models import TargetTriwulan
from kinerja.web import riwayat
from tests.web.test_entry import entry_url, form_data


def history_url(world):
    return reverse("web:realisasi-history", args=[world.a.kode, 2024, 4, world.a.sub_ind.id])


def test_changes_through_the_page_show_old_and_new(world, as_role):
    client = as_role(world, "operator")
    ind = world.a.sub_ind
    data = form_data(client, world)
    data[f"r{ind.id}-nilai"] = "3"
    assert client.post(entry_url(world), data).status_code == 302
    data = form_data(client, world)
    data[f"r{ind.id}-nilai"] = "4,5"
    data[f"r{ind.id}-solusi"] = "Rapat koordinasi"
    assert client.post(entry_url(world), data).status_code == 302
    changes = riwayat.riwayat(ind.id, 2024, 4)
    rows = [(p.data, p.jenis, p.kolom, p.lama, p.baru) for p in changes]
    assert ("Realisasi", "diubah", "Realisasi", "3", "4,5") in rows
    assert ("Realisasi", "diubah", "Solusi/tindak lanjut", "", "Rapat koordinasi") in rows
    assert ("Realisasi", "dibuat", "Realisasi", "", "3") in rows
    assert all(p.oleh == world.users["operator"] for p in changes if p.data == "Realisasi")
    html = client.get(history_url(world)).content.decode()
    assert "<th>Lama</th><th>Baru</th>" in html
    assert '<td class="lama">3</td><td class="baru">4,5</td>' in html
    assert "operator-a" in html and "WITA" in html


def test_target_change_and_deletion(world, as_role):
    target = TargetTriwulan.objects.get(indikator=world.a.sub_ind, tahun=2024, triwulan=4)
    target.nilai, target.nilai_atas = 5, 6
    target.save()
    row = Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=4, nilai=2)
    row.delete()
    rows = [
        (p.data, p.jenis, p.kolom, p.lama, p.baru)
        for p in riwayat.riwayat(world.a.sub_ind.id, 2024, 4)
    ]
    assert ("Target", "diubah", "Target", "4", "5–6") in rows
    assert ("Realisasi", "dihapus", "Realisasi", "2", "") in rows
    html = as_role(world, "evaluator").get(history_url(world)).content.decode()
    assert "Target (diubah)" in html and "Realisasi (dihapus)" in html


def test_only_the_latest_changes_are_paired_with_their_predecessor(world):
    row = Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=4, nilai=0)
    for n in range(1, riwayat.BATAS + 5):
        row.nilai = n
        row.save()
    changes = [p for p in riwayat.riwayat(world.a.sub_ind.id, 2024, 4) if p.data == "Realisasi"]
    assert len(changes) == riwayat.BATAS
    assert all(int(p.baru) == int(p.lama) + 1 for p in changes)


def test_history_queries_are_fixed(world, as_role, django_assert_max_num_queries):
    client = as_role(world, "admin")
    for n in range(5):
        Realisasi.objects.update_or_create(
            indikator=world.a.sub_ind, tahun=2024, triwulan=4, defaults={"nilai": n}
        )
    with django_assert_max_num_queries(8):
        assert client.get(history_url(world)).status_code == 200
