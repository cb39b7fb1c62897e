"""Paper questionnaires uploaded from the unit dashboard: all rows or nothing, then the IKU."""

from __future__ import annotations

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.measurement.models import Realisasi, StatusTriwulan
from kinerja.survey.models import Responden
from tests.web.skm import buka_survei, iku

HEADER = "U1,U2,U3,U4,U5,U6,U7,U8,U9\n"


def sheet(rows: list[str]) -> SimpleUploadedFile:
    text = HEADER + "".join(row + "\n" for row in rows)
    return SimpleUploadedFile("kertas.csv", text.encode("utf-8"), content_type="text/csv")


def upload(client, world, berkas):
    url = reverse("web:jawaban-import", args=[world.a.kode, 2024, 4])
    return client.post(url, {"berkas": berkas}, follow=True)


def test_paper_answers_imported_and_feed_the_iku(world, as_role):
    survei, indikator = buka_survei(world.a), iku(world.a)
    client = as_role(world, "operator")
    page = client.get(reverse("web:perangkat-detail", args=[world.a.kode, 2024, 4]))
    assert "Impor kuesioner kertas" in page.content.decode()
    response = upload(client, world, sheet(["4,4,4,4,4,4,4,4,4", "2,2,2,2,2,2,2,2,2"]))
    html = response.content.decode()
    assert "2 kuesioner kertas diimpor. Realisasi IKU menjadi 75,00." in html
    assert Responden.objects.filter(survei=survei, sumber="kertas").count() == 2
    realisasi = Realisasi.objects.get(indikator=indikator, tahun=2024, triwulan=4)
    assert realisasi.nilai == Decimal("75.00")


def test_a_bad_row_writes_nothing_and_names_the_row(world, as_role):
    survei = buka_survei(world.a)
    client = as_role(world, "operator")
    response = upload(client, world, sheet(["4,4,4,4,4,4,4,4,4", "4,4,7,4,4,4,4,4,4"]))
    html = response.content.decode()
    assert "Berkas tidak dapat dipakai" in html and "U3" in html
    assert Responden.objects.filter(survei=survei).count() == 0


def test_locked_quarter_and_missing_file_are_refused(world, as_role):
    survei = buka_survei(world.a)
    client = as_role(world, "operator")
    html = upload(client, world, "").content.decode()
    assert "Pilih berkas CSV atau XLSX" in html
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=4, status="diajukan"
    )
    html = upload(client, world, sheet(["4,4,4,4,4,4,4,4,4"])).content.decode()
    assert "tidak dapat diubah" in html
    assert Responden.objects.filter(survei=survei).count() == 0


def test_other_roles_cannot_import(world, as_role):
    buka_survei(world.a)
    for role in ("kepala", "evaluator"):
        client = as_role(world, role)
        url = reverse("web:jawaban-import", args=[world.a.kode, 2024, 4])
        assert client.post(url, {"berkas": sheet(["4,4,4,4,4,4,4,4,4"])}).status_code == 403
