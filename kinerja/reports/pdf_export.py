"""PDF export: the report's HTML (:mod:`kinerja.reports.html_render`) laid out by WeasyPrint.

Print design lives in ``reports/css/print.css``: A4 with a 3 cm binding margin, running
header with the document title from page 2, "Halaman X dari Y" footer (not on the
cover), BAB headings on a new page, PDF bookmarks from the headings, a table of contents
with page numbers, table headers repeated on every page and rows that never split.
"""

from __future__ import annotations

import gc
import io
import re
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from xml.etree import ElementTree

import cssselect2
import pikepdf
from weasyprint import CSS, HTML
from weasyprint.html import UA, UA_COUNTER_STYLE
from weasyprint.urls import URLFetcher, URLFetcherResponse

from kinerja.reports import charts
from kinerja.reports.document import Chart, Document
from kinerja.reports.exporters import register
from kinerja.reports.html_render import CHART_ID, render_html

__all__ = ["PdfExporter"]


class PdfExporter:
    format = "pdf"
    extension = "pdf"
    media_type = "application/pdf"

    def render(self, document: Document) -> bytes:
        placed = document.charts()  # the n-th is the image with the id CHART_ID + n
        charts.prerender(placed, "pdf", beside=True)  # drawn while WeasyPrint lays out
        html = render_html(document, for_print=True, chart_src=lambda _chart: CHART_SLOT)
        with _collect_less_often():
            laid_out = ReportHTML(html, url_fetcher=_report_fetcher()).render()
            pdf = laid_out.write_pdf()
            return _draw_charts(pdf, laid_out.pages, placed)


class ReportHTML(HTML):
    """A report's HTML for WeasyPrint, parsed by expat (:func:`xml_tree`) instead of by
    WeasyPrint's HTML5 parser: Towuti's 270 KB take 10 ms instead of 0,3 s (pure Python), a
    twentieth of its PDF. The element tree is the one the HTML parser builds, so the PDF is
    the same to the byte (tested). HTML that is not well-formed XML is parsed by WeasyPrint.
    Its user-agent stylesheet is WeasyPrint's, with pseudo-elements only where a report has
    them (:data:`REPORT_UA`).
    """

    def __init__(self, html: str, url_fetcher: URLFetcher):
        root = xml_tree(html)
        if root is None:
            super().__init__(string=html, url_fetcher=url_fetcher)
            return
        super().__init__(string="<html></html>", url_fetcher=url_fetcher)  # base URL, fetcher
        self.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
        self.etree_element = self.wrapper_element.etree_element

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [REPORT_UA, *super()._ua_stylesheets(forms)[1:]]


#: WeasyPrint's user-agent stylesheet with ``::marker`` for list items only and without the
#: footnote and note pseudo-elements (``::footnote-call`` …), which a report never has. As
#: written, for every element, they made WeasyPrint compute six styles for each of Towuti's
#: 5.600 elements: 35.000 styles where the elements themselves needed 1.100, a tenth of its
#: PDF. Where WeasyPrint's rules read otherwise, they are kept as they are.
REPORT_UA_TEXT = re.sub(
    r"^::marker \{",
    "li::marker {",
    re.sub(r"^::(footnote|note)-[a-z]+ \{[^}\n]*\}$", "", UA, flags=re.MULTILINE),
    flags=re.MULTILINE,
)
REPORT_UA = CSS(string=REPORT_UA_TEXT, counter_style=UA_COUNTER_STYLE)


def xml_tree(html: str) -> ElementTree.Element | None:
    """``html``'s element tree if it is well-formed XML once its void elements (``<br>``,
    ``<col>``, ``<img>``, ``<meta>``) are closed, else None. A report's templates write such
    markup, every text escaped by Django and cleaned by the report model (no control
    characters); an entity such as ``&nbsp;`` in a template, say, would not be XML."""
    try:
        root = ElementTree.fromstring(_VOID.sub(r"<\1\2/>", html))
    except ElementTree.ParseError:
        return None
    root.text = None  # as the HTML parser: no text before <head>
    return root


_VOID = re.compile(r"<(br|col|img|meta)\b([^>]*?)/?>")


