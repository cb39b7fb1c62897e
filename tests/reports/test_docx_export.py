"""The DOCX exporter: a hand-built Document of every block type, read back with python-docx."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Emu

from kinerja.reports.document import (
    BulletList,
    Cell,
    Chart,
    Cover,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Run,
    Series,
    Signature,
    SignaturePair,
    Table,
    TableOfContents,
)
from kinerja.reports.docx_export import TEXT_WIDTH, DocxExporter
from kinerja.reports.docx_parts import HEADER_FILL, SHADE_FILL
from kinerja.reports.exporters import get_exporter
from tests.reports.test_docx_parts import STAFF_HEADER

SPECIAL = 'PT. Maju & Jaya <Persero> "Tbk"'

STAFF_HEADER_GRID = [
    ["GOLONGAN"] + ["JUMLAH PEGAWAI KUALIFIKASI PENDIDIKAN"] * 4,
    ["GOLONGAN", "S1", "S1", "D3", "D3"],
    ["GOLONGAN", "L", "P", "L", "P"],
]
STAFF = Table(
    header=STAFF_HEADER,
    rows=tuple(
        Row(tuple(Cell(t, align="right" if t.isdigit() else "left") for t in texts))
        for texts in (
            ("IV", "1", "0", "0", "0"),
            ("III", "4", "3", "1", "2"),
            ("II", "0", "0", "2", "1"),
        )
    ),
    caption="Tabel 2.1 Jumlah Pegawai menurut Golongan dan Pendidikan",
    notes=("L = laki-laki, P = perempuan",),
    widths=(3, 1, 1, 1, 1),
    font_size="small",
)


def tree_rows() -> tuple[Row, ...]:
    rows = []
    for i in range(99):
        level = i % 3
        code = ".".join(str(i // 3 + 1) for _ in range(level + 1))
        cells = (
            Cell(str(i + 1), align="center"),
            Cell(f"{code} Kegiatan {i + 1} & <sub>"),
            Cell(f"{i},50", Decimal(i) + Decimal("0.5"), align="right"),
            Cell("" if i % 7 == 0 else f"{i * 2},25", align="right"),
            Cell("–" if i % 7 == 0 else "98,7%", align="right"),
        )
        rows.append(Row(cells, bold=level == 0, level=level))
    total = (
        Cell("JUMLAH", colspan=2, bold=True),
        Cell("4.900,50", align="right"),
        Cell(""),
        Cell(""),
    )
    return (*rows, Row(total, bold=True, shade=True))


TREE = Table(
    header=(
        (
            Cell("No"),
            Cell("Program / Kegiatan"),
            Cell("Target"),
            Cell("Realisasi"),
            Cell("Capaian"),
        ),
    ),
    rows=tree_rows(),
    caption="Tabel 3.1 Pengukuran Capaian Kinerja",
    widths=(0.6, 4, 1.2, 1.2, 1),
)
CHART = Chart(
    kind="bar",
    title="Target dan Realisasi",
    categories=("IKU 1", "IKU 2", "IKU 3"),
    series=(
        Series("Target", (Decimal("100"), Decimal("80"), None)),
        Series("Realisasi", (Decimal("95.5"), None, Decimal("40"))),
    ),
    caption="Grafik 3.1 Target dan Realisasi",
    value_format="persen",
)
CAMAT = Signature(
    "Towuti, 20 Januari 2025",
    "CAMAT TOWUTI",
    "Drs. ANDI BASO",
    "197001011990031001",
    "Pembina Tk. I",
)


def full_document() -> Document:
    return Document(
        title="Laporan Evaluasi Kinerja Triwulan IV Tahun 2024",
        kind="triwulan",
        unit="Kecamatan Towuti",
    ).add(
        Cover(
            ("LAPORAN EVALUASI KINERJA", "TRIWULAN IV TAHUN 2024"),
            ("PEMERINTAH KABUPATEN LUWU TIMUR", "KECAMATAN TOWUTI"),
            "2025",
        ),
        TableOfContents(),
        Heading("BAB I\nPENDAHULUAN", 1),
        Paragraph(
            (
                Run("Laporan ini disusun oleh "),
                Run(SPECIAL, bold=True),
                Run(" (ringkas).", italic=True),
            )
        ),
        Heading("1.1 Latar Belakang", 2),
        Heading("1.1.1 Dasar Hukum", 3),
        BulletList(("Undang-Undang & peraturan", "Peraturan Presiden")),
        BulletList(("Pertama", "Kedua"), ordered=True),
        BulletList(("Satu lagi",), ordered=True),
        Paragraph.of("Capaian = Realisasi / Target × 100%", style="formula"),
        Paragraph.of("catatan kecil\x0b dengan karakter kendali\x00", style="note"),
        Paragraph.of("TENGAH", style="center"),
        PageBreak(),
        Heading("BAB II\nGAMBARAN UMUM", 1),
        STAFF,
        Heading("BAB III\nAKUNTABILITAS KINERJA", 1),
        TREE,
        CHART,
        Paragraph.of("Grafik di atas …", style="caption"),
        Signature(**CAMAT.__dict__),
        SignaturePair(Signature("", "PIHAK KEDUA,", "H. BUPATI", ""), CAMAT),
    )


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return DocxExporter().render(full_document())


@pytest.fixture(scope="module")
def word(rendered):
    return docx.Document(io.BytesIO(rendered))


def grid(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


# --- grid placement -----------------------------------------------------------------------


def test_exporter_via_registry():
    exporter = get_exporter("docx")
    assert isinstance(exporter, DocxExporter)
    assert (exporter.format, exporter.extension) == ("docx", "docx")
    assert exporter.media_type.endswith("wordprocessingml.document")
    data = exporter.render(Document("Kosong", "lkjip", "Kecamatan Towuti"))
    assert docx.Document(io.BytesIO(data)).core_properties.title == "Kosong"


def test_page_setup_is_a4_with_report_margins(word):
    section = word.sections[0]
    assert abs(section.page_width.cm - 21) < 0.01 and abs(section.page_height.cm - 29.7) < 0.01
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.cm, 2) for m in margins] == [2.5, 2.5, 3.0, 2.5]


def test_tables_are_real_tables_with_the_model_text(word):
    # the staff table, the tree table and two borderless signature tables
    assert len(word.tables) == 4
    staff, tree = word.tables[0], word.tables[1]
    assert grid(staff) == STAFF_HEADER_GRID + [[c.text for c in row.cells] for row in STAFF.rows]
    expected = [[c.text for c in TREE.header[0]]]
    expected += [[c.text for c in row.cells] for row in TREE.rows[:-1]]
    expected.append(["JUMLAH", "JUMLAH", "4.900,50", "", ""])
    assert len(tree.rows) == 101
    assert grid(tree) == expected
    assert staff.style.name == "Table Grid" and tree.style.name == "Table Grid"


def test_header_rows_repeat_and_no_row_splits(word):
    staff, tree = word.tables[0], word.tables[1]
    for table, nhead in ((staff, 3), (tree, 1)):
        for i, row in enumerate(table.rows):
            tr_pr = row._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
            assert (tr_pr.find(qn("w:tblHeader")) is not None) == (i < nhead)
        for cell in table.rows[0].cells:
            assert cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == HEADER_FILL
            assert all(run.bold for run in cell.paragraphs[0].runs)


def test_table_widths_alignment_indent_and_shading(word):
    tree = word.tables[1]
    grid_cols = tree._tbl.tblGrid.findall(qn("w:gridCol"))
    widths = [Emu(int(col.get(qn("w:w"))) * 635) for col in grid_cols]
    assert abs(sum(widths) - TEXT_WIDTH) < Cm(0.05)
    assert widths[1] > 3 * widths[0]
    assert tree._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    row = tree.rows[3]  # model row 2: level 2
    assert abs(row.cells[1].paragraphs[0].paragraph_format.left_indent.cm - 0.8) < 0.01
    assert row.cells[0].paragraphs[0].paragraph_format.left_indent is None
    assert row.cells[2].paragraphs[0].alignment == 2  # right
    assert all(run.bold for run in tree.rows[1].cells[1].paragraphs[0].runs)  # level 0 = bold
    total = tree.rows[-1]
    assert total.cells[2]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == SHADE_FILL
    assert word.tables[0].rows[3].cells[0].paragraphs[0].style.name == "Table Text Small"


def test_captions_and_notes_around_tables(word):
    texts = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Table Caption", STAFF.caption) in texts
    assert ("Table Note", STAFF.notes[0]) in texts
    caption = next(p for p in word.paragraphs if p.text == STAFF.caption)
    assert caption.style.paragraph_format.keep_with_next


def test_headings_use_builtin_styles_and_bab_starts_a_page(word):
    headings = [
        (p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings == [
        ("Heading 1", "BAB I\nPENDAHULUAN"),
        ("Heading 2", "1.1 Latar Belakang"),
        ("Heading 3", "1.1.1 Dasar Hukum"),
        ("Heading 1", "BAB II\nGAMBARAN UMUM"),
        ("Heading 1", "BAB III\nAKUNTABILITAS KINERJA"),
    ]
    h1 = word.styles["Heading 1"]
    assert h1.paragraph_format.page_break_before and h1.font.all_caps and h1.font.bold
    assert h1.font.color.rgb == docx.shared.RGBColor(0, 0, 0)


def test_toc_field_and_update_on_open(word):
    body = word.element.body.xml
    assert 'TOC \\o "1-3" \\h \\z \\u' in body
    # The field's result already lists the headings: no empty TOC before a refresh.
    toc = [
        (p.style.name, p.text)
        for p in word.paragraphs
        if p.style.name[:5] in {"TOC 1", "TOC 2", "TOC 3"}
    ]
    assert toc[0] == ("TOC 1", "BAB I PENDAHULUAN")
    assert ("TOC 3", "1.1.1 Dasar Hukum") in toc
    assert body.count('w:fldCharType="begin"') == body.count('w:fldCharType="end"')
    assert any(p.text == "DAFTAR ISI" and p.style.name == "TOC Heading" for p in word.paragraphs)
    update = word.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_footer_page_fields_header_title_and_plain_cover(word):
    section = word.sections[0]
    footer = section.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert section.footer.paragraphs[0].text.startswith("Halaman ")
    assert section.different_first_page_header_footer
    assert "PAGE" not in section.first_page_footer._element.xml
    assert section.first_page_header.paragraphs[0].text == ""
    assert "Laporan Evaluasi Kinerja Triwulan IV Tahun 2024" in section.header.paragraphs[0].text


def test_one_sharp_inline_picture_per_chart(word):
    shapes = list(word.inline_shapes)
    assert len(shapes) == len([CHART])
    shape = shapes[0]
    r_id = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    png = word.part.related_parts[r_id].blob
    assert png.startswith(b"\x89PNG")
    pixel_width = int.from_bytes(png[16:20], "big")
    assert pixel_width / (shape.width / 914400) >= 150
    assert abs(shape.width - TEXT_WIDTH) < Cm(0.05)
    index = next(i for i, p in enumerate(word.paragraphs) if p._p.xpath(".//w:drawing"))
    paragraph, caption = word.paragraphs[index], word.paragraphs[index + 1]
    assert paragraph.style.paragraph_format.alignment == 1  # centered
    assert (caption.style.name, caption.text) == ("Caption", CHART.caption)


def test_paragraph_styles_runs_lists_and_special_characters(word):
    by_text = {p.text: p for p in word.paragraphs}
    intro = by_text[f"Laporan ini disusun oleh {SPECIAL} (ringkas)."]
    assert intro.style.name == "Body Text"
    assert [(r.bold, r.italic) for r in intro.runs] == [(None, None), (True, None), (None, True)]
    assert by_text["Capaian = Realisasi / Target × 100%"].style.name == "Formula"
    assert by_text["catatan kecil\n dengan karakter kendali"].style.name == "Note"  # \x0b: a break
    assert by_text["TENGAH"].style.name == "Center"
    assert by_text["Grafik di atas …"].style.name == "Caption"
    body = word.styles["Body Text"]
    assert body.paragraph_format.first_line_indent and body.paragraph_format.alignment == 3
    assert word.styles["Normal"].font.name == "Times New Roman"
    assert word.styles["Normal"].font.size == docx.shared.Pt(12)
    assert body.paragraph_format.line_spacing == 1.5
    assert word.styles["Table Text"].font.name == "Arial"
    assert word.styles["Table Text"].font.size == docx.shared.Pt(9)
    assert by_text["Undang-Undang & peraturan"].style.name == "List Bullet"
    numbered = [by_text[t] for t in ("Pertama", "Kedua", "Satu lagi")]
    assert {p.style.name for p in numbered} == {"List Number"}
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert num_ids[0] == num_ids[1] != num_ids[2]  # each ordered list starts at 1


def test_signatures_are_borderless_tables(word):
    single, pair = word.tables[2], word.tables[3]
    assert single.style.name != "Table Grid"
    assert [row.cells[1].text for row in single.rows] == [
        "Towuti, 20 Januari 2025",
        "CAMAT TOWUTI",
        "\n\n",
        "Drs. ANDI BASO",
        "Pembina Tk. I",
        "NIP. 197001011990031001",
    ]
    assert all(row.cells[0].text in ("", "\n\n") for row in single.rows)
    nama = single.rows[3].cells[1].paragraphs[0].runs[0]
    assert nama.bold and nama.underline
    assert [row.cells[0].text for row in pair.rows] == [
        "",
        "PIHAK KEDUA,",
        "\n\n",
        "H. BUPATI",
        "",
        "",
    ]
    assert pair.rows[1].cells[1].text == "CAMAT TOWUTI"  # the jabatan rows line up


def test_core_properties_and_no_none_anywhere(rendered, word):
    props = word.core_properties
    assert props.title == "Laporan Evaluasi Kinerja Triwulan IV Tahun 2024"
    assert "Kecamatan Towuti" in props.subject
    assert (props.author, props.language) == ("Kinerja", "id-ID")
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        assert package.testzip() is None
        names = package.namelist()
        assert "docProps/thumbnail.jpeg" not in names
        for name in names:
            if name.endswith((".xml", ".rels")):
                assert b">None<" not in package.read(name), name
                assert b'"None"' not in package.read(name), name


def test_letterhead_keeps_the_first_bab_on_page_one():
    document = Document("Perjanjian Kinerja Tahun 2025", "pk", "Kecamatan Towuti")
    document.kop = ("PEMERINTAH KABUPATEN LUWU TIMUR", "KECAMATAN TOWUTI", "Jl. Poros Towuti")
    document.logo = b"<svg xmlns='http://www.w3.org/2000/svg'/>"  # not a Word image: left out
    document.add(Heading("PERJANJIAN KINERJA TAHUN 2025", 1), Paragraph.of("Isi."), TREE)
    word = docx.Document(io.BytesIO(DocxExporter().render(document)))
    kop = word.tables[0]
    assert [p.text for p in kop.rows[0].cells[0].paragraphs] == list(document.kop)
    heading = next(p for p in word.paragraphs if p.style.name == "Heading 1")
    assert heading.paragraph_format.page_break_before is False
    assert len(word.inline_shapes) == 0
    section = word.sections[0]
    assert " PAGE " in section.first_page_footer._element.xml  # no cover: page 1 numbered


def test_spans_in_body_rows_and_adjacent_tables_stay_apart():
    spanned = Table(
        header=((Cell("A"), Cell("B"), Cell("C")),),
        rows=(
            Row((Cell("x", rowspan=2), Cell("y", colspan=2))),
            Row((Cell("1"), Cell("2"))),
        ),
    )
    document = Document("Tabel", "lkjip", "Unit").add(spanned, spanned, PageBreak(), spanned)
    word = docx.Document(io.BytesIO(DocxExporter().render(document)))
    assert len(word.tables) == 3  # a paragraph between adjacent tables keeps them apart
    assert grid(word.tables[0]) == [["A", "B", "C"], ["x", "y", "y"], ["x", "1", "2"]]
    breaks = [p for p in word.paragraphs if p.paragraph_format.page_break_before]
    assert len(breaks) == 1 and breaks[0].style.name == "Spacer"
