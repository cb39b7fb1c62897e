"""The report model's text: what every exporter can write, whatever a user typed or pasted."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja.reports.document import (
    Cell,
    Chart,
    Document,
    Paragraph,
    Row,
    Series,
    Signature,
    Table,
)
from kinerja.reports.exporters import get_exporter


def test_every_text_of_the_model_is_cleaned_as_it_is_made():
    cell = Cell("a\x0bb", align="right")
    chart = Chart("bar", "Judul\x01", ("TW\x02 I",), (Series("Target\x03", ()),))
    document = Document("Laporan\x0b", "triwulan", "Unit\x00", kop=("KOP\x1f",))
    assert (cell.text, cell.align) == ("a\nb", "right")
    assert (chart.title, chart.categories, chart.series[0].name) == ("Judul", ("TW I",), "Target")
    assert (document.title, document.unit, document.kop) == ("Laporan\n", "Unit", ("KOP",))
    assert Paragraph.of("x\x0by").text == "x\ny"
    assert Signature("T", "CAMAT", "Andi", None).nip is None  # no text: left as given


def test_every_exporter_writes_a_text_pasted_with_control_characters():
    pasted = "Faktor pendukung:\x0bkoordinasi\x07 lintas sektor"
    table = Table(
        header=((Cell("Uraian"), Cell("Catatan")),),
        rows=(Row((Cell("Sub kegiatan\x0c1"), Cell(pasted))),),
        caption="Tabel 3.1 Uji",
    )
    document = Document("Uji", "triwulan", "Kecamatan Uji").add(Paragraph.of(pasted), table)
    written = {fmt: get_exporter(fmt).render(document) for fmt in ("docx", "xlsx", "pdf")}
    sheet = load_workbook(io.BytesIO(written["xlsx"])).worksheets[0]
    values = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert "Faktor pendukung:\nkoordinasi lintas sektor" in values
    text = PdfReader(io.BytesIO(written["pdf"])).pages[0].extract_text()
    assert "Faktor pendukung:\nkoordinasi lintas sektor" in text
    assert written["docx"].startswith(b"PK")
