"""Parts of the DOCX export: package set-up, column widths, tables, fields, signatures."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from xml.sax.saxutils import escape as xml_escape

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Length
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from kinerja.reports.document import Cell, Document, Signature, Table
from kinerja.reports.grid import Placed, place_cells
from kinerja.reports.hyphenation import HYPHENATOR

ALIGN = {a: getattr(WD_ALIGN_PARAGRAPH, a.upper()) for a in ("left", "right", "center")}
#: The tables' look, the PDF's (``reports/css/document.css``): rules of 0,5 pt in grey-blue,
#: the header rows and the total and group rows (Row.shade) on light grey-blue, cells padded
#: 0,22 em × 0,45 em of their font size (:func:`cell_margins`). Word's "Table Grid" pads
#: 0,19 cm each side: a quarter more than the PDF, enough to break "Target" in its column as
#: "Targe / t".
RULE_COLOR, HEADER_FILL, SHADE_FILL = "8C96A3", "E3E8EF", "F1F3F6"


def cell_margins(size_pt: float) -> dict[str, int]:
    """A cell's padding in twips, as the PDF's: 0,22 em above and below, 0,45 em beside."""
    v, h = round(0.22 * size_pt * 20), round(0.45 * size_pt * 20)
    return {"top": v, "left": h, "bottom": v, "right": h}


CELL_MARGINS = cell_margins(9)  # "Table Grid": the 9 pt tables
#: A small (8 pt) table's own padding: with the 9 pt one, "2022" or "81,74" broke in its
#: narrow column in the DOCX and not in the PDF.
SMALL_CELL_MARGINS = "".join(
    f'<w:{side} w:w="{twips}" w:type="dxa"/>' for side, twips in cell_margins(8).items()
)
LEVEL_INDENT = Cm(0.4)  # per Row.level, on the cell Table.indented() names

# --- package ------------------------------------------------------------------------------

KIND_NAMES = {
    "triwulan": "Laporan Evaluasi Kinerja Triwulan",
    "lkjip": "Laporan Kinerja Instansi Pemerintah (LKjIP)",
    "pk": "Perjanjian Kinerja",
}
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def setup_package(doc: DocxDocument, model: Document) -> None:
    """Settings (refresh fields on open, Indonesian), core properties, no template leftovers."""
    settings = doc.settings.element
    update = el("w:updateFields", val="true")  # Word/LibreOffice refresh TOC and pages
    settings.insert_element_before(update, "w:hdrShapeDefaults", "w:footnotePr", "w:compat")
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), "id-ID")
    package_rels, document_rels = doc.part.package.rels, doc.part.rels
    for rels, reltype in ((package_rels, RT.THUMBNAIL), (document_rels, _STYLES_WITH_EFFECTS)):
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype == reltype]:
            del rels[r_id]  # the template's thumbnail and stale Word 2010 styles
    now = datetime.now(UTC).replace(microsecond=0)
    props = doc.core_properties
    props.title = model.title
    kind = KIND_NAMES.get(model.kind, model.kind)
    props.subject = " — ".join(x for x in (kind, model.unit) if x)
    props.author = props.last_modified_by = "Kinerja"
    props.keywords = "; ".join(x for x in ("SAKIP", kind, model.unit) if x)
    props.category, props.comments, props.language = kind, "Dibuat oleh Kinerja", "id-ID"
    props.created = props.modified = now
    props.revision = 1


# --- grid widths ----------------------------------------------------------------------------


def column_widths(relative: Sequence[float], ncols: int, total: Length) -> list[Emu]:
    """Relative widths → absolute widths summing to ``total``; equal if they don't fit."""
    weights = list(relative) if len(relative) == ncols and all(w > 0 for w in relative) else []
    weights = weights or [1.0] * ncols
    widths = [Emu(int(total * w / sum(weights))) for w in weights]
    widths[-1] = Emu(total - sum(widths[:-1]))
    return widths


