"""The HTML page and the PDF of a hand-made report: layout features read back with pypdf."""

import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from kinerja.reports.charts import CHART_SIZE_INCHES
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
from kinerja.reports.exporters import get_exporter
from kinerja.reports.html_render import render_html
from kinerja.reports.pdf_export import PdfExporter

TRICKY = 'Catatan: nilai <script>alert("x")</script> & "kutip" < 5'


def _long_table(n: int = 90) -> Table:
    rows = []
    for i in range(1, n + 1):
        level = (i - 1) % 3
        rows.append(
            Row(
                (
                    Cell(f"{i}", align="center"),
                    Cell(f"Sub Kegiatan Penyelenggaraan Pelayanan Nomor {i}"),
                    Cell(f"{i * 1_000_000:,}".replace(",", ".") + ",00", align="right"),
                    Cell(f"{100 - i / 10:.2f}".replace(".", ","), align="right"),
                ),
                level=level,
                bold=level == 0,
            )
        )
    rows.append(
        Row(
            (
                Cell("Jumlah", colspan=2, bold=True),
                Cell("4.094.740.600,00", Decimal("4094740600"), "right"),
                Cell("105,78", Decimal("105.78"), "right"),
            ),
            shade=True,
            bold=True,
        )
    )
    return Table(
        header=(
            (Cell("No", rowspan=2), Cell("Uraian", rowspan=2), Cell("Anggaran", colspan=2)),
            (Cell("Pagu (Rp)"), Cell("Capaian (%)")),
        ),
        rows=tuple(rows),
        caption="Tabel 2.1 Realisasi Anggaran per Sub Kegiatan",
        notes=("– tidak ada target", TRICKY),
        widths=(6, 54, 22, 18),
    )


def _chart() -> Chart:
    return Chart(
        kind="bar",
        title="Target dan Realisasi Indikator per Triwulan",
        categories=("TW I", "TW II", "TW III", "TW IV"),
        series=(
            Series("Target", (Decimal(25), Decimal(50), Decimal(75), Decimal(100))),
            Series("Realisasi", (Decimal("20.5"), Decimal("48.25"), None, Decimal("80.10"))),
        ),
        x_label="Triwulan",
        y_label="Persen (%)",
        caption="Grafik 2.1 Target dan Realisasi per Triwulan",
    )


def sample_document() -> Document:
    sig = Signature(
        "Towuti, 20 Januari 2025",
        "CAMAT TOWUTI",
        "Andi Baso, S.STP., M.Si.",
        "198001012005011001",
        "Pembina Tk. I (IV/b)",
    )
    body = "Laporan ini menyajikan capaian kinerja kecamatan secara ringkas dan terukur. " * 4
    return Document(
        title="Laporan Evaluasi Kinerja Triwulan IV Tahun 2024",
        kind="triwulan",
        unit="Kecamatan Towuti",
    ).add(
        Cover(
            ("Laporan Evaluasi Kinerja", "Triwulan IV Tahun 2024"),
            ("Pemerintah Kabupaten Luwu Timur", "Kecamatan Towuti"),
            "2025",
        ),
        TableOfContents(),
        Heading("BAB I Pendahuluan", 1),
        Heading("1.1 Latar Belakang", 2),
        Paragraph((Run(body), Run("Penting: ", bold=True), Run("miring.", italic=True))),
        Paragraph.of(TRICKY),
        Paragraph.of("Capaian = Realisasi / Target × 100%", "formula"),
        BulletList(("Indikator pertama", "Indikator kedua")),
        BulletList(("Langkah satu", "Langkah dua"), ordered=True),
        Paragraph.of("Sumber: data olahan", "note"),
        Heading("BAB II Capaian Kinerja", 1),
        Heading("2.1 Realisasi Anggaran", 2),
        Heading("2.1.1 Rincian", 3),
        _long_table(),
        _chart(),
        Paragraph.of("Grafik di atas memperlihatkan tren.", "caption"),
        PageBreak(),
        Paragraph.of("Demikian laporan ini disusun.", "center"),
        sig,
        SignaturePair(sig, Signature("Malili, 2 Januari 2025", "BUPATI LUWU TIMUR", "Budiman")),
    )


@pytest.fixture(scope="module")
def pdf() -> PdfReader:
    return PdfReader(io.BytesIO(PdfExporter().render(sample_document())))


def test_exporter_is_registered():
    pytest.importorskip("kinerja.reports.docx_export")  # get_exporter loads both exporters
    exporter = get_exporter("pdf")
    assert isinstance(exporter, PdfExporter)
    assert (exporter.extension, exporter.media_type) == ("pdf", "application/pdf")


def test_pages_have_page_x_of_y_but_not_the_cover(pdf):
    n = len(pdf.pages)
    assert n >= 5  # cover, contents, BAB I, BAB II with a 3-page table
    assert "Halaman" not in pdf.pages[0].extract_text()
    assert f"Halaman 2 dari {n}" in pdf.pages[1].extract_text()
    assert f"Halaman {n} dari {n}" in pdf.pages[-1].extract_text()


