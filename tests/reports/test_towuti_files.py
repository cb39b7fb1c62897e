"""The Towuti Q4 report written as DOCX and PDF: both open, both carry the same figures."""

import io
import re

import docx
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from kinerja.reports.builders import build_report
from kinerja.reports.document import Signature
from kinerja.reports.exporters import get_exporter

from .conftest import TANGGAL

pytestmark = pytest.mark.django_db

NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})*(?:,\d+)?(?![\w])")


@pytest.fixture(scope="module")
def files(towuti, django_db_blocker):
    with django_db_blocker.unblock():
        doc = build_report("triwulan", towuti, 2024, 4, TANGGAL)
    return doc, get_exporter("docx").render(doc), get_exporter("pdf").render(doc)


def docx_table_numbers(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    numbers = []
    for table in document.tables:
        for row in table.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell appears once per grid column
                    continue
                seen.add(id(cell._tc))
                numbers += NUMBER.findall(cell.text)
    return numbers


def is_subsequence(needles: list[str], haystack: list[str]) -> tuple[bool, int]:
    it = iter(haystack)
    for i, n in enumerate(needles):
        if not any(n == h for h in it):
            return False, i
    return True, len(needles)


def test_docx_opens_with_real_tables_styles_and_pictures(files):
    doc, data, _ = files
    document = docx.Document(io.BytesIO(data))
    signatures = sum(isinstance(b, Signature) for b in doc.blocks)  # laid out as tables
    assert len(document.tables) == len(doc.tables()) + signatures
    assert len(document.inline_shapes) == len(doc.charts())
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= styles
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert {"105,78", "93,75", "4.094.740.600,00", "3.623.393.162,00", "88,49"} <= cells


SUB_KEGIATAN = "7.01.04.2.01.0002 Harmonisasi Hubungan Dengan Tokoh Agama dan Tokoh Masyarakat"


def test_a_sub_kegiatan_title_is_a_level_5_heading_in_both_files(files):
    """Sasaran, program, kegiatan, sub kegiatan: each title is a heading of its level, so a
    sub kegiatan is in the navigation pane and the PDF bookmarks, never a bold sentence
    (justified, indented, hyphenated) in the body text."""
    _, data, pdf = files
    document = docx.Document(io.BytesIO(data))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles[SUB_KEGIATAN] == "Heading 5"

    def titles(outline):
        for item in outline:
            yield from titles(item) if isinstance(item, list) else (item.title,)

    assert SUB_KEGIATAN in set(titles(PdfReader(io.BytesIO(pdf)).outline))


def test_a_paragraph_introducing_a_table_stays_on_its_page(files):
    """ "… beserta rencana aksi dan progres tindak lanjutnya:" and the matrix after it are on
    one page of the PDF (the heading with them), and the DOCX keeps the paragraph with it."""
    doc, data, pdf = files
    intro = "Rekomendasi hasil evaluasi kinerja beserta rencana aksi dan progres tindak"
    index = next(i for i, b in enumerate(doc.blocks) if getattr(b, "text", "").startswith(intro))
    assert doc.keeps_with_next(index) and not doc.keeps_with_next(index + 1)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    page = next(p for p in pages if intro in p)
    assert "Matriks Rencana Aksi Tindak Lanjut" in page and "D. Matriks Tindak Lanjut" in page
    paragraph = next(p for p in docx.Document(io.BytesIO(data)).paragraphs if intro in p.text)
    assert paragraph.paragraph_format.keep_with_next


def test_the_budget_table_indents_names_and_keeps_codes_in_one_column(files):
    """Program, kegiatan, sub kegiatan and belanja: the Uraian is indented by level, the
    Kode never (a long sub kegiatan code fits its column instead of wrapping)."""
    doc, data, _ = files
    table = next(
        t for t in doc.tables() if t.caption.startswith("Tabel 3.") and "Anggaran" in t.caption
    )
    assert {table.indented(r) for r in table.rows if r.level} == {1}
    grid = next(
        t for t in docx.Document(io.BytesIO(data)).tables if t.rows[0].cells[0].text == "Kode"
    )
    sub = next(r for r in grid.rows if r.cells[0].text == "7.01.01.2.01.0003")
    code, name = (c.paragraphs[0].paragraph_format.left_indent for c in sub.cells[:2])
    assert not code and name > 0


def test_short_table_labels_are_never_hyphenated(files):
    """Tingkat, satuan and predikat cells hold their words: "Sub kegiatan", "Dokumen",
    "Sangat / Memuaskan", never "Sub kegiat- / an", "Doku- / men" or "Memu- / askan"
    (WeasyPrint hyphenates with U+2010; body text may still hyphenate "Dokumen")."""
    _, _, pdf = files
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Sub kegiatan" in text and "Sangat\nMemuaskan" in text
    assert not re.search(r"\n(?:Sub kegiat|Doku|Memu)[a-z]*[-\u2010]\n", text)


def test_no_word_is_broken_letter_by_letter(files):
    """A column wide enough for every short label: "Dokumen", "Indeks", never "Dokume / n"
    or "Indek / s", cut where a narrow column ends (a hyphenated "Satu- / an" is fine)."""
    _, _, pdf = files
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    broken = re.compile(r"^.*[^-\u2010\n]\n[a-z]{1,2}$", re.MULTILINE)
    assert broken.search("Dokume\nn") and not broken.search("Satu\u2010\nan")
    assert not broken.findall(text)


def test_pdf_opens_pages_numbered_with_bookmarks(files):
    _, _, data = files
    reader = PdfReader(io.BytesIO(data))
    pages = len(reader.pages)
    assert pages > 20
    assert f"Halaman 2 dari {pages}" in reader.pages[1].extract_text()
    words = [len(page.extract_text().split()) for page in reader.pages]
    blank = [i + 1 for i, n in enumerate(words) if n < 20 and i > 0]  # page 1: the cover
    assert not blank, f"halaman kosong: {blank}"  # header and footer alone are 14 words
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "BAB III AKUNTABILITAS KINERJA" in titles


def test_every_chart_is_drawn_in_the_pdf_on_the_page_of_its_caption(files):
    from .test_pdf_export import chart_boxes

    doc, _, pdf = files
    pages = [(p.extract_text(), len(chart_boxes(p))) for p in PdfReader(io.BytesIO(pdf)).pages]
    assert sum(n for _, n in pages) == len(doc.charts())
    for chart in doc.charts():
        start = " ".join(chart.caption.split()[:3])  # "Grafik 3.19 Target": never wrapped
        assert any(start in text and n for text, n in pages), chart.caption


def test_docx_and_pdf_carry_the_same_figures(files):
    _, docx_data, pdf_data = files
    in_docx = docx_table_numbers(docx_data)
    reader = PdfReader(io.BytesIO(pdf_data))
    in_pdf = NUMBER.findall("\n".join(p.extract_text() for p in reader.pages))
    assert len(in_docx) > 1500
    ok, at = is_subsequence(in_docx, in_pdf)
    assert ok, f"angka tabel DOCX ke-{at} ({in_docx[at]}) tidak ada di PDF pada urutan yang sama"


def test_laporan_command_writes_the_files(towuti, tmp_path, django_db_blocker, capsys):
    with django_db_blocker.unblock():
        call_command(
            "laporan",
            "--unit",
            "towuti",
            "--tahun",
            "2024",
            "--jenis",
            "pk",
            "--format",
            "docx",
            "--keluaran",
            str(tmp_path),
        )
    written = tmp_path / "towuti-perjanjian-kinerja-2024.docx"
    assert written.exists()
    out = capsys.readouterr().out
    assert str(written) in out
    assert list(tmp_path.iterdir()) == [written]  # no partial file left behind
    # what the sample lacks, which the PK shows: a name and NIP to sign, its signing date
    assert "Data yang belum lengkap (tampak di laporan):" in out
    assert "  - Nama dan NIP kepala Kecamatan Towuti belum diisi" in out
    assert "  - Tanggal penandatanganan Perjanjian Kinerja 2024 belum diisi" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "tidak-ada"], "kode 'tidak-ada' tidak ada"),
        (["--unit", "towuti", "--format", "odt"], "Format 'odt' tidak dikenal"),
        (["--unit", "towuti", "--tanggal", "20-01-2025"], "Tanggal '20-01-2025' tidak valid"),
    ],
)
def test_laporan_command_refuses_bad_input(towuti, tmp_path, django_db_blocker, args, message):
    with django_db_blocker.unblock(), pytest.raises(CommandError, match=message):
        call_command("laporan", *args, "--tahun", "2024", "--keluaran", str(tmp_path))