# --- low-level XML ------------------------------------------------------------------------


def el(tag: str, **attrs: str):
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def add_field(paragraph: DocxParagraph, instruction: str, result: str = "") -> None:
    """A complex field (PAGE, NUMPAGES, TOC …) whose shown ``result`` the reader refreshes."""
    dirty = {"dirty": "true"} if instruction.startswith("TOC") else {}  # stale until updated
    paragraph.add_run()._r.append(el("w:fldChar", fldCharType="begin", **dirty))
    instr = el("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(el("w:fldChar", fldCharType="separate"))
    if result:
        paragraph.add_run(result)
    paragraph.add_run()._r.append(el("w:fldChar", fldCharType="end"))


def wrap_in_field(paragraphs: list[DocxParagraph], instruction: str) -> None:
    """Make existing paragraphs the shown result of one complex field (e.g. a TOC)."""
    first, last = paragraphs[0]._p, paragraphs[-1]._p
    begin = [el("w:fldChar", fldCharType="begin", dirty="true"), el("w:instrText")]
    begin[1].set(qn("xml:space"), "preserve")
    begin[1].text = f" {instruction} "
    runs = [el("w:r") for _ in range(3)]
    runs[0].append(begin[0])
    runs[1].append(begin[1])
    runs[2].append(el("w:fldChar", fldCharType="separate"))
    p_pr = first.find(qn("w:pPr"))
    position = 1 if p_pr is not None else 0
    for offset, run in enumerate(runs):
        first.insert(position + offset, run)
    end = el("w:r")
    end.append(el("w:fldChar", fldCharType="end"))
    last.append(end)


_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:rPr")
_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")


def add_bottom_rule(
    paragraph: DocxParagraph, val: str = "thickThinSmallGap", sz: int = 18, color: str = "000000"
) -> None:
    """A rule under ``paragraph``, as its bottom border: by default the thick-over-thin one
    under a letterhead (``sz`` in eighths of a point)."""
    borders = el("w:pBdr")
    borders.append(el("w:bottom", val=val, sz=str(sz), space="1", color=color))
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert_element_before(borders, *_AFTER_PBDR)


def style_ids(doc: DocxDocument) -> dict[str, str]:
    """Every style's id by its name, read in one pass: python-docx finds a style by name by
    scanning all of them, each time (a report sets the style of a thousand paragraphs)."""
    ids: dict[str, str] = {}
    for style in doc.styles:
        ids.setdefault(style.name, style.style_id)  # the first of a name, as styles[name]
    return ids


def style_table_grid(doc: DocxDocument) -> None:
    """The template's "Table Grid", which every report table has, in the PDF's rules and
    padding (:data:`CELL_MARGINS`): a reader who adds a table in Word gets the same look."""
    tbl_pr = doc.styles["Table Grid"].element.find(qn("w:tblPr"))
    for edge in tbl_pr.find(qn("w:tblBorders")):
        edge.set(qn("w:color"), RULE_COLOR)
    margins = tbl_pr.find(qn("w:tblCellMar"))
    for side, twips in CELL_MARGINS.items():
        margins.find(qn(f"w:{side}")).set(qn("w:w"), str(twips))


#: The short rule under a cover's title, as the PDF's (document.css, .cover-top::after).
COVER_RULE_COLOR, COVER_RULE_WIDTH = "3B5B92", Cm(4)


def cover_rule(paragraph: DocxParagraph, text_width: Length) -> None:
    """``paragraph`` (empty) as a 4 cm rule of 1,5 pt, centred: its bottom border, indented
    from both sides."""
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Emu((text_width - COVER_RULE_WIDTH) // 2)
    fmt.space_before, fmt.space_after = Cm(0.2), Cm(0)
    add_bottom_rule(paragraph, "single", 12, COVER_RULE_COLOR)


def word_image(data: bytes | None) -> bytes | None:
    """Image bytes that Word shows (PNG, JPEG, GIF); SVG and anything else are left out."""
    magic = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
    return data if data and data.startswith(magic) else None


def new_table(doc: DocxDocument, nrows: int, widths: list[Emu], *, borders: bool) -> DocxTable:
    """A centered table of fixed column widths whose rows never split across pages."""
    table = doc.add_table(rows=nrows, cols=len(widths))
    if borders:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # fixed layout: the widths below are the widths Word uses
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))  # python-docx always writes one ("auto")
    tbl_w.set(qn("w:w"), str(Emu(sum(widths)).twips))
    tbl_w.set(qn("w:type"), "dxa")
    if not borders:
        edges = el("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            edges.append(el(f"w:{edge}", val="nil"))
        tbl_pr.insert_element_before(edges, *_AFTER_BORDERS)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for tr in table._tbl.tr_lst:
        tr.get_or_add_trPr().append(el("w:cantSplit"))
        for tc, width in zip(tr.tc_lst, widths, strict=True):
            tc.width = width
    return table


# --- tables -------------------------------------------------------------------------------


def add_table(
    doc: DocxDocument, model: Table, text_width: Length, style_ids: Mapping[str, str]
) -> DocxTable | None:
    """The grid of ``model`` (caption and notes are the caller's): header rows repeat on every
    page, no row splits across pages, a short table (``Table.whole``) stays on one page, a
    bold row (a tree's parent) stays with the row after it, spans become merged cells
    (gridSpan, vMerge).

    The table is written as WordprocessingML text and parsed once: a report has thousands of
    cells, and python-docx's per-property object API costs about a millisecond each.
    """
    header, header_cols = place_cells(model.header)
    body, body_cols = place_cells([row.cells for row in model.rows])
    nhead, nrows = len(model.header), len(model.header) + len(model.rows)
    ncols = max(header_cols, body_cols)
    if nrows == 0 or ncols == 0:
        return None
    widths = [Emu(w).twips for w in column_widths(model.widths, ncols, text_width)]
    small = model.font_size == "small"
    style_id = style_ids["Table Text Small" if small else "Table Text"]
    grid_style = style_ids["Table Grid"]
    origins: dict[tuple[int, int], Placed] = {}
    continued: dict[tuple[int, int], Placed] = {}
    for placed, offset in [(p, 0) for p in header] + [(p, nhead) for p in body]:
        origins[(placed.row + offset, placed.col)] = placed
        for r in range(1, placed.rowspan):
            continued[(placed.row + offset + r, placed.col)] = placed
    xml = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{grid_style}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/>'
        + (f"<w:tblCellMar>{SMALL_CELL_MARGINS}</w:tblCellMar>" if small else "")
        + '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
        'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    for r in range(nrows):
        is_head = r < nhead
        row = None if is_head else model.rows[r - nhead]
        indented = None if row is None else model.indented(row)
        fill = HEADER_FILL if is_head else SHADE_FILL if row.shade else ""
        xml.append(
            "<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if is_head else "") + "</w:trPr>"
        )
        c = 0
        while c < ncols:
            placed = origins.get((r, c)) or continued.get((r, c))
            span = placed.colspan if placed else 1
            width = sum(widths[c : c + span])
            merge = ""
            if placed and placed.rowspan > 1:
                merge = '<w:vMerge w:val="restart"/>' if (r, c) in origins else "<w:vMerge/>"
            indent_here = indented is not None and placed and (r, c) in origins
            level = row.level if indent_here and placed.cell is row.cells[indented] else 0
            xml.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
                + merge
                + (f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else "")
                + ('<w:vAlign w:val="center"/>' if is_head else "")
                + "</w:tcPr>"
            )
            text = placed.cell if placed and (r, c) in origins else None
            bold = is_head or (text is not None and (text.bold or row.bold))
            # with the next row: a short table on one page, a tree's parent with its child
            keep = is_head or ((model.whole or row.bold) and r < nrows - 1)
            xml.append(_cell_paragraph(style_id, text, is_head, bold, level, keep))
            xml.append("</w:tc>")
            c += span
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    tbl = parse_xml("".join(xml))
    doc.element.body._insert_tbl(tbl)
    return DocxTable(tbl, doc._body)


