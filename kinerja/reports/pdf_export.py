"""PDF export: the report's HTML (:mod:`kinerja.reports.html_render`) laid out by WeasyPrint.

Print design lives in ``reports/css/print.css``: A4 with a 3 cm binding margin, running
header with the document title from page 2, "Halaman X dari Y" footer (not on the
cover), BAB headings on a new page, PDF bookmarks from the headings, a table of contents
with page numbers, table headers repeated on every page and rows that never split.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from weasyprint import HTML

from kinerja.reports import charts
from kinerja.reports.document import Chart, Document
from kinerja.reports.exporters import register
from kinerja.reports.html_render import render_html

__all__ = ["PdfExporter"]


class PdfExporter:
    format = "pdf"
    extension = "pdf"
    media_type = "application/pdf"

    def render(self, document: Document) -> bytes:
        named: dict[str, Chart] = {}

        def chart_src(chart: Chart) -> str:
            name = f"{CHART_SCHEME}:{len(named)}"
            named[name] = chart
            return name

        html = render_html(document, for_print=True, chart_src=chart_src)
        with _collect_less_often():
            return HTML(string=html, url_fetcher=_report_fetcher(named)).write_pdf()


#: The scheme of a chart's name in the report's HTML: its SVG is handed to WeasyPrint when
#: WeasyPrint asks for it, so the workers draw the charts while the text is parsed and styled.
CHART_SCHEME = "kinerja-grafik"


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


def _report_fetcher(named: dict[str, Chart]):
    """The report's own charts by name, and data URIs (the logo): never a file or a URL."""
    try:  # recent WeasyPrint: a fetcher object that knows allowed protocols
        from weasyprint.urls import URLFetcher, URLFetcherResponse
    except ImportError:  # older WeasyPrint: a fetcher function
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args, **kwargs):
            if url in named:
                return {"string": charts.render_svg(named[url]), "mime_type": _SVG}
            if not url.startswith("data:"):
                raise ValueError(f"sumber luar tidak diizinkan dalam laporan: {url[:60]}")
            return default_url_fetcher(url, *args, **kwargs)

        return fetch

    class ReportFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url in named:
                svg = charts.render_svg(named[url])
                return URLFetcherResponse(url, svg, headers={"Content-Type": _SVG})
            return super().fetch(url, headers)

    return ReportFetcher(allowed_protocols=("data",))


_SVG = "image/svg+xml"


register(PdfExporter())