def test_running_header_from_page_two(pdf):
    assert "Laporan Evaluasi Kinerja Triwulan IV" in pdf.pages[2].extract_text()


def test_long_table_flows_over_three_pages_with_repeated_header(pdf):
    pages = [p.extract_text() for p in pdf.pages]
    with_rows = [t for t in pages if "Sub Kegiatan Penyelenggaraan" in t]
    assert len(with_rows) >= 3
    assert all("Pagu (Rp)" in t for t in with_rows)


def test_a_parent_row_never_ends_a_page_apart_from_its_first_child():
    """A bold row of a tree (a parent: every other row here) stays with the row after it."""
    rows = tuple(
        Row((Cell(f"Baris {i}"), Cell(f"{i},00", align="right")), bold=i % 2 == 0, level=1 - i % 2)
        for i in range(1, 161)
    )
    table = Table(header=((Cell("Uraian"), Cell("Nilai")),), rows=rows, caption="Pohon")
    doc = Document(title="Uji", kind="triwulan", unit="Uji", blocks=[table])
    reader = PdfReader(io.BytesIO(get_exporter("pdf").render(doc)))
    last_rows = [int(re.findall(r"Baris (\d+)", p.extract_text())[-1]) for p in reader.pages]
    assert len(last_rows) >= 3
    assert all(n % 2 == 1 for n in last_rows[:-1]), last_rows  # a child row ends each page


def test_numbers_appear_exactly_as_the_cells_text(pdf):
    text = "\n".join(p.extract_text() for p in pdf.pages)
    for figure in ("4.094.740.600,00", "105,78", "90.000.000,00", "99,90"):
        assert figure in text


def test_outline_has_the_headings_and_metadata_title(pdf):
    def titles(items):
        for item in items:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield item.title

    outline = list(titles(pdf.outline))
    for heading in (
        "BAB I Pendahuluan",
        "1.1 Latar Belakang",
        "BAB II Capaian Kinerja",
        "2.1.1 Rincian",
        "DAFTAR ISI",
    ):
        assert heading in outline
    assert pdf.metadata.title == "Laporan Evaluasi Kinerja Triwulan IV Tahun 2024"


def test_table_of_contents_gives_page_numbers(pdf):
    toc = pdf.pages[1].extract_text()
    bab2_page = next(
        i
        for i, p in enumerate(pdf.pages, 1)
        if "BAB II CAPAIAN KINERJA" in p.extract_text() and i > 2
    )
    assert re.search(rf"BAB II CAPAIAN KINERJA[ .]*{bab2_page}\b", toc)
    assert re.search(r"2\.1\.1 Rincian[ .]*\d+", toc)


def test_html_is_standalone_and_escaped():
    html = render_html(sample_document())
    assert html.startswith("<!DOCTYPE html>") and '<html lang="id">' in html
    assert "<script>" not in html
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;kutip&quot; &lt; 5" in html
    )
    assert "http://" not in html and "https://" not in html
    assert html.count("data:image/svg+xml;base64,") == 1
    assert 'href="#h-1"' in html and 'id="h-1"' in html


def test_screen_html_has_no_paged_media():
    html = render_html(sample_document(), for_print=False)
    assert "@page" not in html and "running-header" not in html


def test_signature_omits_empty_lines():
    doc = Document("T", "pk", "U").add(Signature("Towuti, 1 Januari 2025", "CAMAT", "Andi"))
    html = render_html(doc)
    assert "NIP." not in html and "sig-pangkat" not in html and "Andi" in html


def test_logo_and_kop_render():
    png = b"\x89PNG\r\n\x1a\n" + bytes(32)
    doc = Document("T", "pk", "U", kop=("PEMERINTAH", "KECAMATAN"), logo=png)
    doc.add(Cover(("JUDUL",), ("ORG",)))
    html = render_html(doc)
    assert html.count("data:image/png;base64,") == 2


