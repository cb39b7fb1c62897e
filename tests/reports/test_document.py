"""The report model's text: what every exporter can write, whatever a user typed or pasted."""

from __future__ import annotations

import io
import re

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from kinerja.reports.document import (
    Cell,
    Chart,
    Document,
    Paragraph,
    Row,
    Series,
    Table,
    clean_text,
)
from kinerja.reports.exporters import get_exporter

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\r]")


@given(st.text())
def test_a_clean_text_holds_only_what_xml_can(text):
    cleaned = clean_text(text)
    assert NOT_XML.search(cleaned) is None
    assert clean_text(cleaned) == cleaned
    if NOT_XML.search(text) is None:
        assert cleaned is text


def test_breaks_pasted_from_word_or_windows_stay_line_breaks():
    assert clean_text("satu\x0bdua\x0ctiga\r\nempat\rlima") == "satu\ndua\ntiga\nempat\nlima"
    assert clean_text("bel\x07 dan nul\x00") == "bel dan nul"


def test_every_text_of_the_model_is_cleaned_as_it_is_made():
    cell = Cell("a\x0bb", align="right")
    chart = Chart("bar", "Judul\x01", ("TW\x02 I",), (Series("Target\x03", ()),))
    document = Document("Laporan\x0b", "triwulan", "Unit\x00", kop=("KOP\x1f",))
    assert (cell.text, cell.align) == ("a\nb", "right")
    assert (chart.title, chart.categories, chart.series[0].name) == ("Judul", ("TW I",), "Target")
    assert (document.title, document.unit, document.kop) == ("Laporan\n", "Unit", ("KOP",))
    assert Paragraph.of("x\x0by").text == "x\ny"


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
