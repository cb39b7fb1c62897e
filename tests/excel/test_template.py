"""The template workbook of Towuti 2024 and its round trip through the import."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from kinerja.excel import import_
from kinerja.excel.template import template_xlsx

from .helpers import cell, find_row


def test_sheets_codes_as_text_and_drop_downs(towuti):
    wb = load_workbook(io.BytesIO(template_xlsx(towuti, 2024)))
    assert wb.sheetnames == [
        "Petunjuk",
        "Program",
        "Indikator",
        "Realisasi",
        "Anggaran",
        "Renstra",
        "PK",
        "Pilihan",
    ]
    assert wb["Pilihan"].sheet_state == "hidden"
    assert wb["Petunjuk"]["B2"].value == "towuti" and wb["Petunjuk"]["B3"].value == "2024"
    program = wb["Program"]
    assert program["B2"].value == "7.01.01" and program["B2"].number_format == "@"
    assert program.freeze_panes == "A2"
    validations = {
        str(dv.sqref).split(":")[0]: dv.formula1
        for dv in wb["Indikator"].data_validations.dataValidation
    }
    assert validations["E2"].startswith("=Pilihan!$B$2")  # polaritas
    assert validations["F2"].startswith("=Pilihan!$C$2")  # agregasi
    assert validations["D2"].startswith("=Pilihan!$E$2")  # satuan (other values allowed)


def test_anggaran_parents_are_sum_formulas_and_lines_real_numbers(towuti):
    data = template_xlsx(towuti, 2024)
    sub = find_row(data, "Anggaran", Kode="7.01.01.2.01.0001")
    assert cell(data, "Anggaran", sub, "Anggaran") == f"=SUM(F{sub + 1}:F{sub + 7})"
    assert cell(data, "Anggaran", sub + 1, "Anggaran") == 9000000
    wb = load_workbook(io.BytesIO(data))
    assert wb["Anggaran"].row_dimensions[sub + 1].outline_level == 3
    assert wb["Anggaran"].cell(sub + 1, 6).number_format == "#,##0.00"


def test_round_trip_unchanged_file_changes_nothing(towuti):
    preview = import_.dry_run(template_xlsx(towuti, 2024), towuti, 2024)
    assert preview.jenis == "templat"
    assert preview.galat == [] and preview.diubah == [] and preview.dibuat == []
    assert preview.ringkasan() == f"dibuat: 0, diubah: 0, tetap: {preview.dibaca}, galat: 0"
    assert preview.dibaca > 400
