"""Exports of the app's tables: real numbers, formats, frozen headers, outline, CSV forms."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook

from kinerja.excel.export import semua_lembar, tulis_ekspor
from kinerja.excel.sheet import Kolom, Lembar, buku_xlsx, ke_csv


def test_capaian_sheet_has_real_numbers_per_quarter(towuti, tmp_path):
    [berkas] = tulis_ekspor(towuti, 2024, tmp_path)
    ws = load_workbook(berkas.path)["Capaian"]
    header = [c.value for c in ws[1]]
    assert header[:7] == [
        "Kode",
        "Uraian / indikator",
        "Satuan",
        "Polaritas",
        "Target TW I",
        "Realisasi TW I",
        "Capaian TW I (%)",
    ]
    assert ws.freeze_panes == "A2"
    rows = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True) if r[1]}
    ikm = rows["Indeks Kepuasan Masyarakat"]
    col = {h: i for i, h in enumerate(header)}
    assert ikm[col["Realisasi TW IV"]] == 84.73
    assert ikm[col["Capaian TW IV (%)"]] == 105.78
    assert ws.cell(3, col["Capaian TW IV (%)"] + 1).number_format == "#,##0.00"


def test_budget_tree_is_outlined_with_totals(towuti, tmp_path):
    [berkas] = tulis_ekspor(towuti, 2024, tmp_path)
    ws = load_workbook(berkas.path)["Anggaran"]
    assert [c.value for c in ws[2]][1:5] == ["Jumlah", None, 4094740600, 3623393162]
    levels = {ws.cell(r, 1).value: ws.row_dimensions[r].outline_level for r in range(3, 8)}
    assert levels["7.01.01"] == 1 and levels["7.01.01.2.01"] == 2
    assert levels["7.01.01.2.01.0001"] == 3
    assert ws.row_dimensions[6].outline_level == 4  # a belanja line
    assert ws.cell(3, 1).number_format == "@" and ws.cell(3, 4).number_format == "#,##0.00"
    assert ws.column_dimensions["B"].width == 60


def test_every_table_is_exported(towuti):
    names = [s.nama for s in semua_lembar(towuti, 2024)]
    assert names == ["Capaian", "Anggaran", "Tindak lanjut", "IKM", "Rekap pemda"]
    tindak = semua_lembar(towuti, 2024)[2]
    assert len(tindak.baris) == 6 and tindak.baris[0][1] == "Triwulan III 2024"


def test_csv_forms_and_xlsx_widths():
    sheet = Lembar(
        "Uji",
        [Kolom("Kode", "kode"), Kolom("Nama"), Kolom("Nilai", "angka"), Kolom("Persen", "persen")],
    )
    sheet.tambah(["7.01", 'Kantor; "Camat"', Decimal("1234.5000"), Decimal("88.48895")])
    sheet.tambah(["7.02", "Rata-rata", Decimal(650) / 7, Decimal(100)])
    comma = ke_csv(sheet)
    assert comma.startswith("\ufeffKode,Nama,Nilai,Persen\r\n")
    assert comma.endswith(
        '7.01,"Kantor; ""Camat""",1234.5,88.49\r\n7.02,Rata-rata,92.8571,100.00\r\n'
    )
    assert ke_csv(sheet, ";").endswith(
        '7.01;"Kantor; ""Camat""";1234,5;88,49\r\n7.02;Rata-rata;92,8571;100,00\r\n'
    )
    ws = load_workbook(io.BytesIO(buku_xlsx([sheet])))["Uji"]
    assert ws["C2"].value == 1234.5 and ws["A2"].value == "7.01"
    assert ws.column_dimensions["B"].width >= len('Kantor; "Camat"')


def test_a_text_pasted_from_word_is_written_to_xlsx_and_csv():
    sheet = Lembar("Uji", [Kolom("Rekomendasi"), Kolom("Progres")])
    sheet.tambah(["Rapat koordinasi\x0bsetiap bulan", "Selesai\x07"])
    ws = load_workbook(io.BytesIO(buku_xlsx([sheet])))["Uji"]
    assert [c.value for c in ws[2]] == ["Rapat koordinasi\nsetiap bulan", "Selesai"]
    assert '"Rapat koordinasi\nsetiap bulan",Selesai' in ke_csv(sheet)
