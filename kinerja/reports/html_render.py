"""A :class:`~kinerja.reports.document.Document` as one standalone HTML page (``lang="id"``).

The page is made with Django's template engine, autoescape on: ``reports/document.html``
includes one partial per block type (``reports/blocks/<type>.html``) and inlines its CSS
(``reports/css/``) and its charts (SVG data URIs), so it needs nothing from the network.
``for_print=True`` adds the paged-media rules (A4, running header, "Halaman X dari Y")
that WeasyPrint lays out; ``for_print=False`` gives a screen layout for a web preview.

The web app can reuse the partials: :func:`block_items` gives, for each block, the
partial's name with the ``block`` and the ``extra`` values it expects.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string

from kinerja.reports import charts, hyphenation
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
    Signature,
    SignaturePair,
    Table,
    TableOfContents,
)

__all__ = ["BlockItem", "block_items", "render_html", "svg_uri"]


#: The id of the n-th chart's image (from 1, in the order of the document's charts).
CHART_ID = "grafik-"

_TEMPLATES = {
    Paragraph: "paragraph",
    Heading: "heading",
    BulletList: "list",
    Table: "table",
    Chart: "chart",
    PageBreak: "pagebreak",
    TableOfContents: "toc",
    Signature: "signature",
    SignaturePair: "signature_pair",
    Cover: "cover",
}


@dataclass
class BlockItem:
    """One block ready for its partial: ``{% include item.template with block=… extra=… %}``."""

    template: str
    block: object
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class CellView:
    text: str
    css: str  # class names: align-right, bold
    style: str  # inline style: the indent of a tree row's indented cell
    colspan: int
    rowspan: int


def render_html(
    document: Document, *, for_print: bool = True, chart_src: Callable[[Chart], str] | None = None
) -> str:
    """The whole document as a complete HTML page, CSS and charts inlined.

    ``chart_src`` gives a chart's ``src``; by default its SVG as a data URI, which waits for
    the chart to be drawn. The PDF exporter gives an empty image of the chart's size instead
    and draws the chart into the place WeasyPrint gave it.
    """
    context = {
        "document": document,
        "items": block_items(document, chart_src),
        "for_print": for_print,
        "logo_src": _image_uri(document.logo),
        "has_cover": any(isinstance(b, Cover) for b in document.blocks),
        "lang": hyphenation.LANG,  # WeasyPrint hyphenates by it, at syllables (hyphenation)
    }
    return render_to_string("reports/document.html", context)


def block_items(
    document: Document, chart_src: Callable[[Chart], str] | None = None
) -> list[BlockItem]:
    """Every block of ``document`` with the values its partial needs, in order.

    Heading ids (``h-1``, ``h-2`` …) are given here so that the table of contents can
    link to them, and chart ids (``grafik-1`` …) so that the PDF exporter finds where each
    chart was laid out; superfluous page breaks (at the start or end, after a cover, before a
    BAB heading that starts a page anyway, doubled) are dropped.
    """
    headings: list[dict] = []
    items: list[BlockItem] = []
    if chart_src is None:
        charts.prerender(document.charts(), "svg")
    n_headings = n_charts = 0
    tocs = [b for b in document.blocks if isinstance(b, TableOfContents)]
    toc_depth = tocs[0].depth if tocs else 0
    for index, block in enumerate(document.blocks):
        name = _TEMPLATES.get(type(block))
        if name is None:
            raise TypeError(f"blok laporan tidak dikenal: {type(block).__name__}")
        item = BlockItem(f"reports/blocks/{name}.html", block)
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            label = " ".join(block.text.split())  # "BAB I\nPENDAHULUAN" → one line
            n_headings += 1
            hid = f"h-{n_headings}"
            item.extra = {"id": hid, "tag": f"h{level}", "level": level, "label": label}
            if level <= toc_depth:  # as the DOCX's TOC field; deeper ones: bookmarks
                headings.append({"id": hid, "text": label, "level": level})
        elif isinstance(block, Paragraph):
            item.extra = {"keep": document.keeps_with_next(index)}
        elif isinstance(block, Table):
            item.extra = _table_extra(block)
        elif isinstance(block, Chart):
            n_charts += 1
            item.extra = {"src": (chart_src or svg_uri)(block), "id": f"{CHART_ID}{n_charts}"}
        elif isinstance(block, Cover):
            item.extra = {"logo": _image_uri(document.logo)}
        elif isinstance(block, TableOfContents):
            item.extra = {"entries": headings}  # filled as the loop goes on: all headings
        items.append(item)
    return _drop_needless_breaks(items)


def _drop_needless_breaks(items: list[BlockItem]) -> list[BlockItem]:
    kept: list[BlockItem] = []
    for i, item in enumerate(items):
        if isinstance(item.block, PageBreak):
            following = items[i + 1].block if i + 1 < len(items) else None
            previous = kept[-1].block if kept else None
            if (
                previous is None
                or following is None
                or isinstance(previous, PageBreak | Cover | TableOfContents)
                or isinstance(following, Cover | PageBreak | TableOfContents)
                or (isinstance(following, Heading) and following.level == 1)
            ):
                continue
        kept.append(item)
    return kept


# --- tables ----------------------------------------------------------------------------


def _table_extra(table: Table) -> dict:
    total = sum(Decimal(str(w)) for w in table.widths)
    cols = [_percent(Decimal(str(w)) / total * 100) for w in table.widths] if total > 0 else []
    return {
        "cols": cols,
        "header": [[_cell_view(cell, header=True) for cell in row] for row in table.header],
        "rows": [_row_view(row, table.indented(row)) for row in table.rows],
    }


def _percent(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}%"  # CSS wants a dot: "37.50%"


def _row_view(row: Row, indented: int | None) -> dict:
    cells = [
        _cell_view(cell, indent=row.level if i == indented else 0)
        for i, cell in enumerate(row.cells)
    ]
    css = " ".join(name for name, on in (("bold", row.bold), ("shade", row.shade)) if on)
    return {"css": css, "cells": cells}


def _cell_view(cell: Cell, *, indent: int = 0, header: bool = False) -> CellView:
    classes = [] if header and cell.align == "left" else [f"align-{cell.align}"]
    if cell.bold:
        classes.append("bold")
    style = f"padding-left: {0.45 + indent * 1.1:.2f}em" if indent > 0 else ""
    return CellView(cell.text, " ".join(classes), style, cell.colspan, cell.rowspan)


# --- images ----------------------------------------------------------------------------


def svg_uri(chart: Chart) -> str:
    """The chart's SVG as a data URI (drawn, or waited for, now)."""
    return "data:image/svg+xml;base64," + base64.b64encode(charts.render_svg(chart)).decode()


def _image_uri(data: bytes | None) -> str:
    """A data URI for a logo given as PNG, JPEG, GIF or SVG bytes; "" if none or unknown."""
    if not data:
        return ""
    head = data[:512].lstrip()
    if head.startswith(b"\x89PNG"):
        mime = "image/png"
    elif head.startswith(b"\xff\xd8"):
        mime = "image/jpeg"
    elif head.startswith(b"GIF8"):
        mime = "image/gif"
    elif head.startswith((b"<?xml", b"<svg")) or b"<svg" in head:
        mime = "image/svg+xml"
    else:
        return ""
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")
