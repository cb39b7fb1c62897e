"""PDF export: the report's HTML (:mod:`kinerja.reports.html_render`) laid out by WeasyPrint.

Print design lives in ``reports/css/print.css``: A4 with a 3 cm binding margin, running
header with the document title from page 2, "Halaman X dari Y" footer (not on the
cover), BAB headings on a new page, PDF bookmarks from the headings, a table of contents
with page numbers, table headers repeated on every page and rows that never split.
"""

from __future__ import annotations

from weasyprint import HTML

from kinerja.reports.document import Document
from kinerja.reports.exporters import register
from kinerja.reports.html_render import render_html

__all__ = ["PdfExporter"]


class PdfExporter:
    format = "pdf"
    extension = "pdf"
    media_type = "application/pdf"

    def render(self, document: Document) -> bytes:
        html = render_html(document, for_print=True)
        return HTML(string=html, url_fetcher=_inline_only_fetcher()).write_pdf()


def _inline_only_fetcher():
    """Everything a report shows is inlined (data URIs): never fetch a file or a URL."""
    try:  # recent WeasyPrint: a fetcher object that knows allowed protocols
        from weasyprint.urls import URLFetcher
    except ImportError:  # older WeasyPrint: a fetcher function
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args, **kwargs):
            if not url.startswith("data:"):
                raise ValueError(f"sumber luar tidak diizinkan dalam laporan: {url[:60]}")
            return default_url_fetcher(url, *args, **kwargs)

        return fetch
    return URLFetcher(allowed_protocols=("data",))


register(PdfExporter())