def test_concurrent_renders_leave_the_collector_as_they_found_it():
    import gc
    import threading

    from kinerja.reports.pdf_export import RENDER_GC_THRESHOLD

    before = gc.get_threshold()
    seen = []
    document = Document(title="Uji", kind="triwulan", unit="Kecamatan Uji").add(
        Paragraph.of("Isi.")
    )

    def render():
        seen.append(PdfExporter().render(document)[:5])

    threads = [threading.Thread(target=render) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == [b"%PDF-"] * 3
    assert gc.get_threshold() == before != RENDER_GC_THRESHOLD
    assert gc.get_freeze_count() == 0  # what a render froze is scanned again


def test_the_chart_is_drawn_into_the_pdf_as_text_and_vectors(pdf):
    """The chart is drawn where WeasyPrint laid out its empty image: its axis labels,
    ticks and value labels are text of the page (not a picture), and its name is not."""
    page = next(p.extract_text() for p in pdf.pages if "Grafik 2.1" in p.extract_text())
    chart_text = ["TW I", "TW IV", "Triwulan", "Persen (%)", "48,25", "80,10", "Target Realisasi"]
    assert all(text in page for text in chart_text)
    assert all("kinerja-grafik" not in p.extract_text() for p in pdf.pages)


def chart_boxes(page) -> list[tuple[float, ...]]:
    """Where a PDF page draws a chart: (x, y, width, height) in points from the bottom left,
    from the matrix that places each chart's form (a chart-sized /BBox) on the page."""
    from pypdf.generic import ContentStream

    width, height = (round(inches * 72, 2) for inches in CHART_SIZE_INCHES)
    forms = {  # WeasyPrint's pages share one /Resources: the page's own are those it draws
        name
        for name, form in page["/Resources"].get("/XObject", {}).items()
        if [round(float(v), 2) for v in form.get_object().get("/BBox", ())] == [0, 0, width, height]
    }
    boxes, matrix = [], None
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"cm":
            matrix = [float(v) for v in operands]
        elif operator == b"Do" and operands[0] in forms:
            a, _, _, d, e, f = matrix
            boxes.append((e, f, a * width, d * height))
    return boxes


def test_the_chart_fills_its_place_above_its_caption(pdf):
    """The chart is drawn where WeasyPrint laid out its image: the text width of the page
    (3 cm binding margin, 2,5 cm on the right), just above its caption, its shape kept."""
    number, page = next((i, p) for i, p in enumerate(pdf.pages) if "Grafik 2.1" in p.extract_text())
    [(x, y, width, height)] = chart_boxes(page)
    cm = 72 / 2.54
    assert x == pytest.approx(3 * cm, abs=0.5)
    assert x + width == pytest.approx(float(page.mediabox.width) - 2.5 * cm, abs=0.5)
    assert width / height == pytest.approx(CHART_SIZE_INCHES[0] / CHART_SIZE_INCHES[1])
    lines = []

    def visit(text, cm_, tm, _font, _size):  # a text's origin: text matrix × current matrix
        lines.append((tm[4] * cm_[1] + tm[5] * cm_[3] + cm_[5], text))

    page.extract_text(visitor_text=visit)
    caption = next(line_y for line_y, text in lines if "Grafik 2.1" in text)
    assert 0 < y - caption < 1.5 * cm  # the caption right under the chart
    assert all(not chart_boxes(p) for i, p in enumerate(pdf.pages) if i != number)


def test_the_same_report_gives_the_same_bytes():
    assert PdfExporter().render(sample_document()) == PdfExporter().render(sample_document())


def test_a_report_fetches_nothing_but_its_own_charts_and_data_uris():
    from kinerja.reports.pdf_export import _report_fetcher

    fetcher = _report_fetcher()
    fetch = fetcher.fetch
    for url in ("file:///etc/passwd", "http://example.org/logo.png", "kinerja-grafik:0"):
        with pytest.raises(ValueError):
            fetch(url)


def _lines(page) -> list[tuple[float, float, str]]:
    """Each piece of text on ``page`` with its origin (x, y): text matrix × current matrix."""
    found = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            found.append((x, tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

    page.extract_text(visitor_text=visit)
    return found


def test_a_long_unit_name_keeps_the_running_header_on_the_page():
    """Title and unit both wrap (the unit in at most 40 % on the right): no line is pushed
    off the top of the page, as a long dinas name did when the unit never wrapped; the header
    takes no room from the text, which starts as high as on the first page."""
    unit = (
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
        "Berencana"
    )
    doc = Document("Laporan Evaluasi Kinerja Triwulan IV Tahun 2024", "triwulan", unit)
    doc.add(Paragraph.of("Halaman pertama.")).add(PageBreak()).add(Paragraph.of("Halaman kedua."))
    first, second = PdfReader(io.BytesIO(PdfExporter().render(doc))).pages
    top = float(second.mediabox.top)
    margin = top - 2.6 * 72 / 2.54
    header = [(x, y, text) for x, y, text in _lines(second) if y > margin]
    assert header and all(y < top for _, y, _ in header)
    words = " ".join(text for _, _, text in header)
    assert "Laporan Evaluasi" in words and "Tahun 2024" in words and "Keluarga" in words
    title_x = min(x for x, _, text in header if "Laporan" in text)
    unit_x = min(x for x, _, text in header if "Dinas" in text)
    assert unit_x - title_x > 0.55 * float(second.mediabox.width - 5.5 * 72 / 2.54)

    def body_y(page, words):
        return next(y for _, y, text in _lines(page) if words in text)

    assert body_y(second, "Halaman kedua") == pytest.approx(body_y(first, "Halaman pertama"))
    assert not [text for _, y, text in _lines(first) if y > margin]  # no header on page 1


def test_the_running_header_names_the_unit_once():
    """As in the DOCX: the unit beside the title only when the title does not name it."""
    named = Document("Laporan Kinerja Kecamatan Towuti 2024", "lkjip", "Kecamatan Towuti")
    assert named.running_unit == ""
    assert Document("Perjanjian Kinerja 2024", "pk", "Kecamatan Towuti").running_unit
    named.add(Paragraph.of("Satu.")).add(PageBreak()).add(Paragraph.of("Dua."))
    text = PdfReader(io.BytesIO(PdfExporter().render(named))).pages[1].extract_text()
    assert text.count("Kecamatan Towuti") == 1