def _cell_paragraph(
    style_id: str, cell: Cell | None, header: bool, bold: bool, level: int, keep: bool
) -> str:
    align = "center" if header else (cell.align if cell else "left")
    ppr = f'<w:pPr><w:pStyle w:val="{style_id}"/>'
    if keep:
        ppr += "<w:keepNext/>"
    if level:
        ppr += f'<w:ind w:left="{Emu(LEVEL_INDENT * level).twips}"/>'
    ppr += f'<w:jc w:val="{_JC[align]}"/></w:pPr>'
    if cell is None or not cell.text:
        return f"<w:p>{ppr}</w:p>"
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    text = xml_escape(hyphenated(cell.text) if header else cell.text).replace(SOFT_HYPHEN, _SHY)
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


_JC = {"left": "left", "right": "right", "center": "center"}
SOFT_HYPHEN = "\u00ad"
_SHY = '</w:t><w:softHyphen/><w:t xml:space="preserve">'  # Word's optional hyphen
_WORD = re.compile(r"[^\W\d_]{5,}")  # letters only; 5 at least, as the PDF (2 + 1 + 2)


def hyphenated(text: str) -> str:
    """``text`` with an optional hyphen where the PDF may hyphenate each word: a header's
    word wider than its column ("Realisasi", "SEDERAJAT") breaks as "Reali-/sasi" in Word
    and LibreOffice too, not letter by letter as "Realis/asi". The hyphen is shown only at
    a break; a search or a copy of the text finds the word whole."""
    return _WORD.sub(lambda word: HYPHENATOR.inserted(word[0], hyphen=SOFT_HYPHEN), text)


