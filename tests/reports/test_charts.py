"""Charts drawn from the report model: SVG, PDF and PNG, Indonesian labels, same bytes twice."""

import html
import io
import re
import threading
from decimal import Decimal

import matplotlib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from kinerja.reports import charts
from kinerja.reports.charts import CHART_SIZE_INCHES, render_png, render_svg
from kinerja.reports.document import Chart, Series


def _chart(kind="bar", value_format="angka") -> Chart:
    return Chart(
        kind=kind,
        title="Target dan Realisasi Indikator Kinerja Utama per Triwulan Tahun 2024",
        categories=("TW I", "TW II", "TW III", "TW IV"),
        series=(
            Series("Target", (Decimal(25), Decimal(50), Decimal(75), Decimal(100))),
            Series("Realisasi", (Decimal("20.5"), Decimal("48.25"), None, Decimal("80.10"))),
        ),
        x_label="Triwulan",
        y_label="Persen (%)",
        value_format=value_format,
    )


def _budget() -> Chart:
    return Chart(
        kind="barh",
        title="Serapan Anggaran per Program",
        categories=(
            "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
        ),
        series=(
            Series("Pagu", (Decimal("4094740600"), Decimal("850000000"))),
            Series("Realisasi", (Decimal("3800000000.50"), None)),
        ),
        value_format="rupiah",
    )


@pytest.mark.parametrize("kind", ["bar", "line", "barh"])
def test_svg_is_an_svg_document_with_indonesian_labels(kind):
    svg = render_svg(_chart(kind))
    assert svg.startswith((b"<?xml", b"<svg")) and b"</svg>" in svg
    texts = _texts(svg)
    for label in ("80,10", "48,25", "20,50"):  # comma decimal, shared places: never "80.1"
        assert label in texts
    assert not any("80.1" in t or "48.25" in t for t in texts)


def _texts(svg: bytes) -> list[str]:
    """The texts of the SVG: real ``<text>`` elements (``svg.fonttype = none``)."""
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg.decode())]


def test_title_is_left_to_the_caption_not_drawn():
    texts = _texts(render_svg(_chart()))
    assert "Triwulan" in texts and "Persen (%)" in texts  # the axes are labelled
    assert not any("Indikator Kinerja Utama" in t for t in texts)


def test_none_value_is_labelled_with_a_dash():
    assert "–".encode() in render_svg(_chart("bar"))


def test_percent_and_rupiah_formats():
    assert b"80,10%" in render_svg(_chart(value_format="persen"))
    svg = render_svg(_budget())
    assert b"Rp 4.094.740.600" in svg and b"Rp 3.800.000.001" in svg
    assert b"Rp 4 M" in svg  # compact ticks: miliar


def test_same_chart_gives_the_same_bytes():
    assert render_svg(_chart()) == render_svg(_chart())
    assert render_png(_chart(), dpi=50) == render_png(_chart(), dpi=50)


@pytest.mark.parametrize("dpi", [100, 200])
def test_png_size_is_dpi_times_chart_size(dpi):
    png = render_png(_chart(), dpi=dpi)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = Image.open(io.BytesIO(png)).size
    assert (width, height) == (round(CHART_SIZE_INCHES[0] * dpi), round(CHART_SIZE_INCHES[1] * dpi))


@pytest.mark.parametrize(
    "chart", [_chart(), _budget(), _chart("line")], ids=["bar", "barh", "line"]
)
def test_png_is_matplotlibs_own_picture_in_rgb(chart):
    """The PNG is written as RGB, not matplotlib's RGBA: the same pixels (a chart is
    opaque), a smaller file."""
    with charts._LOCK, matplotlib.rc_context(charts._RC):
        own = io.BytesIO()
        charts._new_figure(chart, 60).savefig(own, format="png", dpi=60, facecolor="white")
    matplotlibs, ours = Image.open(own), Image.open(io.BytesIO(render_png(chart, dpi=60)))
    assert (matplotlibs.mode, ours.mode) == ("RGBA", "RGB")
    assert matplotlibs.getextrema()[3] == (255, 255)  # no pixel is transparent
    assert ours.tobytes() == matplotlibs.convert("RGB").tobytes()
    assert round(ours.info["dpi"][0]) == 60


def test_default_png_resolution_is_200_dpi():
    width, _ = Image.open(io.BytesIO(render_png(_budget()))).size
    assert width == round(CHART_SIZE_INCHES[0] * 200)


def test_empty_and_single_series_charts_render():
    empty = Chart("bar", "Kosong", ("TW I",), (Series("Realisasi", (None,)),))
    assert render_svg(empty).startswith(b"<?xml")
    assert render_png(Chart("line", "", (), ()), dpi=30).startswith(b"\x89PNG")


def test_threads_render_without_interfering():
    expected = render_svg(_chart())
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(render_svg(_chart()))) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


