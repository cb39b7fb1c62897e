"""Excel in and out on the web: template, upload → preview → apply, errors, exports."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.excel.template import template_xlsx
from kinerja.measurement.models import Realisasi, StatusTriwulan
from kinerja.organisations.models import Seksi
from kinerja.planning.models import Indikator, TargetTriwulan
from kinerja.web import impor
from kinerja.web.models import Peran
from tests.excel.helpers import edit, find_row
from tests.web.conftest import PDF
from tests.web.skm import buka_survei

TAHUN, TW = 2024, 4


def url(name: str, unit, *extra) -> str:
    return reverse(f"web:{name}", args=[unit.kode, TAHUN, TW, *extra])


def counts() -> list[int]:
    return [
        m.objects.count() for m in (Indikator, TargetTriwulan, Realisasi, Belanja, RealisasiBelanja)
    ]


def upload(data: bytes, nama: str = "isian.xlsx"):
    f = io.BytesIO(data)
    f.name = nama
    return f


def filled(unit, realisasi="3", triwulan=TW) -> bytes:
    data = template_xlsx(unit.perangkat, TAHUN)
    row = find_row(data, "Realisasi", Indikator="Jumlah dokumen", Triwulan=triwulan)
    return edit(data, "Realisasi", {(row, "Realisasi"): realisasi, (row, "Solusi"): "Rapat"})


def post_file(client, unit, data: bytes, nama: str = "isian.xlsx", **extra):
    return client.post(url("impor-create", unit), {"berkas": upload(data, nama)}, **extra)


def token_of(response) -> str:
    assert response.status_code == 302, response.content[:500]
    return response["Location"].rstrip("/").rsplit("/", 1)[-1]


def test_template_download_opens_with_openpyxl(world, as_role):
    response = as_role(world, "kepala").get(url("templat-download", world.a))
    assert response.status_code == 200
    assert "templat-kec-a-2024.xlsx" in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.content))
    assert {"Petunjuk", "Indikator", "Realisasi", "Anggaran"} <= set(wb.sheetnames)
    names = [r[2] for r in wb["Realisasi"].iter_rows(min_row=2, values_only=True)]
    assert "Jumlah dokumen" in names


def test_upload_preview_then_apply_writes(world, as_role):
    client = as_role(world, "operator")
    form = client.get(url("impor-create", world.a))
    assert form.status_code == 200 and b'hx-indicator="#sedang-unggah"' in form.content
    before = counts()
    token = token_of(post_file(client, world.a, filled(world.a)))
    preview = client.get(url("impor-detail", world.a, token))
    assert preview.status_code == 200
    page = preview.content.decode()
    assert 'id="n-dibuat">1<' in page and 'id="n-galat">0<' in page  # a new realisasi
    assert "Jumlah dokumen" in page and 'class="kanan nilai-sel baru">3<' in page
    assert 'id="terapkan"' in page
    assert counts() == before  # the preview writes nothing
    assert not Realisasi.objects.filter(indikator=world.a.sub_ind, triwulan=TW).exists()

    applied = client.post(url("impor-apply", world.a, token))
    assert applied.status_code == 302 and applied["Location"] == url("perangkat-detail", world.a)
    real = Realisasi.objects.get(indikator=world.a.sub_ind, triwulan=TW)
    assert real.nilai == 3 and real.solusi == "Rapat"
    assert not list(impor.folder().iterdir())  # the stored upload is gone
    done = client.get(applied["Location"]).content.decode()
    assert "tersimpan" in done and "dibuat: 1" in done


def test_apply_through_htmx_redirects_with_header(world, as_role):
    client = as_role(world, "admin")
    token = token_of(post_file(client, world.a, filled(world.a)))
    response = client.post(url("impor-apply", world.a, token), HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == url("perangkat-detail", world.a)
    assert Realisasi.objects.get(indikator=world.a.sub_ind, triwulan=TW).nilai == 3


def test_file_with_errors_writes_nothing(world, as_role):
    client = as_role(world, "operator")
    data = filled(world.a, realisasi="dua")
    row = find_row(data, "Indikator", Indikator="Indeks kepuasan")
    data = edit(data, "Indikator", {(row, "Target TW I"): "sepuluh"})
    data = edit(data, "Realisasi", {(2, "Solusi"): "ada solusi baru"})  # a valid change too
    before = counts()
    token = token_of(post_file(client, world.a, data))
    page = client.get(url("impor-detail", world.a, token)).content.decode()
    assert 'id="n-galat">2<' in page and 'id="terapkan"' not in page
    assert "tidak dapat diterapkan" in page and "teks di sel angka" in page
    assert "<td>Realisasi</td>" in page and "F (Realisasi)" in page and "dua" in page
    # applying anyway (a forged POST) saves nothing, all or nothing
    response = client.post(url("impor-apply", world.a, token))
    assert response.status_code == 200
    assert "tidak ada yang disimpan" in response.content.decode()
    assert counts() == before
    assert not Realisasi.objects.filter(solusi="ada solusi baru").exists()


def test_locked_quarter_is_refused_with_its_message(world, as_role):
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=TAHUN, triwulan=TW, status="terkunci"
    )
    client = as_role(world, "operator")
    before = counts()
    token = token_of(post_file(client, world.a, filled(world.a)))
    page = client.get(url("impor-detail", world.a, token)).content.decode()
    assert "berstatus Terkunci" in page and 'id="terapkan"' not in page
    response = client.post(url("impor-apply", world.a, token))
    assert "berstatus Terkunci" in response.content.decode()
    assert counts() == before


def sheet_without_template() -> bytes:
    wb = Workbook()
    wb.active.append(["Nama", "Jumlah"])
    wb.active.append(["a", 1])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "nama", "pesan"),
    [
        (b"PK\x03\x04 rusak bukan zip", "rusak.xlsx", "tidak dapat dibaca sebagai buku kerja"),
        (b"", "kosong.xlsx", "kosong"),
        (PDF.replace(b"%PDF", b"\x00\x01"), "biner.xlsx", "bukan .xlsx"),
        (b"\x89PNG\r\n\x1a\n\xff\xfe", "gambar.png", "bukan teks UTF-8"),
        (PDF, "laporan.pdf", "Berkas &#x27;laporan.pdf&#x27; adalah PDF, bukan tabel."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "lama.xls", "Excel 97–2003 (.xls)"),
        (b"nama;umur\nAni;7\n", "lain.csv", "tidak memuat lembar templat"),
        (None, "lembar.xlsx", "tidak memuat lembar templat"),
    ],
)
def test_bad_file_gives_an_indonesian_message_never_500(world, as_role, data, nama, pesan):
    client = as_role(world, "operator")
    data = sheet_without_template() if data is None else data
    response = post_file(client, world.a, data, nama)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="galat-impor"' in page and pesan in page
    assert not impor.folder().exists() or not list(impor.folder().iterdir())


def test_no_file_chosen(world, as_role):
    response = as_role(world, "operator").post(url("impor-create", world.a))
    assert "Pilih berkas lebih dulu." in response.content.decode()


def test_token_is_bound_to_its_user_and_unit(world, as_role, client):
    token = token_of(post_file(as_role(world, "operator"), world.a, filled(world.a)))
    client.force_login(world.users["admin"])  # may fill every unit, but did not upload it
    response = client.post(url("impor-apply", world.a, token))
    assert response.status_code == 302 and response["Location"] == url("impor-create", world.a)
    assert client.get(url("impor-detail", world.b, token)).status_code == 302
    assert not Realisasi.objects.filter(indikator=world.a.sub_ind, triwulan=TW).exists()
    assert impor.muat("../../etc/passwd", world.users["admin"], world.a.perangkat, 2024, 4) is None


def test_cancel_deletes_the_upload(world, as_role):
    client = as_role(world, "operator")
    token = token_of(post_file(client, world.a, filled(world.a)))
    assert client.post(url("impor-delete", world.a, token)).status_code == 302
    assert not list(impor.folder().iterdir())
    assert client.get(url("impor-detail", world.a, token))["Location"] == url(
        "impor-create", world.a
    )


def test_operator_limited_to_one_seksi_may_not_import(world, as_role):
    seksi = Seksi.objects.create(perangkat=world.a.perangkat, nama="Seksi Pemerintahan")
    Peran.objects.filter(user=world.users["operator"]).update(seksi=seksi)
    client = as_role(world, "operator")
    assert "operator seluruh unit" in client.get(url("impor-create", world.a)).content.decode()
    response = post_file(client, world.a, filled(world.a))
    assert response.status_code == 200 and "operator seluruh unit" in response.content.decode()
    assert not impor.folder().exists()


def test_csv_export_has_bom_and_semicolon_option(world, as_role):
    Realisasi.objects.create(indikator=world.a.sub_ind, tahun=TAHUN, triwulan=TW, nilai="2.5")
    client = as_role(world, "kepala")
    plain = client.get(url("ekspor-download", world.a, "capaian", "csv"))
    assert plain.status_code == 200 and plain["Content-Type"].startswith("text/csv")
    assert plain.content.startswith("\ufeff".encode())
    text = plain.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Kode,Uraian / indikator,")
    assert ",2.5,62.50," in text  # the stored 2.5000 without its trailing zeros
    semi = client.get(url("ekspor-download", world.a, "capaian", "csv") + "?pemisah=titik-koma")
    text = semi.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Kode;Uraian / indikator;") and ";2,5;62,50;" in text
    wrong = client.get(url("ekspor-download", world.a, "capaian", "csv") + "?pemisah=x")
    assert wrong.status_code == 404


@pytest.mark.parametrize("tabel", ["capaian", "anggaran", "tindak-lanjut", "ikm"])
def test_every_table_exports_as_xlsx_and_csv(world, as_role, tabel):
    client = as_role(world, "evaluator")
    xlsx = client.get(url("ekspor-download", world.a, tabel, "xlsx"))
    assert xlsx.status_code == 200
    assert len(load_workbook(io.BytesIO(xlsx.content)).sheetnames) == 1
    csv = client.get(url("ekspor-download", world.a, tabel, "csv"))
    assert csv.status_code == 200 and csv.content.startswith(b"\xef\xbb\xbf")


def test_all_tables_workbook_and_ikm_results(world, as_role):
    buka_survei(world.a)
    client = as_role(world, "operator")
    response = client.get(url("ekspor-download", world.a, "semua", "xlsx"))
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Capaian", "Anggaran", "Tindak lanjut", "IKM"]  # no other units
    rows = list(wb["IKM"].iter_rows(values_only=True))
    assert rows[1][:3] == ("TW IV", "Seluruh layanan", 0)
    assert rows[2][1].startswith("U1 ")
    assert client.get(url("ekspor-download", world.a, "semua", "csv")).status_code == 404


def test_pemda_recap_export(world, as_role):
    client = as_role(world, "evaluator")
    path = reverse("web:rekap-pemda-download", args=[TAHUN, TW, "csv"]) + "?pemisah=titik-koma"
    text = client.get(path).content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Kode;Perangkat daerah;Capaian (%)")
    assert "kec-a" in text and "kec-b" in text
    xlsx = client.get(reverse("web:rekap-pemda-download", args=[TAHUN, TW, "xlsx"]))
    assert load_workbook(io.BytesIO(xlsx.content)).sheetnames == ["Rekap pemda"]


def test_dashboards_offer_the_downloads(world, as_role):
    client = as_role(world, "operator")
    page = client.get(url("perangkat-detail", world.a)).content.decode()
    assert url("ekspor-download", world.a, "capaian", "xlsx") in page
    assert url("templat-download", world.a) in page and url("impor-create", world.a) in page
    page = as_role(world, "kepala").get(url("perangkat-detail", world.a)).content.decode()
    assert url("impor-create", world.a) not in page  # may see, may not fill
    page = as_role(world, "evaluator").get(reverse("web:pemda", args=[TAHUN, TW])).content
    assert reverse("web:rekap-pemda-download", args=[TAHUN, TW, "xlsx"]).encode() in page


def test_sipd_sheet_reports_mismatched_percentages(db, client):
    from kinerja.organisations.models import PerangkatDaerah
    from kinerja.sample.loader import load_sample
    from tests.excel.helpers import sipd_xlsx
    from tests.web.conftest import make_user

    load_sample()
    towuti = PerangkatDaerah.objects.get(kode="towuti")
    client.force_login(make_user("admin-sipd", "admin"))
    before = counts()
    args = ["towuti", 2024, 4]
    response = client.post(
        reverse("web:impor-create", args=args), {"berkas": upload(sipd_xlsx(), "tabel-iii.xlsx")}
    )
    page = client.get(response["Location"]).content.decode()
    assert "lembar realisasi anggaran bergaya SIPD" in page
    assert "Jumlah dan persen yang tidak cocok" in page
    assert page.count("persen salah") == 6 and 'id="terapkan"' not in page
    assert counts() == before and towuti.pk
