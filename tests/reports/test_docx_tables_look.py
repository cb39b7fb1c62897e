"""The DOCX looks as the PDF: its tables' colours and padding, hyphenated headers, short
tables kept on one page, a tree's parent row with its child; the cover's rule."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from kinerja.reports import docx_parts
from kinerja.reports.document import WHOLE_TABLE_ROWS, Cell, Cover, Document, Row, Table
from kinerja.reports.docx_export import TEXT_WIDTH, DocxExporter
from kinerja.reports.docx_parts import SOFT_HYPHEN, hyphenated

CSS = (
    Path(docx_parts.__file__).parent / "templates" / "reports" / "css" / "document.css"
).read_text()
HEADER = ((Cell("No"), Cell("Indikator Kinerja"), Cell("Realisasi s.d. TW IV")),)


def table(nrows: int) -> Table:
    rows = tuple(Row((Cell(str(n)), Cell(f"Indikator {n}"), Cell("84,73"))) for n in range(nrows))
    return Table(header=HEADER, rows=rows, caption=f"Tabel {nrows} baris", widths=(1, 4, 1))


@pytest.fixture(scope="module")
def word():
    model = Document(
        title="Uji",
        kind="triwulan",
        unit="Kecamatan Uji",
        blocks=(table(3), table(WHOLE_TABLE_ROWS + 1)),
    )
    return docx.Document(io.BytesIO(DocxExporter().render(model)))


def css_color(selector: str, prop: str) -> str:
    rule = re.search(re.escape(selector) + r" \{([^}]*)\}", CSS)[1]
    return re.search(prop + r":[^;#]*#([0-9a-f]{6})", rule)[1].upper()


def test_fills_and_rules_are_the_pdfs():
    assert css_color(".laporan th", "background") == docx_parts.HEADER_FILL
    assert css_color(".laporan tr.shade td", "background") == docx_parts.SHADE_FILL
    assert css_color(".laporan th, .laporan td", "border") == docx_parts.RULE_COLOR


def test_table_grid_has_the_pdfs_rules_and_padding(word):
    tbl_pr = word.styles["Table Grid"].element.find(qn("w:tblPr"))
    edges = tbl_pr.find(qn("w:tblBorders"))
    assert {e.get(qn("w:color")) for e in edges} == {docx_parts.RULE_COLOR}
    assert {e.get(qn("w:sz")) for e in edges} == {"4"}  # 0,5 pt, as the PDF's two 0,25 pt
    margins = {m.tag.split("}")[1]: m.get(qn("w:w")) for m in tbl_pr.find(qn("w:tblCellMar"))}
    # 0,22 em and 0,45 em of 9 pt, in twips (document.css: th, td padding)
    assert margins == {"top": "40", "left": "81", "bottom": "40", "right": "81"}
    assert all(t.style.name == "Table Grid" for t in word.tables)
    assert all(t._tbl.tblPr.find(qn("w:tblCellMar")) is None for t in word.tables)


def test_a_small_tables_padding_is_of_its_8_pt():
    """0,22 em × 0,45 em of 8 pt: with the 9 pt tables' padding, "2022" and "81,74" broke in
    their narrow columns in the DOCX and not in the PDF."""
    small = Table(header=HEADER, rows=table(2).rows, caption="Kecil", font_size="small")
    model = Document(title="Uji", kind="triwulan", unit="Uji", blocks=(small,))
    tbl = docx.Document(io.BytesIO(DocxExporter().render(model))).tables[0]._tbl
    margins = {m.tag.split("}")[1]: m.get(qn("w:w")) for m in tbl.tblPr.find(qn("w:tblCellMar"))}
    assert margins == {"top": "35", "left": "72", "bottom": "35", "right": "72"}


def test_header_words_get_optional_hyphens_and_read_whole(word):
    header = word.tables[0].rows[0].cells
    assert [c.text for c in header] == ["No", "Indikator Kinerja", "Realisasi s.d. TW IV"]
    runs = header[2]._tc.xpath(".//w:r")
    assert len(runs) == 1  # one run: the word's pieces and Word's optional hyphens
    pieces = [el.tag.split("}")[1] + ":" + (el.text or "") for el in runs[0][1:]]
    assert pieces == ["t:Re", "softHyphen:", "t:a", "softHyphen:", "t:li", "softHyphen:",
                      "t:sa", "softHyphen:", "t:si s.d. TW IV"]  # fmt: skip
    assert not word.tables[0].rows[1].cells[1]._tc.xpath(".//w:softHyphen")  # body: as typed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Realisasi", "Re-a-li-sa-si"),
        ("SLTA/ SEDERAJAT", "SLTA/ SE-DE-RA-JAT"),
        ("Target TW IV", "Tar-get TW IV"),
        ("Capaian (%)", "Ca-pai-an (%)"),
        ("No", "No"),
        ("2024 12345 s.d.", "2024 12345 s.d."),
        ("", ""),
    ],
)
def test_hyphenated_at_the_pdfs_points(text, expected):
    result = hyphenated(text)
    assert result.replace(SOFT_HYPHEN, "-") == expected
    assert result.replace(SOFT_HYPHEN, "") == text


def keeps(row) -> list[bool]:
    return [p.paragraph_format.keep_with_next is True for c in row.cells for p in c.paragraphs]


def test_a_short_table_stays_on_one_page_a_long_one_may_break(word):
    short, long = word.tables
    assert all(all(keeps(row)) for row in short.rows[:-1])  # each row with the next
    assert not any(keeps(short.rows[-1]))  # the last row: with the text after, not needed
    assert all(keeps(long.rows[0]))  # a long table's header stays with its first row
    assert not any(any(keeps(row)) for row in long.rows[1:])
    assert table(WHOLE_TABLE_ROWS).whole and not table(WHOLE_TABLE_ROWS + 1).whole


def test_a_parent_row_keeps_with_the_row_after_it():
    """A tree's bold row (not the last) keeps with the next row, as in the PDF."""
    rows = tuple(
        Row((Cell(str(n)), Cell(f"Uraian {n}"), Cell("1,00")), bold=n % 3 == 0)
        for n in range(WHOLE_TABLE_ROWS + 5)
    )
    long = Table(header=HEADER, rows=rows, caption="Pohon", widths=(1, 4, 1))
    model = Document(title="Uji", kind="triwulan", unit="Uji", blocks=(long,))
    body = docx.Document(io.BytesIO(DocxExporter().render(model))).tables[0].rows[1:]
    assert [all(keeps(row)) for row in body] == [
        n % 3 == 0 and n < len(rows) - 1 for n in range(len(rows))
    ]


def test_the_cover_keeps_the_titles_case_and_has_the_pdfs_rule():
    """ "(LKjIP)" as written, two title lines, and the PDF's short blue rule under them."""
    model = Document(
        title="Uji",
        kind="lkjip",
        unit="Uji",
        blocks=[Cover(("LAPORAN KINERJA\nINSTANSI PEMERINTAH", "(LKjIP) TAHUN 2024"), ("X",))],
    )
    word = docx.Document(io.BytesIO(DocxExporter().render(model)))
    texts = [p.text for p in word.paragraphs]
    assert texts[:2] == ["LAPORAN KINERJA\nINSTANSI PEMERINTAH", "(LKjIP) TAHUN 2024"]
    rule = word.paragraphs[2]._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    assert rule.get(qn("w:color")) == "3B5B92"
    indent = word.paragraphs[2].paragraph_format.left_indent
    assert abs(TEXT_WIDTH - 2 * indent - Cm(4)) < Cm(0.01)