@pytest.mark.parametrize("beside", [False, True], ids=["every-core", "one-core-left"])
def test_prerendered_charts_are_the_ones_drawn_here(beside):
    from kinerja.reports import charts as module

    many = [
        Chart("bar", f"Grafik {i}", ("TW I", "TW II"), (Series("Realisasi", (Decimal(i), None)),))
        for i in range(1, 15)
    ]
    module._CACHE.clear()
    module.prerender(many, "png", 40, beside=beside)  # returns at once; workers draw
    drawn = [render_png(c, dpi=40) for c in many]
    module._CACHE.clear()
    assert drawn == [module._draw_job((c, "png", 40)) for c in many]
    assert not module._PENDING


def test_the_pdf_chart_is_one_vector_page_of_the_chart_size_with_its_text():
    from pypdf import PdfReader

    from kinerja.reports.charts import render_pdf

    data = render_pdf(_chart())
    page = PdfReader(io.BytesIO(data)).pages[0]
    width, height = (inches * 72 for inches in CHART_SIZE_INCHES)
    assert float(page.mediabox.width) == pytest.approx(width)
    assert float(page.mediabox.height) == pytest.approx(height)
    assert not page.images  # drawn, not a picture
    text = page.extract_text()
    assert all(label in text for label in ("TW I", "80,10", "48,25", "Persen (%)", "–"))
    assert render_pdf(_chart()) == data  # same chart, same bytes


def _pdf_fonts(data: bytes) -> list[dict]:
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(data)).pages[0]
    return [font.get_object() for font in page["/Resources"]["/Font"].values()]


def test_pdf_chart_text_is_in_the_standard_helvetica_and_embeds_no_font(caplog):
    """Helvetica: every reader has it and draws it evenly spaced; no warning that
    matplotlib's Helvetica is 'Medium' reaches the console."""
    from matplotlib import font_manager

    from kinerja.reports import charts as module

    font_manager.fontManager._findfont_cached.cache_clear()  # the warning comes once a process
    with caplog.at_level("WARNING"):
        data = module._draw_job((_budget(), "pdf", 72))
    fonts = _pdf_fonts(data)
    assert {f["/BaseFont"] for f in fonts} == {"/Helvetica"}
    assert all("/FontDescriptor" not in f for f in fonts)  # nothing embedded
    assert not [r for r in caplog.records if "Helvetica" in r.getMessage()]


def test_pdf_chart_text_helvetica_cannot_write_embeds_its_glyphs():
    from pypdf import PdfReader

    from kinerja.reports.charts import render_pdf

    chart = Chart(
        "bar",
        "Indikator",
        ("TW I", "TW II"),
        (Series("Target ≥ 90", (Decimal(90), Decimal(95))),),
        y_label="Persen (%)",
    )
    data = render_pdf(chart)
    assert {f["/Subtype"] for f in _pdf_fonts(data)} == {"/Type3"}
    assert "Target ≥ 90" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


_VALUES = st.one_of(
    st.none(),
    st.decimals(min_value=-500, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
)
_INDICATOR_CHARTS = st.builds(
    lambda target, realisasi, satuan, value_format: Chart(
        "bar",
        "Indikator",
        ("TW I", "TW II", "TW III", "TW IV"),
        (Series("Target", tuple(target)), Series("Realisasi", tuple(realisasi))),
        "Triwulan",
        satuan,
        value_format=value_format,
    ),
    st.lists(_VALUES, min_size=4, max_size=4),
    st.lists(_VALUES, min_size=4, max_size=4),
    st.sampled_from(["Dokumen", "Orang", "Persen (%)", "Indeks kepuasan masyarakat"]),
    st.sampled_from(["angka", "persen"]),
)


@settings(max_examples=12, deadline=None)
@given(st.lists(_INDICATOR_CHARTS, min_size=2, max_size=3), st.sampled_from(["png", "svg", "pdf"]))
def test_a_kept_figure_draws_the_same_bytes_as_a_new_one(drawn, fmt):
    """The indicator charts are drawn one after another on one kept figure: each must come
    out byte for byte as if drawn on a new figure, whatever the chart before it showed."""
    from kinerja.reports import charts as module

    dpi = 30 if fmt == "png" else 72
    module._KEPT.clear()
    kept = [module._draw_job((c, fmt, dpi)) for c in drawn]
    for chart, data in zip(drawn, kept, strict=True):
        module._KEPT.clear()
        assert module._draw_job((chart, fmt, dpi)) == data


def test_a_count_of_one_is_ticked_0_and_1():
    """1 Laporan a quarter: the value axis says 0 and 1, never 0,2 or 0,4 of a report."""
    ones = tuple(Decimal(1) for _ in range(4))
    chart = Chart(
        kind="bar",
        title="Jumlah laporan",
        categories=("TW I", "TW II", "TW III", "TW IV"),
        series=(Series("Target", ones), Series("Realisasi", ones)),
        x_label="Triwulan",
        y_label="Laporan",
    )
    texts = _texts(render_svg(chart))
    assert not [t for t in texts if re.fullmatch(r"\d+,\d+", t)]
    assert {"0", "1"} <= set(texts)
