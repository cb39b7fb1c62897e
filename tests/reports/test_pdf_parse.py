"""The PDF's HTML as WeasyPrint reads it: parsed by expat (ReportHTML), with the report's
user-agent stylesheet, to the same bytes as WeasyPrint's own parser and stylesheet."""

import io
import re

from pypdf import PdfReader

from kinerja.reports.document import Paragraph, Signature
from kinerja.reports.html_render import render_html
from tests.reports.test_pdf_export import sample_document


def _png() -> bytes:
    from PIL import Image

    written = io.BytesIO()
    Image.new("RGB", (4, 4), "#3b5b92").save(written, "PNG")
    return written.getvalue()


def test_the_report_parsed_as_xml_with_fewer_pseudo_elements_gives_weasyprints_own_pdf():
    """ReportHTML (expat, markers for list items only, no footnote pseudo-elements) against
    WeasyPrint's own HTML parser and user-agent stylesheet: the same bytes, for a report with
    cover, contents, lists (numbered too), tables, a chart, kop, logo and line breaks."""
    from weasyprint import HTML

    from kinerja.reports.pdf_export import CHART_SLOT, ReportHTML, _report_fetcher, xml_tree

    document = sample_document()
    document.kop, document.logo = ("PEMERINTAH KABUPATEN", "KECAMATAN TOWUTI"), _png()
    document.add(Paragraph.of("Baris satu\nbaris dua"), Signature("T", "CAMAT\nTOWUTI", "Andi"))
    html = render_html(document, chart_src=lambda _chart: CHART_SLOT)
    assert xml_tree(html) is not None  # the report takes the XML parser

    def pdf(page) -> bytes:
        return page.render().write_pdf()

    theirs = pdf(HTML(string=html, url_fetcher=_report_fetcher()))
    assert pdf(ReportHTML(html, url_fetcher=_report_fetcher())) == theirs


def test_the_report_stylesheet_gives_pseudo_elements_only_to_what_has_them():
    """Guards the speed: if WeasyPrint's user-agent stylesheet were written otherwise, the
    report's would be WeasyPrint's as it is, right but computing six styles per element."""
    from kinerja.reports.pdf_export import REPORT_UA_TEXT

    assert "li::marker {" in REPORT_UA_TEXT
    assert not re.search(r"^::", REPORT_UA_TEXT, flags=re.MULTILINE)
    assert "footnote-call" not in REPORT_UA_TEXT and "note-callback" not in REPORT_UA_TEXT


def test_html_that_is_not_xml_is_parsed_by_weasyprint():
    from kinerja.reports.pdf_export import ReportHTML, _report_fetcher, xml_tree

    html = "<!DOCTYPE html><html><body><p>Satu&nbsp;dua<hr></p></body></html>"
    assert xml_tree(html) is None  # an HTML entity, an unclosed <hr>
    page = ReportHTML(html, url_fetcher=_report_fetcher())
    text = PdfReader(io.BytesIO(page.render().write_pdf())).pages[0].extract_text()
    assert text.replace("\xa0", " ") == "Satu dua"