# --- signatures ---------------------------------------------------------------------------


_SIGNATURE_LINES = (
    ("place", lambda s: s.place_date),
    ("jabatan", lambda s: s.jabatan),
    ("space", lambda s: ""),
    ("nama", lambda s: s.nama),
    ("pangkat", lambda s: s.pangkat),
    ("nip", lambda s: f"NIP. {s.nip}" if s.nip else ""),
)


def _signature_rows(signatures: Sequence[Signature | None]) -> list[tuple[str, list[str]]]:
    """(kind, one text per column) rows; a row that is empty in every column is left out."""
    rows = []
    for kind, get in _SIGNATURE_LINES:
        texts = [get(s) if s is not None else "" for s in signatures]
        if any(texts) or kind == "space":
            rows.append((kind, texts))
    return rows


def add_signatures(
    doc: DocxDocument,
    signatures: Sequence[Signature | None],
    text_width: Length,
    style_ids: Mapping[str, str],
) -> DocxTable:
    """A borderless table, one column per signature (``None`` leaves a column empty); the rows
    align place, jabatan, signing space, nama (bold, underlined), pangkat and NIP across it."""
    rows = _signature_rows(signatures)
    widths = column_widths([1.0] * len(signatures), len(signatures), text_width)
    table = new_table(doc, len(rows), widths, borders=False)
    for r, ((kind, texts), tr) in enumerate(zip(rows, table._tbl.tr_lst, strict=True)):
        for text, tc in zip(texts, tr.tc_lst, strict=True):
            paragraph = _Cell(tc, table).paragraphs[0]
            paragraph._p.style = style_ids["Signature"]
            paragraph.paragraph_format.keep_with_next = r < len(rows) - 1
            if kind == "space":
                paragraph.add_run("\n\n")  # with the paragraph itself: three empty lines
            elif text:
                run = paragraph.add_run(text)
                if kind == "nama":
                    run.bold = run.underline = True
    return table