#: The ``src`` of every chart's image in the report's HTML: an empty image of the chart's
#: size, which WeasyPrint lays out as it would the chart. Each chart is then drawn, as
#: matplotlib wrote it in PDF, into its image's place (:func:`_draw_charts`). WeasyPrint
#: drew SVG charts letter by letter: Towuti's 46 charts were a fifth of its PDF's time.
CHART_SLOT = "kinerja-grafik:kosong"
_WIDTH_PT, _HEIGHT_PT = (round(inches * 72, 2) for inches in charts.CHART_SIZE_INCHES)
_EMPTY_CHART = (
    f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH_PT}pt" height="{_HEIGHT_PT}pt" '
    f'viewBox="0 0 {_WIDTH_PT} {_HEIGHT_PT}"/>'
).encode()
_PT_PER_PX = 0.75  # WeasyPrint's positions are CSS pixels (1/96 in), PDF's are points


def _draw_charts(pdf: bytes, pages: list, placed: list[Chart]) -> bytes:
    """``pdf`` with each chart of ``placed`` drawn, as a form XObject of its own PDF named
    as its image (``/grafik-3``: the same report gives the same bytes), into the rectangle
    that WeasyPrint gave the image (``page.anchors``, in CSS pixels from the top left; PDF
    measures from the bottom left). The page's own drawing is wrapped in ``q … Q`` so that
    the charts start from the page's coordinates, whatever state it leaves."""
    if not placed:
        return pdf
    written = io.BytesIO()
    with ExitStack() as opened:  # a chart's PDF is read again when the report is saved
        out = opened.enter_context(pikepdf.open(io.BytesIO(pdf)))
        for page, target in zip(pages, out.pages, strict=True):
            spots = [(n, r) for n, r in page.anchors.items() if n.startswith(CHART_ID)]
            if not spots:
                continue
            target.contents_add(b"q\n", prepend=True)
            target.contents_add(b"Q\n")
            top = float(target.mediabox[3])
            for name, (x1, y1, x2, y2) in spots:
                chart = placed[int(name.removeprefix(CHART_ID)) - 1]
                drawn = opened.enter_context(pikepdf.open(io.BytesIO(charts.render_pdf(chart))))
                form = drawn.pages[0].as_form_xobject()
                named = target.add_resource(form, pikepdf.Name.XObject, pikepdf.Name("/" + name))
                where = pikepdf.Rectangle(
                    x1 * _PT_PER_PX, top - y2 * _PT_PER_PX, x2 * _PT_PER_PX, top - y1 * _PT_PER_PX
                )
                target.contents_add(target.calc_form_xobject_placement(form, named, where))
        out.save(written, deterministic_id=True)
    return written.getvalue()


#: Collector thresholds while WeasyPrint works: it allocates millions of small objects, and
#: with Python's default (700, 10, 10) the cyclic collector took about a quarter of a
#: 70-page report's time. With the older objects frozen (below), Towuti's PDF spent 0,54 s
#: collecting at (2 000, 10, 10), four full collections among 470, and 0,32 s at
#: (10 000, 10, 10), one among 100, at the same peak memory (274-278 MB): little of what
#: WeasyPrint leaves behind is cyclic garbage that must wait for a collection.
RENDER_GC_THRESHOLD = (10000, 10, 10)
_renders = 0
_renders_lock = threading.Lock()
_saved_threshold = gc.get_threshold()


@contextmanager
def _collect_less_often() -> Iterator[None]:
    """Raise the collector's thresholds for the time of a render, and leave the objects that
    lived before it out of the collector's scans (``gc.freeze``): every full collection
    during a render walked the whole process (Django, the sample, the chart cache: half a
    million objects), which cost the Towuti PDF about a fifth of its time. Only the render's
    own objects are scanned, so its garbage is freed as before. The first render to start
    saves the thresholds, collects (the garbage of an earlier render, e.g. its whole layout
    tree, must not be frozen with the rest and kept through this one) and freezes; the last
    to end restores the thresholds and unfreezes (thread safe: what is frozen is the heap
    at the first start, never more)."""
    global _renders, _saved_threshold
    with _renders_lock:
        if _renders == 0:
            _saved_threshold = gc.get_threshold()
            gc.set_threshold(*RENDER_GC_THRESHOLD)
            gc.collect()
            gc.freeze()
        _renders += 1
    try:
        yield
    finally:
        with _renders_lock:
            _renders -= 1
            if _renders == 0:
                gc.unfreeze()
                gc.set_threshold(*_saved_threshold)


def _report_fetcher() -> URLFetcher:
    """The charts' empty images and data URIs (the logo): never a file or a URL."""

    class ReportFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url == CHART_SLOT:
                return URLFetcherResponse(url, _EMPTY_CHART, headers={"Content-Type": _SVG})
            return super().fetch(url, headers)

    return ReportFetcher(allowed_protocols=("data",))


_SVG = "image/svg+xml"


register(PdfExporter())
