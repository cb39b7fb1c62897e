"""SIPD-style budget sheets: the sample's Tabel III read, checked and imported."""

from __future__ import annotations

import io
from decimal import Decimal

from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.excel import import_
from kinerja.excel.sheet import Buku
from kinerja.excel.sipd import baca_sipd, periksa_sipd

from .helpers import sipd_xlsx, tabel_iii_rows

KEPEGAWAIAN_WRONG = {"35,85", "25,79", "41,81", "44,70", "49,67", "48,71"}


def test_tabel_iii_reads_211_rows_with_their_levels():
    masalah = []
    sheet = baca_sipd(Buku(sipd_xlsx(), "tabel_iii.xlsx"), masalah)
    assert masalah == []
    assert len(sheet.baris) == 211
    levels = [b.level for b in sheet.baris]
    assert levels.count("belanja") == 156
    assert levels.count("sub_kegiatan") == 33
    assert levels[0] == "total"


def test_the_six_wrong_percentages_are_reported():
    sheet = baca_sipd(Buku(sipd_xlsx()), [])
    masalah = periksa_sipd(sheet)
    assert {m.nilai for m in masalah} == KEPEGAWAIAN_WRONG
    assert all(m.kolom == "E (Persen)" and "seharusnya" in m.alasan for m in masalah)
    rows = tabel_iii_rows()
    uraian = {m.baris: rows[m.baris - 4]["uraian"] for m in masalah}
    assert "Belanja Alat Tulis Kantor" in uraian.values()
    # all six under the sub kegiatan "Pendataan dan Pengolahan Administrasi Kepegawaian"
    first = min(m.baris for m in masalah)
    parent = next(r for r in reversed(rows[: first - 4]) if r["level"] == "sub_kegiatan")
    assert parent["uraian"] == "Pendataan dan Pengolahan Administrasi Kepegawaian"


def test_a_wrong_parent_total_is_reported():
    rows = tabel_iii_rows()
    rows[1] = {**rows[1], "anggaran": "3.835.399.911,00"}  # program Penunjang, one rupiah off
    masalah = periksa_sipd(baca_sipd(Buku(sipd_xlsx(rows)), []))
    totals = [m for m in masalah if m.kolom == "C (Anggaran)"]
    assert [m.baris for m in totals] == [5]
    assert "3.835.399.910,00" in totals[0].alasan


def test_dry_run_against_the_sample_changes_nothing_and_lists_the_six(towuti):
    before = (Belanja.objects.count(), RealisasiBelanja.objects.count())
    preview = import_.dry_run(sipd_xlsx(), towuti, 2024)
    assert preview.jenis == "sipd"
    assert preview.dibaca == 211
    assert len(preview.galat) == 6, [str(m) for m in preview.galat]
    assert preview.ringkasan() == "dibuat: 0, diubah: 0, tetap: 205, galat: 6"
    assert (Belanja.objects.count(), RealisasiBelanja.objects.count()) == before


def test_apply_with_errors_writes_nothing_and_after_fixing_writes_the_change(towuti):
    rows = tabel_iii_rows()
    fixed = []
    for row in rows:
        if row["persen"] in KEPEGAWAIAN_WRONG:
            row = {**row, "persen": ""}
        fixed.append(row)
    line = next(i for i, r in enumerate(fixed) if r["uraian"] == "Belanja Gaji Pokok ASN")
    fixed[line] = {**fixed[line], "realisasi": "1.026.534.240,00", "persen": ""}
    assert not import_.apply(sipd_xlsx(rows), towuti, 2024).disimpan
    preview = import_.apply(sipd_xlsx(fixed), towuti, 2024)
    # the stated parents now differ from their lines by one rupiah
    assert {m.baris for m in preview.galat} and not preview.disimpan
    assert RealisasiBelanja.objects.filter(nilai=Decimal("1026534240")).count() == 0


def test_percent_cells_formatted_as_percent_are_fractions():
    data = sipd_xlsx()
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    for r in range(4, ws.max_row + 1):
        cell = ws.cell(r, 5)
        if isinstance(cell.value, int | float):
            cell.value = cell.value / 100
            cell.number_format = "0.00%"
    out = io.BytesIO()
    wb.save(out)
    masalah = periksa_sipd(baca_sipd(Buku(out.getvalue()), []))
    assert {m.nilai for m in masalah} == KEPEGAWAIAN_WRONG
