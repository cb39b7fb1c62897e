"""The XLSX exporter: a hand-built Document read back with openpyxl."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook

from kinerja.reports.document import Cell, Document, Heading, Paragraph, Row, Table
from kinerja.reports.exporters import formats, get_exporter
from kinerja.reports.xlsx_export import number_format, sheet_names

HEADER = (
    (Cell("No", rowspan=2), Cell("Uraian", rowspan=2), Cell("Anggaran dan realisasi", colspan=2)),
    (Cell("Anggaran"), Cell("Realisasi")),
)


def budget_table(caption: str) -> Table:
    rows = (
        Row(
            (
                Cell("1"),
                Cell("Program Penunjang"),
                Cell("3.835.399.910,00", Decimal("3835399910.00"), "right"),
                Cell("3.400.280.032,00", Decimal("3400280032"), "right"),
            ),
            bold=True,
        ),
        Row(
            (
                Cell("1.1"),
                Cell("Belanja Alat Tulis Kantor"),
                Cell("250.000", 250000, "right"),
                Cell("–", None, "center"),
            ),
            level=2,
        ),
    )
    notes = ("– belum ada realisasi",)
    return Table(HEADER, rows, caption=caption, notes=notes, indent_cell=1)  # codes never indented


def document() -> Document:
    doc = Document("Laporan Evaluasi Kinerja", "triwulan", "Kecamatan Towuti")
    doc.add(
        Heading("BAB III AKUNTABILITAS KINERJA"),
        Paragraph.of("Teks biasa tidak masuk lembar."),
        budget_table("Tabel III Realisasi Anggaran: Belanja [2024]"),
        Heading("Lampiran"),
        budget_table(""),
        budget_table("Tabel III Realisasi Anggaran: Belanja [2024]"),
    )
    return doc


def read(doc: Document):
    return load_workbook(io.BytesIO(get_exporter("xlsx").render(doc)))


def test_registered_as_xlsx():
    assert "xlsx" in formats()
    exporter = get_exporter("xlsx")
    assert exporter.extension == "xlsx" and "spreadsheetml" in exporter.media_type


def test_every_table_on_its_own_validly_named_sheet():
    doc = document()
    names = sheet_names(doc)
    assert names == [
        "Tabel III Realisasi Anggaran Be",
        "Lampiran",
        "Tabel III Realisasi Anggara (2)",
    ]
    assert read(doc).sheetnames == names


def test_header_spans_frozen_numbers_outline_and_notes():
    ws = read(document()).worksheets[0]
    assert ws["A1"].value.startswith("Tabel III") and ws["A1"].font.bold
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A3:A4", "B3:B4", "C3:D3"} <= merged
    assert ws.freeze_panes == "A5"
    assert ws["C5"].value == Decimal("3835399910") or ws["C5"].value == 3835399910
    assert ws["C5"].number_format == "#,##0.00"
    assert ws["C6"].value == 250000 and ws["C6"].number_format == "#,##0"
    assert ws["D6"].value == "–"
    assert ws["A5"].font.bold
    assert ws.row_dimensions[6].outline_level == 2
    assert ws["B6"].alignment.indent == 2
    assert ws["A8"].value == "– belum ada realisasi"
    assert ws.column_dimensions["B"].width >= len("Belanja Alat Tulis Kantor")


def test_number_format_follows_the_printed_decimals():
    assert number_format(Cell("105,78", Decimal("105.78"))) == "#,##0.00"
    assert number_format(Cell("105,8", Decimal("105.8"))) == "#,##0.0"
    assert number_format(Cell("1.500", Decimal("1500"))) == "#,##0"
    assert number_format(Cell("93,75%", Decimal("93.75"))) == "#,##0.00"


def test_a_document_without_tables_still_opens():
    wb = read(Document("Kosong", "pk", "Kecamatan Towuti"))
    assert wb.sheetnames == ["Laporan"]
